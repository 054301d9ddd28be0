"""What a keystroke in the reader repaints: no more than what changed on the screen,
which is all Textual writes to the terminal (bench/repaint.py measures the bytes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from tests.ui.conftest import SIZES, AppFactory, is_current, reader_view
from tui.app import DossierApp
from tui.corpus.model import TurnKind
from tui.widgets.document import DocumentView
from tui.widgets.reader import Reader

Call = tuple[tuple[Region, ...], dict[str, Any]]


def spy_on_refresh(monkeypatch: pytest.MonkeyPatch, widget: Widget) -> list[Call]:
    """The `refresh` calls made on `widget` from now on: their regions and options."""
    calls: list[Call] = []
    refresh: Callable[..., Widget] = widget.refresh

    def spy(*regions: Region, **options: Any) -> Widget:
        calls.append((regions, options))
        return refresh(*regions, **options)

    monkeypatch.setattr(widget, "refresh", spy)
    return calls


async def in_reader(pilot: Pilot[None], *keys: str) -> tuple[DocumentView, Reader]:
    """The reader's view and the reader, after Tab and `keys`."""
    await pilot.press("tab", *keys)
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, DossierApp)
    return reader_view(app), app.main_screen.query_one(Reader)


@pytest.mark.parametrize("size", SIZES)
async def test_a_cursor_move_that_does_not_scroll_repaints_two_bars_and_the_status(
    make_app: AppFactory, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view, reader = await in_reader(pilot)
        status = reader.query_one("#reader-status", Static)
        assert reader.paragraph == 0 and view.page is not None
        # The next paragraph starts in view: `j` moves the cursor, not the text.
        assert view.paragraph_top(1) < view.scroll_y + view.scrollable_content_region.height
        scrolled = view.scroll_y
        calls = {widget: spy_on_refresh(monkeypatch, widget) for widget in (view, reader, status)}

        await pilot.press("j")
        await pilot.pause()

        assert is_current(app, 1) and not is_current(app, 0)
        assert view.scroll_y == scrolled
        # The view: the lines of the paragraph left and of the one come to, in view,
        # their margin and bar alone; never the text, let alone the whole view.
        assert calls[view] and all(region_list for region_list, _ in calls[view])
        regions = [region for region_list, _ in calls[view] for region in region_list]
        assert all(region.x + region.width <= 3 for region in regions)
        top = int(view.scroll_y)
        rows = {region.y + top + dy for region in regions for dy in range(region.height)}
        in_view = set(range(top, top + view.scrollable_content_region.height))
        text_rows = set[int]()
        for paragraph in (0, 1):
            first = view.paragraph_top(paragraph)
            text_rows |= set(range(first, first + view.paragraph_block(paragraph).notes_from))
        assert rows == text_rows & in_view
        # The reader draws nothing itself; the status line says something else, in a
        # line of its own height: no layout.
        assert not calls[reader]
        assert calls[status] and not any(options.get("layout") for _, options in calls[status])


@pytest.mark.parametrize("size", SIZES)
async def test_the_next_find_hit_in_the_same_paragraph_repaints_the_two_hits_alone(
    make_app: AppFactory, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view, reader = await in_reader(pilot, "slash", *"the", "enter")
        first, second = reader.hits[reader.hit], reader.hits[reader.hit + 1]
        assert first.paragraph == second.paragraph == reader.paragraph
        scrolled = view.scroll_y
        calls = spy_on_refresh(monkeypatch, view)

        await pilot.press("n")
        await pilot.pause()

        assert reader.hits[reader.hit] == second and view.scroll_y == scrolled
        regions = [region for region_list, _ in calls for region in region_list]
        # Each hit's three letters change style, and nothing else on their lines: a
        # run of columns no wider than the word and the gap that joins two runs.
        assert regions and len({region.y for region in regions}) <= 2
        assert all(region.height == 1 for region in regions)
        assert sum(region.width for region in regions) <= 2 * len("the") + 8


@pytest.mark.parametrize("size", SIZES)
async def test_a_plain_line_is_two_style_changes(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    """What a scroll writes is a style change per segment of each line: a line of a
    plain paragraph is its margin and bar, then its text with the fill after it."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        view, reader = await in_reader(pilot)
        document = reader.document
        assert document is not None
        paragraph = next(
            p.index
            for turn in document.turns
            if turn.kind in (TurnKind.STATEMENT, TurnKind.ANSWER)
            for p in turn.paragraphs
            if p.index != reader.paragraph
        )
        row = view.paragraph_top(paragraph) - int(view.scroll_y)
        assert 0 <= row < view.scrollable_content_region.height
        segments = list(view.render_line(row))
        assert len(segments) == 2, segments
        assert segments[0].text.strip() == ""
        assert segments[1].text.endswith(" ") and segments[1].text.strip()
