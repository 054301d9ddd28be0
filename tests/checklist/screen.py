"""What a Pilot-driven app would put on a terminal: its text and the bytes it writes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Protocol

from rich.console import Console
from textual import events
from textual.app import App
from textual.strip import Strip

from tests.hostile import BIDI, CONTROLS

_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_CURSOR = re.compile(r"\x1b\[[0-9]+;[0-9]+H")
_FORBIDDEN = set(CONTROLS + BIDI)


class Drawn(Protocol):
    strips: list[Iterable[Strip]]
    """Each row of the screen, as strips of segments."""

    def render_segments(self, console: Console) -> str:
        """What the app writes to the terminal to draw it."""


def drawn(app: App[Any]) -> Drawn:
    """The current screen as the app would draw it all: toasts and modals included,
    row by row, as strips of segments. Textual 8.2.8 has no public way to get it (its
    `export_screenshot` gives SVG): this is the one use of its private compositor."""
    return app.screen._compositor.render_full_update()


def screen_lines(app: App[Any]) -> list[str]:
    """The text of every row of the current screen, toasts and modals included."""
    update = drawn(app)
    return ["".join(segment.text for strip in line for segment in strip) for line in update.strips]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def terminal_bytes(app: App[Any]) -> str:
    """What the app writes to the terminal for a full repaint of the current screen."""
    return drawn(app).render_segments(app.console)


def assert_safe(app: App[Any], where: str) -> str:
    """The app runs, and no character or sequence that acts on a terminal is in what it
    would write, except Textual's own colours and cursor moves. Returns the screen text."""
    assert app.is_running, f"{where}: the app stopped"
    written = _CURSOR.sub("", _SGR.sub("", terminal_bytes(app)))
    leaked = sorted(
        {f"U+{ord(char):04X}" for char in written if char in _FORBIDDEN or char == "\x1b"}
    )
    assert not leaked, f"{where}: {', '.join(leaked)} reached the terminal"
    return screen_text(app)


def paste(app: App[Any], text: str) -> None:
    """A bracketed paste, as the terminal delivers it to the app."""
    app.post_message(events.Paste(text))  # as the driver posts it
