"""A new user compares two meetings through the installed `dossier` in tmux: marks one
in the list, compares it with another, jumps through the aligned pairs, toggles synced
scrolling, swaps the sides and goes back, reading the screen as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.conftest import Terminal, reversed_words

D000, D004 = "000_0f3248e6ed0e14b7", "004_d48fa1d5f48169a7"
LEFT_Q2 = "What are the prospects of the Russia-Azerbaijan-Iran"
RIGHT_Q2 = "How might the fact that Russia and"


def rows_of(screen: str, text: str) -> list[int]:
    return [number for number, line in enumerate(screen.splitlines()) if text in line]


def at(screen: str, text: str, row: int) -> bool:
    return rows_of(screen, text) == [row]


def row_of(screen: str, text: str) -> int:
    rows = rows_of(screen, text)
    assert len(rows) == 1, f"{text!r} on rows {rows}:\n{screen}"
    return rows[0]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_compare_two_meetings_pair_by_pair(
    terminal: Terminal, dossier_command: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    terminal.start([dossier_command, "--corpus", str(SEEDS), "--notes", str(tmp_path / "n")], size)
    terminal.wait_for("c Compare")  # the sidebar says how

    # Mark the 2017 Moscow meeting, then compare it with the 2016 Baku one.
    terminal.type("jc")
    terminal.wait_for("press c again")
    terminal.wait_until(
        lambda s: any(line.startswith("⇄2017-03-06") for line in s.splitlines()),
        "the mark on the 2017 meeting",
    )
    terminal.type("kc")
    screen = terminal.wait_for("3 pairs: ] for the first")
    # Each pane's title says its side, date and place (the summary also does, above
    # 30 rows); the summary says what the two share and what they do not.
    assert "LEFT  2017-03-06 · Moscow" in screen
    assert "RIGHT  2016-07-12 · Baku" in screen
    assert "Only left: Transport corridors 1" in screen
    assert "Both: Nagorno-Karabakh 5|6," in screen
    screen = terminal.wait_for("] Next pair")  # the footer comes a frame later
    assert "esc Back" in screen

    terminal.type("]")
    terminal.wait_for("Pair 1 of 3 ·")
    terminal.type("]]")
    terminal.wait_for("Pair 3 of 3 · 84% match")
    # Both Karabakh questions come into view, the pair set apart in reverse video in both.
    terminal.wait_until(
        lambda s: (
            "Can a solution to the Nagorno-Karabakh" in s
            and "What is the current situation at the" in s
        ),
        "both Karabakh questions in view",
    )
    terminal.wait_until(
        lambda _s: (
            len([w for w in reversed_words(terminal.screen(escapes=True)) if "Pair 3 of 3" in w])
            == 2
        ),
        "the pair marked in both panes",
    )
    terminal.type("]")
    terminal.wait_for("No more pairs")

    # Back one pair: both panes show its questions from their first line...
    terminal.type("[")
    terminal.wait_for("Pair 2 of 3 · 42% match · Trade and economy")
    screen = terminal.wait_until(
        lambda s: LEFT_Q2 in s and RIGHT_Q2 in s, "both pair 2 questions in view"
    )
    left, right = row_of(screen, LEFT_Q2), row_of(screen, RIGHT_Q2)
    # ...and with synced scrolling (on by default) both move with the keys.
    terminal.type("jj")
    terminal.wait_until(
        lambda s: at(s, LEFT_Q2, left - 2) and at(s, RIGHT_Q2, right - 2),
        "both panes 2 down: the right one follows",
    )
    terminal.type("kk")
    terminal.wait_until(
        lambda s: at(s, LEFT_Q2, left) and at(s, RIGHT_Q2, right), "both panes back up"
    )

    # Sync off: only the pane with the keys (the left one) moves.
    terminal.type("l")
    terminal.wait_for("sync off")
    terminal.type("j")
    screen = terminal.wait_until(lambda s: at(s, LEFT_Q2, left - 1), "the left pane to move")
    assert at(screen, RIGHT_Q2, right), f"the right pane stays:\n{screen}"

    # Swap the sides, then go back to the list.
    terminal.type("x")
    screen = terminal.wait_for("LEFT  2016-07-12 · Baku")
    assert "RIGHT  2017-03-06 · Moscow" in screen
    terminal.keys("Escape")
    screen = terminal.wait_until(lambda s: "] Next pair" not in s, "the main screen")
    assert "c Compare" in screen
    terminal.type("q")
    terminal.wait_gone()


def test_compare_from_the_shell(terminal: Terminal, dossier_command: str, tmp_path: Path) -> None:
    command = [dossier_command, "--corpus", str(SEEDS), "--notes", str(tmp_path / "n")]
    terminal.start([*command, "--compare", D000, D004], (160, 48))
    screen = terminal.wait_for("3 pairs: ] for the first")
    assert "LEFT  2017-03-06 · Moscow" in screen and "RIGHT  2016-07-12 · Baku" in screen
    terminal.type("]]]")
    terminal.wait_for("Pair 3 of 3 · 84% match · Nagorno-Karabakh")
    terminal.type("q")
    terminal.wait_gone()


def test_compare_with_an_unknown_id_says_so_before_the_tui(
    terminal: Terminal, dossier_command: str
) -> None:
    shell = f"'{dossier_command}' --corpus '{SEEDS}' --compare {D000} nope; echo exit=$?; sleep 30"
    terminal.start(["sh", "-c", shell], (80, 24))
    screen = terminal.wait_for("exit=")
    assert "dossier: no document with id 'nope' (see dossier list)" in screen
    assert "exit=2" in screen
