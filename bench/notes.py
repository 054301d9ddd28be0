"""Notes benchmark: the cost of keeping notes safe, for 100 to 10,000 notes.

    python bench/notes.py [--notes 100 1000 10000]

For each size, on the seed documents: the file size; `load` (read + parse +
check); a `save` after one change (lock, re-read, merge by id, write a temporary
file, fsync, back up, rename, fsync the folder), which the app runs in a worker
after every change; a `refresh` when nothing changed (the app's once-a-second
check); and re-anchoring every note (`place`) against the seeds as they are and
against a copy with paragraphs inserted at the top (every note moves).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.corpus.anchor import anchor_for, place
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.corpus.notes import Kind, Note, NotesData, new_id, write_notes
from tui.corpus.resources import seeds_dir
from tui.corpus.store import NotesStore


def make_notes(library: Library, count: int, rng: random.Random) -> dict[str, Note]:
    notes: dict[str, Note] = {}
    for n in range(count):
        document = rng.choice(library.documents)
        paragraph = rng.randrange(len(document.paragraphs))
        words = document.paragraphs[paragraph].text.split()
        quote = " ".join(words[2:7]) if n % 2 and len(words) > 8 else None
        kind = Kind.BOOKMARK if n % 5 == 0 else Kind.NOTE
        note = Note(
            new_id(kind),
            kind,
            anchor_for(document, paragraph, quote),
            "" if kind is Kind.BOOKMARK else f"Note {n}: compare with the 2020 wording.\nSee also",
            () if kind is Kind.BOOKMARK else ("karabakh", f"t{n % 7}"),
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:00:00Z",
        )
        notes[note.id] = note
    return notes


def rescraped(library: Library, folder: Path) -> dict[str, Document]:
    """The seeds with two paragraphs inserted before the body: every note moves."""
    for document in library.documents:
        lines = document.path.read_text(encoding="utf-8").split("\n")
        first = next(
            n for n, line in enumerate(lines) if line.endswith(document.paragraphs[0].text)
        )
        lines[first:first] = ["An inserted paragraph.", "", "Another inserted paragraph.", ""]
        (folder / document.path.name).write_text("\n".join(lines), encoding="utf-8")
    return {d.id: d for d in Library.load(folder, library.config).documents}


def timed(action: object, repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, nargs="+", default=[100, 1000, 10000])
    args = parser.parse_args()
    library = Library.load(seeds_dir(), load_config())
    moved = rescraped(library, Path(tempfile.mkdtemp()))
    print(
        "| notes | file | load | save after a change | refresh, no change | place all | place all, moved |"
    )
    print("|---|---|---|---|---|---|---|")
    for count in args.notes:
        print(measure(library, moved, count))


def measure(library: Library, moved: dict[str, Document], count: int) -> str:
    notes = make_notes(library, count, random.Random(count))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.yaml"
        path.write_text(write_notes(NotesData(notes)), encoding="utf-8")
        store = NotesStore(path)
        load = timed(store.load, 5)
        victim = next(iter(notes.values()))

        def change_and_save() -> None:
            store.update(replace(victim, text=str(time.perf_counter())))
            store.save()

        save = timed(change_and_save, 5)
        refresh = timed(store.refresh, 20)
        entries = store.entries()
        here = timed(lambda: [place(n.anchor, library.get(n.anchor.doc)) for n in entries], 3)
        away = timed(lambda: [place(n.anchor, moved[n.anchor.doc]) for n in entries], 1)
        size = path.stat().st_size / 1024
    return (
        f"| {count:,} | {size:,.0f} KiB | {load * 1000:.1f} ms | {save * 1000:.1f} ms "
        f"| {refresh * 1e6:.0f} µs | {here * 1000:.1f} ms | {away * 1000:.0f} ms |"
    )


if __name__ == "__main__":
    main()
