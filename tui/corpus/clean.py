"""Text cleaning at the point where outside text enters dossier.

Everything that reaches a widget or a terminal has passed through `clean_text`:
control characters and escape sequences become visible placeholders, bidi
overrides are shown rather than obeyed, and line endings are normalised.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

MAX_LINE_CHARS = 20_000
"""Longer lines are split (at a space where possible) so no paragraph is unbounded."""

_NEWLINE_CHARS = ("\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_NEWLINES = re.compile("|".join(("\r\n", *_NEWLINE_CHARS)))
_BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}
# No-break and narrow spaces read as spaces; searching "Jeyhun Bayramov" must find them.
_SPACES = ("\u00a0", "\u202f", "\u2007")
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_UNSAFE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f"
    + "".join(_BIDI_NAMES)
    + _INVISIBLE
    + "\ud800-\udfff\ufff9-\ufffb]"
)


def _placeholder(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␀ … ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _BIDI_NAMES:
        return f"⟨{_BIDI_NAMES[char]}⟩"
    if char in _INVISIBLE:
        return ""
    return f"⟨U+{code:04X}⟩"


def clean_line(text: str) -> str:
    """Make one line safe to display: no control, escape, bidi or surrogate characters."""
    # One `replace` per character: `translate` looks up every character of the text.
    text = text.replace("\t", "    ")
    for space in _SPACES:
        text = text.replace(space, " ")
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _placeholder(match.group()), text)


_OUTPUT_UNSAFE = re.compile("[\r\x0b\x0c]|" + _UNSAFE.pattern)


def folded_line(text: str) -> str:
    """Outside text as one safe line: whitespace runs (line breaks too) folded to a
    space, then `clean_line`."""
    return clean_line(" ".join(text.split()))


def visible(text: str) -> str:
    """Text for a terminal: every character that would act on it, newline and tab aside,
    shown as its placeholder (a carriage return too: it would overwrite the line)."""
    if _OUTPUT_UNSAFE.search(text) is None:
        return text
    return _OUTPUT_UNSAFE.sub(lambda match: _placeholder(match.group()), text)


def json_text(data: object, indent: int | None = None) -> str:
    """`data` as JSON that is safe on a terminal and exact for a program: text as it is,
    but every character `visible` would replace written as a `\\u` escape."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def clean_text(text: str) -> str:
    """Normalise line endings to \\n and clean every line (see `clean_line`)."""
    if text.isascii() and text.isprintable():
        # One line of printable ASCII, as most values of the notes file and the config
        # are: nothing to change, found without the searches below.
        return text
    if any(char in text for char in _NEWLINE_CHARS):  # a search each, but no regex scan
        text = _NEWLINES.sub("\n", text)
    # `clean_line` works character by character and leaves \n alone: one call cleans
    # every line.
    return clean_line(text)


def split_long_line(line: str, limit: int = MAX_LINE_CHARS) -> list[str]:
    """Split a line longer than `limit` into pieces, at the last space where possible."""
    pieces: list[str] = []
    while len(line) > limit:
        cut = line.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


class BinaryFileError(ValueError):
    """The bytes are not text in any encoding we would show."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...]


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, fallback: str = "cp1251") -> Decoded:
    """Decode strictly: a BOM names the encoding, else UTF-8, else `fallback` with a
    warning. Raise BinaryFileError for data that is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, ())
            except UnicodeDecodeError as error:
                raise BinaryFileError(
                    f"has a {encoding} mark but is not {encoding}: {error.reason}"
                ) from None
    sample = data[:8192]
    # A stray NUL in a scraped page is shown as ␀; text without a mark in UTF-16 or
    # UTF-32, or a real binary file, is full of them.
    if sample.count(b"\x00") * 100 > len(sample):
        raise BinaryFileError("binary file (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError as error:
        position = error.start
    # The fallback unless Western European text reads better: Latin-1 decoded as
    # Windows-1251 gives words that mix Latin and Cyrillic letters ("cafй").
    encodings = [fallback] + [name for name in _WESTERN if name != fallback]
    texts = [data.decode(encoding, errors="replace") for encoding in encodings]
    scores = [len(_MIXED_SCRIPT.findall(text)) for text in texts]
    best = scores.index(min(scores))
    encoding, text = encodings[best], texts[best]
    if _looks_binary(text):
        raise BinaryFileError("binary file (mostly non-text bytes)")
    warning = (
        f"not valid UTF-8 (byte {position}); decoded as {encoding}: check the text reads correctly"
    )
    return Decoded(text, encoding, (warning,))


_WESTERN = ("cp1252",)
"""Tried after the fallback: a superset of Latin-1's letters."""
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[A-Za-z\u00c0-\u024f])(?=\w*[\u0400-\u04ff])\w+\b")
"""A word with both Latin and Cyrillic letters: a sign of the wrong 8-bit encoding."""


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    odd = sum(1 for char in sample if (ord(char) < 32 and char not in "\t\r\n") or char == "\ufffd")
    return odd / len(sample) > 0.1
