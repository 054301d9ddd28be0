"""Helpers shared by the bench scripts."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:  # POSIX only, like `pty`
    import fcntl
    import termios
except ImportError:  # pragma: no cover
    sys.exit("the bench needs a POSIX system (pty, termios)")

ROOT = Path(__file__).resolve().parent.parent
DOSSIER = [sys.executable, "-P", "-m", "tui"]
"""The `dossier` command as the bench runs it: `-P` leaves the current folder off
sys.path, as the installed command does; otherwise every import would be looked
for there first."""


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The current environment with HOME and the XDG folders inside `home`, so that
    no user config, notes or cache of the person running the bench is read."""
    env = dict(os.environ)
    env["HOME"] = str(home)
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(folder)
    for name in ("DOSSIER_CONFIG", "DOSSIER_NOTES", "DOSSIER_CORPUS"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # An installed dossier starts from compiled bytecode; so does a run after the
    # warm-up here, even where the environment turns bytecode off.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` quantile (0.95 for p95), interpolated between samples."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


# -- programs in a pseudo-terminal (startup.py, large.py) ---------------------------

COLUMNS, ROWS = 80, 24
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


def _settle(master: int, seconds: float) -> None:
    """Read (and drop) what the program writes for `seconds`: its start, a folder read."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _read(master, 0.05)


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
