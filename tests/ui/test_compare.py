"""The compare view driven with real keys: opened from the sidebar and the palette,
pair to pair, synced scrolling, swapping sides, stacked below 100 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import SEEDS
from tests.ui.conftest import SIZES, AppFactory
from tests.ui.test_main import burst
from tests.ui.test_search import wait_until
from tui.corpus.compare import Side
from tui.screens.compare import ALIGN_IN_LINE, ComparePicker, CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.compare import ADDED_STYLE, REMOVED_STYLE, ComparePane, FittedLine
from tui.widgets.sidebar import Sidebar

D000, D001, D004 = "000_0f3248e6ed0e14b7", "001_1233152ec4a1af33", "004_d48fa1d5f48169a7"


async def aligned(pilot: Pilot[None]) -> CompareScreen:
    """The compare screen once its alignment (a thread worker) is in and drawn."""
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, CompareScreen) and screen.alignment is not None:
            await pilot.pause()
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    pytest.fail(f"no alignment on screen: {pilot.app.screen}")


async def open_000_vs_004(pilot: Pilot[None]) -> CompareScreen:
    """In the sidebar (004 first): down to 000, mark it, back up to 004, compare."""
    await pilot.press("j", "c", "k", "c")
    return await aligned(pilot)


def text_of(widget: Static) -> str:
    return str(widget.render())


def status(screen: CompareScreen) -> str:
    return screen.query_one("#compare-status", FittedLine).text


def markers(pane: ComparePane) -> dict[int, str]:
    """The marker lines the pane draws, by the turn they are above, as text."""
    view = pane.view
    assert view.page is not None
    return {
        turn: " ".join(strip.text.strip() for strip in view.lines(view.page.blocks[number]))
        for turn, number in view.page.of_marker.items()
    }


def marked_with(pane: ComparePane, name: str) -> list[int]:
    """The turns whose markers are drawn in the component style `name`."""
    page = pane.view.page
    assert page is not None
    return [
        turn
        for turn, number in page.of_marker.items()
        if (marker := page.blocks[number].marker) is not None and name in marker.names
    ]


def current_markers(pane: ComparePane) -> list[int]:
    return marked_with(pane, "document--marker-current")


def set_apart(pane: ComparePane) -> set[int]:
    """The paragraphs drawn as the focused pair's: a solid bar in the margin."""
    view = pane.view
    return {
        index for index in range(view.paragraph_count) if paragraph_lines(pane, index)[0][1] == "█"
    }


def paragraph_lines(pane: ComparePane, index: int) -> list[str]:
    block = pane.view.paragraph_block(index)
    return [strip.text for strip in pane.view.lines(block)[: block.notes_from]]


def at_top(pane: ComparePane, turn: int) -> bool:
    """Whether the pane is scrolled so that the marker above `turn` is its first line
    (or as far as it goes)."""
    view = pane.view
    top = view.marker_top(turn)
    assert top is not None
    return view.scroll_y == min(top, view.max_scroll_y)


@pytest.mark.parametrize("size", SIZES)
async def test_mark_in_sidebar_then_compare(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "c")
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.marked == D000
        rows = [sidebar.render_line(y).text for y in range(sidebar.size.height)]
        assert any(row.startswith("⇄2017-03-06") for row in rows), rows
        assert any("press c again" in str(n.message) for n in app.toasts)

        await pilot.press("k", "c")
        screen = await aligned(pilot)
        assert screen.documents[0].id == D000
        assert screen.documents[1].id == D004
        assert screen.pane(Side.LEFT).has_focus
        assert sidebar.marked is None, "the mark is used up"
        summary = text_of(screen.query_one("#compare-summary", Static))
        assert "Speakers: Sergey Lavrov (both)" in summary
        assert "Only left: Transport corridors 1" in summary
        assert "Only right: none" in summary
        assert "Both: Nagorno-Karabakh 5|6," in summary
        # Where the headers fold, the panes' titles say each side's date and place, and
        # the topics both share are cut to two lines.
        short = size[1] < 30
        sides = "Left 2017-03-06 · Moscow" in summary and "Right 2016-07-12 · Baku" in summary
        assert sides is not short
        assert summary.endswith("more") is short
        assert "3 pairs: ] for the first" in status(screen)


async def test_news_of_the_screen_left_goes_with_it(make_app: AppFactory) -> None:
    """ "Marked … for comparison" is about the sidebar: it does not sit over the compare
    view; a warning raised before stays."""
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        app.notify("the notes file is read-only", severity="warning")
        await pilot.press("j", "c")
        assert any(m.startswith("Marked") for m in shown_messages(app))
        await pilot.press("k", "c")
        await aligned(pilot)
        assert not any(m.startswith("Marked") for m in shown_messages(app))
        assert "the notes file is read-only" in shown_messages(app)


def shown_messages(app: App[None]) -> list[str]:
    return [str(notification.message) for notification in app.toasts]


async def test_c_twice_on_one_meeting_unmarks_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "c")
        assert app.screen.query_one(Sidebar).marked is None
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_pairs_one_after_another_scroll_both_panes(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_000_vs_004(pilot)
        left, right = screen.pane(Side.LEFT), screen.pane(Side.RIGHT)
        expected = [(0, 0), (1, 1), (3, 5)]
        for number, (left_unit, right_unit) in enumerate(expected, 1):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert (current_markers(left), current_markers(right)) == ([left_unit], [right_unit])
            assert at_top(left, left_unit) and at_top(right, right_unit)
            assert f"Pair {number} of 3" in markers(left)[left_unit]
            assert f"Pair {number} of 3" in status(screen)
            # The pair's paragraphs are set apart in both panes, and only those.
            for pane in (left, right):
                assert pane.focused is not None
                assert set_apart(pane) == {p.index for p in pane.focused.paragraphs}
        assert "84% match · Nagorno-Karabakh" in markers(left)[3]
        assert right.view.scroll_y > 0 and left.view.scroll_y > 0

        await pilot.press("right_square_bracket")
        assert screen.pair == 2
        assert any("No more pairs" in str(n.message) for n in app.toasts)

        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert current_markers(left) == [1]
        assert at_top(left, 1)


async def test_unpaired_turns_say_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        for side, index in ((Side.LEFT, 5), (Side.RIGHT, 3)):
            pane = screen.pane(side)
            assert marked_with(pane, "document--marker-none") == [index]
            assert "no counterpart" in markers(pane)[index]
        assert "unpaired: 1 left, 1 right" in status(screen)


async def test_next_pair_follows_the_focused_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        # 000 (left) against 001 (right): 000's questions 1 and 3 pair with 001's 3 and 1.
        await pilot.press("j", "c", "j", "j", "c")
        screen = await aligned(pilot)
        assert [d.id for d in screen.documents] == [D000, D001]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert current_markers(screen.pane(Side.LEFT)) == [1]
        await pilot.press("tab")
        assert screen.pane(Side.RIGHT).has_focus
        # Before 001's question 3 in 001's own order comes its question 1 (000's 3).
        await pilot.press("left_square_bracket")
        assert current_markers(screen.pane(Side.RIGHT)) == [1]
        assert current_markers(screen.pane(Side.LEFT)) == [3]
        # In 000's order, before its question 3 comes its question 1.
        await pilot.press("tab", "left_square_bracket")
        assert current_markers(screen.pane(Side.LEFT)) == [1]


async def test_synced_scrolling_toggles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        left, right = screen.pane(Side.LEFT).view, screen.pane(Side.RIGHT).view
        assert screen.sync and "sync on" in status(screen)
        await pilot.press("j", "j", "j")
        assert left.scroll_y == right.scroll_y == 3

        await pilot.press("l")
        assert not screen.sync and "sync off" in status(screen)
        await pilot.press("j", "j")
        assert (left.scroll_y, right.scroll_y) == (5, 3)

        await pilot.press("tab", "k")
        assert (left.scroll_y, right.scroll_y) == (5, 2)

        await pilot.press("l", "k", "k")
        assert screen.sync
        assert (left.scroll_y, right.scroll_y) == (3, 0)


async def test_keys_after_tab_in_one_burst_go_to_the_other_pane(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        left, right = screen.pane(Side.LEFT).view, screen.pane(Side.RIGHT).view
        await pilot.press("l")  # sync off: each pane moves on its own keys
        await burst(pilot, "tab", "j", "j")
        assert screen.pane(Side.RIGHT).has_focus
        assert (left.scroll_y, right.scroll_y) == (0, 2)


async def test_swap_sides_keeps_places_and_pair(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "j")
        before = {pane.document.id: pane.view.scroll_y for pane in screen.query(ComparePane)}

        await pilot.press("x")
        await pilot.pause()
        assert [d.id for d in screen.documents] == [D004, D000]
        left, right = screen.pane(Side.LEFT), screen.pane(Side.RIGHT)
        assert (left.document.id, right.document.id) == (D004, D000)
        assert left.region.x < right.region.x, "the 2016 meeting is on the left now"
        assert {
            pane.document.id: pane.view.scroll_y for pane in screen.query(ComparePane)
        } == before
        assert current_markers(left) == [1]
        summary = text_of(screen.query_one("#compare-summary", Static))
        assert summary.startswith("Left 2016-07-12 · Baku")
        assert "Only left: none · Only right: Transport corridors 1" in summary
        assert "LEFT" in text_of(left.query_one(".compare-title", Static))

        await pilot.press("x")
        await pilot.pause()
        assert [d.id for d in screen.documents] == [D000, D004]


@pytest.mark.parametrize("size", SIZES)
async def test_the_rule_stays_between_the_panes_after_a_swap(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    """The rule is drawn on whichever pane is first on screen: after `x` (and `x` again)
    it is still between them, not at the right edge or below the lower pane."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_000_vs_004(pilot)
        edge, rule = (
            ("border_right", "vkey") if screen.has_class("-wide") else ("border_bottom", "hkey")
        )
        for _ in range(3):
            first, second = screen.query(ComparePane)
            assert (getattr(first.styles, edge)[0], getattr(second.styles, edge)[0]) == (rule, "")
            await pilot.press("x")
            await pilot.pause()


@pytest.mark.parametrize("width", [80, 60])
async def test_the_bars_fit_a_narrow_terminal_whole(make_app: AppFactory, width: int) -> None:
    """The summary keeps what differs (only left, only right) and says how many topics it
    left out; the status line gives up whole parts, never half a legend."""
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        summary = screen.query_one("#compare-summary", Static)
        lines = text_of(summary).splitlines()
        assert summary.size.height == len(lines) <= 2
        assert all(len(line) <= width - 2 for line in lines)
        assert lines[0].startswith("Only left: Transport corridors 1 ·")
        assert "Only right: none ·" in " ".join(lines)
        assert lines[-1].endswith("more")
        shown = status(screen)
        assert shown.startswith("Pair 1 of 3 · ") and len(shown) <= width - 2
        assert shown.count("(") == shown.count(")")


async def test_escape_goes_back_to_the_main_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_000_vs_004(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_palette_opens_a_picker_for_two_meetings(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"compare two")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ComparePicker)
        prompt = app.screen.query_one("#picker-prompt", Static)
        assert "first meeting" in text_of(prompt)
        # The first meeting in the list (004); it is then disabled, the next one lit.
        await pilot.press("enter")
        assert "Left: 2016-07-12 Baku. Now pick the meeting for the right side" in text_of(prompt)
        await pilot.press("enter")
        screen = await aligned(pilot)
        assert [d.id for d in screen.documents] == [D004, D000]


async def test_picker_escape_cancels(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("C")
        assert isinstance(app.screen, ComparePicker)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize(("width", "stacked"), [(80, True), (99, True), (100, False), (160, False)])
async def test_stacked_below_100_columns(make_app: AppFactory, width: int, stacked: bool) -> None:
    app = make_app()
    async with app.run_test(size=(width, 40)) as pilot:
        screen = await open_000_vs_004(pilot)
        left, right = screen.pane(Side.LEFT).region, screen.pane(Side.RIGHT).region
        if stacked:
            assert left.x == right.x and left.bottom <= right.y
        else:
            assert left.y == right.y and left.right <= right.x
        assert screen.has_class("-narrow" if stacked else "-wide")


async def test_help_lists_the_compare_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await open_000_vs_004(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(text_of(s) for s in app.screen.query(".help-keys").results(Static))
        for line in ("]", "Next pair", "Prev pair", "Swap sides", "Sync scroll", "Back"):
            assert line in shown


async def test_compare_keys_can_be_remapped(make_app: AppFactory) -> None:
    app = make_app(config_text="keys:\n  next_pair: n\n  toggle_sync: S\n")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_000_vs_004(pilot)
        assert not any("unknown action" in str(n.message) for n in app.toasts)
        await pilot.press("n")
        assert screen.pair == 0
        await pilot.press("S")
        assert not screen.sync


REWORDED = (
    "We hope that the Convention on the Legal Status of the Caspian Sea will receive final "
    "approval at the summit.",
    "We expect that the Convention on the Legal Status of the Caspian Sea will be approved "
    "at the summit.",
)


async def test_close_paragraphs_show_their_word_differences(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """004 against a re-issue of itself, one sentence reworded: the changed words are
    struck on the left and bold on the right."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = (SEEDS / f"{D004}.txt").read_text(encoding="utf-8")
    assert REWORDED[0] in original
    (corpus / f"{D004}.txt").write_text(original, encoding="utf-8")
    reissue = original.replace(REWORDED[0], REWORDED[1]).replace("July 12, 2016", "July 12, 2018")
    (corpus / "reissue.txt").write_text(reissue, encoding="utf-8")
    app = make_app(corpus=corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("c", "j", "c")
        screen = await aligned(pilot)
        # Before any pair is focused, a close paragraph has a dashed bar in its margin.
        left = screen.pane(Side.LEFT)
        assert left.view.page is not None
        close = sorted(left.view.page.layer.dashed)
        assert close and all(paragraph_lines(left, i)[0][1] == "╏" for i in close)
        await pilot.press("right_square_bracket")
        assert "¶ the same: 8 · ¶ reworded: 1 · struck left only, bold right only" in status(screen)
        for side, style, words in (
            (Side.LEFT, Style.parse(REMOVED_STYLE), ["hope", "receive final approval"]),
            (Side.RIGHT, Style.parse(ADDED_STYLE), ["expect", "be approved"]),
        ):
            pane = screen.pane(side)
            page = pane.view.page
            assert page is not None
            # Close paragraphs have a dashed bar (the focused pair's a solid one).
            (index,) = [
                i
                for i in page.layer.dashed
                if "Caspian Sea will" in page.document.paragraphs[i].text
            ]
            assert styled_words(pane, index, style) == words


@pytest.mark.parametrize(("size", "folded"), [((80, 24), True), ((160, 48), False)])
async def test_headers_fold_on_a_short_terminal_as_in_the_reader(
    make_app: AppFactory, size: tuple[int, int], folded: bool
) -> None:
    """Below 30 rows each pane's header is the title and one line of facts, so the text
    has the rows; `i` shows it in full, or folds it, in both panes."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_000_vs_004(pilot)
        panes = [screen.pane(side) for side in Side]

        def header_lines(pane: ComparePane) -> list[str]:
            assert pane.view.page is not None
            return [strip.text.strip() for strip in pane.view.lines(pane.view.page.blocks[0])]

        for pane in panes:
            assert pane.view.header_folded is folded
            assert (len(header_lines(pane)) == 4) is folded  # two lines, padding, rule
        assert any(line.startswith("2017-03-06 · Moscow") for line in header_lines(panes[0]))
        await pilot.press("i")
        for pane in panes:
            assert pane.view.header_folded is not folded
            assert (len(header_lines(pane)) > 4) is folded


async def test_markup_in_documents_is_shown_as_text(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    evil = "Remarks on [bold]trade[/bold] and [@click=app.quit]quitting[/], Baku, May 1, 2019"
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(
            f"{evil}\n\nQuestion: What about [link=x]trade[/link] and the [$5] economy?\n\n"
            "Sergey Lavrov: Trade grew [[ by a third.\n",
            encoding="utf-8",
        )
    app = make_app(corpus=corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("C")
        options = app.screen.query_one("#picker-list")
        assert "[bold]trade[/bold]" in str(options.render_line(0).text)
        await pilot.press("enter", "j", "enter")
        screen = await aligned(pilot)
        await pilot.press("right_square_bracket")
        assert app.is_running
        pane = screen.pane(Side.LEFT)
        shown = " ".join(
            line[2:].strip()
            for index in range(pane.view.paragraph_count)
            for line in paragraph_lines(pane, index)
        )
        assert "What about [link=x]trade[/link] and the [$5] economy?" in shown


async def test_too_small_terminal_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_000_vs_004(pilot)
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert screen.has_class("-too-small")
        assert "Terminal too small (30x8)" in text_of(screen.query_one("#too-small", Static))
        assert not screen.query_one("#compare-panes").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.has_class("-too-small")


async def test_large_documents_are_aligned_in_the_background(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Past ALIGN_IN_LINE paragraphs the panes come first and the pairs follow from a
    thread worker; the keys work once they are in."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = [
        (SEEDS / name).read_text(encoding="utf-8")
        for name in sorted(p.name for p in SEEDS.iterdir())
    ]
    exchanges = []
    for text in seeds:
        paragraphs = [p for p in text.split("\n\n") if len(p.split()) > 12]
        exchanges += [f"Question: {p}" if n % 3 == 0 else p for n, p in enumerate(paragraphs)]
    for name, date, part in (
        ("early", "May 1, 2019", exchanges[::2]),
        ("late", "May 1, 2021", exchanges[1::2]),
    ):
        body = "\n\n".join(part)
        (corpus / f"{name}.txt").write_text(
            f"Remarks and answers to media questions, Baku, {date}\n\nSergey Lavrov: {body}\n",
            encoding="utf-8",
        )
    app = make_app(corpus=corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("c", "j", "c")
        screen = await aligned(pilot)
        assert sum(len(d.paragraphs) for d in screen.documents) > ALIGN_IN_LINE
        assert screen.alignment is not None and screen.alignment.pairs
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "Pair 1 of" in status(screen)
        assert len(current_markers(screen.pane(Side.LEFT))) == 1


def styled_words(pane: ComparePane, index: int, style: Style) -> list[str]:
    """The runs of paragraph `index` drawn with every attribute of `style`, joined
    across the ends of lines."""
    block = pane.view.paragraph_block(index)
    runs: list[str] = []
    run: list[str] = []
    for strip in pane.view.lines(block)[: block.notes_from]:
        for segment in strip.crop(3):  # past the margin, the bar and its space
            drawn = segment.style or Style()
            if (drawn + style) == drawn and segment.text.strip():
                run.append(segment.text)
            elif segment.text.strip() or not run:
                if run:
                    runs.append(" ".join(" ".join(run).split()))
                run = []
    if run:
        runs.append(" ".join(" ".join(run).split()))
    return runs


async def test_a_pairing_that_fails_in_the_background_is_reported(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The thread that pairs large meetings answers with one message: its error is told
    in a toast and the status line, and the panes stay readable."""
    import tui.screens.compare as compare_screen

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("out of pairs")

    monkeypatch.setattr(compare_screen, "ALIGN_IN_LINE", 0)  # every pair in the background
    monkeypatch.setattr(compare_screen, "align", broken)
    app = make_app()
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await pilot.press("j", "c", "k", "c")
        await wait_until(pilot, lambda: bool(app.toasts), "a notification")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        said = [str(n.message) for n in app.toasts]
        assert any("could not compare the two meetings: out of pairs" in m for m in said), said
        assert "could not compare" in status(screen)
        assert screen.alignment is None and app.is_running
