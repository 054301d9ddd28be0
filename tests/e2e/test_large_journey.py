"""A new user opens a large folder: the progress shows, and the list scrolls and the
search takes a query before the load ends."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.conftest import Terminal

DOCS = 2000
LOAD_TIMEOUT = 120.0


def test_large_folder_is_usable_while_it_loads(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    from bench.gen_corpus import generate

    folder = tmp_path / "transcripts"
    generate(folder, DOCS, seed=8)
    terminal.start(
        [dossier_command, "--corpus", str(folder), "--notes", str(tmp_path / "n")], (80, 24)
    )
    screen = terminal.wait_until(
        lambda s: re.search(r"Loading [\d,]+ of 2,000 documents", s) is not None, "the progress"
    )
    dates = re.findall(r"\d{4}-\d\d-\d\d", screen)
    assert dates, "documents are listed as they come"
    terminal.keys("PageDown", "PageDown", "j")
    scrolled = terminal.wait_until(
        lambda s: re.findall(r"\d{4}-\d\d-\d\d", s)[:3] != dates[:3], "the list to scroll"
    )
    assert "Loading" in scrolled, "the list scrolled before the load ended"
    terminal.keys("s")
    terminal.type("Karabakh")
    searching = terminal.wait_until(lambda s: "Karabakh" in s, "the query typed")
    assert re.search(r"loading [\d,]+ of 2,000 documents|indexing", searching), searching
    terminal.wait_for("Enter opens", timeout=LOAD_TIMEOUT)
    terminal.keys("Escape")
    terminal.wait_until(lambda s: "Loading" not in s and "s Search" in s, "the main screen")
