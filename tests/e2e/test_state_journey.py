"""Pick up where you left off, through the installed `dossier` in tmux: the meeting and
the paragraph come back after a quit and after the terminal is killed, and ↑ brings
back the queries of the last run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.conftest import TIMEOUT, Terminal
from tests.e2e.test_notes_journey import dossier_pid

THIRD = "¶0 · 1/13"
"""The reader's status on the third meeting of the list (2017-04-04, Moscow)."""
STOPPED = "¶5 · 6/13"
WORDS = "I would like to draw attention to meaningful"
"""The start of that meeting's ¶5, where the reader stops."""


@pytest.fixture
def kept(terminal: Terminal) -> Terminal:
    """The terminal, with the state file kept between runs, as it is for a user."""
    del terminal.env["DOSSIER_NO_STATE"]
    return terminal


def start(terminal: Terminal, command: str, tmp_path: Path, waiting_for: str) -> str:
    notes = tmp_path / "notes.yaml"
    terminal.start([command, "--corpus", str(SEEDS), "--notes", str(notes)], (80, 24))
    return terminal.wait_for(waiting_for)


def read_to_the_fifth_paragraph_of_the_third_meeting(terminal: Terminal) -> None:
    terminal.keys("j", "j")
    terminal.wait_for(THIRD)
    terminal.keys("Tab")
    terminal.wait_for("m Bookmark")  # the reader has the keys
    terminal.keys("j", "j", "j", "j", "j")
    terminal.wait_for(STOPPED)


def wait_ended(pid: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
            return  # ended, not yet reaped by its parent
        time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists(), "dossier still running after its terminal closed"


def assert_back_where_it_stopped(terminal: Terminal, command: str, tmp_path: Path) -> None:
    start(terminal, command, tmp_path, STOPPED)
    screen = terminal.wait_for(WORDS, timeout=2)  # the paragraph is in view
    assert "2017-04-04" in screen and "Lavrov says" in screen
    terminal.wait_for("m Bookmark", timeout=2)  # the reader has the keys: j reads on
    terminal.keys("j")
    terminal.wait_for("¶6 · 7/13")
    state = Path(terminal.env["XDG_STATE_HOME"]) / "dossier" / "state.json"
    assert state.is_file(), "the state file is in the platform state folder"
    terminal.type("q")
    terminal.wait_gone()


def test_quit_and_start_again_on_the_same_meeting_and_paragraph(
    kept: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    start(kept, dossier_command, tmp_path, "¶0 · 1/23")
    read_to_the_fifth_paragraph_of_the_third_meeting(kept)
    kept.type("q")
    kept.wait_gone()
    assert_back_where_it_stopped(kept, dossier_command, tmp_path)


def test_a_killed_terminal_keeps_the_place(
    kept: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    start(kept, dossier_command, tmp_path, "¶0 · 1/23")
    read_to_the_fifth_paragraph_of_the_third_meeting(kept)
    pid = dossier_pid(kept)
    kept._tmux("kill-session", "-t", kept.name)  # the SSH connection drops: SIGHUP
    wait_ended(pid)
    assert_back_where_it_stopped(kept, dossier_command, tmp_path)


def query_line(screen: str) -> str:
    """The search box's line: the second of the screen, inside its border."""
    return screen.splitlines()[1]


def test_up_twice_in_the_search_box_brings_back_the_first_query(
    kept: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    start(kept, dossier_command, tmp_path, "s Search")
    kept.keys("s")
    kept.wait_for("Type to search")
    kept.type("Kerry")
    kept.wait_for("Enter opens")
    kept.keys("Escape")
    kept.wait_until(lambda s: "Enter opens" not in s, "the search screen to close")
    kept.keys("s")
    kept.wait_for("Kerry")
    kept.keys("C-u")
    kept.type("speaker:Lavrov Baku")
    kept.wait_for("Enter opens")
    kept.keys("Escape")
    kept.wait_until(lambda s: "Enter opens" not in s, "the search screen to close")
    kept.type("q")
    kept.wait_gone()

    start(kept, dossier_command, tmp_path, "s Search")
    kept.keys("s")
    kept.wait_for("↑ past queries")
    kept.keys("Up")
    kept.wait_until(lambda s: "speaker:Lavrov Baku" in query_line(s), "the last query")
    kept.keys("Up")
    screen = kept.wait_until(lambda s: "Kerry" in query_line(s), "the first query")
    assert "speaker:" not in query_line(screen)
    screen = kept.wait_for("↑↓ past queries (2/2)")
    assert "Enter opens" in screen, "its results are there to open"
    kept.keys("Escape")
    kept.wait_until(lambda s: "Enter opens" not in s, "the search screen to close")
    kept.type("q")
    kept.wait_gone()
