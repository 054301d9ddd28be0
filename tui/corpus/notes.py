"""Notes and bookmarks: what they hold, how they read and write as YAML, how two
versions of the file merge.

The file is the user's: it is read with the safe reader (every value a string
until checked here, and cleaned as outside text: a control character written by
hand comes back as its placeholder), an entry that does not check out is kept as
written and reported rather than dropped, and keys dossier does not know are kept too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from tui.corpus.safeyaml import FlowList, Plain, YamlError, dump, parse

FORMAT_VERSION = 1

HEADER = """\
# dossier notes and bookmarks. Edit freely, also while dossier runs: it picks up
# your changes and merges them with its own. Comments are not kept.
# Each entry: id, doc (file name without extension), paragraph (0-based, as in
# `dossier show`), the quoted text with a little text before and after it (to find
# the paragraph again if the document changes), then note text, tags and times.
"""

SECTIONS = {"note": "notes", "bookmark": "bookmarks"}


class Kind(StrEnum):
    NOTE = "note"
    BOOKMARK = "bookmark"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an entry belongs: a paragraph, and the text that lets it find the
    paragraph again when the document is re-scraped."""

    doc: str
    paragraph: int
    quote: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """A note or a bookmark (a bookmark has no text and no tags)."""

    id: str
    kind: Kind
    anchor: Anchor
    text: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    extra: tuple[tuple[str, Plain], ...] = ()
    """Keys dossier does not know, kept as written."""


@dataclass(frozen=True, slots=True)
class NotesData:
    """The content of a notes file."""

    entries: dict[str, Note] = field(default_factory=dict)
    """Notes and bookmarks by id, in file order."""
    kept: tuple[tuple[str, Plain], ...] = ()
    """Entries that did not check out, by section, written back as they were."""
    extra: tuple[tuple[str, Plain], ...] = ()
    """Top-level keys dossier does not know."""
    warnings: tuple[str, ...] = ()


class NotesFileError(YamlError):
    """The file cannot be used: it is shown read-only and never written."""


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id(kind: Kind) -> str:
    return f"{kind.value[0]}{secrets.token_hex(4)}"


def _id_from_content(kind: Kind, raw: dict[str, Plain]) -> str:
    """An id for an entry written by hand without one: from its content, so that two
    dossiers reading the file give it the same id and their merge keeps one entry."""
    digest = hashlib.sha1(repr(sorted(raw.items())).encode(), usedforsecurity=False)
    return f"{kind.value[0]}{digest.hexdigest()[:8]}"


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas or spaces, `#` optional, each once."""
    seen: dict[str, None] = {}
    for tag in text.replace(",", " ").split():
        tag = tag.lstrip("#")
        if tag:
            seen.setdefault(tag)
    return tuple(seen)


_NOTE_KEYS = ("id", "doc", "paragraph", "quote", "before", "after", "text", "tags")
_TIME_KEYS = ("created", "updated")


def _entry(kind: Kind, raw: Plain) -> Note:
    """One entry of the file, checked; ValueError says what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("is not a mapping of keys to values")
    doc = raw.get("doc")
    if not isinstance(doc, str) or not doc.strip():
        raise ValueError("has no doc")
    paragraph = raw.get("paragraph")
    if not isinstance(paragraph, str) or not paragraph.isdecimal():
        raise ValueError("paragraph must be a number from 0")
    entry_id = raw.get("id")
    if entry_id is not None and (not isinstance(entry_id, str) or not entry_id.strip()):
        raise ValueError("id must be text")
    texts: dict[str, str] = {}
    for key in ("quote", "before", "after", "text", *_TIME_KEYS):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be text")
        texts[key] = value or ""
    tags = raw.get("tags")
    if isinstance(tags, str):
        tag_list = parse_tags(tags)
    elif isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        tag_list = tuple(str(tag) for tag in tags)
    elif tags is None:
        tag_list = ()
    else:
        raise ValueError("tags must be a list of words")
    known = set(_NOTE_KEYS) | set(_TIME_KEYS)
    return Note(
        id=(entry_id or "").strip() or _id_from_content(kind, raw),
        kind=kind,
        anchor=Anchor(doc.strip(), int(paragraph), texts["quote"], texts["before"], texts["after"]),
        text=texts["text"] if kind is Kind.NOTE else "",
        tags=tag_list if kind is Kind.NOTE else (),
        created=texts["created"],
        updated=texts["updated"],
        extra=tuple((key, value) for key, value in raw.items() if key not in known),
    )


def read_notes(text: str) -> NotesData:
    """The notes file's content; NotesFileError if it cannot be used at all."""
    try:
        parsed = parse(text)
    except YamlError as error:
        raise NotesFileError(error.message, error.line, error.column) from None
    data = parsed.data
    if data is None:
        return NotesData()
    if not isinstance(data, dict):
        raise NotesFileError("the top level must be `version`, `notes` and `bookmarks`", 1, 1)
    version = data.get("version")
    if version is not None and version != str(FORMAT_VERSION):
        raise NotesFileError(
            f"version {version} is not one this dossier reads (it reads {FORMAT_VERSION})",
            parsed.lines.get(("version",)),
            1,
        )
    entries: dict[str, Note] = {}
    kept: list[tuple[str, Plain]] = []
    warnings: list[str] = []
    for kind, section in ((Kind.NOTE, "notes"), (Kind.BOOKMARK, "bookmarks")):
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            raise NotesFileError(f"`{section}` must be a list", parsed.lines.get((section,)), 1)
        for position, raw in enumerate(items):
            line = parsed.lines.get((section, position))
            try:
                entry = _entry(kind, raw)
            except ValueError as problem:
                kept.append((section, raw))
                warnings.append(f"line {line}: this {kind} {problem}; kept as written, not shown")
                continue
            if entry.id in entries:
                fresh = f"{entry.id}-{position}"
                warnings.append(
                    f"line {line}: id {entry.id} is used twice; this one is now {fresh}"
                )
                entry = replace(entry, id=fresh)
            entries[entry.id] = entry
    extra = tuple(
        (key, value) for key, value in data.items() if key not in ("version", "notes", "bookmarks")
    )
    return NotesData(entries, tuple(kept), extra, tuple(warnings))


def _plain(note: Note) -> dict[str, object]:
    anchor = note.anchor
    out: dict[str, object] = {
        "id": note.id,
        "doc": anchor.doc,
        "paragraph": anchor.paragraph,
        "quote": anchor.quote,
        "before": anchor.before,
        "after": anchor.after,
    }
    if note.kind is Kind.NOTE:
        out["text"] = note.text
        out["tags"] = FlowList(note.tags)
    out["created"] = note.created
    out["updated"] = note.updated
    out.update(note.extra)
    return out


def write_notes(data: NotesData) -> str:
    """The file's text: a comment header, then `version`, `notes`, `bookmarks`."""
    sections: dict[str, list[object]] = {"notes": [], "bookmarks": []}
    for note in data.entries.values():
        sections[SECTIONS[note.kind]].append(_plain(note))
    for section, raw in data.kept:
        sections[section].append(raw)
    document: dict[str, object] = {"version": FORMAT_VERSION, **sections, **dict(data.extra)}
    return HEADER + dump(document)


def merge(
    base: Mapping[str, Note], theirs: Mapping[str, Note], mine: Mapping[str, Note]
) -> dict[str, Note]:
    """Three-way merge by id: `base` is the version both sides started from.

    A change on one side wins over no change on the other; a note both sides
    changed keeps the later update (mine on a tie); an edit wins over a delete, so
    that no one's writing is lost. Their order first, then my new entries."""
    merged: dict[str, Note] = {}
    for note_id in _union(theirs, mine):
        old, their, my = base.get(note_id), theirs.get(note_id), mine.get(note_id)
        if my is None or their is None:
            # Deleted on one side: gone, unless the other side wrote it or changed it.
            survivor = my or their
            if survivor is not None and (old is None or survivor != old):
                merged[note_id] = survivor
            continue
        if my in (old, their):
            merged[note_id] = their
        elif their == old:
            merged[note_id] = my
        else:
            merged[note_id] = their if their.updated > my.updated else my
    return merged


def _union(first: Iterable[str], second: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))
