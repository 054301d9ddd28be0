"""One document on screen: what its header, turn labels, paragraphs and notes say
(`*_content`), and `DocumentView`, the reader's body, which draws them line by line.

`DocumentView` is one widget for every document the reader shows: a switch hands it
another `Page` and draws the lines in view, with nothing mounted or laid out. A page
measures its blocks (the header, each label, each paragraph with its notes) as they
come into view and estimates the rest, so a document of thousands of paragraphs
opens as fast as a short one.
"""

from __future__ import annotations

import bisect
import itertools
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

from tui.corpus.clean import clean_text
from tui.corpus.model import Confidence, Document, Paragraph, Turn, TurnKind
from tui.corpus.notes import Note
from tui.corpus.topics import TopicMatcher
from tui.document.marks import NO_MARKS, NOTE_GLYPH, Hit, ParagraphMarks

SPEAKER_COLOURS = 6
"""How many `document--speaker-N` component classes reader.tcss styles."""

HIT_STYLE = "reverse"
CURRENT_HIT_STYLE = "reverse bold underline"
QUESTION_MARK = "▌Q "
PAGES_KEPT = 8
"""How many documents the view keeps measured and drawn, so that going back to one is
instant and finds it where the reader left it."""
DRAWN_KEPT = 500
"""How many blocks of a page keep their lines drawn; those drawn longest ago are let
go (their heights stay), so reading through a document of thousands of paragraphs
does not keep all of them drawn (12 KB a paragraph at 160 columns)."""
LINE_SHIFT = 32
"""A paragraph's text lines are numbered from `index << LINE_SHIFT` for the mouse
selection, so that a selection's offsets say which paragraph they are in (a paragraph
never has 2**32 lines: files are read up to a size limit)."""


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


def header_content(document: Document, folded_to: int | None = None) -> Content:
    """Title, date and place, speakers, warnings. `folded_to`: the title and then the
    facts with the speakers on one line each, cut to that many cells (a short
    terminal keeps its rows for the text)."""
    date = document.date.iso or "no date"
    if document.date.confidence is not Confidence.EXACT:
        date = f"{date} ({document.date.confidence}: {document.date.source})"
    facts = [date, *([document.place] if document.place else []), document.source_kind]
    title = Content.styled(document.title, "bold")
    speakers = Content.assemble(("Speakers: ", "dim"), ", ".join(document.speakers))
    if folded_to is not None:
        # Who speaks before what kind of page it is: the line may be cut.
        said = [Content(fact) for fact in facts[:-1]] + [speakers] * bool(document.speakers)
        facts_line = Content(" · ").join([*said, Content(document.source_kind)])
        lines = [line.truncate(folded_to, ellipsis=True) for line in (title, facts_line)]
    else:
        lines = [title, Content(" · ".join(facts)), *([speakers] if document.speakers else [])]
    # An encoding guessed, a line split, the rest of a huge file skipped: said on screen.
    lines.extend(Content.styled(f"⚠ {warning}", "italic") for warning in document.warnings)
    return Content("\n").join(lines)


def labelled(turn: Turn) -> bool:
    """Whether a turn has a label line: who speaks, or its topics."""
    return turn.kind is not TurnKind.HEADING and bool(turn.label or turn.speaker or turn.topics)


def label_content(turn: Turn, matcher: TopicMatcher, width: int | None) -> Content:
    """Who speaks, the stage note dimmed, and the turn's topics as tags, broken into
    lines of `width` cells between tags: a tag never breaks across lines. (No-break
    spaces would not do: Rich wraps at them too.)"""
    head_parts: list[Content] = []
    if turn.kind is TurnKind.QUESTION:
        head_parts.append(Content(QUESTION_MARK))
    head_parts.append(Content.styled(turn.label or turn.speaker or "", "bold"))
    if turn.note:
        head_parts.append(Content.styled(f" ({turn.note})", "dim"))
    head = Content("").join(head_parts)
    parts = [head]
    used = head.cell_length
    if width is not None and used > width:
        used = width  # The head wraps on its own; the tags start on a line of their own.
    for topic in turn.topics:
        tag = Content.styled(f" {topic} ", f"reverse {matcher.colour_of(topic) or ''}".strip())
        if width is not None and used > 0 and used + 1 + tag.cell_length > width:
            parts.append(Content("\n"))
            used = 0
        else:
            parts.append(Content(" "))
            used += 1
        parts.append(tag)
        used += tag.cell_length
    return Content("").join(parts)


def paragraph_content(paragraph: Paragraph, matcher: TopicMatcher) -> Content:
    """The paragraph's text with its topic words underlined in the topic's colour."""
    content = Content(paragraph.text)
    for span in matcher.spans(paragraph.text):
        colour = matcher.colour_of(span.label) or ""
        content = content.stylize(f"{colour} underline".strip(), span.start, span.end)
    return content


def note_line(note: Note) -> Content:
    """A note as the reader shows it under its paragraph: `✎ text  #tag #tag`. The
    text is the user's: cleaned for the terminal, never read as markup."""
    parts = [Content(f"{NOTE_GLYPH} "), Content(clean_text(note.text.strip()))]
    if note.tags:
        parts.append(Content.styled("  " + " ".join(f"#{tag}" for tag in note.tags), "italic"))
    return Content("").join(parts)


class Part(Enum):
    HEADER = "header"
    LABEL = "label"
    PARAGRAPH = "paragraph"


# The cells around the text of each part, left and right, inside the view's own
# margin of one cell each side: a paragraph has its bar and a space before the text.
_INDENT = {Part.HEADER: (1, 1), Part.LABEL: (2, 1), Part.PARAGRAPH: (2, 1)}
_NOTE_INDENT = 4
_MARGIN = 1


@dataclass(eq=False, slots=True)
class Block:
    """A part of the document and, at the page's width, its lines and blank lines."""

    part: Part
    turn: Turn | None = None
    paragraph: Paragraph | None = None
    gap: int = 0
    """Blank lines after it."""
    height: int = 0
    """Lines, its gap included: measured if `measured`, else an estimate."""
    measured: bool = False
    strips: list[Strip] | None = None
    """Its lines as drawn (gap excluded); None until drawn or once restyled."""
    notes_from: int = 0
    """Where a paragraph's notes start in `strips`."""


def _margins(block: Block) -> tuple[int, int]:
    """Blank lines wanted above and below a block: between two blocks the larger."""
    if block.part is Part.HEADER:
        return 0, 1
    if block.part is Part.LABEL:
        return 1, 0
    assert block.turn is not None
    return (1 if block.turn.kind is TurnKind.HEADING else 0), 1


def document_blocks(document: Document) -> list[Block]:
    """The header, then each turn's label (if it has one) and paragraphs, with the
    blank lines between them."""
    blocks = [Block(Part.HEADER)]
    for turn in document.turns:
        if labelled(turn):
            blocks.append(Block(Part.LABEL, turn))
        blocks.extend(Block(Part.PARAGRAPH, turn, paragraph) for paragraph in turn.paragraphs)
    for block, after in itertools.pairwise(blocks):
        block.gap = max(_margins(block)[1], _margins(after)[0])
    blocks[-1].gap = _margins(blocks[-1])[1]
    return blocks


class Page:
    """One document as the view shows it: its blocks at one width, where each starts,
    the cursor, find hits, marks and the place scrolled to."""

    def __init__(self, document: Document, matcher: TopicMatcher) -> None:
        self.document = document
        self.matcher = matcher
        self.slots = speaker_slots(document.speakers)
        self.blocks = document_blocks(document)
        self.of_paragraph: list[int] = [
            number for number, block in enumerate(self.blocks) if block.paragraph is not None
        ]
        self.starts: list[int] = []
        self.height = 0
        self.width = 0
        self.cursor = -1
        self.hits: dict[int, list[Hit]] = {}
        self.current_hit: Hit | None = None
        self.marks: dict[int, ParagraphMarks] = {}
        self.scroll_y = 0.0
        self.drawn: OrderedDict[int, None] = OrderedDict()
        """The blocks given lines, by number, the last drawn last."""

    def text_width(self, part: Part) -> int:
        left, right = _INDENT[part]
        return max(1, self.width - 2 * _MARGIN - left - right)

    def drew(self, number: int) -> None:
        """Block `number` has just been drawn: let go of the lines of the blocks drawn
        longest ago beyond DRAWN_KEPT."""
        self.drawn[number] = None
        self.drawn.move_to_end(number)
        while len(self.drawn) > DRAWN_KEPT:
            oldest, _ = self.drawn.popitem(last=False)
            self.blocks[oldest].strips = None

    def resize(self, width: int) -> None:
        """Measure again at `width`: every block is estimated until drawn."""
        self.width = width
        text_width = self.text_width(Part.PARAGRAPH)
        self.drawn.clear()
        for block in self.blocks:
            block.measured = False
            block.strips = None
            block.height = self.estimate(block, text_width)
        self.restart()

    def estimate(self, block: Block, width: int) -> int:
        """About how many lines a block takes before it is drawn, its text `width`
        cells wide."""
        paragraph = block.paragraph
        if paragraph is None:
            return 1 + block.gap
        lines = sum(max(1, -(-len(line) // width)) for line in paragraph.text.split("\n"))
        return lines + len(self.marks.get(paragraph.index, NO_MARKS).notes) + block.gap

    def restart(self) -> None:
        """Where each block starts, after heights have changed."""
        self.starts = list(itertools.accumulate((b.height for b in self.blocks), initial=0))
        self.height = self.starts.pop()

    def block_at(self, line: int) -> int:
        return max(0, bisect.bisect_right(self.starts, line) - 1)

    def restyle(self, paragraphs: Iterable[int], *, measure: bool = False) -> None:
        """Draw these paragraphs again; `measure`: their height may change too."""
        for index in paragraphs:
            if 0 <= index < len(self.of_paragraph):
                block = self.blocks[self.of_paragraph[index]]
                block.strips = None
                if measure and block.measured:
                    block.measured = False
                    block.height = self.estimate(block, self.text_width(Part.PARAGRAPH))
        if measure:
            self.restart()


def _rebased(strip: Strip, base: int) -> list[Segment]:
    """The strip's segments with their selection offsets `(x, y)` moved to
    `(x, base + y)`."""
    segments = []
    for text, style, control in strip:
        offset = style.meta.get("offset") if style is not None else None
        if style is not None and offset is not None:
            style = style + Style.from_meta({"offset": (offset[0], base + offset[1])})
        segments.append(Segment(text, style, control))
    return segments


def _offset(lines: list[str], x: int, y: int) -> int:
    """The position in the joined `lines` of column `x` of line `y`."""
    y = max(0, min(y, len(lines) - 1))
    return sum(len(line) + 1 for line in lines[:y]) + min(x, len(lines[y]))


class DocumentView(ScrollView, can_focus=False):
    """The reader's body: header, turn labels, paragraphs with their marks and notes,
    drawn with the line API. The reader moves a cursor over the paragraphs; the view
    keeps what the reader shows on them (cursor, find hits, marks) per document."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document--header",
        "document--rule",
        "document--question-label",
        *(f"document--speaker-{slot}" for slot in range(SPEAKER_COLOURS)),
        "document--question",
        "document--question-bar",
        "document--heading",
        "document--current",
        "document--current-active",
        "document--current-bar",
        "document--notes",
    }

    def __init__(self, matcher: TopicMatcher, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.matcher = matcher
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self.page: Page | None = None
        self.active = False
        """Whether the reader has the focus: the cursor is drawn brighter then."""
        self._styles: dict[tuple[str, ...], Style] = {}
        """Component styles combined, until the theme or CSS changes."""
        self.header_folded = False
        """Whether headers show on two lines (`fold_header`)."""

    # -- documents -------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self.page.document if self.page is not None else None

    @property
    def paragraph_count(self) -> int:
        return len(self.page.of_paragraph) if self.page is not None else 0

    @property
    def marks(self) -> dict[int, ParagraphMarks]:
        return self.page.marks if self.page is not None else {}

    def open(self, document: Document | None) -> None:
        """Show `document`, where it was left if the view still has it."""
        if self.page is not None:
            self.page.scroll_y = self.scroll_y
        if document is None:
            self.page = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        page = self._pages.get(document.id)
        if page is None or page.document is not document:  # new, or the file changed
            page = self._pages[document.id] = Page(document, self.matcher)
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        self._pages.move_to_end(document.id)
        self.page = page
        self._fit()
        self.scroll_to(y=page.scroll_y, animate=False, immediate=True)
        self._draw_view()
        self.refresh()

    def _fit(self) -> None:
        """Measure the page for the view's width if it is not yet."""
        page = self.page
        width = self.scrollable_content_region.width
        if page is None or width <= 0:
            return
        if page.width != width:
            page.resize(width)
        self.virtual_size = Size(width, page.height)

    def on_resize(self) -> None:
        self._fit()
        self._draw_view()
        # Narrower, lower (the find bar opened) or drawn for the first time: the
        # cursor's paragraph stays in view.
        page = self.page
        if page is not None and page.cursor >= 0:
            self.show_paragraph(page.cursor)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._draw_view()

    # -- what the reader shows on paragraphs ------------------------------------

    def set_cursor(self, paragraph: int) -> None:
        page = self.page
        if page is None:
            return
        page.restyle([page.cursor, paragraph])
        page.cursor = paragraph
        self.refresh()

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            if self.page is not None:
                self.page.restyle([self.page.cursor])
                self.refresh()

    def show_hits(
        self, hits: dict[int, list[Hit]], current: Hit | None, paragraphs: Iterable[int] = ()
    ) -> None:
        """Draw find `hits` (by paragraph), `current` set apart, on the paragraphs that
        have hits now or had them; or only on `paragraphs` if given."""
        page = self.page
        if page is None:
            return
        page.restyle(set(paragraphs) or page.hits.keys() | hits.keys())
        page.hits = hits
        page.current_hit = current
        self.refresh()

    def show_marks(self, marks: dict[int, ParagraphMarks]) -> None:
        """Draw bookmarks and notes; a paragraph's notes take lines under it."""
        page = self.page
        if page is None:
            return
        changed = [i for i in page.marks.keys() | marks.keys() if marks.get(i) != page.marks.get(i)]
        page.marks = dict(marks)
        if changed:
            anchor = self._anchor()
            page.restyle(changed, measure=True)
            self._keep(anchor)
            if page.cursor in changed:  # a note just written shows under its paragraph
                self.show_paragraph(page.cursor)

    # -- places ------------------------------------------------------------------

    def paragraph_top(self, paragraph: int) -> int:
        page = self.page
        return page.starts[page.of_paragraph[paragraph]] if page is not None else 0

    def first_paragraph_from(self, line: float) -> int:
        """The first paragraph that starts at `line` or below (the last if none)."""
        page = self.page
        if page is None:
            return 0
        first_block = bisect.bisect_left(page.starts, line)
        return min(bisect.bisect_left(page.of_paragraph, first_block), len(page.of_paragraph) - 1)

    def show_paragraph(self, paragraph: int) -> None:
        """Scroll so that `paragraph` is in view, by as little as needed; one taller
        than the view is shown from its first line."""
        page = self.page
        if page is None or not 0 <= paragraph < len(page.of_paragraph) or page.width <= 0:
            return
        number = page.of_paragraph[paragraph]
        view = self.scrollable_content_region.height
        # Measure it and the blocks a view above it, so that its place is exact.
        first = number
        changed = self._measure(number)
        while first > 0 and page.starts[number] - page.starts[first] < view:
            first -= 1
            changed |= self._measure(first)
        if changed:
            page.restart()
            self.virtual_size = Size(page.width, page.height)
        block = page.blocks[number]
        top = page.starts[number]
        y = self.scroll_y
        if top < y or block.height - block.gap >= view:
            y = top
        elif top + block.height - block.gap > y + view:
            y = top + block.height - block.gap - view
        self.scroll_to(y=y, animate=False, immediate=True)
        self._draw_view()

    def _anchor(self) -> tuple[int, int] | None:
        """The block at the top of the view and how far above the top it starts."""
        page = self.page
        if page is None or not page.starts:
            return None
        number = page.block_at(int(self.scroll_y))
        return number, int(self.scroll_y) - page.starts[number]

    def _keep(self, anchor: tuple[int, int] | None) -> None:
        """Heights changed: keep the block that was at the top where it was."""
        page = self.page
        if page is None:
            return
        self.virtual_size = Size(page.width, page.height)
        if anchor is not None:
            number, offset = anchor
            self.scroll_to(y=page.starts[number] + offset, animate=False, immediate=True)
        self._draw_view()
        self.refresh()

    # -- drawing -----------------------------------------------------------------

    def lines(self, block: Block) -> list[Strip]:
        """The lines drawn for a block of the page shown (its blank lines below left
        out), drawn now if they are not yet."""
        assert self.page is not None
        return self._drawn(self.page, self.page.blocks.index(block))

    def _drawn(self, page: Page, number: int) -> list[Strip]:
        """Block `number`'s lines, drawn now if they are not."""
        block = page.blocks[number]
        if block.strips is None:
            block.strips = self._draw(page, block)
            page.drew(number)
        return block.strips

    def paragraph_block(self, paragraph: int) -> Block:
        assert self.page is not None
        return self.page.blocks[self.page.of_paragraph[paragraph]]

    def block_region(self, block: Block) -> Region:
        """Where the block's lines are on the screen (or would be, out of view)."""
        assert self.page is not None
        top = self.page.starts[self.page.blocks.index(block)] - int(self.scroll_y)
        area = self.content_region
        return Region(area.x, area.y + top, self.page.width, len(self.lines(block)))

    def _measure(self, number: int) -> bool:
        """Draw block `number` if it is not; True if its height changed."""
        page = self.page
        assert page is not None
        block = page.blocks[number]
        height = len(self._drawn(page, number)) + block.gap
        block.measured = True
        if height == block.height:
            return False
        block.height = height
        return True

    def _draw_view(self) -> None:
        """Draw the blocks in view; if their heights were estimates, place them again."""
        page = self.page
        if page is None or page.width <= 0 or not page.blocks:
            return
        top = int(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        number = page.block_at(top)
        line = page.starts[number]
        first = page.blocks[number]
        if not first.measured and top > line:
            # Reached from below (scrolling up): what was under it stays where it was.
            estimate = first.height
            if self._measure(number):
                page.restart()
                self.virtual_size = Size(page.width, page.height)
                self.scroll_to(y=top + first.height - estimate, animate=False, immediate=True)
                self._draw_view()  # its own block measured now: the rest of the view
                return
        changed = False
        while number < len(page.blocks) and line < bottom:
            changed |= self._measure(number)
            line += page.blocks[number].height
            number += 1
        if changed:
            page.restart()
            self.virtual_size = Size(page.width, page.height)

    def render_line(self, y: int) -> Strip:
        page = self.page
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        if page is None or page.width != width or not 0 <= line < page.height:
            return Strip.blank(width, self._style())
        number = page.block_at(line)
        block = page.blocks[number]
        if not block.measured:
            self.call_later(self._redraw)
            return Strip.blank(width, self._style())
        strips = self._drawn(page, number)
        row = line - page.starts[number]
        return strips[row] if row < len(strips) else Strip.blank(width, self._style())

    def _redraw(self) -> None:
        self._draw_view()
        self.refresh()

    def _style(self, *names: str) -> Style:
        """The view's style with these component styles over it, in order: colours
        with an alpha blended as Textual blends them for a widget. Kept: working out
        a widget's style walks its ancestors."""
        key = names
        cached = self._styles.get(key)
        if cached is not None:
            return cached
        _, _, base, colour = self.colors
        background = base
        style = Style()
        for name in names:
            styles = self.get_component_styles(name)
            if styles.has_rule("background"):  # the last one set wins, as in CSS
                background = base + styles.background
            if styles.has_rule("color"):
                colour = styles.color
            style += styles.text_style
        style = (
            self.rich_style
            + style
            + Style.from_color((background + colour).rich_color, background.rich_color)
        )
        self._styles[key] = style
        return style

    def fold_header(self, folded: bool) -> None:
        """Show each document's header on two lines (folded) or in full."""
        if folded == self.header_folded:
            return
        self.header_folded = folded
        for page in self._pages.values():
            header = page.blocks[0]
            header.strips = None
            header.measured = False
        self._draw_view()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        for page in self._pages.values():
            for block in page.blocks:
                block.strips = None
        self.refresh()

    def _lines(
        self,
        content: Content,
        width: int,
        style: Style,
        lead: list[Segment],
        base: int | None = None,
    ) -> list[Strip]:
        """`content` wrapped to `width` in `style`, each line after the view's margin
        and `lead`, filled to the view's width; `base`: number the lines for selection."""
        page = self.page
        assert page is not None
        strips = Visual.to_strips(
            self, content, width, None, VisualStyle.from_rich_style(style), apply_selection=False
        )
        margin = Segment(" " * _MARGIN, self._style())
        room = page.width - 2 * _MARGIN - sum(segment.cell_length for segment in lead)
        lines = []
        for strip in strips:
            text = list(strip) if base is None else _rebased(strip, base)
            fill = Segment(" " * max(0, room - strip.cell_length), style)
            lines.append(Strip([margin, *lead, *text, fill, margin], page.width))
        return lines

    def _draw(self, page: Page, block: Block) -> list[Strip]:
        if block.part is Part.HEADER:
            style = self._style("document--header")
            width = page.text_width(Part.HEADER)
            folded = width if self.header_folded else None
            header = header_content(page.document, folded)
            lines = self._lines(header, width, style, [Segment(" ", style)])
            # Its padding below, then a rule.
            margin = Segment(" " * _MARGIN, self._style())
            inside = page.width - 2 * _MARGIN
            lines.append(Strip([margin, Segment(" " * inside, style), margin], page.width))
            rule = Segment("▁" * inside, self._style("document--rule"))
            lines.append(Strip([margin, rule, margin], page.width))
            return lines
        assert block.turn is not None
        if block.part is Part.LABEL:
            names = []
            slot = page.slots.get(block.turn.speaker) if block.turn.speaker else None
            if slot is not None:
                names.append(f"document--speaker-{slot}")
            if block.turn.kind is TurnKind.QUESTION:
                names.append("document--question-label")
            width = page.text_width(Part.LABEL)
            content = label_content(block.turn, self.matcher, width)
            style = self._style(*names)
            return self._lines(content, width, style, [Segment("  ", style)])
        return self._draw_paragraph(page, block)

    def _draw_paragraph(self, page: Page, block: Block) -> list[Strip]:
        paragraph = block.paragraph
        assert paragraph is not None and block.turn is not None
        index = paragraph.index
        names = []
        bar = " "
        bar_names: list[str] = []
        if block.turn.kind is TurnKind.QUESTION:
            names.append("document--question")
            bar, bar_names = "▌", ["document--question-bar"]
        elif block.turn.kind is TurnKind.HEADING:
            names.append("document--heading")
        if index == page.cursor:
            names.append("document--current-active" if self.active else "document--current")
            bar, bar_names = "█", ["document--current-bar"]
        style = self._style(*names)
        content = paragraph_content(paragraph, self.matcher)
        for hit in page.hits.get(index, ()):
            hit_style = CURRENT_HIT_STYLE if hit == page.current_hit else HIT_STYLE
            content = content.stylize(hit_style, hit.start, hit.end)
        marks = page.marks.get(index, NO_MARKS)
        prefix = Content.styled(marks.glyph_text(), "bold")
        if prefix.plain:
            content = prefix + content
        content = self._selected(content, index)
        width = page.text_width(Part.PARAGRAPH)
        lead = [Segment(bar, self._style(*names, *bar_names)), Segment(" ", style)]
        lines = self._lines(content, width, style, lead, base=index << LINE_SHIFT)
        block.notes_from = len(lines)
        if marks.notes:
            notes = Content("\n").join(note_line(note) for note in marks.notes)
            note_width = max(1, page.width - 2 * _MARGIN - _NOTE_INDENT - 1)
            style = self._style("document--notes")
            lines += self._lines(notes, note_width, style, [Segment(" " * _NOTE_INDENT, style)])
        return lines

    # -- mouse selection ---------------------------------------------------------

    def _selected(self, content: Content, index: int) -> Content:
        selection = self.text_selection
        if selection is None:
            return content
        style = VisualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
        base = index << LINE_SHIFT
        position = 0
        for number, line in enumerate(content.plain.split("\n")):
            span = selection.get_span(base + number)
            if span is not None:
                start, end = span
                end = len(line) if end == -1 else min(end, len(line))
                if start < end:
                    content = content.stylize(style, position + start, position + end)
            position += len(line) + 1
        return content

    def selection_updated(self, selection: Selection | None) -> None:
        page = self.page
        if page is not None:
            for number in page.drawn:
                page.blocks[number].strips = None
        self.refresh()

    def selected_span(self, paragraph: int) -> tuple[int, int] | None:
        """Where the mouse selection lies in `paragraph`'s text, if it lies in that
        paragraph alone; the margin marks are not part of it."""
        page = self.page
        selection = self.text_selection
        if page is None or selection is None or selection.start is None or selection.end is None:
            return None
        if {selection.start.y >> LINE_SHIFT, selection.end.y >> LINE_SHIFT} != {paragraph}:
            return None
        return self._span(page, paragraph, selection)

    def _span(self, page: Page, paragraph: int, selection: Selection) -> tuple[int, int] | None:
        text = page.document.paragraphs[paragraph].text
        shift = len(page.marks.get(paragraph, NO_MARKS).glyph_text())
        lines = (" " * shift + text).split("\n")
        base = paragraph << LINE_SHIFT
        start, end = selection.start, selection.end
        first = 0 if start is None or start.y < base else _offset(lines, start.x, start.y - base)
        last = (
            shift + len(text)
            if end is None or end.y >> LINE_SHIFT > paragraph
            else _offset(lines, end.x, end.y - base)
        )
        first, last = (max(0, min(len(text), at - shift)) for at in (first, last))
        return (first, last) if first < last else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        # Copying (ctrl+c) gives the selected paragraphs' words without the margin marks.
        page = self.page
        if page is None:
            return None
        count = len(page.of_paragraph)
        first = 0 if selection.start is None else selection.start.y >> LINE_SHIFT
        last = count - 1 if selection.end is None else selection.end.y >> LINE_SHIFT
        texts = []
        for index in range(max(0, first), min(count - 1, last) + 1):
            span = self._span(page, index, selection)
            if span is not None:
                texts.append(page.document.paragraphs[index].text[span[0] : span[1]])
        return ("\n".join(texts), "\n") if texts else None
