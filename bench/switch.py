"""Document switch in a real terminal: `j` then Enter in the sidebar, timed from the
keys to the moment the reader's header of the next document reaches the terminal.

    python bench/switch.py [--corpus DIR | --docs N] [--switches 40] [--settle S]

Unlike bench/reader.py (headless, until the app is idle), this is what a person sees:
dossier runs in an 80x24 pseudo-terminal as `python -m tui`, and the clock stops when
the header line `DATE · PLACE` of the next document in the sidebar appears in the
output. The first start fills the cache and is not timed; the timed one waits
`--settle` seconds for the folder to be read before the first key. With `--home`
the cache stays there, so a second run starts warm.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    DOSSIER,
    ROOT,
    _read,
    _settle,
    _spawn,
    _stop,
    isolated_env,
    percentile,
    plain,
)
from bench.gen_corpus import generate
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.widgets.document import header_content


def header(document: Document) -> str:
    """The start of the reader's line of facts under the title (short enough not to
    wrap in the reader at 80 columns)."""
    return str(header_content(document)).split("\n")[1][:24]


def bounce(order: list[Document], count: int) -> list[tuple[bytes, Document]]:
    """`count` moves down the list and back up again at its ends: (key, document)."""
    moves: list[tuple[bytes, Document]] = []
    position, step = 0, 1
    while len(moves) < count and len(order) > 1:
        if not 0 <= position + step < len(order):
            step = -step
        position += step
        moves.append((b"j" if step > 0 else b"k", order[position]))
    return moves


def switches(
    folder: Path, count: int, settle: float, env: dict[str, str], apart: bool = False
) -> list[float]:
    config = load_config(None)
    cache = DocumentCache(Path(env["HOME"]) / "bench-order.sqlite3", folder, config)
    order = list(Library.load(folder, config, cache).documents)
    notes = Path(env["HOME"]) / "notes.yaml"
    command = [*DOSSIER, "--corpus", str(folder), "--notes", str(notes)]
    for timed in (False, True):
        pid, master = _spawn(command, env)
        try:
            _settle(master, settle)
            if not timed:
                continue
            times: list[float] = []
            for key, document in bounce(order, count):
                marker = header(document)
                if apart:  # the cursor moved and drawn first; the clock is for Enter alone
                    os.write(master, key)
                    while _read(master, 0.05):
                        pass
                started = time.perf_counter()
                os.write(master, b"\r" if apart else key + b"\r")
                seen = bytearray()
                while time.perf_counter() - started < 5:
                    chunk = _read(master, 0.002)
                    if chunk:
                        seen += chunk
                        if marker in plain(bytes(seen)):
                            times.append(time.perf_counter() - started)
                            break
                # Let the frame finish before the next keys.
                while _read(master, 0.05):
                    pass
            return times
        finally:
            _stop(pid, master)
            os.close(master)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--docs", type=int, help="generate this many documents instead")
    parser.add_argument("--switches", type=int, default=40)
    parser.add_argument(
        "--apart",
        action="store_true",
        help="send j, let its frame finish, then time Enter alone (keys a person types apart)",
    )
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument(
        "--home",
        type=Path,
        help="keep HOME (and the cache) here between runs, not in a temporary folder",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dossier-switch-") as temp:
        home = args.home or Path(temp)
        folder = args.corpus
        if args.docs:
            folder = home / "corpus"
            generate(folder, args.docs)
        env = isolated_env(home, TERM="xterm-256color")
        times = switches(folder, args.switches, args.settle, env, args.apart)
    if not times:
        print("no switch was seen")
        return 1
    ms = [t * 1000 for t in times]
    print(
        f"switch{' (Enter alone)' if args.apart else ''}  {len(ms)} documents of {folder.name}: median {percentile(ms, 0.5):.1f} ms"
        f"  p95 {percentile(ms, 0.95):.1f} ms  max {max(ms):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
