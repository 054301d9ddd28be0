"""Character classes for regular expressions that must hold beyond ASCII names."""

from __future__ import annotations


def _ranges(chars: list[int]) -> str:
    parts: list[str] = []
    start = previous = chars[0]
    for code in [*chars[1:], -2]:
        if code != previous + 1:
            parts.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
        previous = code
    return "".join(parts)


UPPER = f"[{_ranges([c for c in range(0x250) if chr(c).isupper()] + [c for c in range(0x370, 0x530) if chr(c).isupper()])}]"
"""An upper-case letter: Latin (with accents), Greek or Cyrillic. `[A-Z]` for names
would turn `Émile Laurent` into `Laurent` and miss `SÃO PAULO`."""
