"""Parsing throughput: `Library.load` on synthetic corpora of a few sizes.

    python bench/parse.py [--docs 1000 10000] [--seed 0]

For each size, generates the documents with gen_corpus into a temporary
folder, then loads it in a fresh Python process (so that each size has its own
peak memory) and prints documents per second, total seconds, the CPU time a document of every
process (the loader's and its workers': steadier than the wall time on a busy
machine), the corpus size and the peak resident memory (`getrusage` ru_maxrss)
before and after loading.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _common import isolated_env
from gen_corpus import generate

from tui.corpus.config import load_config
from tui.corpus.library import Library


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def cpu_seconds() -> float:
    """CPU time, user and system, of this process and of its children that have ended
    (the workers of a load, once its pool is shut down)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_once(folder: Path) -> dict[str, Any]:
    """Load `folder` once in this process; the figures as a dict."""
    config = load_config()
    rss_before = peak_rss_mb()
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    library = Library.load(folder, config)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    return {
        "documents": len(library.documents),
        "errors": len(library.errors),
        "paragraphs": sum(len(document.paragraphs) for document in library.documents),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rss_before_mb": rss_before,
        "rss_peak_mb": peak_rss_mb(),
    }


def measure(folder: Path, home: Path) -> dict[str, Any]:
    """`load_once` in a child process, so that ru_maxrss is this load's alone."""
    result = subprocess.run(
        [sys.executable, __file__, "--load", str(folder)],
        capture_output=True,
        text=True,
        env=isolated_env(home),
        check=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--docs",
        type=int,
        nargs="+",
        default=[1000, 10000],
        metavar="N",
        help="corpus sizes (default 1000 10000)",
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument("--load", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load is not None:  # the child process of `measure`
        print(json.dumps(load_once(args.load)))
        return 0
    print(
        f"{'docs':>7} {'MB':>6} {'paragraphs':>10} {'seconds':>8} {'docs/s':>8} {'CPU ms/doc':>10} "
        f"{'RSS before':>10} {'peak RSS':>9} {'generate':>9}",
        flush=True,
    )
    for docs in args.docs:
        with tempfile.TemporaryDirectory(prefix="dossier-parse-") as temp:
            folder = Path(temp) / "corpus"
            started = time.perf_counter()
            paths = generate(folder, docs, args.seed)
            generated = time.perf_counter() - started
            size_mb = sum(path.stat().st_size for path in paths) / 2**20
            figures = measure(folder, Path(temp) / "home")
        print(
            f"{figures['documents']:>7,} {size_mb:>6.1f} {figures['paragraphs']:>10,} "
            f"{figures['seconds']:>8.2f} {figures['documents'] / figures['seconds']:>8.1f} "
            f"{figures['cpu_seconds'] * 1000 / figures['documents']:>10.3f} "
            f"{figures['rss_before_mb']:>8.0f}MB {figures['rss_peak_mb']:>7.0f}MB "
            f"{generated:>8.2f}s",
            flush=True,
        )
        if figures["errors"]:
            print(f"        {figures['errors']} files could not be read", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
