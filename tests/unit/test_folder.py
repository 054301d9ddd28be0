"""A folder's pages name their people for each other: one person, one speaker across
the folder; and they show whether the dates in their file names are meeting dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui.corpus.config import Config
from tui.corpus.library import Library
from tui.corpus.model import Confidence


def write(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def speakers(library: Library, doc_id: str) -> list[str | None]:
    return [turn.speaker for turn in library.by_id(doc_id).turns]


@pytest.mark.parametrize("gaggles", [1, 4])
def test_a_surname_is_the_person_another_page_of_the_folder_names(
    tmp_path: Path, config: Config, gaggles: int
) -> None:
    # Two pages are enough to name a person for each other.
    pages = {
        f"gaggle-{n}.txt": f"Press gaggle aboard Air Force One en route to city {n}\n\n"
        f"MS. PSAKI:  Hi, everyone.  Item {n}.\n\nQ    What about the trip?\n\n"
        "MS. PSAKI:  It is on.\n"
        for n in range(gaggles)
    }
    pages["briefing.txt"] = (
        "Press briefing of the week in the briefing room, with questions\n\n"
        "Jen Psaki:  Good afternoon.\n\nQ    And the budget?\n\nJen Psaki:  Next week.\n"
    )
    write(tmp_path / "briefings", pages)
    library = Library.load(tmp_path, config)
    assert speakers(library, "gaggle-0") == ["Jen Psaki", None, "Jen Psaki"]


def test_an_office_is_the_holder_another_page_of_the_folder_names(
    tmp_path: Path, config: Config
) -> None:
    pages = {
        f"pmqs-{n}.txt": f"Prime Minister's Questions in the House of Commons, sitting {n}\n\n"
        "Mr. David Cameron (Witney) (Con): Will the Prime Minister answer?\n\n"
        "The Prime Minister: I will.\n"
        for n in range(4)
    }
    pages["pmqs-last.txt"] = (
        "Prime Minister's Questions in the House of Commons, the last sitting\n\n"
        "The Prime Minister (Mr. Tony Blair): This morning I had meetings.\n\n"
        "Mr. David Cameron (Witney) (Con): And tomorrow?\n"
    )
    write(tmp_path / "pmqs", pages)
    library = Library.load(tmp_path, config)
    assert speakers(library, "pmqs-0") == ["David Cameron", "Tony Blair"]


def test_two_holders_of_an_office_name_neither(tmp_path: Path, config: Config) -> None:
    pages = {
        f"pmqs-{n}.txt": f"Prime Minister's Questions in the House of Commons, sitting {n}\n\n"
        "Mr. David Cameron (Witney) (Con): Will the Prime Minister answer?\n\n"
        "The Prime Minister: I will.\n"
        for n in range(4)
    }
    for name, person in (("blair", "Mr. Tony Blair"), ("brown", "Mr. Gordon Brown")):
        pages[f"pmqs-{name}.txt"] = (
            f"Prime Minister's Questions in the House of Commons with {name}\n\n"
            f"The Prime Minister ({person}): This morning I had meetings.\n"
        )
    write(tmp_path / "pmqs", pages)
    library = Library.load(tmp_path, config)
    assert speakers(library, "pmqs-0") == ["David Cameron", "The Prime Minister"]


@pytest.mark.parametrize("agreeing", [0, 1])
def test_file_names_the_pages_contradict_do_not_date_a_page(
    tmp_path: Path, config: Config, agreeing: int
) -> None:
    # Recordings processed in 2024 of meetings held in 2023: each page that writes a
    # date writes another than its file name's (one in five may write both).
    pages = {
        f"2024-09-{10 + n}_MCM{n}.md": f"# Board of Health {n + 1:02}-21-23\n\n"
        f"[SPEAKER_01]: Call to order.\n\n[SPEAKER_02]: Present, item {n}.\n"
        for n in range(4)
    }
    for n in range(agreeing):
        pages[f"2024-09-2{n}_MCM9{n}.md"] = (
            f"# Linkage Trust, September 2{n}, 2024\n\n[SPEAKER_01]: Hello.\n"
        )
    pages["2024-09-16_MCM1429.srt"] = (
        "1\n00:00:00,231 --> 00:00:01,352\n[SPEAKER_02]: Let's call the meeting to order.\n"
    )
    write(tmp_path / "medford", pages)
    library = Library.load(tmp_path, config)
    assert library.by_id("2024-09-10_MCM0").date.value == dt.date(2023, 1, 21)
    date = library.by_id("2024-09-16_MCM1429").date
    assert date.value == dt.date(2024, 9, 16)
    assert date.confidence is Confidence.SCRAPED
    assert date.source.startswith("file name, not a meeting's date in this folder")


def test_file_names_the_pages_bear_out_date_a_page(tmp_path: Path, config: Config) -> None:
    pages = {
        f"2021-05-0{n + 1}-briefing.txt": f"Press Briefing, May {n + 1}, 2021\n\n"
        "MS. PSAKI: Good afternoon.\n\nQ    And the budget?\n"
        for n in range(4)
    }
    pages["2021-05-07-gaggle.txt"] = "Press Gaggle\n\nMS. PSAKI: Hi, everyone.\n"
    write(tmp_path / "briefings", pages)
    date = Library.load(tmp_path, config).by_id("2021-05-07-gaggle").date
    assert (date.value, date.source, date.confidence) == (
        dt.date(2021, 5, 7), "file name", Confidence.INFERRED,
    )  # fmt: skip


def test_a_surname_label_is_the_full_name_the_folders_pages_write(
    tmp_path: Path, config: Config
) -> None:
    pages = {
        "remarks-1.txt": "Remarks by President Biden in a joint press statement\n\n"
        "PRESIDENT BIDEN:  Good afternoon.\n\nHON. MEMBERS:  Hear, hear.\n",
        "remarks-2.txt": "Remarks by the President on the economy, East Room\n\n"
        "THE PRESIDENT:  Thank you. As Joe Biden said in the campaign, jobs come first.\n\n"
        "Labour Members will enjoy this one, and the members too.\n",
        "statement.txt": "Statement on the visit of President Joe Biden to Ottawa\n\n"
        "The Prime Minister welcomed President Joe Biden.\n",
    }
    write(tmp_path / "speeches", pages)
    library = Library.load(tmp_path, config)
    # `Joe Biden`, written twice in the folder, names the label that gives `Biden` alone;
    # `Labour Members`, written once, names no one.
    assert speakers(library, "remarks-1") == ["Joe Biden", "Hon. Members"]


def press_page(title: str, released: str, extra: str = "") -> str:
    return (
        f"{title}\n\nRelease Date: {released}\n\n{extra}"
        "PRIME MINISTER: Thank you all for coming.\n\nJOURNALIST: A question?\n"
    )


def test_a_slash_date_either_way_is_read_day_first_where_the_folder_writes_so(
    tmp_path: Path, config: Config
) -> None:
    """A press office that writes its dates day first (`17/11/2016`) dates its page of
    `06/09/2007` the 6th of September; a folder with no such date, or one that writes
    a date month first (`12/25/2010`), the 9th of June; and a page that writes the day
    in words too (`June 9, 2007`) means what it writes."""
    write(
        tmp_path / "au",
        {
            "a.txt": press_page("Press Conference, Canberra", "17/11/2016"),
            "b.txt": press_page("Joint Press Conference, Sydney", "06/09/2007"),
            "c.txt": press_page("Doorstop, Perth", "06/09/2007", "On June 9, 2007 we met.\n\n"),
        },
    )
    write(
        tmp_path / "us",
        {
            "a.txt": press_page("Press Briefing, Washington", "12/25/2010"),
            "b.txt": press_page("Joint Press Conference, New York", "06/09/2007"),
        },
    )
    au = Library.load(tmp_path / "au", config)
    us = Library.load(tmp_path / "us", config)
    assert au.by_id("b").date.value == dt.date(2007, 9, 6)
    assert au.by_id("b").date.source.endswith("day first as the page's dates")
    assert au.by_id("c").date.value == dt.date(2007, 6, 9)
    assert us.by_id("b").date.value == dt.date(2007, 6, 9)
