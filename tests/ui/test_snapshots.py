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
