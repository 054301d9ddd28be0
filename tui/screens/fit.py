"""Every screen in a terminal too small for it: one sentence instead of the layout."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.corpus.resources import styles_dir
from tui.messages import ViewShown

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
    def _before_compose(self) -> None:
        # What the widgets' styles depend on, settled before they are composed (which
        # styles them). The screen itself is styled again when it is shown.
        self._read_styles()
        self._set_width_class()

    def _read_styles(self) -> None:
        """Add the screen's style files to the app's styles: only a new one is parsed.
        (`App.stylesheet` and its `has_source` and `add_source` are public in Textual
        8.2.8, if little documented: Textual loads a screen's CSS_PATH with them.)"""
        stylesheet = self.app.stylesheet
        for name in self.STYLES:
            path = str(styles_dir() / name)
            if not stylesheet.has_source(path):
                # As Textual reads a CSS_PATH file (`Stylesheet.read`, which would
                # leave the rules already mapped to widget types in place).
                with open(path, encoding="utf-8") as file:
                    stylesheet.add_source(file.read(), read_from=(path, ""))

    def _set_width_class(self) -> None:
        """The class of HORIZONTAL_BREAKPOINTS for the terminal's width, as Textual sets
        it at the first resize: set then, it would style every widget of the screen
        again (5 ms of a start)."""
        breakpoints = self.HORIZONTAL_BREAKPOINTS or []
        width = self.app.size.width
        wide = max((b for b in breakpoints if width >= b[0]), default=None)
        classes = {name: wide is not None and name == wide[1] for _, name in breakpoints}
        self.update_classes(classes, update=False)

    @on(events.Mount)
    async def _add_sentence(self) -> None:
        await self.mount(Static(id="too-small", markup=False))
        self._fit(self.size.width, self.size.height)

    @on(events.ScreenResume)
    def _shown(self) -> None:
        if not isinstance(self, ModalScreen):
            self.post_message(ViewShown())

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
