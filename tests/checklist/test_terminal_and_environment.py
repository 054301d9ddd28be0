"""CHECKLIST 18-23: the terminal and the environment.

Terminal sizes and resizing, no TTY and `TERM=dumb`, no colour and 16 colours, a broken
config, failing background jobs and hostile queries. Each item is a named test that
fails when its protection is taken away (see the table in README.md).
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual import constants
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region
from textual.pilot import Pilot

from tests.checklist.screen import assert_safe, drawn, paste, screen_text
from tests.conftest import REPO, SEEDS
from tests.e2e.conftest import Terminal
from tests.ui.conftest import OLDEST, AppFactory
from tui.app import DossierApp
from tui.corpus import parse as parse_module
from tui.corpus.config import log_path
from tui.corpus.model import TurnKind
from tui.corpus.store import NotesSaveError
from tui.log import open_log
from tui.screens.search import DEBOUNCE, SearchScreen
from tui.widgets.document import Part
from tui.widgets.reader import Reader

# -- 18. terminal sizes ----------------------------------------------------------------------

SIZES = [(1, 1), (20, 5), (39, 9), (40, 10), (400, 120), (80, 24)]
"""CHECKLIST 18's sizes, the limits either side of the smallest layout, and back."""


async def _open(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause(0.2)


SCREENS: dict[str, Callable[[Pilot[None]], Awaitable[None]]] = {
    "main": lambda pilot: _open(pilot, "tab", "j"),
    "search": lambda pilot: _open(pilot, "s", *"Kerry"),
    "notes": lambda pilot: _open(pilot, "A"),
    "note editor": lambda pilot: _open(pilot, "tab", "a"),
    "help": lambda pilot: _open(pilot, "f1"),
    "compare picker": lambda pilot: _open(pilot, "C"),
    "compare": lambda pilot: _open(pilot, "C", "enter", "down", "enter"),
    "timeline": lambda pilot: _open(pilot, "L"),
    "concordance": lambda pilot: _open(pilot, "K", *"Karabakh"),
    "speakers": lambda pilot: _open(pilot, "W"),
}


@pytest.mark.parametrize("name", sorted(SCREENS))
async def test_18_every_screen_at_every_size_and_back(make_app: AppFactory, name: str) -> None:
    """From 1x1 to 400x120 and back, twice: the app runs, a terminal too small says so
    in one sentence, and the layout comes back when it is large enough."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await SCREENS[name](pilot)
        screen = app.screen
        for width, height in SIZES * 2:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            assert app.screen is screen, f"{name}: still on the same screen"
            text = assert_safe(app, f"{name} at {width}x{height}")
            small = width < 40 or height < 10
            assert screen.has_class("-too-small") == small, (name, width, height)
            said = " ".join(text.split())
            if small and width >= 20:
                message = f"Terminal too small ({width}x{height}); need at least 40x10"
                assert message in said, (name, width, height, text)
            elif not small:
                assert "Terminal too small" not in said


@pytest.mark.parametrize("size", [(1, 1), (20, 5), (39, 24), (80, 9)])
async def test_18_keys_in_a_tiny_terminal_do_no_harm(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "tab", "right_curly_bracket", "slash", "x", "enter", "f1")
        await pilot.press("escape", "s", "escape", "A", "escape")
        await pilot.pause()
        assert app.is_running
        assert app.screen.has_class("-too-small")


def test_18_resizing_a_real_terminal_in_a_loop(terminal: Terminal, dossier_command: str) -> None:
    """tmux resizes the window through CHECKLIST 18's sizes three times; dossier keeps
    running, says when it is too small, and shows the sidebar again at 80x24."""
    terminal.start([dossier_command, "--corpus", str(SEEDS)], (80, 24))
    terminal.wait_for("2016-07-12")
    for _ in range(3):
        for width, height in [(1, 1), (20, 5), (400, 120), (30, 8), (80, 24)]:
            terminal.resize(width, height)
    terminal.resize(20, 5)
    screen = terminal.wait_for("small")
    terminal.resize(80, 24)
    screen = terminal.wait_for("2016-07-12")
    assert "Terminal too small" not in screen
    terminal.type("q")
    terminal.wait_gone()


# -- 19. no TTY, TERM=dumb -------------------------------------------------------------------


def _run_tui(
    stdin: Any, stdout: Any, term: str = "xterm-256color"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--corpus", str(SEEDS)],
        cwd=REPO,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TERM": term},
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("redirected", ["stdout", "stdin", "both"])
def test_19_redirected_stdin_or_stdout_exits_2_with_a_message(redirected: str) -> None:
    """The other stream is a real terminal (a pty), so only the redirection refuses."""
    primary, secondary = pty.openpty()
    try:
        stdin = subprocess.DEVNULL if redirected in ("stdin", "both") else secondary
        stdout = subprocess.PIPE if redirected in ("stdout", "both") else secondary
        result = _run_tui(stdin, stdout)
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 2
    assert "needs an interactive terminal" in result.stderr
    assert "dossier list" in result.stderr, "it says what works without one"
    assert not result.stdout


def test_19_dumb_terminal_is_refused_with_a_message(
    terminal: Terminal, dossier_command: str
) -> None:
    terminal.start(
        ["sh", "-c", f"TERM=dumb {dossier_command}; echo exit=$?; sleep 30"], size=(80, 24)
    )
    screen = terminal.wait_for("exit=")
    assert "needs an interactive terminal" in screen
    assert "exit=2" in screen


def test_19_subcommands_work_without_a_terminal() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--corpus", str(SEEDS), "list"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "TERM": "dumb"},
        check=False,
    )
    assert result.returncode == 0
    assert "2016-07-12" in result.stdout


# -- 20. no colour, 16 colours ---------------------------------------------------------------


class SixteenColours(LineFilter):
    """What a 16-colour terminal shows: every colour brought down to the 16 ANSI ones."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, _downgraded(style), control) if style else Segment(text, style, control)
            for text, style, control in segments
        ]


def _downgraded(style: Style) -> Style:
    color = style.color.downgrade(ColorSystem.STANDARD) if style.color else None
    bgcolor = style.bgcolor.downgrade(ColorSystem.STANDARD) if style.bgcolor else None
    return style + Style.from_color(color, bgcolor)


def _app(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, mode: str) -> DossierApp:
    if mode == "no colour":
        monkeypatch.setenv("NO_COLOR", "1")
    if mode == "16 colours":  # as TERM=xterm makes it: the app sees 16 colours
        monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")
    app = make_app()
    if mode == "16 colours":
        # Added to Textual's own filters through its public `get_line_filters`.
        filters, sixteen = app.get_line_filters, SixteenColours()
        monkeypatch.setattr(app, "get_line_filters", lambda: [*filters(), sixteen])
    return app


def test_20_topics_keep_colours_of_their_own_on_16_colours(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(make_app, monkeypatch, "16 colours")
    shown = [app.library.matcher.colour_of(topic.name) for topic in app.config.topics]
    assert all(shown)
    on_screen = {_downgraded(Style.parse(style or "")).color for style in shown}
    assert len(on_screen) == len(shown)


async def _second_question_with_hits(pilot: Pilot[None]) -> None:
    await pilot.press("tab", "right_curly_bracket", "right_curly_bracket", "slash", *"Kerry")
    await pilot.press("enter")
    await pilot.pause()


MODES = ["no colour", "16 colours"]


@pytest.mark.parametrize("mode", MODES)
def test_20_snapshot(
    snap_compare: Any, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """The main screen on a question with find hits, as each terminal shows it."""
    app = _app(make_app, monkeypatch, mode)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_second_question_with_hits)


@pytest.mark.parametrize("mode", MODES)
async def test_20_questions_speakers_topics_and_hits_do_not_rely_on_colour(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Without colour each still stands out: a speaker is bold, a topic word underlined,
    a question italic with its ▌Q marker, a find hit reversed."""
    app = _app(make_app, monkeypatch, mode)
    async with app.run_test(size=(120, 40)) as pilot:
        await _second_question_with_hits(pilot)
        reader = app.main_screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == OLDEST
        view = reader.view
        assert view.page is not None
        blocks = view.page.blocks
        question = next(
            block
            for block in blocks
            if block.turn is not None
            and block.turn.kind is TurnKind.QUESTION
            and block.paragraph is not None
            and "Kerry" in block.paragraph.text
        )
        labels = [
            block
            for block in blocks
            if block.part is Part.LABEL and 0 <= view.block_region(block).y < 40
        ]
        answerer = next(
            label
            for label in labels
            if label.turn is not None and label.turn.speaker == "Sergey Lavrov"
        )
        styles = {
            "speaker": _style_of(app, "Sergey Lavrov", view.block_region(answerer)),
            "hit": _style_of(app, "Kerry", view.block_region(question)),
            "question": _style_at(app, view.block_region(question)),
        }
        assert "▌Q" in screen_text(app)
        paragraph = next(
            block.paragraph
            for block in blocks
            if block.paragraph is not None and "Nagorno-Karabakh" in block.paragraph.text
        )
        reader.go_to(reader.document, paragraph.index)
        await pilot.pause()
        region = view.block_region(view.paragraph_block(paragraph.index))
        styles["topic"] = _style_of(app, "Nagorno-Karabakh", region)
        assert styles["speaker"].bold
        assert styles["topic"].underline
        assert styles["hit"].reverse
        assert styles["question"].italic
        if mode == "no colour":
            # Textual shows NO_COLOR in shades of grey: only the attributes tell apart.
            for style in styles.values():
                assert style.color is None or len(set(style.color.get_truecolor())) == 1


def _style_of(app: DossierApp, text: str, region: Region) -> Style:
    """The style of `text` where it is drawn inside `region` of the screen."""
    update = drawn(app)
    for y in range(max(region.y, 0), min(region.bottom, len(update.strips))):
        x = 0
        for strip in update.strips[y]:
            for segment in strip:
                if text in segment.text and segment.style and region.x <= x < region.right:
                    return segment.style
                x += segment.cell_length
    pytest.fail(f"{text!r} is not drawn as one piece in {region}")


def _style_at(app: DossierApp, region: Region) -> Style:
    """The style of the first text drawn on the first line of `region`, past the bar."""
    update = drawn(app)
    line = update.strips[region.y]
    x = 0
    for strip in line:
        for segment in strip:
            if x >= region.x + 3 and segment.text.strip() and segment.style is not None:
                return segment.style
            x += segment.cell_length
    pytest.fail("no text in the question paragraph")


# -- 21. a broken config ---------------------------------------------------------------------

BROKEN_CONFIG = """\
corpus: /no/such/folder
themee: textual-light
encoding_fallback: 12
keys:
  quit: [q]
  no_such_action: x
"""


async def test_21_config_mistakes_are_warnings_with_file_line_and_key(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(config_text=BROKEN_CONFIG)
    config = tmp_path / "config.yaml"
    before = config.read_bytes()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.pause()
        messages = "\n".join(str(n.message) for n in app.toasts)
        assert app.main_screen.query_one(Reader).document is not None, "defaults used"
        await pilot.press("q")
    for line, key in [
        (1, "corpus"),
        (2, "themee"),
        (3, "encoding_fallback"),
        (6, "no_such_action"),
    ]:
        assert f"{config}:{line}" in messages and key in messages, (line, key, messages)
    assert config.read_bytes() == before, "the user's config is never rewritten"
    assert "themee" in _logged(), "warnings are in the log too"


# -- 22. failing background jobs -------------------------------------------------------------


def _logged() -> str:
    path = log_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""


async def test_22_a_failing_parse_skips_one_file(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    real = parse_module.parse_text

    def parse_text(doc_id: str, *args: Any) -> Any:
        if doc_id.startswith("000"):
            raise RuntimeError("parser bug")
        return real(doc_id, *args)

    # The library imports the parser when it first parses a file, from its module.
    monkeypatch.setattr(parse_module, "parse_text", parse_text)
    open_log(log_path())  # as `dossier` does before it reads the corpus
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert len(app.library.documents) == 1
        messages = "\n".join(str(n.message) for n in app.toasts)
        assert "Skipped 1 file" in messages and "parser failed" in messages
    assert "parser bug" in _logged() and "Traceback" in _logged()


async def test_22_a_failing_load_is_reported_and_its_bar_goes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload (`r`) whose worker fails: an error, and the progress line goes away."""
    import tui.app as app_module

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()

        def broken_batches(self: object) -> Any:
            app.call_from_thread(app.main_screen.busy, "Reading the folder…")
            raise OSError("disk on fire")

        monkeypatch.setattr(app_module.Loader, "batches", broken_batches)
        await pilot.press("r")
        await pilot.pause(0.3)
        messages = "\n".join(str(n.message) for n in app.toasts)
        assert "disk on fire" in messages
        assert not app.main_screen.has_class("-loading"), "no progress bar left behind"
        await pilot.press("j")
        assert app.is_running


async def test_22_a_failing_index_and_search_are_reported(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.corpus.search as search_module

    def broken_index(*args: object) -> None:
        raise RuntimeError("index on fire")

    # The app imports the index when it first builds one, from its module.
    monkeypatch.setattr(search_module, "cached_index", broken_index)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause(0.3)
        await pilot.press("s", *"Kerry")
        await pilot.pause(0.3)
        assert app.is_running
        assert isinstance(app.screen, SearchScreen)
        messages = "\n".join(str(n.message) for n in app.toasts)
        assert "could not build the search index: index on fire" in messages
        assert str(log_path()) in messages, "an error says where the details are"
        assert "index on fire" in screen_text(app), "the search screen says why it is empty"
    logged = _logged()
    assert "index on fire" in logged and "Traceback" in logged


async def test_22_a_failing_save_is_reported_and_logged(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()

    def full_disk() -> bool:
        raise NotesSaveError("could not save notes: the disk is full; they are kept in memory")

    monkeypatch.setattr(app.notes, "save", full_disk)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("tab", "m")
        await pilot.pause(0.3)
        assert app.is_running
        assert any("the disk is full" in str(n.message) for n in app.toasts)
    assert "the disk is full" in _logged()


# -- 23. hostile queries ---------------------------------------------------------------------

QUERIES = {
    "10,000 characters": "Karabakh " * 1111,
    "regex metacharacters": r".*+?^$()[]{}|\ (a|b)* [^x]",
    "only spaces": " " * 50,
    "only punctuation": "!?.,;:…—«»“”",
    "unknown filters": "foo:bar baz:qux Kerry",
}


@pytest.mark.parametrize("kind", sorted(QUERIES))
async def test_23_hostile_queries_are_answered(make_app: AppFactory, kind: str) -> None:
    """Typed (pasted) into search and the concordance, each gets an answer and a status
    a person can read; the app keeps running."""
    app = make_app()
    query = QUERIES[kind]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await _until(pilot, lambda: screen.index is not None)
        paste(app, query)
        await _until(pilot, lambda: screen.query_text == query)
        await pilot.pause(DEBOUNCE)
        await _until(pilot, lambda: screen.answered == query.strip())
        status = screen_text(app)
        assert app.is_running
        if kind == "unknown filters":
            assert "unknown filter foo:" in status and screen.answer and screen.answer.results
        elif kind == "10,000 characters":
            assert "cut" in status
        await pilot.press("escape", "K")
        paste(app, query)
        await pilot.pause(0.5)
        assert app.is_running
        assert_safe(app, f"concordance of {kind}")


async def _until(pilot: Pilot[None], ready: Callable[[], bool]) -> None:
    for _ in range(100):
        if ready():
            return
        await pilot.pause(0.05)
    pytest.fail("never ready")
