"""The idle collector: Python's full collections wait for a pause in the input."""

from __future__ import annotations

import ast
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

import tui.collector
from tui.collector import IDLE, PATIENCE, IdleCollector, hold_until_shown, keep, tuned


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Node:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector() -> Iterator[tuple[IdleCollector, Clock]]:
    clock = Clock()
    collector = IdleCollector(clock)
    enabled = gc.isenabled()
    gc.disable()  # only the collector's own collection may free the test's garbage
    try:
        yield collector, clock
    finally:
        collector.stop()
        if enabled:
            gc.enable()


def started_with_garbage(
    idle: IdleCollector, monkeypatch: pytest.MonkeyPatch, *, young_collections: int
) -> weakref.ref[Node]:
    """Start `idle` as if Python had run `young_collections` (of generation 1) since
    its last full collection; a cycle nobody holds, freed only by a full collection."""
    idle.start()
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, young_collections))
    return weakref.ref(Node())


def test_start_makes_python_wait_longer_and_stop_puts_its_thresholds_back(
    collector: tuple[IdleCollector, Clock],
) -> None:
    idle, _clock = collector
    before = gc.get_threshold()
    idle.start()
    idle.start()  # twice is once
    assert gc.get_threshold() == (before[0], before[1], before[2] * PATIENCE)
    idle.stop()
    assert gc.get_threshold() == before


def test_a_due_collection_waits_for_a_pause_in_the_input(
    collector: tuple[IdleCollector, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    idle, clock = collector
    due = gc.get_threshold()[2]
    cycle = started_with_garbage(idle, monkeypatch, young_collections=due)
    idle.input_seen()
    clock.now += IDLE / 2
    assert not idle.tick()
    assert cycle() is not None
    idle.input_seen()
    clock.now += IDLE * 0.9
    assert not idle.tick(), "the pause counts from the last key"
    clock.now += IDLE * 0.2
    assert idle.tick()
    assert cycle() is None


def test_no_collection_before_python_would_consider_one(
    collector: tuple[IdleCollector, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    idle, clock = collector
    due = gc.get_threshold()[2]
    cycle = started_with_garbage(idle, monkeypatch, young_collections=due - 1)
    clock.now += IDLE * 10
    assert not idle.tick()
    assert cycle() is not None


def test_an_interpreter_without_a_third_threshold_is_left_alone(
    collector: tuple[IdleCollector, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    idle, clock = collector
    set_to: list[tuple[int, ...]] = []
    monkeypatch.setattr(gc, "get_threshold", lambda: (2000, 10, 0))
    monkeypatch.setattr(gc, "set_threshold", lambda *values: set_to.append(values))
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, 50))
    idle.start()
    clock.now += IDLE * 10
    assert not idle.active
    assert not idle.tick()
    assert set_to == []


def test_a_start_collects_nothing_until_shown_then_spares_what_it_made() -> None:
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    try:
        hold_until_shown()
        assert not gc.isenabled()
        IdleCollector().shown()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen, "what start-up made is left out of the walks"
        gc.disable()
        IdleCollector().shown()
        assert not gc.isenabled(), "only the first frame after a hold collects again"
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def test_shown_without_a_hold_leaves_the_collector_alone() -> None:
    # Tests run many apps in one process, none of them started by `dossier`.
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.disable()
    try:
        IdleCollector().shown()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        if enabled:
            gc.enable()


def test_subcommands_make_full_collections_rarer_then_put_them_back() -> None:
    before = gc.get_threshold()
    with tuned():
        assert gc.get_threshold() == (before[0], before[1], before[2] * PATIENCE)
    assert gc.get_threshold() == before


def test_what_is_kept_is_out_of_every_later_walk() -> None:
    frozen = gc.get_freeze_count()
    kept = [[] for _ in range(100)]
    try:
        keep()
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.unfreeze()


def test_only_the_app_layer_sets_the_collector() -> None:
    """The corpus makes no call to `gc`: how the process collects is set in one place
    (tui/collector.py), for the reader and the subcommands."""
    corpus = Path(tui.collector.__file__).parent / "corpus"
    for module in sorted(corpus.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in (
                node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
            )
        }
        assert "gc" not in imported, module.name
