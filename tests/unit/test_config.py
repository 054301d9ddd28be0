"""The config: shipped default, user overlay, and warnings with file:line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem

from tui.corpus.clean import decode
from tui.corpus.config import Topic, load_config
from tui.corpus.safeyaml import MAX_BYTES, MAX_DEPTH, YamlError, parse
from tui.corpus.topics import Span, TopicMatcher, sixteen_colour_styles


def test_shipped_config_has_topics_and_aliases_and_no_keys() -> None:
    config = load_config()
    assert config.warnings == []
    names = [topic.name for topic in config.topics]
    assert len(names) >= 8
    assert {"Nagorno-Karabakh", "Caspian Sea", "Coronavirus", "OSCE Minsk Group"} <= set(names)
    assert config.canonical("Ceyhun Bayramov") == "Jeyhun Bayramov"
    assert config.canonical("ceyhun bayramov") == "Jeyhun Bayramov"
    assert "Ceyhun Bayramov".casefold() in config.aliases_of("Jeyhun Bayramov")
    assert config.keys == {}, "every key is set in the code; config.yaml only lists them"


def test_user_config_overrides_key_by_key(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text("theme: nord\nkeys:\n  quit: ctrl+q\n")
    config = load_config(user)
    assert config.theme == "nord"
    assert config.keys["quit"].keys == "ctrl+q"
    assert config.keys["quit"].origin == f"{user}:3"
    assert list(config.keys) == ["quit"]  # untouched keys keep the code's default
    assert len(config.topics) >= 8
    assert user.read_text() == "theme: nord\nkeys:\n  quit: ctrl+q\n"  # never rewritten


def test_bad_values_warn_with_file_line_and_key(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(
        "theme: nord\n"
        "colour_scheme: dark\n"
        "corpus: /no/such/folder\n"
        "encoding_fallback: klingon\n"
        "topics:\n"
        "  - name: Mars\n"
        "    colour: purpleish\n"
        "    keywords: [Mars]\n"
        "  - name: Broken\n"
        "    keywords: Mars\n"
    )
    config = load_config(user)
    text = "\n".join(config.warnings)
    assert f"{user}:2: colour_scheme: unknown key" in text
    assert f"{user}:3: corpus: folder /no/such/folder does not exist" in text
    assert f"{user}:4: encoding_fallback: unknown encoding 'klingon'" in text
    assert f"{user}:7: topics.0.colour: bad colour 'purpleish'" in text
    assert f"{user}:10: topics.1.keywords: must be a list" in text
    assert config.theme == "nord"
    assert config.encoding_fallback == "cp1251"
    assert [t.name for t in config.topics] == ["Mars"]


def test_paths_no_file_system_takes_are_warnings(tmp_path: Path) -> None:
    """A folder name too long for the file system, a home folder of no user: warned
    with file:line, the default kept, never an exception."""
    user = tmp_path / "config.yaml"
    user.write_text(
        f"corpus: /{'x' * 5000}\nnotes_file: ~no-such-user-of-this-machine/notes.yaml\n"
    )
    config = load_config(user)
    text = "\n".join(config.warnings)
    assert f"{user}:1: corpus: folder /xxx" in text and "; using the default" in text
    assert f"{user}:2: notes_file: ~no-such-user-of-this-machine/notes.yaml: no home" in text
    assert config.corpus == load_config(None).corpus
    assert config.notes_file == load_config(None).notes_file


def test_unparsable_config_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text("theme: [nord\n")
    config = load_config(user)
    assert len(config.warnings) == 1
    assert config.warnings[0].startswith(f"{user}:2:")
    assert config.theme == "textual-dark"


def test_missing_config_file_is_a_warning(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nope.yaml")
    assert "config file not found" in config.warnings[0]


def test_env_config_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "c.yaml"
    user.write_text("theme: gruvbox\n")
    monkeypatch.setenv("DOSSIER_CONFIG", str(user))
    assert load_config().theme == "gruvbox"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: &x 1\nb: *x\n", "anchors", 1),
        ("a: !!python/object:os.system x\n", "tags", 1),
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", 3),
    ],
)
def test_yaml_reader_refuses_unsafe_yaml(text: str, message: str, line: int) -> None:
    with pytest.raises(YamlError) as error:
        parse(text)
    assert message in error.value.message
    assert error.value.line == line


def test_yaml_reader_keeps_strings_as_written() -> None:
    data = parse("a: NO\nb: on\nc: '12:30'\nd: 1e3\ne: 2020-01-01\n").data
    assert data == {"a": "NO", "b": "on", "c": "12:30", "d": "1e3", "e": "2020-01-01"}


def test_text_from_the_config_is_cleaned_as_it_is_read(tmp_path: Path) -> None:
    """The config is outside text: an escape sequence in a topic's name (OSC 52, which
    writes the clipboard) or in any other value or key is read as placeholders."""
    osc = "\\e]52;c;cHduZWQ=\\a"
    user = tmp_path / "config.yaml"
    user.write_text(
        f'theme: "t{osc}"\nnotes_file: "n{osc}.yaml"\ncorpus: "c{osc}"\n'
        f'topics:\n  - name: "{osc}"\n    colour: red\n    keywords: ["k{osc}", Moscow]\n'
        f'speakers:\n  "s{osc}": ["a{osc}"]\nkeys:\n  "q{osc}": "ctrl+{osc}"\n'
    )
    config = load_config(user)
    shown = "␛]52;c;cHduZWQ=␇"
    assert config.theme == f"t{shown}"
    assert config.notes_file == tmp_path / f"n{shown}.yaml"
    assert config.warnings == [
        f"{user}:3: corpus: folder {tmp_path / f'c{shown}'} does not exist; using the default"
    ]
    assert config.topics == (Topic(shown, "red", (f"k{shown}", "Moscow")),)
    assert config.canonical(f"A{shown}") == f"s{shown}"
    assert config.keys[f"q{shown}"].keys == f"ctrl+{shown}"


def test_a_config_file_name_is_shown_cleaned(tmp_path: Path) -> None:
    """The file's own name is outside text too, and every warning and key binding
    names it."""
    user = tmp_path / "config\x1b]2;PWNED\x07.yaml"
    user.write_text("colour_scheme: dark\nkeys:\n  quit: ctrl+q\n")
    config = load_config(user)
    shown = tmp_path / "config␛]2;PWNED␇.yaml"
    assert config.warnings == [f"{shown}:1: colour_scheme: unknown key (ignored)"]
    assert config.keys["quit"].origin == f"{shown}:3"
    assert load_config(tmp_path / "gone\x1b.yaml").warnings == [
        f"{tmp_path / 'gone␛.yaml'}: config file not found; using defaults"
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "".join("  " * n + "k:\n" for n in range(1000)) + "  " * 1000 + "k: v\n",
            (33, 65),
        ),
        ("".join("  " * n + "-\n" for n in range(1000)) + "  " * 1000 + "- v\n", (33, 65)),
        ("topics: " + "[" * 999 + "]" * 999 + "\n", (1, 40)),
    ],
    ids=["mappings", "lists", "flow lists"],
)
def test_deep_nesting_is_a_warning_with_line_and_column(
    tmp_path: Path, text: str, where: tuple[int, int]
) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(text)
    config = load_config(user)
    line, column = where
    assert config.warnings == [
        f"{user}:{line}:{column}: lists and mappings are nested deeper than {MAX_DEPTH} levels;"
        " using defaults"
    ]
    assert len(config.topics) >= 8


@pytest.mark.parametrize(("char", "name"), [("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_a_raw_control_character_is_a_warning_with_line_and_column(
    tmp_path: Path, char: str, name: str
) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(f"# Настройки\ntheme: nord\nkeys:\n  quit: q{char}\n")
    config = load_config(user)
    assert config.warnings == [
        f"{user}:4:10: character {name} is not allowed in YAML; using defaults"
    ]


@pytest.mark.parametrize("length", [1_000, 10_000])
def test_a_long_keyword_is_found(tmp_path: Path, length: int) -> None:
    word = "x" * length
    phrase = " ".join(["word"] * (length // 5))
    user = tmp_path / "config.yaml"
    user.write_text(
        f"topics:\n  - name: Long\n    colour: red\n    keywords: [{word}, '{phrase}', y{word}*]\n"
    )
    config = load_config(user)
    assert config.warnings == []
    matcher = TopicMatcher(config.topics)
    text = f"a {word} b {phrase} c y{word}zz."
    spans = [(span.start, span.end) for span in matcher.spans(text)]
    assert spans == [
        (2, 2 + length),
        (5 + length, 5 + length + len(phrase)),
        (8 + length + len(phrase), text.index(".")),
    ]


def test_many_keywords_that_begin_one_another_are_found() -> None:
    """`a`, `aa`, `aaa`, ... nest a group each in the pattern the matcher builds."""
    chain = tuple("a" * n for n in range(1, 1001))
    words = tuple(f"word{n}" for n in range(5000))
    matcher = TopicMatcher([Topic("Chain", "red", chain), Topic("Words", "blue", words)])
    text = f"{'a' * 700} and word4321, {'a' * 1001}"
    assert matcher.spans(text) == [Span(0, 700, "Chain"), Span(705, 713, "Words")]
    assert matcher.topics_of(text) == ("Chain", "Words")


@pytest.mark.parametrize(
    "codec", ["rot13", "base64", "idna", "hex", "zlib", "uu", "bz2", "quopri", "punycode"]
)
def test_an_encoding_that_does_not_decode_text_is_refused(tmp_path: Path, codec: str) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(f"theme: nord\nencoding_fallback: {codec}\n")
    config = load_config(user)
    assert len(config.warnings) == 1
    assert config.warnings[0].startswith(f"{user}:2: encoding_fallback: '{codec}' ")
    assert config.warnings[0].endswith("; using cp1251")
    assert config.encoding_fallback == "cp1251"
    assert decode("Лавров".encode("cp1251"), config.encoding_fallback).text == "Лавров"


@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "koi8-r", "utf-16"])
def test_a_text_encoding_is_taken(tmp_path: Path, codec: str) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(f"encoding_fallback: {codec}\n")
    config = load_config(user)
    assert (config.warnings, config.encoding_fallback) == ([], codec)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_a_config_that_is_no_file_or_too_large_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    """A named pipe is not waited on, /dev/zero (which reports size 0) and a file past
    the cap are not read into memory: a warning, and the defaults."""
    path = tmp_path / "config.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        with path.open("wb") as file:
            file.truncate(MAX_BYTES + 1)
    config = load_config(path)
    expected = {
        "fifo": "a named pipe (FIFO), not a file",
        "dev-zero": "a character device, not a file",
        "huge": "file is larger than 10 MB",
    }[kind]
    assert config.warnings == [f"{path}: cannot read config: {expected}"]
    assert config.topics == load_config(tmp_path / "none.yaml").topics


def test_topics_keep_colours_of_their_own_on_16_colours() -> None:
    """Brought down to 16 colours, the shipped topics' colours collapse (Nagorno-Karabakh
    and Turkey to one red); chosen among the 16, each topic has its own, and past twelve
    a style tells the next round apart."""
    topics = load_config(None).topics
    downgraded = [
        Color.parse(topic.colour).downgrade(ColorSystem.STANDARD).number for topic in topics
    ]
    assert len(set(downgraded)) < len(topics), "the problem: some collapse"
    styles = sixteen_colour_styles([topic.colour for topic in topics])
    colours = [Color.parse(style.split()[0]).downgrade(ColorSystem.STANDARD) for style in styles]
    assert len({colour.number for colour in colours}) == len(topics)
    many = sixteen_colour_styles(["#e06c75"] * 30)
    assert len(set(many)) == 30 and many[12].endswith(" underline") and many[24].endswith(" italic")
    matcher = TopicMatcher(topics)
    matcher.use_sixteen_colours()
    assert [matcher.colour_of(topic.name) for topic in topics] == styles
