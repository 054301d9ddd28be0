"""A labelled query set on the seeds: the paragraph each query must find first.

Typos, partial names, transliterations, phrases, every filter and combinations.
Precision@1 must be at least 0.9 and every expected paragraph in the top 5."""

from __future__ import annotations

import gc
import math
import re
from array import array
from collections import Counter

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tui.collector import tuned
from tui.corpus import search
from tui.corpus.config import Config
from tui.corpus.letters import fold
from tui.corpus.library import Library
from tui.corpus.search import _WORD as WORD
from tui.corpus.search import TOP_PER_WORD, SearchIndex, folded_words, word_spans, words

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


def reference_postings(texts: list[str]) -> dict[str, tuple[list[int], list[float], set[int]]]:
    """BM25 postings worked out one word at a time, the plain way: for each word, the
    entries that hold it, its weight in each (as the index stores it, a 32-bit float)
    and the TOP_PER_WORD entries where it weighs most (of equal weights, the first)."""
    k1, b = 1.2, 0.75
    counted = [Counter(WORD.findall(fold(text))) for text in texts]
    lengths = [sum(counts.values()) for counts in counted]
    average = sum(lengths) / len(lengths)
    held: dict[str, list[tuple[int, int]]] = {}
    for entry_id, counts in enumerate(counted):
        for word, count in counts.items():
            held.setdefault(word, []).append((entry_id, count))
    postings = {}
    for word, pairs in held.items():
        idf = math.log(1 + len(texts) / len(pairs))
        weights = array(
            "f",
            [
                idf * count * (k1 + 1) / (count + k1 * (1 - b + b * lengths[entry] / average))
                for entry, count in pairs
            ],
        )
        order = sorted(range(len(pairs)), key=weights.__getitem__, reverse=True)
        top = {pairs[place][0] for place in order[:TOP_PER_WORD]}
        postings[word] = ([entry for entry, _ in pairs], list(weights), top)
    return postings


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Library:
    from bench.gen_corpus import generate

    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 60, seed=5)
    return Library.load(folder, config)


@pytest.mark.parametrize("workers", [1, 2])
def test_index_holds_the_plain_bm25_postings(
    generated: Library, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Built in worker processes (each counting 97 paragraphs, then weighing a third of
    the words) or not, the index holds what the plain computation gives, to the bit."""
    monkeypatch.setattr(search, "IN_WORKERS", 0)
    monkeypatch.setattr(search, "COUNT_CHUNK", 97)
    monkeypatch.setattr(search, "WEIGH_SHARES", 3)
    built = SearchIndex(generated.documents, generated.config, workers=workers)
    expected = reference_postings([entry.text for entry in built.entries])
    assert len(built.entries) > 10 * 97, "many ranges of paragraphs"
    assert sum(len(ids) > TOP_PER_WORD for ids, _, _ in expected.values()) >= 3
    assert set(built.vocabulary) == set(expected)
    for word, (ids, weights, top) in expected.items():
        posting = built._postings[word]
        assert (list(posting.ids), list(posting.weights), set(posting.top)) == (ids, weights, top)


@pytest.mark.parametrize("collecting", [True, False])
def test_building_an_index_runs_no_full_garbage_collection(
    generated: Library, collecting: bool
) -> None:
    """Building makes many objects and no cycles. The corpus leaves the collector
    alone (on or off as before: tui/collector.py sets it for the whole process), and
    under the subcommands' settings no full collection, which walks every object
    there is, runs while it builds; with the collector off, none at all."""
    runs: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    enabled = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    gc.collect()  # the counts from zero: none is due as the build starts
    gc.callbacks.append(seen)
    try:
        with tuned():
            SearchIndex(generated.documents, generated.config)
        assert 2 not in runs if collecting else runs == [], runs
        assert gc.isenabled() is collecting
    finally:
        gc.callbacks.remove(seen)
        (gc.enable if enabled else gc.disable)()


@given(st.lists(st.sampled_from([0.25, 0.5, 0.75, 1.0, 2.0]), max_size=3 * TOP_PER_WORD))
def test_top_is_the_heaviest_and_of_equal_ones_the_first(weights: list[float]) -> None:
    ids = np.arange(10, 10 + 2 * len(weights), 2, dtype=np.uint32)
    stored = np.array(weights, dtype=np.float32)
    order = sorted(range(len(weights)), key=stored.__getitem__, reverse=True)
    assert list(search._top(ids, stored)) == sorted(ids[place] for place in order[:TOP_PER_WORD])


texts_with_words = st.text(alphabet=st.sampled_from(list("abc ABC_9-.éÉßİı\u0301К")), max_size=60)


@given(texts_with_words, st.lists(st.text(alphabet="abcé_9ßк", min_size=1, max_size=4)))
@example("cab ab abc", [])
def test_word_spans_are_those_of_the_wanted_words(text: str, others: list[str]) -> None:
    # Wanted: some of the text's own words (folded), parts of them (which are no
    # match), and words that may not be in it.
    own = [word for word, _, _ in words(text)]
    parts = [part for word in own for part in (word[1:], word[:-1]) if part]
    wanted = frozenset(own[::3] + parts + others)
    expected = [(start, end) for word, start, end in words(text) if word in wanted]
    assert word_spans(text, wanted) == expected


phrase_texts = st.text(alphabet=st.sampled_from(list("ab AB_9-.,'éÉßñ\u0301")), max_size=40)


@given(phrase_texts, st.lists(st.text(alphabet="abé9ß", min_size=1, max_size=3), max_size=2))
@example("ab abab ab", [])
@example("Ñab, AB", ["b"])
def test_a_phrase_is_found_where_a_search_from_every_position_finds_it(
    text: str, others: list[str]
) -> None:
    """What `_holds_phrase` finds, by a word's letters first, is what the plain
    expression (a word boundary, then the words) finds in the text or folded text."""
    own = [word for word, _, _ in words(text)]
    for phrase in {" ".join(own[:2]), " ".join(own[1:3]), " ".join(own[-1:] + others)} - {""}:
        plain = re.compile(
            r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE
        )
        expected = bool(plain.search(text) or plain.search(fold(text)))
        assert search._holds_phrase(text, search._phrase_patterns(phrase)) == expected, phrase


@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)), texts_with_words, st.text()))
@example("Hello_World, it's 42\x1f\x1cİS")
def test_folded_words_are_those_the_expression_finds(text: str) -> None:
    assert folded_words(text) == WORD.findall(fold(text))


def test_word_spans_are_whole_words() -> None:
    assert word_spans("cab ab abc Ab_", frozenset({"ab"})) == [(4, 6)]
    assert word_spans("Çavuşoğlu and cavusoglu", frozenset({"cavusoglu"})) == [(0, 9), (14, 23)]
    # Letters with a stroke, which NFKD leaves whole, fold too.
    assert word_spans("Łukasz, Lukasz, Søren", frozenset({"lukasz", "soren"})) == [
        (0, 6),
        (8, 14),
        (16, 21),
    ]


@given(
    st.sampled_from(["the", "a", "co", "kar", "karabakh", "settlment", "minister", "zzz"]),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=1, max_value=7),
)
def test_the_candidates_holding_a_word_are_found_without_its_whole_set(
    index: SearchIndex, term: str, start: int, step: int
) -> None:
    candidates = set(range(start, len(index.entries), step))
    match = index._match_term(term)  # a new match: its entries not built yet
    within = index._within(match, frozenset(candidates))
    assert match.ids is None, "the word's whole set was not made"
    assert within == frozenset(candidates) & index._ids(match)
    assert index._within(match, frozenset(candidates)) == within, "the same from the set"
