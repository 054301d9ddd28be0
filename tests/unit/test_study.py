"""Study views on the seeds: topics over time, the concordance, the speakers."""

from __future__ import annotations

import json
import re
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from tui.cli import main
from tui.corpus import study
from tui.corpus.config import load_config
from tui.corpus.letters import fold
from tui.corpus.library import Library
from tui.corpus.model import Document, TurnKind
from tui.corpus.search import SearchIndex
from tui.corpus.study import concordance, first_mention, sort_lines, speakers, timeline
from tui.corpus.syntax import KwicOrder

LIBRARY = Library.load(SEEDS, load_config())
INDEX = SearchIndex(LIBRARY.documents, LIBRARY.config)
TOPICS = [topic.name for topic in LIBRARY.config.topics]


def plain_count(pattern: str) -> int:
    """Occurrences in the body text, counted the plain way."""
    return sum(
        len(re.findall(pattern, paragraph.text, re.IGNORECASE))
        for document in LIBRARY.documents
        for paragraph in document.paragraphs
    )


def test_timeline_karabakh_everywhere_coronavirus_only_in_2020() -> None:
    table = timeline(LIBRARY.tallies(), TOPICS)
    dates = [d.date.iso for d in table.meetings]
    assert dates == ["2016-07-12", "2017-03-06", "2017-04-04", "2020-08-26", "2020-11-21"]
    row = dict(zip(table.topics, table.counts, strict=True))
    assert row["Nagorno-Karabakh"] == (6, 5, 6, 5, 10)
    assert [n > 0 for n in row["Coronavirus"]] == [False, False, False, True, True]
    assert row["Syria"] == (8, 1, 0, 0, 0)
    covid = LIBRARY.by_id(table.meetings[3].id)
    first = first_mention(covid, "Coronavirus")
    assert first is not None
    assert "Coronavirus" in covid.paragraphs[first].topics
    assert all("Coronavirus" not in p.topics for p in covid.paragraphs[:first])
    assert first_mention(LIBRARY.by_id(table.meetings[0].id), "Coronavirus") is None


def test_kwic_karabakh_matches_a_plain_count_with_dates_and_speakers() -> None:
    found = concordance(INDEX, "Karabakh")
    assert len(found.lines) == plain_count(r"(?<!\w)Karabakh(?!\w)") == 18
    assert all(line.match == "Karabakh" for line in found.lines)
    dates = [line.date for line in found.lines]
    assert dates == sorted(dates), "corpus order"
    for line in found.lines:
        document = LIBRARY.by_id(line.doc_id)
        assert line.date == document.date.iso
        paragraph = document.paragraphs[line.paragraph]
        assert line.left + line.match + line.right in paragraph.text
        turn = document.turn_of_paragraph(line.paragraph)
        assert (line.turn, line.speaker, line.kind) == (turn.index, turn.speaker, turn.kind)
    # A line keeps what it shows, never the document (every one a common word is in).
    assert not any(isinstance(kept, Document) for line in found.lines for kept in line)
    speakers_seen = {line.speaker for line in found.lines}
    assert speakers_seen == {"Sergey Lavrov", None}, "answers by Lavrov, questions unnamed"


def test_kwic_phrases_filters_and_sorting() -> None:
    assert [line.match for line in concordance(INDEX, "frozen conflict").lines] == [
        "frozen conflict"
    ]
    lavrov_2020 = concordance(INDEX, "Karabakh speaker:lavrov year:2020").lines
    assert lavrov_2020 and all(
        line.speaker == "Sergey Lavrov" and str(line.date).startswith("2020")
        for line in lavrov_2020
    )
    assert len(concordance(INDEX, "Karabakh -settlement").lines) < 18
    lines = concordance(INDEX, "Karabakh").lines
    right = sort_lines(lines, KwicOrder.RIGHT)
    assert [line.right.split()[0].casefold() for line in right] == sorted(
        line.right.split()[0].casefold() for line in lines
    )
    left = sort_lines(lines, KwicOrder.LEFT)
    assert [line.left.split()[-1].casefold() for line in left] == sorted(
        line.left.split()[-1].casefold() for line in lines
    )
    assert concordance(INDEX, "speaker:lavrov").hints == ("give a word or phrase to look for",)


def test_speakers_with_turns_meetings_and_topics() -> None:
    everyone = speakers(LIBRARY.tallies())
    assert [s.name for s in everyone] == ["Sergey Lavrov"]
    lavrov = everyone[0]
    assert (lavrov.turns, lavrov.meetings) == (19, 5)
    assert sorted(lavrov.documents) == sorted(summary.id for summary in LIBRARY.summaries)
    assert lavrov.top_topics[0] == "Nagorno-Karabakh"


def test_cli_kwic_and_timeline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kwic", "Karabakh", "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert len(lines) == 18
    assert set(lines[0]) == {
        "doc",
        "date",
        "paragraph",
        "turn",
        "speaker",
        "left",
        "match",
        "right",
    }
    assert lines[0]["date"] == "2016-07-12"
    assert main(["kwic", "nothingwhatsoever"]) == 1
    assert main(["timeline", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["topics"] == TOPICS
    assert table["meetings"][0]["date"] == "2016-07-12"
    assert table["counts"][TOPICS.index("Nagorno-Karabakh")] == [6, 5, 6, 5, 10]
    assert main(["speakers", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Sergey Lavrov"


def test_a_long_concordance_gives_its_first_lines_before_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(study, "FIRST_ENTRIES", 3)
    first, last = list(study.iter_concordance(INDEX, "Karabakh"))
    assert not first.complete and last.complete
    assert 3 <= len(first.lines) < len(last.lines) == 18
    assert first.lines == last.lines[: len(first.lines)]


@pytest.mark.parametrize("word", ["the", "Karabakh", "peace process"])
def test_a_concordance_line_keeps_only_the_text_it_shows(word: str) -> None:
    """The lines of a paragraph keep one text, the part of it they show, from the first
    match's left context to the last match's right (a word found in most paragraphs
    would otherwise hold every paragraph's text); each line's left, match and right are
    those of the whole paragraph."""
    found = concordance(INDEX, word, context=40)
    assert found.lines
    by_paragraph: dict[tuple[str, int], list[study.KwicLine]] = {}
    for line in found.lines:
        text = LIBRARY.by_id(line.doc_id).paragraphs[line.paragraph].text
        assert line.left == text[max(0, line.start - 40) : line.start]
        assert line.match == text[line.start : line.end]
        assert line.right == text[line.end : line.end + 40]
        by_paragraph.setdefault((line.doc_id, line.paragraph), []).append(line)
    shorter = 0
    for (doc_id, paragraph), lines in by_paragraph.items():
        text = LIBRARY.by_id(doc_id).paragraphs[paragraph].text
        low = max(0, min(line.start for line in lines) - 40)
        assert {(line.offset, line.text) for line in lines} == {
            (low, text[low : max(line.end for line in lines) + 40])
        }
        assert len({id(line.text) for line in lines}) == 1, "one text for the paragraph"
        shorter += len(lines[0].text) < len(text)
    assert shorter, "some paragraph is longer than what its lines show"
    speakers = {id(line.speaker) for line in found.lines if line.speaker}
    assert len(speakers) == len({line.speaker for line in found.lines if line.speaker})


WORDS = st.lists(
    st.text(st.sampled_from("aAbBéÉzZ-'’ё"), min_size=1, max_size=4), min_size=0, max_size=4
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, WORDS), min_size=2, max_size=12))
def test_sorting_by_context_is_by_its_words(contexts: list[tuple[list[str], list[str]]]) -> None:
    """Left and right orders sort lines by their context's words read outwards from the
    match, folded, as lists of the words compare (each line's key one string)."""
    lines = []
    for number, (left, right) in enumerate(contexts):
        before, after = " ".join(left), " ".join(right)
        text = f"{before} MATCH {after}"
        at = len(before) + 1
        lines.append(
            study.KwicLine(
                "d", None, number, 0, None, TurnKind.STATEMENT, text, 0, 100, at, at + len("MATCH")
            )
        )
    by_left = sorted(lines, key=lambda line: [fold(w) for w in reversed(line.left.split())])
    by_right = sorted(lines, key=lambda line: [fold(w) for w in line.right.split()])
    assert sort_lines(lines, KwicOrder.LEFT) == by_left
    assert sort_lines(lines, KwicOrder.RIGHT) == by_right
    # A concordance larger than a run is sorted in runs, merged: the same order, ties
    # (the same words) kept in corpus order.
    with patch.object(study, "SORT_RUN", 3):
        assert sort_lines(lines, KwicOrder.LEFT) == by_left
        assert sort_lines(lines, KwicOrder.RIGHT) == by_right
