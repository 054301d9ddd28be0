"""`TERM=dumb` on a real terminal: the reader refuses with a message, exit 2."""

from __future__ import annotations

from tests.e2e.conftest import Terminal


def test_dumb_terminal_is_refused_with_a_message(terminal: Terminal, dossier_command: str) -> None:
    terminal.start(
        ["sh", "-c", f"TERM=dumb {dossier_command}; echo exit=$?; sleep 30"], size=(80, 24)
    )
    screen = terminal.wait_for("exit=")
    assert "needs an interactive terminal" in screen
    assert "exit=2" in screen
