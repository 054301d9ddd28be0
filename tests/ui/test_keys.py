"""Keys remapped in config.yaml, driven with real keys: an override acts, a bad key name
and a clash are reported as file:line and the default key still works."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.ui.conftest import AppFactory
from tui.app import DossierApp
from tui.screens.main import MainScreen
from tui.screens.notes import NotesScreen
from tui.screens.search import SearchScreen
from tui.widgets.reader import FindBar, Reader

KERRY_HITS = 4
"""Kerry in the 2016 meeting, the first in the sidebar."""


def warnings(app: DossierApp) -> list[str]:
    return [str(toast.message) for toast in app.toasts if "keys:" in str(toast.message)]


async def checked(pilot: Pilot[None], app: DossierApp, count: int) -> list[str]:
    """The key warnings, once the keys are checked (after the first frame)."""
    for _ in range(100):
        if len(warnings(app)) >= count:
            break
        await pilot.pause(0.02)
    return warnings(app)


async def find_kerry(pilot: Pilot[None], app: DossierApp, *keys: str) -> Reader:
    """In the reader, find Kerry with `keys` (the find key), and Enter."""
    await pilot.press("tab", *keys, *"Kerry", "enter")
    reader = app.screen.query_one(Reader)
    assert reader.has_focus
    assert len(reader.hits) == KERRY_HITS
    return reader


async def test_an_overridden_key_acts_and_the_old_one_is_gone(make_app: AppFactory) -> None:
    app = make_app(config_text="keys:\n  find: f\n  next_hit: x\n  prev_hit: n\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        reader = await find_kerry(pilot, app, "f")
        first = reader.hit
        await pilot.press("x")
        assert reader.hit == (first + 1) % KERRY_HITS
        await pilot.press("n", "n")
        assert reader.hit == (first - 1) % KERRY_HITS, "n is prev_hit now"
        await pilot.press("escape", "slash")
        assert not reader.query_one(FindBar).display, "/ finds no more"
        await pilot.pause(0.3)
        assert warnings(app) == []


async def test_a_bad_key_name_and_a_clash_warn_and_keep_the_default(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(config_text="keys:\n  next_hit: ctrl+nope\n  find: s\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        config = tmp_path / "config.yaml"
        assert await checked(pilot, app, 2) == [
            f"{config}:2: keys: next_hit: 'nope' in 'ctrl+nope' is not a key name; keeping n",
            f"{config}:3: keys: find: s is already search (Search) in the reader; keeping slash",
        ]
        reader = await find_kerry(pilot, app, "slash")
        first = reader.hit
        await pilot.press("n")
        assert reader.hit == (first + 1) % KERRY_HITS, "n still goes to the next hit"
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen), "s still searches"


async def test_an_app_key_clashing_on_a_screen_is_taken_back(make_app: AppFactory) -> None:
    """The app starts with every override whose name is good; once the clash is
    known, ctrl+o is the concordance's sort again and A opens the notes."""
    app = make_app(config_text="keys:\n  notes: ctrl+o\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        (warning,) = await checked(pilot, app, 1)
        assert warning.endswith(
            ":2: keys: notes: ctrl+o is already kwic_sort (Sort) in the kwic screen; keeping A"
        )
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("A")
        assert isinstance(app.screen, NotesScreen)
