"""Search through the installed `dossier` in tmux: type, open, step through hits, go back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.e2e.conftest import Terminal, reversed_words


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_search_open_hits_and_back(
    terminal: Terminal, dossier_command: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    terminal.start([dossier_command, "--corpus", str(SEEDS), "--notes", str(tmp_path / "n")], size)
    terminal.wait_for("s Search")
    terminal.keys("s")
    terminal.wait_for("Type to search")
    terminal.type("Mamadyarov")
    terminal.wait_for("Enter opens")
    terminal.wait_until(
        lambda _screen: "Mammadyarov" in reversed_words(terminal.screen(escapes=True)),
        "Mammadyarov highlighted in the results",
    )
    terminal.keys("Enter")
    screen = terminal.wait_until(lambda s: re.search(r"hit \d+/\d+", s) is not None, "hits")
    first = re.search(r"hit (\d+)/(\d+)", screen)
    assert first is not None
    number, total = int(first.group(1)), int(first.group(2))
    assert "Mammadyarov" in reversed_words(terminal.screen(escapes=True))
    terminal.type("n")
    terminal.wait_for(f"hit {number % total + 1}/{total}")
    terminal.keys("Escape")
    screen = terminal.wait_for("Enter opens")
    assert "Mamadyarov" in screen, "the query is still there"
    terminal.keys("Escape")
    terminal.wait_until(lambda s: "Enter opens" not in s, "the search screen to close")
    terminal.type("q")
    terminal.wait_gone()


def test_search_typed_in_one_burst(terminal: Terminal, dossier_command: str) -> None:
    terminal.start([dossier_command, "--corpus", str(SEEDS)], (80, 24))
    terminal.wait_for("s Search")
    terminal.burst("sKerry")
    screen = terminal.wait_for("Enter opens")
    assert "Kerry" in screen.splitlines()[1], f"the whole query reached the input:\n{screen}"
    assert "Kerry" in reversed_words(terminal.screen(escapes=True))
