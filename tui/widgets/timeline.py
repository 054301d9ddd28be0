"""Topics over time: one row per topic, one cell per meeting, shaded by how much
the meeting said on the topic.

The shades are glyphs (░ ▒ ▓ █), so they read on 16 colours and with NO_COLOR;
the topic's colour is added where there is colour. Only the cells on screen are
drawn, so 10,000 meetings scroll sideways as fast as five.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.corpus.study import Timeline
from tui.widgets.sidebar import fit

SHADES = ((0, "·"), (1, "░"), (2, "▒"), (4, "▓"), (7, "█"))
"""(least paragraphs, glyph): 1 ░, 2-3 ▒, 4-6 ▓, 7 or more █."""
LABEL_CELLS = 24
WIDEST_CELL = 9
"""Cells are as wide as the screen allows up to this (a date fits in 8), at least 2."""


def shade(count: int) -> str:
    glyph = SHADES[0][1]
    for least, mark in SHADES:
        if count >= least:
            glyph = mark
    return glyph


class TimelineGrid(ScrollView, can_focus=True):
    """The grid, with a cursor on one cell."""

    BINDING_GROUP_TITLE = "Timeline"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l,right", "move(0, 1)", "Next meeting", show=False),
        Binding("h,left", "move(0, -1)", "Prev meeting", show=False),
        Binding("j,down", "move(1, 0)", "Next topic", show=False),
        Binding("k,up", "move(-1, 0)", "Prev topic", show=False),
        Binding("pagedown", "move(0, 10)", "10 meetings on", show=False),
        Binding("pageup", "move(0, -10)", "10 meetings back", show=False),
        Binding("g,home", "edge(-1)", "First meeting", show=False),
        Binding("G,end", "edge(1)", "Last meeting", show=False),
        Binding("w", "next_mention(1)", "Next mention", id="timeline_next"),
        Binding("b", "next_mention(-1)", "Prev mention", show=False),
        Binding("enter", "choose", "Open first mention", id="timeline_open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline--label", "timeline--header"}

    row: reactive[int] = reactive(0, init=False)
    column: reactive[int] = reactive(0, init=False)

    @dataclass
    class Moved(Message):
        grid: TimelineGrid

    @dataclass
    class Chosen(Message):
        grid: TimelineGrid
        topic: int
        meeting: int

    def __init__(self, table: Timeline, colours: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table
        self.colours = colours
        self._label_cells = min(LABEL_CELLS, max((len(t) for t in table.topics), default=4) + 2)

    @property
    def cell(self) -> int:
        """Cells per meeting."""
        room = max(1, self.size.width - self._label_cells)
        meetings = max(1, len(self.table.meetings))
        return max(2, min(WIDEST_CELL, room // meetings))

    @property
    def _room(self) -> int:
        return max(1, self.size.width - self._label_cells)

    def on_resize(self) -> None:
        width = self._label_cells + self.cell * len(self.table.meetings)
        self.virtual_size = Size(width, len(self.table.topics) + 1)
        self._follow()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header(width)
        row = y - 1
        if row >= len(self.table.topics):
            return Strip.blank(width, self.rich_style)
        name = self.table.topics[row]
        label_style = self.rich_style + self.get_component_rich_style(
            "timeline--label", partial=True
        )
        if row == self.row:
            label_style += Style(bold=True, reverse=not self.has_focus)
        label = fit(name, self._label_cells - 1).ljust(self._label_cells)
        segments = [Segment(label, label_style)]
        colour = self.colours.get(name)
        base = self.rich_style + (Style.parse(colour) if colour else Style())
        cell = self.cell
        first = self.scroll_offset.x // cell
        last = min(len(self.table.meetings), first + self._room // cell + 1)
        counts = self.table.counts[row]
        for column in range(first, last):
            glyph = shade(counts[column])
            text = (
                (glyph * (cell - 1)).center(cell - 1) + " " if counts[column] else "·".center(cell)
            )
            style = base if counts[column] else self.rich_style + Style(dim=True)
            if row == self.row and column == self.column:
                style += Style(reverse=True, bold=True)
            segments.append(Segment(text, style))
        return Strip(segments).crop(0, width).adjust_cell_length(width, self.rich_style)

    def _header(self, width: int) -> Strip:
        """Dates over the cells where they fit, else the year where it changes."""
        style = self.rich_style + self.get_component_rich_style("timeline--header", partial=True)
        cell = self.cell
        first = self.scroll_offset.x // cell
        last = min(len(self.table.meetings), first + self._room // cell + 1)
        text = [" "] * ((last - first) * cell + 12)
        previous_year = None
        position = 0
        for column in range(first, last):
            date = self.table.meetings[column].date
            if cell >= 8:
                label = (date.iso or "undated")[:7]
            else:
                year = date.value.year if date.value else None
                label = str(year) if year != previous_year and year else ""
                previous_year = year
            at = (column - first) * cell
            if label and at >= position:
                text[at : at + len(label)] = label
                position = at + len(label) + 1
        line = " " * self._label_cells + "".join(text)
        return Strip([Segment(line[:width], style)]).adjust_cell_length(width, self.rich_style)

    def validate_row(self, row: int) -> int:
        return max(0, min(row, len(self.table.topics) - 1))

    def validate_column(self, column: int) -> int:
        return max(0, min(column, len(self.table.meetings) - 1))

    def watch_row(self) -> None:
        self.refresh()
        self.post_message(self.Moved(self))

    def watch_column(self) -> None:
        self._follow()
        self.refresh()
        self.post_message(self.Moved(self))

    def _follow(self) -> None:
        """Scroll sideways so that the cursor's meeting is on screen."""
        cell = self.cell
        left = self.column * cell
        if left < self.scroll_offset.x:
            self.scroll_to(x=left, animate=False, immediate=True)
        elif left + cell > self.scroll_offset.x + self._room:
            self.scroll_to(x=left + cell - self._room, animate=False, immediate=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, rows: int, columns: int) -> None:
        self.row += rows
        self.column += columns

    def action_edge(self, direction: int) -> None:
        self.column = 0 if direction < 0 else len(self.table.meetings) - 1

    def action_next_mention(self, direction: int) -> None:
        """To the next (or previous) meeting that says anything on this topic."""
        counts = self.table.counts[self.row]
        columns = (
            range(self.column + 1, len(counts)) if direction > 0 else range(self.column - 1, -1, -1)
        )
        found = next((c for c in columns if counts[c]), None)
        if found is None:
            self.notify(f"No more meetings on {self.table.topics[self.row]}", timeout=2)
        else:
            self.column = found

    def action_choose(self) -> None:
        if self.table.meetings and self.table.topics:
            self.post_message(self.Chosen(self, self.row, self.column))
