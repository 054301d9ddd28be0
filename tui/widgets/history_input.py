"""An input that recalls the queries used in it before, as a shell recalls commands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from tui.corpus.state import QueryBox, remember_query


class HistoryInput(Input):
    """`action_recall(-1)` puts the query used before the one shown in the input,
    `action_recall(1)` the one after, and past the newest what was typed before the
    first recall.

    The screen decides which keys recall (↑ and ↓, where a list below the input does
    not need them) and when a query was used; the input keeps the history and tells
    the app, with `Used`, which query to keep for the next run."""

    @dataclass
    class Used(Message):
        """A query was used in `box` (searched, opened, left): keep it."""

        box: QueryBox
        query: str

    def __init__(
        self,
        box: QueryBox,
        history: Sequence[str] = (),
        *,
        placeholder: str = "",
        id: str | None = None,
        select_on_focus: bool = True,
    ) -> None:
        super().__init__(placeholder=placeholder, id=id, select_on_focus=select_on_focus)
        self.box = box
        self.history = list(history)
        """The queries used in this box, the oldest first."""
        self._position: int | None = None
        """The entry of `history` shown, while recalling."""
        self._draft = ""
        """What was in the input when the recalling began."""

    @property
    def recalling(self) -> bool:
        """Whether the input shows a recalled query, as it was recalled."""
        position = self._position
        return position is not None and self.value == self.history[position]

    def describe_recall(self) -> str:
        """`↑↓ past queries (2/5)` while recalling, the newest being 1; else ""."""
        if not self.recalling or self._position is None:
            return ""
        return f"↑↓ past queries ({len(self.history) - self._position}/{len(self.history)})"

    def action_recall(self, step: int) -> None:
        """Show the query before (`step` -1) or after (1) the one shown."""
        if not self.recalling:
            self._position, self._draft = None, self.value
        if step < 0:
            start = len(self.history) if self._position is None else self._position
            # Skip what the input already shows: a recall that changes nothing looks broken.
            older = [n for n in range(start) if self.history[n] != self.value.strip()]
            if older:
                self._show(older[-1])
        elif self._position is not None:
            self._show(self._position + 1 if self._position + 1 < len(self.history) else None)

    def arrow(self, step: int, list_at_top: bool) -> bool:
        """↑ (`step` -1) or ↓ (1) in a screen whose list under the input takes them too:
        ↑ on the list's first row, or with none, recalls the query before; while one is
        recalled, ↑ and ↓ go on through them. True if the key recalled."""
        if self.recalling or (step < 0 and list_at_top):
            self.action_recall(step)
            return True
        return False

    def _show(self, position: int | None) -> None:
        self._position = position
        self.value = self._draft if position is None else self.history[position]
        self.cursor_position = len(self.value)

    def remember(self, query: str) -> None:
        """`query` was used: the newest entry of the history, here and in the file."""
        self._position = None
        if remember_query(self.history, query):
            # To the app itself: posted here while the screen runs `remember`, the message
            # would not bubble past the screen (Textual stops it at its sender).
            self.app.post_message(self.Used(self.box, query))
