"""What the screen looks like. Update with `pytest tests/ui --snapshot-update`,
then look at the SVGs in tests/ui/__snapshots__ before committing them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import SIZES, AppFactory


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_second_question_with_find_hits(
    snap_compare: Any, make_app: AppFactory, size: tuple[int, int]
) -> None:
    keys = ["tab", "right_curly_bracket", "right_curly_bracket", "slash", *"Kerry", "enter"]
    assert snap_compare(make_app(), terminal_size=size, press=keys)


def test_help_screen(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), press=["tab", "f1"])


def test_too_small(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(30, 8))


async def _answer_kerry(pilot: Any) -> None:
    """Type a query and wait for its answer, with the time it took fixed for the picture."""
    import dataclasses

    from textual.widgets import Input

    from tui.screens.search import SearchScreen

    await pilot.press("s", *"foo:bar Kerry")
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for _ in range(100):
        if screen.answer is not None and screen.answer.query.terms == ("kerry",):
            break
        await pilot.pause(0.05)
    assert screen.answer is not None
    screen.answer = dataclasses.replace(screen.answer, seconds=0.0008)
    # A blinking cursor would be in the picture or not by chance.
    screen.query_one(Input).cursor_blink = False
    await pilot.pause(0.1)
    await pilot.press("down")
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_search_screen(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_answer_kerry)
