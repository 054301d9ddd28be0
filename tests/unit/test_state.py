"""The state file: reading places and past queries kept between runs, read defensively,
written atomically, bounded, and left alone with --no-state or DOSSIER_NO_STATE."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tui import cli
from tui.app import DossierApp
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.corpus.state import (
    MAX_BYTES,
    MAX_PLACES,
    MAX_QUERIES,
    MAX_QUERY_CHARS,
    MAX_RECENT,
    QueryBox,
    ReadingState,
    StateFile,
    StateSaveError,
    folder_key,
    paragraph_of,
    place_in,
    state_path,
    state_text,
)
from tui.corpus.store import NotesStore
from tui.widgets.reader import Reader

OLDEST = "004_d48fa1d5f48169a7"
FOLDER = folder_key(SEEDS)


@pytest.fixture(scope="module")
def seeds() -> Library:
    return Library.load(SEEDS, load_config())


def written(path: Path, state: ReadingState) -> None:
    StateFile(path).write(state_text(state), state.version or 1)


def a_state(seeds: Library) -> ReadingState:
    """Read up to ¶5 of the oldest meeting, searched for Kerry."""
    state = ReadingState(FOLDER)
    state.read_at(place_in(seeds.by_id(OLDEST), 5))
    state.add_query(QueryBox.SEARCH, "Kerry")
    return state


# -- a file that cannot be used ----------------------------------------------------------


def _deep(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


BROKEN = {
    "not JSON": lambda path: path.write_text('{"version": 1, "folders": [', encoding="utf-8"),
    "not UTF-8": lambda path: path.write_bytes(b'{"version": 1}\xff\xfe'),
    "binary": lambda path: path.write_bytes(bytes(range(256)) * 4),
    "a number for a text": lambda path: path.write_text(
        json.dumps({"version": 1, "folders": [{"folder": FOLDER, "places": [{"doc": 7}]}]}),
        encoding="utf-8",
    ),
    "a text for a paragraph": lambda path: path.write_text(
        json.dumps(
            {
                "version": 1,
                "folders": [{"folder": FOLDER, "places": [{"doc": OLDEST, "paragraph": "5"}]}],
            }
        ),
        encoding="utf-8",
    ),
    "another version": lambda path: path.write_text('{"version": 2}', encoding="utf-8"),
    "a list": lambda path: path.write_text("[1, 2, 3]", encoding="utf-8"),
    "nested past the recursion limit": _deep,
    "too large": lambda path: path.write_bytes(b" " * (MAX_BYTES + 1)),
    "a folder": lambda path: path.mkdir(),
    "a FIFO": lambda path: os.mkfifo(path),
}


@pytest.mark.parametrize("damage", BROKEN.values(), ids=BROKEN.keys())
def test_a_corrupt_or_unreadable_file_is_reported_once_and_started_afresh(
    tmp_path: Path, seeds: Library, damage: object
) -> None:
    path = tmp_path / "state.json"
    assert callable(damage)
    damage(path)
    store = StateFile(path)
    state = store.read(FOLDER)
    assert (state.places, state.queries[QueryBox.SEARCH]) == ([], []), "started afresh"
    message = store.describe_problem()
    assert str(path) in message and "start afresh" in message
    if path.is_dir():
        return  # not replaced: the write fails, and the app says so once
    state.read_at(place_in(seeds.by_id(OLDEST), 3))
    store.write(state_text(state), state.version)
    again = StateFile(path)
    assert [a.paragraph for a in again.read(FOLDER).places] == [3]
    assert again.problem is None, "reported once: the next start finds a good file"


async def test_the_app_says_once_that_the_file_was_unusable(tmp_path: Path, seeds: Library) -> None:
    path = tmp_path / "state.json"
    path.write_text("{{{", encoding="utf-8")
    app = DossierApp(
        seeds, load_config(), NotesStore(tmp_path / "notes.yaml"), state=StateFile(path)
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app.toasts]
        await pilot.press("q")
    assert len([m for m in said if str(path) in m and "start afresh" in m]) == 1, said
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1, "replaced on quit"


# -- documents that changed or went --------------------------------------------------------


def test_a_meeting_that_was_deleted_is_dropped_quietly(tmp_path: Path, seeds: Library) -> None:
    path = tmp_path / "state.json"
    state = a_state(seeds)
    gone = place_in(seeds.by_id(OLDEST), 2)
    state.read_at(type(gone)("deleted_meeting", 2, gone.quote, gone.before, gone.after))
    written(path, state)
    store = StateFile(path)
    read = store.read(FOLDER)
    assert [anchor.doc for anchor in read.places] == ["deleted_meeting", OLDEST]
    read.keep_documents(lambda doc_id: seeds.get(doc_id) is not None)
    assert [anchor.doc for anchor in read.places] == [OLDEST]
    assert store.problem is None, "nothing to report"
    assert "deleted_meeting" not in state_text(read)


def _with_paragraphs_inserted(seed: Path, tmp_path: Path) -> Document:
    """`seed` as a later scrape gives it: two paragraphs before its first one."""
    config = load_config()
    first = Library.load(seed.parent, config).by_id(seed.stem).paragraphs[0].text
    text = seed.read_text(encoding="utf-8")
    at = text.index(first)
    inserted = "Editor's note: this page was updated.\n\nThe remarks were translated.\n\n"
    folder = tmp_path / "rescraped"
    folder.mkdir()
    (folder / seed.name).write_text(text[:at] + inserted + text[at:], encoding="utf-8")
    return Library.load(folder, config).by_id(seed.stem)


def test_a_paragraph_that_moved_is_found_again_by_its_text(tmp_path: Path, seeds: Library) -> None:
    old = seeds.by_id(OLDEST)
    new = _with_paragraphs_inserted(SEEDS / f"{OLDEST}.txt", tmp_path)
    assert len(new.paragraphs) == len(old.paragraphs) + 2
    anchor = place_in(old, 5)
    assert new.paragraphs[7].text == old.paragraphs[5].text
    assert paragraph_of(anchor, new) == 7, "the same words, two paragraphs further down"
    lost = type(anchor)(OLDEST, 40, "words that are in no paragraph at all, anywhere")
    assert paragraph_of(lost, new) == len(new.paragraphs) - 1, "near where it was"


# -- bounds ----------------------------------------------------------------------------------


def test_places_queries_and_the_file_stay_within_their_bounds(seeds: Library) -> None:
    document = seeds.by_id(OLDEST)
    state = ReadingState(FOLDER)
    model = place_in(document, 1)
    for number in range(MAX_PLACES + 100):
        state.read_at(type(model)(f"doc-{number}", 1, model.quote, model.before, model.after))
    assert len(state.places) == MAX_PLACES
    assert state.places[0].doc == f"doc-{MAX_PLACES + 99}", "the newest first"
    assert [a.doc for a in state.recent()] == [f"doc-{MAX_PLACES + 99 - n}" for n in range(20)]
    assert len(state.recent()) == MAX_RECENT
    state.others = [("/elsewhere", list(state.places))]
    for number in range(MAX_QUERIES + 50):
        state.add_query(QueryBox.FIND, f"query {number}")
    state.add_query(QueryBox.FIND, "query 60")
    history = state.queries[QueryBox.FIND]
    assert len(history) == MAX_QUERIES
    assert history[-1] == "query 60" and history.count("query 60") == 1, "used again: newest"
    state.add_query(QueryBox.SEARCH, "x" * 5000)
    assert state.queries[QueryBox.SEARCH] == ["x" * MAX_QUERY_CHARS]
    for box in QueryBox:
        for number in range(MAX_QUERIES):
            state.add_query(box, f"{number} " + "y" * MAX_QUERY_CHARS)
    text = state_text(state)
    data = json.loads(text)
    assert sum(len(folder["places"]) for folder in data["folders"]) == MAX_PLACES
    assert len(text.encode("utf-8")) < MAX_BYTES, "dossier's own file is never refused"


def test_a_file_over_the_bounds_is_read_within_them(tmp_path: Path, seeds: Library) -> None:
    place = json.loads(state_text(a_state(seeds)))["folders"][0]["places"][0]
    data = {
        "version": 1,
        "folders": [{"folder": FOLDER, "places": [place] * (MAX_PLACES * 2)}],
        "queries": {"kwic": [f"q{n}" for n in range(MAX_QUERIES * 3)]},
    }
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    state = StateFile(path).read(FOLDER)
    assert len(state.places) == MAX_PLACES
    assert state.queries[QueryBox.KWIC][-1] == f"q{MAX_QUERIES * 3 - 1}"
    assert len(state.queries[QueryBox.KWIC]) == MAX_QUERIES


def test_queries_from_the_file_are_cleaned_text(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    data = {"version": 1, "queries": {"search": ["Kerry\x1b[2J\nLavrov", "  "]}}
    path.write_text(json.dumps(data), encoding="utf-8")
    [query] = StateFile(path).read(FOLDER).queries[QueryBox.SEARCH]
    assert "\x1b" not in query and "\n" not in query and query.startswith("Kerry")


def test_other_folders_keep_their_places(tmp_path: Path, seeds: Library) -> None:
    path = tmp_path / "state.json"
    written(path, a_state(seeds))
    elsewhere = StateFile(path).read("/another/corpus")
    assert elsewhere.places == [], "a place belongs to its folder"
    elsewhere.add_query(QueryBox.SEARCH, "Lavrov")
    written(path, elsewhere)
    back = StateFile(path).read(FOLDER)
    assert [a.paragraph for a in back.places] == [5]
    assert back.queries[QueryBox.SEARCH] == ["Kerry", "Lavrov"], "queries are everyone's"


# -- writing -------------------------------------------------------------------------------


def test_a_write_that_fails_half_way_leaves_the_old_file_whole(
    tmp_path: Path, seeds: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.json"
    written(path, a_state(seeds))
    before = path.read_bytes()

    def disk_full(handle: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tui.corpus.store.os.write", disk_full)
    later = a_state(seeds)
    later.read_at(place_in(seeds.by_id(OLDEST), 9))
    with pytest.raises(StateSaveError, match="No space left"):
        StateFile(path).write(state_text(later), later.version + 10)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"], "no temporary file left"


WRITER = """
import sys
from pathlib import Path
from tui.corpus.state import ReadingState, StateFile, state_text
from tui.corpus.notes import Anchor
path, name = Path(sys.argv[1]), sys.argv[2]
store = StateFile(path)
for round in range(1, 121):
    state = ReadingState(name)
    for n in range(400):
        state.read_at(Anchor(f"{name}-{n}", n, "q" * 60, "b" * 60, "a" * 60))
    store.write(state_text(state), round)
"""


def test_two_processes_writing_at_once_never_leave_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name], cwd=REPO)
        for name in ("one", "two")
    ]
    seen: set[str] = set()
    while any(writer.poll() is None for writer in writers):
        if path.exists():
            store = StateFile(path)
            for folder in ("one", "two"):
                state = store.read(folder)
                assert store.problem is None, store.problem
                if state.places:
                    assert len(state.places) == 400, "a whole file, never half of one"
                    seen.add(folder)
        time.sleep(0.001)
    assert [writer.returncode for writer in writers] == [0, 0]
    assert seen, "the file was read while they wrote"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


# -- --no-state and DOSSIER_NO_STATE ---------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _reader_started(monkeypatch: pytest.MonkeyPatch, *argv: str) -> DossierApp:
    """The app `dossier ARGV` starts, made by the CLI as in a terminal, not run."""
    started: list[DossierApp] = []
    monkeypatch.setattr(DossierApp, "run", lambda app: started.append(app))
    monkeypatch.setattr(cli, "hold_until_shown", lambda: None)
    monkeypatch.setattr(cli, "open_log", lambda path: None)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setenv("TERM", "xterm-256color")
    assert cli.main(["--corpus", str(SEEDS), *argv]) == 0
    [app] = started
    return app


@pytest.mark.parametrize("how", ["--no-state", "DOSSIER_NO_STATE=1", "neither"])
async def test_no_state_neither_reads_nor_writes_the_file(
    how: str, seeds: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = state_path()
    written(path, a_state(seeds))
    before = path.read_bytes()
    if how.startswith("DOSSIER"):
        monkeypatch.setenv("DOSSIER_NO_STATE", "1")
    app = _reader_started(monkeypatch, *([how] if how.startswith("--") else []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.main_screen.query_one(Reader)
        read = reader.document is not None and (reader.document.id, reader.paragraph)
        await pilot.press("tab", "j", "j", "s", *"Lavrov", "escape", "q")
    if how == "neither":  # the control: the same start reads the file and writes it
        assert read == (OLDEST, 5)
        assert path.read_bytes() != before
        return
    assert read == (OLDEST, 0), "the place on file was not read"
    assert path.read_bytes() == before, "nor written"
    assert not list(path.parent.glob("*.tmp"))
