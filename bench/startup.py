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
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _common import isolated_env, percentile
from bare_app import MARKER as BARE_MARKER
from gen_corpus import SEEDS_DIR

try:  # POSIX only, like `pty`
    import fcntl
    import termios
except ImportError:  # pragma: no cover
    sys.exit("startup.py needs a POSIX system (pty, termios)")

BENCH_DIR = Path(__file__).resolve().parent
COLUMNS, ROWS = 80, 24
SEED_MARKER = "2016-07-12"
ISO_DATE = r"\b(?:1[89]|2\d)\d\d-[01]\d-[0-3]\d\b"
# CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ST`), DCS/APC strings, and two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[P_^][^\x1b]*\x1b\\"
    r"|\x1b[@-Z\\-_]"
    r"|[\x00-\x08\x0b-\x1f\x7f]"
)


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    command: list[str]
    marker: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float | None
    """Time to the marker; None if it never came."""
    quit_by: str
    """`q`, `ctrl+c`, `kill`, or `exited` when the program ended by itself."""
    tail: str = ""
    """The last text on the terminal, to explain a failed run."""


@dataclass(slots=True)
class Results:
    target: Target
    runs: list[Run] = field(default_factory=list)

    @property
    def times_ms(self) -> list[float]:
        return [run.seconds * 1000 for run in self.runs if run.seconds is not None]


def plain(output: bytes) -> str:
    """Terminal output as text, escape sequences removed."""
    return _ESCAPES.sub("", output.decode("utf-8", errors="replace"))


def _spawn(command: Sequence[str], env: dict[str, str]) -> tuple[int, int]:
    """Fork `command` onto a new pseudo-terminal of COLUMNS x ROWS; (pid, master fd)."""
    pid, master = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the command
        try:
            size = struct.pack("HHHH", ROWS, COLUMNS, 0, 0)
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, size)
            os.execve(command[0], list(command), env)
        finally:
            os._exit(127)
    return pid, master


def _read(master: int, timeout: float) -> bytes | None:
    """What the program wrote within `timeout` seconds; None once the terminal closed."""
    ready, _, _ = select.select([master], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(master, 65536) or None
    except OSError:  # EIO: the child side is closed
        return None


def _exited(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG)[0] == pid
    except ChildProcessError:
        return True


def _stop(pid: int, master: int) -> str:
    """Ask the program to quit with `q`, then ctrl+c, then kill it; say what worked."""
    for key, name in ((b"q", "q"), (b"\x03", "ctrl+c")):
        try:
            os.write(master, key)
        except OSError:
            break
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            if _read(master, 0.01) is None or _exited(pid):
                if not _exited(pid):
                    os.waitpid(pid, 0)
                return name
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return "kill"


def measure(target: Target, env: dict[str, str], timeout: float) -> Run:
    """One run: spawn, poll every 10 ms until the marker shows, then stop the program."""
    started = time.perf_counter()
    pid, master = _spawn(target.command, env)
    output = bytearray()
    try:
        while time.perf_counter() - started < timeout:
            chunk = _read(master, 0.01)
            if chunk is None:
                os.waitpid(pid, 0)
                return Run(None, "exited", plain(bytes(output))[-600:])
            if chunk:
                output += chunk
                if target.marker.search(plain(bytes(output))):
                    seconds = time.perf_counter() - started
                    return Run(seconds, _stop(pid, master))
        return Run(None, _stop(pid, master), plain(bytes(output))[-600:])
    finally:
        os.close(master)


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
                sys.executable,
                "-m",
                "tui",
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
