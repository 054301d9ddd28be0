"""Picking up where you left off, driven with keys: `''`, the recent meetings (H), past
queries with ↑ and ↓, and a start on the meeting and paragraph of the last run."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.conftest import SEEDS
from tests.ui.conftest import OLDEST
from tests.ui.test_search import wait_until
from tui.app import DossierApp
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.state import StateFile
from tui.corpus.store import NotesStore
from tui.screens.help import HelpScreen
from tui.screens.kwic import KwicScreen
from tui.screens.main import MainScreen
from tui.screens.recent import RecentScreen
from tui.screens.search import SearchScreen
from tui.widgets.reader import FindBar, Reader
from tui.widgets.sidebar import OPEN_DELAY, Sidebar

SECOND = "000_0f3248e6ed0e14b7"
"""The 2017 Moscow meeting: second in the sidebar."""


def dossier(tmp_path: Path, state: bool = True, load: bool = False) -> DossierApp:
    """The app as `dossier` starts it, its state file in tmp_path (or none); with
    `load`, as on a large folder: the documents read once the app runs."""
    config = load_config()
    notes = NotesStore(tmp_path / "notes.yaml")
    state_file = StateFile(tmp_path / "state.json") if state else None
    if load:
        cache = DocumentCache(tmp_path / "cache.sqlite3", SEEDS, config)
        library = Library(SEEDS, config)
        return DossierApp(library, config, notes, cache=cache, load=True, state=state_file)
    return DossierApp(Library.load(SEEDS, config), config, notes, state=state_file)


def reader(app: DossierApp) -> Reader:
    return app.main_screen.query_one(Reader)


def where(app: DossierApp) -> tuple[str | None, str]:
    """The meeting the reader shows and its status line (`¶5 · 6/23 · ...`)."""
    shown = reader(app)
    status = str(shown.query_one("#reader-status", Static).render()).strip()
    return (shown.document.id if shown.document else None), " · ".join(status.split(" · ")[:2])


def in_view(app: DossierApp) -> str:
    """The text the reader shows on screen."""
    view = reader(app).view
    return " ".join(view.render_line(y).text.strip() for y in range(view.size.height))


def sidebar_on(app: DossierApp) -> str | None:
    current = app.main_screen.query_one(Sidebar).current
    return current.id if current else None


async def next_meeting(pilot: Pilot[None]) -> None:
    """From the reader: the next meeting in the list, opened, the reader focused again."""
    await pilot.press("tab", "j")
    await pilot.pause(OPEN_DELAY + 0.1)
    await pilot.press("tab")


async def test_two_apostrophes_go_back_to_before_the_last_jump(tmp_path: Path) -> None:
    app = dossier(tmp_path, state=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "right_curly_bracket")
        question = where(app)
        assert question != (OLDEST, "¶0 · 1/23")
        await pilot.press("apostrophe")
        assert where(app) == question, "one apostrophe does nothing yet"
        await pilot.press("apostrophe")
        assert where(app) == (OLDEST, "¶0 · 1/23"), "back to before the jump"
        await pilot.press("apostrophe", "apostrophe")
        assert where(app) == question, "and back again, as in vi and less"
        await pilot.press("apostrophe", "j", "apostrophe")
        assert where(app) != (OLDEST, "¶0 · 1/23"), "apostrophes apart are no jump"
        await pilot.press("G", "apostrophe", "apostrophe")
        assert where(app)[1] != "¶22 · 23/23"

        await pilot.press("j", "j")
        before = where(app)
        await next_meeting(pilot)
        assert where(app)[0] == SECOND
        await pilot.press("apostrophe", "apostrophe")
        assert where(app) == before, "another meeting was a jump too"
        assert sidebar_on(app) == OLDEST, "the list follows"


async def test_help_and_palette_name_the_new_keys(tmp_path: Path) -> None:
    app = dossier(tmp_path, state=False)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("tab", "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        for line in (
            "'  ",
            "Twice (''): back to before the last jump",
            "H  ",
            "Recent meetings, where you stopped",
            "Previous find text",
            "Next find text",
        ):
            assert line in shown, line
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"recent meetings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, RecentScreen), "the list")


async def test_recent_meetings_newest_first_with_where_you_stopped(tmp_path: Path) -> None:
    app = dossier(tmp_path, state=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "j", "j", "j")
        await next_meeting(pilot)
        await pilot.press("j")
        await pilot.press("H")
        assert isinstance(app.screen, RecentScreen)
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert len(rows) == 2
        assert "(open)" in rows[0] and "¶1 · 2/" in rows[0], "the meeting open now, first"
        assert "2016-07-12" in rows[1] and "¶3 · 4/23" in rows[1], "then where the last one stopped"
        assert options.highlighted == 1, "H Enter goes back to the meeting before"
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert where(app) == (OLDEST, "¶3 · 4/23")
        assert sidebar_on(app) == OLDEST
        assert reader(app).has_focus
        # From the list, as well as from the reader.
        await pilot.press("tab", "H")
        assert isinstance(app.screen, RecentScreen)
        await pilot.press("escape")
        assert where(app) == (OLDEST, "¶3 · 4/23")


async def typed(pilot: Pilot[None], screen: SearchScreen | KwicScreen, text: str) -> None:
    """Type `text` in the screen's query box, replacing what it held; let it be answered."""
    await pilot.press("ctrl+u", *text)
    if isinstance(screen, SearchScreen):
        await wait_until(pilot, lambda: screen.answered == text, f"an answer to {text}")
    else:
        await wait_until(pilot, lambda: screen.answered == text, f"the lines of {text}")


def box(app: DossierApp) -> str:
    return app.screen.query_one(Input).value


async def test_search_recalls_past_queries_with_the_arrows(tmp_path: Path) -> None:
    app = dossier(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await typed(pilot, app.search_screen, "Kerry")
        await pilot.press("escape", "s")
        await typed(pilot, app.search_screen, "speaker:Lavrov Baku")
        await pilot.press("escape", "q")

    app = dossier(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert "↑ past queries" in str(app.screen.query_one("#search-status", Static).render())
        await pilot.press("up")
        assert box(app) == "speaker:Lavrov Baku", "the newest, filters and all"
        await pilot.press("up")
        assert box(app) == "Kerry"
        await wait_until(pilot, lambda: app.search_screen.answered == "Kerry", "its results")
        status = str(app.screen.query_one("#search-status", Static).render())
        assert status.startswith("↑↓ past queries (2/2)"), status
        await pilot.press("up")
        assert box(app) == "Kerry", "nothing older"
        await pilot.press("down", "down")
        assert box(app) == "", "past the newest, what was typed: nothing"
        await pilot.press("up", "down", "down")
        assert box(app) == "", "↓ ends at what was typed"

        await typed(pilot, app.search_screen, "Mammadyarov")
        await pilot.press("down", "down")
        results = app.screen.query_one("#search-results", OptionList)
        assert results.highlighted == 2, "typed, not recalled: ↓ goes down the results"
        await pilot.press("up")
        assert (results.highlighted, box(app)) == (1, "Mammadyarov"), "and ↑ comes back up"
        await pilot.press("up", "up")
        assert box(app) == "speaker:Lavrov Baku", "↑ on the first result: the query before"
        await pilot.press("down")
        assert box(app) == "Mammadyarov", "and ↓ the one typed"


async def test_the_find_bar_recalls_what_was_found(tmp_path: Path) -> None:
    app = dossier(tmp_path, state=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "slash", *"Kerry", "enter")
        await pilot.press("slash", "ctrl+u", *"Lavrov", "enter")
        await pilot.press("slash")
        find = app.main_screen.query_one(FindBar)
        assert find.value == "Lavrov"
        await pilot.press("up")
        assert find.value == "Kerry"
        await pilot.press("down")
        assert find.value == "Lavrov"
        paragraph = reader(app).paragraph
        await pilot.press("up", "enter")
        assert reader(app).find_text == "Kerry"
        assert reader(app).paragraph != paragraph or reader(app).hits, "found again"


async def test_the_concordance_recalls_past_queries(tmp_path: Path) -> None:
    app = dossier(tmp_path, state=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("K")
        await typed(pilot, app.kwic_screen, "Baku")
        await pilot.press("escape", "K")
        await typed(pilot, app.kwic_screen, "topic:Iran Moscow")
        await pilot.press("escape", "K")
        assert box(app) == "topic:Iran Moscow"
        await pilot.press("up")
        assert box(app) == "Baku"
        await pilot.press("down")
        assert box(app) == "topic:Iran Moscow"


@pytest.mark.parametrize("load", [False, True], ids=["small folder", "read after the frame"])
async def test_a_start_opens_the_meeting_and_paragraph_left(tmp_path: Path, load: bool) -> None:
    app = dossier(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await next_meeting(pilot)
        await pilot.press(*"jjjjjjj", "q")

    app = dossier(tmp_path, load=load)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: where(app)[0] == SECOND, "the meeting left")
        await pilot.pause(0.2)
        assert where(app)[1].startswith("¶7 · 8/")
        document = reader(app).document
        assert document is not None
        assert document.paragraphs[7].text[:30] in in_view(app), "the paragraph is in view"
        assert sidebar_on(app) == SECOND
        assert reader(app).has_focus, "the keys go on reading"
        await pilot.press("tab", "k")
        await pilot.pause(OPEN_DELAY + 0.1)
        assert where(app) == (OLDEST, "¶0 · 1/23"), "each meeting keeps its own place"


async def test_a_start_after_the_meeting_was_deleted_is_the_usual_one(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    config = load_config()

    def started() -> DossierApp:
        library = Library.load(folder, config)
        notes = NotesStore(tmp_path / "notes.yaml")
        return DossierApp(library, config, notes, state=StateFile(tmp_path / "state.json"))

    app = started()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await next_meeting(pilot)
        await pilot.press("j", "j", "q")
    (folder / f"{SECOND}.txt").unlink()

    app = started()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert where(app) == (OLDEST, "¶0 · 1/23")
        assert app.main_screen.query_one(Sidebar).has_focus
        assert not app.toasts, "quietly"
        await pilot.press("q")
    assert SECOND not in (tmp_path / "state.json").read_text(encoding="utf-8")


async def test_a_state_file_that_cannot_be_written_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.app.STATE_EVERY", 0.0)  # a write at every meeting left
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    config = load_config()
    app = DossierApp(
        Library.load(SEEDS, config),
        config,
        NotesStore(tmp_path / "notes.yaml"),
        state=StateFile(tmp_path / "not-a-folder" / "state.json"),
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("tab")
        for _ in range(3):
            await next_meeting(pilot)
            await app.workers.wait_for_complete()
        said = [str(n.message) for n in app.toasts if "not kept" in str(n.message)]
        assert len(said) == 1, said
        assert said[0].startswith(f"could not write {tmp_path / 'not-a-folder'}")
        await pilot.press("j")
        assert where(app)[1].startswith("¶1 · 2/"), "the app goes on"
