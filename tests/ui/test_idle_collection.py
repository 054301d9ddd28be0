"""The reader's idle full collections wait while the folder is read and the search
index built."""

from __future__ import annotations

import time

import pytest

from tests.ui.conftest import AppFactory
from tests.ui.test_search import wait_until
from tui.app import COLLECT_CHECK
from tui.collector import IdleCollector
from tui.corpus import library as library_module
from tui.corpus import search as search_module


async def test_no_idle_collection_while_the_index_is_built(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection then would walk the index, not yet out of the walks, and
    hold up the build; once the index is there, they run again."""
    real = search_module.cached_index

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(COLLECT_CHECK * 4)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "cached_index", slow)
    app = make_app()
    looked: list[bool] = []

    def tick(self: IdleCollector) -> bool:
        looked.append(app.search_screen.index is not None)
        return False

    monkeypatch.setattr(IdleCollector, "tick", tick)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.search_screen.index is not None, "the index")
        await pilot.pause(COLLECT_CHECK * 3)
    assert looked, "the app looks whether a collection is due"
    assert all(looked), "none while the index was being built"


async def test_no_idle_collection_while_the_folder_is_read(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nor while the folder is read: no key comes while a large folder opens, and a
    full collection at each look (every COLLECT_CHECK) would walk what the load makes
    and hold it up."""
    real = library_module._ids

    def slow(folder: object, library: object) -> object:
        time.sleep(COLLECT_CHECK * 4)
        return real(folder, library)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "_ids", slow)
    app = make_app(load=True)
    looked: list[bool] = []

    def tick(self: IdleCollector) -> bool:
        looked.append(app.loading is None)
        return False

    monkeypatch.setattr(IdleCollector, "tick", tick)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.search_screen.index is not None, "the index")
        await pilot.pause(COLLECT_CHECK * 3)
    assert looked, "the app looks whether a collection is due"
    assert all(looked), "none while the folder was read"
