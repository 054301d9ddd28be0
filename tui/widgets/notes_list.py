"""The list of notes and bookmarks: what each is on, whether it still finds its
paragraph, its quote and its text; filtered by words, `#tags` and meetings."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
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

from tui.corpus.anchor import AnchorStatus, Placement
from tui.corpus.clean import folded_line
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.corpus.notes import Kind, Note
from tui.document.marks import BOOKMARK_GLYPH, NOTE_GLYPH
from tui.widgets.sidebar import fit, with_cursor


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note or bookmark with where it belongs now and its meeting (None: gone)."""

    note: Note
    placement: Placement
    document: Document | None
    order: int
    """The meeting's place in the sidebar's order (meetings not in the corpus last)."""

    @property
    def paragraph(self) -> int:
        """The paragraph to show: where it belongs now, else where it was."""
        if self.placement.paragraph is not None:
            return self.placement.paragraph
        return self.note.anchor.paragraph

    def haystack(self) -> str:
        """What words of a filter are looked for in: text, quote, tags, kind, status
        and the meeting's id, date, place and title."""
        note, document = self.note, self.document
        parts = [
            note.text,
            note.anchor.quote,
            " ".join(note.tags),
            note.kind.value,
            self.placement.status.value,
            note.anchor.doc,
        ]
        if document is not None:
            parts += [document.date.iso or "", document.place or "", document.title]
        return " ".join(parts).casefold()


def note_rows(placed: Iterable[tuple[Note, Placement]], library: Library) -> list[NoteRow]:
    order = {summary.id: number for number, summary in enumerate(library.summaries)}
    return [
        NoteRow(note, where, library.get(note.anchor.doc), order.get(note.anchor.doc, len(order)))
        for note, where in placed
    ]


def sort_rows(rows: Iterable[NoteRow], *, by_meeting: bool) -> list[NoteRow]:
    """Newest first, or in the sidebar's order of meetings and then by paragraph."""
    if by_meeting:
        return sorted(rows, key=lambda row: (row.order, row.paragraph, row.note.created))
    return sorted(rows, key=lambda row: (row.note.created, row.note.id), reverse=True)


def filter_rows(rows: Iterable[NoteRow], query: str) -> list[NoteRow]:
    """The rows with every word of `query`: `#word` a tag starting with it, any other
    word anywhere in the note, its quote or its meeting (case ignored)."""
    words = query.casefold().split()
    tags = [word[1:] for word in words if word.startswith("#") and len(word) > 1]
    plain = [word for word in words if not word.startswith("#")]
    kept = []
    for row in rows:
        own_tags = [tag.casefold() for tag in row.note.tags]
        if not all(any(tag.startswith(want) for tag in own_tags) for want in tags):
            continue
        haystack = row.haystack()
        if all(word in haystack for word in plain):
            kept.append(row)
    return kept


def status_content(placement: Placement) -> Content:
    """The anchor status in words, with why when it is not in place."""
    if placement.status is AnchorStatus.ANCHORED:
        return Content.styled("anchored", "dim")
    style = "bold" if placement.status is AnchorStatus.MOVED else "bold reverse"
    # The reason quotes the notes file (`… is not in the corpus`).
    return Content.assemble((f"{placement.status.value}", style), f": {folded_line(placement.why)}")


def row_lines(row: NoteRow, width: int) -> list[Content]:
    """The lines of a row, each cut to `width`: kind, meeting, ¶ and anchor status
    (the title cut to fit); the quote; for a note, its text and tags."""
    note, document = row.note, row.document
    glyph, kind = (
        (BOOKMARK_GLYPH, "Bookmark") if note.kind is Kind.BOOKMARK else (NOTE_GLYPH, "Note")
    )
    where = f"¶{row.paragraph}" if row.placement.paragraph is not None else f"was ¶{row.paragraph}"
    tail = Content.assemble(f"  {where}  ", status_content(row.placement))
    if document is not None:
        date = document.date.iso or "undated"
        used = 11 + len(date) + 2 + tail.cell_length
        title = fit(document.short_title, max(10, width - used))
        meeting = Content.assemble((date, "bold"), "  ", (title, "italic"))
    else:
        meeting = Content.assemble((folded_line(note.anchor.doc), "bold"), " (not in the corpus)")
    lines = [
        Content.assemble((f"{glyph} {kind:<8}", "bold"), " ", meeting, tail),
        Content.styled(f"  “{fit(folded_line(note.anchor.quote), max(10, width - 4))}”", "dim"),
    ]
    if note.kind is Kind.NOTE:
        tags = " ".join(f"#{folded_line(tag)}" for tag in note.tags)
        room = max(10, width - 3 - (len(tags) + 2 if tags else 0))
        lines.append(
            Content.assemble("   ", fit(folded_line(note.text), room), ("  " + tags, "italic"))
        )
    return [line.truncate(width, ellipsis=True) for line in lines]


def row_height(row: NoteRow) -> int:
    return 3 if row.note.kind is Kind.NOTE else 2


class NotesList(ScrollView, can_focus=True):
    """Notes and bookmarks, two or three lines each, drawn line by line: only the rows
    on screen are drawn, so ten thousand notes list as fast as ten."""

    BINDING_GROUP_TITLE = "Notes"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next note", show=False),
        Binding("k,up", "move(-1)", "Previous note", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First note", show=False),
        Binding("G,end", "last", "Last note", show=False),
        Binding("enter", "choose", "Open in the reader", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"notes-list--cursor", "notes-list--cursor-blurred"}

    cursor: reactive[int] = reactive(0, init=False)
    """Position of the highlighted row."""

    @dataclass
    class Chosen(Message):
        """Enter (or a click) on a row: open it."""

        row: NoteRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: tuple[NoteRow, ...] = ()
        self._starts: list[int] = [0]
        """The first line of each row, and after the last one the number of lines."""
        self._cache: LRUCache[tuple[int, int, bool, bool], list[Strip]] = LRUCache(256)

    @property
    def items(self) -> tuple[NoteRow, ...]:
        return self._rows

    @property
    def highlighted_item(self) -> NoteRow | None:
        return self._rows[self.cursor] if self._rows else None

    def show_rows(self, rows: Sequence[NoteRow], keep: str | None, near: int | None) -> None:
        """Show `rows`, the cursor on the entry with id `keep` if it is there, else at
        position `near` (where a deleted entry was), else on the first."""
        self._rows = tuple(rows)
        self._starts = list(accumulate((row_height(row) for row in rows), initial=0))
        ids = [row.note.id for row in rows]
        cursor = ids.index(keep) if keep in ids else near if near is not None else 0
        self._redraw()
        self.set_reactive(NotesList.cursor, self.validate_cursor(cursor))
        if keep not in ids and near is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()

    def _redraw(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, self._starts[-1])
        self.refresh()

    def on_resize(self) -> None:
        self._redraw()

    def on_focus(self) -> None:
        self._redraw()

    def on_blur(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        number = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if number >= self._starts[-1]:
            return Strip.blank(width, self.rich_style)
        index = bisect_right(self._starts, number) - 1
        selected = index == self.cursor
        key = (index, width, selected, self.has_focus)
        strips = self._cache.get(key)
        if strips is None:
            strips = self._draw(self._rows[index], width, selected)
            self._cache[key] = strips
        return strips[number - self._starts[index]]

    def _draw(self, row: NoteRow, width: int, selected: bool) -> list[Strip]:
        # A cell of margin on each side, as in the other lists.
        lines = [Content(" ") + line for line in row_lines(row, width - 2)]
        strips = [
            Strip(line.render_segments(self.visual_style)).adjust_cell_length(
                width, self.rich_style
            )
            for line in lines
        ]
        if not selected:
            return strips
        # Reverse (from the cursor's style) keeps the row visible with NO_COLOR.
        return [with_cursor(self, strip, "notes-list--cursor") for strip in strips]

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self._rows):
                top = self._starts[index] - self.scroll_offset.y
                self.refresh(Region(0, top, self.size.width, row_height(self._rows[index])))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self._rows:
            top = self._starts[self.cursor]
            height = self._starts[self.cursor + 1] - top
            self.scroll_to_region(
                Region(0, top, 1, height), animate=False, force=True, immediate=True
            )

    def on_click(self, event: events.Click) -> None:
        number = self.scroll_offset.y + event.y
        if 0 <= number < self._starts[-1]:
            index = bisect_right(self._starts, number) - 1
            if index == self.cursor and event.chain > 1:
                self.action_choose()
            self.cursor = index

    def action_move(self, step: int) -> None:
        self.cursor += step

    def action_page(self, direction: int) -> None:
        lines = max(1, self.scrollable_content_region.height - 1)
        target = self._starts[self.cursor] + direction * lines
        self.cursor = max(0, bisect_right(self._starts, max(0, target)) - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_choose(self) -> None:
        if self._rows:
            self.post_message(self.Chosen(self._rows[self.cursor]))
