"""Property tests: cleaning, decoding, parsing and the YAML reader on arbitrary input."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.corpus.clean import BinaryFileError, clean_line, clean_text, decode
from tui.corpus.config import Topic, load_config
from tui.corpus.letters import accented, fold
from tui.corpus.parse import parse_text
from tui.corpus.safeyaml import YamlError, parse
from tui.corpus.topics import Span, TopicMatcher

CONFIG = load_config()
MATCHER = TopicMatcher(CONFIG.topics)
# Anything a terminal would act on: C0 (but newline), DEL, C1, bidi controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")

label_lines = st.sampled_from(
    ["Question: ", "Q: ", "A: ", "Sergey Lavrov: ", "MR. SMITH: ", "Putin: ", "Answer (x): ", ""]
)
corpus_like = st.lists(st.tuples(label_lines, st.text(max_size=80)).map("".join), max_size=30).map(
    "\n".join
)


@given(st.text())
def test_clean_text_lets_no_control_character_through(text: str) -> None:
    cleaned = clean_text(text)
    assert UNSAFE.search(cleaned) is None
    assert "\r" not in cleaned


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_clean_text_keeps_ordinary_text(text: str) -> None:
    text = (
        text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")
    )
    text = text.replace("\x85", "")
    assert clean_text(text) == text


@given(
    st.lists(
        st.one_of(
            st.text(max_size=6),
            st.sampled_from(
                ["\r\n", "\r", "\n", "\u2028", "\x85", "\x0b", "\t", "\u00a0", "\u202e"]
            ),
        ),
        max_size=12,
    ).map("".join)
)
def test_clean_text_is_clean_line_on_each_line(text: str) -> None:
    lines = re.split("\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c|\n", text)
    assert clean_text(text) == "\n".join(clean_line(line) for line in lines)


@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_binary_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except BinaryFileError:
        return
    assert isinstance(decoded.text, str)


@settings(max_examples=200)
@given(st.one_of(st.text(), corpus_like, st.binary().map(lambda b: b.decode("latin-1"))))
def test_parser_never_raises_and_never_leaks_controls(text: str) -> None:
    document = parse_text("doc", Path("doc.txt"), text, CONFIG, MATCHER)
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
    for paragraph in document.paragraphs:
        assert UNSAFE.search(paragraph.text) is None
        assert paragraph.text.strip()
    assert UNSAFE.search(document.title) is None
    for turn in document.turns:
        assert UNSAFE.search(turn.speaker or "") is None


@given(corpus_like)
def test_parser_keeps_every_word_somewhere(text: str) -> None:
    """Nothing is thrown away silently: each word is in the title, body, a label or dropped."""
    document = parse_text("doc", Path("doc.txt"), text, CONFIG, MATCHER)
    kept = " ".join(
        [document.title]
        + [p.text for p in document.paragraphs]
        + [f"{t.label} {t.note}" for t in document.turns]
        + [d.text for d in document.dropped]
    )
    kept_words = set(kept.split())
    for word in clean_text(text).split():
        word = word.strip()
        if word.rstrip(":") and word not in kept_words and word.rstrip(":") not in kept_words:
            # Labels lose their colon and parentheses; compare loosely for those.
            assert any(word.strip("():") in k for k in kept_words), word


PUNCTUATED = TopicMatcher(
    [
        Topic("us", "red", ("U.S. sanctions", "U.S.", "e.g.", "C++", "AT&T", "3M", "co-op*")),
        Topic("law", "blue", ("section 230", "No. 5", "mr. smith*", "o'brien")),
    ]
)
"""Keywords that hold what no word holds (dots, signs, spaces, digits): the matcher
finds where they may start in text folded to bytes where those are spaces."""


def _texts_around(keywords: list[str]) -> st.SearchStrategy[str]:
    """Text around `keywords` and their words (`Minsk`, `Group`): other cases, breaks,
    hyphens, apostrophes, and the letters that ignored case takes for ASCII ones (`ſyria`,
    `İran`)."""
    return st.lists(
        st.one_of(
            st.sampled_from(keywords + [word for kw in keywords for word in kw.split()]).flatmap(
                lambda word: st.sampled_from(
                    [
                        word,
                        word.upper(),
                        word.lower(),
                        word.replace("s", "\u017f").replace("k", "\u212a"),
                        word.replace("i", "\u0131").replace("I", "\u0130"),
                    ]
                )
            ),
            st.sampled_from([" ", "  ", "\n", "-", "’", "'", "s", "ian", "\u2003", "é", ".", "&"]),
            st.text(max_size=4),
        ),
        max_size=12,
    ).map("".join)


_KEYWORDS = [kw.rstrip("*") for topic in CONFIG.topics for kw in topic.keywords]
keyword_texts = _texts_around(_KEYWORDS)


def _regex_spans(text: str, matcher: TopicMatcher = MATCHER) -> list[Span]:
    """What the matcher's expression finds trying every position of `text`."""
    regex = matcher._regex
    assert regex is not None
    return [
        Span(match.start(), match.end(), name)
        for match in regex.finditer(text)
        if (name := matcher._resolve(match.group())) is not None
    ]


@settings(max_examples=300)
@given(keyword_texts)
def test_topic_spans_are_those_found_at_every_position(text: str) -> None:
    assert MATCHER.spans(text) == _regex_spans(text)


@settings(max_examples=300)
@given(_texts_around([kw.rstrip("*") for t in PUNCTUATED.topics for kw in t.keywords]))
@example("U.S. sanctions on AT&T, C++ and 3M; Mr. Smithson (No. 5 of section 230).")
def test_keywords_with_signs_are_found_where_every_position_finds_them(text: str) -> None:
    assert PUNCTUATED.spans(text) == _regex_spans(text, PUNCTUATED)


@settings(max_examples=300)
@given(st.lists(keyword_texts, max_size=6))
@example(["talks in Minsk", "Group of friends"])
def test_topics_of_texts_searched_as_one_are_those_of_each(texts: list[str]) -> None:
    expected = [
        tuple(
            topic.name
            for topic in CONFIG.topics
            if topic.name in {span.label for span in _regex_spans(text)}
        )
        for text in texts
    ]
    assert MATCHER.topics_of_all(texts) == expected


def test_only_four_letters_beyond_ascii_match_ascii_ones_with_ignored_case() -> None:
    """The matcher searches ASCII-folded text unless one of these is in it."""
    beyond_ascii = "".join(map(chr, range(0x80, 0x110000)))
    twins = re.compile("[\x00-\x7f]", re.IGNORECASE).findall(beyond_ascii)
    assert twins == ["\u0130", "\u0131", "\u017f", "\u212a"]


yaml_scalars = st.text(max_size=40)


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=10).filter(lambda k: k.strip() == k and k),
        yaml_scalars,
        max_size=5,
    )
)
def test_yaml_reader_returns_strings_for_every_scalar(mapping: dict[str, str]) -> None:
    import yaml

    text = yaml.safe_dump(mapping, allow_unicode=True)
    try:
        parsed = parse(text)
    except YamlError:
        return
    data = parsed.data or {}
    assert isinstance(data, dict)
    for key, value in data.items():
        assert value is None or isinstance(value, str), (key, value)


@given(st.text(max_size=30))
@example("Ⓡ")  # folds to `R`, and is no accented Latin letter
def test_a_name_written_with_accents_or_without_matches_itself(text: str) -> None:
    assert re.fullmatch(accented(text), text)


@given(st.text(alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x24F), max_size=20))
def test_a_name_matches_its_letters_written_without_accents(text: str) -> None:
    """Each letter that folds to one plain Latin letter may be written as that letter,
    in its case (`Péter` as `Peter`); no other text matches."""
    plain = "".join(
        f if len(f := fold(c)) == 1 and f.isascii() and c.isalpha() else c for c in text
    )
    plain = "".join(p.upper() if c.isupper() else p for c, p in zip(text, plain, strict=True))
    assert re.fullmatch(accented(text), plain)
    assert re.fullmatch(accented(plain), text)
