"""The two YAML files the user owns, the notes file and the config, as Hypothesis writes
them to break their readers: deep, wide, with tags, anchors, aliases, control
characters (raw and escaped), huge scalars and odd keys.

Each reader gives back data in which every string is clean, or its own error naming
a line and column (the config reader: a `file:line:` warning); it raises nothing else
and writes no file.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, TypeAlias

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import BIDI, CONTROLS
from tui.corpus.config import load_config
from tui.corpus.notes import Layout, NotesFileError, read_notes
from tui.corpus.safeyaml import MAX_DEPTH, YamlError, parse
from tui.corpus.store import NotesStore
from tui.corpus.topics import TopicMatcher

UNCLEAN = set(CONTROLS + BIDI + "\r")

# A YAML tree as text pieces: a scalar's source, ("seq", items), ("map", pairs), or
# ("deep", levels): lists or mappings nested that many levels around one value.
Node: TypeAlias = str | tuple[str, Any]

WORDS = st.text(st.characters(categories=["L", "N", "Zs"]), max_size=12)
QUOTED = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]), max_size=12).map(
    json.dumps
)
"""Any text in double quotes, where `\\u001b` and the like are escapes YAML decodes."""
SCALARS = st.one_of(
    st.sampled_from(
        [
            "plain",
            "",
            "~",
            "NO",
            "1e3",
            "'it''s'",
            '"\\e]2;PWNED\\a"',
            '"\\e]52;c;cHduZWQ=\\a"',
            '"\\x1b[2J\\0\\u202e\\x85\\u2028"',
            '"\\ud83d"',
            "&a anchored",
            "*a",
            "!!python/object:os.system x",
            "!x tagged",
            "!<tag:%1B]2;x%07> y",
            "!!binary aGk=",
            "|\n  block",
            "- dash",
            "#comment",
            "? key",
            "a\x1b]2;PWNED\x07",  # raw, which YAML refuses
        ]
    ),
    WORDS,
    # Raw text: `:`, `#`, quotes and brackets that change the syntax, any letter.
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc"]), max_size=12),
    QUOTED,
    st.integers(10_000, 200_000).map(lambda size: "x" * size),
)
KEYS = st.one_of(
    st.sampled_from(
        [
            "id",
            "doc",
            "paragraph",
            "quote",
            "text",
            "tags",
            "version",
            "notes",
            "bookmarks",
            "name",
            "keywords",
            "topics",
            "speakers",
            "keys",
            "theme",
            "encoding_fallback",
            "<<",
            "[a, b]",
            "{a: b}",
            "? complex",
            '"\\e]2;key\\a"',
        ]
    ),
    SCALARS,
)
DEEP = st.tuples(st.just("deep"), st.integers(1, 3 * MAX_DEPTH))


def _nodes(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.tuples(st.just("seq"), st.lists(children, max_size=4)),
        st.tuples(st.just("map"), st.lists(st.tuples(KEYS, children), max_size=4)),
    )


NODES: st.SearchStrategy[Node] = st.recursive(st.one_of(SCALARS, DEEP), _nodes, max_leaves=12)
WIDE = st.tuples(st.just("map"), st.lists(st.tuples(WORDS, QUOTED), min_size=50, max_size=400))


def _key(pair: tuple[str, Node]) -> str:
    return pair[0]


def _entry(base: dict[str, Node], keys: list[str]) -> st.SearchStrategy[Node]:
    """A mapping that holds `base` (what makes it a valid entry), then more of `keys`
    (or any key, sometimes one of `base` again) with any values."""
    more = st.lists(
        st.tuples(st.one_of(st.sampled_from(keys), KEYS), st.one_of(QUOTED, NODES)),
        max_size=4,
        unique_by=_key,
    )
    return more.map(lambda pairs: ("map", [*base.items(), *pairs]))


NOTE = _entry(
    {"doc": "000_0f3248e6ed0e14b7", "paragraph": "3"},
    ["id", "quote", "before", "after", "text", "tags", "created", "updated", "mine"],
)
NOTES_TREES = st.tuples(
    st.lists(NOTE, min_size=1, max_size=4),
    st.lists(
        st.tuples(
            st.sampled_from(["version", "bookmarks", "mine"]),
            st.one_of(st.tuples(st.just("seq"), st.lists(NOTE, max_size=4)), NODES),
        ),
        max_size=3,
        unique_by=_key,
    ),
).map(lambda tree: ("map", [("notes", ("seq", tree[0])), *tree[1]]))
CONFIG_KEYS = ["corpus", "notes_file", "encoding_fallback", "theme", "speakers", "keys"]
TOPIC = _entry({"name": "T", "keywords": "[Moscow]"}, ["colour", "color"])
CONFIG_TREES = st.tuples(
    st.lists(TOPIC, max_size=3),
    st.lists(
        st.tuples(st.one_of(st.sampled_from(CONFIG_KEYS), KEYS), st.one_of(NODES, WIDE)),
        max_size=5,
        unique_by=_key,
    ),
).map(lambda tree: ("map", [("topics", ("seq", tree[0])), *tree[1]]))


def flow(node: Node) -> str:
    if isinstance(node, str):
        return node
    kind, body = node
    if kind == "deep":
        return "[" * body + "x" + "]" * body
    if kind == "seq":
        return "[" + ", ".join(flow(item) for item in body) + "]"
    return "{" + ", ".join(f"{flow(key)}: {flow(value)}" for key, value in body) + "}"


def block(node: Node, indent: int) -> str:
    """`node` as block YAML at `indent` spaces, ending with a line break."""
    pad = " " * indent
    if isinstance(node, str):
        return f"{pad}{node}\n"
    kind, body = node
    if kind == "deep":
        keys = [f"{pad}{'  ' * level}k:\n" for level in range(body)]
        return "".join(keys) + f"{pad}{'  ' * body}k: x\n"
    if not body:
        return f"{pad}{'[]' if kind == 'seq' else '{}'}\n"
    lines = []
    for item in body:
        head, value = (f"{pad}- ", item) if kind == "seq" else (f"{pad}{item[0]}:", item[1])
        if isinstance(value, str):
            lines.append(f"{head} {value}\n")
        else:
            lines.append(f"{head}\n{block(value, indent + 2)}")
    return "".join(lines)


def documents(trees: st.SearchStrategy[Node]) -> st.SearchStrategy[str]:
    """YAML text for each tree: block or flow, sometimes with a directive, a second
    document or a byte order mark."""
    return st.tuples(
        trees,
        st.booleans(),
        st.sampled_from(["", "", "", "", "", "", "%YAML 1.1\n---\n", "--- !!map\n", "\ufeff"]),
        st.sampled_from(["", "", "", "", "", "", "---\nagain: 1\n", "...\n", "\x00"]),
    ).map(lambda d: d[2] + (flow(d[0]) + "\n" if d[1] else block(d[0], 0)) + d[3])


def strings(value: object) -> Iterator[str]:
    """Every string in what a reader returned."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Enum | int | type(None) | Layout):
        # A Layout is the notes file's own text, kept to write the user's bytes back on
        # a save, and never shown: its entries are the data's, checked there.
        return
    elif isinstance(value, Path):
        yield str(value)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    else:
        assert isinstance(value, list | tuple), type(value)
        for item in value:
            yield from strings(item)


def assert_clean(value: object) -> None:
    for text in strings(value):
        assert not UNCLEAN & set(text), repr(text[:200])


ATTACKS = {
    "1,000 nested mappings": (
        "".join("  " * n + "k:\n" for n in range(1000)) + "  " * 1000 + "k: v\n"
    ),
    "1,000 nested lists": "".join("  " * n + "-\n" for n in range(1000)) + "  " * 1000 + "- v\n",
    # libyaml stops at 1,000 flow levels itself.
    "999 nested flow lists": "notes: " + "[" * 999 + "]" * 999 + "\n",
    "OSC 2 in a note's doc": 'notes:\n- doc: "\\e]2;PWNED\\a"\n  paragraph: 1\n',
    "OSC 52 as a topic name": 'topics:\n- name: "\\e]52;c;cHduZWQ=\\a"\n  keywords: [Moscow]\n',
    "ESC in a tag": "theme: !<tag:%1B]2;x%07> y\n",
    "raw NUL": "a: 1\nb: \x00\n",
}


def read_as_notes(text: str) -> None:
    """Clean data, or the notes reader's own error with line and column."""
    try:
        assert_clean(read_notes(text))
    except NotesFileError as error:
        assert error.line is not None and error.column is not None, error.message
        assert_clean(error.message)


def read_both(text: str, folder: Path) -> None:
    """Read `text` as a notes file and as a config (in `folder`): clean data, or the
    reader's own error with line and column (a `file:line:` warning for the config);
    no file written."""
    read_as_notes(text)
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    written = path.read_bytes()
    config = load_config(path)
    for warning in config.warnings:
        assert re.match(rf"{re.escape(str(path))}:\d+:", warning), warning
    assert_clean(config)
    TopicMatcher(config.topics).spans("Moscow, Baku and plain x")
    assert [p.name for p in folder.iterdir()] == ["config.yaml"]
    assert path.read_bytes() == written


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(NOTES_TREES))
def test_the_notes_reader_takes_any_yaml(text: str) -> None:
    read_as_notes(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(NOTES_TREES))
def test_the_notes_store_takes_any_yaml_and_writes_nothing(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.yaml"
        path.write_text(text, encoding="utf-8")
        written = path.read_bytes()
        store = NotesStore(path)
        store.load()
        if store.problem is not None:
            assert store.problem.line is not None and store.problem.column is not None
        assert_clean([store.entries(), store.warnings])
        assert [p.name for p in Path(folder).iterdir()] == ["notes.yaml"]
        assert path.read_bytes() == written


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(CONFIG_TREES))
def test_the_config_reader_takes_any_yaml_and_writes_nothing(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        read_both(text, Path(folder))


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_is_clean_data_or_an_error_with_line_and_column(
    attack: str, tmp_path: Path
) -> None:
    """Hypothesis raises Python's recursion limit while it runs: deep nesting is tried
    here too, outside it."""
    read_both(ATTACKS[attack], tmp_path)


def test_an_error_message_quotes_the_file_cleaned() -> None:
    """A tag written with %-escapes decodes to control characters; the message that
    names it shows them as placeholders."""
    with pytest.raises(YamlError) as error:
        parse("theme: !<tag:%1B]2;x%07> y\n")
    assert error.value.message == "tags (tag:␛]2;x␇) are not allowed"
    assert (error.value.line, error.value.column) == (1, 8)


@pytest.mark.parametrize("style", ["block mapping", "block list", "flow list"])
def test_nesting_is_refused_past_the_limit_with_line_and_column(style: str) -> None:
    def nested(levels: int) -> str:
        if style == "block mapping":
            return (
                "".join("  " * n + "k:\n" for n in range(levels - 1))
                + "  " * (levels - 1)
                + "k: v\n"
            )
        if style == "block list":
            return (
                "".join("  " * n + "-\n" for n in range(levels - 1)) + "  " * (levels - 1) + "- v\n"
            )
        return "[" * levels + "v" + "]" * levels + "\n"

    parse(nested(MAX_DEPTH))
    with pytest.raises(YamlError) as error:
        parse(nested(MAX_DEPTH + 1))
    assert error.value.message == f"lists and mappings are nested deeper than {MAX_DEPTH} levels"
    where = (1, MAX_DEPTH + 1) if style == "flow list" else (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    assert (error.value.line, error.value.column) == where
