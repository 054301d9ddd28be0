"""The compare view's pieces: a reading pane per document, the summary, the status line.

A pane is the reader's document view (the same header, turn labels, speaker colours,
question bars and topic words, drawn by tui/document/view.py) with what the comparison
adds: a marker line above each exchange or turn saying which pair it belongs to, the
focused pair set apart as the reader's cursor is, and the word differences of
paragraphs that say nearly the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.corpus.compare import Alignment, Pair, Side, TopicCount, Unit
from tui.corpus.model import Document
from tui.corpus.topics import TopicMatcher
from tui.document.page import Layer, Marker
from tui.document.view import DocumentView

PAIR_MARK = "⇄"
SHOWN_TOPICS = 2
"""Shared topics named on a pair's marker; the turn labels below list them all."""
REMOVED_STYLE = "strike dim"
"""Words of a close paragraph that the other side lacks, in the left pane."""
ADDED_STYLE = "bold underline"
"""Words of a close paragraph that the other side lacks, in the right pane."""


def _facts(document: Document) -> str:
    return " · ".join(filter(None, [document.date.iso or "no date", document.place]))


Chunks = Sequence[Content | None]
"""Pieces of text that a line never breaks inside; None breaks the line."""


def summary_chunks(
    alignment: Alignment | None,
    documents: tuple[Document, Document],
    matcher: TopicMatcher,
    *,
    sides: bool = True,
) -> list[Content | None]:
    """The bar above the panes: each side's date and place, the speakers, then the
    topics only in the left meeting, only in the right one and in both, with paragraph
    counts. Not `sides` (a short terminal, where the panes' own titles give each side's
    date and place): what differs first, then the speakers, then what both share."""
    # A group ends in ` ·` rather than the next one starting with `· `: a line may
    # break between them, and a line does not start with a separator.
    chunks: list[Content | None] = []
    for side, document in zip(Side, documents, strict=True) if sides else ():
        facts = Content.assemble((f"{side.value.title()} ", "bold"), _facts(document))
        chunks.append(Content.assemble(facts, f" {PAIR_MARK}" if side is Side.LEFT else " ·"))
    left, right = (document.speakers for document in documents)
    if left == right:
        speakers = f"{', '.join(left) or 'none named'} (both)"
    else:
        speakers = f"{', '.join(left) or 'none named'} | {', '.join(right) or 'none named'}"
    said = Content.assemble(("Speakers: ", "dim"), speakers, "" if sides else " ·")
    if sides or alignment is None:
        chunks += [said, None]
    if alignment is None:
        chunks.append(Content.styled("Aligning the two meetings…", "dim"))
        return chunks
    # What differs first: where the bar is cut on a short terminal, it cuts the topics both share.
    groups = (
        ("Only left", alignment.left_only),
        ("Only right", alignment.right_only),
        ("Both", alignment.both),
    )
    for number, (title, topics) in enumerate(groups):
        if title == "Both" and not sides:
            chunks.append(said)
        head = Content.styled(f"{title}:", "bold")
        end = " ·" if number < len(groups) - 1 else ""
        if not topics:
            chunks.append(Content.assemble(head, (" none", "dim"), end))
            continue
        for n, topic in enumerate(topics):
            counted = _counted(topic, matcher, end=end if n == len(topics) - 1 else ",")
            chunks.append(Content.assemble(head, " ", counted) if n == 0 else counted)
    return chunks


def _counted(topic: TopicCount, matcher: TopicMatcher, *, end: str) -> Content:
    """`Nagorno-Karabakh 5|6`: the name as the reader marks topic words, and in how many
    paragraphs of each side it comes up."""
    both = topic.left and topic.right
    count = f" {topic.left}|{topic.right}" if both else f" {topic.left or topic.right}"
    colour = matcher.colour_of(topic.name) or ""
    return Content.assemble((topic.name, f"{colour} underline".strip()), count, end)


class ChunkFlow(Static):
    """Text that breaks lines only between chunks (a topic and its counts stay
    together); the breaks are placed anew for each width layout asks about. Past
    `max_lines`, the last line ends in how many chunks were left out."""

    def __init__(
        self, chunks: Chunks = (), *, max_lines: int | None = None, id: str | None = None
    ) -> None:
        self._chunks = list(chunks)
        self._width: int | None = None
        self._max_lines = max_lines
        super().__init__(self._flowed(None), id=id)

    def set_chunks(self, chunks: Chunks) -> None:
        self._chunks = list(chunks)
        self.update(self._flowed(self._width))

    def set_max_lines(self, max_lines: int | None) -> None:
        if max_lines != self._max_lines:
            self._max_lines = max_lines
            self.update(self._flowed(self._width))

    def _flowed(self, width: int | None) -> Content:
        lines: list[list[Content]] = [[]]
        used = 0
        for chunk in self._chunks:
            if chunk is None:
                lines.append([])
                used = 0
                continue
            gap = 1 if lines[-1] else 0
            if width is not None and gap and used + gap + chunk.cell_length > width:
                lines.append([])
                used, gap = 0, 0
            lines[-1].append(chunk)
            used += gap + chunk.cell_length
        if self._max_lines is not None and width is not None and len(lines) > self._max_lines:
            lines = _cut(lines, self._max_lines, width)
        return Content("\n").join(Content(" ").join(line) for line in lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self._width:
            self._width = width
            self.update(self._flowed(width), layout=False)
        return super().get_content_height(container, viewport, width)


def _cut(lines: list[list[Content]], keep: int, width: int) -> list[list[Content]]:
    """The first `keep` lines, the last one ending in `… N more` in place of the chunks
    it had to give up for that, and those of the lines left out."""
    kept = [list(line) for line in lines[:keep]]
    hidden = sum(len(line) for line in lines[keep:])
    last = kept[-1]
    while True:
        more = Content.styled(f"… {hidden} more", "dim")
        if not last or sum(c.cell_length + 1 for c in last) + more.cell_length <= width:
            last.append(more)
            return kept
        last.pop()
        hidden += 1


class FittedLine(Widget):
    """One line of parts joined by ` · `: where they do not all fit the width, the
    least useful go first (each part has a rank; higher ranks stay longer), so the
    line is never cut in the middle of a part."""

    DEFAULT_CSS = "FittedLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[tuple[Content, int]] = []

    def set_parts(self, parts: Sequence[tuple[Content, int]]) -> None:
        self._parts = list(parts)
        self.refresh()

    @property
    def text(self) -> str:
        """What the line shows at its width, as plain text."""
        return self.render().plain

    def render(self) -> Content:
        width = self.content_size.width or 10**6
        parts = list(self._parts)
        separator = Content(" · ")
        while parts and separator.join(c for c, _ in parts).cell_length > width:
            parts.remove(min(parts, key=lambda part: part[1]))
        return separator.join(content for content, _ in parts)


def pair_marker(pair: Pair | None, number: int, total: int, *, current: bool) -> Marker:
    """The line above an exchange or turn: which pair it is in, or that it has none;
    reversed for the focused pair."""
    if pair is None:
        content = Content("· no counterpart in the other meeting")
        return Marker(content, ("document--marker-none",))
    shown = list(pair.topics[:SHOWN_TOPICS])
    if len(pair.topics) > SHOWN_TOPICS:
        shown.append(f"+{len(pair.topics) - SHOWN_TOPICS}")
    content = Content.assemble(
        (f"{PAIR_MARK} Pair {number} of {total}", "bold"),
        f" · {pair.similarity:.0%} match · {', '.join(shown) or 'no shared topic'}",
    )
    names = ("document--marker", "document--marker-current") if current else ("document--marker",)
    return Marker(content, names)


class PaneTitle(Static):
    """Which side, and the document's date and place; set apart when the pane has focus."""


class ComparePane(Vertical, can_focus=True):
    """One document of the comparison, scrolled with the keys of the reader. It keeps
    its document when the sides are swapped: only its place and `side` change, so the
    reading position stays."""

    BINDING_GROUP_TITLE = "Pane"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move_lines(1)", "Scroll down", show=False),
        Binding("k,up", "move_lines(-1)", "Scroll up", show=False),
        Binding("pagedown,space", "move_page(1)", "Page down", show=False),
        Binding("pageup,b", "move_page(-1)", "Page up", show=False),
        Binding("g,home", "move_edge(-1)", "Top", show=False),
        Binding("G,end", "move_edge(1)", "Bottom", show=False),
    ]

    @dataclass
    class Scrolled(Message):
        """The user scrolled this pane (not the compare view following a pair or the
        other pane): for synced scrolling."""

        pane: ComparePane
        delta: float

    def __init__(
        self,
        side: Side,
        document: Document,
        matcher: TopicMatcher,
        alignment: Alignment | None = None,
    ) -> None:
        super().__init__()
        self.side = side
        self.document = document
        self.matcher = matcher
        self.view = DocumentView(matcher)
        self._alignment = alignment
        self._numbered: dict[int, tuple[Pair, int]] = {}
        """By unit index: its pair and the pair's number."""
        self._units: tuple[Unit, ...] = ()
        self._total = 0
        self._differences: dict[int, tuple[tuple[int, int, str], ...]] = {}
        """By paragraph index: the words only this side has, and their style."""
        self.focused: Unit | None = None
        """The focused pair's unit on this side."""
        self._following = False
        """Set while the view moves this pane itself, so the move is not passed on."""

    def compose(self) -> ComposeResult:
        yield PaneTitle(classes="compare-title")
        yield self.view

    def on_mount(self) -> None:
        self.view.open(self.document)
        self.watch(self.view, "scroll_y", self._view_scrolled, init=False)
        if self._alignment is not None:
            self.show(self._alignment, self.side)
        else:
            self._show_side()

    def load(self, side: Side, document: Document, alignment: Alignment | None) -> None:
        """Show `document` on `side`, from its top, with the pairs of `alignment` (none
        yet: no markers, no differences): nothing kept from the document shown before,
        nor from this one if the view had it (its place, its last pairs)."""
        self.side = side
        self.document = document
        self.focused = None
        self._alignment = alignment
        if not self.is_mounted:  # on_mount opens it
            return
        self.view.open(document)
        if alignment is not None:
            self.show(alignment, side)
        else:
            self._units, self._numbered, self._total, self._differences = (), {}, 0, {}
            self._show_side()
            self._draw()
        self._following = True
        try:
            self.view.scroll_to(y=0, animate=False, immediate=True)
        finally:
            self._following = False

    def _show_side(self) -> None:
        # Only the title says the side: a class on the pane would restyle the pane.
        self.query_one(PaneTitle).update(
            Content.assemble((f" {self.side.value.upper()} ", "bold"), f" {_facts(self.document)}")
        )

    def show(self, alignment: Alignment, side: Side) -> None:
        """Mark the pairs of `alignment` on this pane's document, shown on `side`: a
        marker above each unit, and the words only this side has in close paragraphs,
        struck (left) or bold (right)."""
        self.side = side
        self._show_side()
        self._units = alignment.units(side)
        self._numbered = {
            pair.unit(side).index: (pair, number) for number, pair in enumerate(alignment.pairs, 1)
        }
        self._total = len(alignment.pairs)
        style = REMOVED_STYLE if side is Side.LEFT else ADDED_STYLE
        self._differences = {}
        for pair in alignment.pairs:
            for match in pair.paragraphs:
                index, spans = (
                    (match.left, match.removed) if side is Side.LEFT else (match.right, match.added)
                )
                self._differences[index] = tuple((start, end, style) for start, end in spans)
        self._draw()

    def _draw(self) -> None:
        """The markers and the layer, for the pairs and the focused unit."""
        focused = self.focused.index if self.focused is not None else None
        markers = {}
        for unit in self._units:
            pair, number = self._numbered.get(unit.index, (None, 0))
            current = pair is not None and unit.index == focused
            markers[unit.index] = pair_marker(pair, number, self._total, current=current)
        self.view.set_markers(markers)
        paired = self.focused.paragraphs if self.focused is not None else ()
        self.view.set_layer(
            Layer(
                self._differences,
                frozenset(paragraph.index for paragraph in paired),
                frozenset(self._differences),
            )
        )

    def focus_unit(self, unit: Unit | None) -> None:
        """Set apart `unit` (the focused pair's side here) and scroll it to the top; the
        same unit again (after a swap) stays where the reader left it."""
        if unit is self.focused:
            return
        self.focused = unit
        self._draw()
        if unit is None:
            return
        # Now, so the frame with the new pair in the status line has it in view too; and
        # again once laid out, in case the view has only just been measured.
        self._scroll_to_focused()
        self.call_after_refresh(self._scroll_to_focused)

    def _scroll_to_focused(self) -> None:
        if self.focused is None:
            return
        top = self.view.marker_top(self.focused.index)
        if top is not None:
            self._following = True
            try:
                # The marker's line at the top, not the blank line above it.
                self.view.scroll_to(y=top, animate=False, immediate=True)
            finally:
                self._following = False

    def follow(self, delta: float) -> None:
        """Scroll by `delta` lines because the other pane did (synced scrolling)."""
        self._following = True
        try:
            self.view.scroll_to(y=self.view.scroll_y + delta, animate=False, immediate=True)
        finally:
            self._following = False

    def _view_scrolled(self, old: float, new: float) -> None:
        if not self._following and not self.view.settling and new != old:
            self.post_message(self.Scrolled(self, new - old))

    def action_move_lines(self, lines: int) -> None:
        self.view.scroll_to(y=self.view.scroll_y + lines, animate=False, immediate=True)

    def action_move_page(self, direction: int) -> None:
        height = self.view.scrollable_content_region.height
        self.view.scroll_to(
            y=self.view.scroll_y + direction * max(1, height - 1), animate=False, immediate=True
        )

    def action_move_edge(self, direction: int) -> None:
        y = self.view.max_scroll_y if direction > 0 else 0
        self.view.scroll_to(y=y, animate=False, immediate=True)
