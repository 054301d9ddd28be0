"""Every note and bookmark across the meetings: filter, sort, open, edit, delete, export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.corpus.anchor import AnchorStatus, Placement
from tui.corpus.library import Library
from tui.corpus.notes import Kind, Note
from tui.messages import (
    NoteDeleteRequested,
    NoteEditRequested,
    NotesExportRequested,
    ParagraphChosen,
)
from tui.screens.fit import FitsTerminal
from tui.screens.view import close_view
from tui.widgets.footer import DossierFooter
from tui.widgets.notes_list import NoteRow, NotesList, filter_rows, note_rows, sort_rows

PLACEHOLDER = "/ filters: words  #tag  a meeting's date, place, title words or id"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


class NotesScreen(FitsTerminal[None]):
    """Notes and bookmarks of every meeting, newest first or by meeting.

    The app installs it once, so the filter, the order and the highlighted entry are
    still there when the user comes back from the reader."""

    STYLES = ("notes.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="notes_edit"),
        Binding("d", "delete", "Delete", id="notes_delete"),
        Binding("o", "order", "Order", id="notes_order"),
        Binding("x", "export", "Export", id="notes_export"),
        # Priority, as the reader's find: the rest of a burst (`/#sum` over SSH) must
        # reach the filter, which a binding run after the whole burst is too late for.
        Binding("slash", "filter", "Filter", id="notes_filter", priority=True),
        Binding("escape", "back", "Back", id="notes_back"),
        # From the filter: the arrow takes the keys to the list, as Enter does.
        Binding("down", "to_list", "To the list", show=False),
    ]

    kind: reactive[Kind | None] = reactive(None, init=False)
    """Only bookmarks (`M`), or everything (`A`)."""
    by_meeting: reactive[bool] = reactive(False, init=False)
    """In the sidebar's order of meetings, rather than newest first."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._rows: list[NoteRow] = []
        self._stale = False
        """Whether the entries changed since they were last listed."""

    def compose(self) -> ComposeResult:
        yield Static(id="notes-heading", markup=False)
        yield Input(placeholder=PLACEHOLDER, id="notes-filter", select_on_focus=False)
        yield Static(id="notes-status", markup=False)
        yield NotesList(id="notes-list")
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show()
        self.set_focus(self._list)

    @property
    def _list(self) -> NotesList:
        return self.query_one("#notes-list", NotesList)

    @property
    def _filter(self) -> Input:
        return self.query_one("#notes-filter", Input)

    @property
    def shown(self) -> tuple[NoteRow, ...]:
        """The rows listed now, in their order."""
        return self._list.items if self.is_mounted else ()

    def show_entries(self, placed: Sequence[tuple[Note, Placement]]) -> None:
        """Take the app's current notes and bookmarks, each with where it belongs.
        Listed now if the screen is shown, else when it is shown again."""
        self._rows = note_rows(placed, self.library)
        self._stale = True
        if self.is_current:
            self._show()

    def on_screen_resume(self) -> None:
        if self._stale:
            self._show()

    def select(self, note_id: str) -> None:
        """Highlight the entry `note_id` if it is listed (one brought back by undo)."""
        if self.is_current:
            self._show(note_id)

    def _show(self, select: str | None = None) -> None:
        self._stale = False
        notes_list = self._list
        current = notes_list.highlighted_item
        rows = [row for row in self._rows if self.kind is None or row.note.kind is self.kind]
        rows = sort_rows(filter_rows(rows, self._filter.value), by_meeting=self.by_meeting)
        keep = select or (current.note.id if current else None)
        notes_list.show_rows(rows, keep, notes_list.cursor if current else None)
        self._update_status(len(rows))

    def _update_status(self, shown: int) -> None:
        notes = sum(1 for row in self._rows if row.note.kind is Kind.NOTE)
        bookmarks = len(self._rows) - notes
        orphans = sum(1 for row in self._rows if row.placement.status is AnchorStatus.ORPHANED)
        what = "Bookmarks" if self.kind is Kind.BOOKMARK else "Notes and bookmarks"
        counts = _count(bookmarks, "bookmark")
        if self.kind is None:
            counts = f"{_count(notes, 'note')}, {counts}"
        if orphans:
            counts += f" ({orphans} orphaned)"
        self.query_one("#notes-heading", Static).update(
            Content.assemble((what, "bold"), f" · {counts}")
        )
        order = "by meeting" if self.by_meeting else "newest first"
        total = bookmarks if self.kind is Kind.BOOKMARK else len(self._rows)
        if not total:
            status = (
                "No bookmarks yet: in the reader, m bookmarks the paragraph."
                if self.kind is Kind.BOOKMARK
                else "Nothing yet: in the reader, m bookmarks the paragraph and a adds a note."
            )
        elif not shown:
            status = f"Nothing matches the filter ({total} in all) · Esc, then / to change it"
        else:
            listed = f"{shown} of {total}" if shown < total else f"{total}"
            status = f"{listed} listed, {order} (o) · Enter opens in the reader"
        self.query_one("#notes-status", Static).update(status)

    def watch_kind(self) -> None:
        if self.is_mounted:
            self._show()

    def watch_by_meeting(self) -> None:
        if self.is_mounted:
            self._show()

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#notes-filter")
    def action_to_list(self) -> None:
        self.set_focus(self._list)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_list":
            return self.focused is self._filter
        if action == "filter":
            # In the filter a `/` is a character to filter by.
            return self.focused is not self._filter
        return True

    def _highlighted(self) -> NoteRow | None:
        row = self._list.highlighted_item
        if row is None:
            self.notify("No note or bookmark to act on", timeout=2)
        return row

    @on(NotesList.Chosen)
    def _open(self, message: NotesList.Chosen) -> None:
        row = message.row
        document = row.document
        if document is None:
            self.notify(
                f"{row.note.anchor.doc} is not in the corpus: its paragraph cannot be shown",
                severity="warning",
            )
            return
        paragraph = min(row.paragraph, len(document.paragraphs) - 1)
        if row.placement.status is AnchorStatus.ORPHANED:
            self.notify(
                f"Orphaned ({row.placement.why}): showing ¶{paragraph}, where it was",
                severity="warning",
            )
        self.post_message(ParagraphChosen(document.id, paragraph))

    def action_edit(self) -> None:
        row = self._highlighted()
        if row is None:
            return
        if row.note.kind is Kind.BOOKMARK:
            self.notify("A bookmark has no text: Enter opens it, a writes a note there")
            return
        self.post_message(
            NoteEditRequested(
                row.note.anchor.doc, row.paragraph, row.note.anchor.quote, row.note.id
            )
        )

    def action_delete(self) -> None:
        row = self._highlighted()
        if row is not None:
            self.post_message(NoteDeleteRequested(row.note.id))

    def action_order(self) -> None:
        self.by_meeting = not self.by_meeting

    def action_export(self) -> None:
        self.post_message(NotesExportRequested())

    def action_filter(self) -> None:
        self.set_focus(self._filter)

    def action_back(self) -> None:
        if self.focused is self._filter:
            self.set_focus(self._list)
        else:
            close_view(self)
