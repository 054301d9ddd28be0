"""The list of search results: where each paragraph is from, and its words that matched."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.timer import Timer
from textual.widgets import OptionList

from tui.widgets.sidebar import fit

if TYPE_CHECKING:
    from tui.corpus.search import Result

MATCH_STYLE = "bold reverse"
"""Reverse as well as bold, so matches show with NO_COLOR and on 16 colours."""
TITLE_CELLS = 30
"""The least of a title a result shows; a wider list gives it the rest of the line."""
SPEAKER_CELLS = 24
SNIPPET_LINES = 2
"""The snippet is cut to about this many lines, so a screen holds several results."""
BATCH = 25
"""Results made into options at a time: the first batch at once, the next ones when
typing pauses for MORE_AFTER seconds or the highlight comes near the end of those
listed. All 200 at once took ~50 ms of every keystroke on 10,000 documents (each is
wrapped to the width), in the thread the next search competes with."""
MORE_AFTER = 0.2
"""Seconds after the first batch before the next: while keys keep coming, no more."""
BATCH_GAP = 0.02
"""Seconds between the batches after the first, for keys to come in between."""


def result_prompt(result: Result, width: int) -> Content:
    """Date, meeting, speaker and kind on one line, the title given what the line has
    left (at least TITLE_CELLS); then the snippet, its matches highlighted, cut to
    about SNIPPET_LINES lines of `width`."""
    entry = result.entry
    date = entry.date.isoformat() if entry.date else "no date"
    if entry.speaker:
        who = Content.assemble(
            (fit(entry.speaker, SPEAKER_CELLS), "bold"), (f" · {entry.kind.value}", "dim")
        )
    else:
        who = Content.styled(entry.kind.value, "bold")
    room = max(TITLE_CELLS, width - len(date) - who.cell_length - 4)
    title = fit(entry.document.short_title, room)
    head = Content.assemble((date, "bold"), "  ", (title, "italic"), "  ", who)
    snippet = Content(result.snippet.replace("\n", " "))
    for start, end in result.spans:
        snippet = snippet.stylize(MATCH_STYLE, start, end)
    room = max(20, SNIPPET_LINES * width - 4)
    if len(snippet.plain) > room:
        snippet = snippet[: room - 1] + Content("…")
    return Content.assemble(head, "\n", snippet)


class ResultsList(OptionList):
    """Search results as options; rebuilt when the results or the width change."""

    BINDING_GROUP_TITLE = "Results"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next result", show=False),
        Binding("k", "cursor_up", "Prev result", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._results: Sequence[Result] = ()
        self._width = 0
        self._more: Timer | None = None

    @property
    def highlighted_result(self) -> Result | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._results):
            return None
        return self._results[self.highlighted]

    def show_results(self, results: Sequence[Result]) -> None:
        """Show `results`, made a batch at a time as they are listed (`Results`)."""
        self._results = results
        self._rebuild(keep=False)

    def _rebuild(self, *, keep: bool) -> None:
        highlighted = self.highlighted if keep else None
        self.clear_options()
        self._list_up_to((highlighted or 0) + BATCH)
        if self._results:
            self.highlighted = min(highlighted or 0, len(self._results) - 1)
            if not keep:
                self.scroll_to(y=0, animate=False, immediate=True)

    def _list_up_to(self, count: int) -> None:
        """Options for the results up to `count`; the rest a batch at a time from
        MORE_AFTER seconds on."""
        if self._more is not None:
            self._more.stop()
            self._more = None
        width = self._width or 80
        listed = self.option_count
        self.add_options(result_prompt(result, width) for result in self._results[listed:count])
        if self.option_count < len(self._results):
            delay = MORE_AFTER if listed == 0 else BATCH_GAP
            self._more = self.set_timer(delay, self._list_more)

    def _list_more(self) -> None:
        self._list_up_to(self.option_count + BATCH)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self.option_count - BATCH // 2:
            self._list_up_to(highlighted + BATCH)

    def on_resize(self, event: events.Resize) -> None:
        # The scrollbar's column is kept whether or not it shows: results coming in bring
        # it, and they are laid out for the width before it does.
        padding = self.get_component_styles("option-list--option").padding
        width = self.content_region.width - padding.width - self.styles.scrollbar_size_vertical
        if width != self._width:
            self._width = width
            self._rebuild(keep=True)

    def move_highlight(self, step: int) -> None:
        """Move the highlight by `step` results, stopping at either end."""
        if not self._results:
            return
        current = self.highlighted if self.highlighted is not None else -1
        target = max(0, min(current + step, len(self._results) - 1))
        self._list_up_to(target + BATCH)
        self.highlighted = target
