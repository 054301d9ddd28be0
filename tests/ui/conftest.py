"""Apps built on the seeds or on a corpus a test writes, never on the user's files."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.style import Style
from textual import constants
from textual.strip import Strip

from tests.conftest import SEEDS
from tui.app import DossierApp
from tui.corpus.cache import DocumentCache
from tui.corpus.config import Config, load_config
from tui.corpus.library import Library
from tui.corpus.store import NotesStore
from tui.widgets.document import DocumentView
from tui.widgets.reader import Reader

OLDEST = "004_d48fa1d5f48169a7"
"""The 2016 Baku meeting: first in the sidebar, three questions, Kerry in the text."""

SIZES = [(80, 24), (160, 48)]

AppFactory = Callable[..., DossierApp]


@pytest.fixture
def make_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppFactory:
    """`make_app(corpus=SEEDS, config_text=None, notes_text=None, notes_path=None,
    load=False)`: a DossierApp as `dossier` would start it, its notes in `notes_path`
    (default tmp_path/notes.yaml), which holds `notes_text` if given. With `load` the
    app reads the folder once it runs (through the cache), as `dossier` does; without,
    the library is complete before the app starts."""
    monkeypatch.setenv("DOSSIER_NOTES", str(tmp_path / "notes.yaml"))
    # Without a terminal Rich guesses 16 colours; the snapshots are drawn in full colour.
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")

    def make(
        corpus: Path = SEEDS,
        config_text: str | None = None,
        notes_text: str | None = None,
        notes_path: Path | None = None,
        load: bool = False,
    ) -> DossierApp:
        config_path: Path | None = None
        if config_text is not None:
            config_path = tmp_path / "config.yaml"
            config_path.write_text(config_text, encoding="utf-8")
        config: Config = load_config(config_path)
        notes_path = notes_path or tmp_path / "notes.yaml"
        if notes_text is not None:
            notes_path.write_text(notes_text, encoding="utf-8")
        notes = NotesStore(notes_path)
        notes.load()
        if load:
            cache = DocumentCache.for_folder(corpus, config)
            library = Library(corpus, config, cache=cache)
            return DossierApp(library, config, notes, cache=cache, load=True)
        return DossierApp(Library.load(corpus, config), config, notes)

    return make


# -- what the reader draws ------------------------------------------------------------------


def reader_view(app: DossierApp) -> DocumentView:
    return app.main_screen.query_one(Reader).view


def _plain(strip: Strip) -> str:
    # Past the view's margin and the paragraph's bar, if any.
    return strip.text[2:].strip()


def text_lines(app: DossierApp, paragraph: int) -> list[str]:
    """The lines of `paragraph`'s text as the reader draws them, margins left out."""
    view = reader_view(app)
    block = view.paragraph_block(paragraph)
    return [_plain(strip) for strip in view.lines(block)[: block.notes_from]]


def drawn_text(app: DossierApp, paragraph: int) -> str:
    """`paragraph` as drawn: its lines joined again (a wrap breaks at a space)."""
    return " ".join(text_lines(app, paragraph))


def note_lines(app: DossierApp, paragraph: int | None = None) -> list[str]:
    """The note lines drawn under `paragraph`, or under every paragraph in order."""
    view = reader_view(app)
    paragraphs = range(view.paragraph_count) if paragraph is None else [paragraph]
    lines = []
    for index in paragraphs:
        block = view.paragraph_block(index)
        lines += [_plain(strip) for strip in view.lines(block)[block.notes_from :]]
    return lines


def styled_runs(app: DossierApp, paragraph: int, wanted: Callable[[Style], bool]) -> list[str]:
    """The runs of `paragraph`'s drawn text in a style that is `wanted`, one per
    line they are on."""
    view = reader_view(app)
    block = view.paragraph_block(paragraph)
    runs: list[str] = []
    for strip in view.lines(block)[: block.notes_from]:
        run = ""
        for segment in strip:
            if segment.style is not None and wanted(segment.style) and segment.text.strip():
                run += segment.text
            elif run:
                runs.append(run)
                run = ""
        if run:
            runs.append(run)
    return runs


def is_current(app: DossierApp, paragraph: int) -> bool:
    """Whether `paragraph` is drawn as the current one: a solid bar in its margin."""
    view = reader_view(app)
    return view.lines(view.paragraph_block(paragraph))[0].text[1] == "█"


def hold_back(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> threading.Event:
    """`owner.name` made to wait, when called, until the event returned is set (10 s at
    most): to look at a screen while its work is under way."""
    real = getattr(owner, name)
    release = threading.Event()

    def held(*args: object, **kwargs: object) -> object:
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, held)
    return release
