"""Apps built on the seeds or on a corpus a test writes, never on the user's files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.app import DossierApp
from tui.corpus.cache import DocumentCache
from tui.corpus.config import Config, load_config
from tui.corpus.library import Library
from tui.corpus.store import NotesStore

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
            return DossierApp(Library(corpus, config), config, notes, cache=cache, load=True)
        return DossierApp(Library.load(corpus, config), config, notes)

    return make
