"""The study views through the installed `dossier` in tmux: from the topic timeline to
a mention, from the concordance to a paragraph, and back."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from tests.e2e.conftest import Terminal, reversed_words


def test_timeline_to_a_mention_and_back(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    terminal.start(
        [dossier_command, "--corpus", str(SEEDS), "--notes", str(tmp_path / "n")], (80, 24)
    )
    terminal.wait_for("s Search")
    terminal.type("L")
    screen = terminal.wait_for("Topics over time")
    assert "2016-07  2017-03  2017-04  2020-08  2020-11" in screen
    coronavirus = next(line for line in screen.splitlines() if "Coronavirus" in line)
    assert coronavirus.split()[1:4] == ["·", "·", "·"], "nothing on it before 2020"
    terminal.type("jjjjjw")
    screen = terminal.wait_for("Coronavirus · 2020-08-26 · Moscow · 5 paragraphs")
    terminal.keys("Enter")
    terminal.wait_until(
        lambda s: "Topics over time" not in s and "coronavirus" in s and "m Bookmark" in s,
        "the reader at a paragraph on the coronavirus, with the keys",
    )
    terminal.keys("Escape")
    terminal.wait_for("Coronavirus · 2020-08-26", timeout=5)
    terminal.keys("Escape")
    terminal.wait_until(lambda s: "Topics over time" not in s, "the main screen")
    terminal.type("q")
    terminal.wait_gone()


def test_concordance_to_a_paragraph(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    terminal.start(
        [dossier_command, "--corpus", str(SEEDS), "--notes", str(tmp_path / "n")], (160, 48)
    )
    terminal.wait_for("s Search")
    terminal.type("K")
    terminal.wait_for("Type a word or phrase")
    terminal.type("frozen conflict")
    screen = terminal.wait_for("1 occurrence of “frozen conflict”")
    assert "frozen conflict" in reversed_words(terminal.screen(escapes=True))
    assert "2020-11-21" in screen and "Sergey Lavrov" in screen
    terminal.keys("Enter")
    # The concordance shows the term reversed too: wait for the reader's own status.
    terminal.wait_for("hit 1/1")
    terminal.wait_until(
        lambda _s: "frozen conflict" in reversed_words(terminal.screen(escapes=True)),
        "the reader with the match marked",
    )
    terminal.keys("Escape")
    terminal.wait_for("1 occurrence of “frozen conflict”")
    terminal.keys("Escape")
    terminal.wait_until(lambda s: "occurrence" not in s, "the main screen")
    terminal.type("q")
    terminal.wait_gone()
