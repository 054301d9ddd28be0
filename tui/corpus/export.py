"""Plain-data views of the corpus: what the CLI prints as JSON, and as text."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tui.corpus.anchor import AnchorStatus, Placement, place
from tui.corpus.cite import citation_line
from tui.corpus.corrections import CORRECTIONS_FILE, Correction, Corrections, printed_label
from tui.corpus.library import FileError, Library
from tui.corpus.model import OUTSIDE_NUMBERED_LINES, Confidence, Document, Summary
from tui.corpus.notes import SECTIONS, Kind, Note, now

JSON = dict[str, Any]


def list_entry(summary: Summary) -> JSON:
    return {
        "id": summary.id,
        "title": summary.title,
        "date": summary.date.iso,
        "place": summary.place,
        "source_kind": summary.source_kind,
        "turns": summary.turns,
        "questions": summary.questions,
    }


def show_entry(document: Document, corrections: Corrections) -> JSON:
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
        "corrections": correction_entries(corrections.applied(document)),
    }


def correction_entries(corrections: Iterable[Correction]) -> list[JSON]:
    """What dossier.yaml set, each with where: `{"field": "title", "value": ...,
    "label": null, "source": "dossier.yaml line 4"}`."""
    return [
        {"field": fix.field, "value": fix.value, "label": fix.label, "source": fix.source}
        for fix in corrections
    ]


def dropped_entries(document: Document) -> list[JSON]:
    return [{"line": d.line, "text": d.text, "reason": d.reason} for d in document.dropped]


def speaker_turns(document: Document) -> dict[str, int]:
    return dict(Counter(turn.speaker for turn in document.turns if turn.speaker))


def check_entries(library: Library) -> list[JSON]:
    """One entry per file of the folder, unreadable ones included, in file order."""
    entries: list[tuple[Path, JSON]] = []
    for document in library.documents:
        entries.append((document.path, _check_document(document, library.corrections)))
    for error in library.errors:
        entries.append((error.path, _check_error(error)))
    entries.sort(key=lambda entry: str(entry[0]))
    return [entry for _, entry in entries]


def _check_document(document: Document, corrections: Corrections) -> JSON:
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
        "corrections": correction_entries(corrections.applied(document)),
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
        "corrections": [],
        "error": error.reason,
    }


# -- the summary that ends `dossier check` ------------------------------------------------

MANY_PARAGRAPHS = 30
"""Paragraphs from which a document that names no speaker looks like a transcript
whose labels were not recognised rather than an article (the seeds' articles have
13, the transcripts whose labels were missed 50 to 350)."""
LONG_TEXT = 2000
"""Characters from which one paragraph holding most of the text means the layout was
not recognised (not a short note in one paragraph)."""
MOST_OF_THE_TEXT = 0.5
MANY_DROPPED = 10
"""Dropped lines from which, if they also outnumber the paragraphs kept twice over,
the body may have gone with the boilerplate (a scraped page's footer of related
links drops 20 lines and more beside 23 paragraphs)."""
# How much each reason says that a file was not parsed: the worst have the most.
SKIPPED_WEIGHT = 4
NO_BODY_WEIGHT = 3
ONE_PARAGRAPH_WEIGHT = 3
NO_SPEAKER_WEIGHT = 2
NO_DATE_WEIGHT = 2
DROPPED_WEIGHT = 1
SUSPECTS_SHOWN = 10
MISSING_SHOWN = 8
MERGED_SHOWN = 20
WIDTH = 80


def unparsed_reasons(document: Document) -> list[tuple[int, str]]:
    """Why `document` looks unparsed, each reason with its weight; none if it does not."""
    reasons: list[tuple[int, str]] = []
    sizes = [len(paragraph.text) for paragraph in document.paragraphs]
    text = sum(sizes)
    if not sizes:
        reasons.append((NO_BODY_WEIGHT, "no body text"))
    elif text >= LONG_TEXT and max(sizes) >= MOST_OF_THE_TEXT * text:
        share = round(100 * max(sizes) / text)
        reasons.append((ONE_PARAGRAPH_WEIGHT, f"one paragraph holds {share}% of the text"))
    if not document.speakers and len(sizes) >= MANY_PARAGRAPHS:
        reasons.append((NO_SPEAKER_WEIGHT, f"no speaker named in {len(sizes)} paragraphs"))
    if document.date.confidence is Confidence.MISSING:
        reasons.append((NO_DATE_WEIGHT, "no date"))
    # A numbered page's header, footer and index: the page was read as such, not missed.
    dropped = sum(1 for line in document.dropped if line.reason != OUTSIDE_NUMBERED_LINES)
    if dropped >= MANY_DROPPED and dropped > 2 * len(sizes):
        reasons.append((DROPPED_WEIGHT, f"{dropped} lines dropped, {len(sizes)} paragraphs kept"))
    return reasons


def check_summary(library: Library) -> JSON:
    """What `dossier check` ends with: how the dates were found, who was named and
    under which labels, what dossier.yaml corrected, and the files that look unparsed,
    worst first."""
    documents = library.documents
    confidence = Counter(document.date.confidence for document in documents)
    named = sum(1 for document in documents if document.speakers)
    return {
        "files": len(documents) + len(library.errors),
        "documents": len(documents),
        "skipped": len(library.errors),
        "dates": {
            **{level.value: confidence[level] for level in Confidence},
            "missing_ids": [
                document.id
                for document in documents
                if document.date.confidence is Confidence.MISSING
            ],
        },
        "speakers": {"named": named, "none": len(documents) - named},
        "merged": _merged_speakers(documents),
        "corrections": _corrections_summary(library),
        "unparsed": _unparsed(library),
    }


def _merged_speakers(documents: Iterable[Document]) -> list[JSON]:
    """Each speaker whom labels other than their name resolved to, with every label as
    printed (the most used first); those with the most labels first."""
    labels: dict[str, Counter[str]] = {}
    for document in documents:
        for turn in document.turns:
            label = printed_label(turn)
            if turn.speaker and label:
                labels.setdefault(turn.speaker, Counter())[label] += 1
    merged = sorted(
        (
            (speaker, [label for label, _ in used.most_common()])
            for speaker, used in labels.items()
            if used.keys() != {speaker}
        ),
        key=lambda item: (-len(item[1]), item[0].casefold()),
    )
    return [{"speaker": speaker, "labels": names} for speaker, names in merged]


def _corrections_summary(library: Library) -> JSON:
    corrections = library.corrections
    counts: Counter[str] = Counter()
    labels: set[int] = set()
    for document in library.documents:
        for fix in corrections.applied(document):
            if fix.label is None:
                counts[fix.field] += 1
            else:
                labels.add(fix.line)
    present = corrections.stamp is not None
    return {
        "file": str(library.folder / CORRECTIONS_FILE) if present else None,
        "dates": counts["date"],
        "titles": counts["title"],
        "places": counts["place"],
        "speaker_labels": len(labels),
        "warnings": list(corrections.warnings),
    }


def _unparsed(library: Library) -> list[JSON]:
    """The files that look unparsed, worst first: skipped ones, and documents with
    reasons (`unparsed_reasons`), by the weight of their reasons, then their number."""
    found: list[tuple[Path, str, list[tuple[int, str]]]] = [
        (error.path, error.id, [(SKIPPED_WEIGHT, f"skipped: {error.reason}")])
        for error in library.errors
    ]
    for document in library.documents:
        reasons = unparsed_reasons(document)
        if reasons:
            found.append((document.path, document.id, reasons))
    found.sort(key=lambda item: (-sum(w for w, _ in item[2]), -len(item[2]), str(item[0])))
    return [
        {
            "path": _shown_path(path, library.folder),
            "id": doc_id,
            "weight": sum(weight for weight, _ in reasons),
            "reasons": [reason for _, reason in reasons],
        }
        for path, doc_id, reasons in found
    ]


def _shown_path(path: Path, folder: Path) -> str:
    return str(path.relative_to(folder) if path.is_relative_to(folder) else path)


def summary_text(summary: JSON) -> str:
    """The summary as `dossier check` prints it, in 80 columns."""
    files, skipped = summary["files"], summary["skipped"]
    lines = [
        f"{summary['documents']} of {files} files parsed"
        + (f", {skipped} skipped" if skipped else "")
    ]
    dates = summary["dates"]
    lines += _row("dates", ", ".join(f"{dates[level.value]} {level.value}" for level in Confidence))
    if dates["missing_ids"]:
        missing = [_shortened(doc_id, WIDTH - 24) for doc_id in dates["missing_ids"]]
        lines += _row("", "missing: " + _some(missing, MISSING_SHOWN))
    speakers = summary["speakers"]
    lines += _row(
        "speakers", f"named in {_count(speakers['named'], 'document')}, none in {speakers['none']}"
    )
    merged = summary["merged"]
    for position, entry in enumerate(merged[:MERGED_SHOWN]):
        lines += _row(
            "" if position else "merged", f"{entry['speaker']} <- {', '.join(entry['labels'])}"
        )
    if len(merged) > MERGED_SHOWN:
        lines += _row("", f"and {len(merged) - MERGED_SHOWN} more (check --json --summary)")
    corrections = summary["corrections"]
    if corrections["file"] is not None:
        applied = [
            _count(corrections[key], noun)
            for key, noun in (
                ("dates", "date"),
                ("titles", "title"),
                ("places", "place"),
                ("speaker_labels", "speaker label"),
            )
            if corrections[key]
        ]
        lines += _row("corrected", f"{', '.join(applied) or 'nothing'} from {CORRECTIONS_FILE}")
    for warning in corrections["warnings"]:
        lines += _row("warning", warning)
    unparsed = summary["unparsed"]
    if unparsed:
        lines.append(f"Look unparsed, worst first ({_count(len(unparsed), 'file')}):")
        for entry in unparsed[:SUSPECTS_SHOWN]:
            path = _shortened(entry["path"], WIDTH * 3 // 5)
            lines += _wrapped(f"{path}: {'; '.join(entry['reasons'])}", "  ", "      ")
        if len(unparsed) > SUSPECTS_SHOWN:
            lines.append(f"  and {len(unparsed) - SUSPECTS_SHOWN} more (check --json --summary)")
    return "\n".join(lines) + "\n"


def _row(name: str, text: str) -> list[str]:
    """`  name       text`, the text wrapped under itself."""
    return _wrapped(text, f"  {name:<10} ", " " * 13)


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    # Whole words and paths: a long file name runs past the edge rather than in two.
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _shortened(name: str, width: int) -> str:
    """`name` in `width` characters at most, its middle left out: an id or path is
    told apart by its start and end (`2021-02-19-press-gaggle-by…-kalamazoo-mi`)."""
    if len(name) <= width:
        return name
    tail = width // 3
    return f"{name[: width - tail - 1]}…{name[-tail:]}"


def _some(items: Sequence[str], shown: int) -> str:
    """`a, b, c and 4 more`."""
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


def placements(notes: Iterable[Note], library: Library) -> list[tuple[Note, Placement]]:
    """Each entry with where it belongs now (re-anchored on every load)."""
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
    for summary in library.summaries:
        entries = sorted(by_doc.get(summary.id, ()), key=lambda e: (e[1].paragraph, e[0].created))
        if not entries:
            continue
        document = library.by_id(summary.id)
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
