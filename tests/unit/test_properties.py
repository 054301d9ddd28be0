"""Property tests: cleaning, decoding, parsing and the YAML reader on arbitrary input."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.clean import BinaryFileError, clean_text, decode
from tui.corpus.config import load_config
from tui.corpus.parse import parse_text
from tui.corpus.safeyaml import YamlError, parse
from tui.corpus.topics import TopicMatcher

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
