"""Character classes for regular expressions that must hold beyond ASCII names."""

from __future__ import annotations

import functools
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


COMBINING_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining marks, as NFKD leaves them after a letter (the accent of `é`, the cedilla
of `ç`), and as a text written decomposed holds them: `fold` removes them."""
_COMBINING = re.compile(f"[{COMBINING_MARKS}]")
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


@functools.cache
def _accented_forms() -> dict[str, str]:
    """Each plain Latin letter, in either case, with the letters that fold to it in the
    same case (`e`: `eéèêë…`)."""
    forms: dict[str, str] = {}
    for code in range(0x41, 0x250):
        letter = chr(code)
        plain = fold(letter)
        if letter.isalpha() and len(plain) == 1 and plain.isascii():
            key = plain.upper() if letter.isupper() else plain
            forms[key] = forms.get(key, key) + (letter if letter != key else "")
    return forms


def accented(text: str) -> str:
    """A regular expression for `text` written with or without accents: `Peter`
    matches `Péter`, `Pawel` matches `Paweł`, and the other way round."""
    forms_of = _accented_forms()
    parts = []
    for letter in text:
        plain = fold(letter)
        key = plain.upper() if letter.isupper() else plain
        forms = forms_of.get(key) if len(plain) == 1 else None
        if forms and letter not in forms:  # beyond the accented Latin letters: `Ⓡ`
            forms += re.escape(letter)
        parts.append(f"[{forms}]" if forms and len(forms) > 1 else re.escape(letter))
    return "".join(parts)
