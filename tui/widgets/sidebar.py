"""The document list: a ScrollView drawn line by line, so 10,000 documents stay fast."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.widget import Widget

from tui.corpus.model import Confidence, Summary
from tui.messages import DocumentSelected


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when something was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def with_cursor(widget: Widget, strip: Strip, component: str) -> Strip:
    """`strip` with the cursor's style on top, so that the whole row reads as one bar:
    `component`'s style while `widget` has the focus, `component`-blurred otherwise."""
    cursor = widget.get_component_rich_style(
        component if widget.has_focus else f"{component}-blurred", partial=True
    )
    return Strip([Segment(s.text, (s.style or Style()) + cursor) for s in strip])


class _Part(Enum):
    GROUP = "group"
    DATE = "date"
    TITLE = "title"


class _Group(NamedTuple):
    """A year of the list (or its undated documents): its heading's line, its first
    row, the heading."""

    line: int
    row: int
    text: str


NO_DATE = "no date"

OPEN_DELAY = 0.12
"""Seconds the cursor rests on a document before the reader opens it: holding `j`
moves through the list without building every document on the way."""


class Sidebar(ScrollView, can_focus=True):
    """Documents grouped by year, two lines each: date and place, then a short title."""

    BINDING_GROUP_TITLE = "Documents"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next document", show=False),
        Binding("k,up", "cursor_up", "Previous document", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First document", show=False),
        Binding("G,end", "last", "Last document", show=False),
        Binding("enter", "open", "Open document", show=False),
        Binding("Y", "jump('year', 1)", "Next year", id="next_year", show=False),
        Binding("y", "jump('year', -1)", "Previous year", id="prev_year", show=False),
        Binding("greater_than_sign", "jump('month', 1)", "Next month", id="next_month", show=False),
        Binding(
            "less_than_sign", "jump('month', -1)", "Previous month", id="prev_month", show=False
        ),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("O", "reverse_order", "Reverse order", id="reverse_order"),
        # The main screen binds it too, without a description, so that it works from
        # the reader as well and is listed once, here.
        Binding("H", "recent", "Recent meetings, where you stopped", id="recent", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sidebar--group",
        "sidebar--date",
        "sidebar--place",
        "sidebar--title",
        "sidebar--marks",
        "sidebar--cursor",
        "sidebar--cursor-blurred",
    }

    cursor: reactive[int] = reactive(0, init=False)
    """Position of the highlighted document in the current order."""
    newest_first: reactive[bool] = reactive(False, init=False)
    marked: reactive[str | None] = reactive(None, init=False)
    """The document marked with `c` to compare with the next one `c` is pressed on."""

    @dataclass
    class CompareRequested(Message):
        """Compare the marked document (left) with the one under the cursor (right)."""

        left: str
        right: str

    @dataclass
    class Marked(Message):
        """A document marked to compare with the next one `c` is pressed on."""

        document: str

    class RecentRequested(Message):
        """List the meetings read last."""

    def __init__(
        self,
        documents: tuple[Summary, ...],
        *,
        start_on: str | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._documents = documents
        self._order: list[Summary] = []
        self._dated = 0
        """How many of the rows are dated (the first ones)."""
        self._rows_by_id: dict[str, int] = {}
        """Each listed document's row, by id, once asked for (`_row_id`)."""
        self._groups: list[_Group] = []
        self._group_lines: list[int] = []
        """Each group's heading line, for bisection."""
        self._group_rows: list[int] = []
        """Each group's first row, for bisection."""
        self._line_count = 0
        self._cache: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        """Each part's style, kept until the styles change: working one out walks the
        widget's ancestors, two thirds of drawing a line."""
        self._open_timer: Timer | None = None
        self._opens = True
        """Whether moving the cursor opens the document it lands on (not when whoever
        moves it shows the document itself: `select`)."""
        self._moved = False
        """Whether the cursor was moved since the list was made."""
        self._counts: dict[str, tuple[int, int]] = {}
        """Bookmarks and notes per document id."""
        self._start_on = start_on
        self._start_summary: Summary | None = None
        """The document to start on, once listed."""
        """The document the cursor starts on, once listed (the one open when dossier
        last quit); the first one if it is not."""
        self._arrange()
        self.set_reactive(Sidebar.cursor, self._start_row())

    @property
    def rows(self) -> int:
        """How many documents are listed."""
        return len(self._order)

    @property
    def order(self) -> tuple[Summary, ...]:
        """The documents as listed."""
        return tuple(self._order)

    @property
    def current(self) -> Summary | None:
        return self._order[self.cursor] if self._order else None

    def _start_row(self) -> int:
        if self._start_summary is not None:
            return self._row(self._start_summary) or 0
        row = self._row_id(self._start_on) if self._start_on else None
        if row is None:
            return 0
        self._start_summary = self._order[row]
        return row

    def _arrange(self) -> None:
        """List `_documents` (sorted by date, undated last: `Library.summaries`) in the
        current order, a heading above each year. No line is made: a line's part and
        row follow from the years' first rows, found by bisection, so that listing
        100,000 documents costs a copy of the list (it took 0.2 s, making 200,000
        lines)."""
        documents = self._documents
        dated_count = len(documents)
        while dated_count and documents[dated_count - 1].date.value is None:
            dated_count -= 1
        order = list(documents[:dated_count])
        if self.newest_first:
            order.reverse()
        order += documents[dated_count:]
        self._order = order
        self._dated = dated_count
        self._rows_by_id.clear()
        self._groups = groups = list[_Group]()
        row = 0
        while row < len(order):
            end = self._run("year", row)[1]
            value = order[row].date.value
            text = str(value.year) if value is not None and row < dated_count else NO_DATE
            groups.append(_Group(row * 2 + len(groups), row, text))
            row = end
        self._group_lines = [group.line for group in groups]
        self._group_rows = [group.row for group in groups]
        self._line_count = len(order) * 2 + len(groups)
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self._line_count)

    def _run(self, unit: str, row: int) -> tuple[int, int]:
        """The rows around `row` of its year (`unit` "year") or month: from the first to
        the one after the last. The undated documents are one."""
        if row >= self._dated:
            return self._dated, len(self._order)
        sign = -1 if self.newest_first else 1

        def key(summary: Summary) -> int:
            value = summary.date.value
            assert value is not None
            return sign * (value.year if unit == "year" else value.year * 12 + value.month)

        order, at = self._order, key(self._order[row])
        return (
            bisect.bisect_left(order, at, 0, row, key=key),
            bisect.bisect_left(order, at + 1, row, self._dated, key=key),
        )

    def _line(self, number: int) -> tuple[_Part, int]:
        """What the list's line `number` shows: a year's heading (and the year's index)
        or a document's date or title line (and its row)."""
        group = bisect.bisect_right(self._group_lines, number) - 1
        offset = number - self._group_lines[group] - 1
        if offset < 0:
            return _Part.GROUP, group
        row = self._group_rows[group] + offset // 2
        return (_Part.DATE if offset % 2 == 0 else _Part.TITLE), row

    def _first_line(self, row: int) -> int:
        """The line number of `row`'s date line."""
        group = bisect.bisect_right(self._group_rows, row) - 1
        return self._group_lines[group] + 1 + 2 * (row - self._group_rows[group])

    def _row(self, summary: Summary) -> int | None:
        """The row of `summary`'s document, if it is listed: found by bisection where
        its date puts it, by id if its date changed (not a dict of 100,000 ids made
        again each time more are listed)."""
        documents = self._documents
        at = bisect.bisect_left(documents, summary.sort_key, key=_sort_key)
        if at < len(documents) and documents[at].id == summary.id:
            return self._dated - 1 - at if self.newest_first and at < self._dated else at
        return self._row_id(summary.id)

    def _row_id(self, doc_id: str) -> int | None:
        """The row of the document `doc_id`, if it is listed (the rows by id are worked
        out when first asked for, not each time the list is)."""
        if not self._rows_by_id and self._order:
            self._rows_by_id = {doc.id: row for row, doc in enumerate(self._order)}
        return self._rows_by_id.get(doc_id)

    def show_documents(self, documents: tuple[Summary, ...]) -> None:
        """List `documents` instead (more came in, or a reload changed them): the same
        document stays under the cursor, at the same height on screen."""
        if documents is self._documents:
            return
        current = self.current
        height = self._first_line(self.cursor) - self.scroll_offset.y if self._order else 0
        self._documents = documents
        self._arrange()
        row = (self._row(current) or 0) if current is not None else 0
        if not self._moved:
            # Nobody moved the cursor yet: it stays on the first document (or the one
            # to start on), whichever that is now, and the reader follows once the list
            # settles.
            row = self._start_row()
            if current is not None and self._order and self._order[row].id != current.id:
                self._open_soon()
        self.set_reactive(Sidebar.cursor, self.validate_cursor(row))
        if self._order:
            self.scroll_to(
                y=max(0, self._first_line(self.cursor) - height), animate=False, immediate=True
            )
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self._line_count)

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._styles.clear()

    def render_line(self, y: int) -> Strip:
        number = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if number >= self._line_count:
            return Strip.blank(width, self.rich_style)
        part, at = self._line(number)
        selected = part is not _Part.GROUP and at == self.cursor
        key = (number, width, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(part, at, width, selected)
            self._cache[key] = strip
        return strip.crop(self.scroll_offset.x, self.scroll_offset.x + width)

    def _draw(self, part: _Part, at: int, width: int, selected: bool) -> Strip:
        """Line of `part` of the group or row `at`."""
        segments: list[Segment]
        if part is _Part.GROUP:
            text = self._groups[at].text
            segments = [Segment(fit(f" {text}", width), self._style("sidebar--group"))]
        elif part is _Part.DATE:
            document = self._order[at]
            # The document marked for comparison: a sign, not only a colour (NO_COLOR).
            mark = "⇄" if document.id == self.marked else " "
            date = fit(f"{mark}{_date_text(document)}", width)
            marks = fit(self._marks_text(at), width - cell_len(date))
            segments = [
                Segment(date, self._style("sidebar--date")),
                Segment(
                    fit(f"  {document.place or ''}", width - cell_len(date) - cell_len(marks)),
                    self._style("sidebar--place"),
                ),
            ]
            if marks:
                room = width - sum(cell_len(segment.text) for segment in segments)
                segments.append(Segment(marks.rjust(room), self._style("sidebar--marks")))
        else:
            title = self._order[at].short_title
            segments = [Segment(fit(f"   {title}", width), self._style("sidebar--title"))]
        strip = Strip(segments).adjust_cell_length(width, self.rich_style)
        if not selected:
            return strip
        return with_cursor(self, strip, "sidebar--cursor")

    def _marks_text(self, row: int) -> str:
        """`★2 ✎3 `: the document's bookmarks and notes, or "" when it has none."""
        bookmarks, notes = self._counts.get(self._order[row].id, (0, 0))
        parts = ([f"★{bookmarks}"] if bookmarks else []) + ([f"✎{notes}"] if notes else [])
        return f" {' '.join(parts)} " if parts else ""

    def show_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        """Bookmarks and notes per document id, shown on each document's date line."""
        if counts != self._counts:
            self._counts = dict(counts)
            self._cache.clear()
            self.refresh()

    def _style(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            style = self.rich_style + self.get_component_rich_style(component, partial=True)
            self._styles[component] = style
        return style

    def on_mount(self) -> None:
        self.action_open()
        if self.cursor:
            self.call_after_refresh(self._scroll_to_cursor)

    def watch_newest_first(self) -> None:
        current = self.current
        self._arrange()
        # Keep the same document highlighted after the flip.
        self.set_reactive(Sidebar.cursor, (self._row(current) or 0) if current else 0)
        self._scroll_to_cursor()
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._order) - 1)) if self._order else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._moved = True
        self._refresh_row(old)
        self._refresh_row(new)
        if self._order:
            self._scroll_to_cursor()
            if self._opens:
                self._open_soon()

    def _open_soon(self) -> None:
        if self._open_timer is not None:
            self._open_timer.stop()
        self._open_timer = self.set_timer(OPEN_DELAY, self.action_open)

    def _scroll_to_cursor(self) -> None:
        first = self._first_line(self.cursor)
        # Show the year header too when the cursor is on the group's first row.
        top = first - 1 if first > 0 and self._line(first - 1)[0] is _Part.GROUP else first
        self.scroll_to_region(
            Region(0, top, 1, first + 2 - top), animate=False, force=True, immediate=True
        )

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._order):
            first = self._first_line(row) - self.scroll_offset.y
            self.refresh(Region(0, first, self.size.width, 2))

    def select(self, doc_id: str, *, opens: bool = True) -> None:
        """Move the cursor to the document `doc_id`, if it is listed; open it in the
        reader only if `opens` (not when the caller shows it there itself)."""
        if not opens and self._open_timer is not None:
            self._open_timer.stop()  # whatever the cursor was on is not opened either
            self._open_timer = None
        row = self._row_id(doc_id)
        if row is not None:
            self._opens = opens
            try:
                self.cursor = row
            finally:
                self._opens = True

    def on_click(self, event: events.Click) -> None:
        number = self.scroll_offset.y + event.y
        if 0 <= number < self._line_count:
            part, row = self._line(number)
            if part is not _Part.GROUP:
                self.cursor = row

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height // 2)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height // 2)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._order) - 1

    def action_jump(self, unit: str, step: int) -> None:
        """To the first document of the next (`step` 1) or previous (-1) year or month
        in the list's order."""
        if not self._order:
            return
        start, end = self._run(unit, self.cursor)
        if step > 0:
            row = end if end < len(self._order) else self.cursor
        else:
            row = self._run(unit, start - 1)[0] if start > 0 else self.cursor
        self.cursor = row

    def action_open(self) -> None:
        if self._open_timer is not None:
            self._open_timer.stop()
            self._open_timer = None
        if self.current is not None:
            self.post_message(DocumentSelected(self.current.id))

    def watch_marked(self) -> None:
        self._cache.clear()
        self.refresh()

    def action_compare(self) -> None:
        current = self.current
        if current is None:
            return
        if self.marked is None:
            self.marked = current.id
            self.post_message(self.Marked(current.id))
            self.notify(
                f"Marked {current.date.iso or 'undated'} {current.place or ''} for comparison. "
                "Move to another meeting and press c again to compare them (c here unmarks).",
                timeout=6,
            )
        elif self.marked == current.id:
            self.marked = None
            self.notify("Comparison mark removed", timeout=2)
        else:
            self.post_message(self.CompareRequested(self.marked, current.id))
            self.marked = None

    def action_recent(self) -> None:
        self.post_message(self.RecentRequested())

    def action_reverse_order(self) -> None:
        self.newest_first = not self.newest_first
        self.notify("Newest first" if self.newest_first else "Oldest first", timeout=2)


def _sort_key(summary: Summary) -> tuple[dt.date, str]:
    return summary.sort_key


def _date_text(document: Summary) -> str:
    """The date a row shows: `2010-06-11`, with `?` if it is no meeting's (a
    publication's, a file's), or NO_DATE."""
    date = document.date
    if date.value is None:
        return NO_DATE
    return date.value.isoformat() + ("?" if date.confidence is Confidence.SCRAPED else "")
