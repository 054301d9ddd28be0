"""How fast the study views open: topic timeline, concordance, speakers.

    python bench/study.py [--docs 0 1000 10000] [--runs 5] [--seed 0]

For the seeds (`0`) and for synthetic corpora of the given sizes (gen_corpus),
dossier runs headless (`App.run_test`, 160x48) with the search index built. The
time is taken from running the view's action (what `L` and `W` do) until the
screen has been drawn (the next idle of the app): the timeline's grid and status
line, the speakers list; for the concordance, from the query set in its input
until its lines are drawn, which includes the 150 ms the screen waits after a
keystroke before it looks up. The view is closed between runs. A view is built on
its first use and kept: the first opening of the timeline and the speakers view is
shown apart (`1st`); the others are figures for opening it again.
The library is loaded warm, through a cache filled by a first load (in the temporary
folder), as a second start of dossier loads it. Also the corpus functions alone: the
tallies read from the cache (what the timeline and the speakers view count from), then
timeline, speakers and concordance. Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import percentile
from bench.gen_corpus import generate
from tui.app import DossierApp
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.resources import seeds_dir
from tui.corpus.search import SearchIndex
from tui.corpus.store import NotesStore
from tui.corpus.study import concordance, speakers, timeline


def figures(times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"median {statistics.median(ms):8.1f} ms  p95 {percentile(ms, 0.95):8.1f} ms"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


async def screens(library: Library, runs: int, notes: Path) -> dict[str, list[float]]:
    from textual.widgets import Input

    from tui.messages import ViewClosed
    from tui.screens.kwic import KwicScreen

    app = DossierApp(library, library.config, NotesStore(notes))
    results: dict[str, list[float]] = {"timeline": [], "speakers": [], "concordance": []}
    async with app.run_test(size=(160, 48)) as pilot:
        while app.search_screen.index is None:
            await pilot.pause(0.1)
        for _ in range(runs + 1):
            for name in ("timeline", "speakers"):
                start = time.perf_counter()
                await app.run_action(f"study({name!r})")
                await pilot.pause()
                results[name].append(time.perf_counter() - start)
                app.screen.post_message(ViewClosed())
                await pilot.pause()
            await app.run_action("study('kwic')")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, KwicScreen)
            screen.query_one(Input).value = ""
            screen.found = None
            await pilot.pause(0.3)
            start = time.perf_counter()
            screen.query_one(Input).value = "Karabakh"
            while not screen.lines:
                await pilot.pause(0.001)
            await pilot.pause()
            results["concordance"].append(time.perf_counter() - start)
            screen.post_message(ViewClosed())
            await pilot.pause()
    # The first opening builds the view (the timeline and speakers read the tallies).
    firsts = {f"{name} 1st": times[:1] for name, times in results.items() if name != "concordance"}
    return firsts | {name: times[1:] for name, times in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    config = load_config()
    for docs in args.docs:
        with tempfile.TemporaryDirectory() as folder:
            corpus = seeds_dir() if docs == 0 else Path(folder) / "corpus"
            if docs:
                generate(corpus, docs, args.seed)
            cache = DocumentCache(Path(folder) / "cache.sqlite3", corpus, config)
            Library.load(corpus, config, cache)  # fills the cache
            library = Library.load(corpus, config, cache)
            measure(library, args.runs, Path(folder) / "notes.yaml")
            library.close()
            cache.close()


def measure(library: Library, runs: int, notes: Path) -> None:
    index = SearchIndex(library.documents, library.config)
    topics = [topic.name for topic in library.config.topics]
    print(f"\n{len(library.documents):,} documents")
    tallies = list(library.tallies())
    for name, action in (
        ("tallies()", lambda: list(library.tallies())),
        ("timeline()", lambda: timeline(tallies, topics)),
        ("speakers()", lambda: speakers(tallies)),
        ("concordance()", lambda: concordance(index, "Karabakh")),
    ):
        print(f"  {name:<16}{figures(timed(action, runs))}")
    for name, times in asyncio.run(screens(library, runs, notes)).items():
        print(f"  open {name:<15}{figures(times)}")


if __name__ == "__main__":
    main()
