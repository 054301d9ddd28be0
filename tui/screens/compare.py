"""Compare two meetings side by side (stacked below 100 columns), pair by pair."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.compare import Alignment, Pair, Side, align
from tui.corpus.model import Document, Summary
from tui.corpus.topics import TopicMatcher
from tui.messages import PairsAligned, post_result
from tui.screens.fit import FitsTerminal
from tui.widgets.compare import (
    ADDED_STYLE,
    REMOVED_STYLE,
    ChunkFlow,
    ComparePane,
    FittedLine,
    summary_chunks,
)
from tui.widgets.footer import DossierFooter
from tui.widgets.reader import FOLD_HEADER_BELOW
from tui.widgets.sidebar import Sidebar

STACK_BELOW = 100
"""Below this many columns the two panes are stacked."""
OPTION_TITLE = 48
"""Characters of a title in the picker: one line per meeting in 80 columns."""
ALIGN_IN_LINE = 100
"""Two documents of at most this many paragraphs together are aligned before the view
is composed (under 10 ms on the seeds, less than a frame), so the first frame shows
their pairs; larger ones in a thread worker started once the panes are on screen (a
thread started before held up the first frame: each wait of the event loop gave it the
interpreter lock)."""
PREPARE_AFTER = 0.25
"""Seconds the list's cursor rests, with a meeting marked, before the hidden compare
view opens the two meetings it would compare (`follow_marks`)."""
SUMMARY_LINES = 5
"""Lines of the bar above the panes; `dossier compare` lists every topic."""
FOLDED_SUMMARY_LINES = 2
"""The same where the headers fold (a short terminal): the panes need the rest."""


class CompareScreen(FitsTerminal[None]):
    """Two documents, their pairs of exchanges marked; `]`/`[` go from pair to pair and
    scroll both panes to it."""

    STYLES = ("compare.tcss",)

    # In the footer's order: at 80 columns the last ones give way first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "pair(1)", "Next pair", id="next_pair"),
        Binding("left_square_bracket", "pair(-1)", "Prev pair", id="prev_pair", show=False),
        Binding("escape", "close", "Back", id="close_compare"),
        Binding("l", "toggle_sync", "Sync scroll", id="toggle_sync"),
        Binding("x", "swap", "Swap sides", id="swap_sides"),
        # Not in the footer, which has no room for it at 80 columns: the pane with the
        # keys has its title reversed.
        Binding("tab", "switch_pane", "Switch pane", id="switch_pane", show=False),
        # As in the reader, whose key it shares.
        Binding("i", "toggle_header", "Title in full or folded", id="toggle_header", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (declared without ClassVar in Screen)
        (0, "-narrow"),
        (STACK_BELOW, "-wide"),
    ]

    alignment: reactive[Alignment | None] = reactive(None, init=False)
    pair: reactive[int] = reactive(-1, init=False)
    """Position of the focused pair in `alignment.pairs`; -1 when nothing paired."""
    sync: reactive[bool] = reactive(True, init=False)
    """Whether scrolling one pane scrolls the other by as much."""

    def __init__(self, left: Document, right: Document, matcher: TopicMatcher) -> None:
        super().__init__()
        self.documents = (left, right)
        self.matcher = matcher
        self.failure: str | None = None
        self._header_choice: bool | None = None
        """Headers folded (True) or in full (False) as the user chose with `i`; None: by
        the terminal's height, as in the reader."""
        self._short = False
        """The headers are folded, and the summary is as short as they are."""
        self._styled: tuple[object, ...] | None = None
        """What the widgets' styles were last worked out from (`update_node_styles`)."""
        self._showing = False
        """Set from `compare` until the screen is shown."""
        self._marks: tuple[Sidebar, Callable[[str], Document | None]] | None = None
        """The list whose mark and cursor say what the next comparison will likely
        be, and where its ids are found (`follow_marks`)."""
        self._marks_from: tuple[Screen[None], Callable[[str], Document | None]] | None = None
        self._preparing: Timer | None = None

    def _align_in_line(self) -> None:
        """The alignment of small documents now; of larger ones, none yet."""
        left, right = self.documents
        small = len(left.paragraphs) + len(right.paragraphs) <= ALIGN_IN_LINE
        alignment = align(left, right, self.matcher) if small else None
        self.set_reactive(CompareScreen.alignment, alignment)

    @property
    def _asked(self) -> bool:
        """Whether the view is shown or about to be; not while it is composed hidden
        (the app composes it once a meeting is marked), when nothing is compared yet."""
        return self in self.app.screen_stack

    def compose(self) -> ComposeResult:
        left, right = self.documents
        if self._asked:
            self._align_in_line()
        yield ChunkFlow(
            self._summary(self.alignment), max_lines=SUMMARY_LINES, id="compare-summary"
        )
        with Container(id="compare-panes"):
            yield ComparePane(Side.LEFT, left, self.matcher, self.alignment)
            yield ComparePane(Side.RIGHT, right, self.matcher, self.alignment)
        yield FittedLine(id="compare-status")
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.pane(Side.LEFT).focus()
        self._fold_headers()
        self._update_status()
        if self.alignment is None and self._asked:
            self.call_after_refresh(self._align, *self.documents)

    def compare(self, left: Document, right: Document) -> None:
        """Compare two other documents in this screen, which the app makes once and
        keeps (composing and styling it anew were much of the time to show one). They
        are shown as a screen made for them would show them, nothing kept from the
        last comparison: each pane at its top, no pair focused, no word differences
        until the pairs are in, synced scrolling on, the headers folded by the
        terminal's height, the left pane with the keys, no mouse selection."""
        self.workers.cancel_group(self, "compare")
        self.documents = (left, right)
        self.failure = None
        self._header_choice = None
        self.set_reactive(CompareScreen.pair, -1)
        self.set_reactive(CompareScreen.sync, True)
        self._showing = not self._asked
        self._watch_marks()
        panes = list(self.query(ComparePane))
        if not panes:  # not composed yet: compose and mount do all of it
            return
        # Textual tells only the screens in the stack of a new size: the classes its
        # size sets, now (the screen is styled again as it is shown if they changed).
        self._set_width_class()
        self._fit(*self.app.size)
        if self.selections:
            self.clear_selection()
        self._align_in_line()
        # By position: after a swap the right pane is the first.
        for pane, side, document in zip(panes, Side, self.documents, strict=True):
            pane.load(side, document, self.alignment)
        self.query_one(ChunkFlow).set_chunks(self._summary(self.alignment))
        self.set_focus(self.pane(Side.LEFT))
        self._fold_headers()
        self._update_status()
        if self.alignment is None:
            self.call_after_refresh(self._align, left, right)

    def follow_marks(self, main: Screen[None], by_id: Callable[[str], Document | None]) -> None:
        """While this view is hidden and a meeting is marked in the list of `main`,
        open the marked one in the left pane and the one under the cursor in the right,
        once the cursor rests: `c` pressed there then compares two meetings the panes
        have measured and drawn (a third of the time to show them, at 160x48). What
        the panes show is set anew by `compare` all the same."""
        self._marks_from = (main, by_id)
        self._watch_marks()

    def _watch_marks(self) -> None:
        """Watch the list's mark and cursor, once the list is there (not yet when
        `dossier --compare` compares at start)."""
        if self._marks_from is None or self._marks is not None:
            return
        main, by_id = self._marks_from
        sidebar = next(iter(main.query(Sidebar)), None)
        if sidebar is not None:
            self._marks = (sidebar, by_id)
            self.watch(sidebar, "marked", self._marks_moved, init=False)
            self.watch(sidebar, "cursor", self._marks_moved, init=False)

    def _marks_moved(self) -> None:
        if self._preparing is not None:
            self._preparing.stop()
            self._preparing = None
        if self._marks is not None and self._marks[0].marked is not None:
            self._preparing = self.set_timer(PREPARE_AFTER, self._prepare)

    def _prepare(self) -> None:
        self._preparing = None
        panes = list(self.query(ComparePane))
        if self._marks is None or self._asked or len(panes) != 2:
            return
        sidebar, by_id = self._marks
        marked = by_id(sidebar.marked) if sidebar.marked is not None else None
        current = sidebar.current
        if marked is None:  # unmarked, or gone with a reload
            return
        if self._styled is None:
            # Never shown: styled now as it will be, which its first showing then skips
            # (and which would drop the lines the panes draw next).
            self._set_width_class()
            self._fit(*self.app.size)
            self.update_node_styles(animate=False)
        # By position, as `compare` gives them.
        panes[0].view.open(marked)
        if current is not None and current.id != marked.id:
            panes[1].view.open(by_id(current.id))

    def on_screen_suspend(self) -> None:
        self._watch_marks()

    def on_screen_resume(self) -> None:
        # Handled before Textual's own handler, which styles the screen: after it.
        self.call_next(self._styled_as_shown)

    def _styled_as_shown(self) -> None:
        self._showing = False

    def update_node_styles(self, animate: bool = True) -> None:
        """Work out the styles of the screen and its widgets again; but not as it is
        shown for another comparison if nothing they depend on changed since they were
        last worked out: the same rules (a theme or a style file read since parses
        them anew), the same pseudo-classes of the app (focus, dark) and classes of the
        screen (its size). Textual styles a screen each time it is shown: on this one
        that walks twenty component classes of each pane's view (8 ms of the 40 it
        took to show a comparison at 160x48) and drops every line the panes drew."""
        key = (self.app.stylesheet.rules, self.app.pseudo_classes, self.classes)
        styled = self._styled
        if (
            self._showing
            and not animate  # as Textual shows a screen; a class changed: animated
            and styled is not None
            and styled[0] is key[0]
            and styled[1:] == key[1:]
        ):
            self._showing = False
            return
        super().update_node_styles(animate)
        self._styled = key

    def on_resize(self) -> None:
        self._fold_headers()

    def _fold_headers(self) -> None:
        folded = self._header_choice
        if folded is None:
            folded = self.app.size.height < FOLD_HEADER_BELOW
        for pane in self.query(ComparePane):
            pane.view.fold_header(folded)
        if folded != self._short:
            self._short = folded
            summary = self.query_one("#compare-summary", ChunkFlow)
            summary.set_max_lines(FOLDED_SUMMARY_LINES if folded else SUMMARY_LINES)
            summary.set_chunks(self._summary(self.alignment))

    def _summary(self, alignment: Alignment | None) -> list[Content | None]:
        """The bar above the panes, short where the headers are folded."""
        return summary_chunks(alignment, self.documents, self.matcher, sides=not self._short)

    def action_toggle_header(self) -> None:
        self._header_choice = not self.pane(Side.LEFT).view.header_folded
        self._fold_headers()

    def pane(self, side: Side) -> ComparePane:
        """The pane on `side` (a swap moves the panes)."""
        return next(pane for pane in self.query(ComparePane) if pane.side is side)

    @property
    def _focused_side(self) -> Side:
        return Side.RIGHT if self.pane(Side.RIGHT).has_focus else Side.LEFT

    @property
    def current(self) -> Pair | None:
        if self.alignment is None or not 0 <= self.pair < len(self.alignment.pairs):
            return None
        return self.alignment.pairs[self.pair]

    # Described: by default Textual names a worker by the repr of its arguments (here,
    # two whole documents), made on this thread at each call.
    @work(
        thread=True,
        exclusive=True,
        group="compare",
        exit_on_error=False,
        description="aligning the meetings",
    )
    def _align(self, left: Document, right: Document) -> None:
        post_result(self, PairsAligned, partial(align, left, right, self.matcher))

    @on(PairsAligned)
    def _pairs_aligned(self, message: PairsAligned) -> None:
        message.stop()
        if message.stale:  # another comparison started since
            return
        result = message.value
        if message.error is not None:
            self.failure = f"could not compare the two meetings: {message.error}"
            self.notify(self.failure, severity="error", timeout=10)
            self._update_status()
        elif result is not None and {result.left.id, result.right.id} == {
            d.id for d in self.documents
        }:
            # Not that of documents compared before these (its thread ran on).
            self.alignment = result

    def watch_alignment(self, alignment: Alignment | None) -> None:
        if alignment is None:
            return
        self.documents = (alignment.left, alignment.right)
        # In the order on screen, which a swap has just changed: the first pane is the left.
        for pane, side in zip(self.query(ComparePane), Side, strict=True):
            pane.show(alignment, side)
        self.query_one(ChunkFlow).set_chunks(self._summary(alignment))
        self._focus_pair()

    def watch_pair(self) -> None:
        self._focus_pair()

    def watch_sync(self) -> None:
        self._update_status()

    def _focus_pair(self) -> None:
        pair = self.current
        for side in Side:
            self.pane(side).focus_unit(pair.unit(side) if pair else None)
        self._update_status()

    def _update_status(self) -> None:
        """Where the pairs stand. Parts are ranked: on a narrow terminal the legend goes
        first, then sync, the unpaired counts and the match (the footer names the keys)."""
        status = self.query_one("#compare-status", FittedLine)
        alignment = self.alignment
        sync = (Content("sync on (l)" if self.sync else "sync off (l)"), 1)
        if alignment is None:
            status.set_parts([(Content(self.failure or "Aligning…"), 9), sync])
            return
        unpaired = (
            Content(
                f"unpaired: {len(alignment.unpaired(Side.LEFT))} left, "
                f"{len(alignment.unpaired(Side.RIGHT))} right"
            ),
            2,
        )
        pair = self.current
        if pair is None:
            count = len(alignment.pairs)
            what = f"{count} pairs: ] for the first" if count else "Nothing here pairs up"
            status.set_parts([(Content(what), 9), unpaired, sync])
            return
        changed = sum(1 for match in pair.paragraphs if match.removed or match.added)
        parts = [
            (Content.styled(f"Pair {self.pair + 1} of {len(alignment.pairs)}", "bold"), 9),
            (Content(f"{pair.similarity:.0%} match"), 3),
        ]
        if len(pair.paragraphs) > changed:
            parts.append((Content(f"¶ the same: {len(pair.paragraphs) - changed}"), 5))
        if changed:
            parts.append((Content(f"¶ reworded: {changed}"), 6))
            legend = Content.assemble(
                ("struck", REMOVED_STYLE), " left only, ", ("bold", ADDED_STYLE), " right only"
            )
            parts.append((legend, 0))
        status.set_parts([*parts, unpaired, sync])

    def _aligned(self) -> Alignment | None:
        """The alignment; while there is none yet, says so. (The keys stay in the footer
        meanwhile: showing them only once it is in would rebuild the footer.)"""
        if self.alignment is None:
            self.notify(self.failure or "Still comparing…", timeout=2)
        return self.alignment

    def action_pair(self, direction: int) -> None:
        """The next or previous pair in the reading order of the focused pane."""
        alignment = self._aligned()
        if alignment is None:
            return
        if not alignment.pairs:
            self.notify("Nothing in these two meetings pairs up", timeout=2)
            return
        side = self._focused_side
        order = alignment.pairs_in_order(side)
        current = self.current
        if current is None:
            position = 0 if direction > 0 else len(order) - 1
        else:
            position = order.index(current) + direction
        if not 0 <= position < len(order):
            self.notify("No more pairs" if direction > 0 else "This is the first pair", timeout=2)
            return
        self.pair = alignment.pairs.index(order[position])

    def action_swap(self) -> None:
        """Exchange the sides: the panes move, each keeping its document and place."""
        alignment = self._aligned()
        if alignment is None:
            return
        left, right = self.pane(Side.LEFT), self.pane(Side.RIGHT)
        self.query_one("#compare-panes").move_child(right, before=left)
        # Textual 8.2 does not restyle moved widgets; the rule is by position (`:first-child`).
        for pane in (left, right):
            pane.update_node_styles()
        current = self.current
        swapped = alignment.swapped()
        if current is not None:
            position = next(
                n for n, pair in enumerate(swapped.pairs) if pair.left.index == current.right.index
            )
            self.set_reactive(CompareScreen.pair, position)
        self.alignment = swapped
        self.notify(
            f"Left: {_short(swapped.left)} · right: {_short(swapped.right)}",
            timeout=2,
        )

    def action_toggle_sync(self) -> None:
        self.sync = not self.sync
        self.notify(
            "Synced scrolling on: both panes move together"
            if self.sync
            else "Synced scrolling off: each pane scrolls alone",
            timeout=2,
        )

    @on(ComparePane.Scrolled)
    def _follow(self, message: ComparePane.Scrolled) -> None:
        if self.sync:
            self.pane(message.pane.side.other).follow(message.delta)

    def action_switch_pane(self) -> None:
        # Synchronous, unlike `focus()`: the keys after Tab in a burst go to the new pane.
        self.set_focus(self.pane(self._focused_side.other))

    def action_close(self) -> None:
        self.dismiss()


def _short(document: Document | Summary) -> str:
    return " ".join(filter(None, [document.date.iso or "no date", document.place]))


class ComparePicker(ModalScreen[tuple[str, str] | None], FitsTerminal[tuple[str, str] | None]):
    """Pick two meetings from the list, one after the other, to compare them."""

    STYLES = ("compare.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("j", "move('cursor_down')", "Next meeting", show=False),
        Binding("k", "move('cursor_up')", "Previous meeting", show=False),
    ]

    def __init__(self, documents: Sequence[Summary]) -> None:
        super().__init__()
        self.documents = tuple(documents)
        self.first: str | None = None
        """The meeting picked for the left side, once picked."""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-body") as body:
            body.border_title = "Compare two meetings"
            body.border_subtitle = "Enter picks · Esc cancels"
            yield Static(
                Content("Pick the first meeting (left side)"), id="picker-prompt", markup=False
            )
            yield OptionList(
                *(Option(_option(doc), id=doc.id) for doc in self.documents),
                id="picker-list",
                markup=False,
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        doc_id = event.option.id
        if doc_id is None:
            return
        if self.first is None:
            self.first = doc_id
            event.option_list.disable_option(doc_id)
            document = next(doc for doc in self.documents if doc.id == doc_id)
            self.query_one("#picker-prompt", Static).update(
                Content(f"Left: {_short(document)}. Now pick the meeting for the right side")
            )
            return
        self.dismiss((self.first, doc_id))

    async def action_move(self, action: str) -> None:
        await self.query_one(OptionList).run_action(action)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _option(document: Summary) -> Content:
    title = document.short_title
    if len(title) > OPTION_TITLE:
        title = title[: OPTION_TITLE - 1].rstrip() + "…"
    return Content.assemble(
        (f"{document.date.iso or 'no date':10}", "bold"),
        f"  {(document.place or '-')[:12]:12}  ",
        title,
    )
