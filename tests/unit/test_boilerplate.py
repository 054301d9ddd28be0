"""Page furniture learned from the folder: a site nobody listed is cleaned too."""

from __future__ import annotations

from pathlib import Path

from tui.corpus import boilerplate
from tui.corpus.config import Config
from tui.corpus.library import Library

MENU = "Home | Newsroom | Briefings | Statements | Contact the Ministry"
SHARE = "Share on Facebook   Tweet this   Email a friend"
FOOTER = "© 2021 Ministry of Fisheries of Atlantis. All rights reserved."
SIGNUP = "Sign up for the newsletter of the ministry"


def page(number: int) -> str:
    return (
        f"{MENU}\n\n"
        f"Press conference of the Minister of Fisheries on the quota for region {number}\n\n"
        f"{SHARE}\n\n"
        "Ladies and gentlemen, colleagues\n\n"
        f"Minister Anna Berg: Good morning. Today we set quota number {number}.\n\n"
        "Thank you.\n\n"
        "Question: What about the smaller boats?\n\n"
        f"Minister Anna Berg: They get {number * 10} tonnes.\n\n"
        f"{SIGNUP}\n\n{FOOTER}\n"
    )


def write_site(folder: Path, pages: int) -> None:
    folder.mkdir(parents=True)
    for number in range(pages):
        (folder / f"conference-{number}.txt").write_text(page(number), encoding="utf-8")


def body(library: Library) -> list[str]:
    return [p.text for d in library.documents for p in d.paragraphs]


def test_lines_a_folder_repeats_are_dropped_with_the_reason(tmp_path: Path, config: Config) -> None:
    write_site(tmp_path / "atlantis", 6)
    library = Library.load(tmp_path, config)
    texts = body(library)
    for furniture in (MENU, SHARE, FOOTER, SIGNUP):
        assert not any(furniture in text for text in texts)
    document = library.documents[0]
    reasons = {d.text: d.reason for d in document.dropped}
    assert reasons[SHARE] == "repeats across the folder"
    assert reasons[FOOTER] == "repeats across the folder"
    # What people say and who says it repeats too, and stays.
    assert texts.count("Thank you.") == 6
    assert texts.count("Ladies and gentlemen, colleagues") == 6
    assert [t.speaker for t in document.turns] == [None, "Anna Berg", None, "Anna Berg"]


def test_each_folder_learns_its_own_furniture(tmp_path: Path, config: Config) -> None:
    write_site(tmp_path / "atlantis", 5)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "one.txt").write_text(
        "Press conference of the Minister of Fisheries of another country\n\n"
        f"Minister Ole Dahl: Good morning.\n\n{SHARE}\n\nMinister Ole Dahl: Goodbye.\n",
        encoding="utf-8",
    )
    library = Library.load(tmp_path, config)
    lone = next(d for d in library.documents if d.id == "one")
    assert SHARE in [p.text for p in lone.paragraphs]


def test_a_few_files_teach_nothing(tmp_path: Path, config: Config) -> None:
    write_site(tmp_path / "atlantis", boilerplate.MIN_FILES - 1)
    library = Library.load(tmp_path, config)
    assert any(SHARE in text for text in body(library))


def test_the_sample_is_spread_and_stable() -> None:
    names = [f"{n:05}.txt" for n in range(10_000)]
    picked = boilerplate.sample(names)
    assert len(picked) == boilerplate.SAMPLE
    assert picked[0] == names[0] and picked[-1] > names[9_900]
    assert picked == boilerplate.sample(list(names))


def test_a_title_the_folder_repeats_is_still_the_title(tmp_path: Path, config: Config) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    for number in range(5):
        (folder / f"briefing-{number}.txt").write_text(
            f"{MENU}\n\nDaily Press Briefing by the Office of the Spokesperson\n\n"
            f"June {number + 1}, 2015\n\nMR KIRBY: Good afternoon. Item {number}.\n",
            encoding="utf-8",
        )
    library = Library.load(tmp_path, config)
    assert {d.title for d in library.documents} == {
        "Daily Press Briefing by the Office of the Spokesperson"
    }
    assert library.documents[0].paragraphs[0].text == "Good afternoon. Item 0."
    assert library.documents[0].date.source == "line 5 below the title"
