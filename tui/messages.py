"""Messages that widgets post to tell their screen what happened."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DocumentSelected(Message):
    """The sidebar cursor landed on a document: show it in the reader."""

    doc_id: str


class FindClosed(Message):
    """The user left the find bar with Escape."""
