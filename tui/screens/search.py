"""Search across the corpus: the query, what it found and how fast, the paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.corpus.state import QueryBox
from tui.corpus.syntax import QUERY_HELP
from tui.document.marks import Hit
from tui.log import log
from tui.messages import ParagraphChosen, SearchAnswered, SearchCounted, post_result
from tui.screens.query import IndexQueryScreen
from tui.screens.view import close_view
from tui.widgets.footer import DossierFooter
from tui.widgets.history_input import HistoryInput
from tui.widgets.results import BATCH, ResultsList

if TYPE_CHECKING:
    from tui.corpus.search import Answer, SearchIndex

RESULT_LIMIT = 200
"""Results listed; the count line says how many matched in all."""
DEBOUNCE = 0.06
"""Seconds of quiet after a keystroke before the query runs: a fast typist's burst
runs once, not once per letter."""
PLACEHOLDER = 'words (typos ok)  "a phrase"  -word  speaker: topic: kind: year:  · F1 help'
PAST_QUERIES = (
    "↑ on the first result (or with none): the query before, kept between runs",
    "↓ while a past query is shown: the one after, then what you had typed",
)


def first_results(index: SearchIndex, text: str) -> Answer:
    """The answer to `text`, not counted (`SearchIndex.count` follows), with the results
    the list shows first already made, here in the search's thread: the rest are made
    as the list comes to them."""
    answer = index.search(text, limit=RESULT_LIMIT, count=False)
    answer.results[:BATCH]
    return answer


def query_help() -> Content:
    """QUERY_HELP, a clause a line, and how past queries come back."""
    return Content("\n").join(Content(part) for part in (*QUERY_HELP.split(" · "), *PAST_QUERIES))


def figures(answer: Answer, shown: int) -> str:
    """`12 paragraphs · 0.8 ms`, or `200 of 1,234 paragraphs · ...` when cut, or `200
    of … paragraphs (counting) · ...` until they are counted."""
    took = f"{answer.seconds * 1000:.1f} ms"
    if answer.total is None:
        return f"{shown:,} of … paragraphs (counting) · {took}" if shown else f"counting · {took}"
    if not answer.total:
        return f"No paragraph matches · {took}"
    noun = "paragraph" if answer.total == 1 else "paragraphs"
    count = f"{shown:,} of {answer.total:,}" if shown < answer.total else f"{answer.total:,}"
    return f"{count} {noun} · {took}"


class SearchScreen(IndexQueryScreen):
    """Typo-tolerant search over every paragraph; Enter opens one in the reader.

    The app installs it once, so the query, the results and the highlighted one are
    still there when the user comes back from the reader."""

    STYLES = ("search.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority bindings: the input and the list would each take these keys their own
        # way (the input scrolls itself with the arrows), and the keys mean one thing here.
        Binding("enter", "open", "Open", id="search_open", priority=True),
        # Past queries too: ↑ at the first result, and both while one is shown.
        Binding("down", "arrow(1)", "Next result", id="search_next", priority=True),
        Binding("up", "arrow(-1)", "Prev result", id="search_prev", priority=True),
        # ctrl+p, its usual pair, is the command palette.
        Binding("ctrl+n", "move(1)", "Next result", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False, priority=True),
        Binding("pageup", "move(-10)", "Page up", show=False, priority=True),
        Binding("escape", "close", "Close search", id="search_close"),
    ]

    DEBOUNCE = DEBOUNCE
    failure: reactive[str | None] = reactive(None, init=False)
    """Why there is no index, when building it failed."""
    answer: reactive[Answer | None] = reactive(None, init=False)
    """The answer to the query in the input, or None when it is empty or still running."""

    def __init__(self, history: Sequence[str] = ()) -> None:
        """`history`: the queries searched for before, the oldest first."""
        super().__init__()
        self._history = history
        self._generation = 0
        """Counts edits of the query; an answer to an older one is dropped."""
        self.answered = ""
        """The query `answer` answers."""

    def compose(self) -> ComposeResult:
        yield HistoryInput(
            QueryBox.SEARCH,
            self._history,
            placeholder=PLACEHOLDER,
            id="search-query",
            select_on_focus=False,
        )
        yield Static(id="search-status", markup=False)
        yield Static(id="search-hints", markup=False)
        yield ResultsList(id="search-results")
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._update_status()

    @property
    def _query(self) -> HistoryInput:
        return self.query_one("#search-query", HistoryInput)

    @property
    def query_text(self) -> str:
        return self._query.value

    def focus_query(self) -> None:
        """Put the keys in the query input; synchronous, so the next key of a burst
        finds it focused."""
        self.set_focus(self._query)

    def help_about(self) -> tuple[str, Content]:
        return "Query language", query_help()

    # -- running the query ---------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _query_changed(self) -> None:
        self._generation += 1
        self._schedule()

    def on_screen_suspend(self) -> None:
        # Left (or covered): the query answered was used, as one whose result was opened.
        self._query.remember(self.answered)

    def watch_failure(self) -> None:
        if self.is_mounted:
            self._update_status()

    def _run(self) -> None:
        self._timer = None
        text = self.query_text.strip()
        if not text or self.index is None:
            self.workers.cancel_group(self, "search")
            self.answered = ""
            self.answer = None
            self._update_status()
            return
        self._search(self.index, text, self._generation)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, index: SearchIndex, text: str, generation: int) -> None:
        # Not counted: a phrase of common words shows its first results at once, and
        # is counted after (`_count`).
        post_result(
            self,
            partial(SearchAnswered, text=text, generation=generation),
            partial(first_results, index, text),
        )

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _count(self, index: SearchIndex, text: str, generation: int) -> None:
        post_result(
            self,
            partial(SearchCounted, text=text, generation=generation),
            partial(index.count, text),
        )

    @on(SearchAnswered)
    def _answered(self, message: SearchAnswered) -> None:
        if message.stale or message.generation != self._generation:
            return  # an answer to what was typed before
        if message.error is not None:
            self.notify(f"Search failed: {message.error}", severity="error", timeout=8)
            self.query_one("#search-status", Static).update(
                Content(f"Search failed: {message.error}")
            )
            return
        self.answered = message.text
        self.answer = message.value
        if message.value is not None and message.value.total is None and self.index is not None:
            self._count(self.index, message.text, message.generation)

    @on(SearchCounted)
    def _counted(self, message: SearchCounted) -> None:
        answer = self.answer
        if message.stale or message.generation != self._generation or answer is None:
            return  # counted for what was typed before
        if message.value is None:  # failed (logged): the count stays unknown
            return
        self.answer = replace(answer, total=message.value)

    def watch_answer(self, answer: Answer | None) -> None:
        results = answer.results if answer is not None else ()
        self.query_one("#search-results", ResultsList).show_results(results)
        self._update_status()

    def _update_status(self) -> None:
        status = self.query_one("#search-status", Static)
        hints = self.query_one("#search-hints", Static)
        answer = self.answer
        hint_lines: tuple[str, ...] = answer.query.hints if answer is not None else ()
        hints.update(Content("\n").join(Content(f"⚠ {hint}") for hint in hint_lines))
        hints.display = bool(hint_lines)
        if self.failure is not None:
            status.update(Content(f"Search is unavailable: {self.failure}"))
        elif self.index is None:
            status.update(Content(self.waiting))
        elif not self.query_text.strip():
            past = " · ↑ past queries" if self._query.history else ""
            status.update(
                Content(f"Type to search every paragraph · F1 for the query language{past}")
            )
        elif answer is None:
            status.update(Content("searching…"))
        else:
            text = figures(answer, len(answer.results))
            recalled = self._query.describe_recall()
            if recalled:
                text = f"{recalled} · {text}" + (" · Enter opens" if answer.results else "")
            elif answer.results:
                text += " · ↓↑ choose, Enter opens"
            status.update(Content(text))

    # -- actions ---------------------------------------------------------------------

    @on(ResultsList.OptionSelected)
    def _clicked(self) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        self.query_one("#search-results", ResultsList).move_highlight(step)

    def action_arrow(self, step: int) -> None:
        results = self.query_one("#search-results", ResultsList)
        if not self._query.arrow(step, results.highlighted in (None, 0)):
            results.move_highlight(step)

    def action_open(self) -> None:
        result = self.query_one("#search-results", ResultsList).highlighted_result
        answer = self.answer
        if result is None or answer is None or self.index is None:
            self.notify("No result to open", timeout=2)
            return
        entry = result.entry
        self._query.remember(self.query_text)
        doc_id = entry.document.id
        try:
            # Every hit in the document, not only those among the listed results.
            found = self.index.hits_in(answer.query, doc_id)
        except Exception as error:  # the result's own hits, then
            log.error("hits in %s not found", doc_id, exc_info=error)
            found = [(entry.paragraph, result.text_spans)]
        hits = tuple(
            Hit(paragraph, start, end) for paragraph, spans in found for start, end in spans
        )
        self.post_message(ParagraphChosen(doc_id, entry.paragraph, hits))

    def action_close(self) -> None:
        close_view(self)
