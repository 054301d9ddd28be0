"""`dossier check` ends with a summary a user can act on: how the dates were found,
who was named and under which labels, what dossier.yaml corrected, and the files
that look unparsed, worst first, each with its reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import main


def summary(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """The text `dossier check` ends with: everything after its last blank line."""
    main(["check", str(folder)])
    out = capsys.readouterr().out
    return out.rsplit("\n\n", 1)[1]


def test_the_seeds_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert summary(capsys, SEEDS) == (
        "5 of 5 files parsed\n"
        "  dates      4 exact, 1 inferred, 0 scraped, 0 missing\n"
        "  speakers   named in 5 documents, none in 0\n"
    )


def test_the_seeds_summary_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEEDS), "--json", "--summary"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert len(checked["files"]) == 5
    assert checked["summary"] == {
        "files": 5,
        "documents": 5,
        "skipped": 0,
        "dates": {"exact": 4, "inferred": 1, "scraped": 0, "missing": 0, "missing_ids": []},
        "speakers": {"named": 5, "none": 0},
        "merged": [],
        "corrections": {
            "file": None,
            "dates": 0,
            "titles": 0,
            "places": 0,
            "speaker_labels": 0,
            "warnings": [],
        },
        "unparsed": [],
    }
    assert main(["check", str(SEEDS), "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)  # as before


SENTENCE = "The harbour was busy all day, and the boats came and went as the tide allowed."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A few files written by hand: one well parsed, and some that are not."""
    files = {
        "briefing.txt": "Press briefing by Press Secretary Jen Psaki, Washington, March 1, 2021\n\n"
        "MS. PSAKI: Good afternoon, everyone. We have a few things to cover today.\n\n"
        "Q: Thank you. Will the President travel to Michigan next week?\n\n"
        "MS. PSAKI: He will, and we will share the details of the trip soon.\n\n"
        "Q: And on the budget?\n\n"
        "JEN PSAKI: We expect a proposal in the spring.\n",
        "undated.txt": "Notes from a meeting of the reading group\n\n"
        "We talked about the first three chapters and agreed to read on.\n\n"
        "The next meeting is at the library, as before.\n",
        "dated-by-hand.txt": "Notes from the second meeting of the reading group\n\n"
        "We read the fourth chapter aloud.\n\nNobody had finished the book.\n",
        "unlabelled.txt": "Remarks on the harbour, Oslo, June 2, 2019\n\n"
        + "\n\n".join(f"{n}. {SENTENCE}" for n in range(40))
        + "\n",
        "blob.txt": "Remarks on the harbour, Bergen, June 3, 2019\n\n"
        + " ".join([SENTENCE] * 40)
        + "\n\nThank you.\n\nQuestions followed.\n",
        "empty.txt": "",
        "dossier.yaml": "documents:\n"
        "  dated-by-hand:\n"
        "    date: 2019-06-10\n"
        "  unlabelled:\n"
        "    title: A speech on the harbour\n"
        "speakers:\n"
        "  MS. PSAKI: Jen Psaki\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_summary_of_a_folder_with_problems(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    assert summary(capsys, folder) == (
        "5 of 6 files parsed, 1 skipped\n"
        "  dates      4 exact, 0 inferred, 0 scraped, 1 missing\n"
        "             missing: undated\n"
        "  speakers   named in 1 document, none in 4\n"
        "  merged     Jen Psaki <- MS. PSAKI, JEN PSAKI\n"
        "  corrected  1 date, 1 title, 1 speaker label from dossier.yaml\n"
        "Look unparsed, worst first (4 files):\n"
        "  empty.txt: skipped: empty file\n"
        "  blob.txt: one paragraph holds 99% of the text\n"
        "  undated.txt: no date\n"
        "  unlabelled.txt: no speaker named in 40 paragraphs\n"
    )


def test_the_worst_files_come_first_and_at_most_ten_are_named(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    for number in range(12):
        (folder / f"note{number:02}.txt").write_text(
            "Remarks on the harbour by the mayor of Bergen\n\n" + " ".join([SENTENCE] * 40) + "\n",
            encoding="utf-8",
        )
    text = summary(capsys, folder)
    listed = text.split("Look unparsed, worst first (16 files):\n")[1].splitlines()
    assert listed[:2] == [
        "  note00.txt: one paragraph holds 100% of the text; no date",
        "  note01.txt: one paragraph holds 100% of the text; no date",
    ]
    assert len(listed) == 11
    assert listed[-1] == "  and 6 more (check --json --summary)"
    assert "             missing: note00, note01, note02, note03, note04, note05, note06," in text
    assert "note07 and 5 more" in text


def test_a_transcript_that_numbers_its_lines_does_not_look_unparsed(tmp_path: Path) -> None:
    """A court's transcript read without its numbered pages' headers, footers and word
    index drops many lines, each dropped because the page was understood: that says
    nothing of a parse that missed; a page that dropped as many lines otherwise does."""
    from tests.unit.test_formats import numbered_transcript
    from tui.corpus.config import load_config
    from tui.corpus.export import unparsed_reasons
    from tui.corpus.library import Library

    argued = ["MR. LONG:  Mr. Chief Justice, and may it please the Court:"]
    argued += ["the statute says what it says, and the Court has read it so"] * 23
    pages = [["IN THE SUPREME COURT OF THE UNITED STATES", "Monday, March 26, 2012"]]
    pages += [argued for _ in range(40)]
    index = "".join(f"word{n} {n}:3\n" for n in range(400))
    (tmp_path / "case.txt").write_text(numbered_transcript(pages) + index, encoding="utf-8")
    (document,) = Library.load(tmp_path, load_config()).documents
    assert len(document.dropped) > 2 * len(document.paragraphs) >= 20
    assert unparsed_reasons(document) == []
