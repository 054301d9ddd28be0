"""Topic tagging: config keywords compiled once into one regular expression."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.corpus.config import Topic


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    """The topic name (for topic spans) or the matched query (for find hits)."""


_TAIL = r"[\w'’-]*"


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal words, with shared prefixes factored
    out (`ca(?:spian|ucasus)`), so the engine tries each position once, not once per
    keyword: topic tagging is the parser's hottest loop."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = []
        optional = "" in node
        for char in sorted(c for c in node if c):
            escaped = r"\s+" if char == " " else re.escape(char)
            branches.append(escaped + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if optional else body

    return render(trie)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


class TopicMatcher:
    """Finds topic keywords in text: whole words, case-insensitive; a keyword ending
    in `*` matches any ending. The longest keyword wins where two overlap."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = tuple(topics)
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

    def _topic_of(self, matched: str) -> str | None:
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

    def spans(self, text: str) -> list[Span]:
        if self._regex is None:
            return []
        result: list[Span] = []
        for match in self._regex.finditer(text):
            name = self._topic_of(match.group())
            if name is not None:
                result.append(Span(match.start(), match.end(), name))
        return result

    def topics_of(self, text: str) -> tuple[str, ...]:
        """Topic names mentioned in `text`, in the order of the config."""
        found = {span.label for span in self.spans(text)}
        return tuple(topic.name for topic in self.topics if topic.name in found)

    def colour_of(self, name: str) -> str | None:
        for topic in self.topics:
            if topic.name == name:
                return topic.colour
        return None


def find_spans(text: str, query: str) -> list[Span]:
    """Case-insensitive literal occurrences of `query` in `text` (find in document)."""
    needle = query.strip()
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [Span(m.start(), m.end(), needle) for m in pattern.finditer(text)]
