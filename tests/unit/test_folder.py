"""A folder's pages name their people for each other: one person, one speaker across
the folder."""

from __future__ import annotations

from pathlib import Path

from tui.corpus.config import Config
from tui.corpus.library import Library


def write(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def speakers(library: Library, doc_id: str) -> list[str | None]:
    return [turn.speaker for turn in library.by_id(doc_id).turns]


def test_a_surname_is_the_person_another_page_of_the_folder_names(
    tmp_path: Path, config: Config
) -> None:
    pages = {
        f"gaggle-{n}.txt": f"Press gaggle aboard Air Force One en route to city {n}\n\n"
        f"MS. PSAKI:  Hi, everyone.  Item {n}.\n\nQ    What about the trip?\n\n"
        "MS. PSAKI:  It is on.\n"
        for n in range(4)
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
