"""The document model: frozen, slotted dataclasses shared by every layer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from tui.corpus.dates import find_dates
from tui.corpus.letters import UPPER

PARSER_VERSION = 29
"""Bump when a change to the parser (`tui.corpus.parse`) changes the Documents it
makes: cached ones are then parsed again. Kept here, with the model, so that checking
the cache needs no import of the parser."""

# "Foreign Minister Sergey Lavrov’s " at the start of a title.
_POSSESSIVE = re.compile(rf"^(?:{UPPER}[\w.’'-]*\s+){{0,6}}{UPPER}[\w’'-]*?[’']s\s+")


def split_title_tail(title: str) -> tuple[str, str | None, str | None]:
    """`Remarks ..., Moscow, March 6, 2017` -> (`Remarks ...`, `Moscow`, `March 6, 2017`);
    a title ending in a date without a place gives None for the place, and a title
    not ending in a date is returned whole."""
    found = find_dates(title)
    if not found or title[found[-1].end :].strip(" .") or found[-1].start == 0:
        return title, None, None
    date = found[-1]
    head = title[: date.start].rstrip(" ,")
    before, comma, last = head.rpartition(",")
    last = last.strip()
    if comma and last and len(last) <= 40 and len(last.split()) <= 4 and last[0].isupper():
        return before.rstrip(" ,"), last, title[date.start : date.end]
    return head, None, title[date.start : date.end]


def short_title(title: str) -> str:
    """The title without its trailing place and date, nor a leading `Someone’s`."""
    title = split_title_tail(title)[0]
    match = _POSSESSIVE.match(title)
    if match and match.end() < len(title):
        title = title[match.end() :]
        title = title[0].upper() + title[1:]
    return title


OUTSIDE_NUMBERED_LINES = "outside the numbered lines"
"""Why a line of a page that numbers its lines (a court's, a hearing's) was dropped:
its header, footer, number, or the word index at the end (`formats`)."""


GENERIC_LABEL = re.compile(
    r"^(?:speaker|unknown speaker|participant|person|voice|interviewee|guest|caller|"
    r"audience member|спикер|участник)[ _-]?(?:\d{1,3}|[A-Z])$|^(?:\w+_)?speaker_\d{1,3}$"
    r"|^(?:unknown|unidentified)(?: speaker| voice)?$",
    re.IGNORECASE,
)
"""`Speaker 1`, `SPEAKER_00`, `Speaker A`, `Unknown Speaker`: diarization without names."""


def diarized(label: str | None) -> bool:
    """Whether a label is a diarization tool's, naming no one (`Speaker 1`, `SPEAKER_00`):
    here, not with the parser, as the reader asks it of every turn it shows."""
    return label is not None and GENERIC_LABEL.match(label) is not None


class TurnKind(StrEnum):
    STATEMENT = "statement"
    QUESTION = "question"
    ANSWER = "answer"
    HEADING = "heading"
    QUOTE = "quote"


class Confidence(StrEnum):
    EXACT = "exact"
    INFERRED = "inferred"
    SCRAPED = "scraped"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date together with where it was found and how sure we are of it."""

    value: dt.date | None
    source: str
    confidence: Confidence

    @property
    def iso(self) -> str | None:
        return self.value.isoformat() if self.value else None


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    """Position among the document's body paragraphs, across all turns, from 0."""
    text: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Turn:
    index: int
    speaker: str | None
    """Canonical speaker name, or None when the text does not say who spoke."""
    label: str | None
    """The label as written (`Question (to both ministers)`), None for unlabelled turns."""
    note: str | None
    """The stage note from the label's parenthesis, shown dimmed."""
    kind: TurnKind
    paragraphs: tuple[Paragraph, ...]

    @property
    def topics(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for topic in paragraph.topics:
                seen.setdefault(topic)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line kept out of the body, with the reason; `dossier check` lists these."""

    line: int
    """1-based line number in the cleaned source text."""
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    path: Path
    title: str
    date: EventDate
    place: str | None
    source_kind: str
    format: str
    """The layout the parser recognised (`transcript`, `article`, `qa`, ...)."""
    turns: tuple[Turn, ...]
    dropped: tuple[Dropped, ...] = ()
    warnings: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "paragraphs", tuple(p for turn in self.turns for p in turn.paragraphs)
        )

    @property
    def short_title(self) -> str:
        return short_title(self.title)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Named speakers in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker:
                seen.setdefault(turn.speaker)
        return tuple(seen)

    @property
    def questions(self) -> int:
        return sum(1 for turn in self.turns if turn.kind is TurnKind.QUESTION)

    def turn_of_paragraph(self, paragraph_index: int) -> Turn:
        for turn in self.turns:
            if turn.paragraphs and turn.paragraphs[-1].index >= paragraph_index:
                return turn
        raise IndexError(paragraph_index)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.date.value or dt.date.max, self.id)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the list of documents shows of one (the sidebar, `dossier list`): kept in
    the cache beside the document, so that listing a folder decodes none."""

    id: str
    title: str
    date: EventDate
    place: str | None
    source_kind: str
    turns: int
    questions: int
    paragraphs: int

    @classmethod
    def of(cls, document: Document) -> Summary:
        return cls(
            document.id,
            document.title,
            document.date,
            document.place,
            document.source_kind,
            len(document.turns),
            document.questions,
            len(document.paragraphs),
        )

    @property
    def short_title(self) -> str:
        return short_title(self.title)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.date.value or dt.date.max, self.id)


Counts = tuple[tuple[str, int], ...]
"""Counts by name (a topic's paragraphs), most first, then by name; none of 0."""


def _counts(counter: dict[str, int]) -> Counts:
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class SpeakerTally:
    """One speaker's part of a document."""

    name: str
    turns: int
    paragraphs: int
    topics: Counts
    """Their paragraphs on each topic."""


@dataclass(frozen=True, slots=True)
class Tallies:
    """What the study views count in a document: its paragraphs on each topic (the
    timeline) and each named speaker's part (the speakers view). Kept in the cache
    beside the summary, so that those views decode no document."""

    topics: Counts
    speakers: tuple[SpeakerTally, ...]
    """In order of first turn."""

    @classmethod
    def of(cls, document: Document) -> Tallies:
        topics: dict[str, int] = {}
        parts: dict[str, tuple[int, int, dict[str, int]]] = {}
        for turn in document.turns:
            said: dict[str, int] | None = None
            if turn.speaker:
                turns, paragraphs, said = parts.get(turn.speaker, (0, 0, {}))
                parts[turn.speaker] = (turns + 1, paragraphs + len(turn.paragraphs), said)
            for paragraph in turn.paragraphs:
                for topic in paragraph.topics:
                    topics[topic] = topics.get(topic, 0) + 1
                    if said is not None:
                        said[topic] = said.get(topic, 0) + 1
        speakers = tuple(
            SpeakerTally(name, turns, paragraphs, _counts(said))
            for name, (turns, paragraphs, said) in parts.items()
        )
        return cls(_counts(topics), speakers)

    def as_plain(self) -> list[object]:
        """The tallies as lists, strings and numbers (the cache stores them as JSON)."""
        return [
            [list(count) for count in self.topics],
            [
                [part.name, part.turns, part.paragraphs, [list(count) for count in part.topics]]
                for part in self.speakers
            ],
        ]

    @classmethod
    def from_plain(cls, plain: list[Any]) -> Tallies:
        """The inverse of `as_plain`; raises ValueError, TypeError or IndexError when
        `plain` is not its form."""
        topics, speakers = plain
        return cls(
            _plain_counts(topics),
            tuple(
                SpeakerTally(str(name), int(turns), int(paragraphs), _plain_counts(said))
                for name, turns, paragraphs, said in speakers
            ),
        )


def _plain_counts(plain: list[Any]) -> Counts:
    return tuple((str(name), int(count)) for name, count in plain)
