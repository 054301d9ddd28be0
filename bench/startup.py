"""Time to the first usable frame: dossier next to a bare Textual app.

    python bench/startup.py [--runs 10] [--corpus DIR] [--marker TEXT]

Each run starts the command in a fresh pseudo-terminal (80x24,
TERM=xterm-256color, HOME and XDG_* in a temporary folder) and times it from
the fork until the terminal output, with escape sequences removed, contains
the marker: for dossier a date of the sidebar (`2016-07-12` on the bundled
seeds, any ISO date on another corpus unless --marker says which), for the
bare app its Static's text. Then it sends `q`, ctrl+c if that did not end it
within two seconds, and kills the process if nothing did. One warm-up run of
each is not counted; the two commands take turns so that drift hits both.
Prints the median and p95 in ms of each, and their ratio. Never asserts.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from _common import COLUMNS, DOSSIER, ROWS, Results, Target, isolated_env, measure, percentile
from bare_app import MARKER as BARE_MARKER
from gen_corpus import SEEDS_DIR

BENCH_DIR = Path(__file__).resolve().parent
SEED_MARKER = "2016-07-12"
ISO_DATE = r"\b(?:1[89]|2\d)\d\d-[01]\d-[0-3]\d\b"


def _dossier_marker(corpus: Path | None, marker: str | None) -> tuple[re.Pattern[str], str]:
    """The pattern that means dossier is ready, and how to name it."""
    if marker or corpus is None:
        text = marker or SEED_MARKER
        return re.compile(re.escape(text)), repr(text)
    return re.compile(ISO_DATE), "any ISO date"


def _report(results: Results) -> str:
    times = results.times_ms
    failed = [run for run in results.runs if run.seconds is None]
    quits = ", ".join(
        f"{how} {count}" for how, count in sorted(Counter(r.quit_by for r in results.runs).items())
    )
    line = f"{results.target.name:<8}"
    if times:
        line += (
            f" median {statistics.median(times):7.1f} ms   p95 {percentile(times, 0.95):7.1f} ms"
            f"   min {min(times):7.1f} ms   runs {len(times)}"
        )
    line += f"   failed {len(failed)}   stopped by: {quits}"
    if failed:
        line += f"\n  last failure, end of screen text:\n  {failed[-1].tail.strip()[-400:]!r}"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=10, metavar="N", help="runs of each (default 10)"
    )
    parser.add_argument(
        "--corpus", type=Path, metavar="DIR", help="folder to open (default: the bundled seeds)"
    )
    parser.add_argument(
        "--marker",
        metavar="TEXT",
        help="text that means dossier is ready (default: a sidebar date)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="give up a run after S seconds (default 30)",
    )
    args = parser.parse_args(argv)
    corpus = (args.corpus or SEEDS_DIR).resolve()
    with tempfile.TemporaryDirectory(prefix="dossier-startup-") as temp:
        home = Path(temp)
        env = isolated_env(home, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        env.pop("NO_COLOR", None)
        marker, marker_name = _dossier_marker(args.corpus, args.marker)
        dossier = Target(
            "dossier",
            [
                *DOSSIER,
                "--corpus",
                str(corpus),
                "--notes",
                str(home / "notes.yaml"),
            ],
            marker,
        )
        bare = Target(
            "bare",
            [sys.executable, str(BENCH_DIR / "bare_app.py")],
            re.compile(re.escape(BARE_MARKER)),
        )
        results = [Results(dossier), Results(bare)]
        print(
            f"corpus {corpus}; {args.runs} runs each after one warm-up; "
            f"{COLUMNS}x{ROWS} pty; dossier marker {marker_name}",
            flush=True,
        )
        for round_number in range(args.runs + 1):
            for result in results:
                run = measure(result.target, env, args.timeout)
                if round_number > 0:
                    result.runs.append(run)
    for result in results:
        print(_report(result))
    dossier_ms, bare_ms = results[0].times_ms, results[1].times_ms
    if dossier_ms and bare_ms:
        print(
            f"ratio    median {statistics.median(dossier_ms) / statistics.median(bare_ms):.2f}x"
            f"   p95 {percentile(dossier_ms, 0.95) / percentile(bare_ms, 0.95):.2f}x"
        )
    else:
        print("ratio    n/a: a program never showed its marker (see the failure above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
