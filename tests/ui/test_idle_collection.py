"""The reader's idle full collections wait while the folder is read and the search
index built."""

from __future__ import annotations

import time

import pytest

from tests.ui.conftest import AppFactory
from tests.ui.test_search import wait_until
from tui.app import COLLECT_CHECK
from tui.collector import IdleCollector
from tui.corpus import search as search_module
from tui.corpus.library import Library


@pytest.mark.parametrize(
    ("module", "name", "load"),
    [(search_module, "cached_index", False), (Library, "walk", True)],
    ids=["index built", "folder read"],
)
async def test_no_idle_collection_while_the_folder_is_read_or_the_index_built(
    make_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    name: str,
    load: bool,
) -> None:
    """A full collection then would walk what they make, not yet out of the walks, and
    hold them up (no key comes while a large folder opens: one at each look, every
    COLLECT_CHECK); once the index is there, they run again."""
    real = getattr(module, name)

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(COLLECT_CHECK * 4)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    app = make_app(load=load)
    looked: list[bool] = []

    def tick(self: IdleCollector) -> bool:
        looked.append(app.loading is None and app.search_screen.index is not None)
        return False

    monkeypatch.setattr(IdleCollector, "tick", tick)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.search_screen.index is not None, "the index")
        await pilot.pause(COLLECT_CHECK * 3)
    assert looked, "the app looks whether a collection is due"
    assert all(looked), "none while the folder was read or the index built"
