"""Topics over time: which meetings spoke of what, and how much."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from tui.corpus.library import Library
from tui.corpus.study import first_mention, timeline
from tui.messages import ParagraphChosen
from tui.screens.fit import FitsTerminal
from tui.screens.view import close_view
from tui.widgets.footer import DossierFooter
from tui.widgets.sidebar import fit
from tui.widgets.timeline import SHADES, TimelineGrid
from tui.words import counted

LEGEND = (
    "  ".join(f"{glyph} {least}+" if least else f"{glyph} 0" for least, glyph in SHADES)
    + " paragraphs"
)


class TimelineScreen(FitsTerminal[None]):
    """Topics as rows, meetings by date as columns; Enter opens the first mention."""

    STYLES = ("study.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="timeline_close"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.table = timeline(library.tallies(), [topic.name for topic in library.config.topics])

    def compose(self) -> ComposeResult:
        matcher = self.library.matcher
        colours = {name: matcher.colour_of(name) or "" for name in self.table.topics}
        yield Static(f"Topics over time · {LEGEND}", id="timeline-legend", markup=False)
        yield TimelineGrid(self.table, colours, id="timeline-grid")
        yield Static(id="timeline-status", markup=False)
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._describe()
        self.set_focus(self.query_one(TimelineGrid))

    def on_resize(self) -> None:
        # The title is cut to the status line's width, known once laid out.
        self._describe()

    @on(TimelineGrid.Moved)
    def _describe(self) -> None:
        status = self.query_one("#timeline-status", Static)
        grid = self.query_one(TimelineGrid)
        if not self.table.meetings or not self.table.topics:
            status.update("No meetings or no topics (topics come from config.yaml)")
            return
        meeting = self.table.meetings[grid.column]
        count = self.table.counts[grid.row][grid.column]
        facts = " · ".join(filter(None, [meeting.date.iso or "undated", meeting.place]))
        said = counted(count, "paragraph") if count else "not mentioned"
        width = max(20, status.size.width - 4)
        status.update(
            Content.assemble(
                (self.table.topics[grid.row], "bold"),
                f" · {facts} · {said}",
                " · Enter opens the first mention" if count else "",
                "\n",
                (fit(meeting.short_title, width), "italic"),
            )
        )

    @on(TimelineGrid.Chosen)
    def _open(self, message: TimelineGrid.Chosen) -> None:
        meeting = self.table.meetings[message.meeting]
        topic = self.table.topics[message.topic]
        document = self.library.get(meeting.id)
        paragraph = first_mention(document, topic) if document is not None else None
        if paragraph is None:
            self.notify("This meeting does not mention the topic", timeout=2)
            return
        self.post_message(ParagraphChosen(meeting.id, paragraph, (), topic))

    def action_close(self) -> None:
        close_view(self)
