"""The notes file on disk, kept safe.

Every save takes a lock file beside the notes file, re-reads the file, merges
it with what this process changed since it last read it (by note id), and
writes the result atomically: a temporary file in the same folder, fsync,
the previous version kept as `.bak`, rename over the real file, fsync the
folder. A symlinked notes file stays a symlink: the write goes to its target.
A file that cannot be parsed makes the store read-only; nothing is written
until the file reads again.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus.notes import (
    Kind,
    Note,
    NotesData,
    NotesFileError,
    merge,
    now,
    read_notes,
    write_notes,
)
from tui.corpus.safeyaml import MAX_BYTES

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another dossier's save to finish."""
SETTLE = 0.2
"""Seconds a file changed by someone else must stay unchanged before it is trusted:
an editor that writes in place can be caught half-way."""


class NotesSaveError(Exception):
    """A save failed; the notes stay in memory and the file on disk is as it was."""


@dataclass(frozen=True, slots=True)
class Signature:
    """What identifies one version of the file without reading it."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Signature | None:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        return cls(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def line(self) -> str:
        return f"{self.device} {self.inode} {self.size} {self.mtime_ns}"


class NotesStore:
    """The notes and bookmarks of one notes file, in memory and on disk.

    Changes are made in memory (`add`, `update`, `remove`) and written by `save`,
    which may run in a worker thread while the app keeps changing things."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: NotesFileError | None = None
        """Why the file is read-only, if it is."""
        self.warnings: tuple[str, ...] = ()
        self._lock = threading.RLock()
        self._saving = threading.Lock()
        self._base: dict[str, Note] = {}
        """The entries as last read from or written to disk."""
        self._mine: dict[str, Note] = {}
        self._data = NotesData()
        """The last file content read, for what dossier keeps but does not show."""
        self._seen: Signature | None = None

    @property
    def target(self) -> Path:
        """The file written: the symlink's target, if the notes file is a symlink."""
        return Path(os.path.realpath(self.path))

    @property
    def lock_path(self) -> Path:
        return self.target.with_name(self.target.name + ".lock")

    @property
    def backup_path(self) -> Path:
        return self.target.with_name(self.target.name + ".bak")

    @property
    def read_only(self) -> bool:
        return self.problem is not None

    def describe_problem(self) -> str:
        if self.problem is None:
            return ""
        return f"{self.path}: {self.problem} (notes are read-only until the file is fixed)"

    # Reading

    def load(self) -> None:
        """Read the file (a missing one is empty). Never raises for its content: a
        file that cannot be used sets `problem`."""
        self._take(self._read_settled(trusted=True))

    def refresh(self) -> bool:
        """Take in changes made to the file by hand or by another dossier since it was
        last read. True when the entries changed."""
        if Signature.of(self.target) == self._seen and not self.read_only:
            return False
        before = self.entries()
        self._take(self._read_settled(trusted=False))
        return self.entries() != before

    def _take(self, read: tuple[NotesData | NotesFileError, Signature | None]) -> None:
        data, signature = read
        with self._lock:
            self._seen = signature
            if isinstance(data, NotesFileError):
                self.problem = data
                return
            self.problem = None
            self.warnings = data.warnings
            self._mine = merge(self._base, data.entries, self._mine)
            self._base = dict(data.entries)
            self._data = data

    def _read(self) -> tuple[NotesData | NotesFileError, Signature | None]:
        target = self.target
        signature = Signature.of(target)
        if signature is None:
            return NotesData(), None
        if signature.size > MAX_BYTES:
            return NotesFileError(f"file is larger than {MAX_BYTES // 2**20} MB"), signature
        try:
            raw = target.read_bytes()
        except OSError as error:
            return NotesFileError(f"cannot read: {error.strerror}"), signature
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return NotesFileError(f"not UTF-8 text (byte {error.start})"), signature
        try:
            return read_notes(text), signature
        except NotesFileError as error:
            return error, signature

    def _read_settled(self, trusted: bool) -> tuple[NotesData | NotesFileError, Signature | None]:
        """Read the file; if someone other than a dossier wrote it a moment ago, wait
        until it stops changing, so that a half-written file is never merged."""
        read = self._read()
        if trusted or read[1] is None or read[1].line() == self._last_dossier_write():
            return read
        deadline = time.monotonic() + 5 * SETTLE
        while time.time_ns() - read[1].mtime_ns < SETTLE * 1e9 and time.monotonic() < deadline:
            time.sleep(SETTLE / 2)
            again = self._read()
            if again[1] == read[1]:
                break
            read = again
            if read[1] is None:
                break
        return read

    def _read_if_changed(self) -> tuple[NotesData | NotesFileError, Signature | None]:
        """The file's content: what was last read or written if the file is still that
        version (no need to parse it again), else read afresh."""
        with self._lock:
            seen, data = self._seen, self._data
        if seen is not None and Signature.of(self.target) == seen:
            return data, seen
        return self._read_settled(trusted=False)

    def _last_dossier_write(self) -> str:
        try:
            return self.lock_path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    # Changing

    def entries(self, kind: Kind | None = None) -> list[Note]:
        with self._lock:
            return [note for note in self._mine.values() if kind is None or note.kind is kind]

    def get(self, note_id: str) -> Note | None:
        with self._lock:
            return self._mine.get(note_id)

    def _check_writable(self) -> None:
        if self.problem is not None:
            raise NotesSaveError(self.describe_problem())

    def add(self, note: Note) -> Note:
        self._check_writable()
        stamp = now()
        note = replace(note, created=note.created or stamp, updated=note.updated or stamp)
        with self._lock:
            self._mine[note.id] = note
        return note

    def update(self, note: Note) -> Note:
        self._check_writable()
        note = replace(note, updated=now())
        with self._lock:
            self._mine[note.id] = note
        return note

    def remove(self, note_id: str) -> Note | None:
        self._check_writable()
        with self._lock:
            return self._mine.pop(note_id, None)

    @property
    def dirty(self) -> bool:
        """Whether memory holds changes the file does not."""
        with self._lock:
            return self._mine != self._base

    # Saving

    def save(self) -> bool:
        """Merge with the file and write it if anything changed. True if written.
        NotesSaveError when it could not be done; nothing on disk is damaged then."""
        with self._saving:
            self._check_writable()
            with self._lock:
                mine = dict(self._mine)
                base = dict(self._base)
            with self._file_lock():
                target = self.target
                for stale in target.parent.glob(f".{target.name}.*.tmp"):
                    # Left by a save that was killed; under the lock no save is under way.
                    stale.unlink(missing_ok=True)
                data, signature = self._read_if_changed()
                if isinstance(data, NotesFileError):
                    with self._lock:
                        self.problem, self._seen = data, signature
                    raise NotesSaveError(self.describe_problem())
                merged = merge(base, data.entries, mine)
                written = merged != data.entries or signature is None
                if written:
                    data = replace(data, entries=merged)
                    signature = self._write(write_notes(data))
                    self.lock_path.write_text(signature.line() + "\n", encoding="utf-8")
            with self._lock:
                # What was changed in memory while the file was being written stays.
                self._mine = merge(mine, merged, self._mine)
                self._base = merged
                self._data = data
                self._seen = signature
                self.warnings = data.warnings
            return written

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise NotesSaveError(_failed(self.path, error)) from error
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise NotesSaveError(
                            f"could not save notes: another process holds {self.lock_path}"
                        ) from None
                    time.sleep(0.01)
            yield
        finally:
            os.close(handle)  # closing releases the lock

    def _write(self, text: str) -> Signature:
        target = self.target
        folder = target.parent
        temporary = folder / f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            mode = target.stat().st_mode & 0o7777 if target.exists() else 0o600
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            try:
                data = text.encode("utf-8")
                written = 0
                while written < len(data):
                    written += os.write(handle, data[written:])
                os.fsync(handle)
            finally:
                os.close(handle)
            if target.exists():
                self._back_up(target)
            os.replace(temporary, target)
            _fsync_folder(folder)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise NotesSaveError(_failed(self.path, error)) from error
        signature = Signature.of(target)
        assert signature is not None
        return signature

    def _back_up(self, target: Path) -> None:
        """Keep the version about to be replaced as `.bak`, itself replaced atomically."""
        backup = self.backup_path
        staged = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
        staged.unlink(missing_ok=True)
        try:
            try:
                os.link(target, staged)  # the old version's inode; costs nothing to keep
            except OSError:
                shutil.copy2(target, staged)
            os.replace(staged, backup)
        finally:
            staged.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError as error:  # some file systems cannot sync a folder; the rename stands
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(handle)


def _failed(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = f"{reason} (is the folder or the file read-only?)"
    return f"could not save notes to {path}: {reason}; they are kept in memory"
