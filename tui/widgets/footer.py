"""The footer, with the keys a person must always find kept in view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer

ALWAYS_SHOWN = ("search", "quit", "help")
"""Actions whose keys stay at the right end of the footer however narrow the terminal."""


class KeptKeys(HorizontalGroup):
    """The footer keys docked at the right, which the others cannot push out of view."""


class DossierFooter(Footer):
    """Textual's footer drops the keys that do not fit, from the right, and the app's
    own keys come last: at 80 columns `q Quit` went first. Here they are docked right,
    so the keys of the focused widget are the ones that give way."""

    def compose(self) -> ComposeResult:
        kept = []
        for widget in super().compose():
            if getattr(widget, "action", None) in ALWAYS_SHOWN:
                kept.append(widget)
            else:
                yield widget
        if kept:
            kept.sort(key=lambda widget: ALWAYS_SHOWN.index(getattr(widget, "action", "")))
            yield KeptKeys(*kept)
