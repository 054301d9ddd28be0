"""The parser on real transcripts from many sources (tests/corpus), scored against
keys written by reading them (bench/score.py). The figures may rise, never fall:
each floor is what the parser reached when it was set. The held-out sources are
scored by the bench alone, never here: a floor on them would be tuning to them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SCORER = Path(__file__).resolve().parents[2] / "bench" / "score.py"

TOTAL_FLOORS = {"dates": 98.0, "speakers": 95.5, "kinds": 64.0, "titles": 98.0}
"""Over every development source. Sources added after the first floors brought the
totals down though no source's figure fell: ethereum-pm (call notes, speakers added
at 61.9%), medford-meetings, changelog-podcasts (96.9%) and talks-srccon (52.6%); then
six bitcoin-talks pages picked for two layouts (the parser before them read them at
78.2% for the source, 94.9% in total; 96.0% and 97.7% with them); then 28 pages of
14 sources the parser had not been scored on (hearings, parliaments, court, meeting
minutes, podcasts), keyed by helpers: speakers 98.2% -> 94.0%, titles 97.9% -> 94.6%,
kinds 66.2% -> 64.4%, dates 97.8% -> 97.0%. Titles and dates lifted since (archive notes,
court captions, a title's second line): titles 94.6% -> 98.8%, dates 97.0% -> 97.6%;
then 21 pages of a blind sample (seven sources of four languages new to the corpus, and
three more pages of tc39-notes, virtual-coffee-podcast and w3c-ml-workshop; scored blind
first): speakers 97.5% -> 95.7%, titles 98.8% -> 98.4%, dates 98.2% -> 98.4%."""
CHROME_CEILING = 165
"""Lines of page furniture (of 1,869 the keys list) that may still reach the text:
bitcoin-talks brought 227 more lines, 11 of which leak, then 239 more (20 documents
drawn at random), 11 of which leak, then 80 more (six picked), 2 of which leak, then
161 more (the 28 pages of 14 sources), 44 of which leak; then the Record's page breaks,
times and archive notes kept out (156 -> 131); then 147 more (the blind sample's 21
pages), 34 of which leak."""
SPEAKER_FLOORS = {
    "a11y-rules": 99.0,
    "bitcoin-talks": 96.0,
    "captions": 99.0,
    "debates": 99.0,
    "medford-meetings": 99.5,
    "changelog-podcasts": 99.5,
    "ethereum-pm": 92.0,
    "kremlin": 95.0,
    "nba-postgame-zh": 100.0,
    "nsc-briefings": 99.5,
    "parliament": 96.0,
    "talks-srccon": 87.5,
    "un": 100.0,
    "whitehouse-briefings": 99.5,
    "ru-rusland": 88.5,
    "bookbytes": 99.5,
    "congressional-record": 94.0,
    "hansard-canada": 92.5,
    "iran-contra-hearings": 96.0,
    "ladybug-podcast": 96.5,
    "mdn-community-meetings": 95.0,
    "pm-transcripts-au": 91.0,
    "talk-transcripts": 97.0,
    # Three pages of the blind sample joined these two: 99.8% -> 97.3%, 87.3% -> 86.6%
    # (the pages before them unchanged).
    "tc39-notes": 97.0,
    "us-supreme-court": 99.5,
    "virtual-coffee-podcast": 98.0,
    "w3c-ml-workshop": 86.5,
    "wasm-cg": 86.5,
    "wot-cg": 86.5,
    "earnings-calls": 99.5,
    "lennys-podcast": 100.0,
    "mananeras": 96.0,
    "netzpolitik-podcast": 100.0,
    "presidential-newsconf": 48.5,
    "ru-interviews": 94.5,
    "sahaja-talks": 39.5,
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return _scorer().score(CORPUS)  # type: ignore[no-any-return]


def test_the_corpus_is_real_varied_and_keyed() -> None:
    keys = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in CORPUS.glob("keys/*.yaml")]
    documents = [entry for key in keys for entry in key["documents"]]
    assert len(documents) >= 80
    assert len(keys) >= 10
    assert {entry["language"] for entry in documents} >= {"en", "ru"}
    assert sum(1 for key in keys if key["held_out"]) == 3
    for key in keys:
        for entry in key["documents"]:
            assert (CORPUS / "docs" / key["source"] / entry["file"]).is_file()
            assert entry["repo"] and len(entry["commit"]) == 40 and entry["path"]


def test_the_development_figures_do_not_fall(result: dict[str, Any]) -> None:
    total = result["totals"]["development"]
    for figure, floor in TOTAL_FLOORS.items():
        assert total[figure] >= floor, f"{figure}: {total[figure]} < {floor}"
    assert total["chrome_leaked"] <= CHROME_CEILING
    for source, floor in SPEAKER_FLOORS.items():
        speakers = result["sources"][source]["speakers"]
        assert speakers >= floor, f"{source}: speakers {speakers} < {floor}"


def test_the_seeds_scored_as_a_source_are_exact(tmp_path: Path) -> None:
    """The scorer itself: a key that says what the seeds hold scores 100 everywhere,
    and one wrong speaker costs."""
    scorer = _scorer()
    (tmp_path / "docs").mkdir()
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    (tmp_path / "docs" / "seeds").symlink_to(seeds)
    (tmp_path / "keys").mkdir()
    document = scorer.Library.load(seeds, scorer.load_config()).by_id("000_0f3248e6ed0e14b7")
    key = {
        "source": "seeds",
        "held_out": False,
        "documents": [
            {
                "file": "000_0f3248e6ed0e14b7.txt",
                "date": "2017-03-06",
                "title": document.title,
                "turns": [
                    [turn.kind.value, turn.speaker]
                    for turn in document.turns
                    if turn.kind.value != "heading"
                ],
                "chrome": ["Additional materials"],
            }
        ],
    }
    (tmp_path / "keys" / "seeds.yaml").write_text(yaml.safe_dump(key), encoding="utf-8")
    figures = scorer.score(tmp_path)["totals"]["development"]
    assert (figures["dates"], figures["speakers"], figures["titles"]) == (100.0, 100.0, 100.0)
    assert figures["chrome_leaked"] == 0
    wrong = key["documents"][0]["turns"]
    assert wrong[0] == ["statement", "Sergey Lavrov"]
    wrong[0] = ["statement", "Someone Else"]
    (tmp_path / "keys" / "seeds.yaml").write_text(yaml.safe_dump(key), encoding="utf-8")
    assert scorer.score(tmp_path)["totals"]["development"]["speakers"] < 100.0


def test_a_keys_surname_is_met_by_the_full_name_and_by_nothing_else() -> None:
    """A key names a speaker from its document alone: `Cameron` where that document
    gives no more is met by the `David Cameron` another page of the folder gives; not
    by another name, nor a first name by a name that begins with it."""
    same = _scorer()._same_speaker
    cameron = ("statement", "cameron", "cameron")
    assert same(cameron, ("answer", "david cameron", "david cameron"))
    assert not same(cameron, ("answer", "cameron diaz", "cameron diaz"))
    assert not same(cameron, ("answer", "tony blair", "tony blair"))
    kim = ("statement", "kim", "kim")
    assert not same(kim, ("statement", "kimberly jones", "kimberly jones"))
