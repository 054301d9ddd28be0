"""Russian text read as a Russian reader reads it: capitals are the same letters,
`ё` is often written `е` and is the same letter to a reader, but `й` is a letter of
its own, not `и` with a mark (`мой` is "my", `мои` is "my" in the plural)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus.config import Config, Topic
from tui.corpus.model import Document
from tui.corpus.parse import parse_text
from tui.corpus.search import SearchIndex
from tui.corpus.topics import TopicMatcher, find_spans

PARAGRAPHS = [
    "Мой коллега подтвердил договорённости, достигнутые в Баку.",
    "Мои коллеги обсудили подготовку визита.",
    "Йеменский кризис обсуждался отдельно.",
    "Договоренности по Карабаху выполняются, заявил министр.",
    "МИНИСТР ЛАВРОВ ОТВЕТИЛ НА ВОПРОСЫ ЖУРНАЛИСТОВ.",
    "Об этом напомнил Михаил Горбачёв.",
]


@pytest.fixture(scope="module")
def document(config: Config) -> Document:
    text = "Выступление и ответы на вопросы СМИ, Москва, 6 марта 2017 года\n\n"
    text += "\n\n".join(PARAGRAPHS) + "\n"
    return parse_text("ru", Path("ru.txt"), text, config, TopicMatcher(config.topics))


@pytest.fixture(scope="module")
def index(document: Document, config: Config) -> SearchIndex:
    assert [p.text for turn in document.turns for p in turn.paragraphs] == PARAGRAPHS
    return SearchIndex([document], config)


def found(index: SearchIndex, query: str) -> set[str]:
    """The first words of the paragraphs a search finds."""
    return {result.entry.text.split()[0] for result in index.search(query, limit=20).results}


SEARCHES = [
    # (query, the first words of the paragraphs it finds)
    ("мой", {"Мой"}),
    ("МОЙ коллега", {"Мой"}),
    ("мои", {"Мои"}),
    ('"мой коллега"', {"Мой"}),
    ("йеменский", {"Йеменский"}),
    ("договоренности", {"Мой", "Договоренности"}),
    ("договорённости", {"Мой", "Договоренности"}),
    ("Лавров журналистов", {"МИНИСТР"}),
    ("горбачев", {"Об"}),
]


def test_a_russian_word_is_found_in_any_case_with_е_for_ё_but_not_и_for_й(
    index: SearchIndex,
) -> None:
    assert [(query, found(index, query)) for query, _ in SEARCHES] == SEARCHES


def test_a_search_for_мой_highlights_мой_not_мои(index: SearchIndex) -> None:
    [result] = index.search("мой", limit=20).results
    assert [result.entry.text[start:end] for start, end in result.text_spans] == ["Мой"]


TOPICS = [
    Topic("Карабах", "red", ("Карабах*",)),
    Topic("Горбачёв", "blue", ("Горбачев*",)),
    Topic("Хрущёв", "green", ("Хрущёв",)),
]


TAGGED = [
    ("Переговоры по Карабаху.", ("Карабах",)),
    ("Карабахский конфликт.", ("Карабах",)),
    ("КАРАБАХ.", ("Карабах",)),
    ("Как говорил Горбачёв, и как писали о ГОРБАЧЁВЕ.", ("Горбачёв",)),
    ("Горбачева цитировали.", ("Горбачёв",)),
    ("Хрущев и Хрущёв.", ("Хрущёв",)),
    ("ХРУЩЕВ.", ("Хрущёв",)),
    ("Хрущевка.", ()),
]


def test_a_topic_keyword_matches_in_any_case_with_ё_or_е_and_any_ending_after_a_star() -> None:
    matcher = TopicMatcher(TOPICS)
    assert [(text, matcher.topics_of(text)) for text, _ in TAGGED] == TAGGED


def test_find_in_document_takes_ё_and_е_for_one_letter() -> None:
    text = "Горбачёв, Горбачев и ГОРБАЧЁВ"
    for query in ("горбачев", "Горбачёв"):
        assert [text[span.start : span.end] for span in find_spans(text, query)] == [
            "Горбачёв",
            "Горбачев",
            "ГОРБАЧЁВ",
        ]
