"""`DocumentView`: a document drawn line by line from its page model (tui/document/
page.py), for the reader and for each pane of the compare view.

One widget for every document it shows: a switch hands it another `Page` and draws
the lines in view, with nothing mounted or laid out. A page measures its blocks (the
header, each label, each paragraph with its notes, each marker) as they come into
view and estimates the rest, so a document of thousands of paragraphs opens as fast
as a short one. Mouse selections are numbered by the page's own lines: a line's
offsets count from the line its block starts on.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

from tui.corpus.model import Document, TurnKind
from tui.corpus.topics import TopicMatcher
from tui.document.content import (
    SPEAKER_COLOURS,
    header_content,
    label_content,
    note_line,
    paragraph_content,
)
from tui.document.marks import NO_MARKS, Hit, ParagraphMarks
from tui.document.page import MARGIN, Block, Layer, Marker, Page, Part

HIT_STYLE = "reverse"
CURRENT_HIT_STYLE = "reverse bold underline"
PAGES_KEPT = 8
"""How many documents the view keeps measured and drawn, so that going back to one is
instant and finds it where the reader left it."""
_NOTE_INDENT = 4
QUESTION_BAR = "▌"
CURRENT_BAR = "█"
DASHED_BAR = "╏"
_NEAR = 8
"""Changed columns of a line fewer than this apart are repainted as one run."""


def _rebased(strip: Strip, shift: int) -> Strip:
    """The strip with its selection offsets `(x, y)` moved to `(x, y + shift)`."""
    segments = []
    for text, style, control in strip:
        offset = style.meta.get("offset") if style is not None else None
        if style is not None and offset is not None:
            style = style + Style.from_meta({"offset": (offset[0], offset[1] + shift)})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)


def _plain(segment: Segment) -> bool:
    """Whether the segment has no selection offsets and no lines or reversal that
    would show on a blank."""
    style = segment.style
    return style is not None and not _shows_on_blank(style) and "offset" not in style.meta


def _shows_on_blank(style: Style) -> bool:
    """Whether `style` draws anything on a space: a line or reversal."""
    return bool(style.underline or style.strike or style.reverse or style.overline)


def _compact(segments: Iterable[Segment], blank: Style, width: int) -> Strip:
    """A line of `segments` written with fewer and shorter style changes. What a
    repaint writes to the terminal is a style change per segment: blanks outside the
    text (margins, the space after a bar, the fill) that show only the background
    take the style of a plain neighbour on the same background (the bar), or else
    `blank` (the view's background alone) where they are on it; then segments of one
    style are joined, and blanks beside the text taken into it."""
    line = list(segments)
    for n, segment in enumerate(line):
        text, style, control = segment
        if style is None or text.strip() or not _plain(segment):
            continue
        neighbours = [line[i] for i in (n + 1, n - 1) if 0 <= i < len(line)]
        for neighbour in neighbours:
            other = neighbour.style
            if (
                other is not None
                and neighbour.text.strip()
                and _plain(neighbour)
                and other.bgcolor == style.bgcolor
            ):
                line[n] = Segment(text, other, control)
                break
        else:
            if style.bgcolor == blank.bgcolor:
                line[n] = Segment(text, blank, control)
    return Strip(_into_text(Strip(line, width).simplify()), width)


def _into_text(strip: Strip) -> list[Segment]:
    """The strip's blanks after its text (the fill, the margin) taken into the text's
    last segment where they look the same in its style: each segment costs a style
    change, and the text's segments cannot join their neighbours for the selection
    offsets they carry. A click past the text selects to its end, as before."""
    line: list[Segment] = []
    for segment in strip:
        if line and _blank(segment) and _takes_blanks(line[-1], segment):
            line[-1] = Segment(line[-1].text + segment.text, line[-1].style)
            continue
        line.append(segment)
    return line


def _blank(segment: Segment) -> bool:
    return _plain(segment) and not segment.text.strip() and segment.control is None


def _takes_blanks(text: Segment, blank: Segment) -> bool:
    """Whether `blank` drawn in `text`'s style looks as it does in its own: `text`
    carries selection offsets, draws no lines or reversal, on the same background."""
    style = text.style
    return (
        style is not None
        and text.control is None
        and "offset" in style.meta
        and not _shows_on_blank(style)
        and blank.style is not None
        and style.bgcolor == blank.style.bgcolor
    )


def _changed_columns(was: Strip, now: Strip) -> list[tuple[int, int]]:
    """The runs of columns `[start, end)` that `now` shows otherwise than `was`
    (selection offsets aside); runs closer than `_NEAR` columns are one, as moving the
    terminal's cursor costs about as much as writing what lies between."""
    old, new = _cells(was), _cells(now)
    if len(old) != len(new):
        return [(0, max(len(old), len(new)))]
    runs: list[list[int]] = []
    for x, (before, after) in enumerate(zip(old, new, strict=True)):
        if before == after:
            continue
        if runs and x - runs[-1][1] < _NEAR:
            runs[-1][1] = x + 1
        else:
            runs.append([x, x + 1])
    # A wide character is repainted whole.
    for run in runs:
        while run[0] > 0 and new[run[0]][0] == "":
            run[0] -= 1
        while run[1] < len(new) and new[run[1]][0] == "":
            run[1] += 1
    return [(start, end) for start, end in runs]


def _cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """Each column of `strip`: its character (`""` for the second column of a wide
    one) and style, without selection offsets."""
    cells: list[tuple[str, Style | None]] = []
    for text, style, _ in strip:
        look = None if style is None else style.clear_meta_and_links()
        for character in text:
            cells.append((character, look))
            if cell_len(character) == 2:
                cells.append(("", look))
    return cells


def _offset(lines: list[str], x: int, y: int) -> int:
    """The position in the joined `lines` of column `x` of line `y`."""
    y = max(0, min(y, len(lines) - 1))
    return sum(len(line) + 1 for line in lines[:y]) + min(x, len(lines[y]))


class DocumentView(ScrollView, can_focus=False):
    """A document: header, turn labels, paragraphs with their marks and notes, and
    any marker lines, drawn with the line API. The reader moves a cursor over the
    paragraphs; the view keeps what is shown on them (cursor, find hits, marks, the
    layer of a compare pane) per document."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document--header",
        "document--rule",
        "document--question-label",
        *(f"document--speaker-{slot}" for slot in range(SPEAKER_COLOURS)),
        "document--question",
        "document--question-bar",
        "document--heading",
        "document--current-bar",
        "document--current-bar-active",
        "document--notes",
        "document--dashed-bar",
        "document--marker",
        "document--marker-none",
        "document--marker-current",
    }

    def __init__(
        self, matcher: TopicMatcher, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.matcher = matcher
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self.page: Page | None = None
        self.active = False
        """Whether the reader has the focus: the cursor's bar is drawn brighter then."""
        self._styles: dict[tuple[str, ...], Style] = {}
        """Component styles combined, until the theme or CSS changes."""
        self.header_folded = False
        """Whether headers show on two lines (`fold_header`)."""
        self.settling = False
        """Set while the view scrolls itself to keep what is in view in place (a block
        measured taller than estimated): not a scroll anyone asked for."""

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
        # New, or the file changed (a document decoded again is equal, not the same).
        if page is None or page.document != document:
            page = self._pages[document.id] = Page(document, self.matcher)
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        self._pages.move_to_end(document.id)
        self.page = page
        self._fit()
        self._settle_to(page.scroll_y)
        self._draw_view()
        self.refresh()

    def _settle_to(self, y: float) -> None:
        self.settling = True
        try:
            self.scroll_to(y=y, animate=False, immediate=True)
        finally:
            self.settling = False

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
        moved = [page.cursor, paragraph]
        page.cursor = paragraph
        self._redraw_paragraphs(moved)

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            if self.page is not None:
                self._redraw_paragraphs([self.page.cursor])

    def show_hits(
        self, hits: dict[int, list[Hit]], current: Hit | None, paragraphs: Iterable[int] = ()
    ) -> None:
        """Draw find `hits` (by paragraph), `current` set apart, on the paragraphs that
        have hits now or had them; or only on `paragraphs` if given."""
        page = self.page
        if page is None:
            return
        changed = set(paragraphs) or page.hits.keys() | hits.keys()
        page.hits = hits
        page.current_hit = current
        self._redraw_paragraphs(changed)

    def _redraw_paragraphs(self, paragraphs: Iterable[int]) -> None:
        """Draw these paragraphs again, what is shown on them having changed but not
        their height, and repaint of their lines in view only those drawn otherwise
        now, and of such a line only the columns that changed. What Textual writes to
        the terminal is what is repainted: a cursor move that scrolls nothing writes
        two bars, not two paragraphs, let alone the view; a find hit made current, the
        hit's words."""
        page = self.page
        if page is None:
            return
        indices = {index for index in paragraphs if 0 <= index < len(page.of_paragraph)}
        before = {index: page.blocks[page.of_paragraph[index]].strips for index in indices}
        page.restyle(indices)
        view = self.scrollable_content_region
        if page.width != view.width or not page.starts:
            return  # the next frame draws the page at this width, whole
        top = int(self.scroll_y)
        for index in indices:
            number = page.of_paragraph[index]
            block = page.blocks[number]
            start = page.starts[number] - top
            old = before[index]
            if start >= view.height or start + block.height - block.gap <= 0:
                continue
            new = self._drawn(page, number) if block.measured and old is not None else None
            if new is None or old is None or len(new) != len(old):
                self.refresh(Region(0, start, view.width, max(1, block.height - block.gap)))
                continue
            for row, (was, now) in enumerate(zip(old, new, strict=True)):
                if was == now or not 0 <= start + row < view.height:
                    continue
                for first, end in _changed_columns(was, now):
                    self.refresh(Region(first, start + row, end - first, 1))

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
        """The line `paragraph`'s text starts on (and its selection offsets count from)."""
        return self.page.paragraph_top(paragraph) if self.page is not None else 0

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
        if page.blocks[number].measured and self._scroll_for(number) == self.scroll_y:
            return  # in view as drawn: nothing to measure, nothing moves
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
            self.refresh()  # lines moved
        self.scroll_to(y=self._scroll_for(number), animate=False, immediate=True)
        self._draw_view()

    def _scroll_for(self, number: int) -> float:
        """Where to scroll for block `number` to be in view, by as little as needed; a
        block taller than the view from its first line."""
        assert self.page is not None
        block = self.page.blocks[number]
        view = self.scrollable_content_region.height
        top = self.page.starts[number]
        y = self.scroll_y
        if top < y or block.height - block.gap >= view:
            return top
        if top + block.height - block.gap > y + view:
            return top + block.height - block.gap - view
        return y

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
            self._settle_to(page.starts[number] + offset)
        self._draw_view()
        self.refresh()

    # -- drawing -----------------------------------------------------------------

    def lines(self, block: Block) -> list[Strip]:
        """The lines drawn for a block of the page shown (its blank lines below left
        out), drawn now if they are not yet."""
        assert self.page is not None
        return self._drawn(self.page, self.page.blocks.index(block))

    def _drawn(self, page: Page, number: int) -> list[Strip]:
        """Block `number`'s lines, drawn now if they are not; their selection offsets
        counted from the line the block starts on now."""
        block = page.blocks[number]
        start = page.starts[number] if number < len(page.starts) else 0
        if block.strips is None:
            block.base = start
            block.strips = self._draw(page, block)
            page.drew(number)
        elif block.base != start:
            block.strips = [_rebased(strip, start - block.base) for strip in block.strips]
            block.base = start
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
                self._settle_to(top + first.height - estimate)
                self._draw_view()  # its own block measured now: the rest of the view
                self.refresh()
                return
        changed = False
        while number < len(page.blocks) and line < bottom:
            changed |= self._measure(number)
            line += page.blocks[number].height
            number += 1
        if changed:
            page.restart()
            self.virtual_size = Size(page.width, page.height)
            self.refresh()  # lines moved

    def render_lines(self, crop: Region) -> list[Strip]:
        # Measured when first drawn at a new width, not at the Resize event, which
        # comes a frame later: the first frame of a new view (a compare pane) shows
        # the text. (Textual 8.2.8 has no public hook in the layout pass itself.)
        page = self.page
        if page is not None and page.width != self.scrollable_content_region.width:
            self._fit()
            self._draw_view()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        page = self.page
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        if page is None or page.width != width or not 0 <= line < page.height:
            return Strip.blank(width, self._blank())
        number = page.block_at(line)
        block = page.blocks[number]
        if not block.measured:
            self.call_later(self._redraw)
            return Strip.blank(width, self._blank())
        strips = self._drawn(page, number)
        row = line - page.starts[number]
        return strips[row] if row < len(strips) else Strip.blank(width, self._blank())

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

    def _blank(self) -> Style:
        """The view's background alone, for cells that show nothing but it: a shorter
        style change to write than one with a colour for text too."""
        return Style(bgcolor=self._style().bgcolor)

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
        first: int,
    ) -> list[Strip]:
        """`content` wrapped to `width` in `style`, each line after the view's margin
        and `lead`, filled to the view's width; its selection offsets counted from
        line `first` of the page."""
        page = self.page
        assert page is not None
        strips = Visual.to_strips(
            self, content, width, None, VisualStyle.from_rich_style(style), apply_selection=False
        )
        blank = self._blank()
        margin = Segment(" " * MARGIN, blank)
        room = page.width - 2 * MARGIN - sum(segment.cell_length for segment in lead)
        lines = []
        for strip in strips:
            text = list(_rebased(strip, first)) if first else list(strip)
            fill = Segment(" " * max(0, room - strip.cell_length), style)
            lines.append(_compact([margin, *lead, *text, fill, margin], blank, page.width))
        return lines

    def _draw(self, page: Page, block: Block) -> list[Strip]:
        if block.part is Part.HEADER:
            style = self._style("document--header")
            width = page.text_width(Part.HEADER)
            folded = width if self.header_folded else None
            header = header_content(page.document, folded)
            lines = self._lines(header, width, style, [Segment(" ", style)], block.base)
            # Its padding below, then a rule.
            blank = self._blank()
            margin = Segment(" " * MARGIN, blank)
            inside = page.width - 2 * MARGIN
            padding = [margin, Segment(" " * inside, style), margin]
            lines.append(_compact(padding, blank, page.width))
            rule = Segment("▁" * inside, self._style("document--rule"))
            lines.append(_compact([margin, rule, margin], blank, page.width))
            return lines
        if block.part is Part.MARKER:
            marker = block.marker or Marker(Content(""))
            style = self._style(*marker.names)
            width = page.text_width(Part.MARKER)
            return self._lines(marker.content, width, style, [Segment(" ", style)], block.base)
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
            return self._lines(content, width, style, [Segment("  ", style)], block.base)
        return self._draw_paragraph(page, block)

    def _draw_paragraph(self, page: Page, block: Block) -> list[Strip]:
        paragraph = block.paragraph
        assert paragraph is not None and block.turn is not None
        index = paragraph.index
        layer = page.layer
        names = []
        bar = " "
        bar_names: list[str] = []
        if block.turn.kind is TurnKind.QUESTION:
            names.append("document--question")
            bar, bar_names = QUESTION_BAR, ["document--question-bar"]
        elif block.turn.kind is TurnKind.HEADING:
            names.append("document--heading")
        if index in layer.dashed:
            bar, bar_names = DASHED_BAR, ["document--dashed-bar"]
        if index == page.cursor or index in layer.current:
            # The bar alone, not the text's background: moving the cursor repaints
            # one column of two paragraphs. A compare pane's focused pair is what its
            # keys move: drawn as the cursor of a reader with the keys.
            bright = self.active or index in layer.current
            bar = CURRENT_BAR
            bar_names = ["document--current-bar-active" if bright else "document--current-bar"]
        style = self._style(*names)
        content = paragraph_content(paragraph, self.matcher)
        for start, end, span_style in layer.spans.get(index, ()):
            content = content.stylize(span_style, start, end)
        for hit in page.hits.get(index, ()):
            hit_style = CURRENT_HIT_STYLE if hit == page.current_hit else HIT_STYLE
            content = content.stylize(hit_style, hit.start, hit.end)
        marks = page.marks.get(index, NO_MARKS)
        prefix = Content.styled(marks.glyph_text(), "bold")
        if prefix.plain:
            content = prefix + content
        content = self._selected(content, block.base)
        width = page.text_width(Part.PARAGRAPH)
        lead = [Segment(bar, self._style(*names, *bar_names)), Segment(" ", style)]
        lines = self._lines(content, width, style, lead, block.base)
        block.notes_from = len(lines)
        if marks.notes:
            notes = Content("\n").join(note_line(note) for note in marks.notes)
            note_width = max(1, page.width - 2 * MARGIN - _NOTE_INDENT - 1)
            style = self._style("document--notes")
            lead = [Segment(" " * _NOTE_INDENT, style)]
            lines += self._lines(notes, note_width, style, lead, block.base + len(lines))
        return lines

    # -- what a compare pane adds ------------------------------------------------

    def set_layer(self, layer: Layer) -> None:
        """Draw `layer` over the paragraphs: extra spans, paragraphs set apart."""
        page = self.page
        if page is None:
            return
        changed = page.layer.changed(layer)
        page.layer = layer
        self._redraw_paragraphs(changed)

    def set_markers(self, markers: Mapping[int, Marker]) -> None:
        """Show each marker above its turn (by turn index)."""
        page = self.page
        if page is None:
            return
        anchor = self._anchor()
        top = page.blocks[anchor[0]] if anchor is not None else None
        if page.set_markers(markers):
            # The blocks are numbered anew: the one at the top stays there.
            if anchor is not None and top is not None:
                anchor = (page.blocks.index(top), anchor[1])
            self._keep(anchor)
        else:
            self._draw_view()
            self.refresh()

    def marker_top(self, turn: int) -> int | None:
        """The line of the marker above `turn`, if it has one."""
        page = self.page
        if page is None or turn not in page.of_marker or not page.starts:
            return None
        return page.starts[page.of_marker[turn]]

    # -- mouse selection ---------------------------------------------------------

    def _selected(self, content: Content, base: int) -> Content:
        """`content` with the part of the selection on it (its lines numbered from
        `base`) styled as selected."""
        selection = self.text_selection
        if selection is None:
            return content
        style = VisualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
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

    def _text_lines(self, page: Page, paragraph: int) -> range:
        """The selection lines of `paragraph`'s text: one per line of it, not per
        line drawn (a wrapped line keeps its number)."""
        top = page.paragraph_top(paragraph)
        return range(top, top + page.document.paragraphs[paragraph].text.count("\n") + 1)

    def selected_span(self, paragraph: int) -> tuple[int, int] | None:
        """Where the mouse selection lies in `paragraph`'s text, if it lies in that
        paragraph alone; the margin marks are not part of it."""
        page = self.page
        selection = self.text_selection
        if page is None or selection is None or selection.start is None or selection.end is None:
            return None
        lines = self._text_lines(page, paragraph)
        if selection.start.y not in lines or selection.end.y not in lines:
            return None
        return self._span(page, paragraph, selection)

    def _span(self, page: Page, paragraph: int, selection: Selection) -> tuple[int, int] | None:
        text = page.document.paragraphs[paragraph].text
        shift = len(page.marks.get(paragraph, NO_MARKS).glyph_text())
        lines = (" " * shift + text).split("\n")
        numbers = self._text_lines(page, paragraph)
        start, end = selection.start, selection.end
        if start is not None and start.y >= numbers.stop:
            return None
        first = (
            0
            if start is None or start.y < numbers.start
            else _offset(lines, start.x, start.y - numbers.start)
        )
        last = (
            shift + len(text)
            if end is None or end.y >= numbers.stop
            else _offset(lines, end.x, end.y - numbers.start)
        )
        first, last = (max(0, min(len(text), at - shift)) for at in (first, last))
        return (first, last) if first < last else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        # Copying (ctrl+c) gives the selected paragraphs' words without the margin marks.
        page = self.page
        if page is None or not page.starts:
            return None
        first = None if selection.start is None else selection.start.y
        last = None if selection.end is None else selection.end.y
        texts = []
        for index in page.paragraphs_between(first, last):
            span = self._span(page, index, selection)
            if span is not None:
                texts.append(page.document.paragraphs[index].text[span[0] : span[1]])
        return ("\n".join(texts), "\n") if texts else None
