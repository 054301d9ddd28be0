"""How the notes UI copes with many notes: the app headless (Pilot), at 80x24.

    python bench/notes_screen.py [--notes 1000] [--runs 5]

Writes a notes file of N entries (two notes to a bookmark) on random paragraphs
of the bundled seeds, with random quotes from them, into a temporary folder, and
times, per run, in a fresh app:
- start: from `run_test` entering until the main screen shows the marks;
- redraw: re-anchoring every entry and redrawing the reader's marks, the
  sidebar's counts and the notes screen (what follows every change and every
  edit made outside);
- open: `A` until the notes screen lists every entry (the first time: built);
- filter: one key typed into the filter until the list is rebuilt;
- bookmark: `m` in the reader until its mark is drawn (the save runs after);
- list: filtering, sorting and listing every entry again, the call alone;
- idle key: a key that changes nothing (`k` on the first document), for the
  cost of a key press and a frame under Pilot that the timings above include.
Prints the median and the slowest run of each, in ms. Never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import DossierApp  # noqa: E402
from tui.corpus.anchor import anchor_for  # noqa: E402
from tui.corpus.config import load_config  # noqa: E402
from tui.corpus.library import Library  # noqa: E402
from tui.corpus.notes import Kind, Note, NotesData, write_notes  # noqa: E402
from tui.corpus.store import NotesStore  # noqa: E402
from tui.screens.notes import NotesScreen  # noqa: E402

SIZE = (80, 24)


def notes_file(library: Library, count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    entries: dict[str, Note] = {}
    for number in range(count):
        document = rng.choice(library.documents)
        paragraph = rng.randrange(len(document.paragraphs))
        text = document.paragraphs[paragraph].text
        words = text.split()
        start = rng.randrange(len(text))
        quote = text[start : start + rng.randint(3, 60)].strip() or text
        kind = Kind.BOOKMARK if number % 3 == 2 else Kind.NOTE
        stamp = f"2024-{1 + number % 12:02}-{1 + number % 28:02}T10:{number % 60:02}:00Z"
        note_id = f"{kind.value[0]}{number:07}"
        entries[note_id] = Note(
            note_id,
            kind,
            anchor_for(document, paragraph, quote if kind is Kind.NOTE else None),
            f"note {number}: {' '.join(rng.choices(words, k=12))}" if kind is Kind.NOTE else "",
            (rng.choice(["karabakh", "trade", "caspian", "follow-up"]),)
            if kind is Kind.NOTE
            else (),
            stamp,
            stamp,
        )
    return write_notes(NotesData(entries))


async def until(ready: Callable[[], bool]) -> None:
    for _ in range(2000):
        if ready():
            return
        await asyncio.sleep(0.001)
    raise TimeoutError


async def one_run(library: Library, path: Path, count: int) -> dict[str, float]:
    config = library.config
    store = NotesStore(path)
    store.load()
    app = DossierApp(library, config, store)
    figures: dict[str, float] = {}
    began = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await until(lambda: len(app.placed) == count and app.main_screen.is_mounted)
        await pilot.pause()
        figures["start"] = time.perf_counter() - began

        began = time.perf_counter()
        await pilot.press("k")
        figures["idle key"] = time.perf_counter() - began

        began = time.perf_counter()
        app._notes_changed(save=False)
        figures["redraw"] = time.perf_counter() - began

        began = time.perf_counter()
        await pilot.press("A")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        await until(lambda: len(screen.shown) == count)
        await pilot.pause()
        figures["open"] = time.perf_counter() - began

        began = time.perf_counter()
        screen._show()
        figures["list"] = time.perf_counter() - began

        began = time.perf_counter()
        await pilot.press("slash", "9")
        await until(lambda: len(screen.shown) < count)
        await pilot.pause()
        figures["filter"] = time.perf_counter() - began

        await pilot.press("escape", "escape", "tab", "j")
        began = time.perf_counter()
        before = len(app.placed)
        await pilot.press("m")
        await until(lambda: len(app.placed) != before)
        await pilot.pause()
        figures["bookmark"] = time.perf_counter() - began
        await app.workers.wait_for_complete()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    library = Library.load(ROOT / "seeds", load_config(None))
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.yaml"
        text = notes_file(library, args.notes)
        for _ in range(args.runs):
            path.write_text(text, encoding="utf-8")
            runs.append(asyncio.run(one_run(library, path, args.notes)))
    print(f"{args.notes:,} notes and bookmarks, {args.runs} runs, {SIZE[0]}x{SIZE[1]}, ms:")
    for name in runs[0]:
        values = [run[name] * 1000 for run in runs]
        print(f"  {name:9} median {statistics.median(values):8.1f}   slowest {max(values):8.1f}")


if __name__ == "__main__":
    main()
