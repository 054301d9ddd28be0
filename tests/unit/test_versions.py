"""The numbers the search index knows documents by: the fingerprint the cache adds up in
SQL is the one the index makes of the same documents, corrections or not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.versions import (
    document_number,
    file_version,
    fingerprint,
    pair,
    sum_of_pairs,
    with_corrections,
)

FILES = st.lists(
    st.tuples(
        st.text(min_size=1, max_size=12),
        st.integers(-1, 2**40),
        st.integers(-1, 2**62),
    ),
    max_size=20,
    unique_by=lambda file: file[0],
)
SIGNED = st.integers(-(2**63), 2**63 - 1)


@given(FILES, st.integers(0, 2**64 - 1), st.data())
def test_the_cache_sum_with_corrections_is_the_fingerprint_of_the_corrected_versions(
    files: list[tuple[str, int, int]], digest: int, data: st.DataObject
) -> None:
    """The cache sums each row's pair, made without corrections; the library's versions
    of the corrected files mix the digest in: the one figure follows from the other."""
    corrected = [data.draw(st.booleans()) for _ in files]
    numbers = [document_number(name) for name, _, _ in files]
    plain = [file_version(name, size, mtime, 0) for name, size, mtime in files]
    read = [
        file_version(name, size, mtime, digest if fixed else 0)
        for (name, size, mtime), fixed in zip(files, corrected, strict=True)
    ]
    cached = sum_of_pairs(pair(n, v) for n, v in zip(numbers, plain, strict=True))
    assert cached == fingerprint(numbers, plain)
    assert with_corrections(cached, digest, sum(corrected)) == fingerprint(numbers, read)
    for value in [cached, *numbers, *read]:
        assert -(2**63) <= value < 2**63, "stored as a signed 64-bit number"


@given(FILES.filter(bool), st.data())
def test_a_change_to_any_part_changes_the_fingerprint(
    files: list[tuple[str, int, int]], data: st.DataObject
) -> None:
    numbers = [document_number(name) for name, _, _ in files]
    versions = [file_version(name, size, mtime, 0) for name, size, mtime in files]
    before = fingerprint(numbers, versions)
    at = data.draw(st.integers(0, len(files) - 1))
    name, size, mtime = files[at]
    part = data.draw(st.sampled_from(["size", "mtime", "corrected", "gone"]))
    if part == "gone":
        del numbers[at], versions[at]
    else:
        versions[at] = file_version(
            name,
            size + (part == "size"),
            mtime + (part == "mtime"),
            int(part == "corrected"),
        )
    assert fingerprint(numbers, versions) != before


@given(SIGNED, SIGNED)
def test_a_pair_is_what_one_document_adds(number: int, version: int) -> None:
    assert pair(number, version) == fingerprint([number], [version])
