"""Messages that widgets post to tell their screen what happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.widgets.reader import Hit


@dataclass
class DocumentSelected(Message):
    """The sidebar cursor landed on a document: show it in the reader."""

    doc_id: str


class FindClosed(Message):
    """The user left the find bar with Escape."""


@dataclass
class SearchResultChosen(Message):
    """A search result was opened: show the document at the paragraph, with every
    hit of the query in that document."""

    doc_id: str
    paragraph: int
    hits: tuple[Hit, ...]


class SearchClosed(Message):
    """The user left the search screen with Escape."""
