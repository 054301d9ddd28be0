"""A very long document: it opens with only the paragraphs near the cursor built, and
every way of moving through it (G, page down, go_to, find, scrolling) builds what it
reaches; the reader keeps a bounded number of documents built."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection
from textual.widgets import Input

from tests.ui.conftest import AppFactory
from tests.ui.test_search import wait_until
from tui.app import DossierApp
from tui.screens.main import MainScreen
from tui.widgets.note_editor import NoteEditor
from tui.widgets.reader import (
    BODIES_KEPT,
    BOOKMARK_GLYPH,
    CHUNK_PARAGRAPHS,
    CHUNKS_BUILT,
    ChunkPlaceholder,
    DocumentBody,
    ParagraphView,
    Reader,
)

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


def body(app: DossierApp) -> DocumentBody:
    shown = reader(app)._body
    assert shown is not None
    return shown


def in_view(app: DossierApp, paragraph: int) -> bool:
    """Whether `paragraph` is built, laid out, and at least partly in the reader's view."""
    shown = reader(app)._body
    view = shown.views.get(paragraph) if shown is not None else None
    if shown is None or view is None or not view.virtual_region:
        return False
    region, top = view.virtual_region, shown.scroll_y
    return region.y < top + shown.scrollable_content_region.height and region.bottom > top


async def open_long(pilot: Pilot[None]) -> None:
    """Focus the reader on the long document (the only one) and let it settle."""
    await pilot.press("tab")
    await pilot.pause()


async def press_G(app: DossierApp, pilot: Pilot[None]) -> int:
    """Press G and wait for the last paragraph to be in view; its index."""
    last = QUESTIONS * 10 - 1
    await pilot.press("G")
    await wait_until(pilot, lambda: in_view(app, last), "the last paragraph in view")
    return last


async def test_opens_with_the_first_paragraphs_built_not_all(
    make_app: AppFactory, long_corpus: Path
) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(pilot)
        document = app.library.documents[0]
        assert len(document.paragraphs) == QUESTIONS * 10
        shown = body(app)
        assert in_view(app, 0) and reader(app).paragraph == 0
        assert "Question 0, paragraph 0" in str(shown.views[0].visual)
        assert len(shown.views) <= CHUNKS_BUILT * CHUNK_PARAGRAPHS
        assert len(document.paragraphs) - 1 not in shown.views
        assert shown.query(ChunkPlaceholder), "the rest stands in as placeholders"
        assert shown.virtual_size.height > 10 * len(shown.views), "the scrollbar spans it all"
        assert set(range(2 * CHUNK_PARAGRAPHS)) <= set(shown.views), "the next chunk once shown"
        start = 5 * CHUNK_PARAGRAPHS
        fresh = DocumentBody(document, reader(app).matcher, around=start + 3)
        assert set(fresh.views) == set(range(start, start + CHUNK_PARAGRAPHS)), "at first one chunk"


async def test_G_reaches_the_last_paragraph_and_g_comes_back(
    make_app: AppFactory, long_corpus: Path
) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(pilot)
        last = await press_G(app, pilot)
        assert reader(app).paragraph == last
        assert body(app).views[last].has_class("-current")
        assert f"¶{last}/{last}" in str(app.screen.query_one("#reader-status").visual)
        await pilot.press("g")
        await wait_until(pilot, lambda: in_view(app, 0), "the first paragraph in view")
        assert reader(app).paragraph == 0
        assert len(body(app).views) <= CHUNKS_BUILT * CHUNK_PARAGRAPHS, "far chunks let go"


async def test_go_to_a_far_paragraph_shows_it(make_app: AppFactory, long_corpus: Path) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_long(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.open_paragraph("long", 2_400)
        await wait_until(pilot, lambda: in_view(app, 2_400), "paragraph 2400 in view")
        assert reader(app).paragraph == 2_400
        assert body(app).views[2_400].has_class("-current")
        await pilot.press("j", "j")
        assert reader(app).paragraph == 2_402
        assert in_view(app, 2_402)


async def test_a_find_hit_far_down_is_shown(make_app: AppFactory, long_corpus: Path) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(pilot)
        await pilot.press("slash", *NEEDLE, "enter")
        await wait_until(pilot, lambda: in_view(app, NEEDLE_AT), "the hit in view")
        assert reader(app).paragraph == NEEDLE_AT
        content = body(app).views[NEEDLE_AT].visual
        start = content.plain.index(NEEDLE)
        styled = [span for span in content.spans if span.start == start]
        assert any("reverse" in str(span.style) for span in styled)

        # The hit's words are the note's quote; a mouse selection in the paragraph wins.
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-quote", Input).value == NEEDLE
        await pilot.press("escape")
        view = body(app).views[NEEDLE_AT]
        app.screen.selections = {view: Selection(Offset(0, 0), Offset(6, 0))}
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-quote", Input).value == "Answer"


async def test_a_bookmark_on_a_far_paragraph_is_drawn_and_redrawn(
    make_app: AppFactory, long_corpus: Path
) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(pilot)
        last = await press_G(app, pilot)
        await pilot.press("k", "m")
        await wait_until(
            pilot,
            lambda: str(body(app).views[last - 1].visual).startswith(BOOKMARK_GLYPH),
            "the bookmark drawn",
        )
        # Its chunk let go while reading elsewhere, then built again with its mark.
        for paragraph in (0, 600, 1_200, 1_800, 2_400):
            reader(app).go_to(app.library.documents[0], paragraph)
            await wait_until(pilot, lambda p=paragraph: in_view(app, p), f"¶{paragraph} in view")
        assert last - 1 not in body(app).views
        await pilot.press("G", "k")
        await wait_until(pilot, lambda: in_view(app, last - 1), "the bookmarked paragraph")
        assert str(body(app).views[last - 1].visual).startswith(BOOKMARK_GLYPH)


async def test_page_down_and_scrolling_build_what_they_reach(
    make_app: AppFactory, long_corpus: Path
) -> None:
    app = make_app(corpus=long_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_long(pilot)
        seen = [reader(app).paragraph]
        for _ in range(30):
            await pilot.press("pagedown")
            seen.append(reader(app).paragraph)
            assert in_view(app, seen[-1]), f"¶{seen[-1]} in view after page down"
        assert seen == sorted(seen) and seen[-1] > 2 * CHUNK_PARAGRAPHS, seen

        # Scrolled by the scrollbar or the wheel, not the cursor: what comes into view
        # is built.
        shown = body(app)
        shown.scroll_to(y=shown.max_scroll_y // 2, animate=False, immediate=True)
        await wait_until(
            pilot,
            lambda: any(in_view(app, p) for p in range(1_000, 2_000)),
            "the middle of the document built in view",
        )


async def test_bodies_kept_are_bounded_and_an_evicted_document_keeps_its_place(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for number in range(BODIES_KEPT + 3):
        (corpus / f"doc{number:02d}.txt").write_text(long_transcript(3), encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        documents = app.library.documents
        reader(app).go_to(documents[0], 7)
        await pilot.pause()
        for document in documents[1:]:
            reader(app).document = document
            await pilot.pause()
            assert len(reader(app).query(DocumentBody)) <= BODIES_KEPT
        assert documents[0].id not in reader(app)._bodies, "the first one was let go"
        reader(app).document = documents[0]
        await wait_until(pilot, lambda: in_view(app, 7), "its place in view")
        assert reader(app).paragraph == 7
        assert body(app).query(ParagraphView)[7].has_class("-current")
