"""Every screen in a terminal too small for it: one sentence instead of the layout."""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 40
MIN_HEIGHT = 10

ResultType = TypeVar("ResultType")


class FitsTerminal(Screen[ResultType]):
    """A screen that, below MIN_WIDTH x MIN_HEIGHT, has the `-too-small` class, whose
    CSS (app.tcss) hides everything but its `#too-small` sentence. A ModalScreen names
    it after ModalScreen, whose see-through background must win."""

    @on(events.Mount)
    async def _add_sentence(self) -> None:
        await self.mount(Static(id="too-small", markup=False))
        self._fit(self.size.width, self.size.height)

    @on(events.Resize)
    def _resized(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(too_small, "-too-small")
        if too_small:
            # Absent until mounted; `_add_sentence` fits the screen again then.
            for sentence in self.query("#too-small").results(Static):
                sentence.update(
                    f"Terminal too small ({width}x{height}); need at least {MIN_WIDTH}x{MIN_HEIGHT}"
                )
