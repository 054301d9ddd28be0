"""A corpus folder holding what is no file to read (link loops, a pipe, a socket,
devices, what cannot be read) or file names that are not one line: every command
answers, each such entry costs itself only and `dossier check` says why (issue 23)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.hostile import FOLDER_FAULTS, transcript
from tui.cli import main
from tui.corpus.clean import clean_line
from tui.corpus.library import one_line

SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("kind", FOLDER_FAULTS)
def test_list_check_and_search_answer_and_check_says_why(
    kind: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, said = FOLDER_FAULTS[kind]
    make(corpus)
    expected = said(corpus)
    status, out, err = run(capsys, "list", "--json", "--corpus", str(corpus))
    assert status == 0
    assert sorted(entry["id"] for entry in json.loads(out)) == SEED_IDS
    for relative, reason in expected.items():
        assert f"dossier: skipped {corpus / relative}: {reason}\n" in err
    status, out, _ = run(capsys, "check", str(corpus), "--json")
    assert status == 1, "check exits 1 when a file was skipped"
    errors = {
        os.path.relpath(entry["path"], corpus): entry["error"]
        for entry in json.loads(out)
        if entry["error"]
    }
    assert errors == expected
    status, out, _ = run(capsys, "search", "Nagorno-Karabakh", "--json", "--corpus", str(corpus))
    assert status == 0 and json.loads(out)


NAMES = {
    "new\nline.txt": "new␊line",
    "carriage\rreturn.txt": "carriage␍return",
    "a\ttab.txt": "a␉tab",
    "form\x0cfeed.txt": "form␌feed",
    "line\u2028separator.txt": "line⟨U+2028⟩separator",
    "escape\x1b[2J.txt": "escape␛[2J",
}
"""File names that are not one line of plain text, and the ids they become."""


def test_ids_are_one_line_in_list_and_kwic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in NAMES:
        (corpus / name).write_text(transcript(name, "Riga", "a", "b", "c"), encoding="utf-8")
    status, out, _ = run(capsys, "list", "--corpus", str(corpus))
    assert status == 0
    rows = out.splitlines()
    assert len(rows) == len(NAMES)
    for doc_id in NAMES.values():
        assert sum(f"  {doc_id}  " in row for row in rows) == 1, doc_id
    _, out, _ = run(capsys, "kwic", "Nagorno-Karabakh", "--json", "--corpus", str(corpus))
    occurrences = [entry["doc"] for entry in json.loads(out)]
    assert sorted(set(occurrences)) == sorted(NAMES.values())
    status, out, _ = run(capsys, "kwic", "Nagorno-Karabakh", "--corpus", str(corpus))
    assert status == 0
    rows = out.splitlines()
    assert len(rows) == len(occurrences)
    for doc_id in NAMES.values():
        assert sum(f" {doc_id} ¶" in row for row in rows) == occurrences.count(doc_id)
    status, out, _ = run(capsys, "check", str(corpus))
    assert out.count(f"{corpus}/") == len(NAMES), "each path on a line of its own"


def test_names_alike_once_cleaned_keep_ids_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`a.txt` and `a.md` have one stem and, without suffix, one path; `b\\x1b.txt` and
    `b␛.txt` are one name once cleaned. Each document keeps an id of its own, and
    `show` shows it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ("a.txt", "a.md", "b\x1b.txt", "b␛.txt")
    for number, name in enumerate(names):
        text = transcript(f"number {number}", "Riga", "a", "b", "c")
        (corpus / name).write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "list", "--json", "--corpus", str(corpus))
    assert status == 0
    ids = [entry["id"] for entry in json.loads(out)]
    assert len(set(ids)) == len(names), ids
    assert sorted(ids) == ["a", "a~2", "b␛", "b␛~2"]
    titles = set()
    for doc_id in ids:
        status, out, _ = run(capsys, "show", doc_id, "--json", "--corpus", str(corpus))
        assert status == 0
        titles.add(json.loads(out)["title"])
    assert len(titles) == len(names), "each id shows its own document"


def test_a_corrections_file_that_is_a_pipe_is_not_waited_on(corpus: Path) -> None:
    """dossier.yaml as a named pipe: opening it would wait for a writer for ever."""
    os.mkfifo(corpus / "dossier.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--json", "--corpus", str(corpus)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert sorted(entry["id"] for entry in json.loads(result.stdout)) == SEED_IDS
    assert "dossier.yaml: a named pipe (FIFO), not a file; no corrections applied" in result.stderr


def test_no_character_the_cleaner_changes_stays_in_an_id() -> None:
    """`one_line` passes printable names as they are: that must never let through a
    character `clean_line` would change."""
    for code in range(0x10000):
        char = chr(code)
        if clean_line(char) != char:
            assert char not in one_line(f"a{char}b"), hex(code)
