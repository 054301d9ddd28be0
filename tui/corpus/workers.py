"""Worker processes for the work that is too slow for one core: parsing a large folder
(`library.Loader`) and counting its words for the search index (`search.SearchIndex`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVarTuple

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


Args = TypeVarTuple("Args")


def process_pool(
    workers: int,
    initializer: Callable[[*Args], object] | None = None,
    *initargs: *Args,
) -> ProcessPoolExecutor:
    """`workers` fresh processes. They are spawned, not forked: dossier runs this from a
    thread of the app, and a fork would copy the other threads' locks mid-use."""
    # Imported here: most starts need no worker, and these cost 30 ms to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _start_resource_tracker()
    context = multiprocessing.get_context("spawn")
    if initializer is None:
        return ProcessPoolExecutor(workers, mp_context=context)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    )


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
