"""The search screen driven with real keys: type, choose, open, step through hits, return."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.ui.conftest import OLDEST, SIZES, AppFactory, hold_back
from tests.ui.test_main import INJECTION, burst, status
from tui.corpus.syntax import QUERY_HELP
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.widgets import results as results_module
from tui.widgets.reader import Reader
from tui.widgets.results import BATCH, MATCH_STYLE, ResultsList


async def wait_until(pilot: Pilot[None], ready: Callable[[], bool], what: str) -> None:
    """Let the app run until `ready()`: the index and the searches run in threads."""
    for _ in range(100):
        if ready():
            return
        await pilot.pause(0.05)
    pytest.fail(f"never: {what}")


def search_screen(app: App[None]) -> SearchScreen:
    assert isinstance(app.screen, SearchScreen), f"on {type(app.screen).__name__}"
    return app.screen


async def search(pilot: Pilot[None], text: str) -> SearchScreen:
    """Press `s`, type `text` a key at a time, wait for its answer."""
    await pilot.press("s", *text)
    screen = search_screen(pilot.app)
    await wait_until(
        pilot,
        lambda: screen.answer is not None and screen.answered == text,
        f"an answer to {text!r}",
    )
    await pilot.pause()
    return screen


def shown(widget: Static) -> str:
    return str(widget.render())


@pytest.mark.parametrize("size", SIZES)
async def test_misspelt_name_found_opened_and_back(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await search(pilot, "Mamadyarov")
        answer = screen.answer
        assert answer is not None and answer.results, "the misspelling finds Mammadyarov"
        results = screen.query_one(ResultsList)
        prompt = results.get_option_at_index(0).prompt
        highlighted = [
            prompt.plain[span.start : span.end]
            for span in prompt.spans  # type: ignore[union-attr]
            if str(span.style) == MATCH_STYLE
        ]
        assert "Mammadyarov" in highlighted, highlighted
        assert "paragraphs ·" in shown(screen.query_one("#search-status", Static))
        assert " ms" in shown(screen.query_one("#search-status", Static))

        await pilot.press("down", "down", "up")
        assert results.highlighted == 1
        chosen = answer.results[1]
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen), "the reader")
        reader = app.screen.query_one(Reader)
        await wait_until(
            pilot,
            lambda: reader.document is not None and reader.document.id == chosen.entry.document.id,
            "the chosen document",
        )
        assert reader.has_focus
        assert reader.paragraph == chosen.entry.paragraph
        hits = reader.hits
        assert len(hits) >= 2, "every hit of the query in the document"
        assert reader.hits[reader.hit].paragraph == chosen.entry.paragraph
        text = reader.document.paragraphs[chosen.entry.paragraph].text
        current = reader.hits[reader.hit]
        assert text[current.start : current.end] == "Mammadyarov"
        assert f"hit {reader.hit + 1}/{len(hits)}" in status(app)

        before = reader.hit
        await pilot.press("n")
        assert reader.hit == (before + 1) % len(hits)
        assert reader.paragraph == hits[reader.hit].paragraph
        assert f"hit {reader.hit + 1}/{len(hits)}" in status(app)
        await pilot.press("N")
        assert reader.hit == before

        await pilot.press("escape")
        screen = search_screen(app)
        assert screen.query_text == "Mamadyarov"
        assert screen.query_one(ResultsList).highlighted == 1, "the chosen result still chosen"
        assert screen.answer is answer, "the results kept, not searched again"
        assert isinstance(screen.focused, Input)

        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("s")
        assert search_screen(app).query_text == "Mamadyarov"


async def test_open_from_the_list_with_j_and_k(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search(pilot, "Kerry")
        await pilot.press("tab")
        results = screen.query_one(ResultsList)
        assert results.has_focus
        await pilot.press("j", "j", "k")
        assert results.highlighted == 1
        await pilot.press("s")
        assert isinstance(screen.focused, Input), "s goes back to the query"
        await pilot.press("ctrl+n")
        assert results.highlighted == 2
        assert screen.answer is not None
        chosen = screen.answer.results[2]
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen), "the reader")
        reader = app.screen.query_one(Reader)
        await pilot.pause()
        assert reader.document is not None
        assert (reader.document.id, reader.paragraph) == (
            chosen.entry.document.id,
            chosen.entry.paragraph,
        )


@pytest.mark.parametrize("size", SIZES)
async def test_unknown_filter_is_a_hint_not_an_error(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await search(pilot, "foo:bar Kerry")
        hints = screen.query_one("#search-hints", Static)
        assert hints.display
        assert "unknown filter foo:" in shown(hints)
        assert screen.query_text == "foo:bar Kerry", "the query is kept as typed"
        assert screen.answer is not None
        snippets = [result.snippet for result in screen.answer.results]
        assert snippets and all("Kerry" in snippet for snippet in snippets)
        assert len(screen.query_one(ResultsList).options) == len(snippets)


async def test_markup_in_a_query_and_results_is_literal(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "inject.txt").write_text(INJECTION, encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search(pilot, "[bold] [@click=app.quit]")
        query = screen.query_one(Input)
        line = "".join(strip.text for strip in query.render_lines(query.region.reset_offset))
        assert "[bold] [@click=app.quit]" in line
        results = screen.query_one(ResultsList)
        assert results.option_count
        prompts = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert any("[bold]x[/bold]" in prompt for prompt in prompts), prompts
        for y in range(5, 20):
            await pilot.click(offset=(30, y))
        assert app.is_running


async def test_empty_query_clears_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search(pilot, "Kerry")
        assert screen.query_one(ResultsList).option_count
        await pilot.press(*["backspace"] * 5)
        await wait_until(pilot, lambda: screen.answer is None, "the results to go")
        assert screen.query_one(ResultsList).option_count == 0
        assert "Type to search" in shown(screen.query_one("#search-status", Static))
        await pilot.press("enter")
        assert isinstance(app.screen, SearchScreen), "Enter with nothing to open stays"


async def test_search_typed_in_one_burst(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await burst(pilot, "s", *"jkGO")
        screen = search_screen(app)
        assert screen.query_text == "jkGO", "every key after s reached the query"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        reader = app.screen.query_one(Reader)
        assert reader.document is not None and reader.document.id == OLDEST, "no key moved on"


async def test_s_is_a_letter_in_the_find_bar(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "slash", *"sessions")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(Reader).query_one(Input).value == "sessions"


async def test_ctrl_f_opens_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "ctrl+f", *"Lavrov")
        assert search_screen(app).query_text == "Lavrov"


async def test_help_lists_search_keys_and_query_language(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "f1")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(shown(static) for static in app.screen.query(Static))
        for description in ("Open", "Next result", "Prev result", "Close search", "Help"):
            assert description in text
        for clause in QUERY_HELP.split(" · "):
            assert clause in text
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


async def test_main_help_and_palette_name_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        text = "\n".join(shown(static) for static in app.screen.query(Static))
        assert any(line.split() == ["s", "^f", "Search"] for line in text.splitlines()), text
        await pilot.press("escape", "ctrl+p", *"search")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_search_key_can_be_remapped(make_app: AppFactory) -> None:
    app = make_app(config_text="keys:\n  search: ctrl+k\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, SearchScreen)
        assert not app.toasts, "no warning about the key"


async def test_failing_search_is_reported_and_the_app_runs(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        screen = search_screen(app)
        await wait_until(pilot, lambda: screen.index is not None, "the index")
        assert screen.index is not None

        def broken(text: str, limit: int = 50, *, count: bool = True) -> None:
            raise RuntimeError("disk on fire")

        screen.index.search = broken  # type: ignore[assignment,method-assign]
        await pilot.press(*"Kerry")
        await wait_until(pilot, lambda: bool(app.toasts), "a notification")
        assert any("disk on fire" in str(n.message) for n in app.toasts)
        assert app.is_running
        assert screen.query_text == "Kerry"


@pytest.mark.parametrize("size", SIZES)
async def test_a_result_gives_its_title_the_width_there_is(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    """At 80 columns a title gets about 30 cells; at 160 the rest of the line."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await search(pilot, "Mamadyarov")
        results = screen.query_one(ResultsList)
        first_line = results.get_option_at_index(0).prompt.plain.splitlines()[0]
        padding = results.get_component_styles("option-list--option").padding
        width = results.scrollable_content_region.width - padding.width
        assert len(first_line) <= width
        assert len(first_line) > width - 10, "the line is used to its end"


async def test_many_results_are_listed_a_batch_at_a_time(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search(pilot, "the")
        assert screen.answer is not None
        answer = screen.answer.results
        assert len(answer) > 2 * BATCH, "enough results for three batches"
        results = screen.query_one(ResultsList)
        await wait_until(pilot, lambda: results.option_count == len(answer), "all listed")

        results.show_results(answer)
        assert results.option_count == BATCH, "the first batch at once, the rest later"
        results.move_highlight(BATCH + 3)
        assert results.highlighted == BATCH + 3, "a result not listed yet can be chosen"
        assert results.highlighted_result is answer[BATCH + 3]
        await wait_until(pilot, lambda: results.option_count == len(answer), "all listed")
        prompts = [str(results.get_option_at_index(n).prompt) for n in range(len(answer))]
        assert all(
            result.entry.document.short_title[:10] in prompt
            for result, prompt in zip(answer, prompts, strict=True)
        )

        monkeypatch.setattr(results_module, "MORE_AFTER", 60.0)  # only moves list more
        results.show_results(answer)
        results.focus()
        await pilot.press("end")
        assert results.option_count > BATCH, "the end of the list brings more"


async def test_the_index_is_built_when_the_first_frame_is_put_off(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index waits for the first frame; a screen opened over the main one at once
    (the search, before the main screen is drawn) must not keep it waiting."""
    app = make_app()
    # The first frame's refresh never comes, as under a screen pushed at once.
    monkeypatch.setattr(app, "call_after_refresh", lambda *args, **kwargs: True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = search_screen(app)
        await wait_until(pilot, lambda: screen.index is not None, "the index")


async def test_an_index_that_searches_but_cannot_be_kept_is_no_failure(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keeping the index on disk for the next start fails: it is built in memory, a
    warning says so, and the search goes on working."""
    from tui.corpus import search

    opened = search._opened

    def broken(folder: Path | None, *arguments: object, **options: bool) -> object:
        if folder is not None:
            raise OSError("cache full")
        return opened(folder, *arguments, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "_opened", broken)
    app = make_app(load=True)  # through the cache, as `dossier` starts
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        screen = search_screen(app)
        await wait_until(pilot, lambda: bool(app.toasts), "a notification")
        said = [str(n.message) for n in app.toasts]
        assert any("could not be kept for the next start: cache full" in m for m in said), said
        assert not any("could not build" in m for m in said), said
        assert screen.index is not None and screen.failure is None
        await pilot.press(*"Kerry")
        await wait_until(pilot, lambda: screen.query_text == "Kerry", "the search")


async def test_a_phrase_lists_its_first_results_then_says_how_many(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phrase alone is answered without its count where the earliest meetings hold
    enough results (here 3 are listed); the count comes after, and the status line
    says it, `counting` until then."""
    from tui.corpus.search import SearchIndex
    from tui.screens import search as search_module

    monkeypatch.setattr(search_module, "RESULT_LIMIT", 3)

    real_count = SearchIndex.count
    counting = hold_back(monkeypatch, SearchIndex, "count")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search(pilot, '"of the"')
        answer = screen.answer
        assert answer is not None and answer.results and answer.total is None
        status_line = screen.query_one("#search-status", Static)
        assert "(counting)" in shown(status_line)
        counting.set()
        await wait_until(
            pilot, lambda: screen.answer is not None and screen.answer.total is not None, "a count"
        )
        index = screen.index
        assert index is not None and screen.answer.total == real_count(index, '"of the"')
        await pilot.pause()
        assert "counting" not in shown(status_line)
        assert f"{screen.answer.total:,} paragraphs" in shown(status_line)
