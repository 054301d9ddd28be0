"""A new user opens a folder of 10,000 transcripts: the progress shows, the list
scrolls and the search takes a query before the load ends; the next start reads
the cache, and the search answers as soon as the list is in."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.conftest import Terminal

DOCS = 10_000
LOAD_TIMEOUT = 400.0
"""Seconds for the first start to parse and index everything (about 70 on an idle
machine with two cores)."""
WARM_TIMEOUT = 60.0
"""Seconds for a start from the cache to answer a search (about 5 idle)."""
DATE = re.compile(r"\d{4}-\d\d-\d\d")


def test_a_folder_of_10000_is_usable_while_it_loads_and_quick_the_next_time(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    from bench.gen_corpus import generate

    folder = tmp_path / "transcripts"
    generate(folder, DOCS, seed=8)
    command = [dossier_command, "--corpus", str(folder), "--notes", str(tmp_path / "n")]
    terminal.start(command, (80, 24))
    screen = terminal.wait_until(
        lambda s: re.search(r"Loading [\d,]+ of 10,000 documents", s) is not None,
        "the progress",
        timeout=60.0,
    )
    dates = DATE.findall(screen)
    assert dates, "documents are listed as they come"
    terminal.keys("PageDown", "PageDown", "j")
    scrolled = terminal.wait_until(lambda s: DATE.findall(s)[:3] != dates[:3], "the list to scroll")
    assert "Loading" in scrolled, "the list scrolled before the load ended"
    terminal.keys("s")
    terminal.type("Karabakh")
    searching = terminal.wait_until(lambda s: "Karabakh" in s, "the query typed")
    assert re.search(r"loading [\d,]+ of 10,000 documents|indexing", searching), searching
    found = terminal.wait_for("Enter opens", timeout=LOAD_TIMEOUT)
    assert re.search(r"[\d,]+ of [\d,]+ paragraphs", found), found
    terminal.keys("Escape")
    terminal.wait_until(
        lambda s: "Loading" not in s and "Indexing" not in s and "s Search" in s,
        "the main screen, loaded and indexed",
    )
    terminal.keys("q")
    terminal.wait_gone()

    # The second start: nothing is parsed or indexed again.
    terminal.start(command, (80, 24))
    terminal.wait_until(lambda s: DATE.search(s) is not None, "the list", timeout=WARM_TIMEOUT)
    terminal.keys("s")
    terminal.type("Karabakh")
    again = terminal.wait_for("Enter opens", timeout=WARM_TIMEOUT)
    assert re.search(r"[\d,]+ of [\d,]+ paragraphs", again), again
    terminal.keys("Escape")
    terminal.wait_until(
        lambda s: "Loading" not in s and "Indexing" not in s, "the load and index to end"
    )
