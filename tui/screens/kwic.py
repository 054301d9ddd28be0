"""The concordance: every occurrence of a word or phrase, centred, with its context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui import collector
from tui.corpus.state import QueryBox
from tui.corpus.syntax import KwicOrder
from tui.document.marks import Hit
from tui.messages import ConcordanceFound, LinesSorted, ParagraphChosen, post_result, post_results
from tui.screens.query import IndexQueryScreen
from tui.screens.view import close_view
from tui.widgets.footer import DossierFooter
from tui.widgets.history_input import HistoryInput
from tui.widgets.rows import RowList
from tui.widgets.sidebar import fit

if TYPE_CHECKING:
    from tui.corpus.search import SearchIndex
    from tui.corpus.study import Concordance, KwicLine

DEBOUNCE = 0.15
ORDERS = list(KwicOrder)
MATCH_STYLE = "bold reverse"
PLACEHOLDER = 'a word or "a phrase", with filters: speaker: topic: kind: year: · F1 help'


def kwic_row(line: KwicLine, width: int) -> Content:
    """Date and speaker, then the match at a fixed column between its contexts."""
    date = line.date or "undated"
    who_cells = 16 if width >= 90 else 0
    who = fit(line.speaker or line.kind.value, who_cells - 1)
    room = max(10, width - 11 - who_cells - len(line.match) - 2)
    left = line.left[-(room // 2) :].rjust(room // 2)
    right = line.right[: room - room // 2]
    parts: list[tuple[str, str] | str] = [(f"{date:<10} ", "dim")]
    if who_cells:
        parts.append((f"{who:<{who_cells}}", "bold"))
    parts += [left, " ", (line.match, MATCH_STYLE), " ", right]
    return Content.assemble(*parts)


class KwicScreen(IndexQueryScreen):
    """Type a word or phrase; every occurrence in the corpus, one line each."""

    STYLES = ("study.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: while the query is typed, these keys still act on the list.
        Binding("enter", "open", "Open", id="kwic_open", priority=True),
        Binding(
            "down",
            "arrow(1)",
            "Next line (while recalling, the query after)",
            show=False,
            priority=True,
        ),
        Binding(
            "up",
            "arrow(-1)",
            "Prev line (on the first, the query before)",
            show=False,
            priority=True,
        ),
        Binding("pagedown", "move(10)", "Page down", show=False, priority=True),
        Binding("pageup", "move(-10)", "Page up", show=False, priority=True),
        Binding("ctrl+o", "sort", "Sort", id="kwic_sort", priority=True),
        Binding("escape", "close", "Close", id="kwic_close"),
    ]

    DEBOUNCE = DEBOUNCE
    order: reactive[KwicOrder] = reactive(KwicOrder.DATE, init=False)

    def __init__(self, history: Sequence[str] = ()) -> None:
        """`history`: the words and phrases looked up before, the oldest first."""
        super().__init__()
        self._history = history
        self.found: Concordance | None = None
        self.lines: list[KwicLine] = []
        self.answered = ""
        """The query `found` answers."""
        self._sorting = False
        """Whether the lines are being sorted in another order than they show."""

    def compose(self) -> ComposeResult:
        yield HistoryInput(
            QueryBox.KWIC,
            self._history,
            placeholder=PLACEHOLDER,
            id="kwic-query",
            select_on_focus=False,
        )
        yield Static(id="kwic-status", markup=False)
        yield RowList(self._row, id="kwic-lines")
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._update_status()

    @property
    def _query(self) -> HistoryInput:
        return self.query_one("#kwic-query", HistoryInput)

    def focus_query(self) -> None:
        self.set_focus(self._query)

    def _row(self, row: int, width: int) -> Content:
        return kwic_row(self.lines[row], width)

    @on(Input.Changed, "#kwic-query")
    def _changed(self) -> None:
        self._schedule()

    def on_screen_suspend(self) -> None:
        # Left (or covered): the query answered was used, as one whose line was opened.
        self._query.remember(self.answered)

    def watch_order(self) -> None:
        self._show()

    def _run(self) -> None:
        text = self._query.value
        if self.index is None or not text.strip():
            self.found = None
            self.answered = ""
            self._show()
            return
        self._look_up(self.index, text)

    @work(thread=True, exclusive=True, group="kwic", exit_on_error=False)
    def _look_up(self, index: SearchIndex, text: str) -> None:
        from tui.corpus.study import iter_concordance

        worker = get_current_worker()

        def look_up(found: Callable[[Concordance], None]) -> None:
            # More lines as they are found; no more once a newer query runs.
            for lines in iter_concordance(index, text):
                if worker.is_cancelled:
                    return
                found(lines)

        post_results(self, partial(ConcordanceFound, text=text), look_up)

    @on(ConcordanceFound)
    def _answer(self, message: ConcordanceFound) -> None:
        if message.stale or message.text != self._query.value:
            return  # an answer to what was typed before
        if message.error is not None:
            self.notify(f"Concordance failed: {message.error}", severity="error")
            return
        found = message.value
        if found is None:
            return
        more = self.found is not None and self.found.term == found.term
        self.found = found
        self.answered = message.text
        if found.complete:
            # Kept while shown: out of the collector's walks (625,000 lines at 100,000
            # meetings, which every full collection would walk again).
            collector.keep()
        self._show(keep=more)

    def _show(self, keep: bool = False) -> None:
        """Show the lines found; `keep` the cursor where it is (more lines came in).
        In date order at once; in another once sorted, off this thread (the lines
        shown meanwhile stay, and the status says it sorts)."""
        found = self.found
        if found is None or self.order is KwicOrder.DATE:
            self.workers.cancel_group(self, "kwic-sort")
            self._sorting = False
            self._list(list(found.lines) if found else [], keep)
            return
        self._sorting = True
        self._update_status()
        self._sort(found, self.order, keep)

    def _list(self, lines: list[KwicLine], keep: bool) -> None:
        self.lines = lines
        rows = self.query_one(RowList)
        rows.show_rows(len(lines), rows.cursor if keep else 0)
        self._update_status()

    # Described: by default Textual names a worker by the repr of its arguments, here
    # every line found (GBs for 625,000, made on this thread before the sort starts).
    @work(
        thread=True,
        exclusive=True,
        group="kwic-sort",
        exit_on_error=False,
        description="sorting the concordance",
    )
    def _sort(self, found: Concordance, order: KwicOrder, keep: bool) -> None:
        from tui.corpus.study import sort_lines

        post_result(
            self,
            partial(LinesSorted, found=found, order=order, keep=keep),
            lambda: sort_lines(found.lines, order),
        )

    @on(LinesSorted)
    def _sorted(self, message: LinesSorted) -> None:
        if message.stale or message.found is not self.found or message.order is not self.order:
            return  # sorted lines of another lookup, or in another order since
        self._sorting = False
        if message.error is not None:
            self.notify(f"Sorting failed: {message.error}", severity="error")
            self._update_status()
        elif message.value is not None:
            self._list(message.value, message.keep)

    def _update_status(self) -> None:
        status = self.query_one("#kwic-status", Static)
        if self.index is None:
            status.update(self.waiting)
            return
        found = self.found
        if found is None:
            past = " · ↑ past ones" if self._query.history else ""
            status.update(
                f"Type a word or phrase: every occurrence in the corpus, one a line{past}"
            )
            return
        recalled = self._query.describe_recall()
        parts = [
            *([recalled] if recalled else []),
            f"{len(found.lines):,} occurrence{'s' if len(found.lines) != 1 else ''}"
            f" of “{found.term}”"
            if found.term
            else "nothing to look for",
            f"{found.seconds * 1000:.1f} ms",
            f"sorting by {self.order.value}…"
            if self._sorting
            else f"sorted by {self.order.value} (ctrl+o)",
            *found.hints,
        ]
        status.update(Content(" · ".join(parts)))

    def action_move(self, step: int) -> None:
        self.query_one(RowList).cursor += step

    def action_arrow(self, step: int) -> None:
        rows = self.query_one(RowList)
        if not self._query.arrow(step, rows.cursor == 0):
            rows.cursor += step

    def action_sort(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]

    def action_open(self) -> None:
        rows = self.query_one(RowList)
        if not self.lines:
            return
        line = self.lines[rows.cursor]
        self._query.remember(self._query.value)
        hit = Hit(line.paragraph, line.start, line.start + len(line.match))
        self.post_message(ParagraphChosen(line.doc_id, line.paragraph, (hit,)))

    @on(RowList.Chosen)
    def _chosen(self) -> None:
        self.action_open()

    def action_close(self) -> None:
        close_view(self)
