"""The page model: a document as a list of blocks (its header, each turn's label,
each paragraph, and any marker line a view adds above a turn), their heights at one
width, where each starts, and what is drawn over the paragraphs (cursor, find hits,
marks, and a layer of extra spans). Plain data: `DocumentView` draws it."""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from textual.content import Content
from textual.strip import Strip

from tui.corpus.model import Document, Paragraph, Turn, TurnKind
from tui.corpus.topics import TopicMatcher
from tui.document.content import labelled, speaker_slots
from tui.document.marks import NO_MARKS, Hit, ParagraphMarks

DRAWN_KEPT = 500
"""How many blocks of a page keep their lines drawn; those drawn longest ago are let
go (their heights stay), so reading through a document of thousands of paragraphs
does not keep all of them drawn (12 KB a paragraph at 160 columns)."""
MARGIN = 1
"""The view's own margin, left and right, in cells."""


class Part(Enum):
    HEADER = "header"
    LABEL = "label"
    PARAGRAPH = "paragraph"
    MARKER = "marker"


# The cells around the text of each part, left and right, inside the view's margin:
# a paragraph has its bar and a space before the text.
INDENT = {Part.HEADER: (1, 1), Part.LABEL: (2, 1), Part.PARAGRAPH: (2, 1), Part.MARKER: (1, 1)}


@dataclass(frozen=True, slots=True)
class Marker:
    """A line a view puts above a turn (the compare view's pair marker): its text and
    the component classes it is drawn in."""

    content: Content
    names: tuple[str, ...] = ("document--marker",)


@dataclass(frozen=True, slots=True)
class Layer:
    """What a view draws over the paragraphs besides the reader's own: styled spans
    (by paragraph: start, end, style), paragraphs set apart as the cursor's is, and
    paragraphs with a dashed bar."""

    spans: Mapping[int, tuple[tuple[int, int, str], ...]] = field(default_factory=dict)
    current: frozenset[int] = frozenset()
    dashed: frozenset[int] = frozenset()

    def changed(self, other: Layer) -> set[int]:
        """The paragraphs drawn otherwise under `other`."""
        spans = {
            i
            for i in self.spans.keys() | other.spans.keys()
            if self.spans.get(i) != other.spans.get(i)
        }
        return spans | (self.current ^ other.current) | (self.dashed ^ other.dashed)


NO_LAYER = Layer()


@dataclass(eq=False, slots=True)
class Block:
    """A part of the document and, at the page's width, its lines and blank lines."""

    part: Part
    turn: Turn | None = None
    paragraph: Paragraph | None = None
    marker: Marker | None = None
    gap: int = 0
    """Blank lines after it."""
    height: int = 0
    """Lines, its gap included: measured if `measured`, else an estimate."""
    measured: bool = False
    strips: list[Strip] | None = None
    """Its lines as drawn (gap excluded); None until drawn or once restyled."""
    base: int = 0
    """The line the selection offsets in `strips` count from: where the block started
    when they were numbered."""
    notes_from: int = 0
    """Where a paragraph's notes start in `strips`."""


def _margins(block: Block) -> tuple[int, int]:
    """Blank lines wanted above and below a block: between two blocks the larger."""
    if block.part is Part.HEADER:
        return 0, 1
    if block.part in (Part.LABEL, Part.MARKER):
        return 1, 0
    assert block.turn is not None
    return (1 if block.turn.kind is TurnKind.HEADING else 0), 1


def _set_gaps(blocks: list[Block]) -> None:
    for block, after in itertools.pairwise(blocks):
        # A marker stays on the line above what it marks.
        gap = max(_margins(block)[1], _margins(after)[0])
        block.gap = 0 if block.part is Part.MARKER else gap
    blocks[-1].gap = _margins(blocks[-1])[1]


def document_blocks(document: Document) -> list[Block]:
    """The header, then each turn's label (if it has one) and paragraphs, with the
    blank lines between them."""
    blocks = [Block(Part.HEADER)]
    for turn in document.turns:
        if labelled(turn):
            blocks.append(Block(Part.LABEL, turn))
        blocks.extend(Block(Part.PARAGRAPH, turn, paragraph) for paragraph in turn.paragraphs)
    _set_gaps(blocks)
    return blocks


class Page:
    """One document as a view shows it: its blocks at one width, where each starts,
    the cursor, find hits, marks, the layer and the place scrolled to."""

    def __init__(self, document: Document, matcher: TopicMatcher) -> None:
        self.document = document
        self.matcher = matcher
        self.slots = speaker_slots(document.speakers)
        self.blocks = document_blocks(document)
        self.of_paragraph: list[int] = []
        """Per paragraph index, its block's number."""
        self.of_marker: dict[int, int] = {}
        """Per turn index, the number of the marker block above it."""
        self._number()
        self.starts: list[int] = []
        self.height = 0
        self.width = 0
        self.cursor = -1
        self.hits: dict[int, list[Hit]] = {}
        self.current_hit: Hit | None = None
        self.marks: dict[int, ParagraphMarks] = {}
        self.layer = NO_LAYER
        self.scroll_y = 0.0
        self.drawn: OrderedDict[int, None] = OrderedDict()
        """The blocks given lines, by number, the last drawn last."""

    def _number(self) -> None:
        self.of_paragraph = [
            n for n, block in enumerate(self.blocks) if block.paragraph is not None
        ]
        self.of_marker = {
            block.turn.index: n
            for n, block in enumerate(self.blocks)
            if block.part is Part.MARKER and block.turn is not None
        }

    def text_width(self, part: Part) -> int:
        left, right = INDENT[part]
        return max(1, self.width - 2 * MARGIN - left - right)

    def drew(self, number: int) -> None:
        """Block `number` has just been drawn: let go of the lines of the blocks drawn
        longest ago beyond DRAWN_KEPT."""
        self.drawn[number] = None
        self.drawn.move_to_end(number)
        while len(self.drawn) > DRAWN_KEPT:
            oldest, _ = self.drawn.popitem(last=False)
            self.blocks[oldest].strips = None

    def resize(self, width: int) -> None:
        """Measure again at `width`: every block is estimated until drawn."""
        self.width = width
        text_width = self.text_width(Part.PARAGRAPH)
        self.drawn.clear()
        for block in self.blocks:
            block.measured = False
            block.strips = None
            block.height = self.estimate(block, text_width)
        self.restart()

    def estimate(self, block: Block, width: int) -> int:
        """About how many lines a block takes before it is drawn, its text `width`
        cells wide."""
        paragraph = block.paragraph
        if paragraph is None:
            return 1 + block.gap
        lines = sum(max(1, -(-len(line) // width)) for line in paragraph.text.split("\n"))
        return lines + len(self.marks.get(paragraph.index, NO_MARKS).notes) + block.gap

    def restart(self) -> None:
        """Where each block starts, after heights have changed."""
        self.starts = list(itertools.accumulate((b.height for b in self.blocks), initial=0))
        self.height = self.starts.pop()

    def block_at(self, line: int) -> int:
        return max(0, bisect.bisect_right(self.starts, line) - 1)

    def paragraph_top(self, paragraph: int) -> int:
        """The line the paragraph's text starts on."""
        return self.starts[self.of_paragraph[paragraph]]

    def paragraphs_between(self, first: int | None, last: int | None) -> range:
        """The paragraphs whose blocks lie from the block at line `first` to the block
        at line `last` (None: the start or end of the document)."""
        start = 0 if first is None else bisect.bisect_left(self.of_paragraph, self.block_at(first))
        end = (
            len(self.of_paragraph)
            if last is None
            else bisect.bisect_right(self.of_paragraph, self.block_at(last))
        )
        return range(start, end)

    def restyle(self, paragraphs: Iterable[int], *, measure: bool = False) -> None:
        """Draw these paragraphs again; `measure`: their height may change too."""
        for index in paragraphs:
            if 0 <= index < len(self.of_paragraph):
                block = self.blocks[self.of_paragraph[index]]
                block.strips = None
                if measure and block.measured:
                    block.measured = False
                    block.height = self.estimate(block, self.text_width(Part.PARAGRAPH))
        if measure:
            self.restart()

    def set_markers(self, markers: Mapping[int, Marker]) -> bool:
        """Put each marker above its turn (by turn index), or change its text; True if
        blocks were added (every height is then estimated again)."""
        new = markers.keys() - self.of_marker.keys()
        if new:
            blocks: list[Block] = []
            for block in self.blocks:
                turn = block.turn
                starts_turn = turn is not None and (
                    block.part is Part.LABEL
                    or (block.paragraph is turn.paragraphs[0] and not labelled(turn))
                )
                if starts_turn and turn is not None and turn.index in new:
                    blocks.append(Block(Part.MARKER, turn))
                blocks.append(block)
            self.blocks = blocks
            _set_gaps(blocks)
            self._number()
            if self.width:
                self.resize(self.width)
        for index, marker in markers.items():
            number = self.of_marker.get(index)
            if number is not None and self.blocks[number].marker != marker:
                self.blocks[number].marker = marker
                self.blocks[number].strips = None
        return bool(new)
