"""What the views (search, notes, the study views) share."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.messages import ViewClosed


def close_view(screen: Screen[Any]) -> None:
    """Leave the view at once, so that keys typed right after Escape reach the screen
    below it, and tell the app, which then forgets the way back to the view."""
    if screen.is_current:
        screen.app.pop_screen()
    screen.app.post_message(ViewClosed())
