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


def _keyword_pattern(keyword: str) -> str:
    stem, wildcard = (keyword[:-1], True) if keyword.endswith("*") else (keyword, False)
    words = [re.escape(word) for word in stem.split()]
    body = r"\s+".join(words)
    tail = r"[\w'’-]*" if wildcard else ""
    return rf"(?<![\w-]){body}{tail}(?![\w])"


class TopicMatcher:
    """Finds topic keywords in text. Longer keywords win where two overlap."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self.topics = tuple(topics)
        groups: list[str] = []
        self._names: list[str] = []
        entries = [
            (keyword, topic.name)
            for topic in self.topics
            for keyword in topic.keywords
            if keyword.rstrip("*").strip()
        ]
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        for keyword, name in entries:
            groups.append(f"({_keyword_pattern(keyword)})")
            self._names.append(name)
        self._regex = re.compile("|".join(groups), re.IGNORECASE) if groups else None

    def spans(self, text: str) -> list[Span]:
        if self._regex is None:
            return []
        result: list[Span] = []
        for match in self._regex.finditer(text):
            group = match.lastindex
            if group is None:  # pragma: no cover - every alternative is a group
                continue
            result.append(Span(match.start(), match.end(), self._names[group - 1]))
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
