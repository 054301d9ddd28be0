"""Notes and bookmarks: what they hold, how they read and write as YAML, how two
versions of the file merge.

The file is the user's: it is read with the safe reader (every value a string
until checked here, and cleaned as outside text: a control character written by
hand comes back as its placeholder), an entry that does not check out is kept as
written and reported rather than dropped, and keys dossier does not know are kept too.
A save keeps what the user wrote (comments, key order, quoting, flow style): see
`render`.
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
# your changes and merges them with its own. Your comments are kept.
# Each entry: id, doc (file name without extension), paragraph (0-based, as in
# `dossier show`), the quoted text with a little text before and after it (to find
# the paragraph again if the document changes), then note text, tags and times.
"""
_OLD_HEADER = HEADER.replace("Your comments are kept.", "Comments are not kept.")
"""The header of files written before comments were kept: dossier's, not the user's."""

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


@dataclass(slots=True, eq=False)
class Layout:
    """The text a notes file was read from and where each entry sits in it: what a save
    needs to keep the user's writing."""

    text: str
    places: dict[str, tuple[str, int]]
    """Each entry's section and position, by id."""
    entries: dict[str, Note]
    """The entries as read from `text`."""
    dossiers: bool | None = None
    """Whether `text` is exactly what dossier's writer makes of it (nothing of the
    user's to keep); None until a save needs to know."""
    document: object = None
    """The round-trip document of `text`, once parsed (a save takes it and changes it)."""


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
    layout: Layout | None = field(default=None, compare=False)
    """The text read, for a save to keep the user's comments; None for text dossier's
    writer made (or nothing read)."""


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
    places: dict[str, tuple[str, int]] = {}
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
            places[entry.id] = (section, position)
    extra = tuple(
        (key, value) for key, value in data.items() if key not in ("version", "notes", "bookmarks")
    )
    layout = Layout(text, places, dict(entries))
    return NotesData(entries, tuple(kept), extra, tuple(warnings), layout)


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
    return HEADER + _body(data)


def _body(data: NotesData) -> str:
    sections: dict[str, list[object]] = {"notes": [], "bookmarks": []}
    for note in data.entries.values():
        sections[SECTIONS[note.kind]].append(_plain(note))
    for section, raw in data.kept:
        sections[section].append(raw)
    document: dict[str, object] = {"version": FORMAT_VERSION, **sections, **dict(data.extra)}
    return dump(document)


def render(data: NotesData) -> tuple[str, NotesData]:
    """The file's text for `data`, and `data` as that text reads back.

    Where `data` was read from a file with something of the user's in it (comments,
    their own key order or quoting), that text is kept and only dossier's changes are
    made to it, so nothing the user wrote is lost; else (a new file, or one as
    dossier wrote it) the text is `write_notes`'s. The kept text is read back with the
    safe reader before it is used: if it does not read as `data` it is not used."""
    layout = data.layout
    if layout is not None and not _is_dossiers(layout, data):
        kept = _render_kept(data, layout)
        if kept is not None:
            return kept
    return write_notes(data), replace(data, layout=None)


def _is_dossiers(layout: Layout, data: NotesData) -> bool:
    """Whether the text read is what dossier's writer makes of it, header and all."""
    if layout.dossiers is None:
        body = _body(replace(data, entries=layout.entries))
        layout.dossiers = layout.text in (HEADER + body, _OLD_HEADER + body)
    return layout.dossiers


def _render_kept(data: NotesData, layout: Layout) -> tuple[str, NotesData] | None:
    """The text read with `data`'s changes made to it, and how it reads; None if it
    cannot be made or does not read back as `data`."""
    from tui.corpus import notes_yaml  # ruamel.yaml: a tenth of the start, for saves only

    try:
        return _round_trip(data, layout)
    except notes_yaml.RoundTripError:
        return None


def _round_trip(data: NotesData, layout: Layout) -> tuple[str, NotesData] | None:
    """`_render_kept`'s work: change the round-trip document of the text read (in place
    of parsing and dumping anew, which would lose what the user wrote) and check it."""
    from tui.corpus import notes_yaml

    document = layout.document if layout.document is not None else notes_yaml.load(layout.text)
    layout.document = None  # changed below: the layout no longer describes it
    old = layout.entries
    for note_id, note in data.entries.items():
        if note_id in old and note != old[note_id]:
            section, position = layout.places[note_id]
            written = notes_yaml.keys(document, section, position)
            fresh, gone = _changes(old[note_id], note, written)
            notes_yaml.update(document, section, position, fresh, gone)
    for section, position in sorted(
        (layout.places[note_id] for note_id in old if note_id not in data.entries), reverse=True
    ):
        notes_yaml.delete(document, section, position)
    for note_id, note in data.entries.items():
        if note_id not in old:
            notes_yaml.append(document, SECTIONS[note.kind], _entry_document(note))
    text = notes_yaml.dump(document)
    try:
        again = read_notes(text)
    except NotesFileError:
        return None
    if not _reads_as(again, data) and not _reads_as(again, read_notes(write_notes(data))):
        # (The second: text dossier did not clean, as a test's may be, reads back cleaned.)
        return None
    if again.layout is not None:  # the next save starts from this document
        again.layout.dossiers, again.layout.document = False, document
    return text, again


def _reads_as(again: NotesData, data: NotesData) -> bool:
    return (again.entries, again.kept, again.extra) == (data.entries, data.kept, data.extra)


def _entry_document(note: Note) -> dict[str, object]:
    """`note` as the safe writer writes it, parsed with its quotes kept."""
    from tui.corpus import notes_yaml

    return notes_yaml.entry(dump([_plain(note)]))


def _changes(old: Note, new: Note, written: set[str]) -> tuple[dict[str, object], list[str]]:
    """What to set in an entry with the keys `written` to make it `new`: the fields
    that changed from `old` or are missing, and the keys to remove."""
    before, after = _plain(old), _plain(new)
    fresh = _entry_document(new)
    for key in list(fresh):
        if key in written and before.get(key) == after[key]:
            del fresh[key]
    return fresh, [key for key in before if key not in after]


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
