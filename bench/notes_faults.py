"""The notes file under faults: random SIGKILLs and SIGTERMs during saves, from the
CLI and from the reader, while an editor writes the file without taking the lock.

    python bench/notes_faults.py [--kills 1000] [--reader-share 0.2] [--seed 23]

Four things run at once on one notes file (in a temporary HOME, on the seeds):

- `dossier notes add` started again and again, each killed (SIGKILL or SIGTERM, half
  each) at a random moment: half the kills as soon as its temporary file shows (the
  save has begun; 0-2 ms later), half anywhere in the last half of its usual run;
- the reader in an 80x24 pseudo-terminal: `a` and a note sent in one write (a paste),
  then ctrl+s, `j`, `a` and a second note left in the editor (a draft); killed a
  random 0-30 ms after the ctrl+s or after the draft shows, SIGTERM or SIGKILL;
- another process that now and then holds the lock for 2.5-4 s (a dossier stuck in
  a save), longer than the save on SIGTERM waits;
- an editor that never takes the lock: every 200-800 ms it reads the file, adds a
  note, checks that the file did not change meanwhile (as vim does), and writes it,
  half the time in place in two halves 1-20 ms apart, half the time by a rename.

At the end the recovery files are counted and merged (`dossier notes recover`), and
the file is checked: every note `notes add` reported as added is in it; every note
the reader had saved or was typing when SIGTERM came is in it (from the file or a
recovery file); every note ever seen in the file is still there; the editor's notes
are counted. Prints the counts; exit status 1 if a note that must be there is not.
Not a test: it takes minutes (about 0.5 s per `notes add`, 3 s per reader run).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import DOSSIER, ROOT, _spawn, isolated_env, plain
from tui.corpus.notes import Anchor, Kind, Note, NotesData, NotesFileError, read_notes, write_notes

DOC = "004_d48fa1d5f48169a7"
"""The meeting the reader opens first: every note goes on one of its paragraphs."""
SIGNALS = {signal.SIGKILL: "SIGKILL", signal.SIGTERM: "SIGTERM"}


@dataclass
class Tally:
    """What happened, counted; `must_have` are the note texts the file must hold."""

    counts: dict[str, int] = field(default_factory=dict)
    must_have: dict[str, str] = field(default_factory=dict)
    """Note text -> why it must be there."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, what: str, by: int = 1) -> None:
        with self.lock:
            self.counts[what] = self.counts.get(what, 0) + by

    def expect(self, text: str, why: str) -> None:
        with self.lock:
            self.must_have[text] = why


def texts_in(path: Path, complete: bool = False) -> set[str]:
    """The note texts of a notes file (empty if it is missing or cannot be read). With
    `complete`, only of a file read whole: one caught half-written by the editor may
    parse, with its last note cut short, and does not count."""
    try:
        text = path.read_text(encoding="utf-8")
        data = read_notes(text)
    except (OSError, UnicodeDecodeError, NotesFileError):
        return set()
    if complete and write_notes(data) != text:
        return set()
    return {note.text for note in data.entries.values()}


# -- the editor ---------------------------------------------------------------------


def signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def edit_once(path: Path, number: int, rng: random.Random) -> bool:
    """Add note `e<number>` as an editor would: read, change, check, write. False if
    the file changed under it (the editor then starts over, as a person told by vim)."""
    seen = signature(path)
    try:
        data = read_notes(path.read_text(encoding="utf-8")) if seen else NotesData()
    except (OSError, UnicodeDecodeError, NotesFileError):
        return False
    note = Note(f"e{number}", Kind.NOTE, Anchor(DOC, number % 20), f"editor {number}", (), "x", "x")
    text = write_notes(NotesData({**data.entries, note.id: note}, data.kept, data.extra))
    time.sleep(rng.uniform(0, 0.005))
    if signature(path) != seen:
        return False
    raw = text.encode("utf-8")
    if rng.random() < 0.5:
        with path.open("r+b" if seen else "wb") as handle:
            handle.truncate(0)
            half = len(raw) // 2
            handle.write(raw[:half])
            handle.flush()
            time.sleep(rng.uniform(0.001, 0.02))
            handle.write(raw[half:])
    else:
        staged = path.with_name(f".{path.name}.editor")
        staged.write_bytes(raw)
        os.replace(staged, path)
    return True


def editor(path: Path, stop: threading.Event, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    number = 0
    while not stop.wait(rng.uniform(0.2, 0.8)):
        if edit_once(path, number, rng):
            tally.count("editor saves")
            number += 1
        else:
            tally.count("editor saves started over (file changed meanwhile)")
    tally.count("editor notes written", number)


def lock_holder(path: Path, stop: threading.Event, tally: Tally, seed: int) -> None:
    """Another dossier stuck in a save: every 4-12 s it holds the lock for 2.5-4 s,
    longer than a save on SIGTERM waits, so that the reader's notes go to a recovery
    file."""
    rng = random.Random(seed)
    lock = path.with_name(path.name + ".lock")
    while not stop.wait(rng.uniform(4, 12)):
        with lock.open("a") as held:
            fcntl.flock(held, fcntl.LOCK_EX)
            tally.count("lock held by another process for 2.5-4 s")
            stop.wait(rng.uniform(2.5, 4))


# -- the CLI --------------------------------------------------------------------------


def cli_command(notes: Path, text: str, paragraph: int) -> list[str]:
    return [
        *DOSSIER,
        "--corpus",
        str(ROOT / "seeds"),
        "--notes",
        str(notes),
        "notes",
        "add",
        DOC,
        str(paragraph),
        text,
    ]


def usual_run(notes: Path, env: dict[str, str]) -> float:
    """Seconds a `notes add` takes when nothing kills it (median of 3)."""
    times = []
    for n in range(3):
        started = time.monotonic()
        subprocess.run(cli_command(notes, f"warm-up {n}", 0), env=env, capture_output=True)
        times.append(time.monotonic() - started)
    return sorted(times)[1]


def at_the_save(process: subprocess.Popen[str], folder: Path, notes: Path) -> None:
    """Return once `process` has begun writing (its temporary file shows) or ended."""
    prefix = f".{notes.name}.{process.pid}."
    while process.poll() is None:
        if any(name.startswith(prefix) for name in os.listdir(folder)):
            return
        time.sleep(0.001)


def cli_kills(
    notes: Path, env: dict[str, str], kills: int, tally: Tally, seed: int, usual: float
) -> None:
    rng = random.Random(seed)
    for number in range(kills):
        text = f"cli {number}"
        signum = rng.choice(list(SIGNALS))
        process = subprocess.Popen(
            cli_command(notes, text, number % 20),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if rng.random() < 0.5:
            at_the_save(process, notes.parent, notes)
            time.sleep(rng.uniform(0, 0.002))
            when = "at the save"
        else:
            time.sleep(rng.uniform(0.7, 2.0) * usual)
            when = "anywhere"
        if process.poll() is None:
            process.send_signal(signum)
        out, err = process.communicate()
        if process.returncode == 0 and out.startswith("added note"):
            tally.count("cli: reported added (the kill came too late)")
            tally.expect(text, "reported added by notes add")
        elif process.returncode == -signum:
            tally.count(f"cli: {SIGNALS[signum]} {when}")
        else:
            tally.count(f"cli: failed with status {process.returncode}")
            print(f"notes add failed ({process.returncode}): {err.strip()[-300:]}", flush=True)


# -- the reader -----------------------------------------------------------------------


class Screen:
    """The reader in a pseudo-terminal, its output read as it comes."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.pid, self.master = _spawn(command, env)
        self.output = bytearray()
        self.mark = 0
        """Where the output stood when the last keys were sent."""
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.output += chunk

    def text(self, since: int = 0) -> str:
        with self.lock:
            return plain(bytes(self.output[since:]))

    def wait_for(self, pattern: str, timeout: float = 20) -> bool:
        """Whether `pattern` shows within `timeout` seconds in what was written since
        the last keys were sent."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.text(self.mark)):
                return True
            time.sleep(0.02)
        return False

    def send(self, keys: bytes) -> None:
        with self.lock:
            self.mark = len(self.output)
        os.write(self.master, keys)

    def ended_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0] == self.pid:
                return True
            time.sleep(0.02)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return False

    def close(self) -> None:
        os.close(self.master)
        self.reader.join(2)


def in_the_reader(screen: Screen) -> bool:
    """Wait for a meeting to show, then give the reader the keys if the sidebar has
    them: dossier may start where it was left, the reader with the keys, and say so
    a moment after its first frame."""
    if not screen.wait_for(r"¶\d+/\d+"):
        return False
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        time.sleep(0.5)
        shown = screen.text()
        if shown.rfind("m Bookmark") > shown.rfind("Switch pane"):  # the reader's footer
            return True
        screen.send(b"\t")
    return False


def reader_kills(notes: Path, env: dict[str, str], kills: int, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    command = [*DOSSIER, "--corpus", str(ROOT / "seeds"), "--notes", str(notes)]
    for number in range(kills):
        saved, draft = f"reader {number} saved", f"reader {number} draft"
        signum = rng.choice(list(SIGNALS))
        screen = Screen(command, env)
        try:
            if not in_the_reader(screen):
                tally.count("reader: did not start")
                screen.ended_within(0)
                continue
            # `a` and the note in one write, as a paste; ctrl+s once it shows, as a person
            # (a key bound with priority would overtake the text).
            screen.send(b"a" + saved.encode())
            if not screen.wait_for(saved):
                tally.count("reader: `a` and the note in one write did not reach the editor")
            screen.send(b"\x13")
            late = rng.random() < 0.5
            added = typed = False
            if late:
                added = screen.wait_for("Note added")
                screen.send(b"ja" + draft.encode())
                typed = screen.wait_for(draft)
            time.sleep(rng.uniform(0, 0.03))
            os.kill(screen.pid, signum)
            ended = screen.ended_within(10)
            what = "after the draft" if late else "right after ctrl+s"
            tally.count(f"reader: {SIGNALS[signum]} {what}")
            if signum == signal.SIGTERM:
                ended_or_not = "ended within" if ended else "still running"
                tally.count(f"reader: {ended_or_not} 10 s after SIGTERM")
                if added:
                    tally.expect(saved, "added in the reader before SIGTERM")
                if typed:
                    tally.expect(draft, "typed in the reader's editor at SIGTERM")
        finally:
            screen.close()


# -- the run ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills in all (default 1000)")
    parser.add_argument(
        "--reader-share", type=float, default=0.2, help="the share of the kills for the reader"
    )
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args(argv)
    reader_count = round(args.kills * args.reader_share)
    cli_count = args.kills - reader_count
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dossier-faults-") as temp:
        home = Path(temp)
        env = isolated_env(home, TERM="xterm-256color")
        notes = home / "notes" / "notes.yaml"
        notes.parent.mkdir()
        usual = usual_run(notes, env)
        stop = threading.Event()
        seen: set[str] = set()
        helpers = [
            threading.Thread(target=editor, args=(notes, stop, tally, args.seed)),
            threading.Thread(target=lock_holder, args=(notes, stop, tally, args.seed + 3)),
        ]
        jobs = [
            threading.Thread(
                target=cli_kills, args=(notes, env, cli_count, tally, args.seed + 1, usual)
            ),
            threading.Thread(
                target=reader_kills, args=(notes, env, reader_count, tally, args.seed + 2)
            ),
        ]
        for job in helpers + jobs:
            job.start()
        while any(job.is_alive() for job in jobs):
            seen |= texts_in(notes, complete=True)  # a note once in the file stays in it
            time.sleep(0.05)
        stop.set()
        for job in helpers:
            job.join()
        recoveries = sorted(notes.parent.glob(f"{notes.name}.recover-*"))
        in_recoveries = set().union(*(texts_in(path) for path in recoveries))
        recovered = subprocess.run(
            [*DOSSIER, "--notes", str(notes), "notes", "recover"],
            env=env,
            capture_output=True,
            text=True,
        )
        # The next save clears what killed saves left.
        subprocess.run(cli_command(notes, "after the run", 0), env=env, capture_output=True)
        final = texts_in(notes)
        leftovers = [p.name for p in notes.parent.iterdir() if p.name.endswith((".tmp", ".part"))]
    missing = {text: why for text, why in tally.must_have.items() if text not in final}
    lost = sorted(text for text in seen - final if not text.startswith("warm-up"))
    editor_written = tally.counts.get("editor notes written", 0)
    editor_kept = sum(f"editor {n}" in final for n in range(editor_written))
    print(
        f"{args.kills} kills: {cli_count} of `notes add`, {reader_count} of the reader; "
        f"{time.monotonic() - started:.0f} s; a `notes add` takes {usual * 1000:.0f} ms"
    )
    for what in sorted(tally.counts):
        print(f"  {what:58} {tally.counts[what]:6}")
    print(f"  {'recovery files left by the reader':58} {len(recoveries):6}")
    print(f"  {'notes in them':58} {len(in_recoveries):6}")
    said = (recovered.stdout.strip().splitlines() or [""])[-1]
    print(f"  `dossier notes recover`: status {recovered.returncode}: {said}")
    print(f"  {'notes that must be in the file':58} {len(tally.must_have):6}")
    print(f"  {'  of them missing':58} {len(missing):6}")
    print(f"  {'notes seen in the file and lost later':58} {len(lost):6}")
    print(f"  {'editor notes kept':58} {editor_kept:6} of {editor_written}")
    print(f"  {'temporary files left after the next save':58} {len(leftovers):6}")
    for text, why in sorted(missing.items())[:20]:
        print(f"MISSING {text!r} ({why})")
    for text in lost[:20]:
        print(f"LOST {text!r}")
    return 1 if missing or lost else 0


if __name__ == "__main__":
    sys.exit(main())
