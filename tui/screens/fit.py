"""Every screen in a terminal too small for it: one sentence instead of the layout."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.screen import Screen
from textual.widgets import Static

from tui.corpus.resources import styles_dir

MIN_WIDTH = 40
MIN_HEIGHT = 10

ResultType = TypeVar("ResultType")


class FitsTerminal(Screen[ResultType]):
    """A screen that, below MIN_WIDTH x MIN_HEIGHT, has the `-too-small` class, whose
    CSS (app.tcss) hides everything but its `#too-small` sentence. A ModalScreen names
    it after ModalScreen, whose see-through background must win.

    A screen other than the main one names its style files in STYLES: they are read
    when it is first shown, not at every start (parsing them took 10 ms of it).
    Textual's own CSS_PATH for screens would parse every style file again then."""

    STYLES: ClassVar[tuple[str, ...]] = ()
    """Files in styles/ that this screen's widgets need and the app's CSS_PATH lacks."""

    @on(events.Compose)
    def _read_styles(self) -> None:
        # Before the widgets are composed, which styles them; only the new file is
        # parsed. The screen itself is styled again when it is shown.
        stylesheet = self.app.stylesheet
        for name in self.STYLES:
            path = str(styles_dir() / name)
            if not stylesheet.has_source(path):
                # As Textual reads a CSS_PATH file (`Stylesheet.read`, which would
                # leave the rules already mapped to widget types in place).
                with open(path, encoding="utf-8") as file:
                    stylesheet.add_source(file.read(), read_from=(path, ""))

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
