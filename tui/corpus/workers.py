"""Worker processes for the work that is too slow for one core: parsing a large folder
(`library.Loader`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVarTuple

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


Args = TypeVarTuple("Args")

_running: set[ProcessPoolExecutor] = set()
"""The pools at work, for `stop_workers`."""


@contextmanager
def process_pool(
    workers: int,
    initializer: Callable[[*Args], object] | None = None,
    *initargs: *Args,
) -> Iterator[ProcessPoolExecutor]:
    """`workers` fresh processes, for a `with` block. They are spawned, not forked:
    dossier runs this from a thread of the app, and a fork would copy the other
    threads' locks mid-use."""
    # Imported here: most starts need no worker, and these cost 30 ms to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _start_resource_tracker()
    context = multiprocessing.get_context("spawn")
    if initializer is None:
        pool = ProcessPoolExecutor(workers, mp_context=context)
    else:
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=initializer, initargs=initargs
        )
    _running.add(pool)
    try:
        with pool:
            yield pool
    finally:
        _running.discard(pool)


def stop_workers() -> None:
    """Drop the tasks not yet started in every pool: the user quit, and Python waits
    for a pool's tasks before it ends (all the files of a large folder still to parse,
    seconds of them). Those under way finish, a fraction of a second each; whoever
    waits for a dropped one gets CancelledError."""
    for pool in list(_running):
        pool.shutdown(wait=False, cancel_futures=True)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which the worker processes need. It
    is handed stderr's file descriptor: where stderr is no file (a TUI captures it),
    it gets /dev/null instead, or it would fail to start."""
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    captured = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured
