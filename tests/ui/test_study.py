"""The study views driven with real keys: timeline, concordance, speakers."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import SIZES, AppFactory, hold_back
from tests.ui.test_search import shown, wait_until
from tui import collector
from tui.corpus import study as study_module
from tui.corpus.study import sort_lines
from tui.corpus.syntax import KwicOrder
from tui.screens.kwic import KwicScreen
from tui.screens.main import MainScreen
from tui.screens.speakers import SpeakersScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.reader import Reader
from tui.widgets.rows import RowList
from tui.widgets.timeline import TimelineGrid


@pytest.mark.parametrize("size", SIZES)
async def test_timeline_to_the_first_mention_and_back(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, TimelineScreen)
        grid = app.screen.query_one(TimelineGrid)
        status = app.screen.query_one("#timeline-status", Static)
        assert "Nagorno-Karabakh · 2016-07-12 · Baku" in shown(status)
        # Coronavirus: the 6th topic; nothing before 2020, then a mention.
        await pilot.press("j", "j", "j", "j", "j")
        assert "Coronavirus" in shown(status) and "not mentioned" in shown(status)
        await pilot.press("w")
        assert grid.column == 3
        assert "2020-08-26" in shown(status) and "5 paragraphs" in shown(status)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(Reader)
        assert reader.document is not None and reader.document.date.iso == "2020-08-26"
        assert "Coronavirus" in reader.document.paragraphs[reader.paragraph].topics
        assert reader.topic == "Coronavirus", "t follows the topic of the cell opened"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen), "Escape goes back to the timeline"
        assert grid.column == 3 and grid.row == 5, "where the user left it"


async def test_the_timeline_names_the_meeting_in_the_width_there_is(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        status = app.screen.query_one("#timeline-status", Static)
        title = shown(status).splitlines()[1]
        assert title.startswith("Statement and answers to media questions at a joint news")
        assert len(title) > 100


async def concordance_of(pilot: Pilot[None], query: str) -> KwicScreen:
    """The concordance screen, opened with `K` and `query` typed."""
    await pilot.press("K")
    screen = pilot.app.screen
    assert isinstance(screen, KwicScreen)
    await pilot.press(*query)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_concordance_sorted_and_opened(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await concordance_of(pilot, "Karabakh")
        await wait_until(pilot, lambda: len(screen.lines) == 18, "18 lines")
        status = shown(screen.query_one("#kwic-status", Static))
        assert "18 occurrences of “karabakh”" in status and "sorted by date" in status
        await pilot.press("ctrl+o", "ctrl+o")
        assert screen.order.value == "left"
        await wait_until(
            pilot, lambda: "sorted by left" in shown(screen.query_one("#kwic-status")), "sorted"
        )
        assert screen.found is not None
        assert screen.lines == sort_lines(screen.found.lines, KwicOrder.LEFT)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        line = screen.lines[2]
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == line.doc_id
        assert reader.paragraph == line.paragraph
        assert [(h.start, h.end) for h in reader.hits if h.paragraph == line.paragraph][:1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(RowList).cursor == 2


async def test_concordance_filters_and_hints(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await concordance_of(pilot, "Karabakh year:2020 foo:bar")
        await wait_until(
            pilot, lambda: screen.found is not None and "foo" in str(screen.found.hints), "hint"
        )
        assert all(str(line.date).startswith("2020") for line in screen.lines)
        assert "unknown filter foo" in shown(screen.query_one("#kwic-status", Static))


async def test_speakers_then_their_turns_then_the_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("W")
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        assert "1 speaker" in shown(screen.query_one("#speakers-status", Static))
        await pilot.press("enter")
        assert screen.speaker is not None and screen.speaker.name == "Sergey Lavrov"
        assert len(screen.turns) == 19
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        document, turn = screen.turns[1]
        reader = app.screen.query_one(Reader)
        assert reader.document is document and reader.paragraph == turn.paragraphs[0].index
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.speaker is not None
        await pilot.press("escape")
        assert screen.speaker is None
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_the_concordance_sorts_off_the_screens_thread(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorting 600,000 lines takes a second or more: the screen says it sorts, keeps
    its lines and its keys meanwhile, then shows them sorted."""
    real = study_module.sort_lines
    release = hold_back(monkeypatch, study_module, "sort_lines")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await concordance_of(pilot, "Karabakh")
        await wait_until(pilot, lambda: len(screen.lines) == 18, "18 lines")
        by_date = list(screen.lines)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "sorting by speaker…" in shown(screen.query_one("#kwic-status", Static))
        await pilot.press("down")
        assert screen.query_one(RowList).cursor == 1, "keys answer while it sorts"
        # Not Textual's default name for a worker, the repr of its arguments: of every
        # line found (GBs for 625,000 lines, made before the sort could start).
        sorting = [worker.description for worker in app.workers if worker.group == "kwic-sort"]
        assert sorting == ["sorting the concordance"]
        assert screen.lines == by_date
        release.set()
        await wait_until(
            pilot, lambda: "sorted by speaker" in shown(screen.query_one("#kwic-status")), "sorted"
        )
        assert screen.found is not None
        assert screen.lines == real(screen.found.lines, KwicOrder.SPEAKER)


async def test_a_complete_concordance_is_kept_out_of_the_collectors_walks(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its lines live while they are shown: 625,000 of them at 100,000 meetings, which
    every full collection would walk again."""
    kept: list[int] = []
    monkeypatch.setattr(collector, "keep", lambda: kept.append(1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await concordance_of(pilot, "Karabakh")
        await wait_until(
            pilot, lambda: screen.found is not None and screen.found.complete, "all lines"
        )
    assert kept
