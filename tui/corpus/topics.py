"""Topic tagging: config keywords compiled once into one regular expression."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeAlias

from tui.corpus.config import Topic


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    """The topic name (for topic spans) or the matched query (for find hits)."""


_TAIL = r"[\w'’-]*"
_YO = str.maketrans("ёЁ", "еЕ")
"""Russian writes `ё` or, more often, `е` for it: one letter to a reader."""
_ASCII_TWINS = "\u0130\u0131\u017f\u212a"
"""İ ı ſ K: the only characters beyond ASCII that re.IGNORECASE matches to ASCII ones."""
_WORD_BYTE = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_-")
_FOLD_BYTES = bytes(
    low if (low := byte | 0x20 if 65 <= byte <= 90 else byte) in _WORD_BYTE else 32
    for byte in range(256)
)
"""Bytes lower-cased, and a space for any that no keyword's word can hold or follow."""


def _folded(ascii_text: str) -> str:
    return ascii_text.encode().translate(_FOLD_BYTES).decode()


def _has_twin(text: str) -> bool:
    return not text.isascii() and any(twin in text for twin in _ASCII_TWINS)


MAX_NESTING = 40
"""Groups nested deeper than this in a keyword pattern make it a plain alternation:
`re` compiles a group by recursing into it, and some hundreds of levels exhaust
Python's stack. Keywords that begin one another (`a`, `ab`, `abc`, ...) nest a level
each; the configured ones, three at most."""

_Trie: TypeAlias = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal words, with shared prefixes factored
    out (`ca(?:spian|ucasus)`), so the engine tries each position once, not once per
    keyword: topic tagging is the parser's hottest loop. Written out without
    recursion, piece by piece: a keyword of ten thousand characters is a trie ten
    thousand levels deep."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    pieces: list[str] = []
    nesting = deepest = 0
    todo: list[str | _Trie] = [trie]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            # Only a group's ends start with a parenthesis: a keyword's own are escaped.
            nesting += item.startswith("(") - item.startswith(")")
            deepest = max(deepest, nesting)
            pieces.append(item)
            continue
        todo.extend(reversed(_branches(item)))
    if deepest > MAX_NESTING:
        return _alternation(words)
    return "".join(pieces)


def _branches(node: _Trie) -> list[str | _Trie]:
    """What a trie node is written as, its children left to be written out in turn:
    one branch per next character, in a group if there are several or the words may
    end here (then the group is optional)."""
    chars = sorted(char for char in node if char)
    steps: list[str | _Trie] = []
    for char in chars:
        steps += ["|", _piece(char), node[char]]
    steps = steps[1:]
    if steps and (len(chars) > 1 or "" in node):
        steps = ["(?:", *steps, ")?" if "" in node else ")"]
    return steps


def _alternation(words: list[str]) -> str:
    """The words as one flat group, the longest first, as the trie would prefer them."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join("".join(map(_piece, word)) for word in ordered) + ")"


def _piece(char: str) -> str:
    """A keyword's character in a pattern: a space matches any run of spaces."""
    return r"\s+" if char == " " else _literal(char)


def _literal(char: str) -> str:
    """An expression for one character of a folded keyword or query: `е` is `ё` too."""
    return "[её]" if char == "е" else re.escape(char)


def _normal(text: str) -> str:
    return " ".join(text.casefold().translate(_YO).split())


class TopicMatcher:
    """Finds topic keywords in text: whole words, case-insensitive, `ё` and `е` alike;
    a keyword ending in `*` matches any ending. The longest keyword wins where two
    overlap."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = tuple(topics)
        self._colours = {topic.name: topic.colour for topic in reversed(self.topics)}
        """Each topic's style, read for every topic word drawn; the first of a name wins."""
        self._exact: dict[str, str] = {}
        self._stems: list[tuple[str, str]] = []
        for topic in self.topics:
            for keyword in topic.keywords:
                stem = _normal(keyword.rstrip("*"))
                if not stem:
                    continue
                if keyword.endswith("*"):
                    self._stems.append((stem, topic.name))
                else:
                    self._exact.setdefault(stem, topic.name)
        self._stems.sort(key=lambda item: len(item[0]), reverse=True)
        exact = _trie_pattern(sorted(self._exact))
        stems = _trie_pattern(sorted(stem for stem, _ in self._stems))
        parts = [f"(?:{stems}){_TAIL}" if stems else "", exact]
        alternation = "|".join(part for part in parts if part)
        self._regex = (
            re.compile(rf"(?<![\w-])(?:{alternation})(?!\w)", re.IGNORECASE)
            if alternation
            else None
        )
        # Where a keyword can start: after a character that is no letter, digit, `_` or
        # `-`, its first word. Found in the text folded to ASCII bytes (`_FOLD_BYTES`),
        # where the engine can rule a word out at its first letter; with ignored case it
        # tries every keyword at every word, which made tagging half of the parse time.
        heads = {word.split(" ")[0] for word in [*self._exact, *(s for s, _ in self._stems)]}
        self._starts = (
            re.compile(rf" (?={_trie_pattern(sorted(map(_folded, heads)))})".encode())
            if heads and all(head.isascii() for head in heads)
            else None
        )
        self._names: dict[str, str | None] = {}
        """Matched text -> its topic: the same words come back in every document."""

    def _topic_of(self, matched: str) -> str | None:
        if matched not in self._names:
            self._names[matched] = self._resolve(matched)
        return self._names[matched]

    def _resolve(self, matched: str) -> str | None:
        normal = _normal(matched)
        best: tuple[int, str] | None = None
        exact = self._exact.get(normal)
        if exact is not None:
            best = (len(normal), exact)
        for stem, name in self._stems:
            if normal.startswith(stem) and (best is None or len(stem) > best[0]):
                best = (len(stem), name)
                break
        return best[1] if best else None

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """The keyword matches in `text`, as `finditer` would find them; tried only
        where a keyword's first word starts, when the text has no character that
        ignored case would take for an ASCII letter (the only ones that keywords
        written in ASCII can match)."""
        if self._regex is None:
            return
        if self._starts is None or _has_twin(text):
            yield from self._regex.finditer(text)
            return
        # One byte per character (a space for any beyond ASCII), after a leading space:
        # a start found at byte i is the keyword at character i.
        folded = (b" " + text.encode("ascii", "replace")).translate(_FOLD_BYTES)
        match_at = self._regex.match
        end = 0
        for start in self._starts.finditer(folded):
            at = start.start()
            if at >= end and (match := match_at(text, at)) is not None:
                end = match.end()
                yield match

    def spans(self, text: str) -> list[Span]:
        result: list[Span] = []
        for match in self._matches(text):
            name = self._topic_of(match.group())
            if name is not None:
                result.append(Span(match.start(), match.end(), name))
        return result

    def topics_of(self, text: str) -> tuple[str, ...]:
        """Topic names mentioned in `text`, in the order of the config."""
        return self.topics_of_all([text])[0]

    def topics_of_all(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """`topics_of` each text, searched as one: a line break between two texts
        starts and ends keywords as the ends of a text do."""
        found: list[set[str]] = [set() for _ in texts]
        offsets = list(accumulate((len(text) + 1 for text in texts), initial=0))
        for match in self._matches("\n".join(texts)):
            which = bisect_right(offsets, match.start()) - 1
            if match.end() >= offsets[which + 1]:
                # A keyword of two words across the break (`Minsk` ending one text,
                # `Group` starting the next): each text on its own, then.
                return [self.topics_of(text) for text in texts]
            name = self._topic_of(match.group())
            if name is not None:
                found[which].add(name)
        return [
            tuple(topic.name for topic in self.topics if topic.name in names) if names else ()
            for names in found
        ]

    def colour_of(self, name: str) -> str | None:
        """The topic's style: its colour, or what `use_sixteen_colours` chose."""
        return self._colours.get(name)

    def use_sixteen_colours(self) -> None:
        """Draw the topics for a terminal of 16 colours: each its own colour while
        there are enough (`sixteen_colour_styles`)."""
        styles = sixteen_colour_styles([topic.colour for topic in self.topics])
        self._colours = {
            topic.name: style for topic, style in zip(self.topics, styles, strict=True)
        }


ANSI_HUES: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("red", (170, 0, 0)),
    ("green", (0, 170, 0)),
    ("yellow", (170, 85, 0)),
    ("blue", (0, 0, 170)),
    ("magenta", (170, 0, 170)),
    ("cyan", (0, 170, 170)),
    ("bright_red", (255, 85, 85)),
    ("bright_green", (85, 255, 85)),
    ("bright_yellow", (255, 255, 85)),
    ("bright_blue", (85, 85, 255)),
    ("bright_magenta", (255, 85, 255)),
    ("bright_cyan", (85, 255, 255)),
)
"""The 16 colours less black, white and the greys, with the values Rich gives them
when it brings a colour down to 16: a topic drawn in one of these keeps it."""
_HUE_RGB = dict(ANSI_HUES)
ROUND_STYLES = ("", "underline", "italic", "bold")
"""What sets topics apart once every hue is taken: the second round is underlined."""


def sixteen_colour_styles(colours: Sequence[str]) -> list[str]:
    """For each colour in order (`#e06c75` or an ANSI name), the nearest ANSI hue no
    earlier one took (as its hex value); once all are taken, a new round with a text
    style added, so that no two topics look alike while styles last."""
    taken: set[str] = set()
    styles = []
    for number, colour in enumerate(colours):
        round_ = number // len(ANSI_HUES)
        if number % len(ANSI_HUES) == 0:
            taken.clear()
        rgb = _rgb(colour)
        hue = min(
            (name for name, _ in ANSI_HUES if name not in taken),
            key=lambda name: _distance(rgb, _HUE_RGB[name]),
        )
        taken.add(hue)
        extra = ROUND_STYLES[min(round_, len(ROUND_STYLES) - 1)]
        styles.append(f"{_hex(_HUE_RGB[hue])} {extra}".strip())
    return styles


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{part:02x}" for part in rgb)


def _rgb(colour: str) -> tuple[int, int, int]:
    if colour in _HUE_RGB:
        return _HUE_RGB[colour]
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    try:
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    except ValueError:  # "white", "black": far from every hue alike
        return (128, 128, 128)


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True))


def find_spans(text: str, query: str) -> list[Span]:
    """Literal occurrences of `query` in `text` (find in document), in any case, `ё`
    and `е` alike."""
    needle = query.strip()
    if not needle:
        return []
    pattern = re.compile("".join(map(_literal, needle.translate(_YO))), re.IGNORECASE)
    return [Span(m.start(), m.end(), needle) for m in pattern.finditer(text)]
