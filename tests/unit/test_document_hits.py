"""A result opened shows every hit of its query in the document, found without
searching the corpus again: the same as a search narrowed to that document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.corpus.library import Library
from tui.corpus.search import SearchIndex, parse_query
from tui.corpus.study import concordance

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


def test_a_search_passes_over_a_document_gone_since_it_was_indexed(
    tmp_path: Path, seeds: Library
) -> None:
    """While `r` makes the index anew, the old one may still name a removed file's
    paragraphs: a search, the hits of a result and a concordance pass over them."""
    corpus = tmp_path / "seeds"
    shutil.copytree(seeds.folder, corpus)
    library = Library.load(corpus, seeds.config)
    index = SearchIndex(library.documents, seeds.config)
    before = {result.entry.document.id for result in index.search("Karabakh").results}
    gone = sorted(before)[0]
    relative = next(p.name for p in corpus.iterdir() if p.stem == gone)
    (corpus / relative).unlink()
    library.remove([relative])
    after = {result.entry.document.id for result in index.search("Karabakh").results}
    assert after == before - {gone}
    assert index.hits_in(parse_query("Karabakh"), gone) == []
    assert concordance(index, "Karabakh").lines
