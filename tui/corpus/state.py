"""Where the reader was: reading places and past queries, kept between runs.

The state file is dossier's own, not the user's (the notes file and the config are
theirs): the paragraph last read in each meeting, newest first, so that a start
opens the meeting that was open, at that paragraph, and `H` lists the meetings read
last; and the queries typed in each box (search, find, concordance), oldest first.

It is JSON rather than YAML: only dossier writes it and reads it back, it holds
numbers as well as text, and the standard library's parser builds nothing but dicts,
lists, strings and numbers (no tags, no aliases) and needs no conversion of every
value from a string. It is still read as if anyone could have written it: capped in
size, every field checked, every query cleaned; a file that does not check out is
reported once and replaced by a fresh one at the next write. A write goes to a
temporary file that is synced and renamed over the old one, so that two dossiers, a
kill or a full disk leave the old file or the new one, never half of one.

A place is an `Anchor`, as a note has: the paragraph's index with its opening words
and a little text around them, so that a re-scraped document puts the reader back on
the paragraph it was on (`tui.corpus.anchor.place`). Places are kept per corpus
folder: reading another folder once does not lose the places of the usual one.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import platformdirs

from tui.corpus.anchor import anchor_for, place
from tui.corpus.clean import clean_text
from tui.corpus.config import APP_NAME
from tui.corpus.files import FileRefused, fsync_folder, read_capped, write_new
from tui.corpus.model import Document
from tui.corpus.notes import Anchor

FORMAT_VERSION = 1
NO_STATE_ENV = "DOSSIER_NO_STATE"
"""Set (to anything but 0) it starts dossier without reading or writing the state file,
as `--no-state` does: for shared accounts."""
MAX_PLACES = 500
"""Places kept, over every corpus folder; the oldest go first."""
MAX_RECENT = 20
"""Meetings listed by `H`."""
MAX_QUERIES = 100
"""Queries kept per box."""
MAX_QUERY_CHARS = 500
"""A longer query (a paste) is kept cut to this."""
MAX_BYTES = 1024 * 1024
"""A larger file is not read: the bounds above keep dossier's own well under it."""
QUOTE_CHARS = 60
"""Characters of a paragraph's opening kept to find it again."""
STALE_SECONDS = 60.0
"""A temporary file this old was left by a dossier killed while writing."""

T = TypeVar("T")


class QueryBox(StrEnum):
    """The inputs whose queries are kept, each with a history of its own."""

    SEARCH = "search"
    FIND = "find"
    KWIC = "kwic"


class StateFileError(ValueError):
    """The state file cannot be used; dossier starts afresh."""


class StateSaveError(Exception):
    """The state file could not be written; the one on disk is as it was."""


def state_path() -> Path:
    """The state file, in the platform's state folder (`~/.local/state/dossier` on Linux)."""
    return platformdirs.user_state_path(APP_NAME) / "state.json"


def state_disabled(flag: bool) -> bool:
    """Whether to run without the state file: `--no-state`, or DOSSIER_NO_STATE set."""
    return flag or os.environ.get(NO_STATE_ENV, "").strip() not in ("", "0")


def folder_key(folder: Path) -> str:
    """How a corpus folder is named in the file: one name however it was given."""
    return str(folder.expanduser().resolve())


def place_in(document: Document, paragraph: int) -> Anchor:
    """The place `paragraph` of `document`, with its opening words to find it again."""
    text = document.paragraphs[paragraph].text
    quote = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return anchor_for(document, paragraph, quote)


def paragraph_of(anchor: Anchor, document: Document) -> int:
    """Where the place is in `document` now: its paragraph found again by its text, or,
    if the text is gone, the paragraph at the same index (the end, if it is shorter)."""
    found = place(anchor, document).paragraph
    if found is not None:
        return found
    return max(0, min(anchor.paragraph, len(document.paragraphs) - 1))


def _cut(query: str) -> str:
    """A query as it is kept: trimmed, MAX_QUERY_CHARS at most."""
    return query.strip()[:MAX_QUERY_CHARS].strip()


@dataclass(slots=True)
class ReadingState:
    """What the file holds, for one corpus folder: its places, the other folders'
    places (kept as read), and the queries of every box."""

    folder: str
    places: list[Anchor] = field(default_factory=list)
    """This folder's places, one per document, the newest first."""
    others: list[tuple[str, list[Anchor]]] = field(default_factory=list)
    queries: dict[QueryBox, list[str]] = field(
        default_factory=lambda: {box: [] for box in QueryBox}
    )
    """Per box, the oldest first."""
    version: int = 0
    """Counts changes: a write is due when it moved since the last one."""

    @property
    def current(self) -> str | None:
        """The document that was open last."""
        return self.places[0].doc if self.places else None

    def place_of(self, doc_id: str) -> Anchor | None:
        return next((anchor for anchor in self.places if anchor.doc == doc_id), None)

    def recent(self) -> list[Anchor]:
        """The places of the meetings read last, the newest first."""
        return self.places[:MAX_RECENT]

    def read_at(self, anchor: Anchor) -> None:
        """The reader is at `anchor`: its document becomes the newest."""
        if self.places and self.places[0] == anchor:
            return
        self.places = [anchor, *(kept for kept in self.places if kept.doc != anchor.doc)]
        del self.places[MAX_PLACES:]
        self.version += 1

    def keep_documents(self, present: Callable[[str], bool]) -> None:
        """Drop the places of documents that are gone from the folder (not `present`)."""
        kept = [anchor for anchor in self.places if present(anchor.doc)]
        if len(kept) != len(self.places):
            self.places = kept
            self.version += 1

    def add_query(self, box: QueryBox, query: str) -> None:
        """`query` was used in `box`: the newest of its history."""
        if remember_query(self.queries[box], query):
            self.version += 1


def remember_query(history: list[str], query: str) -> bool:
    """Make `query` the newest entry of `history` (the oldest first), once, and keep
    MAX_QUERIES at most. True if `history` changed."""
    query = _cut(query)
    if not query or (history and history[-1] == query):
        return False
    if query in history:
        history.remove(query)
    history.append(query)
    del history[:-MAX_QUERIES]
    return True


# -- the file as text -------------------------------------------------------------------


def _places_data(places: list[Anchor]) -> list[dict[str, object]]:
    return [
        {
            "doc": anchor.doc,
            "paragraph": anchor.paragraph,
            "quote": anchor.quote,
            "before": anchor.before,
            "after": anchor.after,
        }
        for anchor in places
    ]


def state_text(state: ReadingState) -> str:
    """The file's content: this folder first, then the others, MAX_PLACES in all."""
    folders: list[dict[str, object]] = []
    room = MAX_PLACES
    for folder, places in [(state.folder, state.places), *state.others]:
        kept = places[:room]
        room -= len(kept)
        if kept:
            folders.append({"folder": folder, "places": _places_data(kept)})
    data = {
        "version": FORMAT_VERSION,
        "folders": folders,
        "queries": {box.value: state.queries[box] for box in QueryBox},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _expect(value: object, kind: type[T], where: str) -> T:
    # bool is an int to Python, never to this file.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise StateFileError(f"{where}: expected {kind.__name__}")
    return value


def _anchor(value: object, where: str) -> Anchor:
    entry = _expect(value, dict, where)
    paragraph = _expect(entry.get("paragraph"), int, f"{where}.paragraph")
    if paragraph < 0:
        raise StateFileError(f"{where}.paragraph: below 0")
    texts = {
        key: _expect(entry.get(key, ""), str, f"{where}.{key}")
        for key in ("doc", "quote", "before", "after")
    }
    return Anchor(paragraph=paragraph, **texts)


def _folders(value: object) -> Iterator[tuple[str, list[Anchor]]]:
    for number, item in enumerate(_expect(value, list, "folders")):
        where = f"folders[{number}]"
        entry = _expect(item, dict, where)
        places = _expect(entry.get("places"), list, f"{where}.places")[:MAX_PLACES]
        yield (
            _expect(entry.get("folder"), str, f"{where}.folder"),
            [_anchor(anchor, f"{where}.places[{n}]") for n, anchor in enumerate(places)],
        )


def _queries(value: object) -> dict[QueryBox, list[str]]:
    boxes = _expect(value, dict, "queries")
    queries: dict[QueryBox, list[str]] = {}
    for box in QueryBox:
        listed = _expect(boxes.get(box.value, []), list, f"queries.{box.value}")
        # Outside text on its way to an input: cleaned, one line.
        texts = (
            _cut(clean_text(_expect(query, str, f"queries.{box.value}")).replace("\n", " "))
            for query in listed[-MAX_QUERIES:]
        )
        queries[box] = [text for text in texts if text]
    return queries


def parse_state(text: str, folder: str) -> ReadingState:
    """The state of `folder` in the file's `text`; StateFileError if it does not check out."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise StateFileError(f"not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise StateFileError(f"not a dossier state file of version {FORMAT_VERSION}")
    state = ReadingState(folder, queries=_queries(data.get("queries", {})))
    for name, places in _folders(data.get("folders", [])):
        if name == folder and not state.places:
            state.places = places
        elif name != folder:
            state.others.append((name, places))
    return state


# -- the file on disk -------------------------------------------------------------------


class StateFile:
    """The state file: read once at the start, written whole, atomically.

    `write` may run in a worker thread while the app goes on; writes are taken one at
    a time, and one of an older version than what is on disk is skipped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None
        """Why the file as found could not be used, if it could not."""
        self._lock = threading.Lock()
        self._written = 0
        """The version of the state last written."""

    def read(self, folder: str) -> ReadingState:
        """The state of `folder`: empty if there is no file, and empty with `problem`
        set if the file cannot be used. Never raises."""
        try:
            return parse_state(self._text(), folder)
        except FileNotFoundError:
            return ReadingState(folder)  # a first start
        except OSError as error:
            self.problem = f"cannot read it ({error.strerror or error})"
        except UnicodeDecodeError as error:
            self.problem = f"not UTF-8 text (byte {error.start})"
        except StateFileError as error:
            self.problem = str(error)
        return ReadingState(folder)

    def _text(self) -> str:
        try:
            data, _ = read_capped(self.path, MAX_BYTES)
        except FileRefused as refused:
            raise StateFileError(str(refused)) from None
        return data.decode("utf-8")

    def describe_problem(self) -> str:
        return (
            f"{self.path}: {self.problem}; reading places and past queries start afresh"
            if self.problem
            else ""
        )

    def write(self, text: str, version: int) -> None:
        """Put `text` (the state at `version`) on disk. StateSaveError if it cannot be
        done; the file on disk is then as it was."""
        with self._lock:
            if version <= self._written:
                return
            folder = self.path.parent
            temporary = folder / f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._clear_stale()
                temporary.unlink(missing_ok=True)  # left by a killed process of this pid
                write_new(temporary, text.encode("utf-8"), 0o600)
                os.replace(temporary, self.path)
                fsync_folder(folder)
            except OSError as error:
                with contextlib.suppress(OSError):
                    temporary.unlink(missing_ok=True)
                reason = error.strerror or str(error)
                raise StateSaveError(f"could not write {self.path}: {reason}") from error
            self._written = version

    def _clear_stale(self) -> None:
        """Remove the temporary files of dossiers killed while writing (another one's
        write under way is younger than STALE_SECONDS)."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                    stale.unlink()
            except OSError:
                continue
