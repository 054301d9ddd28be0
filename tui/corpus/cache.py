"""Parsed documents, kept between runs in the cache folder.

One SQLite file per corpus folder. A document is stored under its path relative
to the folder, with the file's size and modification time (ns) and the id it was
given: a file whose stamp or id differs is parsed again. The cache as a whole
belongs to one schema, parser version and parse-relevant config (its
fingerprint); when any of them differs every row is dropped.

Rows hold `marshal` bytes of plain tuples with a BLAKE2 checksum over them (not
compressed: inflating them would add a third to a warm start): a row whose checksum
does not match is never decoded. Beside them, in columns of their own, each row holds
what the list of documents shows (`Summary`: title, date, place, counts), so that a
start lists the folder without decoding any document, and what the study views count
(`Tallies`, as JSON), so that the timeline and the speakers view decode none either. A database SQLite finds
corrupt is dropped and started afresh, with a log line. A cache that cannot be
written (a read-only folder or file, another process holding the write lock for
long) is opened read-only: what it holds for unchanged files serves, the rest is
parsed and not stored. One that can be neither written nor read switches itself
off. Either way it says so once (`problem`), and loading goes on. The tables are
made under the write lock, so that two first starts at once make them once.

The search index lives beside the database, in a folder of its own
(`index_folder`: see `tui.corpus.search`).

Closing the cache checkpoints its write-ahead log into the file and empties it, so
that no `-wal` and `-shm` files stay beside it once dossier quits; while another
process has the cache open they stay (SQLite's business), and a cache opened
read-only never tries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import marshal
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from tui.corpus.config import APP_NAME, Config
from tui.corpus.model import (
    PARSER_VERSION,
    Confidence,
    Document,
    Dropped,
    EventDate,
    Paragraph,
    Summary,
    Tallies,
    Turn,
    TurnKind,
)
from tui.corpus.versions import checksum as _checksum
from tui.corpus.versions import document_number, file_version, pair, sum_of_pairs

log = logging.getLogger("dossier.cache")

SCHEMA = 7
"""The layout of the tables and of the encoded rows; bump when either changes."""
_LOOKUPS = 500
"""Paths looked up in one statement (SQLite allows 999 parameters or more)."""
WAL_LIMIT = 4 * 2**20
"""Bytes the write-ahead log is cut back to after a checkpoint while the cache is open
(storing the documents of a large library writes tens of MB through it)."""


class Stamp(NamedTuple):
    """What says a file is unchanged: its size and modification time in ns. (A tuple:
    100,000 are made and compared at each start and `r`, at a fifth of a frozen
    dataclass's cost.)"""

    size: int
    mtime_ns: int


def config_fingerprint(config: Config) -> str:
    """A digest of what the parse reads from the config: the encoding fallback, the
    topics' names and keywords, and the speaker aliases."""
    relevant = (
        config.encoding_fallback,
        tuple((topic.name, topic.keywords) for topic in config.topics),
        tuple(sorted(config.aliases.items())),
    )
    return hashlib.blake2b(repr(relevant).encode(), digest_size=16).hexdigest()


def default_cache_path(folder: Path) -> Path:
    """The cache file of a corpus folder, in the platform's cache folder."""
    name = hashlib.blake2b(str(folder.resolve()).encode(), digest_size=8).hexdigest()
    return Path(platformdirs.user_cache_dir(APP_NAME)) / f"corpus-{name}.sqlite3"


def encode_document(document: Document) -> bytes:
    """A document as marshal bytes of plain tuples (its path is not stored: the row's
    key gives it)."""
    date = document.date
    value = (
        document.id,
        document.title,
        (date.value.toordinal() if date.value else None, date.source, date.confidence.value),
        document.place,
        document.source_kind,
        document.format,
        tuple(
            (
                turn.index,
                turn.speaker,
                turn.label,
                turn.note,
                turn.kind.value,
                tuple((p.index, p.text, p.topics) for p in turn.paragraphs),
            )
            for turn in document.turns
        ),
        tuple((dropped.line, dropped.text, dropped.reason) for dropped in document.dropped),
        document.warnings,
    )
    return marshal.dumps(value)


def decode_document(data: bytes, path: Path) -> Document:
    """The inverse of `encode_document`; raises ValueError (or TypeError...) on data
    of another shape."""
    value: Any = marshal.loads(data)
    doc_id, title, date, place, source_kind, layout, turns, dropped, warnings = value
    return Document(
        doc_id,
        path,
        title,
        _event_date(*date),
        place,
        source_kind,
        layout,
        tuple(
            Turn(
                index,
                speaker,
                label,
                note,
                TurnKind(kind),
                tuple(Paragraph(p_index, text, topics) for p_index, text, topics in paragraphs),
            )
            for index, speaker, label, note, kind, paragraphs in turns
        ),
        tuple(Dropped(line, text, reason) for line, text, reason in dropped),
        warnings,
    )


@dataclass(frozen=True, slots=True)
class CachedFile:
    """A row of the cache: a parsed document, or the reason the file is not one."""

    stamp: Stamp
    doc_id: str
    data: bytes | None
    """encode_document's bytes; None for a file that is not a document, and in
    what `DocumentCache.files` returns."""
    error: str | None
    summary: Summary | None = None
    """What the list shows of the document; None for a file that is not one."""
    tallies: Tallies | None = None
    """What the study views count in the document; None for a file that is not one,
    and in what `DocumentCache.files` returns."""


_DECODE_ERRORS = (ValueError, TypeError, EOFError, IndexError, OverflowError, KeyError)
_CONFIDENCES = {level.value: level for level in Confidence}
"""Each confidence by its value: a lookup here costs a tenth of calling the enum, once
per row of a start."""


class DocumentCache:
    """The cache of the corpus `folder` for one config, in the file `path`. Every method
    survives a broken, missing or read-only database: reads then find nothing (a
    read-only one: what it holds), writes do nothing."""

    def __init__(self, path: Path, folder: Path, config: Config) -> None:
        self.path = path
        self.folder = folder
        self.config = config
        self.identity = f"{SCHEMA}:{PARSER_VERSION}:{config_fingerprint(config)}"
        self.problem: str | None = None
        """Why the cache is off or only read (it could not be written), or None while it
        works."""
        self._db: sqlite3.Connection | None = None
        self._read_only = False

    @classmethod
    def for_folder(cls, folder: Path, config: Config) -> DocumentCache:
        return cls(default_cache_path(folder), folder, config)

    def handle(self) -> DocumentCache:
        """Another connection to the same cache, for another thread (SQLite lets one
        write at a time; the other waits)."""
        return DocumentCache(self.path, self.folder, self.config)

    # -- the database ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self.problem is not None:
            return self._db
        if not self._writable():
            self._open_read_only("read-only")
            return self._db
        try:
            self._db = self._open()
        except sqlite3.Error as error:
            if not _corrupt(error):
                self._open_read_only(str(error))
                return self._db
            log.warning("cache %s is corrupt (%s): rebuilding it", self.path, error)
            self._discard()
            try:
                self._db = self._open()
            except sqlite3.Error as again:
                self._fail(again)
        return self._db

    def _writable(self) -> bool:
        """Whether the cache's folder can be made and written, and its file too if there
        is one: else it is only read, and never taken for corrupt (nor removed)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        # Whether the file is there first: another process may make it meanwhile.
        return os.access(folder, os.W_OK) and (
            not os.path.lexists(self.path) or os.access(self.path, os.W_OK)
        )

    def _open(self) -> sqlite3.Connection:
        # The loader reads in one thread and the app may reload from another, never both
        # at once.
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            _use_wal(db)
            db.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT}")
            # The write lock taken first: a second process starting at the same moment
            # waits here, then finds the tables made.
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                found = self._identity(db)
                if found != self.identity:
                    if found is not None:
                        log.info("cache %s was made by another parser or config", self.path)
                    self._make_tables(db)
                # A file that is not SQLite, or a truncated one, fails here at the latest.
                db.execute("SELECT count(*) FROM files").fetchone()
                db.execute(_LISTED_INDEX)
                db.execute(_PAIR_INDEX)
        except BaseException:
            db.close()
            raise
        return db

    def _make_tables(self, db: sqlite3.Connection) -> None:
        """Empty tables for this cache's identity, in place of any there were."""
        db.execute("DROP TABLE IF EXISTS files")
        db.execute(
            "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
            " doc_id TEXT, data BLOB, checksum BLOB, error TEXT, title TEXT, date INTEGER,"
            " date_source TEXT, date_confidence TEXT, place TEXT, source_kind TEXT,"
            " turns INTEGER, questions INTEGER, paragraphs INTEGER, tallies TEXT, pair INTEGER)"
        )
        db.execute("DROP TABLE IF EXISTS search_index")  # where SCHEMA 3 kept the index
        db.execute("INSERT OR REPLACE INTO meta VALUES ('identity', ?)", (self.identity,))

    @staticmethod
    def _identity(db: sqlite3.Connection) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
        return row[0] if row is not None else None

    def _open_read_only(self, why: str) -> None:
        """Read a cache that cannot be written (`why`): what it holds for unchanged files
        serves, the rest is parsed at every start; nothing is written. Says so once
        (`problem`), as it does when there is nothing to read."""
        self._read_only = True
        # SQLite cannot make the shared-memory file of a WAL database in a read-only
        # folder: `immutable` reads the file as it is, without one.
        mode = "ro" if os.access(self.path.parent, os.W_OK) else "ro&immutable=1"
        uri = f"file:{urllib.parse.quote(str(self.path.absolute()))}?mode={mode}"
        try:
            db = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlite3.Error:
            self._fail(why)
            return
        try:
            usable = self._identity(db) == self.identity
            db.execute("SELECT count(*) FROM files").fetchone()
        except sqlite3.Error:
            usable = False
        if not usable:
            db.close()
            self._fail(why)
            return
        self._db = db
        self._say(f"cache {self.path} cannot be written ({why}): reading it, not updating it")

    def _discard(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError as error:
                log.warning("cannot remove %s%s: %s", self.path, suffix, error)

    def _fail(self, error: BaseException | str) -> None:
        """Turn the cache off for the rest of the run, saying why once."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._say(f"cache {self.path} not usable ({error}); running without it")

    def _say(self, problem: str) -> None:
        """Keep the one thing to say about the cache (the CLI prints it, the app shows
        it), and log it."""
        if self.problem is None:
            self.problem = problem
            log.info(problem)

    def _broken(self, error: sqlite3.Error) -> None:
        """An error while working with an open database: a corrupt file is dropped
        (the next access builds a new one), a failed write turns the cache off."""
        if _corrupt(error) and not self._read_only:
            log.warning("cache %s is corrupt (%s): rebuilding it", self.path, error)
            self._discard()
        else:
            self._fail(error)

    def close(self) -> None:
        """Close the database, its log checkpointed into the file first and emptied, so
        that the last connection to close removes the `-wal` and `-shm` files. Not
        waited for: another process reading or writing the cache keeps them (and
        checkpoints itself). A read-only cache leaves them alone."""
        db, self._db = self._db, None
        if db is None:
            return
        if not self._read_only:
            try:
                db.execute("PRAGMA busy_timeout = 0")
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.Error as error:
                log.debug("cache %s not checkpointed: %s", self.path, error)
        db.close()

    # -- documents --------------------------------------------------------------------

    def files(self, paths: Iterable[str] | None = None) -> Iterator[tuple[str, CachedFile]]:
        """Every cached file by relative path (or those of `paths`: looked up one by
        one, not found among all), with its summary but without its document (`data`
        None): what says whether the file changed, and what the list shows. As they are
        read, so that the first can be listed at once; the rows after an error reading
        the database are left out (the caller parses those files)."""
        select = f"SELECT {_SUMMARY_COLUMNS} FROM files"
        if paths is None:
            # In the list's order, which the library takes as it comes, sorting nothing.
            rows = self._rows(f"{select} ORDER BY {_LIST_ORDER}")
        else:
            wanted = list(paths)
            rows = itertools.chain.from_iterable(
                self._rows(f"{select} WHERE path IN ({', '.join('?' * len(chunk))})", chunk)
                for chunk in (wanted[at : at + _LOOKUPS] for at in range(0, len(wanted), _LOOKUPS))
            )
        for path, size, mtime_ns, doc_id, error_text, *summary in rows:
            yield (
                path,
                CachedFile(
                    Stamp(size, mtime_ns),
                    doc_id,
                    None,
                    error_text,
                    None if error_text is not None else _summary(doc_id, summary),
                ),
            )

    def count(self) -> int:
        """How many files the cache holds (0 when it cannot be read)."""
        return int(next(self._rows("SELECT count(*) FROM files"), (0,))[0])

    def tallies(self) -> Iterator[tuple[str, Stamp, str, Tallies]]:
        """Every cached document's tallies, with its file's path, stamp and id as
        stored; a row whose tallies do not decode is left out (the caller counts that
        document itself), and so are the rows after an error reading the database."""
        for path, size, mtime_ns, doc_id, text in self._rows(
            "SELECT path, size, mtime_ns, doc_id, tallies FROM files WHERE tallies IS NOT NULL"
        ):
            try:
                tallies = Tallies.from_plain(json.loads(text))
            except _DECODE_ERRORS as error:  # JSONDecodeError is a ValueError
                log.warning("cache tallies of %s do not decode (%s)", path, error)
                continue
            yield path, Stamp(size, mtime_ns), doc_id, tallies

    def document(self, path: str, stamp: Stamp, doc_id: str) -> Document | None:
        """The cached document of `path` (relative to `folder`), if it is of the file
        as `stamp` says and has the id `doc_id`. None when there is none, or its row
        fails its checksum or does not decode, or the database cannot be read: the
        caller parses the file again."""
        row = next(
            self._rows(
                "SELECT data, checksum FROM files WHERE path = ? AND size = ? AND mtime_ns = ?"
                " AND doc_id = ? AND data IS NOT NULL",
                (path, stamp.size, stamp.mtime_ns, doc_id),
            ),
            None,
        )
        if row is None:
            return None
        data, checksum = row
        if checksum != _checksum(data):
            log.warning("cache row for %s fails its checksum: parsing it again", path)
            return None
        try:
            document = decode_document(data, self.folder / path)
        except _DECODE_ERRORS as error:
            log.warning("cache row for %s does not decode (%s): parsing it again", path, error)
            return None
        return document if document.id == doc_id else None

    def _rows(self, statement: str, parameters: Sequence[object] = ()) -> Iterator[Any]:
        """The rows `statement` reads, as they come; none once the database cannot be
        read (`_broken` says so), and none when the cache is off."""
        db = self._connect()
        if db is None:
            return
        try:
            yield from db.execute(statement, parameters)
        except sqlite3.Error as error:
            self._broken(error)

    def store(self, rows: Iterable[tuple[str, CachedFile]]) -> bool:
        """Write `rows`; whether they were written."""
        db = self._writer()
        if db is None:
            return False
        values = [
            (
                path,
                row.stamp.size,
                row.stamp.mtime_ns,
                row.doc_id,
                row.data,
                _checksum(row.data) if row.data is not None else None,
                row.error,
                *_summary_columns(row.summary),
                None if row.tallies is None else json.dumps(row.tallies.as_plain()),
                None if row.summary is None else _pair(path, row),
            )
            for path, row in rows
        ]
        return self._write(
            db, f"INSERT OR REPLACE INTO files VALUES ({', '.join('?' * 18)})", values
        )

    def fingerprint(self) -> tuple[int, int] | None:
        """How many documents the cache holds, and the `fingerprint` of their versions
        as read without corrections, added up in SQL (in halves: a sum of 64-bit
        numbers overflows); None when it cannot be read."""
        halves = "sum(pair & 4294967295), sum((pair >> 32) & 4294967295)"
        found = list(self._rows(f"SELECT count(pair), {halves} FROM files"))
        if not found:
            return None
        count, low, high = found[0]
        return int(count), sum_of_pairs((int(low or 0), int(high or 0) << 32))

    def forget(self, paths: Iterable[str]) -> None:
        """Drop the rows of files that are gone."""
        db = self._writer()
        if db is not None:
            self._write(db, "DELETE FROM files WHERE path = ?", [(path,) for path in paths])

    # -- the search index ---------------------------------------------------------------

    def index_folder(self) -> Path | None:
        """The folder of the search index, beside the cache file (`corpus-….index`): one
        that is there, or one the cache's folder lets it make. None when there is none
        and the folder cannot be made or written: the index is then made in memory."""
        index = self.path.with_suffix(".index")
        if index.is_dir():
            return index
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return index if os.access(folder, os.W_OK) else None

    def _writer(self) -> sqlite3.Connection | None:
        """The database to write to; None when the cache is off or only read."""
        db = self._connect()
        return None if self._read_only else db

    def _write(self, db: sqlite3.Connection, statement: str, rows: list[tuple[Any, ...]]) -> bool:
        """`statement` for every row, in one transaction (the write lock taken at once:
        a write begun as a read may find another process wrote meanwhile); whether it
        was written."""
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(statement, rows)
        except sqlite3.Error as error:
            self._broken(error)
            return False
        return True


_SUMMARY_COLUMNS = (
    "path, size, mtime_ns, doc_id, error, title, date, date_source, date_confidence, place,"
    " source_kind, turns, questions, paragraphs"
)
"""What `files` reads of a row: its stamp, id, error and summary."""
_LIST_ORDER = "date IS NULL, date, doc_id"
"""The list's order (`Summary.sort_key`): by date, undated last, then by id."""
_LISTED_INDEX = (
    f"CREATE INDEX IF NOT EXISTS files_listed ON files({_LIST_ORDER}, path, size, mtime_ns,"
    " error, title, date_source, date_confidence, place, source_kind, turns, questions,"
    " paragraphs)"
)
"""The columns `files` reads, in the list's order: read from this index alone, the
100,000 rows of a start come in 0.2 s, the first at once, where reading the table
(whose rows hold the documents) took 0.8 s, and sorting it 0.45 s before the first."""
_PAIR_INDEX = "CREATE INDEX IF NOT EXISTS files_pair ON files(pair)"
"""What `fingerprint` adds up, read from this index alone (1 MB at 100,000 documents,
where the table holds 1.8 GB: 0.4 s to read through)."""


def _pair(path: str, row: CachedFile) -> int:
    """What a document's row adds to the cache's `fingerprint`."""
    version = file_version(path, row.stamp.size, row.stamp.mtime_ns, 0)
    return pair(document_number(row.doc_id), version)


def _summary_columns(summary: Summary | None) -> tuple[object, ...]:
    """The columns of the files table that hold `summary` (None: all NULL)."""
    if summary is None:
        return (None,) * 9
    date = summary.date
    return (
        summary.title,
        date.value.toordinal() if date.value else None,
        date.source,
        date.confidence.value,
        summary.place,
        summary.source_kind,
        summary.turns,
        summary.questions,
        summary.paragraphs,
    )


def _event_date(ordinal: int | None, source: str, confidence: str) -> EventDate:
    """A date as a row stores it (`encode_document`, `_summary_columns`)."""
    return EventDate(
        dt.date.fromordinal(ordinal) if ordinal is not None else None,
        source,
        _CONFIDENCES[confidence],
    )


def _summary(doc_id: str, columns: list[Any]) -> Summary:
    """The inverse of `_summary_columns`."""
    title, ordinal, source, confidence, place, source_kind, turns, questions, paragraphs = columns
    return Summary(
        doc_id,
        title,
        _event_date(ordinal, source, confidence),
        place,
        source_kind,
        turns,
        questions,
        paragraphs,
    )


def _corrupt(error: sqlite3.Error) -> bool:
    """Whether `error` says the file is no sound database (rather than locked, read-only,
    or a table another process made first): only then is it dropped."""
    return _code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _use_wal(db: sqlite3.Connection) -> None:
    """Readers and a writer at once, from now on. A second process starting at the same
    moment may be switching the new file over too: one of the two is then refused at
    once rather than made to wait, and the other does it."""
    try:
        db.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as error:
        if _code(error) != sqlite3.SQLITE_BUSY:
            raise


def _code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error` (`SQLITE_BUSY`...), None if it has none."""
    code: int | None = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if code is not None else None
