"""dossier.yaml: corrections a user keeps beside the transcripts, applied to what the
CLI and the reader show without touching the source files or the cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from tui.cli import main
from tui.corpus.cache import DocumentCache
from tui.corpus.config import Config, load_config
from tui.corpus.library import Library, Loader

SEED = "002_06cc93c8d13a39f8"
BRIEFING = """\
Press briefing by Press Secretary Jen Psaki, Washington, March 1, 2021

MS. PSAKI: Good afternoon, everyone. We have a few things to cover today.

Q: Thank you. Will the President travel to Michigan next week?

MS. PSAKI: He will, and we will share the details of the trip soon.
"""
# A speaker the parser would not name from the title, so that the correction shows.
CORRECTIONS = f"""\
documents:
  {SEED}:          # the seed's id
    date: 2020-11-22
    title: Joint press conference in Baku
    place: Absheron
speakers:
  ms.  psaki: Jennifer Psaki   # case and spacing do not matter
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SEED}.txt", folder)
    (folder / "briefing.txt").write_text(BRIEFING, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    main(list(argv))
    captured = capsys.readouterr()
    return captured.out, captured.err


def show_json(capsys: pytest.CaptureFixture[str], corpus: Path, doc_id: str) -> Any:
    out, _ = run(capsys, "show", doc_id, "--json", "--corpus", str(corpus))
    return json.loads(out)


def psaki_turns(shown: Any) -> list[Any]:
    found = [turn for turn in shown["turns"] if turn["label"] == "MS. PSAKI"]
    assert found, "the briefing's labels were not parsed"
    return found


def test_corrections_show_in_show_json_with_their_source(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = (corpus / f"{SEED}.txt").read_bytes()
    (corpus / "dossier.yaml").write_text(CORRECTIONS, encoding="utf-8")
    shown = show_json(capsys, corpus, SEED)
    assert (shown["date"], shown["date_source"], shown["date_confidence"]) == (
        "2020-11-22",
        "dossier.yaml line 3",
        "exact",
    )
    assert (shown["title"], shown["place"]) == ("Joint press conference in Baku", "Absheron")
    assert shown["corrections"] == [
        {"field": "date", "value": "2020-11-22", "label": None, "source": "dossier.yaml line 3"},
        {
            "field": "title",
            "value": "Joint press conference in Baku",
            "label": None,
            "source": "dossier.yaml line 4",
        },
        {"field": "place", "value": "Absheron", "label": None, "source": "dossier.yaml line 5"},
    ]
    briefing = show_json(capsys, corpus, "briefing")
    assert {turn["speaker"] for turn in psaki_turns(briefing)} == {"Jennifer Psaki"}
    assert "Jennifer Psaki" in briefing["speakers"]
    assert (corpus / f"{SEED}.txt").read_bytes() == source


def test_check_and_list_show_the_corrected_values_and_where_they_came_from(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "dossier.yaml").write_text(CORRECTIONS, encoding="utf-8")
    out, _ = run(capsys, "check", str(corpus))
    assert "  date      2020-11-22 (exact: dossier.yaml line 3)" in out
    assert "  corrected title: Joint press conference in Baku (dossier.yaml line 4)" in out
    assert "  corrected speaker of ms. psaki: Jennifer Psaki (dossier.yaml line 7)" in out
    assert "Jennifer Psaki (2)" in out
    out, _ = run(capsys, "list", "--json", "--corpus", str(corpus))
    listed = {entry["id"]: entry for entry in json.loads(out)}
    assert set(listed) == {SEED, "briefing"}  # dossier.yaml is no document
    assert listed[SEED]["date"] == "2020-11-22"


def test_bad_entries_are_warned_with_their_line_and_the_rest_apply(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "dossier.yaml").write_text(
        f"""\
documents:
  {SEED}:
    date: 2020-02-30
    colour: red
    title: Joint press conference in Baku
  no-such-document:
    title: Lost
  briefing: a title
speakers:
  MS. PSAKI: [Jen, Psaki]
  Q: Reporter
extra: 1
""",
        encoding="utf-8",
    )
    out, err = run(capsys, "show", SEED, "--json", "--corpus", str(corpus))
    path = corpus / "dossier.yaml"
    assert err.splitlines() == [
        f"dossier: warning: {path}:3: date: '2020-02-30' is no real date; skipped",
        f"dossier: warning: {path}:4: colour: unknown field (only date, title, place); skipped",
        f"dossier: warning: {path}:6: no-such-document: no document has this id "
        "(see `dossier list`)",
        f"dossier: warning: {path}:8: briefing: must map date, title or place to a value; skipped",
        f"dossier: warning: {path}:10: MS. PSAKI: must be text; skipped",
        f"dossier: warning: {path}:12: extra: unknown key (only documents and speakers); skipped",
    ]
    shown = json.loads(out)
    assert shown["title"] == "Joint press conference in Baku"
    assert shown["date"] == "2020-11-21"  # as parsed: the bad date was skipped
    questions = [turn for turn in shown["turns"] if turn["label"] == "Question"]
    assert questions and all(turn["speaker"] is None for turn in questions)
    briefing = show_json(capsys, corpus, "briefing")
    assert [turn["speaker"] for turn in briefing["turns"] if turn["label"] == "Q"] == ["Reporter"]


def test_check_lists_the_warnings_in_its_output(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "dossier.yaml").write_text("documents:\n  nothing-here:\n    title: X\n")
    out, err = run(capsys, "check", str(corpus))
    words = " ".join(out.split())  # the summary wraps in 80 columns
    assert f"warning {corpus / 'dossier.yaml'}:2: nothing-here: no document has this id" in words
    assert "dossier.yaml" not in err


PSAKI = "speakers:\n  MS. PSAKI: Jennifer Psaki\n"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (f"{PSAKI}documents:\n  {SEED}:\n    title: A\n    title: B\n", "6:5", "duplicate key"),
        (f"{PSAKI}documents:\n  {SEED}: {{title: [A\n", "5:1", ""),
        (f"{PSAKI}base: &b {{title: A}}\ndocuments:\n  {SEED}: *b\n", "3:7", "anchors"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_warning_and_applies_nothing(
    corpus: Path, capsys: pytest.CaptureFixture[str], text: str, where: str, problem: str
) -> None:
    (corpus / "dossier.yaml").write_text(text, encoding="utf-8")
    out, err = run(capsys, "show", "briefing", "--json", "--corpus", str(corpus))
    [warning] = err.splitlines()
    assert warning.startswith(f"dossier: warning: {corpus / 'dossier.yaml'}:{where}: {problem}")
    assert warning.endswith("; no corrections applied")
    assert {turn["speaker"] for turn in psaki_turns(json.loads(out))} != {"Jennifer Psaki"}
    shown = show_json(capsys, corpus, SEED)
    assert shown["title"] != "A" and shown["corrections"] == []


def load(folder: Path, config: Config) -> Library:
    cache = DocumentCache.for_folder(folder, config)
    try:
        return Library.load(folder, config, cache)
    finally:
        cache.close()


def reload(library: Library) -> str:
    """What the app's `r` does: read the folder again into the library, through the
    cache; what changed, as the app says it."""
    cache = DocumentCache.for_folder(library.folder, library.config)
    try:
        loader = Loader(library, cache)
        for batch in loader.batches():
            library.add(batch)
        library.remove(loader.changes.removed)
        assert loader.parsed == 0
    finally:
        cache.close()
    return loader.changes.describe()


def test_a_change_to_dossier_yaml_is_taken_in_by_a_reload_without_parsing(corpus: Path) -> None:
    config = load_config()
    library = load(corpus, config)
    parsed_title = library.by_id(SEED).title
    plain = library.versions()
    assert [d.id for d in library.documents] == [SEED, "briefing"]
    corrections = corpus / "dossier.yaml"
    corrections.write_text(CORRECTIONS.replace("2020-11-22", "2021-11-22"), encoding="utf-8")
    assert reload(library) == "dossier.yaml changed"
    assert library.by_id(SEED).title == "Joint press conference in Baku"
    assert [d.id for d in library.documents] == ["briefing", SEED]  # sorted by the new date
    corrected = library.versions()
    assert corrected != plain  # the corrected documents are indexed again

    corrections.write_text(CORRECTIONS.replace("Absheron", "Baku"), encoding="utf-8")
    assert reload(library) == "dossier.yaml changed"
    assert library.by_id(SEED).place == "Baku"
    assert library.versions() not in (plain, corrected)
    assert reload(library) == "no changes"

    corrections.unlink()
    assert reload(library) == "dossier.yaml changed"
    # The cache kept the documents as parsed: without dossier.yaml they are as before.
    assert library.by_id(SEED).title == parsed_title
    assert library.versions() == plain
    assert load(corpus, config).by_id(SEED).title == parsed_title
