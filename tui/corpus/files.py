"""Reading and writing the small files dossier keeps: the notes file, the config,
`dossier.yaml` and the state file.

Each is read the one way here: only a regular file (or a link to one), opened without
blocking (a FIFO put in its place is refused, not waited on) and never read past its
cap, whatever size it reports (`/dev/zero` reports 0). Each is written as a new file,
flushed to disk, then put in place, with its folder synced after.

Nothing here is POSIX-only at import: Windows (no FIFOs, no `O_NONBLOCK`, no
`os.pread`, no `fcntl`) gets the nearest equivalent, and a lock file is locked with
`msvcrt` there, `flock` elsewhere (`exclusive_lock`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
"""Open a FIFO without waiting for a writer; Windows has neither FIFOs nor the flag."""
_WINDOWS_LOCK_OFFSET = 2**30
"""Where the byte locked on Windows lies: far past what a lock file holds, since a
locked range there cannot be written, even by the process holding the lock."""


class LockBusy(OSError):
    """Another process held the lock for longer than the caller would wait."""


class FileRefused(ValueError):
    """A file that is not read: no regular file, or larger than its cap. `info` is
    what `fstat` said of it."""

    def __init__(self, message: str, info: os.stat_result) -> None:
        super().__init__(message)
        self.info = info


def read_capped(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the file at `path` and its `fstat`. FileRefused if it is no regular
    file or holds more than `limit` bytes; OSError (FileNotFoundError among them) if
    it cannot be opened or read."""
    handle = os.open(path, os.O_RDONLY | O_NONBLOCK)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"{kind_of(info.st_mode)}, not a file", info)
        if info.st_size > limit:
            raise FileRefused(too_large(limit), info)
        data = read_at_most(handle, limit + 1)
    finally:
        os.close(handle)
    if len(data) > limit:
        raise FileRefused(too_large(limit), info)
    return data, info


def read_at_most(handle: int, limit: int) -> bytes:
    """The first `limit` bytes of the open file, or all of it if it is shorter."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = _read_at(handle, min(limit - size, 1 << 20), size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_at(handle: int, count: int, offset: int) -> bytes:
    """At most `count` bytes from `offset` of the open file: `os.pread` where there is
    one (not on Windows), else a seek and a read."""
    pread = getattr(os, "pread", None)
    if pread is not None:
        data: bytes = pread(handle, count, offset)
        return data
    os.lseek(handle, offset, os.SEEK_SET)
    return os.read(handle, count)


@contextlib.contextmanager
def exclusive_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the exclusive lock of the file at `path` (made, mode 0600, if missing), which
    other processes taking it through here wait for. LockBusy if another holds it for
    more than `timeout` seconds. Advisory: what does not ask for the lock is not
    stopped. The file's content is the caller's to write meanwhile."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise LockBusy(errno.EAGAIN, "another process holds the lock", str(path))
            time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        os.close(handle)


def _try_lock(handle: int) -> bool:
    """Take the lock of the open file without waiting; False if another process has it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # not at the top: there is none on Windows

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle, fcntl.LOCK_UN)


def folder_problem(path: Path) -> str | None:
    """Why `path` is no folder to read, or None if it is one: it does not exist, it is
    a file, or the file system refuses its name (too long), which `is_dir` raises."""
    try:
        if path.is_dir():
            return None
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return "is not a folder" if path.exists() else "does not exist"


def too_large(limit: int) -> str:
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 2**10} KB"
    return f"file is larger than {size}"


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words: `a named pipe (FIFO)`, `a folder`."""
    kinds = {
        stat.S_IFIFO: "a named pipe (FIFO)",
        stat.S_IFDIR: "a folder",
        stat.S_IFCHR: "a character device",
        stat.S_IFBLK: "a block device",
        stat.S_IFSOCK: "a socket",
    }
    return kinds.get(stat.S_IFMT(mode), "a special file")


def write_new(path: Path, data: bytes, mode: int) -> os.stat_result:
    """Create `path` (which must not exist) holding `data`, flushed to disk; its `fstat`."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        written = 0
        while written < len(data):
            written += os.write(handle, data[written:])
        os.fsync(handle)
        return os.fstat(handle)
    finally:
        os.close(handle)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new name in `folder` last: some file systems cannot sync a
    folder, and the rename then stands as it is."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(handle)
