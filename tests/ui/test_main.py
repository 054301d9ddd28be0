"""The main screen driven with real keys, as a reader would."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import (
    OLDEST,
    SIZES,
    AppFactory,
    is_current,
    reader_view,
    styled_runs,
    text_lines,
)
from tui.collector import IDLE, PATIENCE, IdleCollector, hold_until_shown
from tui.corpus.model import TurnKind
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.document import Part
from tui.widgets.footer import DossierFooter, key_action
from tui.widgets.reader import FindBar, Reader
from tui.widgets.sidebar import OPEN_DELAY, Sidebar

KERRY_HITS = 4


def status(app: object) -> str:
    reader = app.screen.query_one(Reader)  # type: ignore[attr-defined]
    return str(reader.query_one("#reader-status", Static).render())


def question_starts(reader: Reader) -> list[int]:
    assert reader.document is not None
    return [
        turn.paragraphs[0].index
        for turn in reader.document.turns
        if turn.kind is TurnKind.QUESTION and turn.paragraphs
    ]


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send `keys` as one read from the terminal, as SSH and pasting deliver them: all
    queued before the app handles the first. (`pilot.press` waits for idle after each.)"""
    app: App[None] = pilot.app
    for key in keys:
        character = key if len(key) == 1 else {"slash": "/", "enter": "\r"}.get(key)
        # As the driver posts a key read from the terminal.
        app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_oldest_document_opens_first(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.document is not None
        assert reader.document.id == OLDEST
        assert app.screen.query_one(Sidebar).has_focus


async def test_keys_after_tab_in_one_burst_go_to_the_pane_it_switched_to(
    make_app: AppFactory,
) -> None:
    """Tab then G as one read (SSH): G goes to the reader, its last paragraph; then Tab
    G back in the sidebar goes to the last document."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        sidebar = app.screen.query_one(Sidebar)
        await burst(pilot, "tab", "G")
        assert reader.has_focus
        assert reader.document is not None
        assert reader.paragraph == len(reader.document.paragraphs) - 1
        await burst(pilot, "tab", "G")
        assert sidebar.has_focus
        assert sidebar.current is sidebar.order[-1]


@pytest.mark.parametrize("size", SIZES)
async def test_questions_find_and_hits(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "right_curly_bracket", "right_curly_bracket")
        reader = app.screen.query_one(Reader)
        assert reader.has_focus
        assert reader.paragraph == question_starts(reader)[1]
        assert "Q2/3" in status(app)

        await pilot.press("slash", *"Kerry", "enter")
        assert reader.has_focus, "Enter hands the keys back to the reader"
        assert len(reader.hits) == KERRY_HITS
        first = reader.hit
        assert f"hit {first + 1}/{KERRY_HITS}" in status(app)
        # The first hit at or after the cursor: the question names Kerry itself.
        assert reader.hits[first].paragraph == question_starts(reader)[1]

        await pilot.press("n")
        assert reader.hit == (first + 1) % KERRY_HITS
        assert reader.paragraph == reader.hits[reader.hit].paragraph
        assert f"hit {reader.hit + 1}/{KERRY_HITS}" in status(app)
        await pilot.press("N", "N")
        assert reader.hit == (first - 1) % KERRY_HITS

        await pilot.press("escape")
        assert reader.hits == []
        assert "hit" not in status(app)


@pytest.mark.parametrize("size", SIZES)
async def test_find_typed_in_one_burst(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("tab")
        reader = app.screen.query_one(Reader)
        await burst(pilot, "slash", *"Kerry", "enter", "n")
        assert str(reader.query_one(FindBar).value) == "Kerry", "every letter reached the find bar"
        assert reader.find_text == "Kerry"
        assert len(reader.hits) == KERRY_HITS
        assert reader.has_focus, "Enter handed the keys back, and n moved to the next hit"
        assert reader.hit == 1
        assert not any("Copied" in str(n.message) for n in app.toasts), "y is not copy"

        place = reader.paragraph
        await burst(pilot, "escape", "j")
        assert reader.hits == []
        assert not reader.query_one(FindBar).display
        assert reader.paragraph == place + 1, "the j after Escape moved the reader"


@pytest.mark.parametrize("size", SIZES)
async def test_topic_tags_wrap_whole(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        reader = app.screen.query_one(Reader)
        checked = 0
        for document in app.library.documents:
            reader.document = document
            await pilot.pause()
            view = reader_view(app)
            assert view.page is not None
            for label in (block for block in view.page.blocks if block.part is Part.LABEL):
                lines = [strip.text for strip in view.lines(label)]
                assert label.turn is not None
                for topic in label.turn.topics:
                    assert any(topic in line for line in lines), f"{topic!r} split: {lines}"
                    checked += " " in topic
        assert checked, "some tag has a space in it"


async def test_hits_are_highlighted(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("tab", "slash", *"Kerry", "enter")
        reader = app.screen.query_one(Reader)
        hit = reader.hits[reader.hit]
        assert styled_runs(app, hit.paragraph, lambda style: bool(style.reverse)) == ["Kerry"]


async def test_turn_and_topic_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        reader = app.screen.query_one(Reader)
        assert reader.document is not None
        await pilot.press("right_square_bracket")
        assert reader.paragraph == reader.document.turns[1].paragraphs[0].index
        await pilot.press("left_square_bracket")
        assert reader.paragraph == 0

        topic = reader.topic
        assert topic is not None
        await pilot.press("t")
        assert topic in reader.document.paragraphs[reader.paragraph].topics
        await pilot.press("p")
        assert reader.topic != topic
        assert f"t: {reader.topic}" in status(app)

        await pilot.press("j", "down", "j")
        moved = reader.paragraph
        await pilot.press("k")
        assert reader.paragraph == moved - 1
        await pilot.press("G")
        assert reader.paragraph == len(reader.document.paragraphs) - 1
        await pilot.press("g")
        assert reader.paragraph == 0


async def test_sidebar_moves_and_reverses(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen.query_one(Reader)
        sidebar = app.screen.query_one(Sidebar)
        ids = [doc.id for doc in app.library.documents]
        await pilot.press("j", "enter")
        assert reader.document is not None and reader.document.id == ids[1]
        await pilot.press("down", "G")
        await pilot.pause(OPEN_DELAY * 3)
        assert reader.document.id == ids[-1]
        await pilot.press("k", "up", "home")
        await pilot.pause(OPEN_DELAY * 3)
        assert reader.document.id == ids[0]

        await pilot.press("O")
        assert sidebar.newest_first
        assert sidebar.current is not None and sidebar.current.id == ids[0], "cursor stays put"
        await pilot.press("g", "enter")
        assert reader.document.id == ids[-1], "newest first after O"
        await pilot.press("O", "g", "enter")
        assert reader.document.id == ids[0]


async def test_holding_j_opens_only_where_the_cursor_rests(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        ids = [doc.id for doc in app.library.documents]
        opened: list[str] = []
        reader.watch(reader, "document", lambda doc: opened.append(doc.id), init=False)
        await burst(pilot, "j", "j", "j")
        await pilot.pause(OPEN_DELAY * 3)
        assert opened == [ids[3]], "the documents passed on the way were not built"
        await pilot.press("k", "enter")
        assert opened[-1] == ids[2], "Enter opens at once"


async def test_reader_keeps_its_place_per_document(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen.query_one(Reader)
        await pilot.press("tab", "right_curly_bracket", "right_curly_bracket")
        place = reader.paragraph
        assert place > 0
        await pilot.press("tab", "j", "enter")
        assert reader.document is not None and reader.document.id != OLDEST
        assert reader.paragraph == 0
        await pilot.press("k", "enter")
        await pilot.pause()
        assert reader.document.id == OLDEST
        assert reader.paragraph == place
        assert is_current(app, place)
        assert reader_view(app).scroll_y > 0


def footer_actions(app: App[None]) -> list[str]:
    """The actions whose keys can be seen on the bottom line, left to right."""
    width, height = app.size
    seen: list[str] = []
    for x in range(width):
        widget, _region = app.screen.get_widget_at(x, height - 1)
        action = key_action(widget)
        if action is not None and action not in seen:
            seen.append(action)
    return seen


@pytest.mark.parametrize("size", [(60, 20), *SIZES])
async def test_quit_and_help_always_in_footer(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for keys in [(), ("tab",), ("slash", *"Kerry", "enter"), ("slash",)]:
            await pilot.press(*keys)
            await pilot.pause()
            actions = footer_actions(app)
            assert "help" in actions, f"after {keys}: {actions}"
            if keys != ("slash",):
                assert "quit" in actions, f"after {keys}: {actions}"
            else:
                assert "quit" not in actions, "in the find bar q is a letter to find"


async def test_footer_is_made_anew_only_when_its_keys_change(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(DossierFooter)
        keys = set(footer.key_widgets())
        await pilot.press("j", "enter", "k", "enter")
        await pilot.pause()
        assert set(footer.key_widgets()) == keys, "other documents, the same keys"
        await pilot.press("tab")
        await pilot.pause()
        assert "topic(1)" in footer_actions(app), "the reader's keys when it has focus"
        assert "hit(1)" not in footer_actions(app)
        await pilot.press("slash", *"Kerry", "enter")
        await pilot.pause()
        assert "hit(1)" in footer_actions(app), "n shows once there are hits"


async def test_full_collections_wait_for_a_pause_in_the_keys(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gc.get_threshold()
    now = [100.0]
    app = make_app()
    app.collector = IdleCollector(lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_threshold() == (before[0], before[1], before[2] * PATIENCE)
        monkeypatch.setattr(gc, "get_count", lambda: (0, 0, before[2]))  # one is due
        await pilot.press("j")
        assert not app.collector.tick(), "a key was just pressed"
        now[0] += IDLE
        assert app.collector.tick()
        await pilot.click(Reader)
        assert not app.collector.tick(), "and a click"
    assert gc.get_threshold() == before, "Python's own thresholds once the app is gone"


async def test_a_start_collects_again_once_the_first_frame_is_shown(
    make_app: AppFactory,
) -> None:
    app = make_app()
    enabled = gc.isenabled()
    hold_until_shown()  # as `dossier` does before it imports the app
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


async def test_a_screens_styles_are_read_when_it_is_first_shown(make_app: AppFactory) -> None:
    app = make_app()

    def read(name: str) -> bool:
        return any(path.endswith(f"/{name}") for path, _ in app.stylesheet.source)

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert read("reader.tcss") and not read("compare.tcss")
        await pilot.press("C")  # pick two meetings to compare
        await pilot.pause()
        assert read("compare.tcss")
        body = app.screen.query_one("#picker-body")
        assert body.styles.border_top[0] == "round", "and its rules apply"
        assert body.region.width == 80


async def test_the_main_screen_is_the_first_with_the_configured_theme(
    make_app: AppFactory,
) -> None:
    app = make_app(config_text="theme: nord\n")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen_stack == [app.main_screen]
        assert app.theme == "nord"
    app = make_app(config_text="theme: no-such-theme\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        messages = [str(notification.message) for notification in app.toasts]
        assert any("Unknown theme 'no-such-theme'" in message for message in messages)


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_lists_every_binding(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        for description in (
            "Next question",
            "Find",
            "Next hit",
            "Copy",
            "Reverse order",
            "Switch pane",
            "Quit",
            "Help",
        ):
            assert description in text
        assert "Move cursor left" not in text, "an Input's own keys are not dossier's"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_remapped_key_from_config(make_app: AppFactory) -> None:
    config = "keys:\n  next_question: x\n  no_such_action: z\n"
    app = make_app(config_text=config)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("tab", "x")
        reader = app.screen.query_one(Reader)
        assert reader.paragraph == question_starts(reader)[0]
        await pilot.press("right_curly_bracket")
        assert reader.paragraph == question_starts(reader)[0], "the old key is gone"
        messages = [str(n.message) for n in app.toasts]
        assert any("no_such_action" in m and "config.yaml:3" in m for m in messages)

        await pilot.press("f1")
        lines = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert any(line.split() == ["x", "Next", "question"] for line in lines.splitlines())


async def test_palette_key_can_be_remapped(make_app: AppFactory) -> None:
    app = make_app(config_text="keys:\n  command_palette: ctrl+k\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("f1")
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert any(line.split() == ["^k", "Command", "palette"] for line in text.splitlines())
        await pilot.press("escape", "ctrl+k")
        assert isinstance(app.screen, CommandPalette)
        assert not app.toasts, "no warning about the key"


async def test_copy_puts_citation_on_clipboard(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("tab", "right_curly_bracket", "y")
        reader = app.screen.query_one(Reader)
        assert reader.document is not None
        text = reader.document.paragraphs[reader.paragraph].text
        assert text in app.clipboard
        assert OLDEST in app.clipboard
        messages = [str(n.message) for n in app.toasts]
        assert f"Copied paragraph {reader.paragraph}" in messages


def header_rows(app: App[None]) -> list[str]:
    """The reader's lines above the rule under a document's header."""
    view = app.query_one(Reader).view
    rows = [view.render_line(y).text.strip() for y in range(view.size.height)]
    return rows[: next(n for n, row in enumerate(rows) if row.startswith("▁"))]


@pytest.mark.parametrize(("size", "folded"), [((80, 24), True), ((160, 48), False)])
async def test_a_short_terminal_folds_the_header_and_i_unfolds_it(
    make_app: AppFactory, size: tuple[int, int], folded: bool
) -> None:
    """At 80x24 the header takes two lines (and its padding), the text the rest; `i`
    shows it in full, and again folds it."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = [row for row in header_rows(app) if row]
        if folded:
            assert len(rows) == 2 and rows[0].endswith("…")
            assert rows[1].startswith("2016-07-12 · Baku · Speakers: Sergey Lavrov")
        else:
            assert "Speakers: Sergey Lavrov" in rows and len(rows) >= 3
        await pilot.press("tab", "i")
        await pilot.pause()
        toggled = [row for row in header_rows(app) if row]
        assert (len(toggled) > 2) is folded
        await pilot.press("i")
        await pilot.pause()
        assert [row for row in header_rows(app) if row] == rows


async def test_the_cursor_on_the_first_row_is_reversed_like_any_other(
    make_app: AppFactory,
) -> None:
    """At start and after `g` the first meeting's rows are drawn reversed, as every
    other row under the cursor. (Read through `tmux capture-pane -e` they looked only
    bold: capture-pane writes each line's attributes as changes from the end of the
    line above, whose scrollbar is reversed already.)"""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar = app.main_screen.query_one(Sidebar)

        def reversed_rows() -> list[int]:
            return [
                y
                for y in range(8)
                if all(
                    segment.style and segment.style.reverse for segment in sidebar.render_line(y)
                )
            ]

        assert reversed_rows() == [1, 2]
        await pilot.press("j")
        assert reversed_rows() == [4, 5]
        await pilot.press("g")
        assert reversed_rows() == [1, 2]


async def test_command_palette_lists_actions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "ctrl+p", *"next question")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.paragraph == question_starts(reader)[0]


async def test_the_palette_names_keys_and_places_not_action_names(make_app: AppFactory) -> None:
    """Each entry's second line says where the action belongs and its key, never the
    internal action (`study('timeline')`, `switch_pane`)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        lines = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert any("Topics over time (L)" in line and "General · key L" in line for line in lines)
        assert not any("study(" in line or "switch_pane" in line for line in lines)


INJECTION = (
    "Talks about [bold]x[/bold] and [/], Moscow, March 6, 2017\n\n"
    "Question: Is [@click=app.quit] dangerous? [bold]x[/bold] and [/] and [link=x]y[/link]\n\n"
    "Sergey Lavrov: Clear the screen \x1b[2J please [$5] [[ [/\n"
)


async def test_markup_in_documents_is_shown_literally(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "inject.txt").write_text(INJECTION, encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "j", "enter", "y", "slash", *"[/]", "enter", "n")
        # Clicking on the text must not follow the [@click=...] in it.
        for y in range(2, 20):
            await pilot.click(offset=(50, y))
        await pilot.pause()
        assert app.is_running
        reader = app.screen.query_one(Reader)
        shown = "\n".join(
            line for index in range(reader.view.paragraph_count) for line in text_lines(app, index)
        )
        assert "[@click=app.quit]" in shown
        assert "[bold]x[/bold]" in shown
        assert "[/]" in shown
        assert "\x1b" not in shown
        assert len(reader.hits) == 1, "a query is literal text too"
        sidebar_lines = [app.screen.query_one(Sidebar).render_line(y).text for y in range(4)]
        assert any("[bold]x[/bold]" in line for line in sidebar_lines)


async def test_the_cursor_is_brighter_while_the_reader_has_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:

        def cursor_bar() -> object:
            # The cursor is the bar in the margin; the text keeps its background.
            view = reader_view(app)
            line = view.lines(view.paragraph_block(view.page.cursor))[0]  # type: ignore[union-attr]
            return next(s.style.color for s in line if "█" in s.text and s.style)

        away = cursor_bar()
        for keys, reading in ((["tab"], True), (["slash"], True), (["escape"], True)):
            await pilot.press(*keys)
            await pilot.pause()
            assert (cursor_bar() != away) is reading, keys
        await pilot.press("tab")  # the sidebar has the keys again
        await pilot.pause()
        assert cursor_bar() == away


async def test_a_date_that_is_no_meetings_is_marked_in_the_list(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2021-05-03-briefing.txt").write_text(
        "Press Briefing, May 3, 2021\n\nMS. PSAKI: Good afternoon.\n", encoding="utf-8"
    )
    (corpus / "interview.md").write_text(
        "---\ntitle: An interview\npublished: 2020-04-20\n---\n\nQ: Why?\n\nA: Because.\n",
        encoding="utf-8",
    )
    app = make_app(corpus=corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(Sidebar)
        lines = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
        assert any("2021-05-03 " in line and "?" not in line for line in lines), lines
        assert any("2020-04-20?" in line for line in lines), lines
