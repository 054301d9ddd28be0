"""Corrections a user keeps beside the transcripts: `dossier.yaml` at the top of the
corpus folder sets a document's date, title or place, and who a label names.

    documents:
      002_06cc93c8d13a39f8:      # a document id, as `dossier list` shows it
        date: 2020-11-22
        title: Joint press conference in Baku
        place: Baku
    speakers:
      MS. DOE: Jane Doe          # a label as printed (without its parenthesis)

They are applied to the documents as read, after the parse and the document cache:
the source files and the cache keep what the files say, and an edit of dossier.yaml
takes effect without parsing anything again. A bad entry is a `file:line` warning
and is skipped; the rest apply. (An entry for an id no file has is said too, and
kept: it applies once such a file is added.)
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.corpus.cache import Stamp
from tui.corpus.clean import folded_line
from tui.corpus.files import FileRefused, read_capped
from tui.corpus.model import Confidence, Document, EventDate, Summary, Turn
from tui.corpus.safeyaml import MAX_BYTES, Parsed, Plain, YamlError, parse

CORRECTIONS_FILE = "dossier.yaml"
DOCUMENT_FIELDS = ("date", "title", "place")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Correction:
    """One value set in dossier.yaml, and the line that sets it."""

    field: str
    """`date`, `title`, `place` or `speaker`."""
    value: str
    line: int
    label: str | None = None
    """For a speaker: the label as the file gives it."""

    @property
    def source(self) -> str:
        return f"{CORRECTIONS_FILE} line {self.line}"

    def describe(self) -> str:
        """`title: Joint press conference (dossier.yaml line 4)`."""
        what = f"speaker of {self.label}" if self.label is not None else self.field
        return f"{what}: {self.value} ({self.source})"


def printed_label(turn: Turn) -> str | None:
    """The turn's label as the reader prints it, without its parenthesis: the model
    lets a label keep its note (`Question (to both ministers)`), which names no one."""
    label = turn.label
    if label is not None and turn.note:
        label = label.removesuffix(f"({turn.note})").rstrip()
    return label


@functools.lru_cache(maxsize=4096)
def folded_label(label: str) -> str:
    """What labels are compared by: case and spacing ignored (`MS. DOE`, `Ms.Doe`).
    Kept for the labels seen last: a corpus uses few, over and over."""
    return "".join(label.split()).casefold()


@dataclass(frozen=True, slots=True)
class Corrections:
    """What dossier.yaml says, as it was read (`stamp`), with its problems."""

    stamp: Stamp | None = None
    """The file's stamp when read; None when there was none."""
    documents: Mapping[str, tuple[Correction, ...]] = field(default_factory=dict)
    """Document id -> its date, title and place corrections."""
    speakers: Mapping[str, Correction] = field(default_factory=dict)
    """Folded label -> the speaker it names."""
    warnings: tuple[str, ...] = ()
    digest: str = ""
    """Of the file's bytes: a part of the library's signature."""

    def speaker_for(self, turn: Turn) -> Correction | None:
        """The correction that names the turn's speaker, if its label has one."""
        label = printed_label(turn) if self.speakers else None
        return self.speakers.get(folded_label(label)) if label else None

    def apply(self, document: Document) -> Document:
        """The document as corrected; the very same one when nothing applies (which
        is all it costs when there is no dossier.yaml)."""
        fixes = self.documents.get(document.id, ())
        if not fixes and not self.speakers:
            return document
        turns = self._named(document.turns)
        if not fixes and turns is document.turns:
            return document
        date, title, place = _fixed(fixes, document.date, document.title, document.place)
        return replace(document, date=date, title=title, place=place, turns=turns)

    def apply_to_summary(self, summary: Summary) -> Summary:
        """What the list shows of a document, as corrected: what `apply` makes of the
        document's date, title and place (speakers are not listed). The very same one
        when nothing applies."""
        fixes = self.documents.get(summary.id, ())
        if not fixes:
            return summary
        date, title, place = _fixed(fixes, summary.date, summary.title, summary.place)
        return replace(summary, date=date, title=title, place=place)

    def _named(self, turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
        """The turns with the speakers dossier.yaml gives their labels; the very same
        tuple when it names none differently."""
        if not self.speakers:
            return turns
        named: list[Turn] = []
        changed = False
        for turn in turns:
            fix = self.speaker_for(turn)
            if fix is not None and fix.value != turn.speaker:
                turn = replace(turn, speaker=fix.value)
                changed = True
            named.append(turn)
        return tuple(named) if changed else turns

    def applied(self, document: Document) -> tuple[Correction, ...]:
        """The corrections that apply to `document`: its own, then each speaker
        correction one of its labels takes, in the order of the turns."""
        speakers: dict[int, Correction] = {}
        for turn in document.turns:
            fix = self.speaker_for(turn)
            if fix is not None:
                speakers.setdefault(fix.line, fix)
        return (*self.documents.get(document.id, ()), *speakers.values())


def _fixed(
    fixes: tuple[Correction, ...], date: EventDate, title: str, place: str | None
) -> tuple[EventDate, str, str | None]:
    """A document's date, title and place, with `fixes` (its own corrections) applied."""
    for fix in fixes:
        if fix.field == "date":
            date = EventDate(dt.date.fromisoformat(fix.value), fix.source, Confidence.EXACT)
        elif fix.field == "title":
            title = fix.value
        else:
            place = fix.value
    return date, title, place


NO_CORRECTIONS = Corrections()


def read_corrections(folder: Path, stamp: Stamp | None, ids: Collection[str]) -> Corrections:
    """The corrections in `folder`'s dossier.yaml (`stamp` is its stamp; None: there
    is none). `ids` are the documents' ids, which the file's may name. Never raises:
    a problem is a warning, and an entry with one is skipped."""
    if stamp is None:
        return NO_CORRECTIONS
    path = folder / CORRECTIONS_FILE
    try:
        data, _ = read_capped(path, MAX_BYTES)
    except FileRefused as refused:
        return Corrections(stamp, warnings=(f"{path}: {refused}; no corrections applied",))
    except OSError as error:
        return Corrections(stamp, warnings=(f"{path}: cannot read: {error.strerror or error}",))
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    try:
        parsed = parse(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problem = f"{path}: not UTF-8 text (byte {error.start}); no corrections applied"
        return Corrections(stamp, warnings=(problem,), digest=digest)
    except YamlError as error:
        where = f":{error.line}:{error.column}" if error.line is not None else ""
        problem = f"{path}{where}: {error.message}; no corrections applied"
        return Corrections(stamp, warnings=(problem,), digest=digest)
    reader = _Reader(path, parsed, ids)
    reader.read()
    return Corrections(stamp, reader.documents, reader.speakers, tuple(reader.warnings), digest)


@dataclass(slots=True)
class _Reader:
    """Checks each entry of a parsed dossier.yaml, keeping the good ones."""

    path: Path
    parsed: Parsed
    ids: Collection[str]
    documents: dict[str, tuple[Correction, ...]] = field(default_factory=dict)
    speakers: dict[str, Correction] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def warn(self, keypath: tuple[str, ...], problem: str) -> None:
        """`path:line: key: problem`: the key alone, as the line shows it (an id's
        field as `date`, not under the id, which can be long)."""
        line = self.parsed.lines.get(keypath, 1)
        key = f"{keypath[-1]}: " if keypath else ""
        self.warnings.append(f"{self.path}:{line}: {key}{problem}")

    def read(self) -> None:
        data = self.parsed.data
        if data is None:
            return
        if not isinstance(data, dict):
            self.warn((), "must be a mapping with `documents:` and `speakers:`; nothing applied")
            return
        for key, value in data.items():
            if key == "documents":
                self._documents(value)
            elif key == "speakers":
                self._speakers(value)
            else:
                self.warn((key,), "unknown key (only documents and speakers); skipped")

    def _documents(self, value: Plain) -> None:
        if not isinstance(value, dict):
            self.warn(("documents",), "must map document ids to date, title and place")
            return
        for doc_id, fields in value.items():
            keypath = ("documents", doc_id)
            if not isinstance(fields, dict):
                self.warn(keypath, "must map date, title or place to a value; skipped")
                continue
            if doc_id not in self.ids:
                # Kept: it applies once a file of that name is added and read.
                self.warn(keypath, "no document has this id (see `dossier list`)")
            fixes = [
                fix
                for name, text in fields.items()
                if (fix := self._document_field((*keypath, name), text)) is not None
            ]
            if fixes:
                self.documents[doc_id] = tuple(fixes)

    def _document_field(self, keypath: tuple[str, str, str], value: Plain) -> Correction | None:
        name = keypath[-1]
        if name not in DOCUMENT_FIELDS:
            self.warn(keypath, f"unknown field (only {', '.join(DOCUMENT_FIELDS)}); skipped")
            return None
        text = self._text(keypath, value)
        if text is None:
            return None
        problem = _date_problem(text) if name == "date" else None
        if problem is not None:
            self.warn(keypath, f"{text!r} {problem}; skipped")
            return None
        return Correction(name, text, self.parsed.lines.get(keypath, 1))

    def _speakers(self, value: Plain) -> None:
        if not isinstance(value, dict):
            self.warn(("speakers",), "must map labels as printed to speakers' names")
            return
        for label, name in value.items():
            keypath = ("speakers", label)
            folded = folded_label(label)
            text = self._text(keypath, name)
            if text is None:
                continue
            if not folded:
                self.warn(keypath, "an empty label names no one; skipped")
            elif folded in self.speakers:
                first = self.speakers[folded]
                self.warn(
                    keypath, f"the same label as {first.label!r} on line {first.line}; skipped"
                )
            else:
                line = self.parsed.lines.get(keypath, 1)
                self.speakers[folded] = Correction("speaker", text, line, folded_line(label))

    def _text(self, keypath: tuple[str, ...], value: Plain) -> str | None:
        """The value as one line of text, or None (with a warning)."""
        if not isinstance(value, str) or not value.strip():
            self.warn(keypath, "must be text; skipped")
            return None
        return folded_line(value)


def _date_problem(text: str) -> str | None:
    """What is wrong with `text` as a date, if anything."""
    if _ISO_DATE.fullmatch(text) is None:
        return "is not a date as YYYY-MM-DD"
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return "is no real date"
    return None
