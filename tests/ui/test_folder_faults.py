"""The reader on a folder holding what is no file to read (link loops, a pipe, a socket,
devices, what cannot be read), there at the start or come before `r`: the load ends,
the progress bar goes, the skipped entries are counted, and keys work (issue 23)."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot

from tests.conftest import SEEDS
from tests.hostile import write_folder_faults
from tests.ui.conftest import AppFactory
from tests.ui.test_loading import loaded, until
from tui.app import DossierApp
from tui.widgets.sidebar import Sidebar


def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def skipped(app: DossierApp) -> dict[str, str]:
    """What the library skipped, by path relative to the folder, with the reason."""
    return {
        error.path.relative_to(app.library.folder).as_posix(): error.reason
        for error in app.library.errors
    }


async def settles_and_answers_keys(pilot: Pilot[None], app: DossierApp) -> None:
    """The folder is read and indexed, the progress bar gone, and `j` moves down the
    list of the five seeds."""
    await until(pilot, lambda: loaded(app) and not app.main_screen.has_class("-loading"))
    sidebar = app.main_screen.query_one(Sidebar)
    assert sidebar.rows == 5
    first = sidebar.current
    await pilot.press("j")
    assert sidebar.current is not None and sidebar.current is not first


async def test_the_reader_starts_on_a_folder_with_entries_it_cannot_read(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = seeds_copy(tmp_path)
    expected = write_folder_faults(folder)
    app = make_app(corpus=folder, load=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settles_and_answers_keys(pilot, app)
        assert skipped(app) == expected
        messages = [str(notification.message) for notification in app.toasts]
        assert any(f"Skipped {len(expected)} files" in message for message in messages)


async def test_r_reads_a_folder_where_such_entries_appeared(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = seeds_copy(tmp_path)
    app = make_app(corpus=folder, load=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settles_and_answers_keys(pilot, app)
        expected = write_folder_faults(folder)
        await pilot.press("r")
        reloaded = f"Reloaded {folder}: {len(expected)} new"
        await until(
            pilot,
            lambda: any(str(n.message) == reloaded for n in app.toasts),
        )
        await settles_and_answers_keys(pilot, app)
        assert skipped(app) == expected
