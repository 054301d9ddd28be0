"""The compare view's pieces: a reading pane per document, pair markers, the summary.

A pane shows its document as the reader does (the same header, turn labels, speaker
colours and topic highlighting), one widget per label and paragraph, and adds to it: a marker line
above each exchange or turn saying which pair it belongs to, the focused pair set
apart, and the word differences of paragraphs that say nearly the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.corpus.compare import Alignment, Pair, Side, TopicCount, Unit
from tui.corpus.model import Document, Paragraph, Turn, TurnKind
from tui.corpus.topics import TopicMatcher
from tui.widgets.document import (
    header_content,
    label_content,
    labelled,
    paragraph_content,
    speaker_slots,
)

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
    alignment: Alignment | None, documents: tuple[Document, Document], matcher: TopicMatcher
) -> list[Content | None]:
    """The bar above the panes: each side's date, place and speakers, then the topics
    only in the left meeting, only in the right one and in both, with paragraph counts."""
    # A group ends in ` ·` rather than the next one starting with `· `: a line may
    # break between them, and a line does not start with a separator.
    chunks: list[Content | None] = []
    for side, document in zip(Side, documents, strict=True):
        facts = Content.assemble((f"{side.value.title()} ", "bold"), _facts(document))
        chunks.append(Content.assemble(facts, f" {PAIR_MARK}" if side is Side.LEFT else " ·"))
    left, right = (document.speakers for document in documents)
    if left == right:
        speakers = f"{', '.join(left) or 'none named'} (both)"
    else:
        speakers = f"{', '.join(left) or 'none named'} | {', '.join(right) or 'none named'}"
    chunks.append(Content.assemble(("Speakers: ", "dim"), speakers))
    chunks.append(None)
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


class TurnLabel(Static):
    """Who speaks and the turn's topics, broken between tags for the label's width."""

    def __init__(self, turn: Turn, matcher: TopicMatcher, speaker_slot: int | None) -> None:
        classes = [f"-{turn.kind}"]
        if speaker_slot is not None:
            classes.append(f"-speaker-{speaker_slot}")
        self.turn = turn
        self._matcher = matcher
        self._width: int | None = None
        super().__init__(classes=" ".join(classes))

    def render(self) -> Content:
        return label_content(self.turn, self._matcher, self._width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Layout asks every label for its height at its width, on screen or not: the
        # moment to break the line between tags for that width. Not by `update`: a
        # refresh in the middle of layout looks for the widget in a map not yet made,
        # and that makes it anew, for every label.
        self._width = width
        return len(self.render().wrap(width)) if width > 0 else 0


class ParagraphView(Static):
    """One paragraph of a pane."""

    def __init__(self, paragraph: Paragraph, kind: TurnKind, content: Content) -> None:
        super().__init__(content, classes=f"-{kind}")
        self.paragraph = paragraph


class DocumentBody(VerticalScroll, can_focus=False):
    """A pane's document: its header, turn labels and paragraphs, one widget each, so
    that pair markers can be mounted between them."""

    def __init__(self, document: Document, matcher: TopicMatcher) -> None:
        self.document = document
        slots = speaker_slots(document.speakers)
        self.views: dict[int, ParagraphView] = {}
        """By paragraph index."""
        widgets: list[Widget] = [Static(header_content(document), classes="reader-header")]
        for turn in document.turns:
            if labelled(turn):
                slot = slots.get(turn.speaker) if turn.speaker else None
                widgets.append(TurnLabel(turn, matcher, slot))
            for paragraph in turn.paragraphs:
                content = paragraph_content(paragraph, matcher)
                view = self.views[paragraph.index] = ParagraphView(paragraph, turn.kind, content)
                widgets.append(view)
        super().__init__(*widgets)


class PairMarker(Static):
    """The line above an exchange or turn: which pair it is in, or that it has none."""

    def __init__(self, unit: Unit) -> None:
        super().__init__()
        self.unit = unit

    def show(self, pair: Pair | None, number: int, total: int) -> None:
        if pair is None:
            content = Content.styled("· no counterpart in the other meeting", "dim")
        else:
            shown = list(pair.topics[:SHOWN_TOPICS])
            if len(pair.topics) > SHOWN_TOPICS:
                shown.append(f"+{len(pair.topics) - SHOWN_TOPICS}")
            content = Content.assemble(
                (f"{PAIR_MARK} Pair {number} of {total}", "bold"),
                f" · {pair.similarity:.0%} match · {', '.join(shown) or 'no shared topic'}",
            )
        self.update(content)
        self.set_class(pair is not None, "-paired")
        self.set_class(pair is None, "-unpaired")


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
        self._alignment = alignment
        """The pairs to mark as soon as the document is mounted, if already known."""
        self._markers: dict[int, PairMarker] = {}
        """By unit index."""
        self._focused: Unit | None = None
        self._following = False
        """Set while the view moves this pane itself, so the move is not passed on."""

    def compose(self) -> ComposeResult:
        yield PaneTitle(classes="compare-title")
        yield DocumentBody(self.document, self.matcher)

    @property
    def body(self) -> DocumentBody:
        return self.query_one(DocumentBody)

    async def on_mount(self) -> None:
        self.watch(self.body, "scroll_y", self._body_scrolled, init=False)
        if self._alignment is not None:
            await self.show(self._alignment, self.side)
        else:
            self._show_side()

    def _show_side(self) -> None:
        # Only the title says the side: a class on the pane would restyle every paragraph.
        self.query_one(PaneTitle).update(
            Content.assemble((f" {self.side.value.upper()} ", "bold"), f" {_facts(self.document)}")
        )

    async def show(self, alignment: Alignment, side: Side) -> None:
        """Mark the pairs of `alignment` on this pane's document, shown on `side`."""
        self.side = side
        self._show_side()
        body = self.body
        labels = {label.turn.index: label for label in body.query(TurnLabel)}
        mounting = []
        for unit in alignment.units(side):
            if unit.index not in self._markers:
                marker = PairMarker(unit)
                top: Widget = labels.get(unit.index) or body.views[unit.first_paragraph]
                # Mounted all at once, awaited together: one layout for all of them.
                mounting.append(body.mount(marker, before=top))
                self._markers[unit.index] = marker
        for mounted in mounting:
            await mounted
        numbered = {
            pair.unit(side).index: (pair, number) for number, pair in enumerate(alignment.pairs, 1)
        }
        for index, marker in self._markers.items():
            pair, number = numbered.get(index, (None, 0))
            marker.show(pair, number, len(alignment.pairs))
        self._show_differences(alignment.pairs)

    def _show_differences(self, pairs: Iterable[Pair]) -> None:
        """Strike (left) or embolden (right) the words that only this side has, in the
        paragraphs that say nearly the same thing as one on the other side."""
        style = REMOVED_STYLE if self.side is Side.LEFT else ADDED_STYLE
        for pair in pairs:
            for match in pair.paragraphs:
                index, spans = (
                    (match.left, match.removed)
                    if self.side is Side.LEFT
                    else (match.right, match.added)
                )
                view = self.body.views[index]
                content = paragraph_content(view.paragraph, self.matcher)
                for start, end in spans:
                    content = content.stylize(style, start, end)
                view.update(content, layout=False)
                view.add_class("-close")

    def focus_unit(self, unit: Unit | None) -> None:
        """Set apart `unit` (the focused pair's side here) and scroll it to the top; the
        same unit again (after a swap) stays where the reader left it."""
        if unit is self._focused:
            return
        if self._focused is not None:
            self._set_unit_class(self._focused, False)
        self._focused = unit
        if unit is None:
            return
        self._set_unit_class(unit, True)
        # Now, so the frame with the new pair in the status line has it in view too; and
        # again once laid out, in case the marker has just been mounted or moved.
        self._scroll_to_focused()
        self.call_after_refresh(self._scroll_to_focused)

    def _set_unit_class(self, unit: Unit, on: bool) -> None:
        marker = self._markers.get(unit.index)
        if marker is not None:
            marker.set_class(on, "-current")
        for paragraph in unit.paragraphs:
            self.body.views[paragraph.index].set_class(on, "-in-pair")

    def _scroll_to_focused(self) -> None:
        if self._focused is None:
            return
        marker = self._markers.get(self._focused.index)
        if marker is not None:
            self._following = True
            try:
                # The marker's first line at the top, not the blank margin above it.
                self.body.scroll_to(y=marker.virtual_region.y, animate=False, immediate=True)
            finally:
                self._following = False

    def follow(self, delta: float) -> None:
        """Scroll by `delta` lines because the other pane did (synced scrolling)."""
        self._following = True
        try:
            self.body.scroll_to(y=self.body.scroll_y + delta, animate=False, immediate=True)
        finally:
            self._following = False

    def _body_scrolled(self, old: float, new: float) -> None:
        if not self._following and new != old:
            self.post_message(self.Scrolled(self, new - old))

    def action_move_lines(self, lines: int) -> None:
        self.body.scroll_to(y=self.body.scroll_y + lines, animate=False, immediate=True)

    def action_move_page(self, direction: int) -> None:
        height = self.body.scrollable_content_region.height
        self.body.scroll_to(
            y=self.body.scroll_y + direction * max(1, height - 1), animate=False, immediate=True
        )

    def action_move_edge(self, direction: int) -> None:
        y = self.body.max_scroll_y if direction > 0 else 0
        self.body.scroll_to(y=y, animate=False, immediate=True)
