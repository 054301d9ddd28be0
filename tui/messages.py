"""Messages that widgets post to tell their screen what happened, and those that
thread workers post with what they came to.

A thread worker hands its result back one way: `post_result` (or `post_results`)
posts a `WorkDone` message from the worker's thread to the node that started it,
with the value, or with the error the work raised instead (logged here, told to the
user by the message's handler). A cancelled worker posts nothing more: a newer one
answers instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from textual.message import Message
from textual.worker import get_current_worker

from tui.log import log

if TYPE_CHECKING:
    # Those marked are named in quotes, as what a `WorkDone` holds: the corpus modules
    # are imported at run time when the work needs them, not with the messages.
    from pathlib import Path  # noqa: F401

    from textual.message_pump import MessagePump
    from textual.worker import Worker

    from tui.corpus.compare import Alignment  # noqa: F401
    from tui.corpus.library import Batch, Changes  # noqa: F401
    from tui.corpus.search import Answer, SearchIndex  # noqa: F401
    from tui.corpus.store import Recovered  # noqa: F401
    from tui.corpus.study import Concordance, KwicLine
    from tui.corpus.syntax import KwicOrder
    from tui.document.marks import Hit

T = TypeVar("T")


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


# -- what thread workers came to -------------------------------------------------------


@dataclass(kw_only=True)
class WorkDone(Message, Generic[T]):
    """What a thread worker came to: its `value`, or the `error` it raised instead."""

    value: T | None = None
    error: Exception | None = None
    worker: Worker[None] | None = field(default=None, repr=False)
    """The worker that posted it."""

    @property
    def stale(self) -> bool:
        """Whether the worker was cancelled since (a newer one answers instead)."""
        return self.worker is not None and self.worker.is_cancelled


def post_results(
    node: MessagePump,
    done: Callable[..., WorkDone[T]],
    work: Callable[[Callable[[T], None]], object],
) -> None:
    """In a thread worker: run `work`, which hands each value it has to the function
    it is given, and post `done(value=...)` to `node` for each; `done(error=...)` if it
    raises. Nothing once the worker is cancelled."""
    worker = get_current_worker()

    def emit(value: T) -> None:
        if not worker.is_cancelled:
            node.post_message(done(value=value, worker=worker))

    try:
        work(emit)
    except Exception as error:
        log.error("%s failed", worker.name, exc_info=error)
        if not worker.is_cancelled:
            node.post_message(done(error=error, worker=worker))


def post_result(node: MessagePump, done: Callable[..., WorkDone[T]], work: Callable[[], T]) -> None:
    """In a thread worker: post `done(value=work())` to `node` once, or
    `done(error=...)` if `work` raises."""
    post_results(node, done, lambda emit: emit(work()))


@dataclass(kw_only=True)
class FolderRead(WorkDone["Changes"]):
    """The loader read the whole folder (its documents came in `DocumentsLoaded`)."""

    reload: bool = False


@dataclass(kw_only=True)
class IndexReady(WorkDone["SearchIndex"]):
    """The search index can answer (it may still be being stored in the cache)."""


@dataclass(kw_only=True)
class IndexOpened(WorkDone["SearchIndex | None"]):
    """At a start, the index on disk as it is, if it holds what the cache listed (None
    if not): it answers while the walk of the folder says whether anything changed."""


@dataclass(kw_only=True)
class StateWritten(WorkDone[None]):
    """The state file (reading places, past queries) was written."""


@dataclass(kw_only=True)
class NotesSaved(WorkDone[bool]):
    """The notes were saved: `value` says whether the file changed."""


@dataclass(kw_only=True)
class NotesChecked(WorkDone[bool]):
    """The notes file was looked at for changes made outside: `value` says whether
    it changed."""


@dataclass(kw_only=True)
class NotesExported(WorkDone["tuple[Path, int]"]):
    """The notes were exported: to which file, how many."""


@dataclass(kw_only=True)
class NotesRecovered(WorkDone["Recovered"]):
    """The recovery files were merged into the notes."""


@dataclass(kw_only=True)
class SearchAnswered(WorkDone["Answer"]):
    """The search index answered `text`, the query as typed at edit `generation`."""

    text: str = ""
    generation: int = 0


@dataclass(kw_only=True)
class SearchCounted(WorkDone[int]):
    """The index counted what `text` matches, the query answered at edit `generation`
    without its count."""

    text: str = ""
    generation: int = 0


@dataclass(kw_only=True)
class PairsAligned(WorkDone["Alignment"]):
    """The two meetings of a comparison paired (a large pair is aligned in a thread)."""


@dataclass(kw_only=True)
class LinesSorted(WorkDone[list["KwicLine"]]):
    """The concordance's lines `found` in `order` (a few seconds for 600,000 lines:
    sorted off the screen's thread)."""

    found: Concordance | None = None
    order: KwicOrder | None = None
    keep: bool = False
    """Whether the cursor stays where it is (more lines came in)."""


@dataclass(kw_only=True)
class ConcordanceFound(WorkDone["Concordance"]):
    """Lines of the concordance of `text`: all of them so far. A lookup posts more as
    it goes; one not handled yet gives way to the next, which holds its lines too."""

    text: str = ""

    def can_replace(self, message: Message) -> bool:
        return (
            isinstance(message, ConcordanceFound)
            and message.text == self.text
            and self.error is None
        )
