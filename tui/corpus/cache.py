"""Parsed documents, kept between runs in the cache folder.

One SQLite file per corpus folder. A document is stored under its path relative
to the folder, with the file's size and modification time (ns) and the id it was
given: a file whose stamp or id differs is parsed again. The cache as a whole
belongs to one schema, parser version and parse-relevant config (its
fingerprint); when any of them differs every row is dropped.

Rows hold `marshal` bytes of plain tuples with a BLAKE2 checksum over them: a row
whose checksum does not match is never decoded, and any error reading the
database drops it and starts afresh, with a log line. A cache that cannot be
written (a read-only folder, a full disk) switches itself off and says why once
(`problem`); loading goes on uncached.

The search index of the whole library is kept too, as a few large buffers (see
`SearchIndex.encode`) under the library's signature (`Library.signature`): any
added, changed or removed file means another signature, and the index is built
again. Each buffer has a CRC-32 checked before it is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import marshal
import sqlite3
import zlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from tui.corpus.config import APP_NAME, Config
from tui.corpus.model import (
    PARSER_VERSION,
    Confidence,
    Document,
    Dropped,
    EventDate,
    Paragraph,
    Turn,
    TurnKind,
)

log = logging.getLogger("dossier.cache")

SCHEMA = 2
"""The layout of the tables and of the encoded rows; bump when either changes."""
_CHECKSUM_BYTES = 16
MAX_INDEX_PART = 2**29
"""Bytes in one buffer of the cached index: SQLite refuses blobs over 1 GB."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """What says a file is unchanged: its size and modification time in ns."""

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


def _checksum(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest()


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
    ordinal, source, confidence = date
    return Document(
        doc_id,
        path,
        title,
        EventDate(
            dt.date.fromordinal(ordinal) if ordinal is not None else None,
            source,
            Confidence(confidence),
        ),
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


_DECODE_ERRORS = (ValueError, TypeError, EOFError, IndexError, OverflowError)


class DocumentCache:
    """The cache of the corpus `folder` for one config, in the file `path`. Every method survives a broken,
    missing or read-only database: reads then find nothing, writes do nothing."""

    def __init__(self, path: Path, folder: Path, config: Config) -> None:
        self.path = path
        self.folder = folder
        self.config = config
        self.identity = f"{SCHEMA}:{PARSER_VERSION}:{config_fingerprint(config)}"
        self.problem: str | None = None
        """Why the cache is off (it could not be written), or None while it works."""
        self._db: sqlite3.Connection | None = None

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
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            log.warning("cache %s unreadable (%s): rebuilding it", self.path, error)
            self._discard()
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError) as again:
                self._fail(again)
        except OSError as error:
            self._fail(error)
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # The loader reads in one thread and the app may reload from another, never both
        # at once.
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE key = 'identity'").fetchone()
            if row is None or row[0] != self.identity:
                if row is not None:
                    log.info("cache %s was made by another parser or config: rebuilding", self.path)
                db.executescript(
                    "DROP TABLE IF EXISTS files;"
                    "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
                    " doc_id TEXT, data BLOB, checksum BLOB, error TEXT);"
                    "DROP TABLE IF EXISTS search_index;"
                    "CREATE TABLE search_index (part TEXT PRIMARY KEY, signature TEXT,"
                    " data BLOB, checksum INTEGER);"
                )
                db.execute("INSERT OR REPLACE INTO meta VALUES ('identity', ?)", (self.identity,))
            # A file that is not SQLite, or a truncated one, fails here at the latest.
            db.execute("SELECT count(*) FROM files").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError as error:
                log.warning("cannot remove %s%s: %s", self.path, suffix, error)

    def _fail(self, error: BaseException) -> None:
        """Turn the cache off for the rest of the run, saying why once."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self.problem is None:
            self.problem = f"cache {self.path} not usable ({error}); running without it"
            log.warning(self.problem)

    def _broken(self, error: sqlite3.Error) -> None:
        """An error while working with an open database: a corrupt file is dropped
        (the next access builds a new one), a failed write turns the cache off."""
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(
            error, sqlite3.OperationalError
        ):
            log.warning("cache %s is corrupt (%s): rebuilding it", self.path, error)
            self._discard()
        else:
            self._fail(error)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- documents --------------------------------------------------------------------

    def files(self) -> dict[str, CachedFile]:
        """Every cached file by relative path, without its document (`data` None):
        what says whether the file changed."""
        db = self._connect()
        if db is None:
            return {}
        try:
            rows = db.execute("SELECT path, size, mtime_ns, doc_id, error FROM files").fetchall()
        except sqlite3.Error as error:
            self._broken(error)
            return {}
        return {
            path: CachedFile(Stamp(size, mtime_ns), doc_id, None, error_text)
            for path, size, mtime_ns, doc_id, error_text in rows
        }

    def documents(self, paths: Collection[str]) -> Iterator[tuple[str, Document]]:
        """The cached documents of `paths` (relative to `folder`), as they are read.
        A row that fails its checksum or does not decode is left out, and so is
        everything after an error reading the database: the caller parses those."""
        db = self._connect()
        if db is None:
            return
        try:
            for path, data, checksum in db.execute(
                "SELECT path, data, checksum FROM files WHERE data IS NOT NULL"
            ):
                if path not in paths:
                    continue
                if checksum != _checksum(data):
                    log.warning("cache row for %s fails its checksum: parsing it again", path)
                    continue
                try:
                    yield path, decode_document(data, self.folder / path)
                except _DECODE_ERRORS as error:
                    log.warning(
                        "cache row for %s does not decode (%s): parsing it again", path, error
                    )
        except sqlite3.Error as error:
            self._broken(error)

    def store(self, rows: Iterable[tuple[str, CachedFile]]) -> None:
        db = self._connect()
        if db is None:
            return
        values = [
            (
                path,
                row.stamp.size,
                row.stamp.mtime_ns,
                row.doc_id,
                row.data,
                _checksum(row.data) if row.data is not None else None,
                row.error,
            )
            for path, row in rows
        ]
        self._write(db, "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values)

    def forget(self, paths: Iterable[str]) -> None:
        """Drop the rows of files that are gone."""
        db = self._connect()
        if db is not None:
            self._write(db, "DELETE FROM files WHERE path = ?", [(path,) for path in paths])

    # -- the search index ---------------------------------------------------------------

    def index(self, signature: str) -> dict[str, bytes] | None:
        """The parts of the search index stored for the library of `signature`, or None
        when there is none, it is another library's, or a part fails its checksum."""
        db = self._connect()
        if db is None:
            return None
        try:
            rows = db.execute("SELECT part, signature, data, checksum FROM search_index").fetchall()
        except sqlite3.Error as error:
            self._broken(error)
            return None
        if not rows or any(row[1] != signature for row in rows):
            return None
        for part, _, data, checksum in rows:
            if not isinstance(data, bytes) or zlib.crc32(data) != checksum:
                log.warning(
                    "cached search index part %r fails its checksum: building it again", part
                )
                return None
        return {part: data for part, _, data, _ in rows}

    def store_index(self, signature: str, parts: dict[str, bytes]) -> None:
        """Keep `parts` as the search index of the library of `signature`, in place of
        any other."""
        db = self._connect()
        if db is None:
            return
        if any(len(data) > MAX_INDEX_PART for data in parts.values()):
            log.warning("search index too large to cache: it is built at every start")
            return
        try:
            with db:
                db.execute("BEGIN")
                db.execute("DELETE FROM search_index")
                db.executemany(
                    "INSERT INTO search_index VALUES (?, ?, ?, ?)",
                    [(part, signature, data, zlib.crc32(data)) for part, data in parts.items()],
                )
        except sqlite3.Error as error:
            self._broken(error)

    def _write(self, db: sqlite3.Connection, statement: str, rows: list[tuple[Any, ...]]) -> None:
        """`statement` for every row, in one transaction."""
        try:
            with db:
                db.execute("BEGIN")
                db.executemany(statement, rows)
        except sqlite3.Error as error:
            self._broken(error)
