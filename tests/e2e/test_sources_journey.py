"""A new user opens transcripts saved from many sites, with the installed dossier."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.e2e.conftest import Terminal

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docs"
BRIEFINGS = CORPUS / "whitehouse-briefings"


def _colour_of(screen: str, text: str) -> str:
    """The foreground colour the terminal was given right before `text`."""
    line = next(line for line in screen.splitlines() if text in line)
    before = line[: line.index(text)]
    colours = re.findall(r"38;(5;\d+|2;\d+;\d+;\d+)", before)
    assert colours, f"no colour before {text!r}"
    return colours[-1]


def test_a_folder_of_many_sites_sits_by_year(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    terminal.start(
        [dossier_command, "--corpus", str(CORPUS), "--notes", str(tmp_path / "notes.yaml")],
        (160, 48),
    )
    screen = terminal.wait_until(
        lambda screen: "1960-09-26" in screen and "Loading" not in screen,
        "the folder to be listed, oldest first",
    )
    years = [line.split()[0] for line in screen.splitlines() if re.match(r"^ (19|20)\d\d\s", line)]
    assert years[:3] == ["1960", "1976", "1989"], years
    # The sidebar's end: the meetings no page dates (talks, captions, one-line exports)
    # come last, after the newest year.
    terminal.keys("End")
    screen = terminal.wait_until(lambda screen: "no date" in screen.casefold(), "the undated group")
    sidebar = [line[:30] for line in screen.splitlines()]
    heading = next(i for i, row in enumerate(sidebar) if "no date" in row.casefold())
    assert not any(re.match(r"^ (19|20)\d\d\s", row) for row in sidebar[heading:])


def test_a_press_office_briefing_reads_as_turns(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    terminal.start(
        [dossier_command, "--corpus", str(BRIEFINGS), "--notes", str(tmp_path / "notes.yaml")],
        (160, 48),
    )
    terminal.wait_for("2021-02-19")
    terminal.keys("j", "Enter", "Tab")
    screen = terminal.wait_for("Speakers: Jen Psaki")
    assert "2021-02-19 · markdown" in screen
    # The label as printed, in the speaker's colour, not the text's.
    assert "MS. PSAKI" in screen
    escaped = terminal.screen(escapes=True)
    label = _colour_of(escaped, "MS. PSAKI")
    text = _colour_of(escaped, "Good afternoon.")
    assert label != text
    terminal.type("}")
    screen = terminal.wait_for("Q1/")
    assert "Why is now the time to engage with Iran?" in screen


def test_check_summarises_and_a_correction_says_where_it_came_from(tmp_path: Path) -> None:
    dossier = shutil.which("dossier")
    assert dossier is not None, "the `dossier` command is not installed"
    folder = tmp_path / "briefings"
    shutil.copytree(BRIEFINGS, folder)
    env = {
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
    }
    summary = subprocess.run(
        [dossier, "check", str(folder)], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "8 of 8 files parsed" in summary
    assert re.search(r"dates\s+\d+ exact", summary)
    assert "Jen Psaki <- MS. PSAKI" in summary
    doc_id = (
        "2022-05-23-on-the-record-press-call-on-the-launch-of-the-indo-pacific-economic-framework"
    )
    (folder / "dossier.yaml").write_text(
        f"documents:\n  {doc_id}:\n    date: 2022-05-22\n", encoding="utf-8"
    )
    shown = subprocess.run(
        [dossier, "check", str(folder)], capture_output=True, text=True, env=env, check=True
    ).stdout
    entry = shown.split(doc_id, 1)[1]
    assert "2022-05-22 (exact: dossier.yaml line 3)" in entry.splitlines()[2]
    assert "1 date" in shown.rsplit("corrected", 1)[1].splitlines()[0]
