"""The reader: one document, a paragraph cursor, topic and find navigation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.corpus.cite import citation
from tui.corpus.model import Document, TurnKind
from tui.corpus.state import QueryBox
from tui.corpus.topics import TopicMatcher, find_spans
from tui.document.marks import NO_MARKS, Hit, Marks, ParagraphMarks
from tui.messages import BookmarkToggled, FindClosed, NoteEditRequested
from tui.widgets.document import DocumentView
from tui.widgets.history_input import HistoryInput
from tui.words import paragraph_place

SHOW_TRIES = 10
"""Refreshes a place opened at a start waits at most for the view to scroll."""


def document_topics(document: Document) -> tuple[str, ...]:
    """Topics of the document in order of first mention."""
    seen: dict[str, None] = {}
    for paragraph in document.paragraphs:
        for topic in paragraph.topics:
            seen.setdefault(topic)
    return tuple(seen)


class FindBar(HistoryInput):
    """The find-in-document input; Enter searches, Escape closes, ↑ and ↓ recall
    what was searched for before.

    Enter and Escape are handled as keys, in the order they were typed, not as
    bindings: the app resolves a binding only once the key has bubbled back up to it,
    and by then it has handed the rest of a burst (a paste, or keys over SSH) to this
    input. The keys after Enter or Escape are not typed in; they go on to the reader.
    """

    BINDING_GROUP_TITLE = "Find"

    BINDINGS: ClassVar[list[BindingType]] = [
        # For the help screen and the palette; typed, they never get this far (`on_key`).
        Binding("enter", "search", "Search", show=False),
        Binding("escape", "close", "Close find", show=False),
        # Closer than the reader's, these take the arrows from it while the bar has them.
        Binding("up", "recall(-1)", "Previous find text", show=False),
        Binding("down", "recall(1)", "Next find text", show=False),
    ]

    typing: reactive[bool] = reactive(False, init=False)
    """Whether keys are text to find; false from Enter or Escape until focused again."""

    def on_focus(self) -> None:
        self.typing = True

    def on_key(self, event: events.Key) -> None:
        # Called before Input's own key handler, which `prevent_default` skips.
        if not self.typing:
            # Not typed in; the key bubbles on to the reader's bindings.
            event.prevent_default()
        elif event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.action_search()
            else:
                self.action_close()

    def _tell_reader(self, message: Message) -> None:
        self.typing = False
        # Straight to the reader, ahead of the keys that follow: posted to this widget, it
        # would bubble up to the reader after them.
        if self.parent is not None:
            self.parent.post_message(message)

    def action_search(self) -> None:
        self.remember(self.value)
        self._tell_reader(self.Submitted(self, self.value))

    def action_close(self) -> None:
        self._tell_reader(FindClosed())


FOLD_HEADER_BELOW = 30
"""Terminal rows under which a document's header is folded to two lines (`i` unfolds):
at 80x24 the full header took 13 of the 22 rows."""


class Reader(Vertical, can_focus=True):
    """Reads one document with a paragraph cursor, keeping its place per document."""

    BINDING_GROUP_TITLE = "Reader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next paragraph", show=False),
        Binding("k,up", "move(-1)", "Previous paragraph", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
        # A priority binding: the app runs it before it hands on the next key, so the
        # rest of a burst (`/Kerry` pasted, or sent over SSH) goes to the find bar. An
        # ordinary binding runs only once the key has gone to the focused widget and
        # bubbled back up to the app, after the app has handed on the whole burst.
        Binding("slash", "find", "Find", id="find", priority=True),
        Binding("n", "hit(1)", "Next hit", id="next_hit"),
        Binding("N", "hit(-1)", "Prev hit", id="prev_hit", show=False),
        Binding("escape", "close_find", "Close find", show=False),
        # The footer shows these in this order and drops from the end at 80 columns:
        # what a reader marks comes before where the next question or topic is.
        Binding("m", "bookmark", "Bookmark", id="bookmark"),
        Binding("a", "add_note", "Note", id="add_note"),
        Binding("e", "edit_note", "Edit note", id="edit_note", show=False),
        Binding("right_square_bracket", "turn(1)", "Next turn", id="next_turn", show=False),
        Binding("left_square_bracket", "turn(-1)", "Prev turn", id="prev_turn", show=False),
        Binding("right_curly_bracket", "question(1)", "Next question", id="next_question"),
        Binding(
            "left_curly_bracket", "question(-1)", "Prev question", id="prev_question", show=False
        ),
        Binding("t", "topic(1)", "Next topic", id="next_topic"),
        Binding("T", "topic(-1)", "Prev topic", id="prev_topic", show=False),
        Binding("p", "pick_topic", "Pick topic", id="pick_topic", show=False),
        Binding("y", "copy", "Copy", id="copy"),
        Binding("i", "toggle_header", "Title in full or folded", id="toggle_header", show=False),
        # Pressed twice, as in vi and less: `on_key` keeps the first `'` from it.
        Binding(
            "apostrophe",
            "jump_back",
            "Twice (''): back to before the last jump",
            id="jump_back",
            show=False,
        ),
    ]

    # The reader draws nothing itself: its view and status line repaint what changed
    # on them, so a change here repaints no more (`repaint=False`).
    document: reactive[Document | None] = reactive(None, init=False, repaint=False)
    paragraph: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the current paragraph in the document."""
    topic: reactive[str | None] = reactive(None, init=False, repaint=False)
    """The topic that `t`/`T` jump between."""
    find_text: reactive[str] = reactive("", init=False, repaint=False)
    """What the find bar searched for."""
    hit: reactive[int] = reactive(-1, init=False, repaint=False)
    """Position of the current find hit in `hits`, -1 when there is none."""

    @dataclass
    class Left(Message):
        """The reader left `document` at `paragraph` for another document."""

        document: Document
        paragraph: int

    @dataclass
    class JumpRequested(Message):
        """`''` goes back to a place in another document: show it there."""

        doc_id: str
        paragraph: int

    def __init__(
        self,
        matcher: TopicMatcher,
        *,
        saved_place: Callable[[Document], int | None] = lambda _document: None,
        find_history: Sequence[str] = (),
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """`saved_place`: where a document not yet read in this run opens (where it
        was left in the last run); `find_history`: what the find bar searched for."""
        super().__init__(id=id, classes=classes)
        self._saved_place = saved_place
        self._find_history = find_history
        self.matcher = matcher
        self.hits: list[Hit] = []
        self._hits_by_paragraph: dict[int, list[Hit]] = {}
        self.view = DocumentView(matcher)
        self._places: dict[str, int] = {}
        """Per document id: the current paragraph, to come back to."""
        self._given: tuple[str, tuple[Hit, ...]] | None = None
        """Hits found outside the reader (corpus search), and the id of their document."""
        self._marks: Marks = {}
        """Bookmarks and notes of every document, as the app last gave them."""
        self._before_jump: tuple[str, int] | None = None
        """Where the reader was (document id, paragraph) before the last jump."""
        self._apostrophe = False
        """Whether the last key that reached the reader was the first `'` of `''`."""
        self._header_choice: bool | None = None
        """Folded (True) or in full (False) as the user chose with `i`; None: by height."""
        self._status = ""
        """What the status line says."""

    def on_resize(self) -> None:
        if self._header_choice is None:
            self.view.fold_header(self.app.size.height < FOLD_HEADER_BELOW)

    def action_toggle_header(self) -> None:
        self._header_choice = not self.view.header_folded
        self.view.fold_header(self._header_choice)

    def compose(self) -> ComposeResult:
        yield self.view
        yield FindBar(
            QueryBox.FIND,
            self._find_history,
            placeholder="Find in document (Enter to search, Esc to close)",
        )
        yield Static(id="reader-status", markup=False)

    @property
    def _count(self) -> int:
        """How many paragraphs the document shown has."""
        return self.view.paragraph_count

    @property
    def _find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys that would do nothing now are left out of the footer.
        if action == "find":
            # In the find bar a `/` is a character to find.
            return self.screen.focused is not self._find_bar
        if action == "close_find":
            return self.has_class("-finding")
        if action == "hit":
            return bool(self.hits)
        if action in ("topic", "pick_topic"):
            return self.topic is not None
        return True

    def watch_document(self, old: Document | None, new: Document | None) -> None:
        if old is not None:
            self._places[old.id] = self.paragraph
            if new is None or new.id != old.id:  # another document, not a new version
                self._before_jump = (old.id, self.paragraph)
                self.post_message(self.Left(old, self.paragraph))
        self.view.open(new)
        if new is None:
            self._update_status()
            return
        self.view.show_marks(self._marks.get(new.id, {}))
        topics = document_topics(new)
        self.set_reactive(Reader.topic, self.topic if self.topic in topics else None)
        if self.topic is None and topics:
            self.set_reactive(Reader.topic, topics[0])
        self._find()
        self._show_hits()
        place = self._places.get(new.id)
        if place is None:
            place = self._saved_place(new) or 0
            if place:
                self.call_after_refresh(self._show_current)
        self.set_reactive(Reader.paragraph, min(place, max(0, self._count - 1)))
        self.view.set_cursor(self.paragraph)
        self._current_hit_at(self.paragraph)
        self.view.show_paragraph(self.paragraph)
        self._update_status()
        self.refresh_bindings()

    def _show_current(self, tries: int = SHOW_TRIES) -> None:
        """Scroll the current paragraph into view once the view can scroll: at a start
        (a place of the last run) its scrollbar may not be laid out yet, and until it
        is, the view does not scroll."""
        view = self.view
        if view.allow_vertical_scroll or not view.max_scroll_y or not tries:
            view.show_paragraph(self.paragraph)
        else:
            self.call_after_refresh(self._show_current, tries - 1)

    def _show_hits(self, paragraphs: Iterable[int] = ()) -> None:
        """Redraw the paragraphs that have find hits, or had them; or only `paragraphs`."""
        self.view.show_hits(self._hits_by_paragraph, self._current_hit, paragraphs)

    @on(events.Focus)
    @on(events.Blur)
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self) -> None:
        # The cursor is drawn brighter while the reader or its find bar has the keys.
        self.view.set_active(self.has_focus_within)

    # Two parameters: with one, Textual passes the new value, not the old one.
    def watch_paragraph(self, old: int, new: int) -> None:
        self.view.set_cursor(new)
        self.view.show_paragraph(new)
        self._update_status()

    def watch_topic(self) -> None:
        self._update_status()
        self.refresh_bindings()

    def watch_find_text(self) -> None:
        self._find()
        self._show_hits()
        self._update_status()
        self.refresh_bindings()

    def watch_hit(self, old: int, new: int) -> None:
        self._show_hits(self.hits[n].paragraph for n in {old, new} if 0 <= n < len(self.hits))
        if self._current_hit is not None:
            self.paragraph = self._current_hit.paragraph
        self._update_status()

    @property
    def _current_hit(self) -> Hit | None:
        return self.hits[self.hit] if 0 <= self.hit < len(self.hits) else None

    def _find(self) -> None:
        self.hits = []
        if self.document is not None and self.find_text:
            self.hits = [
                Hit(paragraph.index, span.start, span.end)
                for paragraph in self.document.paragraphs
                for span in find_spans(paragraph.text, self.find_text)
            ]
        elif self.document is not None and self._given and self._given[0] == self.document.id:
            self.hits = list(self._given[1])
        self._hits_by_paragraph = {}
        for hit in self.hits:
            self._hits_by_paragraph.setdefault(hit.paragraph, []).append(hit)
        self.set_reactive(Reader.hit, -1)

    def _current_hit_at(self, paragraph: int) -> None:
        """Make the first given hit in `paragraph` the current one, if it has one."""
        if self.find_text or not self.hits:
            return
        position = next((n for n, hit in enumerate(self.hits) if hit.paragraph == paragraph), -1)
        self.set_reactive(Reader.hit, position)
        if position >= 0:
            self._show_hits([paragraph])

    def show_hits(self, document: Document, hits: Iterable[Hit], paragraph: int) -> None:
        """Show `document` at `paragraph` with `hits` found outside the reader (by the
        corpus search) highlighted, the first one in `paragraph` current; `n`/`N` step
        through them. They stay with the document until the find bar is used."""
        self._given = (document.id, tuple(sorted(hits, key=lambda h: (h.paragraph, h.start))))
        self._places[document.id] = paragraph
        self.remove_class("-finding")
        self._find_bar.value = ""
        self.set_reactive(Reader.find_text, "")
        if self.document is None or self.document.id != document.id:
            self.document = document  # watch_document draws the hits and goes to `paragraph`
            return
        self._find()
        self._show_hits()
        with self._jumping():
            self.paragraph = paragraph
        self.view.show_paragraph(paragraph)
        self._current_hit_at(self.paragraph)
        self._update_status()
        self.refresh_bindings()

    def go_to(self, document: Document, paragraph: int) -> None:
        """Show `document` at `paragraph` (a note's or a bookmark's)."""
        self._places[document.id] = paragraph
        if self.document is None or self.document.id != document.id:
            self.document = document  # watch_document goes to `paragraph`
            return
        with self._jumping():
            self.paragraph = paragraph
        self.view.show_paragraph(paragraph)

    def show_marks(self, marks: Marks) -> None:
        """Bookmarks and notes to draw in the margin and under their paragraphs."""
        self._marks = marks
        if self.document is not None:
            self.view.show_marks(marks.get(self.document.id, {}))
        self._update_status()

    @property
    def current_marks(self) -> ParagraphMarks:
        return self.view.marks.get(self.paragraph, NO_MARKS)

    def current_quote(self) -> str:
        """The words of the current paragraph the user pointed at: the mouse selection
        if it lies in that paragraph, else the current hit if it is there; else ""."""
        document = self.view.document
        if document is None or not 0 <= self.paragraph < self._count:
            return ""
        text = document.paragraphs[self.paragraph].text
        if set(self.screen.selections) == {self.view}:
            span = self.view.selected_span(self.paragraph)
            if span is not None and text[span[0] : span[1]].strip():
                return text[span[0] : span[1]].strip()
        hit = self._current_hit
        if hit is not None and hit.paragraph == self.paragraph:
            return text[hit.start : hit.end]
        return ""

    def _update_status(self) -> None:
        document = self.document
        if document is None or not self._count:
            self._set_status("No document")
            return
        parts: list[str] = []
        if self.find_text or self.hits:
            if not self.hits:
                parts.append(f"no hits for “{self.find_text}”")
            elif self.hit < 0:
                parts.append(f"{len(self.hits)} hits (n)")
            else:
                parts.append(f"hit {self.hit + 1}/{len(self.hits)}")
        # Paragraph numbers are the document's indices, as `dossier show` and notes use.
        parts.append(paragraph_place(self.paragraph, self._count))
        marks = self.current_marks
        if marks.bookmark or marks.notes:
            parts[-1] += " " + marks.glyph_text().strip()
        turn = document.turn_of_paragraph(self.paragraph)
        questions = [t for t in document.turns if t.kind is TurnKind.QUESTION]
        if turn.kind is TurnKind.QUESTION:
            parts.append(f"Q{questions.index(turn) + 1}/{len(questions)}")
        # `t:` because `t` jumps to the topic's next mention; `p` picks another.
        parts.append(f"t: {self.topic}" if self.topic else "no topics")
        self._set_status(" · ".join(parts))

    def _set_status(self, text: str) -> None:
        """Show `text` on the status line if it says something else now. Its height is
        one line (reader.tcss) whatever it says: no layout, which would repaint the
        view's scrollbar in a frame of its own."""
        if text != self._status:
            self._status = text
            # Set in by a space, not by padding (reader.tcss).
            self.query_one("#reader-status", Static).update(Content(f" {text}"), layout=False)

    def validate_paragraph(self, paragraph: int) -> int:
        return max(0, min(paragraph, self._count - 1))

    def _jump(self, targets: Iterable[int], direction: int, nothing: str) -> None:
        """Move to the nearest of `targets` (paragraph indices) in `direction`."""
        if direction > 0:
            found = next((t for t in targets if t > self.paragraph), None)
        else:
            found = next((t for t in reversed(list(targets)) if t < self.paragraph), None)
        if found is None:
            self.notify(nothing, timeout=2)
        else:
            with self._jumping():
                self.paragraph = found

    def _turn_starts(self, kinds: frozenset[TurnKind] | None = None) -> list[int]:
        if self.document is None:
            return []
        return [
            turn.paragraphs[0].index
            for turn in self.document.turns
            if turn.paragraphs and (kinds is None or turn.kind in kinds)
        ]

    def action_move(self, step: int) -> None:
        self.paragraph += step

    def action_page(self, direction: int) -> None:
        view = self.view
        view.scroll_to(
            y=view.scroll_y + direction * view.scrollable_content_region.height,
            animate=False,
            immediate=True,
        )
        # The cursor to the first paragraph whose top is in view (the last one at the
        # bottom of the document).
        if direction > 0 and view.scroll_y >= view.max_scroll_y:
            self.paragraph = self._count - 1
        else:
            self.paragraph = view.first_paragraph_from(view.scroll_y)

    def action_first(self) -> None:
        with self._jumping():
            self.paragraph = 0
        self.view.scroll_home(animate=False)

    def action_last(self) -> None:
        with self._jumping():
            self.paragraph = self._count - 1

    def action_turn(self, direction: int) -> None:
        self._jump(self._turn_starts(), direction, "No more turns")

    def action_question(self, direction: int) -> None:
        starts = self._turn_starts(frozenset({TurnKind.QUESTION}))
        self._jump(starts, direction, "No more questions" if starts else "No questions here")

    def action_topic(self, direction: int) -> None:
        if self.document is None or self.topic is None:
            return
        mentions = [p.index for p in self.document.paragraphs if self.topic in p.topics]
        self._jump(mentions, direction, f"No more mentions of {self.topic}")

    def action_pick_topic(self) -> None:
        if self.document is None:
            return
        topics = document_topics(self.document)
        if not topics:
            return
        position = topics.index(self.topic) if self.topic in topics else -1
        self.topic = topics[(position + 1) % len(topics)]
        self.notify(f"Topic: {self.topic}", timeout=2)

    def action_find(self) -> None:
        self.add_class("-finding")
        # Synchronous, unlike `focus()`: the next key of a burst must find it focused.
        self.screen.set_focus(self._find_bar)
        self.refresh_bindings()

    def action_close_find(self) -> None:
        self.remove_class("-finding")
        self._find_bar.value = ""
        self.find_text = ""
        self.screen.set_focus(self)
        self.refresh_bindings()

    @on(FindBar.Submitted)
    def _search(self, event: Input.Submitted) -> None:
        event.stop()
        self._given = None  # a find replaces the hits a search brought
        self.find_text = event.value.strip()
        if self.hits:
            # The first hit at or after the cursor, as a person searching from here expects.
            with self._jumping():
                self.hit = next(
                    (n for n, hit in enumerate(self.hits) if hit.paragraph >= self.paragraph), 0
                )
        self.screen.set_focus(self)
        self.refresh_bindings()

    @on(FindClosed)
    def _find_closed(self, event: FindClosed) -> None:
        event.stop()
        self.action_close_find()

    def action_hit(self, direction: int) -> None:
        if self.hits:
            with self._jumping():
                self.hit = (self.hit + direction) % len(self.hits)

    # -- jumps, as vi and less have them ---------------------------------------------

    @contextmanager
    def _jumping(self) -> Iterator[None]:
        """Around a move that is a jump (to the top, the next question, a hit, another
        document...), as opposed to a step: `''` comes back to where it started."""
        before = self._place()
        yield
        if before is not None and self._place() != before:
            self._before_jump = before

    def _place(self) -> tuple[str, int] | None:
        return (self.document.id, self.paragraph) if self.document is not None else None

    def on_key(self, event: events.Key) -> None:
        first = event.key == "apostrophe" and not self._apostrophe
        self._apostrophe = first
        if first:
            event.stop()  # the binding waits for the second `'`

    def action_jump_back(self) -> None:
        """Back to where the last jump started; again, back to where it ended."""
        if self._before_jump is None:
            self.notify("No jump to go back from yet", timeout=2)
            return
        doc_id, paragraph = self._before_jump
        if self.document is not None and doc_id == self.document.id:
            with self._jumping():
                self.paragraph = paragraph
        else:
            self.post_message(self.JumpRequested(doc_id, paragraph))

    def action_copy(self) -> None:
        if self.document is None or not self._count:
            return
        self.app.copy_to_clipboard(citation(self.document, self.paragraph))
        self.notify(f"Copied paragraph {self.paragraph}", timeout=2)

    def action_bookmark(self) -> None:
        if self.document is not None and self._count:
            self.post_message(BookmarkToggled(self.document.id, self.paragraph))

    def action_add_note(self) -> None:
        if self.document is not None and self._count:
            self.post_message(
                NoteEditRequested(self.document.id, self.paragraph, self.current_quote())
            )

    def action_edit_note(self) -> None:
        if self.document is None or not self._count:
            return
        notes = self.current_marks.notes
        if not notes:
            self.notify(f"No note on ¶{self.paragraph}: a adds one", timeout=3)
            return
        newest = max(notes, key=lambda note: note.created)
        if len(notes) > 1:
            self.notify(
                f"Editing the newest of {len(notes)} notes here; A lists them all", timeout=3
            )
        self.post_message(
            NoteEditRequested(self.document.id, self.paragraph, newest.anchor.quote, newest.id)
        )
