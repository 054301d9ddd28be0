"""How fast the reader switches documents and opens long ones, and what it keeps.

    python bench/reader.py [--docs 1000 10000] [--switches 100] [--seed 0]

Runs dossier headless (`App.run_test`, 160x48) in this process:

1. Document switch, on the seeds and on synthetic corpora of `--docs` documents
   (gen_corpus): the sidebar cursor is put on a random document not opened yet
   and Enter pressed (Enter opens at once; the cursor alone waits for the
   sidebar's OPEN_DELAY first); timed from the key until the reader shows that
   document and the app is idle. p50 and p95 over `--switches` switches.
2. Long documents of 100, 1,000 and 5,000 paragraphs (gen_corpus `build` with
   `paragraphs=N`), opened from another document: time to the first frame
   that shows the new document (the screen's first compositor refresh after
   the switch) and until the app is idle with it laid out; then page down
   (time per key, 20 keys) and `G` (key to idle, the last paragraph in view).
3. Memory: resident set before and after visiting 200 documents of the
   largest corpus, and how many bodies the reader keeps built.

Prints figures in ms and MB. Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import percentile
from gen_corpus import SEEDS_DIR, build, generate
from textual.pilot import Pilot
from textual.screen import Screen

from tui.app import DossierApp
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.store import NotesStore
from tui.widgets.document import PAGES_KEPT
from tui.widgets.reader import Reader
from tui.widgets.sidebar import Sidebar

SIZE = (160, 48)
LONG = (100, 1_000, 5_000)
PAGES = 20
VISITS = 200


def _ms(seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return f"p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms"


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1e6


class FrameClock:
    """When the screens last drew a frame (Screen._compositor_refresh wrapped)."""

    def __init__(self) -> None:
        self.frames: list[float] = []
        original = Screen._compositor_refresh

        def timed(screen: Screen[object]) -> None:
            original(screen)
            self.frames.append(time.perf_counter())

        Screen._compositor_refresh = timed  # type: ignore[method-assign]

    def first_after(self, start: float) -> float:
        return next(t for t in self.frames if t >= start) - start


def _app(corpus: Path, notes: Path) -> DossierApp:
    config = load_config(None)
    store = NotesStore(notes)
    store.load()
    return DossierApp(Library.load(corpus, config), config, store)


async def _idle(pilot: Pilot[None], reader: Reader, doc_id: str) -> None:
    """Until the reader shows `doc_id` and has drawn it."""
    while True:
        await pilot.pause()
        if (
            reader.document
            and reader.document.id == doc_id
            and reader.view.document is reader.document
        ):
            return


async def _switches(corpus: Path, notes: Path, count: int, seed: int) -> list[float]:
    app = _app(corpus, notes)
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        sidebar = app.screen.query_one(Sidebar)
        reader = app.screen.query_one(Reader)
        order = list(range(len(app.library.documents)))
        random.Random(seed).shuffle(order)
        # A small corpus goes round again: the reader keeps the bodies built.
        for row in (order * (count // len(order) + 2))[: count + 1]:
            sidebar.cursor = row
            target = sidebar.current
            assert target is not None
            started = time.perf_counter()
            await pilot.press("enter")
            await _idle(pilot, reader, target.id)
            times.append(time.perf_counter() - started)
    return times[1:]  # the first one warms up


async def _long_documents(folder: Path, notes: Path, clock: FrameClock) -> None:
    for paragraphs in LONG:
        (folder / f"long_{paragraphs:05d}.txt").write_text(
            build(0, paragraphs=paragraphs).text, encoding="utf-8"
        )
    (folder / "short.txt").write_text(build(1).text, encoding="utf-8")
    app = _app(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen.query_one(Reader)
        short = app.library.by_id("short")
        print(f"{'paragraphs':>10} {'first frame':>12} {'laid out':>9} {'page down':>10} {'G':>8}")
        for paragraphs in LONG:
            document = app.library.by_id(f"long_{paragraphs:05d}")
            reader.document = short
            await _idle(pilot, reader, short.id)
            started = time.perf_counter()
            reader.document = document
            await _idle(pilot, reader, document.id)
            settled = time.perf_counter() - started
            first = clock.first_after(started)
            reader.focus()
            await pilot.pause()
            started = time.perf_counter()
            for _ in range(PAGES):
                await pilot.press("pagedown")
            await _idle(pilot, reader, document.id)
            page = (time.perf_counter() - started) / PAGES
            started = time.perf_counter()
            await pilot.press("G")
            await _idle(pilot, reader, document.id)
            last = time.perf_counter() - started
            print(
                f"{len(document.paragraphs):>10,} {first * 1000:>9.1f} ms {settled * 1000:>6.1f} ms"
                f" {page * 1000:>7.1f} ms {last * 1000:>5.1f} ms"
            )


async def _memory(corpus: Path, notes: Path) -> None:
    app = _app(corpus, notes)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen.query_one(Reader)
        await pilot.pause()
        before = _rss_mb()
        for document in app.library.documents[:VISITS]:
            reader.document = document
            await _idle(pilot, reader, document.id)
        after = _rss_mb()
        print(
            f"memory: RSS {before:.0f} MB before, {after:.0f} MB after visiting {VISITS} "
            f"documents; {PAGES_KEPT} kept drawn"
        )


async def run(sizes: Sequence[int], switches: int, seed: int) -> None:
    clock = FrameClock()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-reader-") as tmp:
        root = Path(tmp)
        notes = root / "notes.yaml"
        times = await _switches(SEEDS_DIR, notes, switches, seed)
        seeds = len(list(SEEDS_DIR.glob("*.txt")))
        first, again = times[: seeds - 1], times[seeds - 1 :]
        print(f"switch  seeds, built   {_ms(first)}   switches {len(first)}")
        print(f"switch  seeds, kept    {_ms(again)}   switches {len(again)}")
        largest = SEEDS_DIR
        for size in sizes:
            largest = root / f"corpus_{size}"
            generate(largest, size, seed)
            started = time.perf_counter()
            times = await _switches(largest, notes, switches, seed)
            print(
                f"switch  {size:>6,} docs    {_ms(times)}   switches {len(times)}"
                f"   (load and runs {time.perf_counter() - started:.0f} s)"
            )
        long_folder = root / "long"
        long_folder.mkdir()
        await _long_documents(long_folder, notes, clock)
        await _memory(largest, notes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="*", default=[1000, 10000], metavar="N")
    parser.add_argument("--switches", type=int, default=100, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    args = parser.parse_args(argv)
    asyncio.run(run(args.docs, args.switches, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
