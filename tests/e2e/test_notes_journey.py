"""Notes and bookmarks through the installed `dossier` in tmux, as a person uses them:
mark, write, quit, come back, find; and what happens to the notes file when the
terminal goes away, the system stops dossier, or an editor changes the file."""

from __future__ import annotations

import fcntl
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.conftest import TIMEOUT, Terminal
from tui.corpus.anchor import anchor_for
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.notes import Kind, Note, NotesData, write_notes
from tui.corpus.store import NotesStore

OLDEST = "004_d48fa1d5f48169a7"


def start(terminal: Terminal, command: str, notes: Path, size: tuple[int, int] = (80, 24)) -> None:
    terminal.start([command, "--corpus", str(SEEDS), "--notes", str(notes)], size)
    terminal.wait_for("¶0 · 1/23")  # the first meeting is open, the sidebar has the keys


def to_reader(terminal: Terminal) -> None:
    terminal.keys("Tab")
    terminal.wait_for("m Bookmark")  # the reader's keys in the footer: it has the focus


def on_disk(path: Path) -> list[Note]:
    store = NotesStore(path)
    store.load()
    assert store.problem is None, store.problem
    return store.entries()


def wait_for_file(path: Path, ready: object, what: str) -> list[Note]:
    deadline = time.monotonic() + TIMEOUT
    entries: list[Note] = []
    while time.monotonic() < deadline:
        if path.exists():
            entries = on_disk(path)
            if callable(ready) and ready(entries):
                return entries
        time.sleep(0.1)
    pytest.fail(f"the notes file never had {what}; it had {entries}")


def dossier_pid(terminal: Terminal) -> int:
    """The dossier process in the pane (the pane's shell may have started it)."""
    pane = int(terminal._tmux("display", "-p", "-t", terminal.name, "#{pane_pid}").stdout)
    candidates = [pane]
    children = Path(f"/proc/{pane}/task/{pane}/children")
    if children.exists():
        candidates += [int(pid) for pid in children.read_text().split()]
    for pid in candidates:
        if "dossier" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
            return pid
    pytest.fail(f"no dossier process among {candidates}")


def add_note(terminal: Terminal, text: str, tags: str) -> None:
    """`a`, the text, Tab, the tags: typed like a person, a key at a time."""
    terminal.keys("a")
    terminal.wait_for("ctrl+s saves")
    terminal.type(text)
    terminal.keys("Tab")
    terminal.type(tags)


def test_new_user_marks_writes_quits_and_finds_the_note(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    screen = terminal.screen()
    assert "a Note" in screen, "the footer says how to write a note"
    terminal.keys("j", "j", "m")
    terminal.wait_for("Bookmarked ¶2")
    screen = terminal.wait_for("★ During our discussion")
    add_note(terminal, "Ask about the June 20 meeting", "summit")
    terminal.keys("C-s")
    terminal.wait_for("Note added on ¶2")
    screen = terminal.wait_for("✎ Ask about the June 20 meeting")
    assert "#summit" in screen
    assert "★1 ✎1" in screen, "the sidebar counts the meeting's marks"
    wait_for_file(notes, lambda entries: len(entries) == 2, "the bookmark and the note")
    terminal.type("q")
    terminal.wait_gone()

    start(terminal, dossier_command, notes)
    screen = terminal.wait_for("★1 ✎1")
    terminal.keys("A")
    screen = terminal.wait_for("Notes and bookmarks")
    assert "1 note, 1 bookmark" in screen
    assert "Ask about the June 20 meeting" in screen
    terminal.keys("/")
    terminal.type("#sum")
    terminal.wait_for("1 of 2 listed")
    terminal.keys("Enter", "Enter")
    screen = terminal.wait_for("¶2 · 3/23 ★ ✎")
    assert "★ ✎ During our discussion" in screen, "the paragraph, marked, is in view"
    terminal.wait_for("m Bookmark", timeout=2)  # back in the reader, which has the keys
    terminal.type("q")
    terminal.wait_gone()


def test_hangup_keeps_the_note_being_typed(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    terminal.keys("j")
    terminal.wait_for("¶1 · 2/23")
    add_note(terminal, "typed when the line dropped", "ssh")
    terminal.wait_for("ssh")
    os.kill(dossier_pid(terminal), signal.SIGHUP)
    terminal.wait_gone()
    [kept] = on_disk(notes)
    assert kept.text == "typed when the line dropped"
    assert kept.tags == ("ssh", "draft")
    assert (kept.anchor.doc, kept.anchor.paragraph) == (OLDEST, 1)


def test_a_dropped_terminal_saves_the_note_and_ends_dossier(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    """The SSH connection drops: the pseudo-terminal closes under dossier (the tmux
    session is killed), not just a signal sent to a live terminal."""
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    terminal.keys("j")
    terminal.wait_for("¶1 · 2/23")
    add_note(terminal, "typed when the session died", "")
    terminal.wait_for("typed when the session died")
    pid = dossier_pid(terminal)
    terminal._tmux("kill-session", "-t", terminal.name)
    deadline = time.monotonic() + TIMEOUT
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
            break  # ended, not yet reaped by its parent
        time.sleep(0.1)
    state = (
        Path(f"/proc/{pid}/stat").read_text().split()[2]
        if Path(f"/proc/{pid}").exists()
        else "gone"
    )
    assert state in ("gone", "Z"), f"dossier still running ({state}) after its terminal closed"
    [kept] = on_disk(notes)
    assert (kept.text, kept.tags) == ("typed when the session died", ("draft",))


def test_sigterm_after_a_note_leaves_it_saved(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    add_note(terminal, "saved before the stop", "")
    # At once: the save may still be running, or ctrl+s not yet read (then the note
    # is kept as a draft). Either way it must be on disk when dossier is gone.
    terminal.burst("C-s")
    os.kill(dossier_pid(terminal), signal.SIGTERM)
    terminal.wait_gone()
    [kept] = on_disk(notes)
    assert kept.text == "saved before the stop"
    assert not list(tmp_path.glob(".notes.yaml.*.tmp")), "no half-written file left behind"


def test_edit_made_in_an_editor_shows_and_survives(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes, (160, 48))
    to_reader(terminal)
    # What saving the file in an editor does: the whole file written anew.
    document = Library.load(SEEDS, load_config(None)).by_id(OLDEST)
    outside = Note(
        "n-vim", Kind.NOTE, anchor_for(document, 1), "written in vim", ("editor",), "x", "x"
    )
    notes.write_text(write_notes(NotesData({outside.id: outside})), encoding="utf-8")
    screen = terminal.wait_for("✎ written in vim")
    assert "#editor" in screen
    terminal.keys("m")
    terminal.wait_for("Bookmarked ¶0")
    entries = wait_for_file(notes, lambda e: len(e) == 2, "both entries")
    assert {(note.id == "n-vim", note.kind) for note in entries} == {
        (True, Kind.NOTE),
        (False, Kind.BOOKMARK),
    }
    assert "✎ written in vim" in terminal.screen(), "still on screen after the save"
    terminal.type("q")
    terminal.wait_gone()


# -- issue 23: the notes file under faults ----------------------------------------------


def log_file(terminal: Terminal) -> Path:
    return Path(terminal.env["XDG_STATE_HOME"]) / "dossier" / "log" / "dossier.log"


def recovered_draft(folder: Path) -> Note:
    [recovery] = folder.glob("notes.yaml.recover-*")
    [kept] = on_disk(recovery)
    return kept


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_dossier_when_saves_fail(
    terminal: Terminal, dossier_command: str, tmp_path: Path, signum: int
) -> None:
    """The notes file turns into a symlink loop under dossier: every save fails. The
    signal still ends it, and the note being typed is in a recovery file."""
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    add_note(terminal, "typed as saves failed", "")
    terminal.wait_for("typed as saves failed")
    notes.symlink_to(notes.name)
    time.sleep(1.5)  # a look at the file or two meanwhile
    os.kill(dossier_pid(terminal), signum)
    terminal.wait_gone(timeout=10)
    kept = recovered_draft(tmp_path)
    assert (kept.text, kept.tags) == ("typed as saves failed", ("draft",))
    assert f"on signal {signum}" in log_file(terminal).read_text(encoding="utf-8")


def test_a_draft_kept_from_a_locked_file_is_offered_at_the_next_start(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    """Another process holds the lock for longer than a stop may take: a bookmark's save
    waits for it, a note is being typed. SIGTERM ends dossier within seconds, both go
    to a recovery file, the log says where, and the next start offers to merge it."""
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    with (tmp_path / "notes.yaml.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        terminal.keys("m")
        terminal.wait_for("Bookmarked ¶0")
        add_note(terminal, "typed while the lock was held", "")
        terminal.wait_for("typed while the lock was held")
        os.kill(dossier_pid(terminal), signal.SIGTERM)
        stopped = time.monotonic()
        terminal.wait_gone(timeout=10)
        assert time.monotonic() - stopped < 8
    assert not notes.exists()
    [recovery] = tmp_path.glob("notes.yaml.recover-*")
    kept = {(n.kind, n.text, n.tags) for n in on_disk(recovery)}
    assert kept == {
        (Kind.BOOKMARK, "", ()),
        (Kind.NOTE, "typed while the lock was held", ("draft",)),
    }
    assert str(recovery) in log_file(terminal).read_text(encoding="utf-8")

    start(terminal, dossier_command, notes, (120, 30))
    terminal.wait_for("R merges them")
    terminal.keys("R")
    terminal.wait_for("Merged 2 notes and bookmarks")
    wait_for_file(notes, lambda entries: len(entries) == 2, "the bookmark and the draft")
    assert not recovery.exists()
    terminal.type("q")
    terminal.wait_gone()


def test_text_sent_with_a_in_one_burst_goes_to_the_editor(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    terminal.burst("ahello world")
    terminal.wait_for("ctrl+s saves")
    terminal.wait_for("hello world")
    terminal.keys("C-s")
    terminal.wait_for("Note added on ¶0")
    [saved] = wait_for_file(notes, lambda entries: len(entries) == 1, "the note")
    assert (saved.text, saved.anchor.paragraph) == ("hello world", 0)
    terminal.type("q")
    terminal.wait_gone()


# -- issue 25: the notes file keeps the user's comments --------------------------------


def test_a_comment_written_in_an_editor_survives_a_note_added_in_dossier(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    document = Library.load(SEEDS, load_config(None)).by_id(OLDEST)
    first = Note("n-first", Kind.NOTE, anchor_for(document, 1), "the first", (), "x", "x")
    notes.write_text(write_notes(NotesData({first.id: first})), encoding="utf-8")
    start(terminal, dossier_command, notes)
    to_reader(terminal)
    # What an editor does: read the file, insert a line, write it all.
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("- id: n-first", "# my comment\n- id: n-first"), "utf-8")
    add_note(terminal, "added in dossier", "")
    terminal.keys("C-s")
    terminal.wait_for("Note added on ¶0")
    wait_for_file(notes, lambda entries: len(entries) == 2, "both notes")
    terminal.type("q")
    terminal.wait_gone()
    saved = notes.read_text(encoding="utf-8")
    assert "# my comment\n- id: n-first\n" in saved
    assert {note.text for note in on_disk(notes)} == {"the first", "added in dossier"}
