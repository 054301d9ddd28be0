"""CHECKLIST 1-7: outside text (documents, file names, notes, queries).

Every screen is driven with real keys through the hostile corpus of `tests/hostile.py`
(`test_every_screen_survives_the_hostile_corpus`); each item then has a test of its own
that fails when its protection is taken away (see the table in README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size
from textual.pilot import Pilot
from textual.widgets import Input

from tests.checklist.screen import assert_safe, paste, screen_lines, screen_text
from tests.conftest import SEEDS
from tests.e2e.conftest import Terminal
from tests.hostile import (
    BIDI,
    CONTROLS,
    ENCODED,
    ESCAPES,
    MARKUP,
    SKIPPED_HOSTILE_NAME,
    WIDE,
    hostile_texts,
    huge_line,
    transcript,
    write_hostile_corpus,
)
from tests.ui.conftest import AppFactory
from tui.app import DossierApp
from tui.corpus import library as library_module
from tui.corpus.anchor import AnchorStatus, Placement, anchor_for, place
from tui.corpus.clean import clean_text, decode
from tui.corpus.config import Config, load_config
from tui.corpus.library import DocumentError, Library, document_from_bytes, small_folder
from tui.corpus.model import Document
from tui.corpus.notes import Kind, Note, NotesData, write_notes
from tui.corpus.topics import TopicMatcher
from tui.widgets.notes_list import status_content
from tui.widgets.reader import Reader
from tui.widgets.sidebar import Sidebar

NOTE_TEXT = "my " + " ".join(MARKUP) + " " + "".join(ESCAPES.values()) + " \u202eevil"
"""A note as a hand edit of the notes file could leave it."""
TOPIC = "[bold]Sea[/bold] [@click=app.quit]"
CONFIG = f"topics:\n  - name: '{TOPIC}'\n    keywords: [Caspian]\n"
"""A topic named with markup, from the user's own config."""
CONFIG_DEFAULT = load_config(None)
PASTED = "Karabakh \x1b[2J\x1b]0;PWNED-TITLE\x07 [bold]x[/bold] \u202eevil"
"""What a paste from a scraped page could put in an input."""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile_corpus(tmp_path / "hostile")


def hostile_app(make_app: AppFactory, corpus: Path) -> DossierApp:
    """An app on the hostile corpus with a hostile note on every document's ¶1."""
    library = Library.load(corpus, load_config(None))
    notes = {}
    for number, document in enumerate(library.documents):
        note = Note(
            f"n{number}",
            Kind.NOTE,
            anchor_for(document, 1, None),
            NOTE_TEXT,
            ("[b]tag",),
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z",
        )
        notes[note.id] = note
    return make_app(corpus=corpus, config_text=CONFIG, notes_text=write_notes(NotesData(notes)))


def reader(app: DossierApp) -> Reader:
    return app.main_screen.query_one(Reader)


async def open_document(pilot: Pilot[None], app: DossierApp, doc_id: str) -> Document:
    """Select `doc_id` in the sidebar, as Enter on its row does, and focus the reader."""
    app.main_screen.query_one(Sidebar).select(doc_id)
    await pilot.pause(0.2)
    document = reader(app).document
    assert document is not None and document.id == doc_id
    reader(app).focus()
    await pilot.pause()
    return document


async def pasted(pilot: Pilot[None], text: str) -> None:
    paste(pilot.app, text)
    await pilot.pause()


async def tour(pilot: Pilot[None], app: DossierApp) -> AsyncIterator[str]:
    """Every screen with every hostile document in it, keys as a reader presses them;
    yields the name of each stop once it is drawn."""
    await pilot.pause(0.3)
    yield "start, with the notification of the skipped files"
    for document in app.library.documents:
        await open_document(pilot, app, document.id)
        yield f"reader on {document.path.name}"
        await pilot.press("slash")
        await pasted(pilot, PASTED)
        await pilot.press("enter")
        yield f"reader on {document.path.name}, after a pasted find"
        await pilot.press("escape")
    await pilot.press("s", *"bold Karabakh")
    await pilot.pause(0.5)
    yield "search results"
    await pasted(pilot, PASTED)
    await pilot.pause(0.5)
    yield "search with a pasted query"
    await pilot.press("escape", "A")
    await pilot.pause(0.2)
    yield "notes screen"
    await pilot.press("slash")
    await pasted(pilot, PASTED)
    yield "notes screen with a pasted filter"
    await pilot.press("escape", "escape")
    await open_document(pilot, app, "markup")
    await pilot.press("G", "m", "a")
    await pasted(pilot, PASTED)
    yield "note editor with pasted text"
    await pilot.press("ctrl+s")
    await pilot.pause(0.2)
    yield "reader with the new note"
    await pilot.press("C")
    await pasted(pilot, PASTED)
    yield "compare picker with a pasted filter"
    await pilot.press("escape")
    app.open_compare("markup", "escapes")
    await pilot.pause(0.5)
    yield "compare"
    await pilot.press("right_square_bracket", "x", "tab")
    yield "compare, swapped"
    await pilot.press("escape", "f1")
    yield "help"
    await pilot.press("escape", "L")
    await pilot.pause(0.3)
    yield "timeline"
    await pilot.press("down", "right", "enter")
    await pilot.pause(0.2)
    yield "timeline, a mention opened"
    await pilot.press("K", *"Karabakh")
    await pilot.pause(0.5)
    yield "concordance"
    await pasted(pilot, PASTED)
    await pilot.pause(0.5)
    yield "concordance with a pasted term"
    await pilot.press("escape", "W")
    await pilot.pause(0.3)
    yield "speakers"
    await pilot.press("enter")
    await pilot.pause(0.3)
    yield "a speaker's turns"


async def test_every_screen_survives_the_hostile_corpus(
    make_app: AppFactory, hostile: Path
) -> None:
    """The app keeps running and nothing that acts on a terminal leaves it, on every
    screen. (test_01 takes the same tour at 200x60.)"""
    app = hostile_app(make_app, hostile)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        stops = [where async for where in _checked(tour(pilot, app), app)]
        assert len(stops) == 2 * len(app.library.documents) + 17


async def _checked(stops: AsyncIterator[str], app: DossierApp) -> AsyncIterator[str]:
    async for where in stops:
        assert_safe(app, where)
        yield where


# -- 1. markup ---------------------------------------------------------------------------


async def test_01_markup_is_shown_literally_everywhere(make_app: AppFactory, hostile: Path) -> None:
    """Markup in a document, a file name, a note, a topic name and a query is shown as
    typed, in the reader, sidebar, search results, notes, notifications, compare and
    the study views; clicking on it does nothing."""
    app = hostile_app(make_app, hostile)
    markup = " ".join(MARKUP)
    seen: dict[str, str] = {}
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await open_document(pilot, app, "markup")
        for y in range(2, 58, 2):
            await pilot.click(offset=(100, y))
        assert app.is_running, "a click on [@click=app.quit] does nothing"
        async for where in tour(pilot, app):
            seen[where] = assert_safe(app, where)
    assert (
        "[bold]skipped [@click=app.quit]"
        in seen["start, with the notification of the skipped files"]
    )
    assert markup in seen["reader on markup.txt"]
    assert "Talks on [bold]x[/bold] [/] [/ [[ [$5]" in seen["reader on markup.txt"], "sidebar"
    assert "[bold]x[/bold]" in seen["search results"]
    assert "my [bold]x[/bold] [/] [/ [[ [$5] [link=x] [@click=app.quit]" in seen["notes screen"]
    assert "#[b]tag" in seen["notes screen"]
    assert "[bold]x[/bold] [/] [/ [[" in seen["compare"]
    assert TOPIC in seen["timeline"]
    assert "[bold]x[/bold]" in seen["concordance with a pasted term"]
    assert "[bold]x[/bold]" in seen["a speaker's turns"]


# -- 2. escape sequences and controls ------------------------------------------------------


async def test_02_escape_sequences_and_controls_show_as_placeholders(
    make_app: AppFactory, hostile: Path
) -> None:
    """The reader shows ␛[2J where the document had ESC [2J, ␀ for NUL, ⟨U+009B⟩ for
    the 8-bit CSI; what the app writes to the terminal carries none of them raw."""
    app = hostile_app(make_app, hostile)
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await open_document(pilot, app, "escapes")
        text = assert_safe(app, "escapes.txt in the reader")
        for shown in ("␛[2J", "␛]52;c;cm0gLXJmIH4=␇", "␛]0;PWNED-TITLE␇", "⟨U+009B⟩2J", "␀", "␡"):
            assert shown in text, shown
        await open_document(pilot, app, "controls")
        text = assert_safe(app, "controls.txt in the reader")
        assert "␀␁␂␃␄␅␆␇␈" in text
        await pilot.press("s")
        await pasted(pilot, PASTED)
        assert "\x1b" not in app.screen.query_one(Input).value, "a paste is cleaned as it enters"


HAND_WRITTEN_NOTES = (
    'version: 1\nnotes:\n- id: n1\n  doc: "\\e]2;PWNED\\a"\n  paragraph: 1\n  text: a note\n'
)
"""An orphaned note whose doc, written by hand, holds OSC 2 (which retitles the terminal)."""
OSC_52_TOPIC = (
    'topics:\n  - name: "\\e]52;c;cHduZWQ=\\a"\n    colour: red\n    keywords: [Moscow]\n'
)
"""A topic named by the user's config with OSC 52 (which writes the clipboard)."""


async def test_02_an_escape_written_into_the_notes_file_reaches_no_screen(
    make_app: AppFactory,
) -> None:
    """The notes list shows the doc of an orphaned note, and the reason it is orphaned,
    with placeholders."""
    app = make_app(notes_text=HAND_WRITTEN_NOTES)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("A")
        await pilot.pause(0.2)
        text = assert_safe(app, "notes screen")
    assert "␛]2;PWNED␇ (not in the corpus)" in text
    assert "orphaned: ␛]2;PWNED␇ is not in the corpus" in text


async def test_02_an_escape_in_a_topic_name_reaches_no_screen(make_app: AppFactory) -> None:
    """The reader's status bar and the timeline's row label show the topic's name with
    placeholders."""
    app = make_app(config_text=OSC_52_TOPIC)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause(0.2)
        seen = {"reader": assert_safe(app, "reader")}
        await pilot.press("L")
        await pilot.pause(0.3)
        seen["timeline"] = assert_safe(app, "timeline")
    for where, text in seen.items():
        assert "␛]52;c;cHduZWQ=␇" in text, where


def test_02_the_notes_list_shows_a_reason_made_visible() -> None:
    """The second wall: a reason that quoted raw text (were anything to bring it past
    the reader) would be drawn with placeholders."""
    placement = Placement(AnchorStatus.ORPHANED, None, "\x1b]2;PWNED\x07 is not in the corpus")
    assert status_content(placement).plain == "orphaned: ␛]2;PWNED␇ is not in the corpus"


def test_02_cli_output_carries_no_escape_sequences(hostile: Path) -> None:
    """`dossier check` and `list` print file names made visible; `--json` escapes them."""
    for command in (["check"], ["list"], ["list", "--json"], ["show", "escapes"]):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "--corpus", str(hostile), *command],
            capture_output=True,
            text=True,
            check=False,
        )
        output = result.stdout + result.stderr
        leaked = {char for char in output if char in CONTROLS + BIDI and char not in "\n"}
        assert "\x1b" not in output and not leaked, (command, sorted(map(ord, leaked)))
        assert "evil" in output or command == ["show", "escapes"]


def test_02_an_osc_title_in_a_document_does_not_retitle_the_terminal(
    terminal: Terminal, dossier_command: str, tmp_path: Path
) -> None:
    """In a real terminal (tmux): the document's OSC 0 and OSC 2 sequences show as text
    and the pane keeps its title."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "escapes.txt").write_text(hostile_texts()["escapes.txt"], encoding="utf-8")
    terminal.start([dossier_command, "--corpus", str(corpus)], (200, 50))
    screen = terminal.wait_for("␛]0;PWNED-TITLE␇")
    assert "PWNED" not in terminal.title()
    terminal.keys("Tab", "G")
    terminal.wait_for("¶3 · 4/4")
    assert "PWNED" not in terminal.title()
    terminal.type("q")
    terminal.wait_gone()
    assert "␛]2;PWNED-TITLE␛\\" in screen


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_02_parser_never_raises_on_bytes_and_lets_no_control_through(data: bytes) -> None:
    """Any bytes at all: a document whose every text field is free of controls, escapes
    and bidi characters, or a reason it is not a document."""
    document = _parse_bytes(data, CONFIG_DEFAULT)
    if document is None:
        return
    texts = [document.title, document.place or "", *document.speakers, *document.warnings]
    texts += [turn.label or "" for turn in document.turns]
    texts += [paragraph.text for turn in document.turns for paragraph in turn.paragraphs]
    texts += [dropped.text for dropped in document.dropped]
    for text in texts:
        assert not set(text) & set(CONTROLS + BIDI + "\r"), repr(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_02_cleaner_lets_no_control_or_bidi_through(text: str) -> None:
    cleaned = clean_text(text)
    assert not set(cleaned) & set(CONTROLS + BIDI + "\r")


def _parse_bytes(data: bytes, config: Config) -> Document | None:
    try:
        return document_from_bytes(
            data, Path("bytes.txt"), "bytes", config, TopicMatcher(config.topics)
        )
    except DocumentError:
        return None


# -- 3. bidi and zero-width ----------------------------------------------------------------


async def test_03_bidi_and_zero_width_are_made_visible(make_app: AppFactory, hostile: Path) -> None:
    app = hostile_app(make_app, hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_document(pilot, app, "bidi")
        text = assert_safe(app, "bidi.txt in the reader")
    assert "⟨RLO⟩evil⟨PDF⟩" in text
    assert "user⟨RLO⟩gnp.exe" in text, "the file name trick reads as it is stored"
    assert "\u200b" not in text and "\u2060" not in text, "zero-width characters are dropped"


# -- 4. line endings ------------------------------------------------------------------------


LINE_ENDINGS = ("crlf", "lone_cr", "mixed_endings", "no_final_newline")


def test_04_line_endings_parse_as_a_person_reads_them(hostile: Path) -> None:
    """CRLF, a lone CR, mixed endings and no final newline give the same paragraphs as
    LF; a tab reads as spaces, U+2028 and U+0085 end a line."""
    library = Library.load(hostile, load_config(None))
    reference = [
        (turn.kind, turn.speaker, [p.text for p in turn.paragraphs])
        for turn in library.by_id("crlf").turns
    ]
    assert len(reference) == 4
    for doc_id in LINE_ENDINGS:
        turns = [
            (turn.kind, turn.speaker, [p.text for p in turn.paragraphs])
            for turn in library.by_id(doc_id).turns
        ]
        assert turns == reference, doc_id
    separators = library.by_id("tabs_and_separators")
    texts = [p.text for turn in separators.turns for p in turn.paragraphs]
    assert "Ladies and gentlemen, one    two        three" in texts
    assert any(text.startswith("next") for text in texts), "U+0085 ends a line"
    assert not any("\u2028" in text or "\x85" in text or "\t" in text for text in texts)


def test_04_notes_stay_anchored_across_line_endings(hostile: Path) -> None:
    """A note taken on the LF file is anchored, not moved, on each other ending."""
    library = Library.load(hostile, load_config(None))
    lf = library.by_id("crlf")
    anchor = anchor_for(lf, 3, "we support the talks")
    for doc_id in LINE_ENDINGS:
        moved = type(anchor)(doc_id, anchor.paragraph, anchor.quote, anchor.before, anchor.after)
        placement = place(moved, library.by_id(doc_id))
        assert placement.status is AnchorStatus.ANCHORED, (doc_id, placement.why)
        assert placement.paragraph == 3


# -- 5. encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_05_encodings_are_decoded_or_reported(hostile: Path, name: str) -> None:
    """Each file reads as written; one that is not UTF-8 says which encoding was used."""
    encoding, words = ENCODED[name]
    document = Library.load(hostile, load_config(None)).by_id(Path(name).stem)
    assert words in document.title
    eight_bit = encoding in ("cp1251", "latin-1")
    assert bool(document.warnings) == eight_bit
    if eight_bit:
        expected = "cp1251" if encoding == "cp1251" else "cp1252"
        assert f"decoded as {expected}" in document.warnings[0]


async def test_05_the_reader_shows_the_encoding_warning(
    make_app: AppFactory, hostile: Path
) -> None:
    app = hostile_app(make_app, hostile)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_document(pilot, app, "latin1")
        text = screen_text(app)
    assert "café déjà vu à Genève" in text
    assert "decoded as cp1252" in text


def test_05_latin1_is_not_shown_as_cyrillic() -> None:
    decoded = decode("Genève, déjà vu".encode("latin-1"))
    assert decoded.text == "Genève, déjà vu"
    decoded = decode("Лавров заявил".encode("cp1251"))
    assert decoded.text == "Лавров заявил"


# -- 6. files that are not documents ----------------------------------------------------------


def test_06_check_lists_what_was_skipped_and_why(hostile: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(hostile), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, "check exits 1 when a file was skipped"
    errors = {
        Path(entry["path"]).name: entry["error"]
        for entry in json.loads(result.stdout)
        if entry.get("error")
    }
    assert errors == {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "binary.bin": "binary file (mostly non-text bytes)",
        "dangling.txt": "dangling symlink",
        SKIPPED_HOSTILE_NAME: "binary file (contains NUL bytes)",
    }


def test_06_unreadable_file_is_skipped_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Root reads any file, so the refusal is simulated where the file is opened.)"""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "locked.txt").write_text(transcript("locked", "Riga", "a", "b", "c"))
    (corpus / "open.txt").write_text(transcript("open", "Riga", "a", "b", "c"))
    original = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    library = Library.load(corpus, load_config(None))
    assert [document.id for document in library.documents] == ["open"]
    assert [(error.id, error.reason) for error in library.errors] == [
        ("locked", "cannot read: Permission denied")
    ]


async def test_06_a_huge_line_opens_and_answers_keys(make_app: AppFactory, tmp_path: Path) -> None:
    """A 5 MB line becomes paragraphs of at most 20,000 characters with a warning; the
    reader opens it and moves through it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge_line.txt").write_text(huge_line(5_000_000), encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        document = reader(app).document
        assert document is not None
        sizes = [len(p.text) for turn in document.turns for p in turn.paragraphs]
        assert max(sizes) <= 20_000 and sum(sizes) > 4_990_000
        assert "split into" in document.warnings[0]
        await pilot.press("tab", "G", "g", "j")
        assert reader(app).paragraph == 1
        assert app.is_running


def test_06_a_folder_with_a_huge_file_is_read_after_the_first_frame(tmp_path: Path) -> None:
    """`dossier` reads a small folder before its first frame, but not one holding a
    50 MB file: that one is read by the app while the list already answers keys."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    assert small_folder(corpus)
    (corpus / "huge.txt").write_text(fifty_megabytes(), encoding="utf-8")
    assert not small_folder(corpus)


def test_06_what_was_read_is_handed_on_before_a_large_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader's batches: the two small files come in one before the large file is
    read, whatever the timing (no batch falls due by the clock here)."""
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 600.0)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "big.txt").write_text("Talks, Moscow, March 6, 2017\n\n" + "word " * 300_000)
    library = library_module.Library(corpus, load_config(None))
    loader = library_module.Loader(library, None)
    read = [[relative for relative, _, _ in batch.entries] for batch in loader.batches()]
    read = [names for names in read if names]
    assert read[0] == sorted(seed.name for seed in sorted(SEEDS.iterdir())[:2])
    assert read[-1] == ["big.txt"]


async def test_06_a_50_mb_file_does_not_hold_up_the_app(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the hand-on before a large file may bring the small ones to the list first,
    # not a batch that happens to be due (learning the folder reads the big file too).
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 600.0)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "huge.txt").write_text(fifty_megabytes(), encoding="utf-8")
    app = make_app(corpus=corpus, load=True)
    async with app.run_test(size=(120, 40)) as pilot:
        sidebar = app.main_screen.query_one(Sidebar)
        for _ in range(100):
            if sidebar.rows >= 2:
                break
            await pilot.pause(0.05)
        assert app.loading is not None, "the huge file is still being read"
        first = sidebar.current
        await pilot.press("j")
        assert sidebar.current is not first, "the list answers keys meanwhile"
        for _ in range(1200):
            if app.loading is None:
                break
            await pilot.pause(0.1)
        huge = app.library.by_id("huge")
        assert sum(len(turn.paragraphs) for turn in huge.turns) > 10_000
        sidebar.select("huge")
        await pilot.pause(0.3)
        await pilot.press("tab", "G")
        assert reader(app).paragraph == len(huge.paragraphs) - 1
        assert app.is_running


def fifty_megabytes() -> str:
    """A transcript of about 50 MB: the seeds' paragraphs again and again."""
    paragraphs = [
        paragraph.text
        for document in Library.load(SEEDS, load_config(None)).documents
        for paragraph in document.paragraphs
    ]
    body = "\n\n".join(paragraphs)
    copies = 50 * 2**20 // len(body.encode("utf-8")) + 1
    return transcript("huge", "Geneva", "a", "b", "c") + "\n\n" + "\n\n".join([body] * copies)


# -- 7. wide characters -----------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_07_wide_characters_keep_borders_and_columns(
    make_app: AppFactory, hostile: Path, size: tuple[int, int]
) -> None:
    """CJK, emoji and combining marks: every row is exactly as wide as the terminal and
    the sidebar's border stays in one column."""
    app = hostile_app(make_app, hostile)
    async with app.run_test(size=size) as pilot:
        await open_document(pilot, app, "wide")
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert WIDE[0][:4] in text
        widths = {cell_len(line) for line in lines}
        assert widths == {size[0]}, widths
        sidebar = app.main_screen.query_one(Sidebar)
        [title] = [line for line in lines if "北京" in line[: sidebar.region.right]]
        shown = title[: len(title) - len(title.lstrip())] + title.strip()
        assert "…" in title[: sidebar.region.right], "a title too wide is cut, and says so"
        assert _cell_at(title, sidebar.region.right - 1) == "▕", shown
        border = sidebar.region.right - 1
        for y in range(sidebar.region.y, sidebar.region.bottom):
            assert _cell_at(lines[y], border) == "▕", (y, lines[y])


def _cell_at(line: str, column: int) -> str:
    x = 0
    for char in line:
        if x == column:
            return char
        x += get_character_cell_size(char)
    return ""
