"""A YAML reader for files the user owns: plain data only, every scalar a string.

It refuses anchors, aliases and explicit tags (so no billion laughs and no
object construction), refuses duplicate keys, caps the size, and keeps the line
of every mapping key so that problems can be reported as `file:line`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 10 * 1024 * 1024

Plain: TypeAlias = str | list["Plain"] | dict[str, "Plain"] | None


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{message}")


@dataclass(frozen=True, slots=True)
class Parsed:
    data: Plain
    lines: dict[tuple[str | int, ...], int]
    """1-based line of each mapping key and sequence item, by its path."""


class _RefusingLoader(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            raise _refusal("aliases (*name) are not allowed", event)
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                raise _refusal("anchors (&name) are not allowed", event)
            if event.tag is not None and event.tag != "!":
                raise _refusal(f"tags ({event.tag}) are not allowed", event)
        return super().compose_node(parent, index)


def _refusal(message: str, event: yaml.Event) -> YamlError:
    mark = event.start_mark
    if mark is None:
        return YamlError(message)
    return YamlError(message, mark.line + 1, mark.column + 1)


def parse(text: str) -> Parsed:
    """Parse YAML text into plain data; raise YamlError with line and column."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    loader = _RefusingLoader(text)
    try:
        node = loader.get_single_node()
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
    finally:
        loader.dispose()
    lines: dict[tuple[str | int, ...], int] = {}
    data = None if node is None else _convert(node, (), lines)
    return Parsed(data, lines)


def _convert(
    node: Node, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]
) -> Plain:
    if isinstance(node, ScalarNode):
        value = str(node.value)
        # An empty plain scalar (`key:`) means "no value"; a quoted '' is an empty string.
        if value == "" and node.style is None:
            return None
        if node.style is None and value in ("~", "null", "Null", "NULL"):
            return None
        return value
    if isinstance(node, SequenceNode):
        items: list[Plain] = []
        for position, child in enumerate(node.value):
            lines[(*path, position)] = child.start_mark.line + 1
            items.append(_convert(child, (*path, position), lines))
        return items
    if isinstance(node, MappingNode):
        mapping: dict[str, Plain] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                mark = key_node.start_mark
                raise YamlError("keys must be plain text", mark.line + 1, mark.column + 1)
            key = str(key_node.value)
            if key in mapping:
                mark = key_node.start_mark
                raise YamlError(f"duplicate key {key!r}", mark.line + 1, mark.column + 1)
            lines[(*path, key)] = key_node.start_mark.line + 1
            mapping[key] = _convert(value_node, (*path, key), lines)
        return mapping
    raise YamlError("unsupported YAML node")  # pragma: no cover - composer yields only these
