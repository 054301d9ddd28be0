"""Drive the installed `dossier` command in a real terminal (tmux) and read the screen."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REPO

TIMEOUT = 15.0
KEY_GAP = 0.05
"""Seconds between typed keys: a fast typist."""
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESCAPE = re.compile(r"\x1b\[[0-9;:?]*[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Cell:
    char: str
    reverse: bool
    bold: bool


def styled_line(line: str) -> list[Cell]:
    """The characters of one `capture-pane -e` line with the attributes a person sees."""
    cells: list[Cell] = []
    reverse = bold = False
    position = 0
    while position < len(line):
        sgr = _SGR.match(line, position)
        if sgr:
            codes = [int(code) if code else 0 for code in re.split("[;:]", sgr.group(1))]
            skip = 0
            for index, code in enumerate(codes):
                if skip:
                    skip -= 1
                elif code in (38, 48, 58):
                    # Extended colours carry 2 (5;N) or 4 (2;R;G;B) more numbers.
                    kind = codes[index + 1] if index + 1 < len(codes) else 0
                    skip = 2 if kind == 5 else 4 if kind == 2 else 0
                elif code == 0:
                    reverse = bold = False
                elif code == 7:
                    reverse = True
                elif code == 27:
                    reverse = False
                elif code == 1:
                    bold = True
                elif code == 22:
                    bold = False
            position = sgr.end()
            continue
        other = _OTHER_ESCAPE.match(line, position)
        if other:
            position = other.end()
            continue
        cells.append(Cell(line[position], reverse, bold))
        position += 1
    return cells


def reversed_words(screen: str) -> list[str]:
    """Runs of reverse-video text on the screen, as a person would spot highlights."""
    words: list[str] = []
    for line in screen.splitlines():
        run = ""
        for cell in styled_line(line):
            if cell.reverse:
                run += cell.char
            elif run:
                words.append(run.strip())
                run = ""
        if run:
            words.append(run.strip())
    return [word for word in words if word]


@dataclass
class Terminal:
    """One tmux session on a private server, running one command."""

    name: str
    socket: str
    env: dict[str, str]
    alive: bool = field(default=False)

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=check,
            capture_output=True,
            text=True,
            env=self.env,
        )

    def start(self, command: list[str], size: tuple[int, int]) -> None:
        width, height = size
        self._tmux(
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            str(height),
            "-s",
            self.name,
            " ".join(_quote(part) for part in command),
        )
        self.alive = True

    def title(self) -> str:
        """The pane's title, which an OSC 0 or OSC 2 sequence from the program sets."""
        return self._tmux("display-message", "-p", "-t", self.name, "#{pane_title}").stdout

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def screen(self, *, escapes: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.name]
        if escapes:
            args.insert(1, "-e")
        return self._tmux(*args).stdout

    def keys(self, *keys: str) -> None:
        """tmux key names: Tab, Enter, Escape, F1..."""
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)
            time.sleep(KEY_GAP)

    def burst(self, *keys: str) -> None:
        """Send `keys` (text or tmux key names) in one `send-keys`: the app reads them
        at once, as it does a paste or keys arriving over SSH."""
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type like a person: one key at a time."""
        for char in text:
            self._tmux("send-keys", "-t", self.name, "-l", char)
            time.sleep(KEY_GAP)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """Poll the screen until `text` shows; fail with the last screen if it never does."""
        return self.wait_until(lambda screen: text in screen, f"{text!r} shows", timeout)

    def wait_until(self, ready: Callable[[str], bool], what: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.1)
        pytest.fail(f"waited {timeout}s for: {what}; the screen was:\n{screen}")

    def wait_gone(self, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._tmux("has-session", "-t", self.name, check=False).returncode != 0:
                self.alive = False
                return
            time.sleep(0.1)
        pytest.fail(f"the session was still running after {timeout}s:\n{self.screen()}")

    def kill(self) -> None:
        if self.alive:
            self._tmux("kill-session", "-t", self.name, check=False)
            self.alive = False
        self._tmux("kill-server", check=False)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\"'\"'") + "'"


@pytest.fixture
def dossier_command() -> str:
    found = shutil.which("dossier")
    if found is None:
        pytest.fail("the `dossier` command is not installed: run `pip install .` first")
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end tests")
    stale = _stale_install(Path(found))
    if stale:
        pytest.fail(f"the installed `dossier` is not this tree ({stale}): run `pip install .`")
    return found


@functools.cache
def _stale_install(command: Path) -> str:
    """Which module of the installed package differs from the tree under test, if one
    does: a `pip install .` made before the last edit would test old code."""
    where = subprocess.run(
        [str(command.parent / "python"), "-c", "import tui; print(tui.__file__)"],
        cwd=command.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    installed = Path(where.stdout.strip()).parent
    for source in sorted((REPO / "tui").rglob("*.py")):
        copy = installed / source.relative_to(REPO / "tui")
        if not copy.is_file() or copy.read_bytes() != source.read_bytes():
            return f"{copy} differs"
    return ""


@pytest.fixture
def terminal(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Terminal]:
    """A tmux terminal whose HOME and XDG folders are inside tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DOSSIER_", "XDG_", "TMUX")) and key != "NO_COLOR"
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        TERM="xterm-256color",
        # Every start a first start, a start again in the same test too: no reading
        # place or past query kept (the tests of the state file take this out).
        DOSSIER_NO_STATE="1",
    )
    name = re.sub(r"\W", "-", request.node.name)[:40]
    term = Terminal(name=name, socket=f"dossier-e2e-{os.getpid()}-{name}", env=env)
    try:
        yield term
    finally:
        term.kill()
