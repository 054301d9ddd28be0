"""The compare view is made once and given each comparison after: a comparison shown
in it looks exactly as in a view made for it, whatever the last one left (pair, swap,
sync, header fold, scrolling, word differences, size, theme, a pairing still running)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import SEEDS
from tests.ui.conftest import SIZES, AppFactory
from tests.ui.test_compare import (
    D000,
    D001,
    D004,
    aligned,
    current_markers,
    markers,
    open_000_vs_004,
    set_apart,
    status,
    text_of,
)
from tui.corpus.compare import Side
from tui.screens.compare import ALIGN_IN_LINE, PREPARE_AFTER, ComparePicker, CompareScreen
from tui.screens.main import MainScreen
from tui.widgets.compare import ComparePane

D002 = "002_06cc93c8d13a39f8"


def shown(screen: CompareScreen) -> dict[str, object]:
    """What the compare view shows and would act on, pane by pane in screen order."""
    panes = list(screen.query(ComparePane))
    return {
        "documents": [d.id for d in screen.documents],
        "pair": screen.pair,
        "sync": screen.sync,
        "status": status(screen),
        "summary": text_of(screen.query_one("#compare-summary", Static)),
        "classes": sorted(screen.classes),
        "focus": [pane.has_focus for pane in panes],
        "panes": [
            {
                "side": pane.side,
                "document": pane.document.id,
                "title": text_of(pane.query_one(".compare-title", Static)),
                "scroll": pane.view.scroll_y,
                "markers": markers(pane),
                "current": current_markers(pane),
                "set apart": set_apart(pane),
                "folded": pane.view.header_folded,
                "layer": pane.view.page.layer if pane.view.page else None,
            }
            for pane in panes
        ],
    }


async def settled(pilot: Pilot[None]) -> CompareScreen:
    screen = await aligned(pilot)
    pilot.app.clear_notifications()
    await pilot.pause(0.05)
    return screen


async def fresh(
    make_app: AppFactory, size: tuple[int, int], left: str, right: str
) -> tuple[dict[str, object], str]:
    """What a compare view made for `left` and `right` shows: its state and its screen."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        app.open_compare(left, right)
        screen = await settled(pilot)
        return shown(screen), app.export_screenshot()


async def use_it_all(pilot: Pilot[None]) -> None:
    """Pairs, swap, sync off, header toggled, the other pane focused and scrolled."""
    await pilot.press(*["right_square_bracket"] * 3, "x", "l", "i", "tab", "j", "j")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_a_second_comparison_shows_nothing_of_the_first(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    expected = await fresh(make_app, size, D000, D001)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        first = await open_000_vs_004(pilot)
        await use_it_all(pilot)
        assert first.pair >= 0 and not first.sync
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        # From 004 at the top of the list: mark 000, down to 001, compare.
        await pilot.press("j", "c", "j", "j", "c")
        screen = await settled(pilot)
        assert screen is first, "the same view, given the two new meetings"
        assert (shown(screen), app.export_screenshot()) == expected


async def test_the_same_two_again_after_a_swap(make_app: AppFactory) -> None:
    """The sides are as asked again, not as the last swap left them."""
    expected = await fresh(make_app, (160, 48), D000, D004)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_000_vs_004(pilot)
        await use_it_all(pilot)
        await pilot.press("escape", "j", "c", "k", "c")
        screen = await settled(pilot)
        assert screen.pane(Side.LEFT).document.id == D000
        assert (shown(screen), app.export_screenshot()) == expected


async def test_a_meeting_in_the_same_pane_again_starts_at_its_top(
    make_app: AppFactory,
) -> None:
    """000 on the left again (its pane's view keeps what it measured of it): from its
    top, with the new pairs only, not where the last comparison's pairs scrolled it."""
    expected = await fresh(make_app, (160, 48), D000, D001)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press(*["right_square_bracket"] * 3)
        assert screen.pane(Side.LEFT).view.scroll_y > 0
        await pilot.press("escape", "j", "c", "j", "j", "c")
        assert await settled(pilot) is screen
        assert screen.pane(Side.LEFT).view.scroll_y == 0
        # Not the screen: the pane measured more of 000 while it showed pair 3, so its
        # scrollbar's thumb is sized by more exact heights than a new view's estimate.
        assert shown(screen) == expected[0]


async def test_the_terminal_resized_while_away(make_app: AppFactory) -> None:
    """Wide when left, 80 columns when shown again: stacked, headers folded."""
    expected = await fresh(make_app, (80, 24), D000, D001)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        first = await open_000_vs_004(pilot)
        assert first.has_class("-wide")
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        app.open_compare(D000, D001)
        screen = await settled(pilot)
        assert screen.has_class("-narrow") and not screen.has_class("-wide")
        left, right = screen.pane(Side.LEFT), screen.pane(Side.RIGHT)
        assert left.region.y < right.region.y, "stacked"
        assert (shown(screen), app.export_screenshot()) == expected


async def test_a_theme_chosen_while_away_is_the_one_shown(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_000_vs_004(pilot)
        await pilot.press("escape")
        theme = next(name for name in ("nord", "gruvbox", "monokai") if name != app.theme)
        app.theme = theme
        await pilot.pause()
        app.open_compare(D000, D001)
        screen = await settled(pilot)
        panel = Color.parse(app.get_css_variables()["panel"])
        assert screen.query_one("#compare-summary").styles.background == panel
        expected_view = screen.pane(Side.LEFT).view.styles.background
    again = make_app()
    async with again.run_test(size=(160, 48)) as pilot:
        again.theme = theme
        again.open_compare(D000, D001)
        screen = await settled(pilot)
        assert screen.pane(Side.LEFT).view.styles.background == expected_view


async def test_another_comparison_from_the_palette_over_one(make_app: AppFactory) -> None:
    """`C` over a comparison: the picked two replace it in place; Escape goes back to
    the list, not to the comparison before."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        first = await open_000_vs_004(pilot)
        await pilot.press("right_square_bracket")
        await pilot.press("C")
        assert isinstance(app.screen, ComparePicker)
        await pilot.press("enter", "enter")  # 004, then 000
        screen = await settled(pilot)
        assert screen is first and app.screen_stack[-1] is screen
        assert [d.id for d in screen.documents] == [D004, D000]
        assert screen.pair == -1 and "3 pairs: ] for the first" in status(screen)
        assert len(app.screen_stack) == 2
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_pairing_still_running_is_not_shown_for_the_next(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Two large meetings (paired in a thread) left at once for two small ones: the
    pairs of the large ones, when they come, are not taken for the small ones'."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [
        p
        for path in sorted(SEEDS.iterdir())
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 12
    ]
    for name, date in (("early", "May 1, 2019"), ("late", "May 1, 2021")):
        body = "\n\n".join(paragraphs * 2)
        (corpus / f"{name}.txt").write_text(
            f"Remarks, Baku, {date}\n\nSergey Lavrov: {body}\n", encoding="utf-8"
        )
    for doc_id in (D000, D004):
        (corpus / f"{doc_id}.txt").write_text(
            (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
    app = make_app(corpus=corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        large = [d.id for d in app.library.documents if d.id in ("early", "late")]
        assert len(large) == 2
        assert sum(len(app.library.by_id(i).paragraphs) for i in large) > ALIGN_IN_LINE
        app.open_compare(D000, D004)
        screen = await settled(pilot)
        await pilot.press("escape")
        # The large ones' pairing starts once the view is drawn: after the small ones'.
        app.open_compare(*large)
        assert screen.alignment is None
        app.open_compare(D000, D004)
        await pilot.pause(1.0)  # the large pairing's thread has long finished
        assert app.screen is screen
        assert screen.alignment is not None
        assert (screen.alignment.left.id, screen.alignment.right.id) == (D000, D004)
        assert "3 pairs: ] for the first" in status(screen)
        assert [pane.document.id for pane in screen.query(ComparePane)] == [D000, D004]


async def test_a_comparison_shown_again_is_not_styled_again(make_app: AppFactory) -> None:
    """Shown for another comparison with nothing changed, the view keeps the styles it
    has, and the lines its panes drew for the new meetings."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press("escape")
        app.open_compare(D001, D002)
        headers = [pane.view.page.blocks[0] for pane in screen.query(ComparePane) if pane.view.page]
        drawn = [header.strips for header in headers]
        assert len(drawn) == 2 and None not in drawn
        await settled(pilot)
        assert [header.strips for header in headers] == drawn
        assert all(header.strips is lines for header, lines in zip(headers, drawn, strict=True))


async def test_the_marked_meetings_are_opened_while_the_view_is_hidden(
    make_app: AppFactory,
) -> None:
    """With a meeting marked and the cursor resting on another, the hidden view opens
    the two; `c` then shows them exactly as a view made for them would."""
    expected = await fresh(make_app, (160, 48), D000, D001)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press(*["right_square_bracket"] * 3, "escape")
        await pilot.press("j", "c", "j", "j")
        await pilot.pause(PREPARE_AFTER + 0.2)
        panes = list(screen.query(ComparePane))
        assert [pane.view.document.id for pane in panes if pane.view.document] == [D000, D001]
        await pilot.press("c")
        assert await settled(pilot) is screen
        assert shown(screen) == expected[0]


@pytest.mark.parametrize("rest", [False, True], ids=["c at once", "c after a rest"])
@pytest.mark.parametrize("size", SIZES)
async def test_the_first_mark_composes_the_view_hidden(
    make_app: AppFactory, size: tuple[int, int], rest: bool
) -> None:
    """Marking the first meeting makes and composes the compare view out of sight,
    pairing nothing; once the cursor rests the view is styled and opens the two
    meetings, still hidden. The first `c` shows them exactly as a view made for them
    would, in that same view."""
    expected = await fresh(make_app, size, D004, D000)  # the two oldest
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("g", "c")
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen), "still hidden"
        screen = app.get_screen("compare")
        assert isinstance(screen, CompareScreen)
        assert len(screen.query(ComparePane)) == 2, "composed"
        assert screen.alignment is None and not screen.workers, "nothing paired yet"
        await pilot.press("j")
        if rest:
            await pilot.pause(PREPARE_AFTER + 0.2)
            panes = list(screen.query(ComparePane))
            assert [pane.view.document.id for pane in panes if pane.view.document] == [D004, D000]
        await pilot.press("c")
        assert await settled(pilot) is screen
        assert (shown(screen), app.export_screenshot()) == expected


async def test_meetings_other_than_the_ones_opened_ahead(make_app: AppFactory) -> None:
    """`c` pressed on another meeting than the one opened ahead (or before the cursor
    rested): the view shows the two asked for."""
    expected = await fresh(make_app, (160, 48), D000, D002)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press("escape", "j", "c", "j", "j")
        await pilot.pause(PREPARE_AFTER + 0.2)
        app.open_compare(D000, D002)
        assert await settled(pilot) is screen
        assert (shown(screen), app.export_screenshot()) == expected


async def test_opened_ahead_after_a_comparison_asked_for_at_start(
    make_app: AppFactory,
) -> None:
    """`dossier --compare` compares before the list is there: the view follows the
    list's mark once it has been left."""
    app = make_app()
    app.compare_on_start = (D000, D004)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await settled(pilot)
        await pilot.press("escape", "j", "c", "j", "j")
        await pilot.pause(PREPARE_AFTER + 0.2)
        panes = list(screen.query(ComparePane))
        assert [pane.view.document.id for pane in panes if pane.view.document] == [D000, D001]
