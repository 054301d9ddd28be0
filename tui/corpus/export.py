"""Plain-data views of the corpus: what the CLI prints as JSON, and as text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from tui.corpus.library import FileError, Library
from tui.corpus.model import Document

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
