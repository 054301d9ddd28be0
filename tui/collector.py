"""Python's garbage collector as dossier sets it: the one place that does (the corpus
modules make no call to `gc`).

What the whole process keeps (the documents, the search index: millions of turns,
paragraphs and postings) is moved out of every later collection's walk once it is
there (`keep`, called by the app and the subcommands as each arrives). A subcommand
runs `tuned`: Python waits PATIENCE times longer before a full collection. The
reader holds collections until its first frame (`hold_until_shown`), then leaves
full ones to `IdleCollector` (which the app does not run while it builds the index):

Widgets are held in cycles (parent and children, styles, message queues), so the
widgets of a document the reader lets go are freed only by the cyclic collector,
and a full collection walks every object the app holds. With a few documents
built, one takes 80-120 ms, and Python runs it whenever its counts say so: in the
middle of the next key, as a stalled document switch or search.

`IdleCollector` makes Python wait ten times longer before a full collection of its
own, and runs one itself once no key or mouse event has come for `IDLE` seconds
and as many young collections have run as Python waits for before it considers
one. Young collections (1-3 ms) are left as they are. An interpreter whose
collector has no third threshold (0: the incremental collector of newer Pythons)
is left alone.

Start-up makes objects that live as long as the app (modules, classes, the first
screen) and little garbage, yet Python collects about 130 times while Textual is
imported and the first frame drawn (16-22 ms on the seeds). `hold_until_shown`
stops that for the start of the reader; `IdleCollector.shown` moves what the
first frame holds out of every later collection's walk (`gc.freeze`) and
collects as before.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

IDLE = 0.5
"""Seconds without input before a full collection may run."""
PATIENCE = 10
"""How many times longer Python waits before a full collection of its own, as a
bound on what piles up while keys keep coming."""


_held = False
"""Whether `hold_until_shown` stopped the collector until the first frame."""


def keep() -> None:
    """Everything there is now lives as long as the process (the documents just read,
    the index just built): out of the cyclic collector's reach, or every full
    collection walks it again (on 10,000 documents that was 40% of reading them from
    the cache). No collection first: building leaves no cycles to collect, and on
    10,000 documents one would hold every thread for a third of a second."""
    gc.freeze()


@contextmanager
def tuned() -> Iterator[None]:
    """A subcommand's settings: full collections PATIENCE times rarer than Python's
    own (reading and indexing a folder make millions of objects and no cycles, and
    each full collection walks them all); Python's own again after the block."""
    thresholds = gc.get_threshold()
    patient = len(thresholds) == 3 and thresholds[2] > 0
    if patient:
        gc.set_threshold(thresholds[0], thresholds[1], thresholds[2] * PATIENCE)
    try:
        yield
    finally:
        if patient:
            gc.set_threshold(*thresholds)


def hold_until_shown() -> None:
    """No collection until `IdleCollector.shown`: for a start of the reader only."""
    global _held
    _held = True
    gc.disable()


class IdleCollector:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._thresholds: tuple[int, int, int] | None = None
        """Python's thresholds while raised, to put back."""

    @property
    def active(self) -> bool:
        return self._thresholds is not None

    def start(self) -> None:
        thresholds = gc.get_threshold()
        if self.active or len(thresholds) != 3 or thresholds[2] <= 0:
            return
        self._thresholds = thresholds
        gc.set_threshold(thresholds[0], thresholds[1], thresholds[2] * PATIENCE)

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def shown(self) -> None:
        """The first frame is on screen: collect again, if `hold_until_shown` had
        stopped it, without walking what start-up made."""
        global _held
        if _held:
            _held = False
            gc.freeze()
            gc.enable()

    def input_seen(self) -> None:
        self._last_input = self._clock()

    def tick(self) -> bool:
        """Run a full collection if one is due (as many young collections since the
        last as Python waits for) and no input has come for `IDLE` seconds; whether
        it ran."""
        if self._thresholds is None or self._clock() - self._last_input < IDLE:
            return False
        if gc.get_count()[2] < self._thresholds[2]:
            return False
        gc.collect()
        return True
