"""How fast the compare view opens, and how alignment scales with document size.

    python bench/compare.py [--runs 5] [--sizes 60 500 2000] [--seed 0] [--only large]
                            [--rest 0.5]

1. For each of the ten pairs of seed documents, in a real pseudo-terminal (160x48
   and 80x24, TERM=xterm-256color, HOME and XDG_* in a temporary folder): dossier
   runs on the seeds; in the sidebar the left document is marked with `c`, the
   cursor goes to the right one, and the time is taken from writing the second
   `c` until the terminal output shows the compare view's status line with its
   pairs counted (`N pairs: ] for the first`), that is the first frame with the
   pairs marked. Escape goes back; one warm-up run per pair is not counted.
   Also the alignment alone (`tui.corpus.compare.align`). Target: < 200 ms.
2. The alignment alone on large synthetic documents: the turns of documents made
   by gen_corpus (seed paragraphs with typos, so many paragraphs nearly repeat
   each other) merged into two documents of about N paragraphs each.
3. Opening a meeting of LARGE (1,000) paragraphs, in the same pseudo-terminal: in
   the reader (from `j` Enter in the sidebar until the first paragraph of the next
   meeting shows) and in the compare view (from the second `c` until both panes show
   their meeting's header: at 80x24 the panes had no room for more). Each run opens
   meetings not opened before (the reader keeps the pages it drew). The first of each
   is shown apart: the first mark composes the compare view, hidden, and the first
   comparison shows it for the first time; the later ones are shown in it again. The
   cursor rests `--rest` seconds (0.5) on the right meeting before
   the second `c`: past PREPARE_AFTER (tui/screens/compare.py) the hidden compare view
   has opened the two meetings by then; `--rest 0.1` times a `c` pressed before.
   Target: the compare view within 1.5x of the reader.

Prints medians and p95 in ms. Never asserts.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _common
from _common import DOSSIER, isolated_env, percentile, plain
from gen_corpus import SEEDS_DIR, generate

from tui.corpus.compare import align
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document, Paragraph, Turn

SIZES = ((160, 48), (80, 24))
LARGE = 1_000
"""Paragraphs of a meeting in the open-time bench."""
OPENED = re.compile(r"\d+ pairs: \] for the first")
TIMEOUT = 20.0


def _figures(times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"median {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms"


def _until(master: int, pattern: re.Pattern[str], since: bytes = b"") -> bytes:
    """Read the terminal until its text (escapes removed) matches; what was read."""
    output = since
    deadline = time.monotonic() + TIMEOUT
    while not pattern.search(plain(output)):
        chunk = _common._read(master, 0.002)
        if chunk is None or time.monotonic() > deadline:
            raise RuntimeError(f"never saw {pattern.pattern!r}: {plain(output)[-300:]}")
        output += chunk
    return output


def _open_times(
    command: list[str], env: dict[str, str], order: list[str], runs: int
) -> dict[tuple[str, str], list[float]]:
    """Per pair of ids (in sidebar order): seconds from the second `c` to the pairs."""
    pid, master = _common._spawn(command, env)
    times: dict[tuple[str, str], list[float]] = {}
    try:
        _until(master, re.compile("2016-07-12"))
        for left, right in itertools.combinations(order, 2):
            first, second = order.index(left), order.index(right)
            for run in range(runs + 1):
                # From the top of the list: mark the left one, go down to the right one.
                os.write(master, b"g" + b"j" * first + b"c")
                _until(master, re.compile("⇄"))  # the mark in the sidebar
                os.write(master, b"j" * (second - first))
                time.sleep(0.4)  # the reader opens the document under the cursor
                while _common._read(master, 0.01):
                    pass
                started = time.perf_counter()
                os.write(master, b"c")
                _until(master, OPENED)
                if run:
                    times.setdefault((left, right), []).append(time.perf_counter() - started)
                os.write(master, b"\x1b")
                _until(master, re.compile("c Compare"))
                time.sleep(0.2)
    finally:
        _common._stop(pid, master)
    return times


def seeds(runs: int) -> None:
    library = Library.load(SEEDS_DIR, load_config())
    order = [document.id for document in library.documents]
    print("Seed pairs: alignment alone")
    for left, right in itertools.combinations(order, 2):
        alone = []
        for _ in range(max(runs, 10)):
            started = time.perf_counter()
            align(library.by_id(left), library.by_id(right), library.matcher)
            alone.append(time.perf_counter() - started)
        print(f"  {left[:3]} vs {right[:3]}   {_figures(alone)}")
    with tempfile.TemporaryDirectory(prefix="dossier-compare-") as temp:
        home = Path(temp)
        command = [
            *DOSSIER,
            "--corpus",
            str(SEEDS_DIR),
            "--notes",
            str(home / "notes.yaml"),
            "--no-state",  # each start in the list, not where the last one stopped
        ]
        for columns, rows in SIZES:
            env = isolated_env(home, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
            env.pop("NO_COLOR", None)
            # _common._spawn sizes its terminal from these.
            _common.COLUMNS, _common.ROWS = columns, rows
            print(
                f"Seed pairs: keypress to the compare view with its pairs, {columns}x{rows} pty, "
                f"{runs} runs each after a warm-up"
            )
            measured = _open_times(command, env, order, runs)
            everything = [t for times in measured.values() for t in times]
            for (left, right), times in measured.items():
                print(f"  {left[:3]} vs {right[:3]}   {_figures(times)}")
            print(f"  all pairs  {_figures(everything)}   max {max(everything) * 1000:7.1f} ms")


def _merged(doc_id: str, documents: Sequence[Document], paragraphs: int) -> Document:
    """One document made of the turns of `documents`, renumbered, until it has about
    `paragraphs` paragraphs."""
    turns: list[Turn] = []
    count = 0
    for document in documents:
        for turn in document.turns:
            renumbered = tuple(
                Paragraph(count + n, p.text, p.topics) for n, p in enumerate(turn.paragraphs)
            )
            count += len(renumbered)
            turns.append(
                Turn(len(turns), turn.speaker, turn.label, turn.note, turn.kind, renumbered)
            )
        if count >= paragraphs:
            break
    first = documents[0]
    return Document(
        doc_id,
        first.path,
        first.title,
        first.date,
        first.place,
        first.source_kind,
        first.format,
        tuple(turns),
    )


def synthetic(sizes: Sequence[int], seed: int, runs: int) -> None:
    print(f"Synthetic documents (gen_corpus seed {seed}): align two of about N paragraphs")
    with tempfile.TemporaryDirectory() as folder:
        needed = max(sizes) * 2 // 25 + 10  # documents average ~32 paragraphs
        generate(Path(folder), needed, seed)
        library = Library.load(Path(folder), load_config())
    documents = library.documents
    half = len(documents) // 2
    for size in sizes:
        left = _merged("left", documents[:half], size)
        right = _merged("right", documents[half:], size)
        times = []
        alignment = None
        for _ in range(runs if size <= 500 else max(1, runs // 5)):
            started = time.perf_counter()
            alignment = align(left, right, library.matcher)
            times.append(time.perf_counter() - started)
        assert alignment is not None
        close = sum(len(pair.paragraphs) for pair in alignment.pairs)
        print(
            f"  {len(left.paragraphs):6,} ¶ ({len(alignment.left_units):4} units) vs "
            f"{len(right.paragraphs):6,} ¶ ({len(alignment.right_units):4} units)   "
            f"{_figures(times)}   {len(alignment.pairs)} pairs, {close} close paragraphs"
        )


def _large_corpus(folder: Path, count: int) -> None:
    """`count` meetings of LARGE paragraphs each, made of the seeds' paragraphs (every
    third a question); meeting `n`'s title starts `Zanzibar<n>z`, its first paragraph
    `Opening<n>x`."""
    seeds = Library.load(SEEDS_DIR, load_config()).documents
    # Cut to 280 characters: all the meetings stay under the 4 MB past which the folder
    # is read after the first frame.
    paragraphs = [p.text[:280] for d in seeds for p in d.paragraphs if len(p.text.split()) > 12]
    for number in range(count):
        body = [f"Opening{number}x is where this meeting opens, before everything else."]
        for n in range(LARGE - 1):
            paragraph = paragraphs[(n * 7 + number) % len(paragraphs)].replace("\n", " ")
            body.append(f"Question: {paragraph}" if n % 3 == 0 else paragraph)
        (folder / f"large_{number:02}.txt").write_text(
            f"Zanzibar{number}z remarks and answers to media questions, Baku, "
            f"May {number + 1}, 2019\n\n"
            f"Sergey Lavrov: " + "\n\n".join(body) + "\n",
            encoding="utf-8",
        )


def _shows(*texts: str) -> re.Pattern[str]:
    """Matches output that has every one of `texts`, in any order."""
    # Anchored: tried at every place of a long output, the lookaheads took seconds.
    return re.compile("\\A" + "".join(f"(?=[\\s\\S]*{re.escape(text)})" for text in texts))


def large(runs: int, rest: float = 0.5) -> None:
    """Seconds to open a meeting of LARGE paragraphs in the reader and in the compare view."""
    with tempfile.TemporaryDirectory(prefix="dossier-large-") as temp:
        home = Path(temp)
        corpus = home / "corpus"
        corpus.mkdir()
        count = 2 * (runs + 1) + 1
        _large_corpus(corpus, count)
        library = Library.load(corpus, load_config())
        # Sidebar order: the number in each meeting's first paragraph.
        order = [
            int(d.paragraphs[0].text.split("x ")[0][len("Opening") :]) for d in library.documents
        ]
        notes = str(home / "notes.yaml")
        command = [*DOSSIER, "--corpus", str(corpus), "--notes", notes, "--no-state"]
        for columns, rows in SIZES:
            env = isolated_env(home, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
            env.pop("NO_COLOR", None)
            _common.COLUMNS, _common.ROWS = columns, rows
            reader: list[float] = []
            compare: list[float] = []
            pid, master = _common._spawn(command, env)
            try:
                _until(master, _shows(f"Opening{order[0]}x"))
                time.sleep(1.0)
                for position in range(1, count - 1, 2):
                    # The reader: the next meeting, from the sidebar (Enter opens it at once).
                    while _common._read(master, 0.05):
                        pass
                    started = time.perf_counter()
                    os.write(master, b"j\r")
                    _until(master, _shows(f"Opening{order[position]}x"))
                    reader.append(time.perf_counter() - started)
                    time.sleep(0.3)
                    # The compare view: this one marked against the next one.
                    os.write(master, b"c")
                    _until(master, re.compile("⇄"))  # the mark in the sidebar
                    os.write(master, b"j")
                    _until(master, _shows(f"Opening{order[position + 1]}x"))
                    time.sleep(rest)
                    while _common._read(master, 0.05):
                        pass
                    started = time.perf_counter()
                    os.write(master, b"c")
                    wanted = [f"Zanzibar{order[n]}z" for n in (position, position + 1)]
                    _until(master, _shows("LEFT", "RIGHT", *wanted))
                    compare.append(time.perf_counter() - started)
                    _until(master, re.compile(r"pairs: \]|Nothing here pairs up"))
                    os.write(master, b"\x1b")
                    _until(master, re.compile("c Compare"))
                    time.sleep(0.3)
            finally:
                _common._stop(pid, master)
            # The first of each apart: a warm-up, and the first comparison shows the
            # compare view for the first time (composed when the first mark was set).
            (first_reader, *reader), (first_compare, *compare) = reader, compare
            ratio = statistics.median(compare) / statistics.median(reader)
            print(
                f"Open a meeting of {LARGE:,} paragraphs, {columns}x{rows} pty, {len(reader)} runs"
            )
            print(f"  reader        {_figures(reader)}")
            print(f"  compare view  {_figures(compare)}   {ratio:.2f}x the reader")
            print(
                f"  the first of each: reader {first_reader * 1000:.1f} ms, compare view "
                f"{first_compare * 1000:.1f} ms (its first showing)"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs (default 5)")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[60, 500, 2000], metavar="N", help="¶ per side"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="gen_corpus seed")
    parser.add_argument(
        "--only", choices=["seeds", "synthetic", "large"], help="run one part of the bench"
    )
    parser.add_argument(
        "--rest",
        type=float,
        default=0.5,
        metavar="S",
        help="seconds on the right meeting before the second c (default 0.5)",
    )
    args = parser.parse_args(argv)
    if args.only in (None, "seeds"):
        seeds(args.runs)
    if args.only in (None, "synthetic"):
        synthetic(args.sizes, args.seed, args.runs)
    if args.only in (None, "large"):
        large(args.runs, args.rest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
