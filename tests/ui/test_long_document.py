"""A very long document: it opens with only the paragraphs in view drawn and the rest
estimated, and every way of moving through it (G, page down, go_to, find, scrolling)
draws what it reaches; the reader keeps a bounded number of documents drawn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import Input

from tests.ui.conftest import AppFactory, drawn_text, is_current, reader_view, styled_runs
from tests.ui.test_search import wait_until
from tui.app import DossierApp
from tui.dialogs.note_editor import NoteEditor
from tui.document import page as page_model
from tui.document.marks import BOOKMARK_GLYPH
from tui.screens.main import MainScreen
from tui.widgets.document import PAGES_KEPT
from tui.widgets.reader import Reader

QUESTIONS = 300
"""Each with a question and nine paragraphs of answer: 3,000 paragraphs."""
NEEDLE = "Zanzibar"
NEEDLE_AT = 2_907
"""The only paragraph that names NEEDLE."""


def long_transcript(questions: int = QUESTIONS) -> str:
    lines = [
        "6 March 201714:20",
        "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a"
        " very long news conference, Moscow, March 6, 2017",
    ]
    index = 0
    for number in range(questions):
        lines.append(f"Question: Question {number}, paragraph {index}, about trade?")
        index += 1
        for part in range(9):
            place = f" in {NEEDLE}" if index == NEEDLE_AT else ""
            label = "Sergey Lavrov: " if part == 0 else ""
            lines.append(f"{label}Answer paragraph {index}, on the economy{place}.")
            index += 1
    return "\n\n".join(lines) + "\n"


@pytest.fixture
def long_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(long_transcript(), encoding="utf-8")
    return corpus


def reader(app: DossierApp) -> Reader:
    return app.screen.query_one(Reader)


def in_view(app: DossierApp, paragraph: int) -> bool:
    """Whether `paragraph` is at least partly in the reader's view, drawn."""
    view = reader_view(app)
    if view.page is None or not 0 <= paragraph < view.paragraph_count:
        return False
    block = view.paragraph_block(paragraph)
    top = view.paragraph_top(paragraph) - view.scroll_y
    return block.measured and top < view.scrollable_content_region.height and top + block.height > 0


def measured(app: DossierApp) -> int:
    """How many blocks of the document shown have been drawn and measured."""
    page = reader_view(app).page
    assert page is not None
    return sum(block.measured for block in page.blocks)


@asynccontextmanager
async def reading_long(
    make_app: AppFactory, long_corpus: Path, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[DossierApp, Pilot[None]]]:
    """The app on the long document (the only one), at `size`, the reader focused on
    it and settled."""
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        yield app, pilot


async def press_G(app: DossierApp, pilot: Pilot[None]) -> int:
    """Press G and wait for the last paragraph to be in view; its index."""
    last = QUESTIONS * 10 - 1
    await pilot.press("G")
    await wait_until(pilot, lambda: in_view(app, last), "the last paragraph in view")
    return last


async def test_opens_with_the_paragraphs_in_view_drawn_not_all(
    make_app: AppFactory, long_corpus: Path
) -> None:
    async with reading_long(make_app, long_corpus) as (app, _pilot):
        document = app.library.documents[0]
        assert len(document.paragraphs) == QUESTIONS * 10
        view = reader_view(app)
        assert in_view(app, 0) and reader(app).paragraph == 0
        assert drawn_text(app, 0).startswith("Question 0, paragraph 0")
        assert 0 < measured(app) <= 24, "only what the 24 lines show"
        assert not view.paragraph_block(len(document.paragraphs) - 1).measured
        assert view.virtual_size.height > 2 * len(document.paragraphs), "the scrollbar spans it all"


async def test_a_switch_mounts_nothing(make_app: AppFactory, long_corpus: Path) -> None:
    (long_corpus / "short.txt").write_text(long_transcript(2), encoding="utf-8")
    async with reading_long(make_app, long_corpus) as (app, pilot):
        widgets = list(app.screen.walk_children())
        for document in [*app.library.documents, *app.library.documents]:
            reader(app).document = document
            await pilot.pause()
            assert in_view(app, 0)
        assert list(app.screen.walk_children()) == widgets


async def test_G_reaches_the_last_paragraph_and_g_comes_back(
    make_app: AppFactory, long_corpus: Path
) -> None:
    async with reading_long(make_app, long_corpus) as (app, pilot):
        last = await press_G(app, pilot)
        assert reader(app).paragraph == last
        assert is_current(app, last)
        assert f"¶{last} · {last + 1}/{last + 1}" in str(
            app.screen.query_one("#reader-status").visual
        )
        await pilot.press("g")
        await wait_until(pilot, lambda: in_view(app, 0), "the first paragraph in view")
        assert reader(app).paragraph == 0
        assert measured(app) <= 3 * 24, "only the two ends and the blocks a view above them"


async def test_go_to_a_far_paragraph_shows_it(make_app: AppFactory, long_corpus: Path) -> None:
    async with reading_long(make_app, long_corpus, (160, 48)) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_paragraph("long", 2_400)
        await wait_until(pilot, lambda: in_view(app, 2_400), "paragraph 2400 in view")
        assert reader(app).paragraph == 2_400
        assert is_current(app, 2_400)
        await pilot.press("j", "j")
        assert reader(app).paragraph == 2_402
        assert in_view(app, 2_402)


async def test_a_find_hit_far_down_is_shown(make_app: AppFactory, long_corpus: Path) -> None:
    async with reading_long(make_app, long_corpus) as (app, pilot):
        await pilot.press("slash", *NEEDLE, "enter")
        await wait_until(pilot, lambda: in_view(app, NEEDLE_AT), "the hit in view")
        assert reader(app).paragraph == NEEDLE_AT
        assert styled_runs(app, NEEDLE_AT, lambda style: bool(style.reverse)) == [NEEDLE]

        # The hit's words are the note's quote; a mouse selection in the paragraph wins.
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-quote", Input).value == NEEDLE
        await pilot.press("escape")
        line = reader_view(app).paragraph_top(NEEDLE_AT)
        app.screen.selections = {reader_view(app): Selection(Offset(0, line), Offset(6, line))}
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-quote", Input).value == "Answer"


async def test_a_bookmark_on_a_far_paragraph_is_drawn_and_redrawn(
    make_app: AppFactory, long_corpus: Path
) -> None:
    async with reading_long(make_app, long_corpus) as (app, pilot):
        last = await press_G(app, pilot)
        await pilot.press("k", "m")
        await wait_until(
            pilot,
            lambda: drawn_text(app, last - 1).startswith(BOOKMARK_GLYPH),
            "the bookmark drawn",
        )
        # Read elsewhere, then come back: the mark is still drawn.
        for paragraph in (0, 600, 1_200, 1_800, 2_400):
            reader(app).go_to(app.library.documents[0], paragraph)
            await wait_until(pilot, lambda p=paragraph: in_view(app, p), f"¶{paragraph} in view")
        await pilot.press("G", "k")
        await wait_until(pilot, lambda: in_view(app, last - 1), "the bookmarked paragraph")
        assert drawn_text(app, last - 1).startswith(BOOKMARK_GLYPH)


async def test_page_down_and_scrolling_build_what_they_reach(
    make_app: AppFactory, long_corpus: Path
) -> None:
    async with reading_long(make_app, long_corpus) as (app, pilot):
        seen = [reader(app).paragraph]
        for _ in range(30):
            await pilot.press("pagedown")
            seen.append(reader(app).paragraph)
            assert in_view(app, seen[-1]), f"¶{seen[-1]} in view after page down"
        assert seen == sorted(seen) and seen[-1] > 40, seen

        # Scrolled by the scrollbar or the wheel, not the cursor: what comes into view
        # is drawn.
        view = reader_view(app)
        view.scroll_to(y=view.max_scroll_y // 2, animate=False, immediate=True)
        await wait_until(
            pilot,
            lambda: any(in_view(app, p) for p in range(1_000, 2_000)),
            "the middle of the document drawn in view",
        )


async def test_pages_kept_are_bounded_and_an_evicted_document_keeps_its_place(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for number in range(PAGES_KEPT + 3):
        (corpus / f"doc{number:02d}.txt").write_text(long_transcript(3), encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        documents = app.library.documents
        reader(app).go_to(documents[0], 7)
        await pilot.pause()
        for document in documents[1:]:
            reader(app).document = document
            await pilot.pause()
            assert len(reader_view(app)._pages) <= PAGES_KEPT
        assert documents[0].id not in reader_view(app)._pages, "the first one was let go"
        reader(app).document = documents[0]
        await wait_until(pilot, lambda: in_view(app, 7), "its place in view")
        assert reader(app).paragraph == 7
        assert is_current(app, 7)


def top_lines(app: DossierApp, count: int) -> list[str]:
    view = reader_view(app)
    return [view.render_line(y).text for y in range(count)]


async def test_scrolling_up_into_estimated_paragraphs_moves_a_line_at_a_time(
    make_app: AppFactory, long_corpus: Path
) -> None:
    """Above the end, reached by G, the paragraphs are estimates until drawn: as they
    come into view line by line, each line moves down by one and nothing jumps."""
    # Long words: wrapped, a paragraph takes more lines than its length says.
    words = ["internationalisation", "of", "counterproliferation", "negotiations"]
    paragraphs = [" ".join(words[(n + k) % 4] for k in range(12 + n % 9)) for n in range(400)]
    text = long_transcript(1).split("\n\n")[:2] + paragraphs
    (long_corpus / "long.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
    async with reading_long(make_app, long_corpus) as (app, pilot):
        await pilot.press("G")
        await wait_until(pilot, lambda: in_view(app, 399), "the last paragraph in view")
        view = reader_view(app)
        estimated = view.virtual_size.height
        for _ in range(60):
            before = top_lines(app, 10)
            view.scroll_to(y=view.scroll_y - 1, animate=False, immediate=True)
            await pilot.pause()
            assert top_lines(app, 10)[1:] == before[:9]
        assert view.virtual_size.height != estimated, "the estimates were off"


async def test_a_narrower_or_lower_view_keeps_the_cursor_in_view(
    make_app: AppFactory, long_corpus: Path
) -> None:
    async with reading_long(make_app, long_corpus, (160, 48)) as (app, pilot):
        reader(app).go_to(app.library.documents[0], 2_400)
        await wait_until(pilot, lambda: in_view(app, 2_400), "paragraph 2400 in view")
        for size in ((80, 24), (60, 12), (160, 48)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert in_view(app, 2_400) and is_current(app, 2_400), size


async def test_reading_through_keeps_a_bounded_number_of_paragraphs_drawn(
    make_app: AppFactory, long_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_model, "DRAWN_KEPT", 40)
    async with reading_long(make_app, long_corpus) as (app, pilot):
        page = reader_view(app).page
        assert page is not None
        first_view = top_lines(app, 20)
        for _ in range(30):
            await pilot.press("pagedown")
            assert sum(block.strips is not None for block in page.blocks) <= 40
        assert measured(app) > 40, "their heights are kept"
        await pilot.press("g")  # back to paragraphs whose lines were let go
        await wait_until(pilot, lambda: in_view(app, 0), "the first paragraph in view")
        assert top_lines(app, 20) == first_view
