"""A YAML reader and writer for files the user owns: plain data only, every scalar a string.

The reader refuses anchors, aliases and explicit tags (so no billion laughs and no
object construction), refuses duplicate keys, caps the size and the nesting, and keeps
the line of every mapping key so that problems can be reported as `file:line`. What it
returns is outside text like the corpus: every key and value passes `clean_text`, so
a control character written by hand (`"\\e]2;title\\a"`) reaches no screen raw, and
every error names a line and column. It builds the data from the parser's events, so
libyaml's C parser does the reading where it is installed: a notes file of a thousand
notes loads in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.reader import Reader

from tui.corpus.clean import clean_text

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
"""Lists and mappings nested deeper than this are refused. The notes file and the config
need four levels; the data is built by recursion, which a thousand levels would take
past Python's stack."""

Plain: TypeAlias = str | list["Plain"] | dict[str, "Plain"] | None
Path_: TypeAlias = tuple[str | int, ...]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_LINE_BREAKS_BUT_NEWLINE = frozenset("\r\x85\u2028\u2029")
"""YAML reads these as line breaks and turns them into `\\n` in a block scalar."""
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        # A message can quote the file (a key, a tag): cleaned, as the data is.
        self.message = clean_text(message)
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")


@dataclass(frozen=True, slots=True)
class Parsed:
    data: Plain
    lines: dict[Path_, int]
    """1-based line of each mapping key and sequence item, by its path."""


def _at(message: str, event: yaml.Event) -> YamlError:
    mark = event.start_mark
    if mark is None:
        return YamlError(message)
    return YamlError(message, mark.line + 1, mark.column + 1)


def _refused_character(text: str) -> YamlError | None:
    """An error at the first character YAML does not allow in a file (a raw NUL, ESC or
    other control character, a lone surrogate), with its line and column as YAML counts
    them; the parsers would give an offset into the text instead."""
    found = Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None
    at = found.start()
    breaks = list(_LINE_BREAK.finditer(text, 0, at))
    line_start = breaks[-1].end() if breaks else 0
    return YamlError(
        f"character U+{ord(found.group()):04X} is not allowed in YAML",
        len(breaks) + 1,
        at - line_start + 1,
    )


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


class _Builder:
    """Turns a stream of parser events into plain data, refusing what plain data
    has no use for."""

    def __init__(self, events: Iterator[yaml.Event]) -> None:
        self.events = events
        self.lines: dict[Path_, int] = {}
        self.depth = 0
        """Lists and mappings open at the current event."""

    def next(self) -> yaml.Event:
        event = next(self.events)
        if isinstance(event, AliasEvent):
            raise _at("aliases (*name) are not allowed", event)
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                raise _at("anchors (&name) are not allowed", event)
            if event.tag is not None and event.tag != "!":
                raise _at(f"tags ({event.tag}) are not allowed", event)
        if isinstance(event, CollectionStartEvent):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _at(f"lists and mappings are nested deeper than {MAX_DEPTH} levels", event)
        elif isinstance(event, CollectionEndEvent):
            self.depth -= 1
        return event

    def document(self) -> Plain:
        data: Plain = None
        event = self.next()
        if not isinstance(event, StreamStartEvent):  # pragma: no cover - the parser's promise
            raise _at("not a YAML stream", event)
        event = self.next()
        if isinstance(event, DocumentStartEvent):
            data = self.value(self.next(), ())
            self.next()  # DocumentEndEvent
            event = self.next()
            if isinstance(event, DocumentStartEvent):
                raise _at("only one YAML document is allowed (found '---' again)", event)
        if not isinstance(event, StreamEndEvent):  # pragma: no cover
            raise _at("unexpected content", event)
        return data

    def value(self, event: yaml.Event, path: Path_) -> Plain:
        if isinstance(event, ScalarEvent):
            value = str(event.value)
            # An empty plain scalar (`key:`) means "no value"; a quoted '' is an empty string.
            plain = not event.style  # None from the Python parser, "" from libyaml
            if plain and (value == "" or value in _NULLS):
                return None
            return clean_text(value)
        if isinstance(event, SequenceStartEvent):
            items: list[Plain] = []
            while not isinstance(event := self.next(), SequenceEndEvent):
                item_path = (*path, len(items))
                self.lines[item_path] = _line(event)
                items.append(self.value(event, item_path))
            return items
        if isinstance(event, MappingStartEvent):
            mapping: dict[str, Plain] = {}
            while not isinstance(event := self.next(), MappingEndEvent):
                if not isinstance(event, ScalarEvent):
                    raise _at("keys must be plain text", event)
                key = clean_text(str(event.value))
                if key in mapping:
                    raise _at(f"duplicate key {key!r}", event)
                self.lines[(*path, key)] = _line(event)
                mapping[key] = self.value(self.next(), (*path, key))
            return mapping
        raise _at("unexpected YAML content", event)  # pragma: no cover - parser's promise


def parse(text: str) -> Parsed:
    """Parse YAML text into plain data; raise YamlError with line and column."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    refused = _refused_character(text)
    if refused is not None:
        raise refused
    builder = _Builder(yaml.parse(text, Loader=_Loader))
    try:
        data = builder.document()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if mark is None:
            raise YamlError(problem) from None
        raise YamlError(problem, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as error:
        raise YamlError(str(error)) from None
    return Parsed(data, builder.lines)


class FlowList(list[str]):
    """A list written on one line, `[a, b]`: tags read better so."""


class _TextDumper(_BaseDumper):  # type: ignore[misc]
    """Strings with line breaks as `|` blocks, which read as the text reads."""


def _represent_str(dumper: Any, value: str) -> Any:
    style = None
    if "\n" in value and not _LINE_BREAKS_BUT_NEWLINE.intersection(value):
        style = "|"  # the emitter falls back to quotes where a block cannot hold the text
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: Any, value: FlowList) -> Any:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_TextDumper.add_representer(str, _represent_str)
_TextDumper.add_representer(FlowList, _represent_flow)


def dump(data: object) -> str:
    """YAML text for plain data (str, int, list, dict), keys in the order given."""
    text: str = yaml.dump(
        data, Dumper=_TextDumper, allow_unicode=True, sort_keys=False, width=88, indent=2
    )
    return text
