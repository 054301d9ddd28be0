"""Turning a file's decoded text into plain text lines the transcript parser reads.

Pages come as HTML, Markdown, SRT or WebVTT captions, or plain text, some with a
front matter block. Each becomes plain text: lines separated by "\\n", a blank line
between paragraphs. What a page says about itself (title, dates, place, speakers)
is kept apart as `meta`, and what is left out of the text is listed in `dropped`
with the reason, so nothing disappears silently.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

from tui.corpus.letters import UPPER
from tui.corpus.model import OUTSIDE_NUMBERED_LINES

MetaPair = tuple[str, str]
DroppedText = tuple[int, str, str]
"""(line number in the converted text, or 0 where it has no such line; text; reason)."""


@dataclass(frozen=True, slots=True)
class Converted:
    text: str
    """Plain text: lines separated by "\\n", a blank line between paragraphs."""
    format: str
    """"html", "markdown", "srt", "vtt" or "text"."""
    meta: tuple[MetaPair, ...]
    """Normalised (key, value) pairs in the order found, the first value of each key."""
    dropped: tuple[DroppedText, ...]
    headings: frozenset[int] = frozenset()
    """The lines of the text that are headings in the markup: never a speaker's label."""
    code: frozenset[int] = frozenset()
    """The lines of the text in the markup's code blocks (a slide's text, a REPL
    session): never a speaker's label either."""
    emphasised: frozenset[int] = frozenset()
    """The lines the markup sets in bold or italics whole: how an interview without
    labels sets its questions apart."""


def convert(raw: str, name: str) -> Converted:
    """`raw`, the decoded text of the file called `name`, as plain text and metadata.

    Text and Markdown keep their line numbers (front matter lines become blank
    lines), so a dropped line's number is also its line in the file."""
    text = raw.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Split into lines only where lines are read: plain text and HTML (most files) not.
    lines = text.split("\n") if text.startswith(("---", "+++")) else []
    front = _front_matter(lines) if lines else None
    front_dropped: list[DroppedText] = []
    front_meta: list[MetaPair] = []
    if front is not None:
        front_meta = front.pairs
        for index in range(front.lines):
            if lines[index].strip():
                front_dropped.append((index + 1, lines[index].strip(), "front matter"))
            lines[index] = ""
        text = "\n".join(lines)
    kind = _format(name, text, front is not None)
    if not lines and kind in ("srt", "vtt", "markdown"):
        lines = text.split("\n")
    headings: frozenset[int] = frozenset()
    code: frozenset[int] = frozenset()
    emphasised: frozenset[int] = frozenset()
    if kind == "html":
        # The page's text is new lines: the front matter's have no number in it.
        front_dropped = [(0, line, reason) for _, line, reason in front_dropped]
        text, meta, dropped, emphasised = _convert_html(text)
    elif kind in ("srt", "vtt"):
        front_dropped = [(0, line, reason) for _, line, reason in front_dropped]
        text, dropped = _convert_captions(lines, kind)
        meta = []
    if kind == "markdown":
        text, meta, dropped, headings, code, emphasised = _convert_markdown(lines)
    elif kind not in ("html", "srt", "vtt"):
        meta, dropped = [], []
        if kind == "text" and _PAGE_START.search(text, 0, _FIRST_PAGE_CHARS):
            text, dropped = _without_line_numbers(text)
        if kind == "text" and "**" in text:
            text = _TIMED_BOLD_NAME.sub(r"\g<time> \g<name>: \g<rest>", text)
    return Converted(
        text,
        kind,
        _first_of_each_key(_ordered(front_meta, meta)),
        tuple(front_dropped + dropped),
        headings,
        code,
        emphasised,
    )


# --- numbered lines ----------------------------------------------------------------------

_NUMBERED_LINE = re.compile(r"[ \t]{0,4}(\d{1,2})(?:[ \t]+(\S.*))?$")
"""A line of a court's or a hearing's transcript: its number on the page, then text."""
_PAGE_START = re.compile(
    r"\n[ \t]{0,4}1[ \t]+\S.*\n(?:[ \t]*\n)?[ \t]{0,4}2(?:[ \t]+\S.*)?\n(?:[ \t]*\n)?[ \t]{0,4}3\b"
)
"""Lines numbered 1, 2 and 3, spaced or not: a numbered page begins (a quick look,
before `_without_line_numbers` counts)."""
_FIRST_PAGE_CHARS = 8000
"""Where the first numbered page's lines 1 to 3 stand, a header and a cover above."""
_NUMBERED_SHARE = 0.5
_NUMBERED_PAGES = 2
"""Pages that number their lines from 1 again: a numbered list does not, twice."""


def _without_line_numbers(text: str) -> tuple[str, list[DroppedText]]:
    """A transcript that numbers the lines of each page (`1` to `25`, a court's or a
    hearing's) without the numbers, the blank lines that space them, nor what stands
    outside the numbered lines (each page's header, footer and number), which is
    dropped (a word index at the end too). The text is returned as it is where fewer
    than half its lines are numbered in order, or the numbers start again from 1
    fewer than twice (a numbered list). The numbers of its lines are then those of the text
    returned, not of the file."""
    lines = text.split("\n")
    numbers = [
        (index, int(found[1]), found[2] or "")
        for index, line in enumerate(lines)
        if (found := _NUMBERED_LINE.match(line))
    ]
    pairs = list(itertools.pairwise(number for _, number, _ in numbers))
    in_order = sum(1 for before, after in pairs if after == before + 1)
    pages = sum(1 for before, after in pairs if after == 1 and before > 1)
    written = sum(1 for line in lines if line.strip())
    if in_order < _NUMBERED_SHARE * written or pages < _NUMBERED_PAGES:
        return text, []
    numbered = {index: rest for index, _, rest in numbers}
    kept: list[str] = []
    dropped: list[DroppedText] = []
    for index in range(len(lines)):
        if index in numbered:
            kept.append(numbered[index].strip())
        elif lines[index].strip():
            dropped.append((index + 1, lines[index].strip(), OUTSIDE_NUMBERED_LINES))
    return "\n".join(kept), dropped


# --- meta ------------------------------------------------------------------------------

_META_KEYS = {
    "title": "title",
    "date": "date",
    "event_date": "date",
    "when": "date",
    "day_&_time": "date",
    "date_&_time": "date",
    "date_and_time": "date",
    "venue": "place",
    "published": "published",
    "release_date": "published",
    "pubdate": "published",
    "publish_date": "published",
    "date_published": "published",
    "updated": "modified",
    "modified": "modified",
    "last_modified": "modified",
    "lastmod": "modified",
    "date_modified": "modified",
    "scraped": "scraped",
    "retrieved": "scraped",
    "accessed": "scraped",
    "fetched": "scraped",
    "downloaded": "scraped",
    "location": "place",
    "place": "place",
    "city": "place",
    "speakers": "speakers",
    "speaker": "speakers",
    "author": "author",
    "authors": "author",
    "interviewer": "interviewer",
    "interviewee": "interviewee",
}


def _meta_key(key: str) -> str:
    """A front matter key as a meta key: `Event-Date` -> `date`, `scraped_at` -> `scraped`;
    keys not listed in `_META_KEYS` are only folded (`Tags` -> `tags`)."""
    return known_meta_key(key) or _folded_key(key)


def is_meta_key(key: str) -> bool:
    """Whether `key`, as a page writes it (`Date`, `Event Date`), is one the parser reads
    as it stands, suffix and all: a quick look, where `known_meta_key` folds more."""
    return key.strip().casefold().replace("-", "_").replace(" ", "_") in _META_KEYS


def known_meta_key(key: str) -> str | None:
    """The meta key a page's `key` names (`Event-Date` -> `date`), if it is one the
    parser reads."""
    folded = _folded_key(key)
    # `scraped_at`, `published_time`: the suffix says no more than the key.
    for suffix in ("", "_at", "_time", "_date"):
        if (known := _META_KEYS.get(folded.removesuffix(suffix))) is not None:
            return known
    return None


def _folded_key(key: str) -> str:
    return "_".join(key.strip().strip("\"'").casefold().replace("-", "_").split())


_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_YAML_ESCAPED = {"n": "\n", "t": "\t", "_": "\u00a0", "0": "\0", "e": "\x1b", "N": "\x85"}


def _unescape(text: str) -> str:
    """A YAML double-quoted scalar's escapes: `\\_` (no-break space), `\\ `, `\\"`, `\\u00e9`;
    a `\\` ending a line joins it to the next."""

    def one(match: re.Match[str]) -> str:
        escape = match.group(1)
        if len(escape) > 1:
            return chr(int(escape[1:], 16))
        return _YAML_ESCAPED.get(escape, escape)

    return _YAML_ESCAPE.sub(one, text)


_FLOW_ITEM = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)\s*(?:,|$)""")
"""An item of a YAML flow list, quoted or bare, up to its comma."""


def _clean_value(value: str) -> str:
    value = " ".join(value.split())
    if len(value) >= 2 and value[0] == "[" and value[-1] == "]":
        # A flow list (`['Jane Doe', "John Roe"]`): its items, as a block list gives them.
        items = (_clean_value(item) for item in _FLOW_ITEM.findall(value[1:-1]))
        return ", ".join(item for item in items if item)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return " ".join(_unescape(value[1:-1]).split())
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'").strip()
    return value


def _ordered(front_meta: list[MetaPair], meta: list[MetaPair]) -> list[MetaPair]:
    """The front matter's pairs and the page's, the first of each key to win: the front
    matter's, but for the title a Markdown page's own first-level heading gives, which
    names the page better than a site template's `title:` (`Session Transcripts` on
    every talk's page), where a second-level heading (`Listen to the Episode`) does not."""
    headed = [("title", value) for key, value in meta if key == _H1_TITLE]
    return headed + front_meta + [pair for pair in meta if pair[0] != _H1_TITLE]


_H1_TITLE = "h1_title"
"""The meta key of a Markdown page's first-level heading, before `_ordered` reads it."""


def _first_of_each_key(pairs: list[MetaPair]) -> tuple[MetaPair, ...]:
    kept: dict[str, str] = {}
    for key, value in pairs:
        cleaned = _clean_value(value)
        if cleaned and key not in kept:
            kept[key] = cleaned
    return tuple(kept.items())


# --- front matter ------------------------------------------------------------------------

_YAML_ITEM = re.compile(r"(?P<key>[A-Za-z_][\w .-]{0,40}?)\s*:(?:\s+(?P<value>.*))?$")
_TOML_ITEM = re.compile(r"(?P<key>[A-Za-z_][\w.-]{0,40}|\"[^\"\n]{1,40}\")\s*=\s*(?P<value>.*)$")
_VALUE_BELOW = frozenset({"", "|", ">", "|-", ">-", "|+", ">+"})
"""No value, or a block scalar's mark: the value is on the lines below."""
_MAX_FRONT_MATTER_LINES = 300


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    lines: int
    """How many lines it takes at the start of the text, fences included."""
    pairs: list[MetaPair]


@dataclass(slots=True)
class _Entry:
    key: str
    parts: list[str]
    is_list: bool = False


def _front_matter(lines: list[str]) -> _FrontMatter | None:
    """The `---` (YAML) or `+++` (TOML) block at the very start, read line by line as
    `key: value` or `key = value`: such blocks are often not valid YAML, and reading them
    as YAML would run its tags. Any line of another shape means it is not front matter."""
    fence = lines[0].rstrip()
    if fence not in ("---", "+++"):
        return None
    closing = ("---", "...") if fence == "---" else ("+++",)
    item = _YAML_ITEM if fence == "---" else _TOML_ITEM
    entries: list[_Entry] = []
    for index in range(1, min(len(lines), _MAX_FRONT_MATTER_LINES)):
        line = lines[index].rstrip()
        if line in closing:
            if not entries:
                return None
            pairs = [
                (_meta_key(entry.key), (", " if entry.is_list else " ").join(entry.parts))
                for entry in entries
            ]
            return _FrontMatter(index + 1, pairs)
        stripped = line.strip()
        match = item.match(line)
        if match:
            value = (match["value"] or "").strip()
            entries.append(_Entry(match["key"], [] if value in _VALUE_BELOW else [value]))
        elif entries and (line[:1].isspace() or line.startswith("- ")):
            # A list item or a line of a block value: part of the key above.
            if stripped.startswith("- "):
                entries[-1].is_list = True
                stripped = _clean_value(stripped[2:])
            entries[-1].parts.append(stripped)
        elif stripped and not stripped.startswith("#") and not (fence == "+++" and line[:1] == "["):
            return None
    return None


# --- which format ------------------------------------------------------------------------

_FORMAT_OF_EXTENSION = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".srt": "srt",
    ".vtt": "vtt",
}
_SNIFF_CHARS = 20_000
"""Formats are recognised from the start of the text."""
_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|body|p|br|div|b|strong|span|h[1-6])\b[^<>]*>", re.IGNORECASE
)
_MARKDOWN_HINT = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S|\*\*\S|__\S|\[[^\[\]\n]+\]\([^()\s]+\)|^ {0,3}>[ \t]", re.MULTILINE
)
_FIRST_LINES = re.compile(r"\s*([^\n]*)(?:\n([^\n]*))?")
"""The first two lines after leading blank space, read without copying the text."""
_WEBVTT = re.compile(r"\s*WEBVTT(?:[ \t\n]|$)")
_TIMESTAMP = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"\s*{_TIMESTAMP}\s*-->\s*{_TIMESTAMP}")
_CUE_NUMBER = re.compile(r"\s*\d+\s*$")


def _format(name: str, text: str, has_front_matter: bool) -> str:
    known = _FORMAT_OF_EXTENSION.get(PurePath(name).suffix.casefold())
    if known:
        return known
    if _WEBVTT.match(text):
        return "vtt"
    first, second = _FIRST_LINES.match(text).groups()  # type: ignore[union-attr]
    if _TIMING.match(first) or (
        second is not None and _CUE_NUMBER.match(first) and _TIMING.match(second)
    ):
        return "srt"
    if _HTML_HINT.search(text, 0, _SNIFF_CHARS):
        return "html"
    if has_front_matter and _MARKDOWN_HINT.search(text, 0, _SNIFF_CHARS):
        return "markdown"
    return "text"


# --- HTML --------------------------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK = _HEADINGS | frozenset(
    {"p", "div", "br", "hr", "pre", "blockquote", "address", "figure", "figcaption", "details"}
    | {"summary", "li", "ul", "ol", "dl", "dd", "dt", "tr", "table", "caption", "form", "fieldset"}
    | {"section", "article", "main", "header", "footer", "nav", "aside", "hgroup"}
)
_CELL = frozenset({"td", "th"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "keygen"}
)
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "button", "select", "svg", "title", "iframe"}
    | {"object", "canvas", "video", "audio", "textarea"}
)
"""Elements whose content is code, controls or media fallback, never text to read (the
title goes to meta)."""
_TEXT_ONLY = frozenset({"title", "button", "select", "textarea"})
"""Hidden elements that never hold a block: one still open when a block starts was left
unclosed, and is closed so that it does not hide the rest of the page."""
_EMPHASIS = ("b", "strong", "em", "i")
"""Elements that set words in bold or italics: a paragraph wholly in them is set apart."""
_CHROME = frozenset({"nav", "aside"})
_PAGE_CHROME = frozenset({"header", "footer"})
"""Chrome when they belong to the page, not to an article or section: an article's own
header holds its title, byline and date."""
_SECTIONS = frozenset({"article", "main", "section"})
_ARTICLE = frozenset({"article", "main"})
_TEXT_BLOCKS = _HEADINGS | frozenset({"p", "article", "main", "blockquote", "pre"})
"""Inside a form, these make it a page's wrapper (as ASP.NET pages have), not a widget."""
_HTML_META = {
    "date": "date",
    "dc.date": "date",
    "article:published_time": "published",
    "datepublished": "published",
    "article:modified_time": "modified",
    "datemodified": "modified",
    "author": "author",
}
_JSON_LD_DATES = (("datePublished", "published"), ("dateModified", "modified"))
_SITE_NAME = re.compile(r"\s+(?:\||[-–—])\s+(?P<site>[^|–—]+)$")
_BROKEN_MARKUP_BUDGET = 4
"""Broken markup may make the parser read the text again from each broken tag; after this
many readings of the whole page the rest is read as text."""
_LONE_ANGLE = re.compile(r"<(?![A-Za-z/!?])")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _page_title(title: str) -> str:
    """`<title>` without the site's name: `Remarks to the press | U.S. Embassy` -> `Remarks to
    the press`; after a dash only a name no longer than what comes before it."""
    match = _SITE_NAME.search(title)
    if match is None:
        return title
    before = title[: match.start()].strip()
    if "|" in match.group() or len(match["site"].split()) <= len(before.split()):
        return before or title
    return title


class _Paragraphs:
    """Text gathered into paragraphs of lines, whitespace collapsed within each line."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.emphasised: set[int] = set()
        """Paragraphs (by position in `done`) whose words are all in bold or italics."""
        self._lines: list[str] = []
        self._pieces: list[str] = []
        self._marked = False
        """Whether the paragraph has words in bold or italics, and (`_plain`) outside."""
        self._plain = False

    def add(self, text: str, emphasised: bool = False) -> None:
        self._pieces.append(text)
        if text.strip():
            if emphasised:
                self._marked = True
            else:
                self._plain = True

    def add_preformatted(self, text: str) -> None:
        self._plain = self._plain or bool(text.strip())
        first, *rest = text.split("\n")
        self._pieces.append(first)
        for piece in rest:
            self.line_break()
            self._pieces.append(piece)

    def line_break(self) -> None:
        """End the line; a line with nothing on it ends the paragraph (as in `<pre>`)."""
        line = _collapse("".join(self._pieces))
        self._pieces.clear()
        if line:
            self._lines.append(line)
        else:
            self.end_paragraph()

    def end_paragraph(self) -> None:
        line = _collapse("".join(self._pieces))
        self._pieces.clear()
        if line:
            self._lines.append(line)
        if self._lines:
            if self._marked and not self._plain:
                self.emphasised.add(len(self.done))
            self.done.append("\n".join(self._lines))
            self._lines.clear()
        self._marked = self._plain = False


@dataclass(slots=True)
class _Chrome:
    """An open nav, aside, page header or footer: its text is dropped with `reason`."""

    depth: int
    reason: str
    text: _Paragraphs = field(default_factory=_Paragraphs)


@dataclass(slots=True)
class _Form:
    depth: int
    first_paragraph: int
    has_text_blocks: bool = False


class _HtmlReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = _Paragraphs()
        self.dropped: list[DroppedText] = []
        self.meta: list[MetaPair] = []
        self.title: str | None = None
        self.first_h1: str | None = None
        self.article_h1: str | None = None
        self._stack: list[str] = []
        self._open: dict[str, int] = {}
        self._hidden = 0
        self._in_article = 0
        self._in_section = 0
        self._pre = 0
        self._chrome: _Chrome | None = None
        self._form: _Form | None = None
        self._sink: _Paragraphs | None = self.text
        self._captures: dict[str, list[str]] = {}
        self._h1_in_article = False

    def read(self, page: str) -> None:
        # A `<` that opens nothing is text: escaped, it is not handled one character at a time.
        self.feed(_LONE_ANGLE.sub("&lt;", page))
        read_again = 0
        while self.rawdata:
            rest = self.rawdata
            self.rawdata = ""
            if self.cdata_elem:
                self.dropped.append((0, _collapse(rest[:200]), f"html unclosed {self.cdata_elem}"))
                break
            if not rest.startswith("<"):  # text that may end in half a character reference
                self.rawdata = rest
                self.close()
                break
            # `rest` starts with a tag, comment or declaration whose end is nowhere in it.
            read_again += len(rest)
            end = rest.find(">", 1)
            if end < 0 or read_again > _BROKEN_MARKUP_BUDGET * len(page):
                self.handle_data(html.unescape(rest))
                break
            if rest.startswith("<!--"):
                # No comment closes after this one: the others are not comments either.
                self.feed(rest[4:].replace("<!--", ""))
            else:
                self.feed(rest[end + 1 :])
        while self._stack:
            self._pop()
        self.text.end_paragraph()

    # HTMLParser counts lines for getpos(), which is not used here: a tenth of its time.
    def updatepos(self, i: int, j: int) -> int:
        return j

    # The standard library raises AssertionError on `<![x` before Python 3.13; HTML reads any
    # `<![...>` outside SVG and MathML as a comment up to the first `>`.
    def parse_marked_section(self, i: int, report: bool = True) -> int:
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self._void(tag, attrs)
            return
        if tag == "main" and self._chrome is not None:
            # `main` is never inside a nav, aside, header or footer: that one was left open.
            chrome_depth = self._chrome.depth
            while len(self._stack) > chrome_depth:
                self._pop()
        if (tag in _BLOCK or tag == "body") and self._hidden:
            while any(self._open.get(name) for name in _TEXT_ONLY):
                self._pop()
        sink = self._sink
        if sink is not None:
            if tag in _BLOCK:
                sink.end_paragraph()
            elif tag in _CELL:
                sink.add(" ")
        depth = len(self._stack)
        self._stack.append(tag)
        self._open[tag] = self._open.get(tag, 0) + 1
        if self._form is not None and tag in _TEXT_BLOCKS:
            self._form.has_text_blocks = True
        if tag in _HIDDEN:
            self._hidden += 1
            self._start_hidden(tag, attrs)
        elif tag in _CHROME or (tag in _PAGE_CHROME and not self._in_section):
            if self._chrome is None:
                self._chrome = _Chrome(depth, f"html {tag}")
        elif tag == "form":
            if self._form is None and self._chrome is None and not self._hidden:
                self._form = _Form(depth, len(self.text.done))
        elif self._chrome is None and (furniture := _furniture(attrs)):
            self._chrome = _Chrome(depth, furniture)
        elif tag in _SECTIONS:
            self._in_section += 1
            self._in_article += tag in _ARTICLE
        elif tag == "pre":
            self._pre += 1
        elif tag == "h1":
            if not self._hidden and self._chrome is None and "h1" not in self._captures:
                self._captures["h1"] = []
                self._h1_in_article = self._in_article > 0
        elif tag == "time" and self._in_article and not self._hidden:
            when = dict(attrs).get("datetime")
            if when:
                self.meta.append(("date", when))
            elif "time" not in self._captures:
                self._captures["time"] = []
        self._update_sink()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._open.get(tag):
            # A stray end tag: `</p>` and `</br>` still break the text, as browsers do.
            if tag in _BLOCK and self._sink is not None:
                self._sink.end_paragraph()
            return
        while self._stack[-1] != tag:
            self._pop()
        self._pop()

    def handle_data(self, data: str) -> None:
        for parts in self._captures.values():
            parts.append(data)
        sink = self._sink
        if sink is None:
            return
        if self._pre:
            sink.add_preformatted(data)
        else:
            sink.add(data, any(self._open.get(tag) for tag in _EMPHASIS))

    def _start_hidden(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden > 1:  # inside an SVG or a template: not the page's
            return
        if tag == "title" and self.title is None:
            self._captures["title"] = []
        elif (
            tag == "script" and (dict(attrs).get("type") or "").casefold() == "application/ld+json"
        ):
            self._captures["script"] = []

    def _void(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            # A line ends; two in a row end the paragraph (`<br /><br />`). The parser
            # joins lines a typist or a scanner broke (`deferral of the<br />tax cuts`).
            if self._sink is not None:
                self._sink.line_break()
        elif tag in _BLOCK:  # hr
            if self._sink is not None:
                self._sink.end_paragraph()
        elif tag == "meta":
            values = dict(attrs)
            name = values.get("name") or values.get("property") or values.get("itemprop") or ""
            key = _HTML_META.get(name.casefold())
            content = values.get("content")
            if key and content:
                self.meta.append((key, content))

    def _pop(self) -> None:
        tag = self._stack.pop()
        self._open[tag] -= 1
        depth = len(self._stack)
        if tag in _BLOCK and self._sink is not None:
            self._sink.end_paragraph()
        if tag in _HIDDEN:
            self._hidden -= 1
        elif tag in _SECTIONS:
            self._in_section -= 1
            self._in_article -= tag in _ARTICLE
        elif tag == "pre":
            self._pre -= 1
        if self._chrome is not None and self._chrome.depth == depth:
            self._chrome.text.end_paragraph()
            self.dropped.extend(
                (0, paragraph.replace("\n", " "), self._chrome.reason)
                for paragraph in self._chrome.text.done
            )
            self._chrome = None
        if self._form is not None and self._form.depth == depth:
            self._end_form(self._form)
            self._form = None
        parts = self._captures.pop(tag, None)
        if parts is not None:
            self._captured(tag, "".join(parts))
        self._update_sink()

    def _end_form(self, form: _Form) -> None:
        """A form's text is dropped, unless the form wraps the page's text."""
        self.text.end_paragraph()
        if form.has_text_blocks:
            return
        self.dropped.extend(
            (0, paragraph.replace("\n", " "), "html form")
            for paragraph in self.text.done[form.first_paragraph :]
        )
        del self.text.done[form.first_paragraph :]

    def _captured(self, tag: str, text: str) -> None:
        if tag == "script":
            self.meta.extend(_json_ld_dates(text))
            return
        text = _collapse(text)
        if not text:
            return
        if tag == "title":
            self.title = _page_title(text)
        elif tag == "time":
            self.meta.append(("date", text))
        elif tag == "h1":
            if self.first_h1 is None:
                self.first_h1 = text
            if self._h1_in_article and self.article_h1 is None:
                self.article_h1 = text

    def _update_sink(self) -> None:
        if self._hidden:
            self._sink = None
        elif self._chrome is not None:
            self._sink = self._chrome.text
        else:
            self._sink = self.text


def _json_ld_dates(text: str) -> Iterator[MetaPair]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            for name, key in _JSON_LD_DATES:
                value = item.get(name)
                if isinstance(value, str):
                    yield key, value
            todo.extend(reversed(item.values()))
        elif isinstance(item, list):
            todo.extend(reversed(item))


_FURNITURE_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "sidebar",
        "share",
        "sharing",
        "social",
        "footer",
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "banner",
        "advert",
        "advertisement",
        "ads",
        "promo",
        "related",
        "subscribe",
        "newsletter",
        "comments",
        "tooltip",
        "hidden",
        "sr-only",
        "visually-hidden",
        "screen-reader-text",
        "skip-link",
        "search",
        "topline",
    }
)
"""Words of a class or id that mark page furniture in any site's markup (`nav__item`,
`share_sites`, `small_tooltip`, `sr-only`): kept out as `nav` and `aside` are."""
_CLASS_WORDS = re.compile(r"[a-z]+(?:-only|-hidden|-text|-link)?")


def _furniture(attrs: list[tuple[str, str | None]]) -> str | None:
    """Why an element is page furniture by its attributes (hidden, or a class or id that
    says so), or None."""
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return "html hidden"
        if name == "style" and value and re.search(r"display\s*:\s*none", value):
            return "html hidden"
        if name in ("class", "id") and value:
            for word in _CLASS_WORDS.findall(value.casefold()):
                if word in _FURNITURE_WORDS:
                    return f"html {word}"
    return None


def _convert_html(page: str) -> tuple[str, list[MetaPair], list[DroppedText], frozenset[int]]:
    """The page's text, metadata and dropped lines, and the numbers of the lines that
    begin a paragraph set in bold or italics whole."""
    if _XML_EXPORT.match(page) and "<![CDATA[" in page:
        page = _xml_export(page)
    reader = _HtmlReader()
    reader.read(page)
    title = reader.article_h1 or reader.first_h1 or reader.title
    meta = [("title", title)] if title else []
    emphasised: set[int] = set()
    line = 1
    for position, paragraph in enumerate(reader.text.done):
        if position in reader.text.emphasised:
            emphasised.add(line)
        line += paragraph.count("\n") + 2
    return "\n\n".join(reader.text.done), meta + reader.meta, reader.dropped, frozenset(emphasised)


_XML_EXPORT = re.compile(r"\ufeff?\s*<\?xml\b")
"""An XML document: an export whose fields are elements, its text HTML in CDATA."""
_XML_FIELD = re.compile(r"<(?P<tag>[A-Za-z][\w.-]*)>(?P<value>[^<>\n]{1,300})</(?P=tag)>")
"""An element that holds one line of text and nothing else (`<release-date>17/11/2016
</release-date>`): a field of the export."""
_CDATA = re.compile(r"<!\[CDATA\[.*?(?:\]\]>|$)", re.DOTALL)


def _xml_export(page: str) -> str:
    """An XML export as the page it stands for: each field (`_XML_FIELD`, outside the
    CDATA sections) a paragraph of its own, `Key: value`, as a page lists what it says
    of itself (`<prime-minister>Turnbull, Malcolm</prime-minister>` -> `Prime minister:
    Turnbull, Malcolm`), and the text the export holds as HTML in CDATA read as the
    markup it is (`<content><![CDATA[<p>...</p>]]></content>`)."""
    kept: list[str] = []
    at = 0
    for section in _CDATA.finditer(page):
        kept.append(_XML_FIELD.sub(_as_field, page[at : section.start()]))
        kept.append(section[0].removeprefix("<![CDATA[").removesuffix("]]>"))
        at = section.end()
    kept.append(_XML_FIELD.sub(_as_field, page[at:]))
    return "".join(kept)


def _as_field(found: re.Match[str]) -> str:
    key = " ".join(re.split(r"[-_.]", found["tag"])).capitalize()
    return f"<p>{key}: {found['value']}</p>"


# --- Markdown ----------------------------------------------------------------------------

_MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_MD_UNDERLINE = re.compile(r" {0,3}(?P<mark>=+|-+)[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
"""The fence that opens or closes a code block: ``` or ~~~, three or more."""
_MD_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
# No bracket inside a link's text or target: each attempt stops at the next one, so a line
# of unclosed `[a](` is read in linear time.
_MD_TARGET = r"\((?P<target>(?:[^()\[\]\n]|\([^()\[\]\n]*\))*)\)"
_MD_IMAGE = re.compile(rf"!\[(?P<alt>[^\[\]\n]*)\]{_MD_TARGET}")
_MD_LINK = re.compile(rf"\[(?P<text>[^\[\]\n]*)\](?:{_MD_TARGET}|\[[^\[\]\n]*\])")
# Emphasis only between a delimiter run that opens a word and one that closes it, with no
# delimiter of its kind inside: `2*3*4`, `snake_case` and `* list item` stay as they are,
# and each attempt stops at the next delimiter, so a line is read in linear time.
_MD_WHOLE_EMPHASIS = re.compile(r"^\s*(\*{1,3}|_{1,3})[^\s*_].*[^\s\\]\1\s*$")
"""A line in bold or italics from its first word to its last (`*Why now?*`)."""
_MD_OPENS_EMPHASIS = re.compile(r"^(\s*)(\*{1,3}|_{1,3})(?=[^\s*_])")
"""A line that opens bold or italics on its first word (`**Why, then,`)."""
_MD_STARS = re.compile(r"(?<![\\\w*])(\*{1,3})(?=[^\s*])([^*\n]*?[^\s*\\])\1(?![\w*])")
_MD_UNDERSCORES = re.compile(r"(?<![\\\w_])(_{1,3})(?=[^\s_])([^_\n]*?[^\s_\\])\1(?![\w_])")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


_MD_INLINE_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
"""An HTML tag within a Markdown line (`<br/>`, `<em>`): markup, as a browser shows it."""


_MD_AUTOLINK = re.compile(
    r"<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|www\.)[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"
)
"""An autolink (`<https://example.org>`, `<jane@example.org>`): its address, shown."""


CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
"""A time as transcripts write when words were said: `0:06`, `00:01:05`, `0:00:26.3`."""
_TIMED_BOLD_NAME = re.compile(
    rf"^(?P<time>{CLOCK})[ \t]+\*\*(?P<name>[^*\n:]{{1,60}}?)\*\*[ \t]+(?P<rest>[^\s:].*)$",
    re.MULTILINE,
)
"""`0:00:26.3 **Jason Staten** I had-`: a time, then who speaks in bold, then the words,
as some podcasts print their transcripts: a label once the bold is gone."""


def _markdown_inline(line: str) -> str:
    if "<" in line:
        line = _MD_INLINE_TAG.sub(" ", _MD_AUTOLINK.sub(r"\1", line))
    if "&" in line:
        line = html.unescape(line)
    if "[" in line:
        line = _MD_LINK.sub(r"\g<text>", line)
    if "*" in line:
        line = _MD_STARS.sub(r"\2", _MD_STARS.sub(r"\2", line))  # twice: `**a *b* c**`
    if "_" in line:
        line = _MD_UNDERSCORES.sub(r"\2", _MD_UNDERSCORES.sub(r"\2", line))
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    return line


def _without_closing_hashes(heading: str) -> str:
    """`Title ##` -> `Title`; `C#` stays."""
    bare = heading.rstrip("#")
    return bare.rstrip() if not bare or bare[-1] in " \t" else heading


_HTML_BLOCK_START = re.compile(r" {0,3}</?(?:[A-Za-z][\w-]*)(?:[\s/>]|$)|\s{0,3}<!--")
"""A line that opens an HTML block in Markdown: it runs to the next blank line."""
_TEMPLATE_TAG = re.compile(r"\s*(?:\{%.*%\}|\{\{.*\}\})\s*$")
"""A line that is only a template's tag (`{% include x %}`, `{{< figure >}}`)."""


def _html_block(lines: list[str], start: int, out: list[str], dropped: list[DroppedText]) -> int:
    """Read the HTML block of Markdown that starts at `start` with the HTML reader, write
    its paragraphs to `out` in its lines' place (one a line where the block has too few
    lines for blank ones between), and return the index of its last line."""
    end = start
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    text, _, block_dropped, _ = _convert_html("\n".join(lines[start : end + 1]))
    dropped.extend((start + 1, line, reason) for _, line, reason in block_dropped)
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    room = end - start + 1
    if 2 * len(paragraphs) - 1 <= room:
        written = "\n\n".join(paragraphs).split("\n")
    elif len(paragraphs) <= room:
        written = [" ".join(paragraph.split()) for paragraph in paragraphs]
    else:  # more paragraphs than lines: the lines below move down
        written = "\n\n".join(paragraphs).split("\n")
    out.extend(written + [""] * (room - len(written)))
    return end


def _emphasised_paragraph(lines: list[str], start: int) -> range:
    """The numbers of the lines of the paragraph from `start` that is set in bold or
    italics from its first word on its first line to its last on its last (`**Why,
    then,` ... `did you stay?**`), with the marks that open and close it taken off
    `lines`; an empty range if it is not so set, or is a line of its own."""
    opened = _MD_OPENS_EMPHASIS.match(lines[start])
    if opened is None:
        return range(0)
    end = start
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    mark = opened[2]
    last = lines[end].rstrip()
    if end == start or not last.endswith(mark) or last[-len(mark) - 1] in " \t\\*_":
        return range(0)
    inner = [lines[start][opened.end() :], *lines[start + 1 : end], last[: -len(mark)]]
    if any(mark[0] in part for part in inner):
        return range(0)  # emphasis that closes and opens again within the paragraph
    lines[start] = opened[1] + inner[0]
    lines[end] = inner[-1]
    return range(start + 1, end + 2)


def _convert_markdown(
    lines: list[str],
) -> tuple[str, list[MetaPair], list[DroppedText], frozenset[int], frozenset[int], frozenset[int]]:
    """Markup off, line for line: the text keeps the file's line numbers. Also the
    numbers of the heading lines, of the code lines and of the lines set in bold or
    italics whole."""
    out: list[str] = []
    headings: set[int] = set()
    code: set[int] = set()
    emphasised: set[int] = set()
    meta: list[MetaPair] = []
    dropped: list[DroppedText] = []
    body_seen = False
    first_level = 0
    """How many first-level headings the page has."""
    html_until = -1
    fence: str | None = None
    """The fence of the code block the line is in (a slide's text, a REPL session)."""
    for index, line in enumerate(lines):
        if index <= html_until:
            continue  # written by the HTML block that holds it
        if not line.strip():
            out.append("")
            continue
        if fence is None and (line[:1] in "*_ " and (index == 0 or not lines[index - 1].strip())):
            emphasised.update(_emphasised_paragraph(lines, index))
            line = lines[index]
        opened = _MD_FENCE.match(line)
        if opened and (fence is None or opened[1].startswith(fence)):
            fence = opened[1] if fence is None else None
            out.append("")
            continue
        if fence is not None:
            code.add(index + 1)
            out.append(line)
            continue
        if _HTML_BLOCK_START.match(line):
            html_until = _html_block(lines, index, out, dropped)
            body_seen = body_seen or any(part.strip() for part in out[index:])
            continue
        if _TEMPLATE_TAG.match(line):
            dropped.append((index + 1, line.strip(), "template tag"))
            out.append("")
            continue
        heading_level = 0
        if _MD_RULE.match(line) or (
            _MD_UNDERLINE.match(line) and index > 0 and out[index - 1].strip()
        ):
            out.append("")  # a rule or the underline of the heading above: a paragraph break
            continue
        if _MD_LINK_DEFINITION.match(line):
            dropped.append((index + 1, line.strip(), "markdown link definition"))
            out.append("")
            continue
        line = _MD_QUOTE.sub("", line, count=1)
        heading = _MD_HEADING.match(line)
        if heading:
            heading_level = len(heading[1])
            line = _without_closing_hashes(line[heading.end() :].strip())
        elif index + 1 < len(lines) and (underline := _MD_UNDERLINE.match(lines[index + 1])):
            heading_level = 1 if underline["mark"][0] == "=" else 2
        if "![" in line:
            for image in _MD_IMAGE.finditer(line):
                dropped.append((index + 1, image["alt"] or image["target"], "markdown image"))
            line = _MD_IMAGE.sub("", line)
        if not heading_level and _MD_WHOLE_EMPHASIS.match(line):
            emphasised.add(index + 1)
        if line[:1].isdigit() and "**" in line:
            line = _TIMED_BOLD_NAME.sub(r"\g<time> \g<name>: \g<rest>", line)
        line = _markdown_inline(line)
        if line.strip() and not body_seen:
            if heading_level in (1, 2):
                meta.append((_H1_TITLE if heading_level == 1 else "title", line.strip()))
            body_seen = True
        if heading_level:
            headings.add(index + 1)
            first_level += heading_level == 1
        out.append(line)
    if first_level > 1:
        # One of several sections (`# Blockcert`, `# Reputation`): no more the page's
        # title than a second-level heading is.
        meta = [("title", value) if key == _H1_TITLE else (key, value) for key, value in meta]
    return (
        "\n".join(out),
        meta,
        dropped,
        frozenset(headings),
        frozenset(code),
        frozenset(emphasised),
    )


# --- captions ----------------------------------------------------------------------------

_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^<>]*)>")
_CAPTION_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}")
"""Tags (`<c.yellow>`, `<i>`, `<font>`), word times (`<00:00:01.000>`), SSA codes (`{\\an8}`)."""
_PAUSE_SECONDS = 2.0
_MAX_REPEAT = 200
"""Rolling captions repeat a line or two of the previous cue, never more words than this."""


@dataclass(frozen=True, slots=True)
class _SpeakerChange:
    voice: str | None
    """The name a WebVTT voice tag gives, or None for `>>`, `- ` and `NAME:`."""


_Piece = str | _SpeakerChange
"""A word of a cue, or the start of another speaker's words."""


@dataclass(slots=True)
class _Cue:
    start: float
    end: float
    lines: list[str] = field(default_factory=list)


def _seconds(match: re.Match[str], first_group: int) -> float:
    hours, minutes, seconds, fraction = match.group(*range(first_group, first_group + 4))
    return (
        int(hours or 0) * 3600
        + int(minutes) * 60
        + int(seconds)
        + int(fraction.ljust(3, "0")) / 1000
    )


def _cues(lines: list[str], kind: str, dropped: list[DroppedText]) -> list[_Cue]:
    cues: list[_Cue] = []
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and _WEBVTT.match(lines[index]):  # the WEBVTT line and its header
        while index < len(lines) and lines[index].strip():
            index += 1
    at_block_start = True
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        index += 1
        if not stripped:
            at_block_start = True
            continue
        timing = _TIMING.match(line) if "-->" in line else None
        if timing:
            cues.append(_Cue(_seconds(timing, 1), _seconds(timing, 5)))
            at_block_start = False
            continue
        first_word = stripped.split(maxsplit=1)[0]
        if kind == "vtt" and at_block_start and first_word in ("NOTE", "STYLE", "REGION"):
            block = [stripped]
            while index < len(lines) and lines[index].strip():
                block.append(lines[index].strip())
                index += 1
            if first_word == "NOTE":
                dropped.append((0, " ".join(block), "caption note"))
            continue
        is_identifier = _CUE_NUMBER.match(line) or (kind == "vtt" and at_block_start)
        if is_identifier and index < len(lines) and _TIMING.match(lines[index]):
            continue
        at_block_start = False
        if not cues:  # text before any timing: kept, at time 0
            cues.append(_Cue(0.0, 0.0))
        cues[-1].lines.append(stripped)
    return cues


def _cue_pieces(cue: _Cue) -> list[_Piece]:
    pieces: list[_Piece] = []
    for line in cue.lines:
        if line.startswith("- "):
            pieces.append(_SpeakerChange(None))
            line = line[2:]
        position = 0
        for voice in _VOICE.finditer(line):
            _add_words(pieces, line[position : voice.start()])
            # `<v ->`, a voice without a name: another speaker, not named.
            named = _collapse(voice[1])
            pieces.append(_SpeakerChange(named if any(map(str.isalpha, named)) else None))
            position = voice.end()
        _add_words(pieces, line[position:])
    return pieces


def _add_words(pieces: list[_Piece], text: str) -> None:
    for word in html.unescape(_CAPTION_MARKUP.sub("", text)).split():
        if word.startswith(">>"):
            pieces.append(_SpeakerChange(None))
            word = word.lstrip(">")
        if word:
            pieces.append(word)


def _repeated(before: list[_Piece], after: list[_Piece]) -> int:
    """How many pieces `after` starts with that end `before`."""
    for size in range(min(len(before), len(after), _MAX_REPEAT), 0, -1):
        if before[-size] == after[0] and before[-size:] == after[:size]:
            return size
    return 0


def _starts_with_label(pieces: list[_Piece], start: int, names: frozenset[str]) -> bool:
    """`DOE:`, `MS. DOE:`, `Jane Doe:` at `start`: a speaker's name as captions write it;
    one word (`Bekah:`) where it is one of `names`."""
    if isinstance(first := pieces[start], str) and first in names:
        return True
    words: list[str] = []
    in_note = False
    for piece in pieces[start : start + 8]:
        if not isinstance(piece, str):
            return False
        # A note after the name is no part of it: `Ashlee Kupor (SL):`.
        in_note = in_note or piece.startswith("(")
        if not in_note:
            words.append(piece)
        if piece.endswith(":") and len(piece) > 1:
            name = " ".join(words).removesuffix(":")
            return bool(words) and (
                name.isupper() or (len(words) > 1 and all(word[0].isupper() for word in words))
            )
        if in_note and piece.endswith(")"):
            in_note = False
    return False


_ONE_WORD_NAME = re.compile(r"[^\W\d_][\w’'-]*:")
_FULL_NAME = re.compile(rf"{UPPER}[\w’'-]*(?: {UPPER}[\w’'-]*){{1,2}}:")
_LABEL_WORDS = 3


CHANGE_OF_SPEAKER = ">>"
"""How a stenographer marks a change of speaker without a name, and how captions that
mark one otherwise (`- `, `<v ->`) are written for the parser."""


def _one_word_labels(cues: Iterable[list[_Piece]]) -> frozenset[str]:
    """The capitalised words before a colon that start two cues or more (`Bekah:`), or
    one where a cue starts with the full name they begin (`Dan Ott:`, then `Dan:`):
    speakers called by one name."""
    counts: Counter[str] = Counter()
    firsts: set[str] = set()
    for pieces in cues:
        words = [piece for piece in pieces[:_LABEL_WORDS] if isinstance(piece, str)]
        if not words or not words[0][0].isupper():
            continue
        if _ONE_WORD_NAME.fullmatch(words[0]):
            counts[words[0]] += 1
        elif any(_FULL_NAME.fullmatch(" ".join(words[:size])) for size in (2, 3)):
            firsts.add(f"{words[0]}:")
    return frozenset(word for word, count in counts.items() if count >= 2 or word in firsts)


def _convert_captions(lines: list[str], kind: str) -> tuple[str, list[DroppedText]]:
    dropped: list[DroppedText] = []
    cues = [cue for cue in _cues(lines, kind, dropped) if cue.lines]
    pieces = [_cue_pieces(cue) for cue in cues]
    timed = [(cue, cue_pieces) for cue, cue_pieces in zip(cues, pieces, strict=True) if cue_pieces]
    repeats = [
        _repeated(timed[index - 1][1], cue_pieces) if index else 0
        for index, (_, cue_pieces) in enumerate(timed)
    ]
    # Rolling captions repeat the end of nearly every cue; elsewhere a cue that starts as the
    # last one ended ("No." "No.") is speech, and kept.
    overlapping = sum(1 for size in repeats if size)
    rolling = overlapping >= 2 and 2 * overlapping >= len(timed) - 1
    paragraphs: list[str] = []
    words: list[str] = []
    voice: str | None = None
    last_end: float | None = None
    names = _one_word_labels(cue_pieces for _, cue_pieces in timed)
    marked = False
    """Whether the next words begin after a change of speaker that names no one."""

    def end_paragraph() -> None:
        if words:
            paragraphs.append(" ".join(words))
            words.clear()

    for (cue, cue_pieces), repeat in zip(timed, repeats, strict=True):
        if last_end is not None and cue.start - last_end >= _PAUSE_SECONDS:
            end_paragraph()
        last_end = cue.end
        new = cue_pieces[repeat:] if rolling else cue_pieces
        at_start = True
        for position, piece in enumerate(new):
            if isinstance(piece, _SpeakerChange):
                if piece.voice is None or piece.voice != voice:
                    end_paragraph()
                    # A voice's name, a label; a change without one, a stenographer's
                    # `>>` (unless a label follows).
                    if piece.voice:
                        words.append(f"{piece.voice}:")
                    marked = piece.voice is None
                    voice = piece.voice
                at_start = True
                continue
            if at_start and _starts_with_label(new, position, names):
                end_paragraph()
                voice = None
                marked = False
            if marked:
                words.append(CHANGE_OF_SPEAKER)
                marked = False
            at_start = False
            words.append(piece)
    end_paragraph()
    return "\n\n".join(paragraphs), dropped
