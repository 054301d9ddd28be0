"""Configuration: the shipped config.yaml overlaid, key by key, by the user's file.

Everything read from it is outside text: the YAML reader cleans every key and value,
and each warning is cleaned as it is made (it names the file, whose name is outside
text too).
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.corpus import resources
from tui.corpus.clean import clean_line
from tui.corpus.files import FileRefused, folder_problem, read_capped
from tui.corpus.safeyaml import MAX_BYTES, Parsed, Plain, YamlError, parse

APP_NAME = "dossier"

_ANSI_COLOURS = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "bright_")
    for name in ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
)
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_KNOWN_KEYS = frozenset(
    {"corpus", "notes_file", "encoding_fallback", "theme", "topics", "speakers", "keys"}
)
_EVERY_BYTE = bytes(range(256))


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    colour: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class KeySetting:
    keys: str
    origin: str
    """`file:line` where the binding was set, for warnings about it."""


@dataclass(slots=True)
class Config:
    corpus: Path | None = None
    notes_file: Path | None = None
    encoding_fallback: str = "cp1251"
    theme: str = "textual-dark"
    topics: tuple[Topic, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
    """Every known spelling (lower-cased) -> canonical name; canonical names included."""
    keys: dict[str, KeySetting] = field(default_factory=dict)
    """The user's key overrides by binding id, in the order written."""
    warnings: list[str] = field(default_factory=list)

    def canonical(self, name: str) -> str:
        return self.aliases.get(name.casefold(), name)

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        """Every spelling that maps to `canonical`, the canonical name first."""
        others = sorted(alias for alias, name in self.aliases.items() if name == canonical)
        return (canonical, *(a for a in others if a != canonical.casefold()))


def user_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.yaml"


def default_notes_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "notes.yaml"


def log_path() -> Path:
    """Where the TUI writes its warnings and errors, with tracebacks."""
    return Path(platformdirs.user_log_dir(APP_NAME)) / "dossier.log"


def load_config(explicit: Path | None = None) -> Config:
    """Load the shipped default, then the user's file (`explicit`, DOSSIER_CONFIG or
    the platform config folder) on top. Never raises for a bad user file: problems
    become warnings and the defaults stay."""
    config = Config()
    _apply(config, resources.default_config_path(), strict=True)
    env = os.environ.get("DOSSIER_CONFIG")
    user = explicit or (Path(env) if env else None)
    if user is not None:
        _apply(config, user, strict=False)
    elif user_config_path().exists():
        _apply(config, user_config_path(), strict=False)
    return config


def _apply(config: Config, path: Path, *, strict: bool) -> None:
    try:
        data, _ = read_capped(path, MAX_BYTES)
        parsed = parse(data.decode("utf-8-sig"))
    except FileNotFoundError:
        _fail(config, strict, f"{path}: config file not found; using defaults")
        return
    except (OSError, UnicodeDecodeError, FileRefused) as error:
        _fail(config, strict, f"{path}: cannot read config: {error}")
        return
    except YamlError as error:
        where = f":{error.line}:{error.column}" if error.line is not None else ""
        _fail(config, strict, f"{path}{where}: {error.message}; using defaults")
        return
    if parsed.data is None:
        return
    if not isinstance(parsed.data, dict):
        _fail(config, strict, f"{path}:1: the config must be a mapping of keys")
        return
    _Overlay(config, path, parsed, strict).apply(parsed.data)


def _fail(config: Config, strict: bool, message: str) -> None:
    if strict:
        raise RuntimeError(f"shipped config is broken: {message}")
    config.warnings.append(clean_line(message))


def _encoding_problem(name: str) -> str | None:
    """Why files cannot be decoded with the codec `name`, or None if they can.

    A file is decoded with `bytes.decode(name, errors="replace")`, so that is what is
    tried, on every byte value: `bytes.decode` (the public face of a codec's "text
    encoding" mark) refuses codecs that do not turn bytes into text (rot13, base64,
    hex, zlib, bz2, uu, quopri) with a LookupError, and a codec that cannot replace
    what it cannot read (idna, punycode) raises a UnicodeError."""
    try:
        codecs.lookup(name)
    except LookupError:
        return f"unknown encoding {name!r}"
    try:
        _EVERY_BYTE.decode(name, errors="replace")
    except LookupError:
        return f"{name!r} is not a text encoding"
    except UnicodeError:
        return f"{name!r} cannot decode every file"
    return None


@dataclass(slots=True)
class _Overlay:
    config: Config
    path: Path
    parsed: Parsed
    strict: bool

    def origin(self, keypath: tuple[str | int, ...]) -> str:
        """`file:line` where `keypath` is set."""
        return f"{self.path}:{self.parsed.lines.get(keypath, 1)}"

    def warn(self, keypath: tuple[str | int, ...], message: str) -> None:
        name = ".".join(str(part) for part in keypath)
        _fail(self.config, self.strict, f"{self.origin(keypath)}: {name}: {message}")

    def apply(self, data: dict[str, Plain]) -> None:
        for key, value in data.items():
            if key not in _KNOWN_KEYS:
                self.warn((key,), "unknown key (ignored)")
                continue
            getattr(self, f"_set_{key}")(value)

    def _path_value(self, key: str, value: Plain) -> Path | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.warn((key,), "must be a path")
            return None
        try:
            path = Path(value).expanduser()
        except RuntimeError:  # `~nobody/notes.yaml`: no such user
            self.warn((key,), f"{value}: no home folder for that user; using the default")
            return None
        return path if path.is_absolute() else (self.path.parent / path)

    def _set_corpus(self, value: Plain) -> None:
        path = self._path_value("corpus", value)
        if path is None:
            return
        problem = folder_problem(path)
        if problem is not None:
            self.warn(("corpus",), f"folder {path} {problem}; using the default")
            return
        self.config.corpus = path

    def _set_notes_file(self, value: Plain) -> None:
        self.config.notes_file = self._path_value("notes_file", value) or self.config.notes_file

    def _set_encoding_fallback(self, value: Plain) -> None:
        if not isinstance(value, str):
            self.warn(("encoding_fallback",), "must be a codec name")
            return
        problem = _encoding_problem(value)
        if problem is not None:
            keeping = self.config.encoding_fallback
            self.warn(("encoding_fallback",), f"{problem}; using {keeping}")
            return
        self.config.encoding_fallback = value

    def _set_theme(self, value: Plain) -> None:
        if not isinstance(value, str) or not value:
            self.warn(("theme",), "must be a theme name")
            return
        self.config.theme = value

    def _set_topics(self, value: Plain) -> None:
        if not isinstance(value, list):
            self.warn(("topics",), "must be a list of {name, colour, keywords}")
            return
        topics: list[Topic] = []
        for position, item in enumerate(value):
            topic = self._topic(("topics", position), item)
            if topic is not None:
                topics.append(topic)
        self.config.topics = tuple(topics)

    def _topic(self, keypath: tuple[str | int, ...], item: Plain) -> Topic | None:
        if not isinstance(item, dict):
            self.warn(keypath, "a topic must be a mapping with name, colour and keywords")
            return None
        for key in item:
            if key not in ("name", "colour", "color", "keywords"):
                self.warn((*keypath, key), "unknown key (ignored)")
        name = item.get("name")
        colour = item.get("colour", item.get("color"))
        keywords = item.get("keywords")
        if not isinstance(name, str) or not name.strip():
            self.warn(keypath, "topic needs a name (topic ignored)")
            return None
        if not isinstance(colour, str) or not (
            _HEX_COLOUR.fullmatch(colour) or colour in _ANSI_COLOURS
        ):
            self.warn((*keypath, "colour"), f"bad colour {colour!r}; using white")
            colour = "white"
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            self.warn((*keypath, "keywords"), "must be a list of words (topic ignored)")
            return None
        words = tuple(k.strip() for k in keywords if isinstance(k, str) and k.strip())
        return Topic(name.strip(), colour, words)

    def _set_speakers(self, value: Plain) -> None:
        if not isinstance(value, dict):
            self.warn(("speakers",), "must map a canonical name to a list of aliases")
            return
        for canonical, aliases in value.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            if aliases is None:
                aliases = []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                self.warn(("speakers", canonical), "must be a list of names")
                continue
            self.config.aliases[canonical.casefold()] = canonical
            for alias in aliases:
                if isinstance(alias, str):
                    self.config.aliases[alias.casefold()] = canonical

    def _set_keys(self, value: Plain) -> None:
        """The user's overrides, as written: whether each names a binding and keys
        Textual sends is checked by the UI (tui/keymap.py), which knows them."""
        if value is None:
            return  # `keys:` with every line commented out, as shipped
        if not isinstance(value, dict):
            self.warn(("keys",), "must map an action to keys")
            return
        for action, keys in value.items():
            if not isinstance(keys, str) or not keys.strip():
                self.warn(("keys", action), "must be a key name such as ctrl+f")
                continue
            origin = clean_line(self.origin(("keys", action)))
            self.config.keys[action] = KeySetting(keys.strip(), origin)
