"""Words for counts on screen and in the CLI: `1 paragraph`, `2 paragraphs`."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and the noun, singular for one: `counted(1, "occurrence")` is
    `1 occurrence`; thousands are grouped (`1,204 paragraphs`)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def paragraph_place(index: int, count: int) -> str:
    """`¶3 · 4/23`: the paragraph's number as `show`, search and the notes give it
    (from 0), then how far into the document it is (from 1, of all of them)."""
    return f"¶{index} · {index + 1}/{count}"
