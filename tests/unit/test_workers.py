"""Worker processes: quitting drops the work not yet started."""

from __future__ import annotations

import threading
import time
from concurrent.futures import CancelledError

from tui.corpus.workers import process_pool, stop_workers

TASKS = 40


def test_stop_workers_drops_the_tasks_not_yet_started() -> None:
    done: list[None] = []
    started = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            with process_pool(2) as pool:
                for result in pool.map(time.sleep, [0.2] * TASKS):
                    done.append(result)
                    started.set()
        except BaseException as error:  # handed to the test
            failure.append(error)
            started.set()

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(60), "the first task ran"
    stop_workers()
    thread.join(60)
    assert not thread.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], CancelledError)
    assert 1 <= len(done) < TASKS - 10, "most tasks never ran"


def test_pools_work_after_a_stop() -> None:
    with process_pool(2) as pool:
        assert list(pool.map(abs, [-3])) == [3]
    stop_workers()  # that pool is done: nothing to stop
    with process_pool(2) as pool:
        assert list(pool.map(abs, [-1, -2])) == [1, 2]
