"""A labelled query set on the seeds: the paragraph each query must find first.

Typos, partial names, transliterations, phrases, every filter and combinations.
Precision@1 must be at least 0.9 and every expected paragraph in the top 5."""

from __future__ import annotations

import pytest

from tui.corpus.library import Library
from tui.corpus.search import SearchIndex

D004, D000, D003, D001, D002 = "004", "000", "003", "001", "002"

LABELLED: list[tuple[str, str, int]] = [
    # typos and misspelt names
    ("Kery breakthrough Syrian", D004, 14),
    ("Jabat Nusra colour", D004, 16),
    ("Jaish al-Fatah combat units", D004, 17),
    ("de Mistura negelcting duties", D004, 19),
    ("Derbent univercity branch", D004, 6),
    ("Kazan formla", D000, 15),
    ("comemorative envelope", D000, 3),
    ("coronovirus Sputnik vacine", D001, 24),
    ("Lomonosov Sechenov", D001, 9),
    ("Astara-Rasht railwya", D001, 22),
    ("test sytems doctors", D001, 25),
    ("interfaith interethnic reconcilliation", D002, 2),
    ("ICRC peacekepers", D002, 3),
    ("Pashinian monitoring centre", D002, 14),
    # partial and transliterated names
    ("Mamadyarov assessment", D004, 12),
    ("Jeyhun", D001, 1),
    ("Ceyhun Bayramov new minister", D001, 1),
    ("Overchuk Mustafayev", D001, 5),
    ("Cavusoglu Sochi", D004, 13),
    ("Bakinsky Rabochy", D003, 1),
    # as you type: prefixes
    ("Stavrop", D000, 6),
    ("Kazakh Caspian Fiv", D004, 7),
    ("quadrilat", D001, 20),
    # phrases
    ('"status of the Caspian Sea" headway', D000, 18),
    ('"North-South transport corridor"', D001, 21),
    ('"frozen conflict"', D002, 16),
    ('"Treaty of Amity"', D003, 3),
    ('"Days of Russian Culture"', D001, 8),
    ('"special services"', D002, 8),
    # filters
    ("speaker:lavrov kind:answer topic:caspian", D000, 19),
    ("year:2016 kind:question Karabakh", D004, 21),
    ("year:2020 kind:question Turkey", D002, 12),
    ("kind:question vaccine", D001, 24),
    ("after:2020-09-01 joint statement November significance", D002, 15),
    ("before:2017-01 Turkey normal relations", D004, 11),
    ("doc:003 guarantor", D003, 12),
    ("topic:iran sanctions", D001, 23),
    ("speaker:Sergey diplomatic academies", D000, 8),
    ("kind:heading", D003, 7),
    ("year:2017 25th anniversary", D003, 2),
    # exclusions and combinations
    ("Kerry July 14 -Syrian", D004, 15),
    ("Caspian summit execution -Astana", D001, 11),
    ("trade billion year:2017", D000, 5),
    ("unblocking economic transport ties", D002, 10),
    ("NATO undermine November agreements", D002, 8),
    ("water areas sovereignty littoral", D000, 19),
]


def rank_of(index: SearchIndex, query: str, doc: str, paragraph: int) -> int | None:
    answer = index.search(query, limit=5)
    for rank, result in enumerate(answer.results, start=1):
        if result.entry.document.id.startswith(doc) and result.entry.paragraph == paragraph:
            return rank
    return None


@pytest.fixture(scope="module")
def index(seeds: Library) -> SearchIndex:
    return SearchIndex(seeds.documents, seeds.config)


def test_labelled_set_is_large_enough() -> None:
    assert len(LABELLED) >= 40
    assert len({query for query, _, _ in LABELLED}) == len(LABELLED)


@pytest.mark.parametrize(("query", "doc", "paragraph"), LABELLED)
def test_expected_paragraph_is_in_top_5(
    index: SearchIndex, query: str, doc: str, paragraph: int
) -> None:
    assert rank_of(index, query, doc, paragraph) is not None


def test_precision_at_1(index: SearchIndex) -> None:
    firsts = [rank_of(index, q, d, p) == 1 for q, d, p in LABELLED]
    precision = sum(firsts) / len(firsts)
    misses = [q for (q, _, _), first in zip(LABELLED, firsts, strict=True) if not first]
    print(f"\nprecision@1 = {precision:.3f} on {len(LABELLED)} queries; not first: {misses}")
    assert precision >= 0.9, misses


def test_speaker_kind_topic_filters_are_exact(index: SearchIndex) -> None:
    answer = index.search("speaker:lavrov kind:answer topic:caspian", limit=100)
    assert answer.results
    for result in answer.results:
        entry = result.entry
        assert (entry.speaker, entry.kind.value) == ("Sergey Lavrov", "answer")
        assert "Caspian Sea" in entry.topics


def test_year_filter_returns_only_that_year(index: SearchIndex) -> None:
    answer = index.search("year:2016", limit=1000)
    assert answer.total == 23
    assert {r.entry.document.id for r in answer.results} == {"004_d48fa1d5f48169a7"}


def test_speaker_filter_matches_any_alias(index: SearchIndex, seeds: Library) -> None:
    lavrov = index.search("speaker:Sergei kind:answer", limit=1000)
    assert lavrov.total == sum(
        len(t.paragraphs) for d in seeds.documents for t in d.turns if t.kind.value == "answer"
    )
