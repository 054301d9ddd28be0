"""A reader's first minute with dossier, through the installed command in tmux."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.conftest import Terminal, reversed_words


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_open_question_find_and_quit(
    terminal: Terminal, dossier_command: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    notes = tmp_path / "notes.yaml"
    terminal.start([dossier_command, "--corpus", str(SEEDS), "--notes", str(notes)], size)

    screen = terminal.wait_for("2016-07-12")
    lines = screen.splitlines()
    assert lines[0].strip().startswith("2016"), "the oldest year heads the list"
    assert "Baku" in lines[1]

    terminal.keys("Enter", "Tab")
    terminal.wait_for("Next question")  # the footer follows the focus into the reader
    terminal.type("}}")
    screen = terminal.wait_for("Q2/3")
    assert "Kerry" in screen, "the second question, naming Kerry, is on screen"

    # As one burst, as a person pasting would: every key after `/` is for the find bar.
    terminal.burst("/Kerry", "Enter")
    terminal.wait_for("hit 1/4")
    highlighted = reversed_words(terminal.screen(escapes=True))
    assert "Kerry" in highlighted, f"Kerry is not shown in reverse video: {highlighted}"

    terminal.type("n")
    screen = terminal.wait_for("hit 2/4")
    paragraph = screen.split("hit 2/4 · ¶")[1].split(" ")[0]
    highlighted = reversed_words(terminal.screen(escapes=True))
    assert "Kerry" in highlighted

    terminal.keys("Escape")
    # The find bar closes, the hits go, the cursor stays on the second hit's paragraph.
    screen = terminal.wait_until(lambda screen: "hit" not in screen, "the hits to go")
    assert f"¶{paragraph} · {int(paragraph) + 1}/23 · t:" in screen
    assert "Kerry" not in reversed_words(terminal.screen(escapes=True))
    terminal.type("q")
    terminal.wait_gone()
    assert not notes.exists() or notes.read_text(encoding="utf-8").strip() != ""
