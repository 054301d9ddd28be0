"""The numbers the search index knows documents by: each document's number (of its id),
each file's version (of its path, size, modification time and the corrections it was
read with), and a fingerprint of a whole corpus's (number, version) pairs.

The fingerprint is a sum, so that the cache can keep each row's pair and SQLite add them
up at a start (`DocumentCache.fingerprint`), rather than Python make 100,000 versions to
learn that nothing changed; and the pair is linear in the corrections, so that those the
library applies are a term added to the cache's sum (`with_corrections`)."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

_MASK = (1 << 64) - 1
_SIZE, _MTIME, _PATH, _CORRECTED = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0x27D4EB2F165667C5,
)
_NUMBER, _VERSION = 0xD6E8FEB86659FD93, 0xA0761D6478BD642F
"""Odd constants: a change to any part is a change to the whole, but for one chance in
2**64."""


def _signed(value: int) -> int:
    """`value` modulo 2**64, as the signed 64-bit number tantivy and SQLite store."""
    value &= _MASK
    return value - (1 << 64) if value >> 63 else value


def document_number(doc_id: str) -> int:
    """A 64-bit number for a document's id, the same in every run (a hash: ids are
    close to one another, `2010-06-11-a` and `2010-06-11-b`)."""
    digest = hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def file_version(relative: str, size: int, mtime_ns: int, corrected: int) -> int:
    """A 64-bit number for a file's version: its path, size and modification time (-1
    each when unknown), and the corrections it was read with (0: none), each times an
    odd constant. Made by arithmetic, not by hashing a string for each (0.3 s for
    100,000 documents, at each start and `r`)."""
    path = zlib.crc32(relative.encode("utf-8", "surrogatepass"))
    return _signed(size * _SIZE + mtime_ns * _MTIME + path * _PATH + corrected * _CORRECTED)


def pair(number: int, version: int) -> int:
    """What one document adds to a fingerprint (what the cache keeps in its row)."""
    return _signed(number * _NUMBER + version * _VERSION)


def fingerprint(numbers: Iterable[int], versions: Iterable[int]) -> int:
    """The fingerprint of documents by their numbers and versions: the sum of their
    `pair`s, which is the sum of each, each times a constant (added up in C, 1 ms at
    100,000). Another set of documents, or another version of one, is another number
    (but for one chance in 2**64)."""
    return _signed(sum(numbers) * _NUMBER + sum(versions) * _VERSION)


def sum_of_pairs(pairs: Iterable[int]) -> int:
    """The fingerprint of documents by their `pair`s."""
    return _signed(sum(pairs))


def with_corrections(total: int, digest: int, count: int) -> int:
    """The fingerprint `total` of pairs whose versions were made without corrections,
    for the same files when `count` of them were read with corrections `digest`."""
    return _signed(total + count * digest * _CORRECTED * _VERSION)


CHECKSUM_BYTES = 16


def checksum(data: bytes) -> bytes:
    """What proves stored bytes are those written: the cache's rows, the files kept beside
    the search index."""
    return hashlib.blake2b(data, digest_size=CHECKSUM_BYTES).digest()
