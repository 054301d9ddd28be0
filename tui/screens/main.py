"""The main screen: document list on the left, reader on the right."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from tui.corpus.library import Library
from tui.messages import DocumentSelected
from tui.widgets.footer import DossierFooter
from tui.widgets.reader import Hit, Reader
from tui.widgets.sidebar import Sidebar

MIN_WIDTH = 40
MIN_HEIGHT = 10


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_pane", "Switch pane", id="switch_pane"),
        # Reached only when the reader has no use for Escape (its find bar is closed).
        Binding("escape", "back_to_search", "Back to results", id="back_to_search"),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared without ClassVar in Screen)
        (0, "-narrow"),
        (100, "-wide"),
    ]

    from_search: reactive[bool] = reactive(False, init=False)
    """Whether the reader shows a search result, so that Escape goes back to the results."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield Sidebar(self.library.documents, id="sidebar")
            yield Reader(self.library.matcher, id="reader")
        yield Static(id="too-small", markup=False)
        # The palette's ctrl+p is in the help screen; the footer needs the room at 80 columns.
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Sidebar).focus()

    @on(DocumentSelected)
    def _show(self, message: DocumentSelected) -> None:
        self.query_one(Reader).document = self.library.by_id(message.doc_id)

    def open_search_result(self, doc_id: str, paragraph: int, hits: tuple[Hit, ...]) -> None:
        """Show the document at `paragraph` with the search's `hits`, the reader focused."""
        self.query_one(Sidebar).select(doc_id)
        reader = self.query_one(Reader)
        reader.show_hits(self.library.by_id(doc_id), hits, paragraph)
        self.set_focus(reader)
        self.from_search = True

    def watch_from_search(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_search":
            return self.from_search
        return True

    async def action_back_to_search(self) -> None:
        await self.app.run_action("search")

    def action_switch_pane(self) -> None:
        sidebar = self.query_one(Sidebar)
        if sidebar.has_focus:
            self.query_one(Reader).focus()
        else:
            sidebar.focus()

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(too_small, "-too-small")
        if too_small:
            self.query_one("#too-small", Static).update(
                f"Terminal too small ({width}x{height}); need at least {MIN_WIDTH}x{MIN_HEIGHT}"
            )
