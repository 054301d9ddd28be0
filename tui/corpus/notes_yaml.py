"""The notes file as a round-trip YAML document: what lets a save keep the user's comments,
key order and flow style.

Only writing goes through here: the file is always read, and every rule checked, by
`tui.corpus.safeyaml`. Once the safe reader has accepted a text, ruamel.yaml parses
it again in round-trip mode; dossier's changes are applied to that document (fields
changed in place, entries appended or removed) and it is dumped. The values written
come from the safe writer's text, parsed here with their quotes kept, so they are
quoted exactly as that writer quotes them.

ruamel.yaml hangs a comment on the token before it: the comment lines above an entry
belong, as parsed, to the last value of the entry before. `load` moves them to the
entry they stand above, so that removing an entry removes the comment lines directly
above it and those on its lines, and nothing else.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

_SLOTS = 4
"""ruamel's comment slots per key or item; [1] holds the lines before an item, [2] what
follows a value (its end-of-line comment and the lines after it)."""


def _yaml() -> YAML:
    """A round-trip parser and emitter laid out as the safe writer lays out the file."""
    yaml = YAML(typ="rt")
    yaml.width = 88
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.preserve_quotes = True
    return yaml


class RoundTripError(Exception):
    """ruamel.yaml could not parse or write what the safe reader accepted: the save
    writes the file afresh instead."""


def load(text: str) -> Any:
    """The round-trip document of `text` (already accepted by the safe reader), with the
    comment lines above each entry attached to that entry."""
    try:
        document = _yaml().load(text)
    except YAMLError as error:
        raise RoundTripError(str(error)) from error
    for value in document.values():
        if isinstance(value, CommentedSeq):
            for index in range(len(value) - 1):
                lines = _take_trailing_lines(value[index])
                if lines:
                    slots = value.ca.items.setdefault(index + 1, [None] * _SLOTS)
                    slots[1] = [_comment_lines(lines), *(slots[1] or [])]
    return document


def entry(text: str) -> dict[str, Any]:
    """The one entry of `text`, a list of one mapping as the safe writer writes it."""
    fresh: dict[str, Any] = _yaml().load(text)[0]
    return fresh


def keys(document: Any, section: str, index: int) -> set[str]:
    """The keys of the entry at `index` of `section`."""
    return {str(key) for key in document[section][index]}


def dump(document: Any) -> str:
    out = io.StringIO()
    try:
        _yaml().dump(document, out)
    except YAMLError as error:
        raise RoundTripError(str(error)) from error
    return out.getvalue()


def update(document: Any, section: str, index: int, fresh: Any, gone: Iterable[str]) -> None:
    """Set the keys of `fresh` in the entry at `index` of `section`, in place (a key's
    comment and position stay; a new key goes last), and remove the keys `gone`."""
    target = document[section][index]
    following = _take_trailing_lines(target)
    for key in gone:
        target.pop(key, None)
    for key, value in fresh.items():
        target[key] = value
    _add_trailing_lines(document, section, following)


def append(document: Any, section: str, fresh: Any) -> None:
    """Add `fresh` at the end of `section` (a block list if it was `[]`), before the
    comment lines that follow the list."""
    items = document.get(section)
    if not isinstance(items, CommentedSeq):
        items = document[section] = CommentedSeq()
    if not items:
        items.fa.set_block_style()
    following = _take_trailing_lines(items[-1]) if items else ""
    items.append(fresh)
    _add_trailing_lines(document, section, following)


def delete(document: Any, section: str, index: int) -> None:
    """Remove the entry at `index` of `section` with its own comments: those on its
    lines and the comment lines directly above it. Lines above it that a blank line
    sets apart, and those after the last entry (above what follows the list), stay."""
    items = document[section]
    own = _above(items, index)
    cut = own.rfind("\n\n")
    detached = own[: cut + 2] if cut >= 0 else ""
    following = _take_trailing_lines(items[index]) if index == len(items) - 1 else ""
    if index == 0:
        _set_above(document, section, 0, "")
    del items[index]
    if not items:
        items.fa.set_flow_style()  # `[]`, as dossier writes an empty list
    if index < len(items):
        _set_above(document, section, index, detached + _above(items, index))
    else:
        following = detached + following
    _add_trailing_lines(document, section, following)


def _above(items: CommentedSeq, index: int) -> str:
    """The comment lines above the item at `index`, as text."""
    slots = items.ca.items.get(index)
    if index == 0 and not (slots and slots[1]):
        slots = items.ca.comment
    tokens = slots[1] if slots else None
    return "".join(token.value for token in tokens or ())


def _set_above(document: Any, section: str, index: int, text: str) -> None:
    """Make `text` the comment lines above the item at `index` of `section`."""
    items = document[section]
    tokens = [_comment_lines(text)] if text else None
    items.ca.items.setdefault(index, [None] * _SLOTS)[1] = tokens if index else None
    if index == 0:
        # ruamel keeps the lines above the first item on the list and on its key too.
        items.ca.comment = [None, tokens] if tokens else None
        document.ca.items.setdefault(section, [None] * _SLOTS)[3] = tokens


def _add_trailing_lines(document: Any, section: str, lines: str) -> None:
    """Put comment lines after the last entry of `section` (after the list if empty)."""
    items = document[section]
    if not lines:
        return
    if not items or not isinstance(items[-1], CommentedMap) or not items[-1]:
        document.ca.items.setdefault(section, [None] * _SLOTS)[2] = _comment_lines("\n" + lines)
        return
    last = items[-1]
    slots = last.ca.items.setdefault(next(reversed(last)), [None] * _SLOTS)
    if slots[2] is None:
        slots[2] = _comment_lines("\n" + lines)
    else:
        slots[2] = CommentToken(slots[2].value + lines, slots[2].start_mark, None)


def _take_trailing_lines(item: Any) -> str:
    """Take the whole comment lines that follow `item`'s last value off it, leaving its
    end-of-line comment; the lines taken, as text."""
    if not isinstance(item, CommentedMap) or not item:
        return ""
    slots = item.ca.items.get(next(reversed(item)))
    if slots is None or slots[2] is None:
        return ""
    token: CommentToken = slots[2]
    value: str = token.value
    if value.startswith("#") and token.column > 0:
        beside, _, lines = value.partition("\n")
        slots[2] = CommentToken(beside + "\n", token.start_mark, None)
        return lines
    slots[2] = None
    return value.removeprefix("\n")


def _comment_lines(text: str) -> CommentToken:
    return CommentToken(text, CommentMark(0), None)
