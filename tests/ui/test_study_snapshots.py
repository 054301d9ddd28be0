"""What the study views look like, at 80x24 and 160x48. Update with
`pytest tests/ui/test_study_snapshots.py --snapshot-update`, then look at the SVGs."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from tests.ui.conftest import SIZES, AppFactory
from tui.screens.kwic import KwicScreen


@pytest.mark.parametrize("size", SIZES)
def test_timeline(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    # The cursor on Coronavirus in the first 2020 meeting.
    keys = ["L", "j", "j", "j", "j", "j", "w"]
    assert snap_compare(make_app(), terminal_size=size, press=keys)


async def _concordance(pilot: Any) -> None:
    await pilot.press("K", *"Karabakh")
    screen = pilot.app.screen
    assert isinstance(screen, KwicScreen)
    for _ in range(100):
        if len(screen.lines) == 18:
            break
        await pilot.pause(0.05)
    # The time it took, fixed for the picture; no blinking cursor.
    assert screen.found is not None
    screen.found = screen.found.__class__(screen.found.term, screen.found.lines, (), 0.0004)
    screen.query_one(Input).cursor_blink = False
    await pilot.press("ctrl+o", "down")
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_concordance(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_concordance)


@pytest.mark.parametrize("size", SIZES)
def test_speakers_and_their_turns(
    snap_compare: Any, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), terminal_size=size, press=["W", "enter", "down"])
