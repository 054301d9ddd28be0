"""Plain-data views of the corpus: what the CLI prints as JSON, and as text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tui.corpus.anchor import AnchorStatus, Placement, place
from tui.corpus.cite import citation_line
from tui.corpus.library import FileError, Library
from tui.corpus.model import Document
from tui.corpus.notes import SECTIONS, Kind, Note, now

JSON = dict[str, Any]


def list_entry(document: Document) -> JSON:
    return {
        "id": document.id,
        "title": document.title,
        "date": document.date.iso,
        "place": document.place,
        "source_kind": document.source_kind,
        "turns": len(document.turns),
        "questions": document.questions,
    }


def show_entry(document: Document) -> JSON:
    return {
        "id": document.id,
        "title": document.title,
        "date": document.date.iso,
        "date_source": document.date.source,
        "date_confidence": document.date.confidence.value,
        "place": document.place,
        "source_kind": document.source_kind,
        "speakers": list(document.speakers),
        "turns": [
            {
                "index": turn.index,
                "speaker": turn.speaker,
                "label": turn.label,
                "note": turn.note,
                "kind": turn.kind.value,
                "paragraphs": [
                    {"index": p.index, "text": p.text, "topics": list(p.topics)}
                    for p in turn.paragraphs
                ],
            }
            for turn in document.turns
        ],
        "dropped": dropped_entries(document),
        "warnings": list(document.warnings),
    }


def dropped_entries(document: Document) -> list[JSON]:
    return [{"line": d.line, "text": d.text, "reason": d.reason} for d in document.dropped]


def speaker_turns(document: Document) -> dict[str, int]:
    return dict(Counter(turn.speaker for turn in document.turns if turn.speaker))


def check_entries(library: Library) -> list[JSON]:
    """One entry per file of the folder, unreadable ones included, in file order."""
    entries: list[tuple[Path, JSON]] = []
    for document in library.documents:
        entries.append((document.path, _check_document(document)))
    for error in library.errors:
        entries.append((error.path, _check_error(error)))
    entries.sort(key=lambda entry: str(entry[0]))
    return [entry for _, entry in entries]


def _check_document(document: Document) -> JSON:
    return {
        "path": str(document.path),
        "id": document.id,
        "format": document.format,
        "source_kind": document.source_kind,
        "title": document.title,
        "date": document.date.iso,
        "date_source": document.date.source,
        "date_confidence": document.date.confidence.value,
        "place": document.place,
        "speakers": list(document.speakers),
        "speaker_turns": speaker_turns(document),
        "turns": len(document.turns),
        "questions": document.questions,
        "paragraphs": len(document.paragraphs),
        "dropped": dropped_entries(document),
        "warnings": list(document.warnings),
        "error": None,
    }


def _check_error(error: FileError) -> JSON:
    return {
        "path": str(error.path),
        "id": error.id,
        "format": None,
        "source_kind": None,
        "title": None,
        "date": None,
        "date_source": None,
        "date_confidence": None,
        "place": None,
        "speakers": [],
        "speaker_turns": {},
        "turns": 0,
        "questions": 0,
        "paragraphs": 0,
        "dropped": [],
        "warnings": [],
        "error": error.reason,
    }


def placements(notes: Iterable[Note], library: Library) -> list[tuple[Note, Placement]]:
    """Each entry with where it belongs now (DESIGN §4: re-anchored on every load)."""
    return [(note, place(note.anchor, library.get(note.anchor.doc))) for note in notes]


def note_entry(note: Note, placement: Placement) -> JSON:
    """A note or bookmark as `dossier notes list --json` gives it."""
    entry: JSON = {
        "id": note.id,
        "doc": note.anchor.doc,
        "paragraph": placement.paragraph,
        "stored_paragraph": note.anchor.paragraph,
        "anchor": placement.status.value,
        "quote": note.anchor.quote,
    }
    if note.kind is Kind.NOTE:
        entry["text"] = note.text
        entry["tags"] = list(note.tags)
    entry["created"] = note.created
    entry["updated"] = note.updated
    return entry


def notes_entries(placed: Sequence[tuple[Note, Placement]]) -> JSON:
    return {
        SECTIONS[kind]: [note_entry(note, where) for note, where in placed if note.kind is kind]
        for kind in Kind
    }


def notes_markdown(placed: Sequence[tuple[Note, Placement]], library: Library) -> str:
    """Every note and bookmark, grouped by meeting in sidebar order, each with its
    citation; orphaned ones last, with what they quoted."""
    by_doc: dict[str, list[tuple[Note, Placement]]] = {}
    orphans: list[tuple[Note, Placement]] = []
    for note, where in placed:
        if where.paragraph is None:
            orphans.append((note, where))
        else:
            by_doc.setdefault(note.anchor.doc, []).append((note, where))
    notes = sum(1 for note, _ in placed if note.kind is Kind.NOTE)
    lines = [
        "# Notes from dossier",
        "",
        f"{_count(notes, 'note')} and {_count(len(placed) - notes, 'bookmark')}, "
        f"exported {now()[:10]}.",
    ]
    for document in library.documents:
        entries = sorted(by_doc.get(document.id, ()), key=lambda e: (e[1].paragraph, e[0].created))
        if not entries:
            continue
        facts = " · ".join(filter(None, [document.date.iso or "undated", document.place]))
        lines += ["", f"## {facts}: {document.title}", "", f"`{document.id}`"]
        for note, where in entries:
            assert where.paragraph is not None
            turn = document.turn_of_paragraph(where.paragraph)
            who = turn.speaker or turn.label or "unattributed"
            status = "" if where.status is AnchorStatus.ANCHORED else f" ({where.why})"
            heading = "Note" if note.kind is Kind.NOTE else "Bookmark"
            lines += ["", f"### {heading} on ¶{where.paragraph}, {who}{status}", ""]
            lines += _quoted(note.anchor.quote)
            if note.text:
                lines += ["", note.text]
            if note.tags:
                lines += ["", "Tags: " + ", ".join(note.tags)]
            lines += ["", citation_line(document, where.paragraph)]
    if orphans:
        lines += ["", "## Orphaned: their paragraph was not found again", ""]
        for note, where in orphans:
            lines += [f"### {note.anchor.doc} ¶{note.anchor.paragraph} ({where.why})", ""]
            lines += _quoted(note.anchor.quote)
            if note.text:
                lines += ["", note.text]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _quoted(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines() or [""]]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
