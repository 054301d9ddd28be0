"""Views across the whole corpus: topics over time, a concordance, the speakers.

Each is plain data built from the corpus (the timeline and the speakers from each
document's `Tallies`, which the cache keeps; the concordance from the search index),
shown by a screen and printed by the CLI from the same functions.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tui.corpus.letters import fold
from tui.corpus.model import Document, Summary, Tallies, Turn, TurnKind
from tui.corpus.search import SearchIndex, parse_query, phrase_expression
from tui.corpus.syntax import KwicOrder

CONTEXT_CHARS = 60
"""Characters of context on each side of a concordance match."""


@dataclass(frozen=True, slots=True)
class Timeline:
    topics: tuple[str, ...]
    meetings: tuple[Summary, ...]
    counts: tuple[tuple[int, ...], ...]
    """Per topic, per meeting: paragraphs tagged with the topic."""

    def as_json(self) -> dict[str, object]:
        return {
            "topics": list(self.topics),
            "meetings": [{"id": d.id, "date": d.date.iso, "title": d.title} for d in self.meetings],
            "counts": [list(row) for row in self.counts],
        }


def timeline(meetings: Iterable[tuple[Summary, Tallies]], topics: Sequence[str]) -> Timeline:
    """How many paragraphs of each meeting (in date order) are on each topic."""
    rows = sorted(
        (
            (summary, tuple(dict(tallies.topics).get(topic, 0) for topic in topics))
            for summary, tallies in meetings
        ),
        key=lambda row: row[0].sort_key,
    )
    counts = tuple(tuple(counted[at] for _, counted in rows) for at in range(len(topics)))
    return Timeline(tuple(topics), tuple(summary for summary, _ in rows), counts)


def first_mention(document: Document, topic: str) -> int | None:
    """The index of the document's first paragraph on the topic."""
    return next((p.index for p in document.paragraphs if topic in p.topics), None)


class KwicLine(NamedTuple):
    """One occurrence: where it is, and the part of its paragraph the line shows. Not
    its document, which a word found in most meetings would keep every one of in
    memory (4 GB for 625,000 lines in 100,000 meetings), nor the whole paragraph; the
    context is cut from `text` when it is asked for (100,000 records, not 300,000
    strings); the lines of one paragraph share one `text`, and one record a line is
    all a line costs (a record of the paragraph and one of the match took 40 MB more
    for 625,000 lines)."""

    doc_id: str
    day: dt.date | None
    paragraph: int
    turn: int
    speaker: str | None
    kind: TurnKind
    text: str
    """The part of the paragraph its paragraph's lines show: from the first match's
    left context to the last match's right."""
    offset: int
    """Where `text` starts in the paragraph."""
    context: int
    """How many characters the line shows on either side of the match."""
    at: int
    """Where the match starts in `text`."""
    stop: int
    """Where it ends there."""

    @property
    def start(self) -> int:
        """Where the match starts in the paragraph."""
        return self.offset + self.at

    @property
    def end(self) -> int:
        """Where it ends there."""
        return self.offset + self.stop

    @property
    def date(self) -> str | None:
        """The meeting's date, ISO."""
        return self.day.isoformat() if self.day else None

    @property
    def left(self) -> str:
        return self.text[max(0, self.at - self.context) : self.at]

    @property
    def match(self) -> str:
        return self.text[self.at : self.stop]

    @property
    def right(self) -> str:
        return self.text[self.stop : self.stop + self.context]

    def as_json(self) -> dict[str, object]:
        return {
            "doc": self.doc_id,
            "date": self.date,
            "paragraph": self.paragraph,
            "turn": self.turn,
            "speaker": self.speaker,
            "left": self.left,
            "match": self.match,
            "right": self.right,
        }


@dataclass(frozen=True, slots=True)
class Concordance:
    term: str
    """The words looked for, as one phrase."""
    lines: tuple[KwicLine, ...]
    hints: tuple[str, ...]
    seconds: float
    complete: bool = True
    """False while only the first paragraphs have been looked through."""


FIRST_ENTRIES = 2000
"""Paragraphs looked through before `iter_concordance` gives its first lines."""


def concordance(index: SearchIndex, text: str, context: int = CONTEXT_CHARS) -> Concordance:
    """Every occurrence in the body text of the query's words as one phrase (exact
    words, any case), with the query's filters (`speaker:`, `topic:`, `year:`...), in
    corpus order, each with `context` characters on either side."""
    *_, found = iter_concordance(index, text, context)
    return found


def iter_concordance(
    index: SearchIndex, text: str, context: int = CONTEXT_CHARS
) -> Iterator[Concordance]:
    """The concordance, first as far as the first FIRST_ENTRIES paragraphs that hold
    the words (so that a screen has lines to show at once for a word found 100,000
    times), then complete."""
    started = time.perf_counter()
    query = parse_query(text)
    hints = list(query.hints)
    term = " ".join([*query.phrases, *query.terms])
    if not term:
        hints.append("give a word or phrase to look for")
        yield Concordance(term, (), tuple(hints), time.perf_counter() - started)
        return
    pattern = re.compile(
        rf"(?<!\w){phrase_expression(term)}(?!\w)",
        re.IGNORECASE,
    )
    lines: list[KwicLine] = []
    days: dict[dt.date | None, dt.date | None] = {}
    speakers: dict[str | None, str | None] = {}
    """One object for each date and speaker the lines hold, where each document read
    makes its own (15 MB for 625,000 lines in 100,000 meetings)."""
    # 8 bytes an entry rather than an int object's 36: 17 MB for 625,000.
    entry_ids = array("q", index.phrase_entries(query, hints))
    for position, (_, entry) in enumerate(index.present(entry_ids)):
        if position == FIRST_ENTRIES:
            seconds = time.perf_counter() - started
            yield Concordance(term, tuple(lines), tuple(hints), seconds, complete=False)
        body = entry.text
        spans = [match.span() for match in pattern.finditer(body)]
        if not spans and len(fold(body)) == len(body):
            # Accented spellings (`Mammadyarov` in `Mammadyarov's`, `é`): fold() keeps
            # lengths here, so offsets in the folded text are offsets in the text.
            spans = [match.span() for match in pattern.finditer(fold(body))]
        if spans:
            first = max(0, spans[0][0] - context)
            shown = body[first : spans[-1][1] + context]
            doc_id, day, speaker = entry.document.id, entry.date, entry.speaker
            day, speaker = days.setdefault(day, day), speakers.setdefault(speaker, speaker)
            lines.extend(
                KwicLine(
                    doc_id,
                    day,
                    entry.paragraph,
                    entry.turn,
                    speaker,
                    entry.kind,
                    shown,
                    first,
                    context,
                    start - first,
                    end - first,
                )
                for start, end in spans
            )
    yield Concordance(term, tuple(lines), tuple(hints), time.perf_counter() - started)


def sort_lines(lines: Sequence[KwicLine], order: KwicOrder) -> list[KwicLine]:
    """Corpus order (dates), or by speaker, or alphabetically by the words nearest the
    match on the left (read outwards) or on the right."""
    if order is KwicOrder.DATE:
        return list(lines)
    if order is KwicOrder.SPEAKER:
        folded = {speaker: fold(speaker or "\uffff") for speaker in {ln.speaker for ln in lines}}
        return sorted(lines, key=lambda line: folded[line.speaker])
    # Each key one string, the words apart by the least character there is: it sorts as
    # the list of the words would, where a list of them for each of 625,000 lines took
    # 430 MB more while sorting.
    if order is KwicOrder.LEFT:
        return _sorted_in_runs(lines, lambda line: _APART.join(reversed(_folded_words(line.left))))
    return _sorted_in_runs(lines, lambda line: _APART.join(_folded_words(line.right)))


SORT_RUN = 100_000
"""Lines sorted by context at a time: a key is one string a line (70 MB for 625,000
lines at once, the app's peak); a larger concordance is sorted in runs of this many,
which are merged (each key made twice: 0.8-1.2 s -> about 2 s at 625,000, in a
worker; the app's peak 633 -> 570 MB)."""


def _sorted_in_runs(lines: Sequence[KwicLine], key: Callable[[KwicLine], str]) -> list[KwicLine]:
    """`sorted(lines, key=key)`, the keys of no more than SORT_RUN lines held at once."""
    if len(lines) <= SORT_RUN:
        return sorted(lines, key=key)
    runs = [sorted(lines[at : at + SORT_RUN], key=key) for at in range(0, len(lines), SORT_RUN)]
    return list(heapq.merge(*runs, key=key))  # stable: ties keep the runs' order


def _folded_words(text: str) -> list[str]:
    """The words of `text`, each folded (`fold`): a text all ASCII is folded whole, which
    is the same and makes a sort by context a fifth faster."""
    return text.lower().split() if text.isascii() else [fold(word) for word in text.split()]


_APART = "\x00"
"""What keeps the words of a sort key apart: less than any character of a word."""


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    turns: int
    meetings: int
    paragraphs: int
    top_topics: tuple[str, ...]
    """Their most frequent topics, most first (at most three)."""
    documents: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The ids of the meetings they speak in."""

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "turns": self.turns,
            "meetings": self.meetings,
            "paragraphs": self.paragraphs,
            "top_topics": list(self.top_topics),
        }


def speakers(meetings: Iterable[tuple[Summary, Tallies]]) -> list[Speaker]:
    """Everyone who speaks in the corpus, most turns first; of their topics the most
    frequent (ties by name)."""
    turns: Counter[str] = Counter()
    paragraphs: Counter[str] = Counter()
    attended: dict[str, list[str]] = {}
    topics: dict[str, Counter[str]] = {}
    for summary, tallies in meetings:
        for part in tallies.speakers:
            turns[part.name] += part.turns
            paragraphs[part.name] += part.paragraphs
            attended.setdefault(part.name, []).append(summary.id)
            topics.setdefault(part.name, Counter()).update(dict(part.topics))
    return [
        Speaker(
            name,
            count,
            len(attended[name]),
            paragraphs[name],
            _most(topics[name], 3),
            tuple(attended[name]),
        )
        for name, count in sorted(turns.items(), key=lambda item: (-item[1], item[0]))
    ]


def _most(counter: Counter[str], n: int) -> tuple[str, ...]:
    """The `n` names counted most, most first, ties by name."""
    return tuple(name for name, _ in sorted(counter.items(), key=lambda i: (-i[1], i[0]))[:n])


def turns_of(documents: Iterable[Document], name: str) -> list[tuple[Document, Turn]]:
    """Every turn of one speaker in `documents`, meetings in date order."""
    ordered = sorted(documents, key=lambda document: document.sort_key)
    return [(d, turn) for d in ordered for turn in d.turns if turn.speaker == name]
