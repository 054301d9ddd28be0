"""Opening a folder: progress while it is read, a usable list before the end, `r`
reloads, and the year and month jumps of the list."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import SEEDS
from tests.ui.conftest import AppFactory
from tui.app import DossierApp
from tui.corpus import library as library_module
from tui.corpus.config import Config
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.screens.main import MainScreen
from tui.widgets.sidebar import Sidebar

PARSE_DELAY = 0.08
"""Seconds each file takes to parse in the slowed-down tests: 60 files, ~5 s."""


async def until(pilot: Pilot[None], condition: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


def loaded(app: DossierApp) -> bool:
    return app.loading is None and app.search_screen.index is not None


@pytest.fixture
def slow_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing in the loader's thread (no worker processes), each file slowed down, so
    that a test sees the app while the folder is still being read."""
    real = library_module.read_document

    def slow(path: Path, doc_id: str, config: Config, matcher: object, *more: object) -> Document:
        time.sleep(PARSE_DELAY)
        return real(path, doc_id, config, matcher, *more)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "read_document", slow)
    monkeypatch.setattr(library_module, "POOL_THRESHOLD", 10_000)
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0.05)


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    from bench.gen_corpus import generate

    folder = tmp_path / "generated"
    generate(folder, 60, seed=3)
    return folder


@pytest.mark.usefixtures("slow_parse")
async def test_progress_and_a_usable_list_before_the_load_ends(
    make_app: AppFactory, generated: Path
) -> None:
    app = make_app(corpus=generated, load=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        sidebar = screen.query_one(Sidebar)
        await until(pilot, lambda: sidebar.rows >= 3)
        assert app.loading is not None, "the load ended before the test looked"
        done, total = app.loading
        assert total == 60 and done < total
        assert screen.has_class("-loading")
        # The busy line is mounted the first time there is something to say: a
        # mount that lands at the next message, not at once.
        await until(pilot, lambda: bool(screen.query("#loading-text")))
        text = str(screen.query_one("#loading-text", Static).render())
        assert f"of {total} documents" in text
        # The list answers keys while documents keep coming.
        first = sidebar.current
        await pilot.press("j")
        assert sidebar.current is not None and sidebar.current is not first
        moved_to = sidebar.current.id
        # Views that need the whole corpus say how far the load is.
        await pilot.press("L")
        assert app.screen is screen
        await pilot.press("s")
        status = str(app.search_screen.query_one("#search-status", Static).render())
        assert "loading" in status and "documents" in status, (app.loading, app.search_screen.index)
        await pilot.press("escape")
        await until(pilot, lambda: loaded(app))
        assert not screen.has_class("-loading")
        assert sidebar.rows == 60
        assert sidebar.current is not None and sidebar.current.id == moved_to
        dates = [doc.sort_key for doc in sidebar.order]
        assert dates == sorted(dates)


async def test_r_picks_up_new_changed_and_deleted_files(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    app = make_app(corpus=folder, load=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: loaded(app))
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.rows == 5
        old_index = app.search_screen.index
        text = (SEEDS / "003_17535f2944fa9c05.txt").read_text(encoding="utf-8")
        (folder / "extra.txt").write_text(text, encoding="utf-8")
        changed = folder / "000_0f3248e6ed0e14b7.txt"
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nQuestion: One more?\n\nSergey Lavrov: Yes.\n",
            encoding="utf-8",
        )
        (folder / "002_06cc93c8d13a39f8.txt").unlink()
        await pilot.press("r")
        await until(pilot, lambda: loaded(app) and app.search_screen.index is not old_index)
        messages = [str(n.message) for n in app.toasts]
        assert any("1 new, 1 changed, 1 removed" in message for message in messages), messages
        ids = {doc.id for doc in sidebar.order}
        assert "extra" in ids and "002_06cc93c8d13a39f8" not in ids
        assert len(ids) == 5
        assert app.library.by_id("000_0f3248e6ed0e14b7").paragraphs[-1].text == "Yes."
        answer = app.search_screen.index
        assert answer is not None and answer.search("One more").results


@pytest.mark.parametrize("changed", [False, True], ids=["unchanged", "changed"])
async def test_a_warm_start_searches_before_the_folder_is_walked(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: bool
) -> None:
    """The index kept on disk answers as soon as the cache has listed the documents,
    while the walk of the folder (held back here) says what changed; a file changed
    since then is indexed again once the walk has found it."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    app = make_app(corpus=folder, load=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: loaded(app))
    walked = threading.Event()
    real_walk = Library.walk

    def held_back(library: Library) -> object:
        walked.wait(20)
        return real_walk(library)

    monkeypatch.setattr(Library, "walk", held_back)
    if changed:
        seed = folder / "000_0f3248e6ed0e14b7.txt"
        seed.write_text(
            seed.read_text(encoding="utf-8") + "\nQuestion: Zanzibar?\n\nSergey Lavrov: No.\n",
            encoding="utf-8",
        )
    app = make_app(corpus=folder, load=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.search_screen.index is not None)
        opened = app.search_screen.index
        assert app.loading is not None, "the folder was walked before the index opened"
        assert opened is not None and opened.search("karabakh").results
        assert not opened.search("zanzibar").results
        walked.set()
        await until(pilot, lambda: app.loading is None)
        if changed:
            await until(pilot, lambda: app.search_screen.index is not opened)
            index = app.search_screen.index
            assert index is not None and index.search("zanzibar").results
        else:
            await pilot.pause(0.3)
            assert app.search_screen.index is opened  # nothing changed: kept
        await until(pilot, lambda: not app.main_screen.has_class("-loading"))


async def test_a_long_list_scrolls_up_and_down_only(make_app: AppFactory, generated: Path) -> None:
    """Rows are cut to the sidebar's width: no sideways scrollbar takes its last row."""
    app = make_app(corpus=generated)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.show_vertical_scrollbar
        assert not sidebar.show_horizontal_scrollbar
        await pilot.press("G")
        assert sidebar.current is sidebar.order[-1]
        bottom = sidebar.render_line(sidebar.size.height - 1).text
        assert sidebar.current.short_title[:10] in bottom, "the last title is in view"


async def test_year_and_month_jumps(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(Sidebar)

        def date() -> str:
            assert sidebar.current is not None
            return sidebar.current.date.iso or ""

        assert date() == "2016-07-12"
        for key, expected in [
            ("Y", "2017-03-06"),  # next year
            ("Y", "2020-08-26"),
            ("Y", "2020-08-26"),  # no year after 2020: stays
            ("y", "2017-03-06"),  # previous year, from its first document
            ("greater_than_sign", "2017-04-04"),  # next month
            ("greater_than_sign", "2020-08-26"),
            ("greater_than_sign", "2020-11-21"),
            ("less_than_sign", "2020-08-26"),  # previous month
            ("less_than_sign", "2017-04-04"),
            ("y", "2016-07-12"),
        ]:
            await pilot.press(key)
            assert date() == expected, key
        await pilot.press("O")  # newest first: next is down the list, to older years
        await pilot.press("G", "Y")
        assert date() == "2016-07-12"
        await pilot.press("g", "Y")
        assert date() == "2017-04-04"
