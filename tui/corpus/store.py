"""The notes file on disk, kept safe.

Every save takes a lock file beside the notes file, re-reads the file, merges
it with what this process changed since it last read it (by note id), and
writes the result atomically: a temporary file in the same folder, fsync,
the previous version kept as `.bak`, rename over the real file, fsync the
folder. A symlinked notes file stays a symlink: the write goes to its target.

Editors do not take the lock, so a save checks the file again right before its
rename and merges again if it changed; after the rename it checks that what is
there is what it wrote, and takes in a write that landed in the replaced file
meanwhile (an editor writing in place). A file that cannot be parsed makes the
store read-only; a file whose permissions forbid writing is never written; a
file that vanished deletes nothing. What could not be saved can be put in a
recovery file beside the notes file, which `recover` merges back.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus.files import (
    O_NONBLOCK,
    FileRefused,
    LockBusy,
    exclusive_lock,
    fsync_folder,
    read_at_most,
    read_capped,
    too_large,
    write_new,
)
from tui.corpus.notes import (
    Kind,
    Note,
    NotesData,
    NotesFileError,
    merge,
    now,
    read_notes,
    render,
    write_notes,
)
from tui.corpus.safeyaml import MAX_BYTES

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another dossier's save to finish."""
SETTLE = 0.2
"""Seconds a file changed by someone else must stay unchanged before it is trusted:
an editor that writes in place can be caught half-way."""
SAVE_ROUNDS = 5
"""Times a save merges and writes again when someone else's write lands in the middle."""
RECOVERY = ".recover-"
"""What follows the notes file's name in the name of a recovery file."""


class NotesSaveError(Exception):
    """A save failed; the notes stay in memory and the file on disk is as it was."""


class NotesWriteProtectedError(NotesSaveError):
    """The file's permissions forbid writing it: dossier leaves it as it is."""


@dataclass(frozen=True, slots=True)
class Signature:
    """What identifies one version of the file without reading it."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Signature | None:
        """None for a missing file; OSError for one that cannot be looked at."""
        try:
            return cls.of_stat(path.stat())
        except FileNotFoundError:
            return None

    @classmethod
    def of_stat(cls, info: os.stat_result) -> Signature:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)

    def line(self) -> str:
        return f"{self.device} {self.inode} {self.size} {self.mtime_ns}"


Read = tuple[NotesData | NotesFileError, Signature | None]
"""A notes file's content (or why it cannot be used) and the version it was read from
(None: there is no file)."""


@dataclass(frozen=True, slots=True)
class Recovered:
    """What `recover` merged: the recovery files, how many entries they held, and
    those it could not read (left where they are)."""

    files: tuple[Path, ...]
    entries: int
    problems: tuple[str, ...]


class NotesStore:
    """The notes and bookmarks of one notes file, in memory and on disk.

    Changes are made in memory (`add`, `update`, `remove`) and written by `save`,
    which may run in a worker thread while the app keeps changing things."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: NotesFileError | None = None
        """Why the file is read-only, if it is."""
        self.vanished = False
        """The file was there and is gone (deleted or moved): nothing in memory is lost
        for that, and the next save writes all of it to a new file."""
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

    @property
    def write_protected(self) -> bool:
        """Whether the user made the file read-only. Judged by its permission bits as
        well as by access(): root may write any file, but not one its owner protected."""
        try:
            info = self.target.stat()
        except OSError:
            return False
        return not info.st_mode & 0o222 or not os.access(self.target, os.W_OK)

    def describe_problem(self) -> str:
        if self.problem is None:
            return ""
        return f"{self.path}: {self.problem} (notes are read-only until the file is fixed)"

    def describe_write_protected(self) -> str:
        return f"{self.path} is read-only: dossier writes nothing to it until it is writable"

    # Reading

    def load(self) -> None:
        """Read the file (a missing one is empty). Never raises for its content: a
        file that cannot be used sets `problem`."""
        self._take(self._read_settled(trusted=True))

    def refresh(self) -> bool:
        """Take in changes made to the file by hand or by another dossier since it was
        last read. True when the entries changed."""
        if self._is_version(self._seen) and not self.read_only:
            return False
        before = self.entries()
        self._take(self._read_settled(trusted=False))
        return self.entries() != before

    def _is_version(self, signature: Signature | None) -> bool:
        """Whether the file is (still) the version `signature`."""
        try:
            return Signature.of(self.target) == signature
        except OSError:
            return False

    def _take(self, read: Read) -> None:
        data, signature = read
        with self._lock:
            if isinstance(data, NotesFileError):
                self.problem, self._seen = data, signature
                return
            self.problem = None
            self.vanished = signature is None and (self._seen is not None or self.vanished)
            # A missing file deletes nothing: merged as if it had never been read.
            base = self._base if signature is not None else {}
            self._seen = signature
            self.warnings = data.warnings
            self._mine = merge(base, data.entries, self._mine)
            self._base = dict(data.entries)
            self._data = data

    def _read(self) -> Read:
        return read_file(self.target)

    def _read_settled(self, trusted: bool) -> Read:
        """Read the file; if someone other than a dossier wrote it a moment ago, wait
        until it stops changing, so that a half-written file is never merged. A file
        seen before and missing now is looked for once more: an editor may be
        between deleting it and writing it again."""
        read = self._read()
        if trusted:
            return read
        if read[1] is None and self._seen is not None:
            time.sleep(SETTLE)
            read = self._read()
        signature = read[1]
        if signature is None or signature.line() == self._last_dossier_write():
            return read
        deadline = time.monotonic() + 5 * SETTLE
        while time.time_ns() - signature.mtime_ns < SETTLE * 1e9 and time.monotonic() < deadline:
            time.sleep(SETTLE / 2)
            again = self._read()
            if again[1] == signature or again[1] is None:
                return again
            read, signature = again, again[1]
        return read

    def _read_if_changed(self) -> Read:
        """The file's content: what was last read or written if the file is still that
        version (no need to parse it again), else read afresh."""
        with self._lock:
            seen, data = self._seen, self._data
        if seen is not None and self._is_version(seen):
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

    def unsaved(self) -> dict[str, Note]:
        """The entries memory holds and the file does not, or holds otherwise (what a
        recovery file keeps; a deletion not saved is no loss)."""
        with self._lock:
            return {key: note for key, note in self._mine.items() if self._base.get(key) != note}

    # Saving

    def save(self, lock_timeout: float | None = None) -> bool:
        """Merge with the file and write it if anything changed. True if written.
        NotesSaveError when it could not be done; nothing on disk is damaged then.
        Waits `lock_timeout` (LOCK_TIMEOUT) at most for a save under way, here or in
        another process."""
        if lock_timeout is None:
            lock_timeout = LOCK_TIMEOUT
        if not self._saving.acquire(timeout=lock_timeout):
            raise NotesSaveError(
                f"could not save notes: an earlier save is still waiting for {self.lock_path}"
            )
        try:
            return self._save(lock_timeout)
        finally:
            self._saving.release()

    def _save(self, lock_timeout: float) -> bool:
        self._check_writable()
        with self._lock:
            mine = dict(self._mine)
            base = dict(self._base)
        try:
            self._check_not_protected()
            with self._file_lock(lock_timeout):
                target = self.target
                for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
                    # Left by a save that was killed; under the lock no save is under way.
                    stale.unlink(missing_ok=True)
                written, data, signature = self._merge_and_write(base, mine)
        except OSError as error:
            raise NotesSaveError(_failed(self.path, error)) from error
        with self._lock:
            # What was changed in memory while the file was being written stays.
            self._mine = merge(mine, data.entries, self._mine)
            self._base = dict(data.entries)
            self._data = data
            self._seen = signature
            self.warnings = data.warnings
            self.vanished = False
        return written

    def _check_not_protected(self) -> None:
        if self.write_protected:
            raise NotesWriteProtectedError(self.describe_write_protected())

    def _merge_and_write(
        self, base: dict[str, Note], mine: dict[str, Note]
    ) -> tuple[bool, NotesData, Signature]:
        """Write the merge of `base`, the file and `mine`; again while writes by others
        land in the middle. What was written, and the version now on disk."""
        written = False
        data, signature = self._read_if_changed()
        for _round in range(SAVE_ROUNDS):
            if isinstance(data, NotesFileError):
                with self._lock:
                    self.problem, self._seen = data, signature
                raise NotesSaveError(self.describe_problem())
            merged = merge(base if signature is not None else {}, data.entries, mine)
            if signature is not None and merged == data.entries:
                return written, data, signature
            text, ours = render(replace(data, entries=merged))
            replaced = self._replace(text, signature)
            if replaced is not None:
                written = True
                version, late = replaced
                if late is None and self._is_version(version):
                    return written, ours, version
                # Someone wrote meanwhile: what they changed from the version this round
                # merged is merged with what it wrote, and written again.
                if late is not None:
                    merged = merge(data.entries, late.entries, merged)
                base, mine = data.entries, merged
            data, signature = self._read_settled(trusted=False)
        raise NotesSaveError(
            f"could not save notes to {self.path}: it kept changing while dossier wrote it "
            "(an editor saving it again and again?); they are kept in memory"
        )

    def _replace(
        self, text: str, expected: Signature | None
    ) -> tuple[Signature, NotesData | None] | None:
        """Rename `text`, written to a temporary file, over the file if it is still the
        version `expected`; None if it is not. The written version, and what was
        written into the replaced file after it was read (an editor writing in place),
        if anything was."""
        target = self.target
        temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            written = Signature.of_stat(
                write_new(temporary, text.encode("utf-8"), _mode_of(target))
            )
            with _opened(target) as old:
                now_there = None if old is None else Signature.of_stat(os.fstat(old))
                if now_there != expected:
                    return None
                self._check_not_protected()
                if old is not None:
                    self._back_up(target)
                os.replace(temporary, target)
                fsync_folder(target.parent)
                late = None if old is None else _late_write(old, expected)
        finally:
            temporary.unlink(missing_ok=True)
        self.lock_path.write_text(written.line() + "\n", encoding="utf-8")
        return written, late

    @contextlib.contextmanager
    def _file_lock(self, timeout: float) -> Iterator[None]:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as held:
            try:
                held.enter_context(exclusive_lock(self.lock_path, timeout))
            except LockBusy:
                raise NotesSaveError(
                    f"could not save notes: another process holds {self.lock_path}"
                ) from None
            yield

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

    # Recovery files

    def recovery_files(self) -> list[Path]:
        """The recovery files beside the notes file, oldest first."""
        target = self.target
        return sorted(target.parent.glob(f"{glob.escape(target.name)}{RECOVERY}*"))

    def write_recovery(self, entries: Mapping[str, Note]) -> Path:
        """Write `entries` (what `unsaved` gives, and a note being typed) to a new
        recovery file beside the notes file, in the notes format. NotesSaveError if it
        cannot be written."""
        target = self.target
        name = f"{target.name}{RECOVERY}{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            return _write_beside(target.parent, name, write_notes(NotesData(dict(entries))))
        except OSError as error:
            raise NotesSaveError(
                f"could not write a recovery file beside {self.path}: {error.strerror}"
            ) from error

    def recover(self) -> Recovered:
        """Merge every recovery file into memory (an entry in both keeps its later
        version), save, and remove the files merged. NotesSaveError if the save fails;
        the recovery files then stay."""
        self._check_writable()
        files: list[Path] = []
        problems: list[str] = []
        count = 0
        for path in self.recovery_files():
            data, _signature = read_file(path)
            if isinstance(data, NotesFileError):
                problems.append(f"{path}: {data}")
                continue
            with self._lock:
                self._mine = merge({}, self._mine, data.entries)
            files.append(path)
            count += len(data.entries)
        if files:
            self.save()
        for path in files:
            path.unlink(missing_ok=True)
        return Recovered(tuple(files), count, tuple(problems))


def read_file(path: Path) -> Read:
    """A notes file's content, read as `tui.corpus.files` reads every file it keeps."""
    try:
        raw, info = read_capped(path, MAX_BYTES)
    except FileNotFoundError:
        return NotesData(), None
    except FileRefused as refused:
        return NotesFileError(str(refused)), Signature.of_stat(refused.info)
    except OSError as error:
        return NotesFileError(f"cannot read: {error.strerror}"), None
    return _parsed(raw), Signature.of_stat(info)


def _parsed(raw: bytes) -> NotesData | NotesFileError:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return NotesFileError(f"not UTF-8 text (byte {error.start})")
    try:
        return read_notes(text)
    except NotesFileError as error:
        return error


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int | None]:
    """The file open for reading (None if there is none), without blocking on a FIFO."""
    try:
        handle = os.open(path, os.O_RDONLY | O_NONBLOCK)
    except FileNotFoundError:
        yield None
        return
    try:
        yield handle
    finally:
        os.close(handle)


def _late_write(handle: int, expected: Signature | None) -> NotesData | None:
    """What the file open as `handle`, just replaced, holds if it changed since it was
    the version `expected`: someone wrote into it in place as it was being replaced.
    Read once it has stopped changing."""
    info = os.fstat(handle)
    if Signature.of_stat(info) == expected:
        return None
    deadline = time.monotonic() + 5 * SETTLE
    while time.time_ns() - info.st_mtime_ns < SETTLE * 1e9 and time.monotonic() < deadline:
        time.sleep(SETTLE / 2)
        info = os.fstat(handle)
    raw = read_at_most(handle, MAX_BYTES + 1)
    data = _parsed(raw) if len(raw) <= MAX_BYTES else NotesFileError(too_large(MAX_BYTES))
    # Half a file that never got its end is nothing to merge; the .bak keeps it.
    return None if isinstance(data, NotesFileError) else data


def _mode_of(target: Path) -> int:
    """The permissions of the file replaced, kept by its replacement; private for a new one."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o600


def _write_beside(folder: Path, name: str, text: str) -> Path:
    """Write `text` to a new file `name` in `folder` (`name-2`, `-3`... if taken), all of
    it or nothing: written aside, then linked into place, which never replaces a file."""
    staged = folder / f".{name}.{os.getpid()}.{threading.get_ident()}.part"
    write_new(staged, text.encode("utf-8"), 0o600)
    try:
        for number in range(1, 100):
            path = folder / (f"{name}-{number}" if number > 1 else name)
            try:
                os.link(staged, path)
            except FileExistsError:
                continue
            fsync_folder(folder)
            return path
        raise FileExistsError(errno.EEXIST, "no free name", str(folder / name))
    finally:
        staged.unlink(missing_ok=True)


def _failed(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = f"{reason} (is the folder or the file read-only?)"
    return f"could not save notes to {path}: {reason}; they are kept in memory"
