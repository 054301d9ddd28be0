"""The reader: one document, a paragraph cursor, topic and find navigation."""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.selection import Selection
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.corpus.cite import citation
from tui.corpus.clean import clean_text
from tui.corpus.model import Confidence, Document, Paragraph, Turn, TurnKind
from tui.corpus.notes import Note
from tui.corpus.topics import TopicMatcher, find_spans
from tui.messages import BookmarkToggled, FindClosed, NoteEditRequested

SPEAKER_COLOURS = 6
"""How many `-speaker-N` classes reader.tcss styles."""

HIT_STYLE = "reverse"
CURRENT_HIT_STYLE = "reverse bold underline"
QUESTION_MARK = "▌Q "
BOOKMARK_GLYPH = "★"
NOTE_GLYPH = "✎"
BODIES_KEPT = 8
"""How many built documents the reader keeps, so that going back to one is instant."""
CHUNK_PARAGRAPHS = 20
"""A long document is built this many paragraphs at a time, as the reader gets to them."""
CHUNKS_BUILT = 8
"""How many chunks of a document stay built, unless more are in view."""


@dataclass(frozen=True, slots=True)
class Hit:
    paragraph: int
    start: int
    end: int


def speaker_slots(speakers: Iterable[str]) -> dict[str, int]:
    """A colour slot per speaker: from a hash of the name, so a person keeps a colour
    across documents, moved on to the next free slot when two collide in one document."""
    slots: dict[str, int] = {}
    for speaker in speakers:
        slot = zlib.crc32(speaker.encode()) % SPEAKER_COLOURS
        taken = set(slots.values())
        if len(taken) < SPEAKER_COLOURS:
            while slot in taken:
                slot = (slot + 1) % SPEAKER_COLOURS
        slots[speaker] = slot
    return slots


def document_topics(document: Document) -> tuple[str, ...]:
    """Topics of the document in order of first mention."""
    seen: dict[str, None] = {}
    for paragraph in document.paragraphs:
        for topic in paragraph.topics:
            seen.setdefault(topic)
    return tuple(seen)


def header_content(document: Document) -> Content:
    date = document.date.iso or "no date"
    if document.date.confidence is not Confidence.EXACT:
        date = f"{date} ({document.date.confidence}: {document.date.source})"
    facts = [date, *([document.place] if document.place else []), document.source_kind]
    lines = [
        Content.styled(document.title, "bold"),
        Content(" · ".join(facts)),
    ]
    if document.speakers:
        lines.append(Content.assemble(("Speakers: ", "dim"), ", ".join(document.speakers)))
    # An encoding guessed, a line split, the rest of a huge file skipped: said on screen.
    lines.extend(Content.styled(f"⚠ {warning}", "italic") for warning in document.warnings)
    return Content("\n").join(lines)


class TurnLabel(Static):
    """Who speaks, the stage note dimmed, and the turn's topics as tags.

    A tag never breaks across lines: the label puts its own line breaks between tags
    for its width. (No-break spaces would not do: Rich wraps at them too.)"""

    def __init__(self, turn: Turn, matcher: TopicMatcher, speaker_slot: int | None) -> None:
        classes = [f"-{turn.kind}"]
        if speaker_slot is not None:
            classes.append(f"-speaker-{speaker_slot}")
        self.turn = turn
        self._head = self._head_content(turn)
        self._tags = [
            Content.styled(f" {topic} ", f"reverse {matcher.colour_of(topic) or ''}".strip())
            for topic in turn.topics
        ]
        self._width: int | None = None
        super().__init__(classes=" ".join(classes))

    @staticmethod
    def _head_content(turn: Turn) -> Content:
        parts: list[Content] = []
        if turn.kind is TurnKind.QUESTION:
            parts.append(Content(QUESTION_MARK))
        parts.append(Content.styled(turn.label or turn.speaker or "", "bold"))
        if turn.note:
            parts.append(Content.styled(f" ({turn.note})", "dim"))
        return Content("").join(parts)

    def _lay_out(self, width: int | None) -> Content:
        parts = [self._head]
        used = self._head.cell_length
        if width is not None and used > width:
            used = width  # The head wraps on its own; the tags start on a line of their own.
        for tag in self._tags:
            if width is not None and used > 0 and used + 1 + tag.cell_length > width:
                parts.append(Content("\n"))
                used = 0
            else:
                parts.append(Content(" "))
                used += 1
            parts.append(tag)
            used += tag.cell_length
        return Content("").join(parts)

    def render(self) -> Content:
        return self._lay_out(self._width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Layout asks every label for its height at its width, on screen or not: the
        # moment to break the line between tags for that width. Not by `update`: a
        # refresh in the middle of layout looks for the widget in a map not yet made,
        # and that makes it anew, for every label.
        self._width = width
        return len(self._lay_out(width).wrap(width)) if width > 0 else 0


def paragraph_content(paragraph: Paragraph, matcher: TopicMatcher) -> Content:
    """The paragraph's text with its topic words underlined in the topic's colour."""
    content = Content(paragraph.text)
    for span in matcher.spans(paragraph.text):
        colour = matcher.colour_of(span.label) or ""
        content = content.stylize(f"{colour} underline".strip(), span.start, span.end)
    return content


@dataclass(frozen=True, slots=True)
class ParagraphMarks:
    """What the user left on one paragraph: a bookmark, notes (oldest first)."""

    bookmark: Note | None = None
    notes: tuple[Note, ...] = ()

    def glyphs(self) -> Content:
        """The paragraph's margin marks, such as `★ ✎2 `: characters, not colour alone."""
        parts: list[Content] = []
        if self.bookmark is not None:
            parts.append(Content.styled(BOOKMARK_GLYPH, "bold"))
        if self.notes:
            count = str(len(self.notes)) if len(self.notes) > 1 else ""
            parts.append(Content.styled(f"{NOTE_GLYPH}{count}", "bold"))
        if not parts:
            return Content("")
        return Content(" ").join(parts) + Content(" ")


Marks = dict[str, dict[int, ParagraphMarks]]
"""Per document id, per paragraph index: the marks to show."""
NO_MARKS = ParagraphMarks()


def note_line(note: Note) -> Content:
    """A note as the reader shows it under its paragraph: `✎ text  #tag #tag`. The
    text is the user's: cleaned for the terminal, never read as markup."""
    parts = [Content(f"{NOTE_GLYPH} "), Content(clean_text(note.text.strip()))]
    if note.tags:
        parts.append(Content.styled("  " + " ".join(f"#{tag}" for tag in note.tags), "italic"))
    return Content("").join(parts)


class ParagraphView(Static):
    """One paragraph; restyled in place when find hits or its marks change."""

    def __init__(self, paragraph: Paragraph, kind: TurnKind, content: Content) -> None:
        super().__init__(content, classes=f"-{kind}")
        self.paragraph = paragraph
        self._content = content
        self._hits: tuple[Hit, ...] = ()
        self._current: Hit | None = None
        self._prefix = Content("")
        """The margin marks drawn before the text (hit offsets are the text's own)."""

    def show(self, hits: Sequence[Hit], current: Hit | None) -> None:
        self._hits = tuple(hits)
        self._current = current
        self._draw()

    def set_prefix(self, prefix: Content) -> None:
        if prefix.plain != self._prefix.plain:
            self._prefix = prefix
            self._draw()

    def _draw(self) -> None:
        content = self._content
        for hit in self._hits:
            style = CURRENT_HIT_STYLE if hit == self._current else HIT_STYLE
            content = content.stylize(style, hit.start, hit.end)
        self.update(self._prefix + content if self._prefix.plain else content)

    def selected_span(self) -> tuple[int, int] | None:
        """Where the mouse selection lies in the paragraph's text, if it is in this
        paragraph; the margin marks are not part of it."""
        selection = self.text_selection
        if selection is None:
            return None
        lines = (self._prefix.plain + self.paragraph.text).split("\n")
        shift = len(self._prefix.plain)
        length = len(self.paragraph.text)
        start = 0 if selection.start is None else _offset(lines, *selection.start)
        end = shift + length if selection.end is None else _offset(lines, *selection.end)
        start, end = (max(0, min(length, at - shift)) for at in (start, end))
        return (start, end) if start < end else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        # Copying (ctrl+c) gives the paragraph's words without the margin marks.
        span = self.selected_span()
        return (self.paragraph.text[span[0] : span[1]], "\n") if span else None


def _offset(lines: list[str], x: int, y: int) -> int:
    """The position in the joined `lines` of column `x` of line `y`."""
    y = min(y, len(lines) - 1)
    return sum(len(line) + 1 for line in lines[:y]) + min(x, len(lines[y]))


class NoteBlock(Static):
    """The notes of one paragraph, dimmed, right under it."""


Entry = tuple[Turn, Paragraph | None]
"""A turn's label (paragraph None) or one of its paragraphs, in reading order."""


def _labelled(turn: Turn) -> bool:
    return turn.kind is not TurnKind.HEADING and bool(turn.label or turn.speaker or turn.topics)


def chunk_entries(document: Document, size: int) -> list[list[Entry]]:
    """The document's labels and paragraphs cut every `size` paragraphs; a label goes
    with its turn's first paragraph."""
    chunks: list[list[Entry]] = []
    labels: list[Entry] = []
    for turn in document.turns:
        if _labelled(turn):
            labels.append((turn, None))
        for paragraph in turn.paragraphs:
            if paragraph.index % size == 0:
                chunks.append([])
            chunks[-1] += [*labels, (turn, paragraph)]
            labels = []
    if labels:  # turns without paragraphs at the end
        if not chunks:
            chunks.append([])
        chunks[-1] += labels
    return chunks


class ChunkPlaceholder(Widget):
    """Stands in for a chunk of a long document not built yet: blank, about as tall as
    its paragraphs will be, so that the scrollbar spans the whole document."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        super().__init__()
        self._entries = entries
        self._height: tuple[int, int] = (-1, 0)
        """The estimate, and the width it is for."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._height[0] != width:
            # Paragraphs have a gutter of 3 cells and a blank line below; labels take a
            # line and a blank one above.
            text_width = max(1, width - 3)
            lines = 0
            for _turn, paragraph in self._entries:
                if paragraph is None:
                    lines += 2
                else:
                    lines += 1 + sum(
                        max(1, -(-len(line) // text_width)) for line in paragraph.text.split("\n")
                    )
            self._height = (width, lines)
        return self._height[1]

    def render(self) -> str:
        return ""


class DocumentBody(VerticalScroll, can_focus=False):
    """The header, turn labels and paragraphs of one document, built once and kept
    while the reader shows other documents.

    A long document is built in chunks of CHUNK_PARAGRAPHS paragraphs when the cursor
    or the scrolling comes near them, and chunks far from both are let go again: Textual
    lays out every mounted widget on each change, so thousands of them would make every
    key slow. The body keeps what the reader shows on paragraphs (cursor, find hits,
    marks) and draws it on chunks as they are built."""

    def __init__(self, document: Document, matcher: TopicMatcher, around: int | None) -> None:
        """`around`: the paragraph to build the chunks of first; None builds everything
        at once (the compare view marks pairs all over the document)."""
        self.document = document
        self.matcher = matcher
        self._slots = speaker_slots(document.speakers)
        self._chunks = chunk_entries(document, CHUNK_PARAGRAPHS)
        self.views: dict[int, ParagraphView] = {}
        """The paragraph views built, by paragraph index."""
        self._built: dict[int, list[Widget]] = {}
        """The labels and paragraph views of each chunk built, by chunk number."""
        self._placeholders: dict[int, ChunkPlaceholder] = {}
        self.marks: dict[int, ParagraphMarks] = {}
        self._blocks: dict[int, NoteBlock] = {}
        self._hits: dict[int, list[Hit]] = {}
        self._current_hit: Hit | None = None
        self.cursor = -1
        """The paragraph drawn as current, -1 for none."""
        self.lazy = around is not None
        self.settled = True
        """False from building or dropping chunks until the next layout has placed them."""
        # Only the chunk of `around` at first, so that the document shows at once; its
        # neighbours are built once it is on screen (`reveal`).
        wanted = (
            {around // CHUNK_PARAGRAPHS} if around is not None else set(range(len(self._chunks)))
        )
        widgets: list[Widget] = [Static(header_content(document), classes="reader-header")]
        for number in range(len(self._chunks)):
            if number in wanted:
                widgets += self._build(number)
            else:
                widgets.append(self._placeholder(number))
        super().__init__(*widgets, classes="reader-body")

    @property
    def paragraph_count(self) -> int:
        return len(self.document.paragraphs)

    def _near(self, paragraph: int) -> set[int]:
        """The chunk of `paragraph` and its neighbours."""
        chunk = paragraph // CHUNK_PARAGRAPHS
        return {n for n in (chunk - 1, chunk, chunk + 1) if 0 <= n < len(self._chunks)}

    def _placeholder(self, number: int) -> ChunkPlaceholder:
        placeholder = self._placeholders[number] = ChunkPlaceholder(self._chunks[number])
        return placeholder

    def _build(self, number: int) -> list[Widget]:
        """The widgets of chunk `number`, drawn with the cursor, hits and marks."""
        built: list[Widget] = []
        blocks: list[Widget] = []
        for turn, paragraph in self._chunks[number]:
            if paragraph is None:
                slot = self._slots.get(turn.speaker) if turn.speaker else None
                built.append(TurnLabel(turn, self.matcher, slot))
                continue
            content = paragraph_content(paragraph, self.matcher)
            view = self.views[paragraph.index] = ParagraphView(paragraph, turn.kind, content)
            built.append(view)
            if paragraph.index == self.cursor:
                view.add_class("-current")
            if paragraph.index in self._hits:
                view.show(self._hits[paragraph.index], self._current_hit)
            block = self._draw_marks(paragraph.index)
            if block is not None:
                built.append(block)
                blocks.append(block)
        self._built[number] = [widget for widget in built if widget not in blocks]
        return built

    def reveal(self, paragraph: int) -> None:
        """Build the chunk of `paragraph` (and those in view) if they are not, and its
        neighbours after the next frame."""
        if self.lazy:
            self._build_chunks({paragraph // CHUNK_PARAGRAPHS})
            self.call_after_refresh(self._build_near, paragraph)

    def _build_near(self, paragraph: int) -> None:
        if paragraph == self.cursor:
            self._build_chunks(self._near(paragraph))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.lazy and self.is_mounted:
            self._build_chunks(set())

    def _in_view(self) -> set[int]:
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        shown: set[int] = set()
        for number in range(len(self._chunks)):
            widgets = self._built.get(number) or [self._placeholders[number]]
            first, last = widgets[0].virtual_region, widgets[-1].virtual_region
            if first.y < bottom and last.bottom > top:
                shown.add(number)
        return shown

    def _build_chunks(self, wanted: set[int]) -> None:
        """Build the chunks `wanted` and those in view, then let go of the chunks far
        from the cursor, keeping the place of what is in view."""
        keep = wanted | self._in_view() | self._near(max(0, self.cursor))
        missing = sorted((wanted | self._in_view()) - self._built.keys())
        far = sorted(
            self._built.keys() - keep, key=lambda n: -abs(n - self.cursor // CHUNK_PARAGRAPHS)
        )
        far = far[: max(0, len(self._built) + len(missing) - CHUNKS_BUILT)]
        if not missing and not far:
            return
        self._hold_place()
        for number in missing:
            placeholder = self._placeholders.pop(number)
            self.mount(*self._build(number), before=placeholder)
            placeholder.remove()
        for number in far:
            widgets = self._built.pop(number)
            self.mount(self._placeholder(number), before=widgets[0])
            indices = [p.index for _turn, p in self._chunks[number] if p is not None]
            for index in indices:
                del self.views[index]
            blocks = [self._blocks.pop(index) for index in indices if index in self._blocks]
            self.remove_children([*widgets, *blocks])

    def _hold_place(self) -> None:
        """Keep the first built widget in view where it is once chunks above it have
        been built or dropped (a placeholder's height is an estimate)."""
        top = self.scroll_y
        anchor = next(
            (
                widget
                for number in sorted(self._built)  # in reading order, not the order built
                for widget in self._built[number]
                if widget.virtual_region.bottom > top
            ),
            None,
        )
        self.settled = False
        if anchor is None or not anchor.virtual_region:
            self.call_after_refresh(self._settle, None, 0)
        else:
            self.call_after_refresh(self._settle, anchor, anchor.virtual_region.y - top)

    def _settle(self, anchor: Widget | None, offset: int) -> None:
        self.settled = True
        if anchor is not None and anchor.is_attached:
            self.scroll_to(y=anchor.virtual_region.y - offset, animate=False, immediate=True)

    def set_cursor(self, paragraph: int) -> None:
        """Draw `paragraph` as the current one."""
        if self.cursor in self.views:
            self.views[self.cursor].remove_class("-current")
        self.cursor = paragraph
        self.reveal(paragraph)
        if paragraph in self.views:
            self.views[paragraph].add_class("-current")

    def show_hits(
        self, hits: dict[int, list[Hit]], current: Hit | None, paragraphs: Iterable[int] = ()
    ) -> None:
        """Draw find `hits` (by paragraph), `current` set apart, on the paragraphs that
        have hits now or had them; or only on `paragraphs` if given."""
        redraw = set(paragraphs) or self._hits.keys() | hits.keys()
        self._hits = hits
        self._current_hit = current
        for index in redraw:
            if index in self.views:
                self.views[index].show(hits.get(index, ()), current)

    def _draw_marks(self, index: int) -> NoteBlock | None:
        """Draw the marks of built paragraph `index`; its note block, if it has notes
        and none is mounted yet."""
        marks = self.marks.get(index, NO_MARKS)
        view = self.views[index]
        view.set_prefix(marks.glyphs())
        view.set_class(bool(marks.notes), "-noted")
        block = self._blocks.get(index)
        if not marks.notes:
            if block is not None:
                del self._blocks[index]
                block.remove()
            return None
        lines = Content("\n").join(note_line(note) for note in marks.notes)
        if block is not None:
            block.update(lines)
            return None
        block = self._blocks[index] = NoteBlock(lines)
        return block

    def show_marks(self, marks: dict[int, ParagraphMarks]) -> None:
        """Draw bookmarks and notes; only the built paragraphs whose marks changed."""
        changed = {
            index
            for index in self.marks.keys() | marks.keys()
            if marks.get(index) != self.marks.get(index) and index in self.views
        }
        self.marks = dict(marks)
        for index in changed:
            block = self._draw_marks(index)
            if block is not None:
                self.mount(block, after=self.views[index])


class FindBar(Input):
    """The find-in-document input; Enter searches, Escape closes.

    Enter and Escape are handled as keys, in the order they were typed, not as
    bindings: the app resolves a binding only once the key has bubbled back up to it,
    and by then it has handed the rest of a burst (a paste, or keys over SSH) to this
    input. The keys after Enter or Escape are not typed in; they go on to the reader.
    """

    BINDING_GROUP_TITLE = "Find"

    # For the help screen and the palette; typed, the keys never get this far (`_on_key`).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "search", "Search", show=False),
        Binding("escape", "close", "Close find", show=False),
    ]

    typing: reactive[bool] = reactive(False, init=False)
    """Whether keys are text to find; false from Enter or Escape until focused again."""

    def on_focus(self) -> None:
        self.typing = True

    async def _on_key(self, event: events.Key) -> None:
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
        self._tell_reader(self.Submitted(self, self.value))

    def action_close(self) -> None:
        self._tell_reader(FindClosed())


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
    ]

    document: reactive[Document | None] = reactive(None, init=False)
    paragraph: reactive[int] = reactive(0, init=False)
    """Index of the current paragraph in the document."""
    topic: reactive[str | None] = reactive(None, init=False)
    """The topic that `t`/`T` jump between."""
    find_text: reactive[str] = reactive("", init=False)
    """What the find bar searched for."""
    hit: reactive[int] = reactive(-1, init=False)
    """Position of the current find hit in `hits`, -1 when there is none."""

    def __init__(
        self, matcher: TopicMatcher, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.matcher = matcher
        self.hits: list[Hit] = []
        self._hits_by_paragraph: dict[int, list[Hit]] = {}
        self._bodies: OrderedDict[str, DocumentBody] = OrderedDict()
        """Built documents by id, the most recently shown last."""
        self._places: dict[str, int] = {}
        """Per document id: the current paragraph, to come back to."""
        self._given: tuple[str, tuple[Hit, ...]] | None = None
        """Hits found outside the reader (corpus search), and the id of their document."""
        self._marks: Marks = {}
        """Bookmarks and notes of every document, as the app last gave them."""

    def compose(self) -> ComposeResult:
        yield FindBar(placeholder="Find in document (Enter to search, Esc to close)")
        yield Static(id="reader-status", markup=False)

    @property
    def _body(self) -> DocumentBody | None:
        return self._bodies.get(self.document.id) if self.document is not None else None

    @property
    def _count(self) -> int:
        """How many paragraphs the document shown has."""
        body = self._body
        return body.paragraph_count if body is not None else 0

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

    async def watch_document(self, old: Document | None, new: Document | None) -> None:
        if old is not None:
            self._places[old.id] = self.paragraph
            if old.id in self._bodies:
                self._bodies[old.id].display = False
        if new is None:
            self._update_status()
            return
        place = self._places.get(new.id, 0)
        body = self._bodies.get(new.id)
        if body is not None and body.document is not new:
            # The file changed (a reload): its old body goes.
            del self._bodies[new.id]
            body.remove()
            body = None
        if body is None:
            body = DocumentBody(new, self.matcher, around=place)
            self._bodies[new.id] = body
            await self.mount(body, before=self._find_bar)
            while len(self._bodies) > BODIES_KEPT:
                _id, oldest = self._bodies.popitem(last=False)
                oldest.remove()  # not awaited: the new document is drawn first
        else:
            self._bodies.move_to_end(new.id)
            body.display = True
        body.show_marks(self._marks.get(new.id, {}))
        topics = document_topics(new)
        self.set_reactive(Reader.topic, self.topic if self.topic in topics else None)
        if self.topic is None and topics:
            self.set_reactive(Reader.topic, topics[0])
        self._find()
        self._show_hits()
        self.set_reactive(Reader.paragraph, min(place, max(0, self._count - 1)))
        body.set_cursor(self.paragraph)
        self._current_hit_at(self.paragraph)
        if place and body.scroll_y == 0:
            self.call_after_refresh(self._scroll_to_paragraph)
        self._update_status()
        self.refresh_bindings()

    def _show_hits(self, paragraphs: Iterable[int] = ()) -> None:
        """Redraw the paragraphs that have find hits, or had them; or only `paragraphs`."""
        if self._body is not None:
            self._body.show_hits(self._hits_by_paragraph, self._current_hit, paragraphs)

    def _scroll_to_paragraph(self) -> None:
        body = self._body
        if body is None or not 0 <= self.paragraph < body.paragraph_count:
            return
        body.reveal(self.paragraph)
        view = body.views.get(self.paragraph)
        if view is None or not body.settled:
            # Just built: it has a place once laid out.
            self.call_after_refresh(self._scroll_to_paragraph)
            return
        # A paragraph taller than the view is shown from its first line.
        top = view.outer_size.height >= body.scrollable_content_region.height
        body.scroll_to_widget(view, animate=False, immediate=True, top=top)

    # Two parameters: with one, Textual passes the new value, not the old one.
    def watch_paragraph(self, old: int, new: int) -> None:
        if self._body is not None:
            self._body.set_cursor(new)
        self._scroll_to_paragraph()
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
        self.paragraph = paragraph
        self._scroll_to_paragraph()
        self._current_hit_at(self.paragraph)
        self._update_status()
        self.refresh_bindings()

    def go_to(self, document: Document, paragraph: int) -> None:
        """Show `document` at `paragraph` (a note's or a bookmark's)."""
        self._places[document.id] = paragraph
        if self.document is None or self.document.id != document.id:
            self.document = document  # watch_document goes to `paragraph`
            return
        self.paragraph = paragraph
        self._scroll_to_paragraph()

    def show_marks(self, marks: Marks) -> None:
        """Bookmarks and notes to draw in the margin and under their paragraphs."""
        self._marks = marks
        body = self._body
        if body is not None:
            body.show_marks(marks.get(body.document.id, {}))
        self._update_status()

    @property
    def current_marks(self) -> ParagraphMarks:
        body = self._body
        return body.marks.get(self.paragraph, NO_MARKS) if body is not None else NO_MARKS

    def current_quote(self) -> str:
        """The words of the current paragraph the user pointed at: the mouse selection
        if it lies in that paragraph, else the current hit if it is there; else ""."""
        body = self._body
        view = body.views.get(self.paragraph) if body is not None else None
        if view is None:
            return ""
        text = view.paragraph.text
        selected = self.screen.selections
        if selected and set(selected) == {view}:
            span = view.selected_span()
            if span is not None and text[span[0] : span[1]].strip():
                return text[span[0] : span[1]].strip()
        hit = self._current_hit
        if hit is not None and hit.paragraph == self.paragraph:
            return text[hit.start : hit.end]
        return ""

    def _update_status(self) -> None:
        document = self.document
        if document is None or not self._count:
            self.query_one("#reader-status", Static).update("No document")
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
        parts.append(f"¶{self.paragraph}/{self._count - 1}")
        marks = self.current_marks
        if marks.bookmark or marks.notes:
            parts[-1] += " " + marks.glyphs().plain.strip()
        turn = document.turn_of_paragraph(self.paragraph)
        questions = [t for t in document.turns if t.kind is TurnKind.QUESTION]
        if turn.kind is TurnKind.QUESTION:
            parts.append(f"Q{questions.index(turn) + 1}/{len(questions)}")
        # `t:` because `t` jumps to the topic's next mention; `p` picks another.
        parts.append(f"t: {self.topic}" if self.topic else "no topics")
        self.query_one("#reader-status", Static).update(Content(" · ".join(parts)))

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
        body = self._body
        if body is None:
            return
        body.scroll_to(
            y=body.scroll_y + direction * body.scrollable_content_region.height,
            animate=False,
            immediate=True,
        )
        if body.settled:
            self._cursor_to_top(direction)
        else:  # scrolled onto paragraphs just built: they have a place once laid out
            self.call_after_refresh(self._cursor_to_top, direction)

    def _cursor_to_top(self, direction: int) -> None:
        """The cursor to the first paragraph whose top is in view (the last one at the
        bottom of the document)."""
        body = self._body
        if body is None:
            return
        top = body.scroll_y
        if direction > 0 and top >= body.max_scroll_y:
            self.paragraph = self._count - 1
        else:
            below = (index for index, v in body.views.items() if v.virtual_region.y >= top)
            self.paragraph = min(below, default=self._count - 1)

    def action_first(self) -> None:
        self.paragraph = 0
        if self._body is not None:
            self._body.scroll_home(animate=False)

    def action_last(self) -> None:
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
            self.hit = (self.hit + direction) % len(self.hits)

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
