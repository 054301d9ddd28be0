"""Bytes written to the terminal per keystroke: dossier's reader and sidebar keys,
against `less` and a bare Textual reader on the same seed.

    python bench/repaint.py [--samples 10] [--sizes 80x24 160x48] [--quiet 0.5]
                            [--find WORD] [--colorterm truecolor] [--dossier CMD]
                            [--json] [--dump DIR]

Each program runs in a private tmux server (`tmux -L repaint-PID -f /dev/null`,
`default-terminal` xterm-256color, HOME and XDG folders in a temporary folder,
`--no-state` and a temporary notes file for dossier). Right after the session
starts, `pipe-pane -O` appends everything the program writes to its terminal to
a file. A sample waits until nothing has been written for `--quiet` seconds,
notes the file's size, sends one key (`send-keys`), waits until quiet again and
takes the difference: every byte the key caused, including frames that follow
it (the sidebar opens the document under its cursor 0.12 s after a move).

Keys, `--samples` of each, at each size:

- dossier (the oldest seed, as it opens with no state), in the reader: `j`, `k`,
  `]`, `}`, `space`, then `n` after a find of `--find` (the find bar stays
  open), and `j` in the sidebar. Before a sample where the key could not move
  (the last paragraph, no later turn or question, the sidebar's last row) `g` or
  `G` is sent, unmeasured.
- `less` on the same seed file: `j` and `space`.
- a bare Textual reader (this file run with `--bare-reader FILE`): the seed's text
  in one `Static` in a `VerticalScroll`, a `Footer`; `j` scrolls one line, `space`
  a page from the top (`g` first, unmeasured).

A sample "moved" when the screen's text changed other than in the cursor bar
(`█` `▌`) and the reader's status line: the view scrolled, or (sidebar `j`)
another document opened. Rows per key are split by that. `rows` is the median
number of screen rows the output wrote to (cursor moves `ESC [ row ; col H`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import DOSSIER, ROOT, isolated_env

SEEDS = ROOT / "seeds"
TIMEOUT = 20.0
POLL = 0.01
_STATUS = re.compile(r"¶(\d+) · (\d+)/(\d+)")
_ROW = re.compile(rb"\x1b\[(\d+);\d+H")
_BARS = str.maketrans({"█": " ", "▌": " "})


# -- a program in a private tmux server ------------------------------------------


class Pane:
    """One detached tmux session on a private server; what its program writes goes to
    `log` through `pipe-pane`."""

    def __init__(self, tag: str, folder: Path, env: dict[str, str]) -> None:
        self.socket = f"repaint-{os.getpid()}-{tag}"
        self.name = "bench"
        self.log = folder / f"{tag}.out"
        self.env = env

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            check=check,
            capture_output=True,
            text=True,
            env=self.env,
        )
        return done.stdout

    def start(self, command: Sequence[str], size: tuple[int, int]) -> None:
        width, height = size
        self.log.write_bytes(b"")
        self.tmux(
            "start-server",
            ";",
            "set-option",
            "-g",
            "default-terminal",
            "xterm-256color",
            ";",
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            str(height),
            "-s",
            self.name,
            shlex.join(command),
            ";",
            "pipe-pane",
            "-O",
            "-t",
            self.name,
            f"cat >> {shlex.quote(str(self.log))}",
        )

    def stop(self) -> None:
        self.tmux("kill-server", check=False)

    def written(self) -> int:
        return self.log.stat().st_size

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def send(self, key: str) -> None:
        """A tmux key name (`Space`, `Enter`, `Tab`) or one character, sent literally."""
        literal = ["-l"] if len(key) == 1 else []
        self.tmux("send-keys", "-t", self.name, *literal, key)

    def quiet(self, seconds: float, since: float | None = None) -> int:
        """Wait until nothing was written for `seconds` (counted from `since` at the
        earliest); the log's size then."""
        size = self.written()
        last = time.monotonic() if since is None else since
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            time.sleep(POLL)
            now = self.written()
            if now != size:
                size, last = now, time.monotonic()
            elif time.monotonic() - last >= seconds:
                return size
        raise RuntimeError(f"{self.socket}: still writing after {TIMEOUT} s")

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise RuntimeError(f"{self.socket}: {text!r} never showed; the screen was:\n{screen}")

    def press(self, key: str, quiet: float) -> None:
        """Send a key that is not measured and wait for its output to end."""
        self.send(key)
        self.quiet(quiet, since=time.monotonic())


# -- samples -------------------------------------------------------------------------


@dataclass(slots=True)
class Sample:
    bytes: int
    rows: int
    moved: bool


@dataclass(slots=True)
class Case:
    program: str
    where: str
    key: str
    """As printed."""
    send: str
    """As tmux sends it."""
    setup: Callable[[str, int], str | None] = lambda _screen, _number: None
    """Given the screen and the sample's number (from 0 at each size), a key to send
    (unmeasured) first so that the key can move."""
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    """By size (`80x24`)."""


def _moved(before: str, after: str) -> bool:
    def text(screen: str) -> list[str]:
        return [line.translate(_BARS) for line in screen.splitlines() if "¶" not in line]

    return text(before) != text(after)


def _rows(output: bytes) -> int:
    return len({match.group(1) for match in _ROW.finditer(output)})


def sample(
    pane: Pane, case: Case, number: int, quiet: float, dump: Path | None, label: str
) -> Sample:
    screen = pane.screen()
    first = case.setup(screen, number)
    if first is not None:
        pane.press(first, quiet)
        screen = pane.screen()
    start = pane.quiet(quiet)
    pane.send(case.send)
    end = pane.quiet(quiet, since=time.monotonic())
    with pane.log.open("rb") as log:
        log.seek(start)
        output = log.read(end - start)
    after = pane.screen()
    if dump is not None:
        (dump / f"{label}.bin").write_bytes(output)
    return Sample(end - start, _rows(output), _moved(screen, after))


def run_cases(
    pane: Pane,
    cases: Sequence[Case],
    size: str,
    samples: int,
    quiet: float,
    dump: Path | None,
) -> None:
    for case in cases:
        taken = case.samples.setdefault(size, [])
        for number in range(samples):
            key = {"]": "bracket", "}": "brace"}.get(case.send, case.send)
            label = f"{case.program}-{case.where}-{key}-{size}-{number}"
            taken.append(sample(pane, case, number, quiet, dump, re.sub(r"\W", "_", label)))


# -- what is measured ----------------------------------------------------------------


def _place(screen: str) -> tuple[int, int]:
    """The reader's current paragraph and paragraph count, from its status line."""
    found = _STATUS.search(screen)
    if found is None:
        raise RuntimeError(f"no reader status line on the screen:\n{screen}")
    return int(found.group(1)), int(found.group(3))


def _before(starts: Sequence[int]) -> Callable[[str, int], str | None]:
    """`g` first when no start lies after the cursor."""

    def setup(screen: str, _number: int) -> str | None:
        paragraph, _ = _place(screen)
        return None if any(start > paragraph for start in starts) else "g"

    return setup


def _cycle(rows: int) -> Callable[[str, int], str | None]:
    """`g` first each time the sidebar's cursor has gone down to its last row (it
    starts on the first)."""

    def setup(screen: str, number: int) -> str | None:
        return "g" if number and number % (rows - 1) == 0 else None

    return setup


def dossier_cases(starts: Sequence[int], questions: Sequence[int]) -> list[Case]:
    def down(screen: str, _number: int) -> str | None:
        paragraph, count = _place(screen)
        return "g" if paragraph >= count - 1 else None

    def up(screen: str, _number: int) -> str | None:
        return "G" if _place(screen)[0] == 0 else None

    return [
        Case("dossier", "reader", "j", "j", down),
        Case("dossier", "reader", "k", "k", up),
        Case("dossier", "reader", "]", "]", _before(starts)),
        Case("dossier", "reader", "}", "}", _before(questions)),
        Case("dossier", "reader", "space", "Space", down),
    ]


def _env(home: Path, args: argparse.Namespace, **extra: str) -> dict[str, str]:
    env = isolated_env(home, TERM="xterm-256color", **extra)
    for name in ("TMUX", "TMUX_PANE", "COLORTERM", "LESS", "LESSOPEN", "LESSCLOSE"):
        env.pop(name, None)
    if args.colorterm:
        env["COLORTERM"] = args.colorterm
    return env


def measure_dossier(
    size: tuple[int, int], args: argparse.Namespace, work: Path, cases: Sequence[Case]
) -> None:
    home = work / "home-dossier"
    pane = Pane(f"dossier-{size[0]}x{size[1]}", work, _env(home, args))
    notes = home / "notes.yaml"
    command = shlex.split(args.dossier) if args.dossier else DOSSIER
    pane.start([*command, "--corpus", str(SEEDS), "--notes", str(notes), "--no-state"], size)
    label = f"{size[0]}x{size[1]}"
    reader, find, sidebar = cases[:-2], cases[-2], cases[-1]
    try:
        pane.wait_for("2016-07-12")
        pane.quiet(args.quiet)
        pane.press("Enter", args.quiet)  # open the first document (it may be open already)
        pane.press("Tab", args.quiet)  # the reader has the keys
        pane.wait_for("¶")
        run_cases(pane, reader, label, args.samples, args.quiet, args.dump)
        pane.press("g", args.quiet)
        for key in f"/{args.find}":
            pane.send(key)
        pane.press("Enter", args.quiet)
        pane.wait_for("hit ")
        run_cases(pane, [find], label, args.samples, args.quiet, args.dump)
        pane.press("Escape", args.quiet)  # the find bar closes
        pane.press("Tab", args.quiet)  # the sidebar has the keys
        run_cases(pane, [sidebar], label, args.samples, args.quiet, args.dump)
    finally:
        pane.stop()


def measure_other(
    program: str,
    command: Sequence[str],
    marker: str,
    size: tuple[int, int],
    args: argparse.Namespace,
    work: Path,
    cases: Sequence[Case],
) -> None:
    home = work / f"home-{program}"
    pane = Pane(f"{program}-{size[0]}x{size[1]}", work, _env(home, args, LESSHISTFILE="-"))
    pane.start(command, size)
    try:
        pane.wait_for(marker)
        pane.quiet(args.quiet)
        run_cases(pane, cases, f"{size[0]}x{size[1]}", args.samples, args.quiet, args.dump)
    finally:
        pane.stop()


# -- the bare Textual reader ---------------------------------------------------------

BARE_MARKER = "bare reader"


def bare_reader(path: Path) -> None:
    """A Textual app with the seed's text in a scrolling view: the least a Textual
    reader writes for a one-line scroll."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Static

    text = path.read_text(encoding="utf-8")

    class BareReader(App[None]):
        TITLE = BARE_MARKER
        BINDINGS = [  # noqa: RUF012 (Textual's own style)
            Binding("q", "quit", "Quit"),
            Binding("j", "line", "Line down"),
            Binding("space", "page", "Page down"),
            Binding("g", "top", "Top"),
        ]

        def compose(self) -> ComposeResult:
            yield Static(BARE_MARKER)
            with VerticalScroll():
                yield Static(text, markup=False)
            yield Footer()

        def on_mount(self) -> None:
            self.query_one(VerticalScroll).focus()

        def action_line(self) -> None:
            self.query_one(VerticalScroll).scroll_down(animate=False, immediate=True)

        def action_top(self) -> None:
            self.query_one(VerticalScroll).scroll_home(animate=False, immediate=True)

        def action_page(self) -> None:
            self.query_one(VerticalScroll).scroll_page_down(animate=False)

    BareReader().run()


# -- report --------------------------------------------------------------------------


def _groups(case: Case) -> list[tuple[bool, dict[str, list[Sample]]]]:
    """The case's samples split into those that moved the screen and those that did
    not, each by size; a split only where it has samples."""
    groups = []
    for moved in (False, True):
        by_size = {
            size: [s for s in taken if s.moved == moved] for size, taken in case.samples.items()
        }
        if any(by_size.values()):
            groups.append((moved, by_size))
    return groups


def _cell(samples: list[Sample]) -> str:
    if not samples:
        return "-"
    sizes = [s.bytes for s in samples]
    rows = statistics.median(s.rows for s in samples)
    where = f"{rows:g} rows" if rows else "relative moves"
    return f"{statistics.median(sizes):>6,.0f} / {max(sizes):>6,} ({len(samples)}, {where})"


def table(cases: Sequence[Case], sizes: Sequence[str]) -> str:
    head = ["key", "where", "moved", *(f"{size} bytes median / max (n, rows)" for size in sizes)]
    rows = []
    for case in cases:
        where = case.where if case.program == "dossier" else case.program
        for moved, by_size in _groups(case):
            rows.append(
                [case.key, where, "yes" if moved else "no", *(_cell(by_size[s]) for s in sizes)]
            )
    widths = [max(len(row[n]) for row in [head, *rows]) for n in range(len(head))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [head, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def as_json(cases: Sequence[Case], args: argparse.Namespace) -> dict[str, object]:
    results = []
    for case in cases:
        for moved, by_size in _groups(case):
            entry: dict[str, object] = {
                "program": case.program,
                "where": case.where,
                "key": case.key,
                "moved": moved,
            }
            for size, samples in by_size.items():
                sizes = [s.bytes for s in samples]
                entry[size] = {
                    "median": statistics.median(sizes) if sizes else None,
                    "max": max(sizes, default=None),
                    "samples": [asdict(s) for s in samples],
                }
            results.append(entry)
    return {
        "samples": args.samples,
        "quiet": args.quiet,
        "colorterm": args.colorterm,
        "find": args.find,
        "results": results,
    }


# -- main ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10, help="keys of each kind (10)")
    parser.add_argument("--sizes", nargs="+", default=["80x24", "160x48"])
    parser.add_argument("--quiet", type=float, default=0.5, help="seconds without output (0.5)")
    parser.add_argument("--find", default="Kerry", help="what to find before `n` (Kerry)")
    parser.add_argument(
        "--colorterm", default="truecolor", help="COLORTERM for the programs; '' for none"
    )
    parser.add_argument(
        "--dossier", help="the command to run as dossier (default: python -P -m tui)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--dump", type=Path, help="write each sample's output to this folder")
    parser.add_argument("--bare-reader", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare_reader is not None:
        bare_reader(args.bare_reader)
        return 0

    from tui.corpus.config import load_config
    from tui.corpus.library import Library
    from tui.corpus.model import TurnKind

    library = Library.load(SEEDS, load_config(None))
    document = library.documents[0]
    starts = [turn.paragraphs[0].index for turn in document.turns if turn.paragraphs]
    questions = [
        turn.paragraphs[0].index
        for turn in document.turns
        if turn.paragraphs and turn.kind is TurnKind.QUESTION
    ]
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)

    def at_end(screen: str, _number: int) -> str | None:
        return "g" if "(END)" in screen else None

    dossier = [
        *dossier_cases(starts, questions),
        Case("dossier", "reader", f"n ({args.find})", "n"),
        Case("dossier", "sidebar", "j", "j", _cycle(len(library.documents))),
    ]
    less = [Case("less", "less", "j", "j", at_end), Case("less", "less", "space", "Space", at_end)]
    bare = [
        Case("bare", "bare", "j", "j"),
        Case("bare", "bare", "space", "Space", lambda _screen, _number: "g"),  # from the top
    ]
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="repaint-") as folder:
        work = Path(folder)
        for width, height in sizes:
            size = (width, height)
            measure_dossier(size, args, work, dossier)
            measure_other("less", ["less", "--", str(document.path)], "", size, args, work, less)
            bare_command = [
                sys.executable,
                "-P",
                str(Path(__file__).resolve()),
                "--bare-reader",
                str(document.path),
            ]
            measure_other("bare", bare_command, BARE_MARKER, size, args, work, bare)
    cases = [*dossier, *less, *bare]
    if args.json:
        print(json.dumps(as_json(cases, args), indent=2))
        return 0
    print(
        f"dossier on {document.path.name} ({len(document.paragraphs)} paragraphs), less and a bare "
        f"Textual reader on the same file; {args.samples} keys each, quiet {args.quiet} s, "
        f"COLORTERM={args.colorterm or '(none)'}; {time.monotonic() - started:.0f} s"
    )
    print(table(cases, args.sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
