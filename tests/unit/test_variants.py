"""Files nobody here has seen: other label styles, line endings, encodings, junk.

Each variant is written by the test, parsed through the same code as the seeds,
and checked for what a reader would expect."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import main
from tui.corpus.config import Config
from tui.corpus.export import check_entries
from tui.corpus.library import Library
from tui.corpus.model import Confidence, Document, TurnKind
from tui.corpus.parse import parse_text
from tui.corpus.topics import TopicMatcher

SEED_000 = (SEEDS / "000_0f3248e6ed0e14b7.txt").read_text(encoding="utf-8")

QA_STYLE = """\
White House Press Briefing by Press Secretary Jane Doe, Washington, May 3, 2019

Good afternoon, everyone. I have two announcements before questions.

The President will travel to Ohio on Friday.

Q: Will the President meet the Governor while in Ohio?

A: He will, and they will discuss the flood relief.

Q: Is there a date for the summit?

A: Not yet.
"""

ALL_CAPS = """\
Transcript of a press conference held by the Mayor of Springfield on June 1, 2021, Springfield, June 1, 2021

MR. SMITH: Thank you all for coming. The budget is balanced this year.

QUESTION: What about the new bridge?

MR. SMITH: Construction starts in the autumn.

MS. JONES: I would add that the contract has been signed.
"""

LONG_THEN_SHORT = """\
Interview of President Vladimir Putin to a national broadcaster, Moscow, December 19, 2019

Interviewer (John Brown, Channel One): Mr President, let us start with the economy.

Vladimir Putin: Growth was moderate this year.

Interviewer: And inflation?

Putin: Inflation is under four percent.

Putin: Let me add one more thing.
"""

NO_DATE = """\
Remarks by the Chair at the opening of the annual meeting of the association

Dear colleagues,

I am glad to welcome you all. We have a long agenda ahead of us.

Question: When will the report be published?

Chair Person: Within a month.
"""

HTML = """\
<html><body>
<h1>Joint press conference of the foreign ministers, Vienna, March 3, 2022</h1>
<p><b>Anna Karlsson:</b> Welcome to Vienna. We discussed &amp; agreed on a plan.</p>
<p><b>Question:</b> What is next?</p>
<p><b>Anna Karlsson:</b> Another meeting in <i>April</i>.</p>
</body></html>
"""

HOSTILE = (
    "A hostile page with markup inside, Somewhere, January 2, 2020\n\n"
    "John Hacker: [bold]x[/bold] [/] [@click=app.quit] \x1b[2J and \x1b]52;c;aGk=\x07 "
    "and \u202eevil\u202c end.\n"
)


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


@pytest.fixture()
def variants(tmp_path: Path) -> Path:
    folder = tmp_path / "variants"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        write(folder, seed.name, seed.read_bytes())
    write(folder, "crlf.txt", SEED_000.replace("\n", "\r\n"))
    write(folder, "lone_cr.txt", SEED_000.replace("\n", "\r"))
    write(folder, "no_final_newline.txt", SEED_000.rstrip("\n"))
    write(folder, "qa_style.txt", QA_STYLE)
    write(folder, "all_caps.txt", ALL_CAPS)
    write(folder, "long_then_short.txt", LONG_THEN_SHORT)
    write(folder, "no_date.txt", NO_DATE)
    write(folder, "export.html", HTML)
    write(folder, "hostile.txt", HOSTILE)
    write(
        folder,
        "cp1251.txt",
        "Заявление министра, Москва, March 6, 2017\n\nСергей Лавров: Добрый день.\n".encode(
            "cp1251"
        ),
    )
    write(folder, "utf16.txt", ("\ufeff" + QA_STYLE).encode("utf-16-le"))
    write(folder, "utf8_bom.txt", "\ufeff" + QA_STYLE)
    write(folder, "empty.txt", "")
    write(folder, "blank.txt", "\n\n   \n")
    write(folder, "binary.bin", bytes(range(256)) * 20)
    (folder / "dangling.txt").symlink_to(folder / "missing-target.txt")
    return folder


def load(folder: Path, config: Config) -> Library:
    return Library.load(folder, config)


def kinds(document: Document) -> list[tuple[str, str | None]]:
    return [(turn.kind.value, turn.speaker) for turn in document.turns]


def test_line_endings_do_not_change_the_parse(variants: Path, config: Config) -> None:
    library = load(variants, config)
    reference = library.by_id("000_0f3248e6ed0e14b7")
    for variant in ("crlf", "lone_cr", "no_final_newline"):
        document = library.by_id(variant)
        assert [p.text for p in document.paragraphs] == [p.text for p in reference.paragraphs]
        assert kinds(document) == kinds(reference)
        assert document.date == reference.date


def test_q_and_a_labels(variants: Path, config: Config) -> None:
    document = load(variants, config).by_id("qa_style")
    assert kinds(document) == [
        ("statement", "Jane Doe"),
        ("question", None),
        ("answer", "Jane Doe"),
        ("question", None),
        ("answer", "Jane Doe"),
    ]
    assert document.date.value == dt.date(2019, 5, 3)
    assert document.place == "Washington"
    assert "Q:/A:" in document.format


def test_all_caps_labels(variants: Path, config: Config) -> None:
    document = load(variants, config).by_id("all_caps")
    assert kinds(document) == [
        ("statement", "Mr. Smith"),
        ("question", None),
        ("answer", "Mr. Smith"),
        ("answer", "Ms. Jones"),
    ]
    assert document.turns[0].label == "MR. SMITH"
    assert "ALL CAPS:" in document.format


def test_short_form_of_a_name_is_the_same_speaker(variants: Path, config: Config) -> None:
    document = load(variants, config).by_id("long_then_short")
    assert document.turns[0].kind is TurnKind.QUESTION
    assert document.turns[0].note == "John Brown, Channel One"
    assert document.turns[0].speaker == "John Brown"
    assert [t.speaker for t in document.turns if t.kind is TurnKind.ANSWER] == [
        "Vladimir Putin",
        "Vladimir Putin",
        "Vladimir Putin",
    ]
    assert document.turns[-1].label == "Putin"


def test_missing_date_is_reported(variants: Path, config: Config) -> None:
    document = load(variants, config).by_id("no_date")
    assert document.date.value is None
    assert document.date.confidence is Confidence.MISSING
    assert "no date found" in document.warnings
    assert load(variants, config).documents[-1].date.value is None  # undated sort last


def test_html_export(variants: Path, config: Config) -> None:
    document = load(variants, config).by_id("export")
    assert (
        document.title == "Joint press conference of the foreign ministers, Vienna, March 3, 2022"
    )
    assert kinds(document) == [
        ("statement", "Anna Karlsson"),
        ("question", None),
        ("answer", "Anna Karlsson"),
    ]
    assert document.paragraphs[0].text == "Welcome to Vienna. We discussed & agreed on a plan."
    assert document.format.startswith("html ")


def test_hostile_text_is_kept_literally_with_controls_made_visible(
    variants: Path, config: Config
) -> None:
    text = load(variants, config).by_id("hostile").paragraphs[0].text
    assert "[bold]x[/bold] [/] [@click=app.quit]" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "␛[2J" in text and "⟨RLO⟩" in text


def test_encodings(variants: Path, config: Config) -> None:
    library = load(variants, config)
    cp1251 = library.by_id("cp1251")
    assert cp1251.paragraphs[0].text == "Добрый день."
    assert any("decoded as cp1251" in w for w in cp1251.warnings)
    for name in ("utf16", "utf8_bom"):
        document = library.by_id(name)
        assert kinds(document) == kinds(library.by_id("qa_style"))
        assert document.warnings == ()


def test_unreadable_files_are_listed_with_a_reason(variants: Path, config: Config) -> None:
    errors = {e.id: e.reason for e in load(variants, config).errors}
    assert errors == {
        "empty": "empty file",
        "blank": "empty file",
        "binary": "binary file (mostly non-text bytes)",
        "dangling": "dangling symlink",
    }


def test_check_reports_every_file(variants: Path, config: Config) -> None:
    entries = check_entries(load(variants, config))
    assert len(entries) == len(list(variants.iterdir()))
    by_id = {entry["id"]: entry for entry in entries}
    assert by_id["003_17535f2944fa9c05"]["date_confidence"] == "inferred"
    assert by_id["004_d48fa1d5f48169a7"]["questions"] == 3
    assert by_id["binary"]["error"].startswith("binary file")
    assert by_id["qa_style"]["speaker_turns"] == {"Jane Doe": 3}


def test_check_cli_exit_status_and_json(variants: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(variants), "--json"]) == 1
    entries = json.loads(capsys.readouterr().out)
    assert {e["id"] for e in entries if e["error"]} == {"empty", "blank", "binary", "dangling"}
    assert main(["check", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "5 of 5 files parsed" in out
    assert "dropped   line 60: footer: 27.11.2017" in out


def test_names_beyond_ascii_and_with_apostrophes(config: Config, matcher: TopicMatcher) -> None:
    transcript = parse_text(
        "t",
        Path("t.txt"),
        "David O'Connor’s remarks at a press conference, Dublin, May 2, 2019\n\nThank you.\n\n"
        "Q: Any news?\n\nA: None today.\n",
        config,
        matcher,
    )
    assert [t.speaker for t in transcript.turns] == ["David O'Connor", None, "David O'Connor"]
    interview = parse_text(
        "i",
        Path("i.txt"),
        "Interview of Émile Laurent to the press, Lyon, June 3, 2020\n\nQ: Hello?\n\nA: Hello.\n",
        config,
        matcher,
    )
    assert interview.turns[-1].speaker == "Émile Laurent"
    article = parse_text(
        "a",
        Path("a.txt"),
        "Minister says trade with Brazil keeps growing this year\n\n"
        "SÃO PAULO, May 2. /TASS/. Trade grew in 2019, Foreign Minister of Brazil "
        "Carlos Alberto França said on Thursday.\n\n"
        '"We are satisfied," he said. As Mr França said, more is to come.\n',
        config,
        matcher,
    )
    assert article.place == "São Paulo"
    assert article.date.value == dt.date(2019, 5, 2)
    assert article.speakers == ("Carlos Alberto França",)
