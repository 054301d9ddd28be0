"""Notes and bookmarks driven with real keys: marking, writing, editing, the notes
screen, and what happens to the notes file underneath."""

from __future__ import annotations

import contextlib
import errno
import signal
from functools import cache
from pathlib import Path

import pytest
from textual.content import Content
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import Input, Static, TextArea

from tests.conftest import SEEDS
from tests.ui.conftest import (
    OLDEST,
    SIZES,
    AppFactory,
    drawn_text,
    is_current,
    note_lines,
    reader_view,
    styled_runs,
)
from tests.ui.test_main import INJECTION, burst
from tests.ui.test_search import wait_until
from tui.app import DossierApp
from tui.commands import bindings_of
from tui.corpus.anchor import anchor_for
from tui.corpus.config import load_config, log_path
from tui.corpus.library import Library
from tui.corpus.notes import Kind, Note, NotesData, write_notes
from tui.corpus.store import NotesSaveError, NotesStore
from tui.dialogs.note_editor import NoteEditor
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.notes import NotesScreen
from tui.widgets.footer import DossierFooter
from tui.widgets.notes_list import NoteRow, NotesList, row_lines
from tui.widgets.reader import Reader
from tui.widgets.sidebar import Sidebar

NEWEST = "002_06cc93c8d13a39f8"
"""The 2020-11-21 Baku meeting: last in the sidebar."""
MIDDLE = "003_17535f2944fa9c05"
"""The 2017-04-04 news agency article."""
QUOTE = "spectrum of bilateral"
"""Words of ¶2 of OLDEST."""


@cache
def library() -> Library:
    return Library.load(SEEDS, load_config(None))


def entry(
    note_id: str,
    doc: str,
    paragraph: int,
    *,
    kind: Kind = Kind.NOTE,
    quote: str | None = None,
    text: str = "",
    tags: tuple[str, ...] = (),
    created: str = "2024-01-01T10:00:00Z",
) -> Note:
    """An entry as dossier would have written it, with fixed id and times."""
    anchor = anchor_for(library().by_id(doc), paragraph, quote)
    return Note(note_id, kind, anchor, text, tags, created, created)


def notes_text(*entries: Note) -> str:
    return write_notes(NotesData({note.id: note for note in entries}))


def on_disk(path: Path) -> list[Note]:
    store = NotesStore(path)
    store.load()
    assert store.problem is None, store.problem
    return store.entries()


async def settled(pilot: Pilot[None]) -> None:
    """Let the save (a thread worker) finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def messages(app: DossierApp) -> list[str]:
    return [str(n.message) for n in app.toasts]


def reader(app: DossierApp) -> Reader:
    return app.main_screen.query_one(Reader)


def sidebar_lines(app: DossierApp, count: int = 14) -> list[str]:
    sidebar = app.main_screen.query_one(Sidebar)
    return [sidebar.render_line(y).text for y in range(count)]


def editor(app: DossierApp) -> NoteEditor:
    assert isinstance(app.screen, NoteEditor), f"on {type(app.screen).__name__}"
    return app.screen


def notes_screen(app: DossierApp) -> NotesScreen:
    assert isinstance(app.screen, NotesScreen), f"on {type(app.screen).__name__}"
    return app.screen


def row_text(row: NoteRow, width: int) -> str:
    return "\n".join(line.plain for line in row_lines(row, width))


def listed(app: DossierApp) -> list[str]:
    """The ids of the rows on the notes screen, in their order."""
    return [row.note.id for row in notes_screen(app).shown]


async def to_paragraph(pilot: Pilot[None], paragraph: int) -> None:
    """Into the reader, down to `paragraph` of the first document."""
    await pilot.press("tab", *["j"] * paragraph)
    assert reader(pilot.app).paragraph == paragraph  # type: ignore[arg-type]


# -- bookmarks ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_bookmark_toggles_its_mark_and_the_file(
    make_app: AppFactory, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("m")
        await settled(pilot)
        assert drawn_text(app, 2).startswith("★ During our discussion")
        assert not drawn_text(app, 3).startswith("★")
        [saved] = on_disk(tmp_path / "notes.yaml")
        assert (saved.kind, saved.anchor.doc, saved.anchor.paragraph) == (Kind.BOOKMARK, OLDEST, 2)
        assert any("★1" in line for line in sidebar_lines(app))

        await pilot.press("m")
        await settled(pilot)
        assert drawn_text(app, 2).startswith("During our discussion")
        assert on_disk(tmp_path / "notes.yaml") == []
        assert not any("★" in line for line in sidebar_lines(app))


async def test_bookmarks_list_jumps_to_a_bookmark(make_app: AppFactory) -> None:
    app = make_app(
        notes_text=notes_text(
            entry("b1", NEWEST, 5, kind=Kind.BOOKMARK),
            entry("n1", OLDEST, 2, text="not a bookmark"),
        )
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("M")
        assert listed(app) == ["b1"], "M lists the bookmarks only"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.main_screen
        assert reader(app).document is not None
        assert (reader(app).document.id, reader(app).paragraph) == (NEWEST, 5)
        assert reader(app).has_focus


# -- writing notes ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_note_with_text_and_tags_is_saved_and_shown(
    make_app: AppFactory, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await to_paragraph(pilot, 3)
        await pilot.press("a")
        assert editor(app).paragraph == 3
        await pilot.press(*"Partnership, they say", "tab", *"#ties, bilateral", "ctrl+s")
        await settled(pilot)
        assert app.screen is app.main_screen
        [saved] = on_disk(tmp_path / "notes.yaml")
        assert saved.kind is Kind.NOTE
        assert saved.text == "Partnership, they say"
        assert saved.tags == ("ties", "bilateral")
        assert (saved.anchor.doc, saved.anchor.paragraph) == (OLDEST, 3)
        assert drawn_text(app, 3).startswith("✎ Today we stated")
        assert note_lines(app) == ["✎ Partnership, they say  #ties #bilateral"]
        assert "¶3 · 4/23 ✎" in str(reader(app).query_one("#reader-status", Static).render())


async def test_note_on_a_quote_anchors_to_those_words(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"On relations", "tab", "tab", *"spectrum of bilaterel", "ctrl+s")
        status = str(editor(app).query_one("#note-status", Static).render())
        assert "The quote is not in ¶2" in status, "a misquote is refused, the editor stays"
        assert on_disk(tmp_path / "notes.yaml") == []
        await pilot.press("backspace", "backspace", *"al", "ctrl+s")
        await settled(pilot)
        [saved] = on_disk(tmp_path / "notes.yaml")
        assert saved.anchor.quote == QUOTE
        assert saved.anchor.before.endswith("we reviewed the ")
        assert saved.anchor.after.startswith(", regional")


async def test_selected_words_and_find_hits_fill_the_quote(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await to_paragraph(pilot, 2)
        start = reader(app).view.paragraph_block(2).paragraph.text.index(QUOTE)  # type: ignore[union-attr]
        # What a mouse drag over the words leaves behind: offsets on the paragraph's lines.
        line = reader_view(app).paragraph_top(2)
        app.screen.selections = {
            reader_view(app): Selection(Offset(start, line), Offset(start + len(QUOTE), line))
        }
        await pilot.press("a")
        assert editor(app).query_one("#note-quote", Input).value == QUOTE
        await pilot.press("escape")
        assert app.screen is app.main_screen, "nothing typed: Escape closes at once"

        # A selection elsewhere is not about this paragraph: the find hit is.
        line = reader_view(app).paragraph_top(3)
        app.screen.selections = {reader_view(app): Selection(Offset(0, line), Offset(5, line))}
        await pilot.press("slash", *"Aliyev", "enter", "a")
        assert editor(app).paragraph == 2
        assert editor(app).query_one("#note-quote", Input).value == "Aliyev"


async def test_marks_do_not_shift_find_hits(make_app: AppFactory) -> None:
    app = make_app(notes_text=notes_text(entry("b1", OLDEST, 2, kind=Kind.BOOKMARK)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "slash", *"Aliyev", "enter")
        hit = reader(app).hits[reader(app).hit]
        assert drawn_text(app, 2).startswith("★ ")
        assert styled_runs(app, 2, lambda style: bool(style.reverse)) == ["Aliyev"]
        assert hit.paragraph == 2


async def test_escape_with_typed_text_asks_before_discarding(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"half a thought", "escape")
        assert isinstance(app.screen, NoteEditor), "one Escape does not lose typed text"
        status = str(editor(app).query_one("#note-status", Static).render())
        assert "Esc again discards" in status
        # Typing on disarms it: the next Escape asks again.
        await pilot.press("!", "escape")
        assert isinstance(app.screen, NoteEditor)
        assert editor(app).query_one(TextArea).text == "half a thought!"
        await pilot.press("escape")
        assert app.screen is app.main_screen
        assert "Note discarded" in messages(app)
        await settled(pilot)
        assert on_disk(tmp_path / "notes.yaml") == []


async def test_letters_in_the_editor_are_text_not_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"AMus q?", "ctrl+s")
        await settled(pilot)
        assert app.is_running
        assert app.screen is app.main_screen
        [note] = app.notes.entries()
        assert note.text == "AMus q?"


async def test_keys_typed_with_a_in_one_burst_go_to_the_editor(make_app: AppFactory) -> None:
    """A paste or a fast typist over SSH: `a` and the text come in one read."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await burst(pilot, "a", *"jump to G")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the editor")
        await pilot.pause()
        assert editor(app).query_one(TextArea).text == "jump to G"
        assert reader(app).paragraph == 2


async def test_keys_after_a_key_that_opens_no_editor_go_on_at_once(make_app: AppFactory) -> None:
    """`e` on a paragraph without a note opens nothing: the keys after it in the burst
    are not held waiting for an editor."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        await burst(pilot, "e", "j", "j")
        await pilot.pause(0.3)
        assert reader(app).paragraph == 4
        assert "No note on ¶2: a adds one" in messages(app)


async def test_edit_delete_and_undo(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(
        notes_text=notes_text(
            entry("n1", OLDEST, 2, quote=QUOTE, text="old words", tags=("a",)),
            entry("n2", OLDEST, 2, text="newer", created="2024-02-01T10:00:00Z"),
        )
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("e")
        assert editor(app).note is not None
        assert editor(app).note.id == "n2", "several notes here: the newest is edited"
        assert editor(app).query_one(TextArea).text == "newer"
        assert editor(app).query_one("#note-quote", Input).value == "", "the whole paragraph"
        await pilot.press("end", *" and edited", "ctrl+s")
        await settled(pilot)
        texts = {note.id: note.text for note in on_disk(tmp_path / "notes.yaml")}
        assert texts == {"n1": "old words", "n2": "newer and edited"}

        await pilot.press("e", "ctrl+d")
        assert isinstance(app.screen, NoteEditor), "the first ctrl+d only asks"
        await pilot.press("ctrl+d")
        await settled(pilot)
        assert [note.id for note in on_disk(tmp_path / "notes.yaml")] == ["n1"]
        assert any("u undoes" in message for message in messages(app))
        assert note_lines(app) == ["✎ old words  #a"]

        await pilot.press("u")
        await settled(pilot)
        assert sorted(note.id for note in on_disk(tmp_path / "notes.yaml")) == ["n1", "n2"]
        assert not any("u undoes" in message for message in messages(app)), "undone: it goes"
        assert "Restored the note" in messages(app)


async def test_edit_with_no_note_here_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 1)
        await pilot.press("e")
        assert app.screen is app.main_screen
        assert "No note on ¶1: a adds one" in messages(app)


# -- the notes screen ---------------------------------------------------------------------


def three_notes() -> str:
    return notes_text(
        entry("old", OLDEST, 3, text="partnership", tags=("ties",), created="2024-01-01T00:00:00Z"),
        entry(
            "new",
            NEWEST,
            4,
            text="the ceasefire",
            tags=("karabakh",),
            created="2024-03-01T00:00:00Z",
        ),
        entry("mid", MIDDLE, 1, kind=Kind.BOOKMARK, created="2024-02-01T00:00:00Z"),
    )


@pytest.mark.parametrize("size", SIZES)
async def test_notes_screen_sorts_filters_and_opens(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app(notes_text=three_notes())
    async with app.run_test(size=size) as pilot:
        await pilot.press("A")
        assert listed(app) == ["new", "mid", "old"], "newest first"
        await pilot.press("o")
        assert listed(app) == ["old", "mid", "new"], "by meeting, in sidebar order"

        await pilot.press("slash", *"ceasefire")
        assert listed(app) == ["new"]
        await pilot.press("ctrl+u", *"#ti")
        assert listed(app) == ["old"], "a #tag matches tags starting with it"
        await pilot.press("ctrl+u", *"2017-04")
        assert listed(app) == ["mid"], "a meeting by its date"
        await pilot.press("ctrl+u", *"moscow")
        assert listed(app) == ["mid"], "a meeting by its place"
        await pilot.press("ctrl+u", *"002_")
        assert listed(app) == ["new"], "a meeting by its id"

        await pilot.press("enter")
        assert notes_screen(app).focused is notes_screen(app).query_one(NotesList)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, MainScreen)
        sidebar = app.main_screen.query_one(Sidebar)
        assert sidebar.current is not None
        assert sidebar.current.id == NEWEST
        assert reader(app).document is not None
        assert (reader(app).document.id, reader(app).paragraph) == (NEWEST, 4)

        await pilot.press("A", "escape")
        assert app.screen is app.main_screen, "Escape goes back"


async def test_notes_filter_typed_in_one_burst(make_app: AppFactory) -> None:
    """`/#ti` arriving in one read (SSH, paste) filters by the tag: none of the keys
    after `/` reaches the screen's or the app's bindings (`s` would open search)."""
    app = make_app(notes_text=three_notes())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("A")
        await burst(pilot, "slash", *"#ti/s")
        assert isinstance(app.screen, NotesScreen)
        assert notes_screen(app).query_one(Input).value == "#ti/s"
        await pilot.press("ctrl+u", *"#ti")
        assert listed(app) == ["old"]


async def test_a_notes_row_gives_its_title_the_width_there_is(make_app: AppFactory) -> None:
    """At 160 columns a meeting's title is not cut at about 30 cells."""
    app = make_app(notes_text=three_notes())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("A")
        row = notes_screen(app).shown[0]
        assert row.document is not None
        first = row_text(row, 150).splitlines()[0]
        assert row.document.short_title[:90] in first


async def test_notes_screen_delete_undo_and_edit(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(notes_text=three_notes())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("A", "d")
        await settled(pilot)
        assert listed(app) == ["mid", "old"]
        assert notes_screen(app).query_one(NotesList).cursor == 0
        assert sorted(n.id for n in on_disk(tmp_path / "notes.yaml")) == ["mid", "old"]
        assert any("Deleted note" in message and "u undoes" in message for message in messages(app))
        await pilot.press("u")
        await settled(pilot)
        assert listed(app) == ["new", "mid", "old"]

        await pilot.press("e")
        assert editor(app).note is not None
        assert editor(app).note.id == "new"
        await pilot.press("end", *" holds", "ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, NotesScreen), "back on the list after the edit"
        assert app.notes.get("new") is not None
        assert app.notes.get("new").text == "the ceasefire holds"  # type: ignore[union-attr]


async def test_orphaned_note_is_listed_with_its_quote(make_app: AppFactory) -> None:
    anchor = anchor_for(library().by_id(OLDEST), 2, QUOTE)
    lost = Note(
        "lost",
        Kind.NOTE,
        type(anchor)(OLDEST, 2, "words the meeting never had", "", ""),
        "what I thought",
    )
    gone = Note("gone", Kind.BOOKMARK, type(anchor)("999_removed", 0, "a vanished line"))
    app = make_app(notes_text=notes_text(lost, gone))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("A")
        rows = {row.note.id: row for row in notes_screen(app).shown}
        assert set(rows) == {"lost", "gone"}
        text = row_text(rows["lost"], 110)
        assert "orphaned: quote not found" in text
        assert "“words the meeting never had”" in text
        assert "what I thought" in text
        assert "999_removed (not in the corpus)" in row_text(rows["gone"], 110)
        assert "2 orphaned" in str(notes_screen(app).query_one("#notes-heading", Static).render())
        assert not note_lines(app), "an orphan is not drawn on a paragraph"


async def test_export_writes_markdown(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    app = make_app(notes_text=three_notes())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("A", "x")
        await settled(pilot)
        [exported] = list(here.glob("dossier-notes-*.md"))
        text = exported.read_text(encoding="utf-8")
        assert text.startswith("# Notes from dossier")
        assert "the ceasefire" in text and "Tags: karabakh" in text
        assert any(str(exported) in message for message in messages(app))
        await pilot.press("x")
        await settled(pilot)
        assert len(list(here.glob("dossier-notes-*.md"))) == 2, "an export is never overwritten"


async def test_markup_in_notes_shows_literally(make_app: AppFactory) -> None:
    text = "[bold]x[/bold] [@click=app.quit] \x1b[2J"
    app = make_app(notes_text=notes_text(entry("n1", OLDEST, 0, text=text, tags=("[/]",))))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        shown = "\n".join(note_lines(app))
        assert "[bold]x[/bold] [@click=app.quit]" in shown
        assert "#[/]" in shown
        assert "\x1b" not in shown
        for y in range(1, 20):
            await pilot.click(offset=(60, y))
        await pilot.press("A")
        assert app.is_running
        [row] = notes_screen(app).shown
        prompt = row_text(row, 90)
        assert "[bold]x[/bold] [@click=app.quit]" in prompt and "\x1b" not in prompt
        await pilot.click("#notes-list", offset=(10, 2))
        await pilot.pause()
        assert app.is_running

        # The escape written into the file was read as a placeholder, and is saved so.
        await pilot.press("e")
        shown_text = editor(app).query_one(TextArea).text
        assert "\x1b" not in shown_text and "␛[2J" in shown_text
        await pilot.press("tab", "end", *" more", "ctrl+s")
        await settled(pilot)
        note = app.notes.get("n1")
        assert note is not None
        assert (note.text, note.tags) == (text.replace("\x1b", "␛"), ("[/]", "more"))


async def test_markup_in_a_title_stays_text_in_the_editor(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "inject.txt").write_text(INJECTION, encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("tab", "a")
        title = editor(app).query_one("#note-editor").border_title  # as markup
        assert title is not None
        assert "[bold]x[/bold]" in Content.from_markup(title).plain


# -- the notes file -------------------------------------------------------------------------


async def test_sidebar_counts_bookmarks_and_notes(make_app: AppFactory) -> None:
    app = make_app(
        notes_text=notes_text(
            entry("b1", OLDEST, 1, kind=Kind.BOOKMARK),
            entry("b2", OLDEST, 4, kind=Kind.BOOKMARK),
            *(entry(f"n{i}", OLDEST, i, text=f"note {i}") for i in range(3)),
            entry("n9", NEWEST, 2, text="elsewhere"),
        )
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = sidebar_lines(app)
        oldest = next(line for line in lines if "2016-07-12" in line)
        newest = next(line for line in lines if "2020-11-21" in line)
        assert oldest.rstrip().endswith("★2 ✎3")
        assert newest.rstrip().endswith("✎1")
        assert "★" not in next(line for line in lines if "2017-03-06" in line)


async def test_unreadable_notes_file_is_read_only(make_app: AppFactory, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    broken = "version: 1\nnotes: []\nnotes: []\n"
    app = make_app(notes_text=broken)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        [problem] = [m for m in messages(app) if "read-only" in m]
        assert str(path) in problem and "line 3, column 1" in problem
        await to_paragraph(pilot, 2)
        await pilot.press("m", "a")
        await settled(pilot)
        assert app.screen is app.main_screen, "no editor for a note that cannot be saved"
        refusals = [m for m in messages(app) if m.startswith("Nothing can be saved")]
        assert len(refusals) == 2
        assert not drawn_text(app, 2).startswith("★")
        assert path.read_text(encoding="utf-8") == broken

        # Fixed by hand: writable again.
        path.write_text("version: 1\nnotes: []\n", encoding="utf-8")
        app._check_file()
        await wait_until(pilot, lambda: not app.notes.read_only, "the fixed file read")
        await settled(pilot)
        assert any("reads again" in m for m in messages(app))
        await pilot.press("m")
        await settled(pilot)
        assert [note.kind for note in on_disk(path)] == [Kind.BOOKMARK]


async def test_edit_made_outside_shows_and_survives(make_app: AppFactory, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.pause()
        path.write_text(notes_text(entry("outside", OLDEST, 3, text="from my editor")), "utf-8")
        app._check_file()
        await wait_until(pilot, lambda: bool(note_lines(app)), "the note drawn")
        assert note_lines(app) == ["✎ from my editor"]
        await pilot.press("m")
        await settled(pilot)
        kept = {note.id: note.kind for note in on_disk(path)}
        assert kept.pop("outside") is Kind.NOTE
        assert list(kept.values()) == [Kind.BOOKMARK]


async def test_failed_save_keeps_the_note_and_quit_asks(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()

    def full_disk() -> bool:
        raise NotesSaveError("could not save notes: the disk is full; they are kept in memory")

    monkeypatch.setattr(app.notes, "save", full_disk)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"precious", "ctrl+s")
        await settled(pilot)
        assert any("the disk is full" in m for m in messages(app))
        assert note_lines(app) == ["✎ precious"]
        assert app.notes.dirty
        await pilot.press("q")
        assert app.is_running, "the first q tries to save, fails, and says so"
        assert any("Press q again" in m for m in messages(app))
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert not (tmp_path / "notes.yaml").exists()


async def test_signal_keeps_the_typed_note_as_a_draft(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"unfinished", "tab", *"idea")
        app._save_and_exit(signal.SIGHUP)
        await pilot.pause()
    [saved] = on_disk(tmp_path / "notes.yaml")
    assert saved.text == "unfinished"
    assert saved.tags == ("idea", "draft")
    assert saved.anchor.paragraph == 2


FAULTS = {
    "the save fails": (OSError(errno.ELOOP, "Too many levels of symbolic links"), None),
    "the recovery file fails too": (
        NotesSaveError("could not save notes: the disk is full"),
        NotesSaveError("could not write a recovery file: the disk is full"),
    ),
    "keeping it aside breaks": (NotesSaveError("disk full"), RuntimeError("a bug")),
}


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_signal_ends_dossier_whatever_fails_and_keeps_the_draft_aside(
    fault: str, make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the save on SIGTERM or SIGHUP fails with, dossier ends; the note being
    typed is in a recovery file and the log says where, or the log holds it."""
    save_error, recovery_error = FAULTS[fault]
    app = make_app()

    def save(lock_timeout: float | None = None) -> bool:
        raise save_error

    def write_recovery(entries: object) -> Path:
        assert recovery_error is not None
        raise recovery_error

    async with app.run_test(size=(80, 24)) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("a", *"typed as it failed")
        monkeypatch.setattr(app.notes, "save", save)
        if recovery_error is not None:
            monkeypatch.setattr(app.notes, "write_recovery", write_recovery)
        with contextlib.suppress(RuntimeError):
            app._save_and_exit(signal.SIGTERM)
        await pilot.pause()
        assert not app.is_running
    logged = log_path().read_text(encoding="utf-8")
    assert str(save_error) in logged
    if recovery_error is None:
        [recovery] = tmp_path.glob("notes.yaml.recover-*")
        [kept] = on_disk(recovery)
        assert (kept.text, kept.tags, kept.anchor.paragraph) == (
            "typed as it failed",
            ("draft",),
            2,
        )
        assert str(recovery) in logged
    elif isinstance(recovery_error, NotesSaveError):
        assert "text: typed as it failed" in logged


async def test_a_read_only_file_keeps_changes_in_memory_and_says_so_once(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "notes.yaml"
    app = make_app(notes_text=notes_text(entry("n1", OLDEST, 1, text="on file")))
    path.chmod(0o444)
    before = path.read_bytes()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        await pilot.press("m", "j", "m")
        await settled(pilot)
        app._check_file()
        await settled(pilot)
        assert drawn_text(app, 2).startswith("★") and drawn_text(app, 3).startswith("★")
        said = [m for m in messages(app) if "is read-only" in m]
        assert said == [f"{path} is read-only: dossier writes nothing to it until it is writable."
                        " Changes stay here until then; if dossier ends before, they go to a "
                        "recovery file beside it."]  # fmt: skip
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.yaml"]
        assert "Traceback" not in log_path().read_text(encoding="utf-8"), "no save tried"

        path.chmod(0o644)
        app._check_file()
        await wait_until(pilot, lambda: len(on_disk(path)) == 3, "the changes saved")
        assert any("writable again" in m for m in messages(app))


async def test_a_deleted_notes_file_keeps_the_notes_and_writes_them_all_again(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "notes.yaml"
    app = make_app(
        notes_text=notes_text(
            entry("n1", OLDEST, 1, text="first"), entry("n2", OLDEST, 3, text="second")
        )
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_paragraph(pilot, 2)
        path.unlink()
        app._check_file()
        await wait_until(pilot, lambda: app.notes.vanished, "the file missed")
        await settled(pilot)
        assert note_lines(app) == ["✎ first", "✎ second"]
        assert any(f"{path} was deleted or moved" in m for m in messages(app))
        await pilot.press("m")
        await settled(pilot)
        assert [(n.id, n.kind) for n in on_disk(path)] == [
            ("n1", Kind.NOTE),
            ("n2", Kind.NOTE),
            (app.notes.entries()[-1].id, Kind.BOOKMARK),
        ]


async def test_notes_an_earlier_session_could_not_save_are_offered_and_merged(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(notes_text(entry("n1", OLDEST, 1, text="on file")), encoding="utf-8")
    recovery = NotesStore(path).write_recovery(
        {"d1": entry("d1", OLDEST, 2, text="typed when the lock was held", tags=("draft",))}
    )
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        [offer] = [m for m in messages(app) if "earlier session" in m]
        assert recovery.name in offer and "R merges them" in offer
        assert "Merge unsaved notes" in offered(app), "help and the palette list R now"
        await pilot.press("R")
        await wait_until(pilot, lambda: not recovery.exists(), "the recovery file merged")
        await settled(pilot)
        assert [n.text for n in on_disk(path)] == ["on file", "typed when the lock was held"]
        assert note_lines(app) == ["✎ on file", "✎ typed when the lock was held  #draft"]
        assert any(
            m.startswith(f"Merged 1 note or bookmark from {recovery.name}") for m in messages(app)
        )
        assert "Merge unsaved notes" not in offered(app), "nothing left to merge"


def offered(app: DossierApp) -> set[str]:
    """The actions help and the palette list on the current screen."""
    return {action.description for _, actions in bindings_of(app.screen) for action in actions}


# -- keys ---------------------------------------------------------------------------------


async def test_footer_at_80_columns_shows_the_note_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        visible = {
            key.description
            for key in app.screen.query_one(DossierFooter).key_widgets()
            if key.region.width and key.region.right <= 80 and not key.is_disabled
        }
        assert {"Bookmark", "Note", "Find", "Quit", "Help"} <= visible
        await pilot.press("A")
        await pilot.pause()
        visible = {
            key.description
            for key in app.screen.query_one(DossierFooter).key_widgets()
            if key.region.width and key.region.right <= 80
        }
        assert {"Edit", "Delete", "Export", "Back", "Quit"} <= visible


async def test_help_and_remapped_keys(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(config_text="keys:\n  bookmark: B\n  notes: ctrl+b\n")
    async with app.run_test(size=(80, 40), notifications=True) as pilot:
        await pilot.press("tab", "f1")
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        for line in ("B  ", "Bookmark", "Note", "Edit note", "^b", "Notes", "Bookmarks"):
            assert line in shown, line
        await pilot.press("escape", "j", "B")
        await settled(pilot)
        assert [note.anchor.paragraph for note in on_disk(tmp_path / "notes.yaml")] == [1]
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, NotesScreen)
        assert not any("unknown action" in m for m in messages(app))


# -- the reader under the marks -------------------------------------------------------------


async def test_only_the_current_paragraph_and_hit_are_marked(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "j", "j")
        count = reader(app).view.paragraph_count
        current = [index for index in range(count) if is_current(app, index)]
        assert current == [2], "the paragraphs left behind are not marked current"
        await pilot.press("slash", *"Azerbaijan", "enter", "n")
        hits = [
            run
            for index in range(count)
            for run in styled_runs(app, index, lambda style: bool(style.reverse))
        ]
        assert len(hits) > 1
        current_hits = [
            run
            for index in range(count)
            for run in styled_runs(
                app, index, lambda style: bool(style.reverse and style.underline)
            )
        ]
        assert current_hits == ["Azerbaijan"], "one current hit"


async def test_a_mouse_drag_copies_the_words_without_the_marks(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "j", "j", "m")
        await settled(pilot)
        view = reader_view(app)
        first, second = (view.paragraph_block(index) for index in (2, 3))
        assert first.paragraph is not None and second.paragraph is not None
        top, below = view.block_region(first), view.block_region(second)
        # From the paragraph's fifth word, past its ★ mark, into the next paragraph.
        start = len("★ ") + first.paragraph.text.index("last evening")
        await pilot.mouse_down(offset=(top.x + 3 + start, top.y))
        await pilot.hover(offset=(below.x + 3 + 5, below.y))
        await pilot.mouse_up(offset=(below.x + 3 + 5, below.y))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected is not None
        words = first.paragraph.text[first.paragraph.text.index("last evening") :]
        assert selected.startswith(words + "\n" + second.paragraph.text[:5])
        assert "★" not in selected
