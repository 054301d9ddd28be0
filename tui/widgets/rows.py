"""A list of any length drawn line by line: one row per item, a cursor, Enter chooses.

Only the rows on screen are drawn, each once (strips are cached), so a
concordance of 100,000 lines scrolls as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.sidebar import with_cursor

RowRenderer = Callable[[int, int], Content]
"""(row, width) -> the row's text, at most one line of `width` cells."""


class RowList(ScrollView, can_focus=True):
    """Rows drawn by `render_row`; the cursor row in reverse video."""

    BINDING_GROUP_TITLE = "List"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next row", show=False),
        Binding("k,up", "move(-1)", "Previous row", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First row", show=False),
        Binding("G,end", "last", "Last row", show=False),
        Binding("enter", "choose", "Open", show=True),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rows--cursor", "rows--cursor-blurred"}

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Chosen(Message):
        """Enter on a row."""

        rows: RowList
        row: int

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a row."""

        rows: RowList
        row: int

    def __init__(
        self, render_row: RowRenderer, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._render_row = render_row
        self.count = 0
        self._cache: LRUCache[tuple[int, int, bool, bool], Strip] = LRUCache(512)

    def show_rows(self, count: int, cursor: int = 0) -> None:
        """Show `count` rows (drawn afresh), the cursor on `cursor`."""
        self.count = count
        self._cache.clear()
        self.virtual_size = Size(self.size.width, count)
        self.set_reactive(RowList.cursor, self.validate_cursor(cursor))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.cursor))

    def redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self.count)

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if row >= self.count:
            return Strip.blank(width, self.rich_style)
        selected = row == self.cursor
        key = (row, width, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            content = self._render_row(row, width)
            strip = Strip(content.render_segments(self.visual_style)).adjust_cell_length(
                width, self.rich_style
            )
            if selected:
                strip = with_cursor(self, strip, "rows--cursor")
            self._cache[key] = strip
        return strip

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.count - 1)) if self.count else 0

    def watch_cursor(self, old: int) -> None:
        for row in (old, self.cursor):
            self.refresh(Region(0, row - self.scroll_offset.y, self.size.width, 1))
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.cursor))

    def _scroll_to_cursor(self) -> None:
        self.scroll_to_region(
            Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True
        )

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if 0 <= row < self.count:
            self.cursor = row

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(1, self.size.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.count - 1

    def action_choose(self) -> None:
        if self.count:
            self.post_message(self.Chosen(self, self.cursor))
