"""Exact facts about the five real seed documents."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.corpus.library import Library
from tui.corpus.model import Confidence, Document, TurnKind

ORDER = [
    ("004_d48fa1d5f48169a7", dt.date(2016, 7, 12), "Baku"),
    ("000_0f3248e6ed0e14b7", dt.date(2017, 3, 6), "Moscow"),
    ("003_17535f2944fa9c05", dt.date(2017, 4, 4), "Moscow"),
    ("001_1233152ec4a1af33", dt.date(2020, 8, 26), "Moscow"),
    ("002_06cc93c8d13a39f8", dt.date(2020, 11, 21), "Baku"),
]
CHROME = (
    "Additional materials",
    "Advanced settings",
    "en-GB1",
    "+44",
    "All news",
    "Consular queries",
)


def test_sidebar_order_dates_and_places(seeds: Library) -> None:
    assert [(d.id, d.date.value, d.place) for d in seeds.documents] == ORDER
    assert seeds.errors == ()


@pytest.mark.parametrize(
    ("doc_id", "questions", "turns", "paragraphs"),
    [
        ("000_0f3248e6ed0e14b7", 3, 7, 20),
        ("001_1233152ec4a1af33", 3, 7, 27),
        ("002_06cc93c8d13a39f8", 4, 9, 17),
        ("004_d48fa1d5f48169a7", 3, 7, 23),
    ],
)
def test_transcripts_alternate_questions_and_lavrov_answers(
    seeds: Library, doc_id: str, questions: int, turns: int, paragraphs: int
) -> None:
    document = seeds.by_id(doc_id)
    assert document.questions == questions
    assert len(document.turns) == turns
    assert len(document.paragraphs) == paragraphs
    opening = document.turns[0]
    assert (opening.kind, opening.speaker, opening.label) == (
        TurnKind.STATEMENT,
        "Sergey Lavrov",
        None,
    )
    for position, turn in enumerate(document.turns):
        if turn.kind is TurnKind.QUESTION:
            answer = document.turns[position + 1]
            assert (answer.kind, answer.speaker) == (TurnKind.ANSWER, "Sergey Lavrov")
            assert turn.speaker is None
    assert document.speakers == ("Sergey Lavrov",)
    assert document.source_kind in ("ministry transcript", "embassy news page")


def test_paragraph_indexes_count_across_turns(seeds: Library) -> None:
    for document in seeds.documents:
        assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
        assert [t.index for t in document.turns] == list(range(len(document.turns)))


def test_stage_notes_are_kept_apart_from_names(seeds: Library) -> None:
    document = seeds.by_id("000_0f3248e6ed0e14b7")
    assert document.turns[1].label == "Question"
    assert document.turns[1].note == "addressed to both ministers"
    assert document.turns[2].label == "Sergey Lavrov"
    assert document.turns[2].note == "speaking after Elmar Mammadyarov"
    replies = seeds.by_id("001_1233152ec4a1af33").turns[4]
    assert replies.note == "replies after Jeyhun Bayramov"  # the no-break space became a space


def test_001_first_question_keeps_its_second_paragraph(seeds: Library) -> None:
    question = seeds.by_id("001_1233152ec4a1af33").turns[1]
    assert question.kind is TurnKind.QUESTION
    assert question.note == "to both ministers"
    assert len(question.paragraphs) == 2
    assert question.paragraphs[0].text.startswith("What are the prospects for a Nagorno-Karabakh")
    assert question.paragraphs[1].text.startswith("During the escalation, Azerbaijan said")


def _body(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_004_footer_is_dropped_not_turned_into_questions(seeds: Library) -> None:
    document = seeds.by_id("004_d48fa1d5f48169a7")
    body = _body(document)
    dropped = "\n".join(d.text for d in document.dropped)
    for phrase in ("PMO spokeswoman", "Sputnik Edinburgh", "Ciaran Martin", "all messages"):
        assert phrase not in body
        assert phrase in dropped
    footer = [d for d in document.dropped if d.reason == "footer"]
    assert footer[0].text.startswith("27.11.2017 - ")
    assert footer[-1].text == "all messages"
    assert document.turns[-1].paragraphs[-1].text.startswith("Briefly, we cannot make public")


def test_004_date_comes_from_the_title_not_the_scrape_clock(seeds: Library) -> None:
    document = seeds.by_id("004_d48fa1d5f48169a7")
    assert document.date.value == dt.date(2016, 7, 12)
    assert (document.date.source, document.date.confidence) == ("title", Confidence.EXACT)
    reasons = {d.text: d.reason for d in document.dropped}
    assert reasons["23 October 2018"] == "page date"
    assert reasons["Moscow: 06:43"] == "page clock"
    assert reasons["+44 (0) 203 668 7474"] == "phone number"


def test_003_is_an_article_with_a_heading_and_an_inferred_year(seeds: Library) -> None:
    document = seeds.by_id("003_17535f2944fa9c05")
    assert document.questions == 0
    assert (
        document.title
        == "Lavrov says Moscow-Baku cooperation can ensure security in South Caucasus"
    )
    headings = [t for t in document.turns if t.kind is TurnKind.HEADING]
    assert [h.paragraphs[0].text for h in headings] == ["Nagorno-Karabakh conflict"]
    assert document.date.value == dt.date(2017, 4, 4)
    assert document.date.confidence is Confidence.INFERRED
    assert "year inferred" in document.date.source
    assert "2017" in document.date.source
    assert "Tuesday" in document.date.source
    assert document.source_kind == "news agency article"
    quotes = [t for t in document.turns if t.kind is TurnKind.QUOTE]
    assert quotes and all(t.speaker == "Sergey Lavrov" for t in quotes)


def test_no_chrome_in_any_turn(seeds: Library) -> None:
    for document in seeds.documents:
        body = _body(document)
        for chrome in CHROME:
            assert chrome not in body, (document.id, chrome)
        assert "Representative offices in Russia" not in body


def test_000_date_and_title(seeds: Library) -> None:
    document = seeds.by_id("000_0f3248e6ed0e14b7")
    assert document.title.endswith("Elmar Mammadyarov, Moscow, March 6, 2017")
    assert document.short_title.startswith("Remarks and answers to media questions")
    reasons = [(d.line, d.reason) for d in document.dropped]
    assert reasons == [
        (1, "page date"),
        (6, "language bar"),
        (48, "navigation"),
        (51, "navigation"),
    ]


def test_topics_are_tagged_per_paragraph(seeds: Library) -> None:
    document = seeds.by_id("001_1233152ec4a1af33")
    corona = seeds.by_id("001_1233152ec4a1af33").turns[5]
    assert corona.kind is TurnKind.QUESTION
    assert corona.topics == ("Coronavirus",)
    assert "Nagorno-Karabakh" in document.turns[1].topics
    assert "Coronavirus" not in seeds.by_id("004_d48fa1d5f48169a7").turns[0].topics


def test_alias_maps_title_spelling_to_label_spelling(seeds: Library) -> None:
    assert seeds.config.canonical("Ceyhun Bayramov") == "Jeyhun Bayramov"
    assert "Ceyhun Bayramov" in seeds.by_id("001_1233152ec4a1af33").title
