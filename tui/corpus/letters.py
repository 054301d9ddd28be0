"""Character classes for regular expressions that must hold beyond ASCII names."""

from __future__ import annotations

import re
import unicodedata


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


# Combining marks, as NFKD leaves them after a letter (the accent of `é`, the cedilla of `ç`).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_UNACCENTED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"})
"""Letters with a stroke, which NFKD leaves whole: `Łukasz` is found as `Lukasz`."""


def fold(text: str) -> str:
    """Lower case without accents: `Çavuşoğlu` -> `cavusoglu`, `Łukasz` -> `lukasz`,
    `Ёлка` -> `елка`. But `й` stays: a letter of its own to a Russian reader (`мой` is
    not `мои`), though NFKD makes it `и` and a breve."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold()).replace("и\u0306", "й")
    return _COMBINING.sub("", decomposed).translate(_UNACCENTED)
