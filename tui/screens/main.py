"""The main screen: document list on the left, reader on the right."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, HorizontalGroup
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from tui.corpus.clean import visible
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.corpus.state import QueryBox, ReadingState, paragraph_of, place_in
from tui.document.marks import Hit, Marks
from tui.messages import DocumentSelected
from tui.screens.fit import FitsTerminal
from tui.widgets.footer import DossierFooter
from tui.widgets.reader import Reader, document_topics
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

LIST_EVERY = 0.5
"""Seconds between two listings of the documents while they are being read."""
LIST_SHARE = 5
"""While loading, the list is made again after at least this many times what making
it took the last time."""


class MainScreen(FitsTerminal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch pane", id="switch_pane"),
        # Reached only when the reader has no use for Escape (its find bar is closed).
        Binding("escape", "back", "Back", id="back"),
        # For the reader; the sidebar's own `H` describes it (F1, the palette).
        Binding("H", "recent", id="recent", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared without ClassVar in Screen)
        (0, "-narrow"),
        (100, "-wide"),
    ]

    class MeetingLeft(Message):
        """The reader left a meeting for another; its place is noted, to be written."""

    back_to: reactive[str | None] = reactive(None, init=False)
    """The view (an installed screen's name: search, notes, kwic...) the reader's
    paragraph was chosen in, so that Escape goes back to it."""

    def __init__(self, library: Library, reading: ReadingState) -> None:
        """`reading`: where the reader was in each meeting, kept here as it moves."""
        super().__init__()
        self.library = library
        self.reading = reading
        self._focus_reader_on = reading.current
        """The meeting open when dossier last quit: once it is shown again, the reader
        has the keys, as it had then."""
        self._focus_on_resume = False
        self._notes: tuple[Marks, dict[str, tuple[int, int]]] = ({}, {})
        """Bookmarks and notes to mark, and their counts per document."""
        self._listed_at = 0.0
        self._listing_took = 0.0
        """How long the list took to make the last time."""
        self._busy: str | None = None
        self._list_timer: Timer | None = None
        self._loading: tuple[Static, ProgressBar] | None = None
        """The busy line's text and bar, once there was something to say."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield Sidebar(self.library.summaries, start_on=self.reading.current, id="sidebar")
            yield Reader(
                self.library.matcher,
                saved_place=self._saved_place,
                find_history=self.reading.queries[QueryBox.FIND],
                id="reader",
            )
        # The palette's ctrl+p is in the help screen; the footer needs the room at 80 columns.
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Sidebar).focus()
        self.busy(self._busy)
        self._mark_notes()

    def documents_changed(self, done: int, total: int) -> None:
        """The library grew or changed: list its documents again; show how far the load
        is while `done` < `total`. While loading, the list is made again at most every
        LIST_EVERY seconds: listing 10,000 documents takes tens of milliseconds, and
        batches come every tenth of a second."""
        loading = done < total
        self.busy(f"Loading {done:,} of {total:,} documents" if loading else None, (done, total))
        if self._list_timer is not None:
            self._list_timer.stop()
            self._list_timer = None
        # Never more than a fifth of the time listing: at 100,000 documents one listing
        # takes a tenth of a second or more.
        every = max(LIST_EVERY, LIST_SHARE * self._listing_took)
        wait = self._listed_at + every - time.monotonic()
        if loading and wait > 0 and self.query_one(Sidebar).rows:
            self._list_timer = self.set_timer(wait, self._list_documents)
        else:
            self._list_documents()

    def busy(self, what: str | None, progress: tuple[int, int] | None = None) -> None:
        """Say what takes a while (the folder being read, the index being made) above
        the footer, with a bar: how far, given (done, total), else a pulse. None: done."""
        self._busy = what
        if not self.is_mounted:
            return  # on_mount shows it
        self.set_class(what is not None, "-loading")
        if what is not None:
            text, bar = self._loading_line()
            text.update(f"{visible(what)} ")
            done, total = progress or (0, None)
            bar.update(total=total, progress=done)

    def _loading_line(self) -> tuple[Static, ProgressBar]:
        """The busy line, mounted above the footer the first time there is something to
        say: a start on a small folder has nothing, and draws its first frame without."""
        if self._loading is None:
            from textual.widgets import ProgressBar

            text = Static(id="loading-text", markup=False)
            bar = ProgressBar(id="loading-bar", show_eta=False, show_percentage=False)
            line = HorizontalGroup(text, bar, id="loading")
            self.mount(line, before=self.query_one(DossierFooter))
            self._loading = (text, bar)
        return self._loading

    def _list_documents(self) -> None:
        self._list_timer = None
        started = time.monotonic()
        sidebar = self.query_one(Sidebar)
        sidebar.show_documents(self.library.summaries)
        self._listed_at = time.monotonic()
        self._listing_took = self._listed_at - started
        reader = self.query_one(Reader)
        shown = reader.document
        if shown is not None and self.library.get(shown.id) != shown:
            # Changed on disk (a reload), or gone: show what is there now.
            reader.document = self.library.get(shown.id)
        if reader.document is None:
            # After the list is on screen: building the first document takes a while.
            self.call_after_refresh(sidebar.action_open)

    def show_notes(self, marks: Marks, counts: dict[str, tuple[int, int]]) -> None:
        """Mark bookmarks and notes in the reader, count them in the sidebar."""
        self._notes = (marks, counts)
        if self.is_mounted:
            self._mark_notes()

    def _mark_notes(self) -> None:
        marks, counts = self._notes
        self.query_one(Reader).show_marks(marks)
        self.query_one(Sidebar).show_counts(counts)

    def open_paragraph(
        self, doc_id: str, paragraph: int, hits: tuple[Hit, ...] = (), topic: str | None = None
    ) -> None:
        """Show the document at `paragraph`, with `hits` (a search's) highlighted, the
        reader focused and following `topic` if the document has it."""
        self.query_one(Sidebar).select(doc_id, opens=False)
        reader = self.query_one(Reader)
        document = self.library.by_id(doc_id)
        if hits:
            reader.show_hits(document, hits, paragraph)
        else:
            reader.go_to(document, paragraph)
        if topic in document_topics(document):
            reader.topic = topic
        self.set_focus(reader)
        # Shown again after a view, the screen gives the focus back to what had it when
        # the view was opened (the sidebar, often): the reader must have it after that.
        self._focus_on_resume = not self.is_current

    def on_screen_resume(self) -> None:
        if self._focus_on_resume:
            self._focus_on_resume = False
            self.set_focus(self.query_one(Reader))

    @on(DocumentSelected)
    def _show(self, message: DocumentSelected) -> None:
        self.query_one(Reader).document = self.library.get(message.doc_id)
        if message.doc_id == self._focus_reader_on:
            self._focus_reader_on = None
            self.set_focus(self.query_one(Reader))

    # -- reading places --------------------------------------------------------------

    def _saved_place(self, document: Document) -> int | None:
        """Where `document` was left in an earlier run, found again by its text."""
        anchor = self.reading.place_of(document.id)
        return None if anchor is None else paragraph_of(anchor, document)

    def keep_place(self) -> None:
        """Note where the reader is now as the newest place."""
        if not self.is_mounted:
            return
        reader = self.query_one(Reader)
        document = reader.document
        if document is not None and 0 <= reader.paragraph < len(document.paragraphs):
            self.reading.read_at(place_in(document, reader.paragraph))

    @on(Reader.Left)
    def _left(self, message: Reader.Left) -> None:
        if message.paragraph < len(message.document.paragraphs):
            self.reading.read_at(place_in(message.document, message.paragraph))
            self.post_message(self.MeetingLeft())

    @on(Reader.JumpRequested)
    def _jump(self, message: Reader.JumpRequested) -> None:
        if self.library.get(message.doc_id) is None:
            self.notify("The meeting of the last jump is gone from the folder", timeout=3)
        else:
            self.open_paragraph(message.doc_id, message.paragraph)

    @on(Sidebar.RecentRequested)
    def _recent_requested(self) -> None:
        self.action_recent()

    def action_recent(self) -> None:
        from tui.screens.recent import RecentScreen  # a start has no use for it

        self.keep_place()
        stops = [
            (document, paragraph_of(anchor, document))
            for anchor in self.reading.recent()
            if (document := self.library.get(anchor.doc)) is not None and document.paragraphs
        ]
        shown = self.query_one(Reader).document
        self.app.push_screen(RecentScreen(stops, shown.id if shown else None), self._recent_picked)

    def _recent_picked(self, stop: tuple[Document, int] | None) -> None:
        reader = self.query_one(Reader)
        if stop is None or stop[0] is reader.document:
            return
        document, paragraph = stop
        self.open_paragraph(document.id, paragraph)

    def watch_back_to(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.back_to is not None
        return True

    async def action_back(self) -> None:
        if self.back_to == "search":
            await self.app.run_action("search")  # which also puts the keys in the query
        elif self.back_to is not None:
            await self.app.push_screen(self.back_to)

    def action_switch_pane(self) -> None:
        # Synchronous, unlike `focus()`: the keys after Tab in a burst go to the new pane.
        sidebar = self.query_one(Sidebar)
        self.set_focus(self.query_one(Reader) if sidebar.has_focus else sidebar)
