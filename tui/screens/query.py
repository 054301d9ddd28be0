"""What the search and concordance screens share: a query typed into an input, asked
of the search index once typing pauses, and the index arriving from the app later."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.reactive import reactive
from textual.timer import Timer

from tui.screens.fit import FitsTerminal

if TYPE_CHECKING:
    from tui.corpus.search import SearchIndex


class IndexQueryScreen(FitsTerminal[None]):
    """Subclasses run the query in `_run` and say where things stand in
    `_update_status`."""

    DEBOUNCE: ClassVar[float]
    """Seconds of quiet after a keystroke before the query runs."""

    index: reactive[SearchIndex | None] = reactive(None, init=False)
    """Set by the app once it has built the index, which takes a while on a large corpus."""
    waiting: reactive[str] = reactive("indexing…", init=False)
    """What the screen waits for while there is no index (the load, the index)."""

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None

    def _schedule(self) -> None:
        """Run the query once typing pauses: a fast typist's burst asks once."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DEBOUNCE, self._run)

    def watch_index(self) -> None:
        # The app may finish the index before the screen is first shown (and composed).
        if self.is_mounted:
            self._run()

    def watch_waiting(self) -> None:
        if self.is_mounted and self.index is None:
            self._update_status()

    def _run(self) -> None:
        raise NotImplementedError

    def _update_status(self) -> None:
        raise NotImplementedError
