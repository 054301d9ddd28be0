"""Reading and writing the small files dossier keeps: the notes file, the config,
`dossier.yaml` and the state file.

Each is read the one way here: only a regular file (or a link to one), opened without
blocking (a FIFO put in its place is refused, not waited on) and never read past its
cap, whatever size it reports (`/dev/zero` reports 0). Each is written as a new file,
flushed to disk, then put in place, with its folder synced after.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


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
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
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
        chunk = os.pread(handle, min(limit - size, 1 << 20), size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


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
