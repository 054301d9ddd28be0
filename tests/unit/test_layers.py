"""The corpus layer never imports the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_corpus_layer_and_cli_import_without_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, tui.corpus\n"
        "for m in pkgutil.iter_modules(tui.corpus.__path__): importlib.import_module('tui.corpus.' + m.name)\n"
        "import tui.cli\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith(('textual.', 'rich')))\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_start_of_the_reader_imports_no_view_it_does_not_show() -> None:
    """The index, the study views and the other screens wait for their first use (the
    index for the first frame): a start imports `tui.cli` and `tui.app`."""
    later = (
        "tui.corpus.search",
        "tui.corpus.study",
        "tui.corpus.parse",
        "tui.corpus.compare",
        "tui.screens.compare",
        "tui.screens.help",
        "tui.screens.notes",
        "tui.screens.speakers",
        "tui.screens.timeline",
        "tui.dialogs.note_editor",
    )
    code = (
        "import sys, tui.cli, tui.app\n"
        f"early = [name for name in {later!r} if name in sys.modules]\n"
        "print(early); raise SystemExit(1 if early else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_layer_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: the corpus never imports Textual or
    the UI, widgets never import screens or pop-ups, messages and the document's data
    import no widget."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout
