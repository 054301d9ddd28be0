"""What the compare view looks like. Update with
`pytest tests/ui/test_compare_snapshots.py --snapshot-update`, then look at the SVGs
in tests/ui/__snapshots__/test_compare_snapshots before committing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEEDS
from tests.ui.conftest import SIZES, AppFactory
from tests.ui.test_compare import D004, REWORDED, aligned


async def _karabakh_pair(pilot: Any) -> None:
    """000 against 004 from the sidebar, then `]` three times: the Karabakh questions."""
    await pilot.press("j", "c", "k", "c")
    await aligned(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
    pilot.app.clear_notifications()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_compare_screen(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    """Side by side at 160x48, stacked at 80x24."""
    assert snap_compare(make_app(), terminal_size=size, run_before=_karabakh_pair)


async def _reissue_first_pair(pilot: Any) -> None:
    await pilot.press("c", "j", "c")
    await aligned(pilot)
    await pilot.press("right_square_bracket", *["j"] * 14)
    pilot.app.clear_notifications()
    await pilot.pause(0.1)


def test_compare_word_differences(snap_compare: Any, make_app: AppFactory, tmp_path: Path) -> None:
    """A statement against its re-issue with one sentence reworded: struck on the left,
    bold on the right."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = (SEEDS / f"{D004}.txt").read_text(encoding="utf-8")
    (corpus / f"{D004}.txt").write_text(original, encoding="utf-8")
    reissue = original.replace(REWORDED[0], REWORDED[1]).replace("July 12, 2016", "July 12, 2018")
    (corpus / "reissue.txt").write_text(reissue, encoding="utf-8")
    app = make_app(corpus=corpus)
    assert snap_compare(app, terminal_size=(160, 48), run_before=_reissue_first_pair)
