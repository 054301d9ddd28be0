"""Work that comes back once: a worker's result as one message, a search result opened
without searching again, a paragraph opened without the sidebar opening it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

from tests.ui.conftest import AppFactory
from tests.ui.test_search import search, wait_until
from tui.corpus import study
from tui.corpus.model import Document
from tui.document.marks import Hit
from tui.messages import (
    BookmarkToggled,
    ConcordanceFound,
    DocumentSelected,
    FolderRead,
    NotesExported,
    NotesExportRequested,
    ParagraphChosen,
    SearchAnswered,
)
from tui.screens.kwic import KwicScreen
from tui.screens.main import MainScreen
from tui.widgets.reader import Reader
from tui.widgets.sidebar import OPEN_DELAY, Sidebar


async def test_opening_a_result_goes_to_it_without_searching_again(
    make_app: AppFactory,
) -> None:
    app = make_app()
    messages: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        screen = await search(pilot, "Mamadyarov")
        answer, index = screen.answer, screen.index
        assert answer is not None and index is not None and len(answer.results) > 1
        chosen = answer.results[1].entry
        doc_id = chosen.document.id
        # What opening a result used to search for: every hit of the query in the document.
        everything = index.search(f"Mamadyarov doc:{doc_id}", limit=100_000)
        expected = [
            Hit(result.entry.paragraph, start, end)
            for result in everything.results
            if result.entry.document.id == doc_id
            for start, end in result.text_spans
        ]
        searched: list[str] = []
        real_search = index.search

        def counted(text: str, limit: int = 50, **options: bool) -> object:
            searched.append(text)
            return real_search(text, limit, **options)

        index.search = counted  # type: ignore[method-assign,assignment]
        messages.clear()
        await pilot.press("down", "enter")
        assert isinstance(app.screen, MainScreen), "opened at once, not after a worker"
        reader = app.screen.query_one(Reader)
        assert reader.document is chosen.document
        assert reader.paragraph == chosen.paragraph
        assert set(reader.hits) == set(expected), "every hit in the document"
        await pilot.pause(OPEN_DELAY * 3)
        assert searched == [], "the search did not run again"
        # One message, handled by the search screen and then the app as it bubbles up.
        opened = {id(m): m for m in messages if isinstance(m, ParagraphChosen | DocumentSelected)}
        assert [type(m) for m in opened.values()] == [ParagraphChosen], opened


async def test_opening_a_paragraph_sets_the_reader_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    messages: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await pilot.pause(OPEN_DELAY * 3)
        sidebar = app.main_screen.query_one(Sidebar)
        reader = app.main_screen.query_one(Reader)
        other = app.library.documents[-1]
        assert reader.document is not other
        shown: list[str] = []
        watch = Reader.watch_document

        def counted(self: Reader, old: Document | None, new: Document | None) -> None:
            if new is not None:
                shown.append(new.id)
            watch(self, old, new)

        monkeypatch.setattr(Reader, "watch_document", counted)
        messages.clear()
        app.post_message(ParagraphChosen(other.id, 1))
        await pilot.pause(OPEN_DELAY * 3)
        assert reader.document is other and reader.paragraph == 1
        assert sidebar.current is not None and sidebar.current.id == other.id, (
            "the sidebar shows where the reader is"
        )
        assert not [m for m in messages if isinstance(m, DocumentSelected)], (
            "the sidebar did not open it again"
        )
        assert shown == [other.id]

        # Moving the cursor still opens what it rests on.
        await pilot.press("tab", "k")
        assert sidebar.has_focus
        await pilot.pause(OPEN_DELAY * 3)
        assert sidebar.current is not None and reader.document is not None
        assert reader.document.id == sidebar.current.id
        assert sidebar.current.id != other.id


async def test_a_failing_concordance_is_reported_and_the_app_runs(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("concordance on fire")

    monkeypatch.setattr(study, "iter_concordance", broken)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("K", *"Kerry")
        assert isinstance(app.screen, KwicScreen)
        await wait_until(pilot, lambda: bool(app.toasts), "a notification")
        assert any("concordance on fire" in str(n.message) for n in app.toasts)
        assert app.is_running


async def test_a_folder_that_cannot_be_read_is_reported(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.corpus import library

    def broken(self: object) -> object:
        raise OSError("folder on fire")

    monkeypatch.setattr(library.Loader, "batches", broken)
    app = make_app(load=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.loading is None, "the load to end")
        assert any("folder on fire" in str(n.message) for n in app.toasts)
        assert app.is_running


async def test_a_failed_export_is_reported(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import notebook

    def nowhere(*args: object) -> Path:
        raise OSError("no room anywhere")

    monkeypatch.setattr(notebook, "export_path", nowhere)
    app = make_app()
    messages: list[Message] = []
    hook = messages.append
    async with app.run_test(size=(80, 24), notifications=True, message_hook=hook) as pilot:
        app.post_message(BookmarkToggled(app.library.documents[0].id, 0))
        await pilot.pause()
        app.clear_notifications()
        app.post_message(NotesExportRequested())
        await wait_until(pilot, lambda: bool(app.toasts), "a notification")
        assert any("no room anywhere" in str(n.message) for n in app.toasts)
        exported = [m for m in messages if isinstance(m, NotesExported)]
        assert len(exported) == 1 and exported[0].error is not None


def test_more_lines_of_one_lookup_replace_those_not_shown_yet() -> None:
    older = ConcordanceFound(text="Kerry")
    assert older.can_replace(ConcordanceFound(text="Kerry"))
    assert not older.can_replace(ConcordanceFound(text="Lavrov")), "another query's lines"
    assert not older.can_replace(SearchAnswered(text="Kerry"))
    assert not FolderRead().can_replace(FolderRead()), "a result of its own"
