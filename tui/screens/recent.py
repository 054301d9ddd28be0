"""`H`: the meetings read last, the newest first, each with where the reader stopped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.model import Document
from tui.screens.fit import FitsTerminal
from tui.widgets.sidebar import fit
from tui.words import paragraph_place

LINE_CELLS = 72
"""Cells of each line of an entry: the list is as wide as 80 columns allow."""

Stop = tuple[Document, int]
"""A meeting and the paragraph where the reader stopped in it."""


def stop_prompt(document: Document, paragraph: int, open_now: bool) -> Content:
    """Date, place and title; under them the paragraph, by number and opening words."""
    date = document.date.iso or "no date"
    place = fit(document.place or "-", 12)
    head = f"{date:10}  {place}{' ' * (12 - cell_len(place))}  "
    mark = " (open)" if open_now else ""
    title = fit(document.short_title, LINE_CELLS - cell_len(head) - len(mark))
    where = f"  {paragraph_place(paragraph, len(document.paragraphs))}  "
    words = fit(document.paragraphs[paragraph].text, LINE_CELLS - len(where))
    return Content.assemble(
        (head, "bold"),
        title,
        (mark, "italic"),
        "\n",
        (where, "bold"),
        (words, "dim"),
    )


class RecentScreen(ModalScreen[Stop | None], FitsTerminal[Stop | None]):
    """Pick a meeting read lately; Enter opens it where the reader stopped in it."""

    STYLES = ("recent.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close"),
        Binding("j", "move('cursor_down')", "Next meeting", show=False),
        Binding("k", "move('cursor_up')", "Previous meeting", show=False),
    ]

    def __init__(self, stops: Sequence[Stop], open_now: str | None) -> None:
        """`stops`: the newest first; `open_now`: the id of the meeting in the reader,
        the first of them when it is among them."""
        super().__init__()
        self.stops = tuple(stops)
        self.open_now = open_now

    def compose(self) -> ComposeResult:
        with Vertical(id="recent-body") as body:
            body.border_title = "Recent meetings"
            body.border_subtitle = "Enter opens where you stopped · Esc closes"
            if not self.stops:
                yield Static("No meeting read yet", id="recent-empty", markup=False)
                return
            yield OptionList(
                *(
                    Option(stop_prompt(document, paragraph, document.id == self.open_now))
                    for document, paragraph in self.stops
                ),
                id="recent-list",
                markup=False,
            )

    def on_mount(self) -> None:
        first = self.stops[0][0].id if self.stops else None
        for options in self.query(OptionList).results(OptionList):
            # The meeting read before the one open: `H` `Enter` goes back to it.
            options.highlighted = min(int(first == self.open_now), len(self.stops) - 1)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.stops[event.option_index])

    async def action_move(self, action: str) -> None:
        for options in self.query(OptionList).results(OptionList):
            await options.run_action(action)

    def action_cancel(self) -> None:
        self.dismiss(None)
