"""A corpus folder, read into Documents in sidebar order.

`Library.load` reads a folder at once. The app uses a `Loader` instead, which
yields the documents in batches as they are read from the cache or parsed (in
worker processes when there are many), so that the first ones can be shown while
the rest come; and which, given the library as it is, reads again only the files
that changed.

The library lists each document by its `Summary` (what the sidebar and `dossier
list` show), which the cache keeps in columns of their own: a start that finds every
file in the cache decodes no document. A document is decoded from the cache when it is
asked for (`get`), and the last RECENT_DOCUMENTS asked for are kept. Documents parsed
in this run are held until the cache has them.

The corrections of the folder's dossier.yaml (`tui.corpus.corrections`), which is
no document, are applied as documents are added and decoded: what the cache holds is
what the files say, and an edit of dossier.yaml needs no parse.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import os
import stat
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, overload

from tui.corpus.cache import (
    CachedFile,
    DocumentCache,
    Stamp,
    decode_document,
    encode_document,
)
from tui.corpus.clean import BinaryFileError, clean_line, decode
from tui.corpus.config import Config
from tui.corpus.corrections import CORRECTIONS_FILE, NO_CORRECTIONS, Corrections, read_corrections
from tui.corpus.files import kind_of
from tui.corpus.folder import NO_FOLDER, Folder
from tui.corpus.folder import learn as learn_from
from tui.corpus.model import Document, Summary, Tallies
from tui.corpus.topics import TopicMatcher
from tui.corpus.versions import file_version, with_corrections
from tui.corpus.workers import process_pool

log = logging.getLogger("dossier")

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Bytes read from one file; the rest is skipped with a warning."""


@dataclass(frozen=True, slots=True)
class FileError:
    """A file in the corpus folder that could not be read as a document."""

    path: Path
    id: str
    reason: str


class DocumentError(ValueError):
    pass


class UnreadableError(DocumentError):
    """The file could not be read now (permissions, I/O): not worth caching."""


Found = tuple[str, str, str | None]
"""An entry below the corpus folder: its path relative to the folder (with `/`), its
full path, and why it is not read (None: it is read as a document)."""


File = tuple[str, str, str, str | None]
"""A file of the corpus folder: its full path, its path relative to the folder, its id,
and why it is not read (None: it is read as a document)."""


def _walk(folder: Path) -> Iterator[Found]:
    """The non-hidden entries below `folder` but the folders it enters, as found; not the
    corrections file at its top. Besides the files to read, what is not read comes with
    its reason, so that `dossier check` lists it: a dangling link or a link loop, a pipe,
    socket or device (opening a pipe waits for a writer, a device never ends), a linked
    folder (never entered: a link to a folder above would be a loop), a folder that
    cannot be read. An error on one entry costs that entry only. Plain strings, and the
    file types `os.scandir` reads with the names (a `stat` only for links and what is
    no file): a Path per file costs a tenth of a second on 10,000 files, at every
    start."""
    pending = [(str(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as entries:
                found = list(entries)
        except OSError as error:
            yield prefix.rstrip("/") or ".", directory, _cannot_read(error)
            continue
        for entry in found:
            if entry.name.startswith(".") or (not prefix and entry.name == CORRECTIONS_FILE):
                continue
            relative = prefix + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, relative + "/"))
                    continue
                reason = None if entry.is_file() else _not_a_file(entry)
            except OSError as error:
                reason = _cannot_read(error)
            yield relative, entry.path, reason


def _not_a_file(entry: os.DirEntry[str]) -> str:
    """Why an entry that is no folder, and no file even through its link, is not read."""
    try:
        mode = entry.stat().st_mode
    except FileNotFoundError:
        return "dangling symlink"
    if stat.S_ISDIR(mode):
        return "link to a folder: not entered"
    return f"{kind_of(mode)}, not a file: not read"


def _cannot_read(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def small_folder(folder: Path) -> bool:
    """Whether `folder` is read in less time than it takes to notice: then the app
    shows it complete, and keys typed at once act on the whole list. Stops walking
    at the first file too many: the app walks a large folder again as it reads it."""
    size = 0
    for count, (_, path, _) in enumerate(_walk(folder), 1):
        size += _size(_stamp(path))
        if count >= POOL_THRESHOLD or size >= READ_AT_ONCE_BYTES:
            return False
    return True


def read_document(
    path: Path,
    doc_id: str,
    config: Config,
    matcher: TopicMatcher,
    folder: Folder = NO_FOLDER,
) -> Document:
    """Read and parse one file; raise DocumentError with a reason a person can act on.
    `folder`: what its folder teaches (`tui.corpus.folder`). Only what the folder walk
    found to be a file gets here (`_walk`)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableError(_cannot_read(error)) from None
    return document_from_bytes(data, path, doc_id, config, matcher, folder)


def document_from_bytes(
    data: bytes,
    path: Path,
    doc_id: str,
    config: Config,
    matcher: TopicMatcher,
    folder: Folder = NO_FOLDER,
) -> Document:
    """Decode, clean and parse a file's bytes (at most MAX_FILE_BYTES + 1 of them)."""
    warnings: list[str] = []
    if len(data) > MAX_FILE_BYTES:
        data = data[:MAX_FILE_BYTES]
        warnings.append(f"file is larger than {MAX_FILE_BYTES // 2**20} MB; the rest was skipped")
    if not data.strip():
        raise DocumentError("empty file")
    try:
        decoded = decode(data, config.encoding_fallback)
    except BinaryFileError as error:
        raise DocumentError(str(error)) from None
    warnings.extend(decoded.warnings)
    # Imported here: a start that finds every file in the cache parses none.
    from tui.corpus.parse import parse_text

    return parse_text(doc_id, path, decoded.text, config, matcher, tuple(warnings), folder)


POOL_THRESHOLD = 64
"""Files to parse from which worker processes are worth their start-up."""
LARGE_FILE_BYTES = 2**20
"""A file that takes long enough to parse that what was read before it is shown first."""
READ_AT_ONCE_BYTES = 4 * 2**20
"""A folder read before the first frame holds less than this (and fewer files than
POOL_THRESHOLD): parsing it takes well under a second."""
CHUNK = 16
"""Files a worker process parses per task."""
STORE_ROWS = 200
"""Parsed files written to the cache in one transaction."""
BATCH_SECONDS = 0.25
"""A batch is handed on at least this often while documents keep coming. Each one
arranges the sidebar again and redraws the screen (30-40 ms of the app's time on
10,000 documents), which takes the CPU from the parsing: at 4 a second rather than
10, a cold open of 10,000 in the app used 5.0-7.2 s of the app process's CPU
rather than 6.9-8.5 s, and took 16.4-21.0 s (median 18.1) rather than 15.0-23.4 s
(median 20.0) on a noisy machine."""
LISTING_SECONDS = 1.0
"""How often a batch is handed on while the cache lists what it holds (100,000 rows
in well under a second): each batch the app takes in makes the app's thread compete
with the listing for the interpreter; at BATCH_SECONDS, listing 100,000 took 1.01-1.04 s
with the first rows shown at once, at LISTING_SECONDS 0.90-0.98 s."""
FIRST_BATCH = 100
"""Documents in the first batch, handed on without waiting: a screenful of the list."""

RECENT_DOCUMENTS = 64
"""Documents decoded last, kept by the library: the one open, the ones near it, and
those of a page of search results (50, most of them the same from one key to the
next: at 32 every key decoded them all again, 6 ms a key at 10,000 documents rather
than 2)."""

_UNKNOWN = Stamp(-1, -1)
"""The stamp of a document known by no file (`versions`)."""


class Fresh(NamedTuple):
    """A document parsed now, as a batch brings it: what the list shows of it, and the
    document encoded, decoded only if it is opened before the cache holds it (the
    workers that parse made the summary; decoding each one here cost the loader a
    third of its time)."""

    summary: Summary
    data: bytes


Entry = Fresh | Summary | FileError
"""What a batch brings of a file: a document parsed now, the summary of one in the
cache, or why the file is no document."""
Listed = Summary | FileError
"""What the library keeps of a file."""


@dataclass(frozen=True, slots=True)
class Batch:
    """Documents read since the last batch (new or changed ones), files that are not
    documents, and how far the load is."""

    entries: tuple[tuple[str, Stamp | None, Entry], ...]
    """(path relative to the folder, its stamp, what it holds)."""
    done: int
    total: int
    corrections: Corrections | None = None
    """dossier.yaml as read again (changed, new or gone), to apply from now on."""
    stored: tuple[str, ...] = ()
    """Files parsed in this load (in this batch or before) that the cache now holds."""
    listed: bool = False
    """Whether this batch ends what the cache listed at a start, before the walk of the
    folder says what changed since."""
    in_order: bool = False
    """Whether its documents come in the list's order (the cache lists them so), after
    those of the batches before."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What a reload found, by relative path."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    corrections: bool = False
    """Whether dossier.yaml was read again (changed, new or gone)."""

    @property
    def any(self) -> bool:
        """Whether anything changed."""
        return bool(self.new or self.changed or self.removed or self.corrections)

    def describe(self) -> str:
        """`3 new, 1 changed, 2 removed, dossier.yaml changed`, or `no changes`."""
        parts = [
            f"{len(paths)} {what}"
            for paths, what in (
                (self.new, "new"),
                (self.changed, "changed"),
                (self.removed, "removed"),
            )
            if paths
        ]
        if self.corrections:
            parts.append(f"{CORRECTIONS_FILE} changed")
        return ", ".join(parts) or "no changes"


class Library:
    """The documents of a folder in sidebar order, and the files that are not
    documents. It grows as a Loader's batches are added, and a reload replaces what
    changed. It lists each document by its summary; a document is decoded when it is
    asked for, from what this run parsed or from `cache` (read through a connection of
    its own, `close`d by its owner), and parsed again if the cache cannot give it."""

    __slots__ = (
        "_as_parsed",
        "_cache",
        "_files",
        "_held",
        "_ids",
        "_lock",
        "_named",
        "_recent",
        "_sorted",
        "cache",
        "config",
        "corrections",
        "documents",
        "errors",
        "folder",
        "matcher",
        "summaries",
    )

    def __init__(
        self,
        folder: Path,
        config: Config,
        matcher: TopicMatcher | None = None,
        *,
        cache: DocumentCache | None = None,
    ) -> None:
        self.folder = folder
        self.config = config
        self.matcher = matcher or TopicMatcher(config.topics)
        self.cache = cache
        """Where documents are decoded from (through `_cache`, a handle of its own)."""
        self._cache: DocumentCache | None = None
        self._files: dict[str, tuple[Stamp | None, Listed]] = {}
        """Each file's stamp and what the list shows of it (corrected)."""
        self._as_parsed: dict[str, Summary] = {}
        """The summaries the corrections changed, as parsed, by relative path."""
        self._held: dict[str, Document | Fresh] = {}
        """Documents parsed in this run that the cache does not hold (yet), as parsed."""
        self._recent: OrderedDict[str, Document] = OrderedDict()
        """The documents decoded last (corrected), by relative path, oldest first."""
        self._lock = threading.Lock()
        """Held while decoding: the app decodes in its own thread and in the index's."""
        self.corrections: Corrections = NO_CORRECTIONS
        self._sorted: list[Summary] = []
        self.summaries: tuple[Summary, ...] = ()
        """Sorted by event date, oldest first; undated documents last."""
        self.documents: Documents = Documents(self, ())
        """The same, as documents: each decoded when it is read."""
        self.errors: tuple[FileError, ...] = ()
        self._ids: dict[str, str] = {}
        """Each document's relative path, by id."""
        self._named: tuple[list[str], list[str]] = ([], [])
        """The paths the last walk of the folder found, and the id it gave each."""

    @classmethod
    def load(
        cls,
        folder: Path,
        config: Config,
        cache: DocumentCache | None = None,
        *,
        workers: int | None = None,
    ) -> Library:
        """Every document of `folder`, through `cache` when given."""
        library = cls(folder, config, cache=cache)
        loader = Loader(library, cache, workers=workers)
        for batch in loader.batches():
            library.add(batch)
        library.remove(loader.changes.removed)
        return library

    def close(self) -> None:
        """Close the library's connection to the cache (opened again if needed)."""
        if self._cache is not None:
            self._cache.close()

    def by_id(self, doc_id: str) -> Document:
        document = self.get(doc_id)
        if document is None:
            raise KeyError(doc_id)
        return document

    def get(self, doc_id: str) -> Document | None:
        """The document with this id, decoded (or parsed again) if it is not among
        the recent ones; None if there is none, or its file no longer reads."""
        relative = self._ids.get(doc_id)
        if relative is None:
            return None
        with self._lock:
            document = self._recent.get(relative)
            if document is not None:
                self._recent.move_to_end(relative)
                return document
            document = self._decoded(relative, doc_id)
            if document is not None:
                self._recent[relative] = document
                if len(self._recent) > RECENT_DOCUMENTS:
                    self._recent.popitem(last=False)
            return document

    def tallies(self) -> Iterator[tuple[Summary, Tallies]]:
        """Each document's tallies, in no order: as the cache holds them for the file as
        listed (read through a connection of its own, one row at a time), or else
        counted from the document (decoded). While dossier.yaml names speakers they are
        all counted anew: its names are given by label, which tallies do not keep."""
        counted: set[str] = set()
        if self.cache is not None and not self.corrections.speakers:
            cache = self.cache.handle()
            try:
                for relative, stamp, doc_id, tallies in cache.tallies():
                    known = self._files.get(relative)
                    if known is not None and known[0] == stamp:
                        summary = known[1]
                        if isinstance(summary, Summary) and summary.id == doc_id:
                            counted.add(relative)
                            yield summary, tallies
            finally:
                cache.close()
        for summary in self.summaries:
            if self._ids[summary.id] not in counted:
                document = self.get(summary.id)
                if document is not None:
                    yield summary, Tallies.of(document)

    def summary(self, doc_id: str) -> Summary | None:
        relative = self._ids.get(doc_id)
        listed = self._files[relative][1] if relative is not None else None
        return listed if isinstance(listed, Summary) else None

    def _decoded(self, relative: str, doc_id: str) -> Document | None:
        """The document of the file `relative`, as corrected: held, from the cache,
        or parsed again."""
        stamp = self._files[relative][0]
        held = self._held.get(relative)
        document = (
            decode_document(held.data, Path(self.folder, relative))
            if isinstance(held, Fresh)
            else held
        )
        if document is None and stamp is not None and self.cache is not None:
            if self._cache is None:
                self._cache = self.cache.handle()
            document = self._cache.document(relative, stamp, doc_id)
        if document is None:
            document = self._parsed_again(relative, stamp, doc_id)
        return None if document is None else self.corrections.apply(document)

    def _parsed_again(self, relative: str, stamp: Stamp | None, doc_id: str) -> Document | None:
        """The file `relative` parsed again (its cache row is gone or damaged): held,
        and stored in the cache if it can be. None if it is no document now."""
        files = self.walk()
        where = relative.rpartition("/")[0]
        folder = learn_folder(_by_folder(files).get(where, []), self.config)
        path = Path(self.folder, relative)
        parsed = _parse_one(path, doc_id, self.config, self.matcher, folder)
        if parsed.data is None:
            return None
        document = decode_document(parsed.data, path)
        if not (
            stamp is not None
            and self._cache is not None
            and self._cache.store([(relative, _row(stamp, doc_id, parsed))])
        ):
            self._held[relative] = document
        return document

    def versions(self) -> dict[str, int]:
        """Each document's version (`file_version`), by id: of the path, size and
        modification time of its file, as read, and for a document dossier.yaml
        corrects, dossier.yaml's content (for every document while it names speakers:
        any may have their labels). The search index on disk holds one version of each
        document: another is indexed again, alone."""
        digest, named = self._correction_digest(), bool(self.corrections.speakers)
        as_parsed = self._as_parsed
        # Copied first (a dict, not a tuple of its items: each would be one more object
        # for the collector): a start's index reads them while the walk's batches come.
        return {
            entry.id: file_version(
                relative, *(stamp or _UNKNOWN), digest if named or relative in as_parsed else 0
            )
            for relative, (stamp, entry) in self._files.copy().items()
            if isinstance(entry, Summary)
        }

    def listed_fingerprint(self) -> int | None:
        """The `fingerprint` of `versions()` as the cache holds the files, added up by
        SQLite rather than made for each document (0.4 s at 100,000): what a start
        checks the search index on disk against, once the cache is listed and before
        the walk of the folder says what changed. None without a cache to read."""
        if self.cache is None:
            return None
        cache = self.cache.handle()  # the walk may be reading through the library's
        try:
            sums = cache.fingerprint()
        finally:
            cache.close()
        if sums is None:
            return None
        count, total = sums
        corrected = count if self.corrections.speakers else len(self._as_parsed)
        return with_corrections(total, self._correction_digest(), corrected)

    def _correction_digest(self) -> int:
        return int(self.corrections.digest[:16] or "0", 16)

    def walk(self) -> list[File]:
        """What a walk of the folder finds now (`_walk`), by name, each with its id: the
        ids the last walk gave, if it found the same paths (what `r` finds most often:
        0.12 s less for 100,000 files)."""
        found = sorted(_walk(self.folder))
        relatives = [relative for relative, _, _ in found]
        named, ids = self._named
        if relatives != named:
            ids = _unique_ids(relatives)
            self._named = (relatives, ids)
        return [
            (path, relative, doc_id, reason)
            for (relative, path, reason), doc_id in zip(found, ids, strict=True)
        ]

    def stamp(self, relative: str) -> Stamp | None:
        known = self._files.get(relative)
        return known[0] if known else None

    def add(self, batch: Batch) -> None:
        """Take in a batch: new files, or new versions of files already here. Each
        document is put in its place in the sorted list, so that a load in a few
        hundred batches costs no more than one; many at once (a start from the cache)
        are sorted with the rest, in a fraction of the time (0.2 s rather than 1.3 s
        for 100,000)."""
        if batch.corrections is not None:
            self._correct(batch.corrections)
        errors_changed = False
        added: list[Summary] = []
        files, held, ids = self._files, self._held, self._ids
        # Without corrections of documents, a summary is listed as it is (a call less
        # for each of a start's 100,000).
        corrected = self._corrected if self.corrections.documents else None
        for relative, stamp, entry in batch.entries:
            if relative in files:  # a new version (a start adds 100,000 new ones)
                errors_changed |= self._drop(relative)
            if isinstance(entry, FileError):
                files[relative] = (stamp, entry)
                errors_changed = True
                continue
            if isinstance(entry, Fresh):
                held[relative] = entry
                entry = entry.summary
            listed = entry if corrected is None else corrected(relative, entry)
            files[relative] = (stamp, listed)
            added.append(listed)
            ids[listed.id] = relative
        self._place(added, in_order=batch.in_order and corrected is None)
        if self.cache is not None:
            # Read back from the cache from now on; a library without one (whatever
            # cache its loader writes) holds what it parsed, or parses it again.
            for relative in batch.stored:
                self._held.pop(relative, None)
        if batch.entries or batch.corrections is not None:
            # Else the same list: not listed again (100,000 take 0.2 s to arrange).
            self._publish(errors_changed)

    def _place(self, added: list[Summary], *, in_order: bool) -> None:
        """Put `added` in the sorted list: after the rest if they come `in_order` (as
        the cache lists them, unsorted, unchecked) or are found in order after it;
        sorted with the rest if they are many; else each in its place."""
        if in_order:
            self._sorted += added
            return
        keys = [_sort_key(summary) for summary in added]
        if keys == sorted(keys) and (not self._sorted or keys[:1] >= [_sort_key(self._sorted[-1])]):
            self._sorted += added
        elif len(added) > len(self._sorted) // 16:  # putting one in place: 20 sorted again
            self._sorted += added
            self._sorted.sort(key=_sort_key)
        else:
            for summary in added:
                bisect.insort(self._sorted, summary, key=_sort_key)

    def _corrected(self, relative: str, summary: Summary) -> Summary:
        """`summary` (as parsed) as the corrections make it, kept as parsed if they
        change it."""
        shown = self.corrections.apply_to_summary(summary)
        if shown is not summary:
            self._as_parsed[relative] = summary
        return shown

    def _correct(self, corrections: Corrections) -> None:
        """Apply `corrections` in place of the ones before to every document held."""
        before, self.corrections = self.corrections, corrections
        if not (
            before.documents or before.speakers or corrections.documents or corrections.speakers
        ):
            return
        with self._lock:
            self._recent.clear()
        for relative, (stamp, entry) in self._files.items():
            if isinstance(entry, Summary):
                parsed = self._as_parsed.pop(relative, entry)
                self._files[relative] = (stamp, self._corrected(relative, parsed))
        self._sorted = sorted(
            (entry for _, entry in self._files.values() if isinstance(entry, Summary)),
            key=_sort_key,
        )
        self._publish(errors_changed=False)

    def remove(self, relatives: Sequence[str]) -> None:
        errors_changed = False
        for relative in relatives:
            errors_changed |= self._drop(relative)
        if relatives:
            self._publish(errors_changed)

    def _drop(self, relative: str) -> bool:
        """Forget what the file held; whether that was a FileError."""
        known = self._files.pop(relative, None)
        self._as_parsed.pop(relative, None)
        self._held.pop(relative, None)
        with self._lock:
            self._recent.pop(relative, None)
        if known is None:
            return False
        entry = known[1]
        if isinstance(entry, FileError):
            return True
        at = bisect.bisect_left(self._sorted, entry.sort_key, key=_sort_key)
        while at < len(self._sorted) and self._sorted[at] is not entry:
            at += 1  # past another document with the same key (ids cleaned alike)
        if at < len(self._sorted):
            del self._sorted[at]
        if self._ids.get(entry.id) == relative:
            del self._ids[entry.id]
        return False

    def _publish(self, errors_changed: bool) -> None:
        self.summaries = tuple(self._sorted)
        self.documents = Documents(self, self.summaries)
        if errors_changed:
            self.errors = tuple(
                sorted(
                    (entry for _, entry in self._files.values() if isinstance(entry, FileError)),
                    key=lambda error: error.path,
                )
            )


class Documents(Sequence[Document]):
    """A library's documents in the order of its summaries, each decoded when it is
    read (`Library.get`): for what needs whole documents. One gone from the folder
    since is left out of an iteration."""

    __slots__ = ("_library", "summaries")

    def __init__(self, library: Library, summaries: tuple[Summary, ...]) -> None:
        self._library = library
        self.summaries = summaries

    def get(self, doc_id: str) -> Document | None:
        return self._library.get(doc_id)

    def summary(self, doc_id: str) -> Summary | None:
        return self._library.summary(doc_id)

    def __len__(self) -> int:
        return len(self.summaries)

    @overload
    def __getitem__(self, at: int) -> Document: ...
    @overload
    def __getitem__(self, at: slice) -> Documents: ...
    def __getitem__(self, at: int | slice) -> Document | Documents:
        if isinstance(at, slice):
            return Documents(self._library, self.summaries[at])
        return self._library.by_id(self.summaries[at].id)

    def __iter__(self) -> Iterator[Document]:
        for summary in self.summaries:
            document = self._library.get(summary.id)
            if document is not None:
                yield document

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Documents):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def _sort_key(summary: Summary) -> tuple[dt.date, str]:
    return summary.sort_key


class Loader:
    """Reads a folder into `library`'s form: `batches()` yields what is new or changed
    against `library` (everything, for an empty one), and `changes` says afterwards
    which files were new, changed and removed. The cache is read for files not in
    the library, and written with every file parsed."""

    def __init__(
        self, library: Library, cache: DocumentCache | None = None, *, workers: int | None = None
    ) -> None:
        self.library = library
        self.cache = cache
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.changes = Changes((), (), ())
        self.parsed = 0
        """Files parsed (not found in the cache) by the last `batches()`."""
        self._folders: dict[str, list[str]] = {}
        """Each folder's files (full paths), by the folder's path relative to the corpus."""
        self._stored: list[str] = []
        """Files parsed and stored in the cache since the last batch."""

    def batches(self) -> Iterator[Batch]:
        library = self.library
        folder = library.folder
        listed = dict(library._files)
        """What the library holds, and what this load has handed on of the cache."""
        first = False
        if not listed and self.cache is not None:
            # A start: what the cache lists first, then the folder's stamps say what
            # changed since (the walk and stamps of 100,000 files took 0.4 s).
            first = True
            yield from self._batched(
                self._listed(self.cache, listed),
                0,
                self.cache.count(),
                listed=True,
                every=LISTING_SECONDS,
            )
        files = library.walk()
        self._folders = _by_folder(files)
        total = len(files)
        stamps: dict[str, Stamp | None] = {}
        wanted: list[File] = []
        new: list[str] = []
        changed: list[str] = []
        for file in files:
            path, relative, doc_id, reason = file
            # What is not read has no stamp: a link to the folder above changes with it.
            stamp = _stamp(path) if reason is None else None
            stamps[relative] = stamp
            known = listed.get(relative)
            if known is None:
                new.append(relative)
            elif (
                known[1].id != doc_id
                or stamp != known[0]
                or (stamp is None and isinstance(known[1], Summary))
            ):
                changed.append(relative)
            else:
                continue
            wanted.append(file)
        removed = tuple(sorted(listed.keys() - stamps.keys()))
        corrections_stamp = _stamp(os.path.join(folder, CORRECTIONS_FILE))
        reread = corrections_stamp != library.corrections.stamp
        self.changes = Changes(tuple(new), tuple(changed), removed, reread)
        if self.cache is not None and removed:
            self.cache.forget(removed)
        done = total - len(wanted)
        if reread:
            ids = {doc_id for _, _, doc_id, _ in files}
            corrections = read_corrections(folder, corrections_stamp, ids)
            yield Batch((), done, total, corrections)
        self.parsed = 0
        # After the cache's list, what it holds of a file the walk found new or changed
        # is of another version of it (or under another id): never served.
        yield from self._batched(self._read(wanted, stamps, look=not first), done, total)

    def _listed(
        self, cache: DocumentCache, listed: dict[str, tuple[Stamp | None, Listed]]
    ) -> Iterator[tuple[str, Stamp | None, Entry]]:
        """Every file `cache` holds, as it was when stored (kept in `listed`)."""
        for relative, row in cache.files():
            entry = self._entry(relative, row)
            listed[relative] = (row.stamp, entry)
            yield relative, row.stamp, entry

    def _entry(self, relative: str, row: CachedFile) -> Listed:
        """What the cache's row of the file `relative` lists: its summary, or why it is
        no document."""
        if row.summary is not None:
            return row.summary
        return FileError(Path(self.library.folder, relative), row.doc_id, row.error or "")

    def _batched(
        self,
        items: Iterator[tuple[str, Stamp | None, Entry] | None],
        done: int,
        total: int,
        *,
        listed: bool = False,
        every: float = BATCH_SECONDS,
    ) -> Iterator[Batch]:
        """`items` in batches: the first a screenful, then what came each `every`
        seconds (and at each None); the last one even if empty, when all are done, or
        when they are the cache's list (`listed`, which it says, and which comes in the
        list's order)."""
        pending: list[tuple[str, Stamp | None, Entry]] = []
        last = time.monotonic()
        first = True
        for item in items:
            if item is not None:
                pending.append(item)
                done += 1
            if pending and (
                item is None
                or (first and len(pending) >= FIRST_BATCH)
                or time.monotonic() - last >= every
            ):
                first = False
                yield self._batch(pending, done, total, in_order=listed)
                pending = []
                last = time.monotonic()
        if pending or done == total or self._stored or listed:
            yield self._batch(pending, done, total, listed=listed, in_order=listed)

    def _batch(
        self,
        pending: list[tuple[str, Stamp | None, Entry]],
        done: int,
        total: int,
        *,
        listed: bool = False,
        in_order: bool = False,
    ) -> Batch:
        batch = Batch(
            tuple(pending),
            done,
            total,
            stored=tuple(self._stored),
            listed=listed,
            in_order=in_order,
        )
        self._stored.clear()
        return batch

    def _read(
        self, wanted: list[File], stamps: dict[str, Stamp | None], *, look: bool = True
    ) -> Iterator[tuple[str, Stamp | None, Entry] | None]:
        """Each wanted file's summary from the cache if it is there unchanged (its
        document is decoded when asked for; unless not to `look`), else parsed (what
        the walk found not to be a file is never opened); None where what came so far
        should be handed on before a long wait."""
        served: set[str] = set()
        readable: dict[str, tuple[str, str]] = {}
        """Relative path -> (full path, id), of the files to look for in the cache."""
        for path, relative, doc_id, reason in wanted:
            if reason is None:
                readable[relative] = (path, doc_id)
            else:
                served.add(relative)
                yield relative, stamps[relative], FileError(Path(path), doc_id, reason)
        for relative, row in (
            self.cache.files(readable) if self.cache is not None and readable and look else ()
        ):
            path, doc_id = readable.get(relative, ("", ""))
            stamp = stamps.get(relative)
            if not path or stamp is None or row.stamp != stamp or row.doc_id != doc_id:
                continue
            served.add(relative)
            yield relative, stamp, self._entry(relative, row)
        # Smallest first, so that one huge file holds up nothing else; before each
        # large one, whatever was read is handed on.
        to_parse = sorted(
            (
                (Path(path), relative, doc_id)
                for path, relative, doc_id, _ in wanted
                if relative not in served
            ),
            key=lambda item: _size(stamps[item[1]]),
        )
        self.parsed = len(to_parse)
        rows: list[tuple[str, CachedFile]] = []
        results = self._parse(to_parse)
        for file, relative, doc_id in to_parse:
            stamp = stamps[relative]
            if _size(stamp) > LARGE_FILE_BYTES:
                yield None
            parsed = next(results)
            entry: Fresh | FileError = (
                Fresh(parsed.summary, parsed.data)
                if parsed.data is not None and parsed.summary is not None
                else FileError(file, doc_id, parsed.reason or "")
            )
            if parsed.cacheable and stamp is not None:
                rows.append((relative, _row(stamp, doc_id, parsed)))
                if len(rows) >= STORE_ROWS:
                    self._store(rows)
            yield relative, stamp, entry
        self._store(rows)

    def _store(self, rows: list[tuple[str, CachedFile]]) -> None:
        if self.cache is not None and rows and self.cache.store(rows):
            self._stored.extend(relative for relative, _ in rows)
        rows.clear()

    def _parse(self, files: list[tuple[Path, str, str]]) -> Iterator[Parsed]:
        """Parse files in order, in worker processes when there are many; each with
        the lines its folder repeats, learned from the folder before the first."""
        config = self.library.config
        learned: dict[str, Folder] = {}
        for _, relative, _ in files:
            where = relative.rpartition("/")[0]
            if where not in learned:
                learned[where] = learn_folder(self._folders.get(where, []), config)
        items = [
            (path, doc_id, learned[relative.rpartition("/")[0]]) for path, relative, doc_id in files
        ]
        if len(files) < POOL_THRESHOLD or self.workers < 2:
            for path, doc_id, folder in items:
                yield _parse_one(path, doc_id, config, self.library.matcher, folder)
            return
        from concurrent.futures.process import BrokenProcessPool  # with the pool's modules

        done = 0
        """Files handed on, in order."""
        stalled = False
        while done < len(items):
            rest = items[done:]
            try:
                with process_pool(self.workers, _start_worker, config) as pool:
                    # In order: chunks run ahead in the workers while the first are handed on.
                    for parsed in pool.map(
                        _parse_chunk,
                        [rest[start : start + CHUNK] for start in range(0, len(rest), CHUNK)],
                    ):
                        yield from parsed
                        done += len(parsed)
                        stalled = False
            except BrokenProcessPool:
                # A worker ended abruptly (killed, out of memory): a new pool reads the
                # files not yet handed on. Where one ends again before any is, the first
                # chunk is read alone: if that ends its worker too, its files are left
                # unparsed (not cached, to be tried at the next start).
                if not stalled:
                    log.warning("a parsing worker process ended abruptly: starting another")
                    stalled = True
                    continue
                first = rest[:CHUNK]
                try:
                    with process_pool(1, _start_worker, config) as alone:
                        parsed = alone.submit(_parse_chunk, first).result()
                except BrokenProcessPool:
                    log.warning("parsing %d files ends a worker process: left unparsed", len(first))
                    parsed = [Parsed(None, WORKER_ENDED, False) for _ in first]
                yield from parsed
                done += len(first)
                stalled = False


WORKER_ENDED = "its parsing ended the worker process (out of memory, or killed)"


def _row(stamp: Stamp, doc_id: str, parsed: Parsed) -> CachedFile:
    """The cache's row for a file as `parsed`."""
    if parsed.data is None:
        return CachedFile(stamp, doc_id, None, parsed.reason or "")
    return CachedFile(stamp, doc_id, parsed.data, None, parsed.summary, parsed.tallies)


class Parsed(NamedTuple):
    """A parsed file: its document encoded, with what the list shows and the study
    views count of it (made where it was parsed), or why it is none; and whether to
    cache that."""

    data: bytes | None
    reason: str | None
    cacheable: bool
    summary: Summary | None = None
    tallies: Tallies | None = None


def _size(stamp: Stamp | None) -> int:
    return stamp.size if stamp is not None else 0


def _stamp(path: str) -> Stamp | None:
    """The stamp of the file at `path` (through its link); None if there is none. (A
    dossier.yaml that is a pipe has one: its reader refuses it and says so.)"""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return Stamp(status.st_size, status.st_mtime_ns)


def _parse_one(
    path: Path,
    doc_id: str,
    config: Config,
    matcher: TopicMatcher,
    folder: Folder = NO_FOLDER,
) -> Parsed:
    try:
        document = read_document(path, doc_id, config, matcher, folder)
    except UnreadableError as error:
        return Parsed(None, str(error), False)
    except DocumentError as error:
        return Parsed(None, str(error), True)
    except Exception as error:  # a parser bug must cost one file, not the corpus
        log.exception("parsing %s failed", path)
        return Parsed(None, f"parser failed: {error!r}", False)
    return Parsed(encode_document(document), None, True, Summary.of(document), Tallies.of(document))


_worker: tuple[Config, TopicMatcher] | None = None
"""In a worker process: the config and topic matcher every file is parsed with."""


def _start_worker(config: Config) -> None:
    global _worker
    _worker = (config, TopicMatcher(config.topics))


def _parse_chunk(files: list[tuple[Path, str, Folder]]) -> list[Parsed]:
    if _worker is None:
        raise RuntimeError("parse worker started without its config")
    config, matcher = _worker
    return [_parse_one(path, doc_id, config, matcher, folder) for path, doc_id, folder in files]


def _by_folder(files: list[File]) -> dict[str, list[str]]:
    """Full paths of the files to read among `files`, by folder relative to the corpus."""
    folders: dict[str, list[str]] = {}
    for path, relative, _, reason in files:
        if reason is None:
            folders.setdefault(relative.rpartition("/")[0], []).append(path)
    return folders


LEARN_BYTES = 2**20
"""Of each file read to learn a folder's furniture: furniture is at the ends, and
the largest files are not worth reading whole for it."""


def learn_folder(paths: list[str], config: Config) -> Folder:
    """What a folder's files have in common (`tui.corpus.folder`), from an even sample
    of them read as the parser reads them. Unreadable files are passed over."""
    from tui.corpus import boilerplate
    from tui.corpus.folder import MIN_PAGES

    if len(paths) < MIN_PAGES:
        return NO_FOLDER
    from tui.corpus.parse import page_text

    pages: list[tuple[str, str]] = []
    for path in boilerplate.sample(paths):
        name = Path(path).name
        try:
            with open(path, "rb") as handle:
                data = handle.read(LEARN_BYTES)
            pages.append((name, page_text(decode(data, config.encoding_fallback).text, name).text))
        except (OSError, BinaryFileError):
            continue
    return learn_from(pages)


def _stem(name: str) -> str:
    """`Path(name).stem`, without making a Path."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _unique_ids(relatives: list[str]) -> list[str]:
    """The id of each of these paths (relative to the corpus folder): its file's stem; its
    path without suffix where stems are alike; and where even those are (`a.txt` and
    `a.md`, or names alike only once cleaned), the first keeps it and the others get
    `~2`, `~3`... A file name is outside text: in an id, what would act on a terminal is
    made visible, and so is what would break a line, so that an id is one line in every
    list (`one_line`)."""
    names = [one_line(relative) for relative in relatives]
    stems = [_stem(name.rpartition("/")[2]) for name in names]
    alike = Counter(stems)
    wanted = [
        stem if alike[stem] == 1 else name[: name.rfind("/") + 1] + stem
        for name, stem in zip(names, stems, strict=True)
    ]
    taken = set(wanted)
    if len(taken) == len(wanted):
        return wanted
    given: set[str] = set()
    ids: list[str] = []
    for doc_id in wanted:
        unique, number = doc_id, 1
        while unique in given or (number > 1 and unique in taken):
            number += 1
            unique = f"{doc_id}~{number}"
        given.add(unique)
        ids.append(unique)
    return ids


_LINE_BREAK_PICTURES = {ord(char): chr(0x2400 + ord(char)) for char in "\t\n\x0b\x0c\r"} | {
    0x2028: "⟨U+2028⟩",
    0x2029: "⟨U+2029⟩",
}
"""Tab, line feed, vertical tab, form feed and carriage return as their control pictures
(␉ ␊ ␋ ␌ ␍), as `clean_line` shows the other controls; the Unicode line and paragraph
separators by code."""


def one_line(name: str) -> str:
    """`name` cleaned as a line of text is (`clean_line`), and on one line: a tab or a
    line break in a file name is shown, not obeyed."""
    if name.isprintable():  # nothing to clean: most names, at a fraction of the cost
        return name
    return clean_line(name.translate(_LINE_BREAK_PICTURES))
