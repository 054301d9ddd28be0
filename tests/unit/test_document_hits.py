"""A result opened shows every hit of its query in the document, found without
searching the corpus again: the same as a search narrowed to that document."""

from __future__ import annotations

import pytest

from tui.corpus.library import Library
from tui.corpus.search import SearchIndex

QUERIES = [
    "Kerry",
    "Mamadyarov",  # a typo: its variants are the hits
    "Karabakh settlement",
    '"Minsk Group"',
    "Lavrov -Kerry",
    "ceasefire year:2016",
    "kind:question Karabakh",
    '"Minsk Group" co-chairs',
    "-Kerry",  # only an exclusion: nothing to show
]


@pytest.fixture(scope="module")
def index(seeds: Library) -> SearchIndex:
    return SearchIndex(seeds.documents, seeds.config)


@pytest.mark.parametrize("text", QUERIES)
def test_the_hits_in_a_document_are_those_a_search_of_it_finds(
    index: SearchIndex, text: str
) -> None:
    answer = index.search(text, limit=200)
    for doc_id in {result.entry.document.id for result in answer.results}:
        narrowed = index.search(f"{text} doc:{doc_id}", limit=100_000)
        expected = sorted(
            (result.entry.paragraph, result.text_spans)
            for result in narrowed.results
            if result.entry.document.id == doc_id
        )
        found = index.hits_in(answer.query, doc_id)
        assert found == expected, doc_id
        assert found, "the document of a result holds a hit"


def test_no_hits_in_a_document_that_is_not_there(index: SearchIndex) -> None:
    assert index.hits_in(index.search("Kerry").query, "no-such-document") == []
