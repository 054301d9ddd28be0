"""What a Pilot-driven app would put on a terminal: its text and the bytes it writes."""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.app import App

from tests.hostile import BIDI, CONTROLS

_SGR = re.compile(r"\x1b\[[0-9;:]*m")
_CURSOR = re.compile(r"\x1b\[[0-9]+;[0-9]+H")
_FORBIDDEN = set(CONTROLS + BIDI)


def screen_lines(app: App[Any]) -> list[str]:
    """The text of every row of the current screen, toasts and modals included."""
    update = app.screen._compositor.render_full_update()
    return ["".join(segment.text for strip in line for segment in strip) for line in update.strips]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def terminal_bytes(app: App[Any]) -> str:
    """What the app writes to the terminal for a full repaint of the current screen."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


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
    assert app._driver is not None
    app._driver.send_message(events.Paste(text))
