"""What notes and bookmarks look like. Update with
`pytest tests/ui/test_notes_snapshots.py --snapshot-update`, then look at the SVGs in
tests/ui/__snapshots__/test_notes_snapshots before committing them.

Every entry comes from a prepared file with fixed ids and times, so the pictures
do not change from run to run."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.ui.conftest import OLDEST, SIZES, AppFactory
from tests.ui.test_notes import MIDDLE, NEWEST, QUOTE, entry, notes_text
from tui.corpus.anchor import Anchor
from tui.corpus.notes import Kind, Note


def prepared() -> str:
    return notes_text(
        entry("b0", OLDEST, 0, kind=Kind.BOOKMARK, created="2024-01-02T09:00:00Z"),
        entry(
            "n1",
            OLDEST,
            1,
            text="Who is in the room? Check the guest list.",
            tags=("people", "follow-up"),
            created="2024-01-03T09:00:00Z",
        ),
        entry("b2", OLDEST, 2, kind=Kind.BOOKMARK, created="2024-01-04T09:00:00Z"),
        entry(
            "n2",
            OLDEST,
            2,
            quote=QUOTE,
            text="The agenda in one phrase.",
            created="2024-01-05T09:00:00Z",
        ),
        entry(
            "n3",
            NEWEST,
            4,
            text="Compare with the 2016 statement on the ceasefire.",
            tags=("karabakh",),
            created="2024-02-01T09:00:00Z",
        ),
        entry("b3", MIDDLE, 1, kind=Kind.BOOKMARK, created="2024-01-20T09:00:00Z"),
        Note(
            "n4",
            Kind.NOTE,
            Anchor(OLDEST, 7, "a sentence the page no longer has"),
            "Lost when the page was scraped again.",
            (),
            "2024-01-10T09:00:00Z",
            "2024-01-10T09:00:00Z",
        ),
    )


@pytest.mark.parametrize("size", SIZES)
def test_reader_with_marks(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app(notes_text=prepared())
    assert snap_compare(app, terminal_size=size, press=["tab", "j"])


async def _open_editor(pilot: Pilot[None]) -> None:
    await pilot.press("tab", "j", "j", "a", *"Two ministers, one agenda", "tab", *"agenda")
    for field in pilot.app.screen.query(TextArea):
        field.cursor_blink = False
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_note_editor(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app(notes_text=prepared())
    assert snap_compare(app, terminal_size=size, run_before=_open_editor)


@pytest.mark.parametrize("size", SIZES)
def test_notes_screen(snap_compare: Any, make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app(notes_text=prepared())
    assert snap_compare(app, terminal_size=size, press=["A"])
