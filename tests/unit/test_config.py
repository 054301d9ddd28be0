"""The config: shipped default, user overlay, and warnings with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus.config import load_config
from tui.corpus.safeyaml import YamlError, parse


def test_shipped_config_has_topics_aliases_and_keys() -> None:
    config = load_config()
    assert config.warnings == []
    names = [topic.name for topic in config.topics]
    assert len(names) >= 8
    assert {"Nagorno-Karabakh", "Caspian Sea", "Coronavirus", "OSCE Minsk Group"} <= set(names)
    assert config.canonical("Ceyhun Bayramov") == "Jeyhun Bayramov"
    assert config.canonical("ceyhun bayramov") == "Jeyhun Bayramov"
    assert "Ceyhun Bayramov".casefold() in config.aliases_of("Jeyhun Bayramov")
    assert config.keys["quit"].keys == "q"


def test_user_config_overrides_key_by_key(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text("theme: nord\nkeys:\n  quit: ctrl+q\n")
    config = load_config(user)
    assert config.theme == "nord"
    assert config.keys["quit"].keys == "ctrl+q"
    assert config.keys["quit"].origin == f"{user}:3"
    assert config.keys["find"].keys == "slash"  # untouched keys keep the default
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
