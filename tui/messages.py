"""Messages that widgets post to tell their screen what happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.corpus.library import Batch
    from tui.document.marks import Hit


@dataclass
class DocumentSelected(Message):
    """The sidebar cursor landed on a document: show it in the reader."""

    doc_id: str


@dataclass
class DocumentsLoaded(Message):
    """The loader read more documents (posted from its thread to the app)."""

    batch: Batch


class FindClosed(Message):
    """The user left the find bar with Escape."""


@dataclass
class ParagraphChosen(Message):
    """A view (search, notes, timeline, concordance, speakers) chose a paragraph: show
    it in the reader, with `hits` highlighted (for search, every hit of the query in the
    document); Escape in the reader goes back to the view."""

    doc_id: str
    paragraph: int
    hits: tuple[Hit, ...] = ()
    topic: str | None = None
    """The topic the view was about (the timeline's row): the one `t` follows then."""


class ViewShown(Message):
    """A screen came up that is not a pop-up over another one (posted by the screen)."""


class ViewClosed(Message):
    """The user left a view (search, notes, a study view) with Escape."""


@dataclass
class BookmarkToggled(Message):
    """The user bookmarked the paragraph, or took its bookmark away."""

    doc_id: str
    paragraph: int


@dataclass
class NoteEditRequested(Message):
    """Open the note editor on the paragraph: a new note (`note_id` None) on the words
    `quote` ("" for the whole paragraph), or the note `note_id`."""

    doc_id: str
    paragraph: int
    quote: str = ""
    note_id: str | None = None


@dataclass
class NoteDeleteRequested(Message):
    """Delete the note or bookmark `note_id` (it can be undone)."""

    note_id: str


class NotesExportRequested(Message):
    """Write every note and bookmark to a Markdown file."""
