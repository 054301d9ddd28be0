"""Turning one scraped page into a Document.

The parser works from rules about what such pages look like, not from known
files: a page has chrome (navigation, language bars, clocks, phone numbers), a
title (the first long line, often ending with place and date), a body of
paragraphs, maybe turns that start with a speaker label, and maybe a footer
listing unrelated news. Nothing is thrown away silently: every line kept out
of the body is recorded in `Document.dropped` with the reason.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui.corpus.clean import MAX_LINE_CHARS, clean_line, clean_text, split_long_line
from tui.corpus.config import Config
from tui.corpus.dates import (
    WEEKDAY_WORDS,
    Dateline,
    began_before,
    dates_in_path,
    find_dates,
    infer_year,
    match_dateline,
    said_on,
    short_dates,
    slash_order,
    start_time,
    written_month_first,
)
from tui.corpus.folder import NO_FOLDER, Folder
from tui.corpus.formats import (
    CHANGE_OF_SPEAKER,
    Converted,
    convert,
    is_meta_key,
    known_meta_key,
)
from tui.corpus.letters import UPPER, fold
from tui.corpus.model import (
    Confidence,
    Document,
    Dropped,
    EventDate,
    Paragraph,
    Turn,
    TurnKind,
    diarized,
    split_title_tail,
)
from tui.corpus.speakers import (
    FLOOR_STYLE,
    HONORIFICS,
    PARTICLES,
    ROLE_WORDS,
    SPOKEN_WORDS,
    Label,
    People,
    Role,
    bullet_named,
    byline,
    capitals_line,
    from_the_floor,
    marks_word,
    name_line,
    nameless_label,
    office_of,
    parse_label,
    production_mark,
    said_at,
    timed_name,
    title_case,
)
from tui.corpus.topics import TopicMatcher

# --- chrome: lines that are page furniture, never text to read ---------------

_NAVIGATION = frozenset(
    {
        "all news",
        "additional materials",
        "advanced settings",
        "diplomatic and consular missions of russia",
        "representative offices in russia",
        "consular queries",
        "share",
        "print",
        "print version",
        "subscribe",
        "back to top",
        "main page",
        "menu",
        "permalink",
        "read also",
        "tags",
    }
)
_FOOTER_START = frozenset({"all messages", "related news", "more news", "latest news", "read more"})
_LONGEST_CHROME = max(map(len, _NAVIGATION | _FOOTER_START))
"""Longer lines are neither (casefold never shortens text), and are not folded to see."""
_LANGUAGE_BAR = re.compile(r"^[•·*\-\s]*(?:[a-z]{2}-[A-Z]{2}\d*\s*)+$")
_LANGUAGE_FIRST = frozenset("•·*- \t" + "abcdefghijklmnopqrstuvwxyz")
"""What a language bar starts with."""
_PHONE = re.compile(r"^(?:tel\.?|phone|fax)?:?\s*\+?\(?\d[\d\s().-]{6,}\d$", re.IGNORECASE)
_CLOCK = re.compile(
    r"^[A-Z](?:[^\W\d]|[ .'-]){1,30}:\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE
)
"""A page's clock, a place and its time (`Moscow: 12:30`); not a name and the time they
began (`Jane Doe 00:02:14`: no digit in a place's name)."""
# A page of a printed or scanned document: `12`, `Page 3 of 15`, `- 4 -`, `3/15`.
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.IGNORECASE
)
_EDITION_MARK = re.compile(
    r"^(?:\[\[?page\s+[A-Z]{0,2}-?\d{1,5}\]\]?|\{time\}\s*\d{1,2}:?\d\d(?:\s*[ap]\.?m\.?)?)$",
    re.IGNORECASE,
)
"""Where a printed edition's page begins, or the time it had reached, marked in its
text: `[[Page H6116]]`, `[Page 12]`, `{time}  1100`."""
_BRACKETED_NOTE = re.compile(r"^\[[^\[\]]{1,200}\]$")
"""A line wholly in square brackets: above a page's title, an archive's note of what
it holds (`[House]`, `[Pages H6115-H6117]`, the edition it comes from)."""
# What a browser prints above a page: `9/30/24, 5:33 PM gov.ie - Title`.
_PRINT_HEADER = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},\s*\d{1,2}:\d{2}\s*(?:[AP]M)?\s+\S")
# `Published on 30 September 2024`, `Last updated: ...`: the page's, not the meeting's.
_PUBLICATION_LINE = re.compile(
    r"^(?:published|posted|updated|last updated|last modified|modified|retrieved|accessed|"
    r"опубликовано|обновлено)\b",
    re.IGNORECASE,
)
_PUBLICATION_FIRST = frozenset("PpUuLlMmRrAaОо")
# What a browser prints below a page: its address and `3/15`.
_PRINT_FOOTER = re.compile(r"^\S+\s+\d{1,3}/\d{1,3}$")
# A link as a printed page shows it: `Privacy policy (/en/help/privacy-policy/)`.
_LINK_TEXT = re.compile(r"^[^()]{1,80}\((?:https?:/|/|www\.)[^\s()]*\)$")
_CAPTIONED_LINK = re.compile(
    r"^(?P<caption>[^<>\[\]]{1,160}?)[\s:\-–—]*(?:<|\[)?(?:https?://|www\.)[^\s<>\[\]]+[>\]]?$"
)
"""A line that ends in an address after a few words about it (`Slides: https://…`,
`Contact me- <https://…>`, `Trezor blog post on the vulnerability: https://…`)."""
_CAPTION_WORDS = 12
"""The most words a link's caption has; more, and the line is a sentence that ends in
an address."""
_LINK_NOUNS = frozenset(
    [
        "slides",
        "slide",
        "video",
        "audio",
        "paper",
        "papers",
        "transcript",
        "tweet",
        "cve",
        "source",
        "code",
        "repo",
        "repository",
        "website",
        "site",
        "blog",
        "post",
        "link",
        "links",
        "pdf",
        "media",
        "article",
        "proposal",
        "notes",
        "podcast",
        "docs",
        "documentation",
        "spec",
        "specification",
        "thread",
        "announcement",
        "presentation",
        "recording",
    ]
)
"""What a caption of one or a few capitalised words calls its link (`Slides:`, where
`Jane Doe:` would be a speaker giving one)."""
_DOMAIN_PATH = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*$")
"""An address without its scheme: `w3.org/TR/WebCryptoAPI/`."""
_MARKED_BLOCK = re.compile(r"^-{2,}\s*(?P<close>/)?\s*(?P<word>[^\W\d][\w ]{0,30}?)\s*-{2,}$")
"""The lines that open and close a marked block: `-- Disclaimer --`, `--/Disclaimer --`."""
# "27.11.2017 - Letter to the Editor": an entry of a list of other news.
_NEWS_LIST_ENTRY = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\s*[-–—]\s+\S")

# --- who a title says speaks ------------------------------------------------------

_TITLE_SPEAKER = re.compile(
    rf"(?P<who>(?:{UPPER}[\w.’'-]*\s+){{0,6}}?{UPPER}[\w’'-]+?)[’']s\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:remarks|statement|speech|address|answers|interview|opening|comments|article|"
    r"briefing|lecture|replies|news conference|press conference|talk|keynote|presentation|"
    r"testimony)",
)
_TITLE_BY_SPEAKER = re.compile(
    r"\b(?i:remarks|statement|speech|address|interview|briefing|lecture|comments|"
    r"press conference|news conference|talk|keynote|presentation|testimony)\s+(?:by|of)\s+"
    rf"(?P<who>(?:{UPPER}[\w.’'-]*\s+){{0,6}}{UPPER}[\w’'-]+)",
)


_OWNED = re.compile(r"[’']s\s+(?:\w+\s+){0,2}$")
"""The end of a text before `interview with`, where it is someone's (`Putin's TV `)."""


_NAME_CASE = re.compile(rf"{UPPER}(?:[’']{UPPER})?[^\W\d_A-ZА-ЯЁ][\w’'-]*$")
"""A word written as a name: a capital, then a small letter (`O'Brien` too; not `CNN`)."""


def _is_full_name(words: str) -> bool:
    """Whether `words` are a person's full name as a page writes it: two to four words,
    each a capital then small letters, or a particle between them (`Vladimir Putin`,
    `Chris de Almeida`; not `CNN`, `The New York Times`)."""
    parts = words.split()
    return (
        2 <= len(parts) <= 4
        and parts[0] != "The"
        and all(map(_NAME_CASE.match, parts[:: len(parts) - 1]))
        and all(_NAME_CASE.match(part) or part in PARTICLES for part in parts[1:-1])
    )


_INTERVIEWEE = re.compile(
    r"(?:\b(?i:interview|conversation|q\s?&\s?a)\s+with"
    r"|(?P<inflected>\b(?i:интервью|беседа|разговор)\s+со?|(?i:інтерв[’'ʼ]ю|розмова)\s+з))\s+"
    rf"(?P<who>(?:{UPPER}[\w.’'-]*\s+){{0,6}}{UPPER}[\w’'-]+)",
)
"""`An interview with Jane Doe`: who answers; the host opens, so not the title's speaker.
`Интервью с Сергеем Вакуленко` names them in the case the preposition asks for
(`inflected`), not as the page names them elsewhere."""
_ENDING_LETTERS = 3
"""Letters at most that a case ending of a name takes or adds (`Сергей`, `Сергеем`)."""

# --- reported speech in articles -------------------------------------------------

_VERBS = (
    r"(?:has\s+|had\s+|have\s+)?(?:said|says|noted|notes|wrote|writes|added|adds|stressed|"
    r"emphasized|emphasised|concluded|pointed\s+out|told|stated|explained|recalled|"
    r"underlined|expressed(?:\s+the)?\s+hope|went\s+on\s+to\s+say|believes|warned|"
    r"announced|declared|insisted|argued|replied|remarked)\b"
)
# Capital first: the engine then skips to the next capital instead of trying every position.
_NAME_RUN = rf"(?P<name>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+){{0,5}})"
_NAME_THEN_VERB = re.compile(_NAME_RUN + r"\s+" + _VERBS)
_VERB_THEN_NAME = re.compile(r"[,”\"]\s*" + _VERBS + r"\s+" + _NAME_RUN)
_DESCRIPTOR_VERB = re.compile(
    r"\b(?:he|she|(?:the|russia[’']s)\s+(?:[\w’'-]+\s+){0,4}?(?:minister|diplomat|president|"
    r"official|spokesman|spokeswoman|spokesperson|ambassador|secretary|chancellor|leader|"
    r"envoy|premier))\s+" + _VERBS,
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(
    r"\baccording to\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:minister|diplomat)", re.IGNORECASE
)
_DELIVERED_BY = re.compile(r"\b(?:delivered|read(?: out)?|presented) by\b", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”«»]")


@dataclass(slots=True)
class _Block:
    line: int
    text: str
    label: Label | None = None
    emphasised: bool = False
    """Set in bold or italics whole, as an interview without labels sets its questions."""


@dataclass(slots=True)
class _TurnDraft:
    speaker: str | None
    label: str | None
    note: str | None
    kind: TurnKind
    texts: list[str] = field(default_factory=list)
    role: Role | None = None
    """What the label says (None for an unlabelled turn): the kind follows from it."""
    closed: bool = False
    """An interjection in brackets (`[Audience member: Deadlock.]`): the text below is
    not its own."""
    floor: bool = False
    """A one-word label of the audience the page learns (`Yogi:`): a question where it
    asks, else an answer to the question before or a remark."""


def _strip_titles(name: str) -> str:
    """`Russian Foreign Minister Sergey Lavrov` -> `Sergey Lavrov`; `As Erin` -> `Erin`."""
    tokens = name.split()
    kept: list[str] = []
    for token in reversed(tokens):
        word = token.casefold().strip(".,")
        if word in ROLE_WORDS or word in HONORIFICS or word in SPOKEN_WORDS:
            break
        kept.append(token)
    return " ".join(reversed(kept[:4]))


# --- HTML exports ------------------------------------------------------------------

_HTML_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|h\d|li|ul|ol|tr|table|section|article|blockquote)\b[^>]*>", re.IGNORECASE
)
_HTML_TAG = re.compile(r"<[^>]{0,2000}>")


def page_text(raw: str, name: str) -> Converted:
    """A file's text as the parser reads it: markup, captions and front matter made
    plain text (`tui.corpus.formats`), cleaned before (line endings, controls) and
    after (what entities decode to)."""
    converted = convert(clean_text(raw), name)
    text = converted.text
    if converted.format != "text":  # entities may decode to controls
        text = clean_text(text)
    meta = tuple((key, clean_line(value)) for key, value in converted.meta)
    return replace(converted, text=text, meta=meta)


# --- the parser --------------------------------------------------------------------


_RULE_MARKS = frozenset("-=_*+~―")
"""What a rule of plain text is made of, one of them three times or more (`---`, `+++++`),
between turns or at the end: no words."""


def _is_chrome(line: str) -> str | None:
    """The reason a stripped line is page furniture, or None."""
    first = line[:1]
    if first.isdigit() and _PRINT_HEADER.match(line):
        return "print header"
    if "/" in line or "www." in line:
        if line.startswith(("http:/", "https:/", "www.")) and (
            " " not in line or _PRINT_FOOTER.match(line)
        ):
            return "link"
        if ("://" in line or "www." in line) and _captioned_link(line):
            return "link"
        if " " not in line and _DOMAIN_PATH.match(line):
            return "link"
    if len(line) > 120:
        # Prose, but for a language bar: all that follows is short.
        return "language bar" if first in _LANGUAGE_FIRST and _LANGUAGE_BAR.match(line) else None
    bare = line.rstrip(":").strip()
    if len(bare) <= _LONGEST_CHROME and bare.casefold() in _NAVIGATION:
        return "navigation"
    if _LANGUAGE_BAR.match(line):
        return "language bar"
    if _PHONE.match(line):
        return "phone number"
    if _CLOCK.match(line):
        return "page clock"
    if (first.isdigit() or first in "-–—" or line[:5].casefold() == "page ") and (
        _PAGE_NUMBER.match(line)
    ):
        return "page number"
    if first in _RULE_MARKS and len(line) >= 3 and line.count(first) == len(line):
        return "rule"
    if first in "[{" and _EDITION_MARK.match(line):
        return "page break" if first == "[" else "edition time"
    if line[-1] == ")" and _LINK_TEXT.match(line):
        return "link"
    if len(line) <= 80 and first in _PUBLICATION_FIRST and _PUBLICATION_LINE.match(line):
        dated = _date_line(line)
        if dated is not None and dated[1] == "publication":
            return "publication line"
    return None


_PARTICIPANT = re.compile(
    rf"^{UPPER}[\w’'-]+(?:[ \t]+(?:{UPPER}\.|{UPPER}[\w’'-]+)){{1,3}}"
    rf"(?:[ \t]*(?:,|[ \t][-–—])[ \t]*[^.!?:]{{1,60}})?$"
)
"""A line below a title that names someone who takes part, and what they are there
as: `Lawrence H. Summers`, `Matthew Bishop, The Economist - Moderator`."""


def _alone_again(line: str, lines: list[str], number: int) -> bool:
    """Whether the name `line` (line `number`) begins stands on a line of its own after
    it again, in full or its first word (`Mikhail Kalinin`, then `Mikhail`)."""
    name = re.split(r"\s*(?:,|\s[-–—])", line, maxsplit=1)[0].casefold()
    forms = {name, name.split()[0]}
    return any(other.strip(" *_:").casefold() in forms for other in lines[number:])


_LEADING_WORD = re.compile(r"(?:\*\*)?([^\W\d_][\w.’'-]{0,30})(?:\*\*)?:\s")


def _labels_again(line: str, lines: list[str], number: int) -> bool:
    """Whether the one word before the colon `line` (line `number`) begins with begins
    another line after it too, or the line times its speaker's words as others below
    do: a label the page has not yet shown it uses (`roasbeef:`, `Maria:`, `Jane [0:06]
    How?`), not a title (`Ukraine: the talks`)."""
    below = lines[number : number + _LABEL_LOOKAHEAD]
    if said_at(line) is not None:
        return any(said_at(other.strip()) is not None for other in below)
    found = _LEADING_WORD.match(line)
    return found is not None and any(other.startswith(found[0]) for other in below)


_LABEL_LOOKAHEAD = 40
"""Lines below the head's first to look for its label again."""


_LISTED_NAME = re.compile(
    rf"(?P<surname>{UPPER}[\w’'-]+),\s+(?P<given>{UPPER}[\w’'.-]+(?:\s+{UPPER}[\w’'.-]+)?)$"
)


def _name_listed(value: str) -> str | None:
    """A person's name as a list of metadata gives it: `Turnbull, Malcolm` (surname
    first, as catalogues write it) as `Malcolm Turnbull`, or a full name as it is."""
    if found := _LISTED_NAME.match(value.strip()):
        return f"{found['given']} {found['surname']}"
    return value.strip() if _is_full_name(value.strip()) else None


def _surely_meta(item: tuple[str | None, str]) -> bool:
    """Whether a `Key: value` line surely says what a page is (a date, who interviews
    whom), not who speaks (`MODERATOR: Welcome`)."""
    key, value = item
    return key in ("interviewer", "interviewee") or (key == "date" and bool(find_dates(value)))


def _captioned_link(line: str) -> bool:
    """Whether `line` is an address and a few words about it (`Slides: https://…`), not
    a sentence that ends in one, nor a speaker who gives one (`Jane Doe: https://…`)."""
    found = _CAPTIONED_LINK.match(line)
    if found is None or line.endswith((".", ",", "!", "?")):
        return False  # `…head out to https://a11yrules.com.`: a sentence
    caption = found["caption"].strip(" *-–—:")
    words = caption.split()
    if not words or len(words) > _CAPTION_WORDS or _SENTENCE_BREAK.search(caption):
        return False
    if len(words) <= 3 and all(word[:1].isupper() or not word[:1].isalpha() for word in words):
        return any(word.strip("():").casefold() in _LINK_NOUNS for word in words)
    if len(words) == 1 and words[0].islower():  # `gmaxwell: https://…`, but `podcast: https://…`
        return words[0].strip("():").casefold() in _LINK_NOUNS
    return True


def _marked_blocks(lines: list[str]) -> set[int]:
    """The numbers of the lines of blocks the page marks from a line of its own to the
    line that closes it (`-- Disclaimer --` … `--/Disclaimer --`): a note about the
    page, not the meeting."""
    marked: set[int] = set()
    opened: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        found = _MARKED_BLOCK.match(line.strip()) if "--" in line else None
        if found is None:
            continue
        word = found["word"].casefold()
        if found["close"] is None:
            opened[word] = number
        elif word in opened:
            marked.update(range(opened.pop(word), number + 1))
    return marked


def _title_speaker(title: str) -> str | None:
    match = _TITLE_SPEAKER.search(title) or _TITLE_BY_SPEAKER.search(title)
    if not match:
        return None
    name = _strip_titles(match["who"])
    # One word before `’s statement` is as often a country (`Ireland’s`) as a person.
    return name if " " in name else None


@dataclass(slots=True)
class _Head:
    title: str | None = None
    title_line: int = 0
    header_date: dt.date | None = None
    header_line: int = 0
    has_clock: bool = False
    date_lines: list[tuple[int, dt.date, str]] = field(default_factory=list)
    """Lines that are only a date, below the title: (line, date, what kind of date)."""
    above: list[str] = field(default_factory=list)
    """Short lines above the title: a speech's byline may stand there."""
    repeated_title: tuple[int, str] | None = None
    """The last title-like line the folder repeats: the title if no other comes."""


def parse_text(
    doc_id: str,
    path: Path,
    raw: str,
    config: Config,
    matcher: TopicMatcher,
    warnings: tuple[str, ...] = (),
    folder: Folder = NO_FOLDER,
) -> Document:
    """Parse one file's decoded text. `folder` is what the file's folder teaches: the
    lines its pages repeat (furniture, kept out of the body) and its people."""
    return _Parser(doc_id, path, config, matcher, list(warnings), folder).run(raw)


_SHORT_LINE = 40
"""A line this short may be a speaker's name alone, or hold a one-word label's colon."""
_TITLE_CHARS = 30
"""The first line this long in the head of a page is its title."""
_LONGEST_TITLE = 400
"""A longer line is text, not a title."""
_META_LINE = re.compile(
    r"^(?:[*•-]\s+)?(?P<key>[^\W\d_][\w /&-]{0,30}?)\s*:\s+(?P<value>\S.{0,300})$"
)
"""`* Speaker: Jane Doe`: a line of a list of what a page says about itself."""
_DATED_CHARS = 5000
"""Of a page, what is read for its date written in words as well as in numbers."""
_MAX_META_LINES = 12
_META_KEY_REACH = 40
"""A line of such a list has its colon within this many characters of its start."""
_SAID_END = ".?!…"
"""How a line of speech ends, and a line of a list of metadata does not."""

_OPENING_BLOCKS = 4
"""Where a page says when its meeting was held, if it says so in words."""
_CONTEXT_CHARS = 200_000
"""Of a document's text, what is searched for the full form of a name."""


class _Parser:
    def __init__(
        self,
        doc_id: str,
        path: Path,
        config: Config,
        matcher: TopicMatcher,
        warnings: list[str],
        folder: Folder = NO_FOLDER,
    ) -> None:
        self.doc_id = doc_id
        self.path = path
        self.config = config
        self.matcher = matcher
        self.warnings = warnings
        self.dropped: list[Dropped] = []
        self.folder = folder
        self.people = People(
            config, folder_names=dict(folder.names), folder_holders=dict(folder.holders)
        )
        self.head = _Head()
        self.meta: dict[str, str] = {}
        self.dateline: Dateline | None = None
        """A news dateline among the first paragraphs (`MOSCOW, April 4. /TASS/.`)."""
        self.source_format = "text"
        self.headings: frozenset[int] = frozenset()
        """Lines the markup makes headings."""
        self.unlabelled: frozenset[int] = frozenset()
        """Lines no label starts on: the markup's headings and code."""
        self.emphasised: frozenset[int] = frozenset()
        """Lines the markup sets in bold or italics whole."""
        self.stenographed = False
        """Whether the page marks its changes of speaker as a stenographer does (`>>`)."""

    def drop(self, line: int, text: str, reason: str) -> None:
        if text.strip():
            self.dropped.append(Dropped(line, text.strip(), reason))

    def run(self, raw: str) -> Document:
        converted = page_text(raw, self.path.name)
        self.source_format = converted.format
        self.headings = converted.headings
        self.unlabelled = converted.headings | converted.code
        self.emphasised = converted.emphasised
        self.meta = dict(converted.meta)
        self.listed_meta: set[str] = set()
        """Keys of `meta` a list of `Key: value` lines in the page gave (`_meta_list`)."""
        for line, dropped, reason in converted.dropped:
            self.drop(line, dropped, reason)
        text = converted.text
        lines = text.split("\n")
        marked = _marked_blocks(lines) if "--" in text else set()
        self.stenographed = ">>" in text and _stenographed(line.strip() for line in lines)
        body = list(self._split_head_body_footer(lines, marked))
        self._settle_title()
        if self.head.title is not None and " v. " not in self.head.title:
            # `IN THE SUPREME COURT OF THE UNITED STATES` above the case's caption.
            self.head.title = _caption(lines, self.head.title_line) or self.head.title
        title = self.head.title
        self.people.title = title or ""
        self.people.listed = tuple(self._listed_speakers())
        self.people.interviewer = self.meta.get("interviewer", "").strip() or None
        # The page's metadata names people too (a summary, the speakers, the author).
        described = "\n".join(value for _, value in converted.meta)
        self.people.context = f"{title or ''}\n{described}\n{_unwrapped(text[:_CONTEXT_CHARS])}"
        blocks = self._blocks(body)
        self.dateline = next((d for b in blocks[:3] if (d := match_dateline(b.text))), None)
        named = (_title_speaker(title) if title else None) or self._described_speaker(blocks)
        title_speaker = self.people.canonical(named) if named else None
        drafts, label_styles = self._turns(blocks, title_speaker)
        drafts = self._drop_trailing_headings(drafts, blocks)
        date, place, dateline_agency = self._date_and_place(blocks)
        date = self._day_first(date, text)
        turns = self._finish(drafts)
        if not turns:
            self.warnings.append("no body text found")
        if date.confidence is Confidence.MISSING:
            self.warnings.append("no date found")
        return Document(
            id=self.doc_id,
            path=self.path,
            title=title or self._fallback_title(turns),
            date=date,
            place=place,
            source_kind=self._source_kind(bool(label_styles), dateline_agency),
            format=self._format(label_styles, dateline_agency),
            turns=turns,
            dropped=tuple(self.dropped),
            warnings=tuple(self.warnings),
        )

    # -- structure --------------------------------------------------------------

    def _split_head_body_footer(
        self, lines: list[str], marked: set[int]
    ) -> Iterator[tuple[int, str]]:
        """The body's lines, by number; the head's and footer's, and what the page marks
        (`marked`: `_marked_blocks`), dropped."""
        state = "head"
        below_title = False
        """Right below the title, before any body text: where a page puts its date."""
        meta_lines: set[int] = set()
        """Line numbers of the list of what the page says about itself (`_meta_list`)."""
        joined = 0
        """A line of the title, joined to the line above it."""
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if number == joined:
                continue
            if state == "footer":
                self.drop(number, stripped, "footer")
                continue
            if not stripped:
                if state == "body":
                    yield number, ""
                continue
            if number in marked:
                self.drop(number, stripped, "marked block")
                continue
            if len(stripped) > MAX_LINE_CHARS:
                pieces = split_long_line(stripped)
                self.warnings.append(
                    f"line {number} is {len(stripped):,} characters long; split into {len(pieces)} paragraphs"
                )
                for piece in pieces:
                    yield number, piece
                    yield number, ""
                continue
            if state == "body" and (
                (len(stripped) <= _LONGEST_CHROME and stripped.casefold() in _FOOTER_START)
                or _NEWS_LIST_ENTRY.match(stripped)
            ):
                state = "footer"
                self.drop(number, stripped, "footer")
                continue
            reason = _is_chrome(stripped)
            if reason:
                if reason == "page clock":
                    self.head.has_clock = True
                self.drop(number, stripped, reason)
                continue
            repeated = stripped in self.folder.furniture and parse_label(stripped) is None
            if repeated and state != "head":
                self.drop(number, stripped, "repeats across the folder")
                continue
            if state == "head":
                dated = _date_line(stripped)
                if dated is not None and dated[1] == "date" and self.head.header_date is None:
                    self.head.header_date, self.head.header_line = dated[0], number
                    if self.head.title is None and not self._meta_title and _titles(stripped):
                        # `Bitcoin Core development meeting, May 12, 2016`: both.
                        self.head.title, self.head.title_line = stripped, number
                        state = "body"
                        below_title = True
                        continue
                    self.drop(number, stripped, "page date")
                    continue
                if dated is not None and dated[1] == "publication":
                    self.head.date_lines.append((number, *dated))
                    self.drop(number, stripped, "publication line")
                    continue
                if repeated:
                    # The folder's furniture; but where the folder repeats its title too
                    # (`Daily Press Briefing`), the last such line above the body is the
                    # title if no other comes (menus come first).
                    if _TITLE_CHARS <= len(stripped) <= _LONGEST_TITLE:
                        self.head.repeated_title = (number, stripped)
                    self.drop(number, stripped, "repeats across the folder")
                    continue
                if (
                    self.head.title is None
                    and stripped[0] == "["
                    and _BRACKETED_NOTE.match(stripped)
                    and parse_label(stripped) is None
                ):
                    # `[House]`, `[Pages H6115-H6117]`: the archive's notes above the
                    # title; a `<title>` in the same words names the edition, not the
                    # document (`[Congressional Record Volume 151, Number 99 (...)]`).
                    if self._meta_title and _same_words(stripped, self._meta_title):
                        del self.meta["title"]
                    if self.head.header_date is None and (found := find_dates(stripped)):
                        self.head.header_date, self.head.header_line = found[0].value, number
                    self.drop(number, stripped, "archive note")
                    continue
                if self._meta_title and _same_title(stripped, self._meta_title):
                    self.head.title, self.head.title_line = stripped, number
                    state = "body"
                    below_title = True
                    continue
                if number in meta_lines or self._meta_list(lines, number - 1, meta_lines):
                    # `Welcome to SRCCON` / `Day & Time: ...` / `Room: Memorial`: the
                    # line right above a page's list of what it is, is its title.
                    if self._title_above(number):
                        state = "body"
                        below_title = True
                    self.drop(number, stripped, "page metadata")
                    continue
                label = parse_label(stripped, self.people)
                if (
                    label is not None
                    and not self._meta_title
                    and self.source_format not in ("srt", "vtt")
                    and _titled(stripped, label)
                ):
                    # `Morning Edition: the talks in Geneva`: a title, not speech.
                    self.head.title, self.head.title_line = stripped, number
                    state = "body"
                    below_title = True
                    continue
                if (
                    label is not None
                    or (self.stenographed and stripped.startswith(CHANGE_OF_SPEAKER))
                    or match_dateline(stripped)
                    or timed_name(stripped)  # `Jane Doe  0:02`: a label, once the page shows it is
                    or self._credits(stripped)  # `## Intro (Jane Doe)`: her part begins
                ):
                    state = "body"
                elif (name_line(stripped) and _alone_again(stripped, lines, number)) or (
                    _labels_again(stripped, lines, number)
                ):
                    state = "body"  # `**Interviewer**`, alone above each of its turns
                elif self._meta_title and (
                    len(stripped) >= _TITLE_CHARS or number in self.headings
                ):
                    state = "body"  # the page names its title apart: this is text, a section
                elif _TITLE_CHARS <= len(stripped) <= _LONGEST_TITLE and not _is_prose(stripped):
                    self.head.title, self.head.title_line = stripped, number
                    if stripped.isupper() and number < len(lines) and _capitals(lines[number]):
                        # A title in capitals set on two lines: one title.
                        self.head.title = f"{stripped} {lines[number].strip()}"
                        joined = number + 1
                    state = "body"
                    below_title = True
                    continue
                elif len(stripped) > _LONGEST_TITLE or _is_prose(stripped):
                    state = "body"
                else:
                    self.drop(number, stripped, "before title")
                    self.head.above.append(stripped)
                    continue
                self._settle_title()
            if below_title:
                dated = _date_line(stripped)
                if dated is not None:
                    self.head.date_lines.append((number, *dated))
                    self.drop(number, stripped, f"{dated[1]} line")
                    continue
                if number in meta_lines or self._meta_list(lines, number - 1, meta_lines):
                    self.drop(number, stripped, "page metadata")
                    continue
                if (
                    self.head.title is not None
                    and number == self.head.title_line + 1
                    and len(stripped) <= _SUBTITLE_CHARS
                    and not _is_prose(stripped)
                    and parse_label(stripped, self.people) is None
                    and _dated_next(lines, number)
                ):
                    # `36th Parliament, 2nd Session` / `EDITED HANSARD * NUMBER 62` /
                    # `Friday, March 3, 2000`: the line between the title and its date
                    # goes on with the title.
                    self.head.title = f"{self.head.title}: {stripped}"
                    self.drop(number, stripped, "subtitle")
                    continue
                if _PARTICIPANT.match(stripped) and not _alone_again(stripped, lines, number):
                    # `Alan Murray - Moderator`, `Sandra Ro, CME Group`: who takes part,
                    # not the first of the labels a page puts on lines of their own.
                    self.drop(number, stripped, "participant")
                    continue
                below_title = False
            elif number in meta_lines or (
                (colon := stripped.find(":", 0, _META_KEY_REACH)) > 0
                and is_meta_key(stripped[:colon].strip("*•- "))
                and not lines[number - 2].strip()
                and self._meta_list(lines, number - 1, meta_lines, in_body=True)
            ):
                # `INTERVIEWEE: ...` / `INTERVIEWER: ...` / `DATE: ...` below a heading.
                self.drop(number, stripped, "page metadata")
                continue
            yield number, stripped

    @property
    def _meta_title(self) -> str | None:
        """The title the page's metadata gives (front matter, `<title>`, a `Title:` line
        of its list of what it is), as far as the page is read."""
        return self.meta.get("title")

    def _title_above(self, number: int) -> bool:
        """Whether the line above line `number`, put aside as above the title, is the
        title: taken back as such."""
        last = self._put_aside()
        if self.head.title is not None or last is None or last.line != number - 1:
            return False
        self._take_back_as_title(last)
        return True

    def _put_aside(self) -> Dropped | None:
        """The last line dropped, if it was put aside as above the title."""
        last = self.dropped[-1] if self.dropped else None
        if last is None or last.reason != "before title" or not self.head.above:
            return None
        return last

    def _take_back_as_title(self, last: Dropped) -> None:
        self.dropped.pop()
        self.head.above.pop()
        self.head.title, self.head.title_line = last.text, last.line

    def _meta_list(
        self, lines: list[str], start: int, meta_lines: set[int], in_body: bool = False
    ) -> bool:
        """Whether `lines[start]` begins a list of `Key: value` lines below the title
        (`* Speaker: Jane Doe`, `* Date: June 2017`, `* Video: https://...`), one key
        at least the parser reads: the page's metadata, as front matter would give
        it. Its lines go into `meta_lines`, its known keys into `meta`. In the body
        (`in_body`), only a list of two lines or more that dates the meeting or names
        who interviews whom, so that no labels are taken for one."""
        found: list[tuple[str | None, str]] = []
        taken: list[int] = []
        """The list's lines, by index: one under the other, or (below the title) one
        paragraph each, as a page of HTML gives them."""
        offices: dict[str, str] = {}
        index = start
        while index < len(lines) and len(found) <= _MAX_META_LINES:
            match = _META_LINE.match(lines[index].strip())
            if match is None or match["value"].rstrip()[-1:] in _SAID_END:
                break
            found.append((known_meta_key(match["key"]), match["value"].strip()))
            taken.append(index)
            if (office := office_of(match["key"])) and (holder := _name_listed(match["value"])):
                offices[office] = holder  # `Prime Minister: Turnbull, Malcolm`
            index += 1
            if not in_body and index + 1 < len(lines) and not lines[index].strip():
                index += 1  # the next paragraph may go on with the list
        if len(found) > _MAX_META_LINES:
            return False  # a long run of `Key: value` is no list of metadata
        end = taken[-1] + 1 if taken else start
        if not found or (end < len(lines) and lines[end].strip()):
            return False  # the list ends at a blank line
        if not any(key for key, _ in found):
            return False
        if in_body and (len(found) < 2 or not any(map(_surely_meta, found))):
            return False
        for key, value in found:
            if key is not None and key not in self.meta:
                self.meta[key] = value
                self.listed_meta.add(key)
        for office, holder in offices.items():
            self.people.holders.setdefault(office, holder)
        meta_lines.update(index + 1 for index in taken)
        return True

    def _listed_speakers(self) -> list[str]:
        """The speakers the page's metadata names (`speakers: [Jane Doe, Ann Lee]`): as
        the head has read it so far (it may list them in the body's first lines); once it
        is read, `people.listed`."""
        return [name.strip() for name in self.meta.get("speakers", "").split(",") if name.strip()]

    def _credits(self, line: str) -> bool:
        """Whether `line` is a heading that gives the part below to a listed speaker."""
        listed = self._listed_speakers()
        return (
            len(listed) > 1 and _credited(line, {fold(name): name for name in listed}) is not None
        )

    def _described_speaker(self, blocks: list[_Block]) -> str | None:
        """The one speaker the page's metadata names (`speakers: [Jane Doe]`), if one.
        Where it names none, on a page whose labels (if any) only mark questions and
        answers, and that is no news report: the full name alone on the line that opens
        a page whose metadata gives its title (`Adam Back`, then his talk; not `Via
        Teleconference` above labels), or that the title gives the talk to (`Jonas
        Nick: Schnorr multisignatures`, `MuSig (Jonas Nick)`)."""
        listed = self.people.listed
        if listed:
            return (
                listed[0] if len(listed) == 1 and not self.people.is_plain_word(listed[0]) else None
            )
        if self.dateline is not None:
            return None
        if any(b.label.role not in (Role.QUESTION, Role.ANSWER) for b in blocks if b.label):
            return None
        above = self.head.above
        candidates = [above[0]] if self.meta.get("title") and len(above) == 1 else []
        title = self.head.title or ""
        candidates += [m["name"] for m in (_TITLE_NAMED.match(title), _credit(title)) if m]
        return next(
            (
                name
                for name in map(str.strip, candidates)
                if _is_full_name(name) and not any(map(self.people.not_a_name, name.split()))
            ),
            None,
        )

    def _capitals_above(self) -> None:
        """Where nothing else gave a title: a heading in capitals right above the body
        (`NOMINATION OF JOHN ROBERTS`), as a printed record sets an article's title."""
        last = self._put_aside()
        if last is not None and self.head.above[-1] == last.text and _capitals(last.text):
            self._take_back_as_title(last)

    def _settle_title(self) -> None:
        """Where the head gave no title line: the title the page's metadata names, or
        the one the folder repeats."""
        if self.head.title is not None:
            return
        if self.meta.get("title"):
            self.head.title = " ".join(self.meta["title"].split())
            return
        if self.head.repeated_title is None:
            self._capitals_above()
            return
        line, text = self.head.repeated_title
        self.head.title, self.head.title_line = text, line
        self.dropped = [d for d in self.dropped if not (d.line == line and d.text == text)]
        head = self.head
        if head.header_date is not None and head.header_line > line:
            # Taken for a page date above a title that was not known yet.
            head.date_lines.insert(0, (head.header_line, head.header_date, "date"))
            head.header_date = None

    def _blocks(self, body: list[tuple[int, str]]) -> list[_Block]:
        """Paragraphs: runs of lines between blank lines, a label starting a new one.
        A run of lines is one paragraph when the page was wrapped at a fixed width;
        unwrapped, each line is a paragraph of its own. Read again if the page turns out
        to call its speakers by one word (`Maria:`, `Tom` alone on a line)."""
        unlabelled: list[str] = []
        blocks = self._read_blocks(body, unlabelled)
        if self.people.learn_label_words(unlabelled):
            blocks = self._read_blocks(body, [])
        if self.emphasised and (stray := _stray_label(blocks)) is not None:
            # One label on a page that asks in bold or italics (`Andrew Tanenbaum:
            # "Operating Systems"` in an answer): no speaker's, the interview's reading.
            self.unlabelled = self.unlabelled | {stray}
            blocks = self._read_blocks(body, [])
        return blocks

    def _read_blocks(self, body: list[tuple[int, str]], unlabelled: list[str]) -> list[_Block]:
        """The blocks of `body`; the short lines and the lines with a colon near their
        start that were no label go to `unlabelled`."""
        wrapped: int | bool | None = False
        """The page's wrap width once needed (False: not worked out yet)."""
        blocks: list[_Block] = []
        current: _Block | None = None
        previous = ""
        for number, text in body:
            if not text:
                current = None
                continue
            label = None if number in self.unlabelled else parse_label(text, self.people)
            if label is None and self.stenographed and text.startswith(CHANGE_OF_SPEAKER):
                label = nameless_label(text)
            if label is not None:
                # Learn a long name now, so that a later short label (`Putin:`) is known.
                self.people.learn_labels((label,))
                current = _Block(number, label.rest, label)
                blocks.append(current)
                previous = text
                continue
            if (
                len(text) <= _SHORT_LINE
                or ":" in text[:_SHORT_LINE]
                or bullet_named(text)
                or capitals_line(text)
            ):
                unlabelled.append(text)
            if number in self.headings:
                # A heading of the markup is a paragraph of its own, with a blank line
                # below it or not.
                blocks.append(_Block(number, text))
                current, previous = None, text
                continue
            if current is not None and wrapped is False:
                wrapped = _wrap_width(line for _, line in body)
            if current is None or not _continues(previous, text, wrapped or None):
                current = _Block(number, text, emphasised=number in self.emphasised)
                blocks.append(current)
            else:
                current.text = f"{current.text} {text}".strip()
            previous = text
        return blocks

    def _turns(
        self, blocks: list[_Block], title_speaker: str | None
    ) -> tuple[list[_TurnDraft], set[str]]:
        speaker_lines = {
            position: line
            for position, block in enumerate(blocks)
            if (line := _speaker_line(block, blocks[position + 1 : position + 2]))
        }
        styles = {
            block.label.style
            for position, block in enumerate(blocks)
            if block.label and position not in speaker_lines
        }
        labelled = bool(styles)
        drafts: list[_TurnDraft] = []
        main_person = title_speaker
        speech_by = None if labelled else self._speech_by(blocks, title_speaker)
        # An interview without labels that sets its questions in bold or italics.
        interview = not labelled and sum(map(_asked_in_emphasis, blocks)) >= _INTERVIEW_QUESTIONS
        answers_by = speech_by or (self._interviewee(blocks) if interview else None)
        asked = False
        """In an interview, whether its first question has come."""
        labelled_people = {self.people.speaker(block.label) for block in blocks if block.label}
        answers_unlabelled = title_speaker is not None and title_speaker not in labelled_people
        listed = {fold(name): name for name in self.people.listed} if not speech_by else {}
        """The speakers the page lists, by folded name: who may take the floor unlabelled."""
        labelled_full = {fold(name): name for name in labelled_people if name and " " in name}
        """Who the page labels by full name: a heading of its markup may give them the
        part below too (`## Intro (Jeff Gallas)` above the host's welcome, `Jeff
        Gallas:` later); not a line of text (a quote's `- Jen Psaki`)."""
        named_headings = self._named_headings(blocks, listed | labelled_full)
        credited: str | None = None
        """The listed speaker who has the floor, given by a heading that names them or
        taken in their own words, until another is."""
        opening = _OPENING_PARAGRAPHS
        """Paragraphs left to find who opens a talk by, while nobody listed has."""
        for position, block in enumerate(blocks):
            is_last = position == len(blocks) - 1
            if (mark := _production_mark(block)) is not None:
                # `**Break:** [30:46]`, `**Song:** [04:47]`: a part of the show, no speaker.
                drafts.append(_TurnDraft(None, None, None, TurnKind.HEADING, [mark]))
                continue
            if (speaker_line := speaker_lines.get(position)) is not None:
                # `Speaker: Tim Ruffing` above the talk: his part begins, unlabelled (on
                # a labelled page, the labels say who speaks: a header of the notes).
                person, heading = speaker_line
                if not labelled:
                    credited = main_person = self.people.canonical(person)
                    opening = 0
                drafts.append(_TurnDraft(None, None, None, TurnKind.HEADING, [heading]))
                continue
            if block.label is not None:
                label = block.label
                draft = _TurnDraft(
                    self.people.speaker(label),
                    label.name,
                    label.note,
                    TurnKind.STATEMENT,
                    role=label.role,
                    closed=label.style == "[Name: words]",
                    floor=label.style == FLOOR_STYLE,
                )
                drafts.append(draft)
                if block.text:
                    draft.texts.append(block.text.removesuffix("]") if draft.closed else block.text)
                continue
            crediting = listed | labelled_full if block.line in self.headings else listed
            if not is_last and (
                (named_headings and (named := named_headings.get(fold(block.text))))
                or (len(crediting) > 1 and (named := _credited(block.text, crediting)))
            ):
                # `## Multi-part payments (Joost Jager)`: one of the speakers the page
                # lists (or labels, in a heading of the markup) gives the part below,
                # until a heading names another.
                credited = self.people.canonical(named)
                opening = 0
                drafts.append(_TurnDraft(None, None, None, TurnKind.HEADING, [block.text]))
                continue
            if (_is_heading(block.text) or block.line in self.headings) and not is_last:
                drafts.append(_TurnDraft(None, None, None, TurnKind.HEADING, [block.text]))
                continue
            named = _introduced(block.text, listed) if len(listed) > 1 else None
            if named is None and len(listed) > 1 and opening:
                # Who opens a talk of two: no listed speaker has had the floor.
                opening -= 1
                if len(listed) == 2 and (not drafts or drafts[-1].role is None):
                    named = _not_spoken_of(block.text, list(listed.values()), self.people)
            if named is not None:
                # `My name is Marco Santori, I am an attorney.`, or `Joseph will go
                # after that. Okay, so I'll start.` between Tadge Dryja and Joseph Poon:
                # one of the speakers the page lists takes the floor, unlabelled.
                main_person = credited = self.people.canonical(named)
                opening = 0
                if not drafts or drafts[-1].speaker != main_person or drafts[-1].role:
                    drafts.append(_TurnDraft(main_person, None, None, TurnKind.STATEMENT))
                drafts[-1].texts.append(block.text)
                continue
            if labelled:
                # Unlabelled paragraphs continue the turn above; the opening remarks
                # belong to the speaker the title names.
                if not drafts or drafts[-1].kind is TurnKind.HEADING:
                    opens = credited or title_speaker
                    drafts.append(_TurnDraft(opens, None, None, TurnKind.STATEMENT))
                elif drafts[-1].closed:
                    # After an interjection, whoever had the floor goes on.
                    speaking = next(
                        (d.speaker for d in reversed(drafts) if d.speaker and not d.closed),
                        title_speaker,
                    )
                    drafts.append(
                        _TurnDraft(speaking, None, None, TurnKind.STATEMENT, role=Role.PERSON)
                    )
                elif (answers := credited or (title_speaker if answers_unlabelled else None)) and (
                    answers not in labelled_people and _put_by_audience(drafts[-1])
                ):
                    # A question from the floor of one person's talk (or part of the
                    # page), where no label names that person: that person answers.
                    drafts.append(
                        _TurnDraft(answers, None, None, TurnKind.STATEMENT, role=Role.PERSON)
                    )
                drafts[-1].texts.append(block.text)
                continue
            if interview:
                asked = _interview_block(drafts, block, answers_by, asked)
                continue
            speaker: str | None
            if speech_by is not None:
                # The talk's speaker, but where a heading gives the part to another.
                speaker, kind = credited or speech_by, TurnKind.STATEMENT
            else:
                speaker, kind = self._attribute(block.text, main_person)
            if speaker:
                main_person = speaker
            elif credited is not None:
                speaker, kind = credited, TurnKind.STATEMENT
            if drafts and drafts[-1].speaker == speaker and drafts[-1].kind is kind:
                drafts[-1].texts.append(block.text)
            else:
                drafts.append(_TurnDraft(speaker, None, None, kind, [block.text]))
            if speech_by is not None and (handed := _hands_floor_to(block.text)):
                # `... to introduce the Governor of Delaware, Jack Markell.`: his words next.
                credited = self.people.canonical(handed)
        _name_hosts(drafts)
        _name_handed_over(drafts)
        _name_self_introduced(drafts)
        _name_diarized(drafts, self.people.listed)
        _name_stenographed(drafts, self.people)
        _assign_kinds(drafts, title_speaker)
        return drafts, styles

    def _named_headings(self, blocks: list[_Block], people: dict[str, str]) -> dict[str, str]:
        """The headings of the markup that are only a person's name, by folded name:
        each gives the part below to that person (`## Tadge Dryja`). A name the page
        lists or labels; else, where two people or more are so headed, a full name
        none of whose words the page writes in lower case (not `## Lightning Network`)."""
        if not self.headings:
            return {}
        headed = {fold(b.text): b.text for b in blocks if b.line in self.headings}
        found = {name: people[name] for name in headed.keys() & people.keys()}
        if not found:
            found = {
                name: text
                for name, text in headed.items()
                if _is_full_name(text) and not any(map(self.people.is_plain_word, text.split()))
            }
        return found if len(found) >= 2 else {}

    def _interviewee(self, blocks: list[_Block]) -> str | None:
        """Who an interview's title says answers (`An interview with Jane Doe`), else its
        metadata or first paragraphs, by a person's full name (`Excerpt from a TV
        interview with Vladimir Putin`; not `an interview with CNN`, nor another's
        interview: `Putin's interview with Tucker Carlson`)."""
        found = _INTERVIEWEE.search(self.head.title or "")
        if found is not None:
            who = _strip_titles(found["who"])
            if found["inflected"]:
                who = _uninflected(who, self.people.context)
            return self.people.canonical(who)
        opening = [*self.meta.values(), *(block.text for block in blocks[:_OPENING_PARAGRAPHS])]
        for text in opening:
            for found in _INTERVIEWEE.finditer(text):
                who = _strip_titles(found["who"])
                if _is_full_name(who) and not _OWNED.search(text, 0, found.start()):
                    return self.people.canonical(who)
        return None

    def _speech_by(self, blocks: list[_Block], title_speaker: str | None) -> str | None:
        """Who gives the speech an unlabelled page holds, if its heading says so: a
        news article (a dateline) reports speech, and is read paragraph by paragraph."""
        if self.dateline is not None:
            return None
        heading = [
            self.head.title or "",
            *self.head.above[-6:],
            *(b.text for b in blocks[:6] if len(b.text) < 200),
        ]
        # `Address by the Prime Minister (Delivered by H.E. Ambassador Ken Sato)`: who
        # reads the speech out speaks it.
        for text in heading:
            delivered = _DELIVERED_BY.search(text)
            named = byline(text[delivered.start() :]) if delivered else None
            if named:
                return self.people.canonical(named)
        if title_speaker:
            return title_speaker
        for text in heading:
            named = byline(text)
            if named:
                return self.people.canonical(named)
        return None

    def _attribute(self, text: str, main_person: str | None) -> tuple[str | None, TurnKind]:
        """Who a paragraph of an article reports, if that is clear."""
        for pattern in (_NAME_THEN_VERB, _VERB_THEN_NAME):
            for match in pattern.finditer(text):
                name = _strip_titles(match["name"])
                if text[: match.start()].endswith(" of ") and name.count(" ") >= 2:
                    # `Minister of Brazil Carlos Alberto França`: the first word is a country.
                    name = name.split(" ", 1)[1]
                if name and (" " in name or self.people.is_known(name)):
                    return self.people.canonical(name), TurnKind.QUOTE
        if main_person and (_DESCRIPTOR_VERB.search(text) or _ACCORDING_TO.search(text)):
            return main_person, TurnKind.QUOTE
        if _QUOTE_MARK.search(text):
            return None, TurnKind.QUOTE
        return None, TurnKind.STATEMENT

    def _drop_trailing_headings(
        self, drafts: list[_TurnDraft], blocks: list[_Block]
    ) -> list[_TurnDraft]:
        while drafts and drafts[-1].kind is TurnKind.HEADING:
            heading = drafts.pop()
            line = next((b.line for b in blocks if b.text == heading.texts[0]), 0)
            self.drop(line, heading.texts[0], "trailing navigation")
        # A last unlabelled short line (navigation left after the body) is not a paragraph.
        last = drafts[-1] if drafts else None
        if (
            last is not None
            and last.texts
            and _is_heading(last.texts[-1])
            and (last.label is None or len(last.texts) > 1)  # never strip a label's own words
        ):
            text = drafts[-1].texts.pop()
            line = next((b.line for b in blocks if b.text == text), 0)
            self.drop(line, text, "trailing navigation")
            if not drafts[-1].texts:
                drafts.pop()
        return drafts

    def _finish(self, drafts: list[_TurnDraft]) -> tuple[Turn, ...]:
        turns: list[Turn] = []
        paragraph_index = 0
        drafts = [
            draft
            for draft in drafts
            if draft.texts or draft.kind is TurnKind.QUESTION or draft.label is not None
        ]
        topics = iter(
            self.matcher.topics_of_all([text for draft in drafts for text in draft.texts])
        )
        for draft in drafts:
            paragraphs = []
            for text in draft.texts:
                paragraphs.append(Paragraph(paragraph_index, text, next(topics)))
                paragraph_index += 1
            turns.append(
                Turn(
                    len(turns),
                    draft.speaker,
                    draft.label,
                    draft.note,
                    draft.kind,
                    tuple(paragraphs),
                )
            )
        return tuple(turns)

    # -- metadata ---------------------------------------------------------------

    def _date_and_place(self, blocks: list[_Block]) -> tuple[EventDate, str | None, str | None]:
        """The meeting's date, from the best evidence the page gives: its title, a date
        line below the title, a dateline, a date line above the title; then a
        publication date, a date in the file's name; never a scrape time over any."""
        title = self.head.title or ""
        _, tail_place, tail_date = split_title_tail(title)
        place = tail_place if tail_place and tail_date else None
        in_title = find_dates(tail_date or "") or find_dates(title) or short_dates(title)
        if in_title:
            return EventDate(in_title[0].value, "title", Confidence.EXACT), place, None
        below = [(line, value) for line, value, kind in self.head.date_lines if kind == "date"]
        if below:
            line, value = below[0]
            return EventDate(value, f"line {line} below the title", Confidence.EXACT), place, None
        if self.dateline is not None:
            return self._dateline(self.dateline, blocks)
        header = self.head.header_date
        if header is not None and not self.head.has_clock:
            return (
                EventDate(header, f"header line {self.head.header_line}", Confidence.EXACT),
                place,
                None,
            )
        place = place or self.meta.get("place")
        described = self._meta_date("date")
        if described is not None:
            found = EventDate(described, self._meta_source("date"), Confidence.EXACT)
            return self._meeting_day(found, blocks), place, None
        for block in blocks[:3]:
            if len(block.text) <= 300 and (written := find_dates(block.text)):
                return (
                    EventDate(written[0].value, f"line {block.line}", Confidence.EXACT),
                    place,
                    None,
                )
        published = [(line, value) for line, value, kind in self.head.date_lines if kind != "date"]
        if published:
            line, value = published[0]
            found = EventDate(value, f"publication date, line {line}", Confidence.SCRAPED)
            return self._meeting_day(found, blocks), place, None
        described = self._meta_date("published")
        if described is not None:
            source = f"publication date, {self._meta_source('published')}"
            found = EventDate(described, source, Confidence.SCRAPED)
            return self._meeting_day(found, blocks), place, None
        in_path = dates_in_path(self.path.name)
        if in_path and not self.folder.file_dates:
            source = "file name, not a meeting's date in this folder (its pages write others)"
            return EventDate(in_path[0].value, source, Confidence.SCRAPED), place, None
        if in_path:
            found = EventDate(in_path[0].value, "file name", Confidence.INFERRED)
            return self._meeting_day(found, blocks), place, None
        described = self._meta_date("scraped")
        if described is not None:
            source = f"scrape date, {self._meta_source('scraped')}"
            return EventDate(described, source, Confidence.SCRAPED), place, None
        if header is not None:
            line = self.head.header_line
            return (
                EventDate(
                    header, f"page clock, header line {line} (scrape time)", Confidence.SCRAPED
                ),
                place,
                None,
            )
        return EventDate(None, "no date found", Confidence.MISSING), place, None

    def _day_first(self, date: EventDate, text: str) -> EventDate:
        """`date`, read day first where the page wrote it as a slash date that reads
        either way (`06/09/2007`) and the page, or else its folder, writes its others
        day first (`17/11/2016`) and none month first."""
        value = date.value
        if value is None or value.day > 12 or value.day == value.month:
            return date
        if f"/{value.year}" not in text or not written_month_first(text, value):
            return date
        head = text[:_DATED_CHARS]
        if any(d.value == value and "/" not in head[d.start : d.end] for d in find_dates(head)):
            return date  # written in words too (`June 9, 2007`): so the page means it
        day_first, month_first = slash_order(text)
        if month_first or not (day_first or self.folder.day_first):
            return date
        turned = dt.date(value.year, value.day, value.month)
        return EventDate(turned, f"{date.source}, day first as the page's dates", date.confidence)

    def _meeting_day(self, found: EventDate, blocks: list[_Block]) -> EventDate:
        """A date the page was posted or filed under is often not the meeting's: the
        opening says `tomorrow, May 23rd`, or the meeting began (`1:38 P.M. EDT`)
        after the page's publication stamp that day, so it was held the day before."""
        if found.value is None:
            return found
        opening = [b.text for b in blocks[:_OPENING_BLOCKS]]
        said = said_on("\n".join(opening), found.value)
        if said is not None and said[0] != found.value:
            source = f"“{said[1]}” in the opening, near the {found.source}"
            return EventDate(said[0], source, Confidence.INFERRED)
        stamps = [self.meta[key] for key in ("published", "modified") if key in self.meta]
        clock = next((line for line in (*self.head.above[-3:], *opening) if start_time(line)), None)
        began = start_time(clock) if clock else None
        if began and began_before(stamps, found.value, began):
            day_before = found.value - dt.timedelta(days=1)
            source = (
                f"the day before the {found.source}: began at {clock},"
                f" after the page was last published or modified ({', '.join(stamps)})"
            )
            return EventDate(day_before, source, Confidence.INFERRED)
        return found

    def _meta_date(self, key: str) -> dt.date | None:
        found = find_dates(self.meta.get(key, ""))
        return found[0].value if found else None

    def _meta_source(self, key: str) -> str:
        in_front = self.source_format in ("text", "markdown") and key not in self.listed_meta
        where = "front matter" if in_front else "page metadata"
        return f"{where} `{key}`"

    def _dateline(
        self, dateline: Dateline, blocks: list[_Block]
    ) -> tuple[EventDate, str | None, str | None]:
        """A news dateline (`MOSCOW, April 4. /TASS/.`): its year from the line, the
        page's date above the title, or the text."""
        place, agency = dateline.place, dateline.agency
        month, day = dateline.month, dateline.day
        if dateline.year is not None:
            try:
                value = dt.date(dateline.year, month, day)
            except ValueError:
                pass
            else:
                return EventDate(value, "dateline", Confidence.EXACT), place, agency
        header = self.head.header_date
        if header and (header.month, header.day) == (month, day):
            source = f"dateline, year from header line {self.head.header_line}"
            return EventDate(header, source, Confidence.EXACT), place, agency
        body_text = "\n".join(block.text for block in blocks)
        inferred = infer_year(month, day, body_text)
        if inferred:
            return EventDate(inferred.date, inferred.reason, Confidence.INFERRED), place, agency
        self.warnings.append("dateline has no year and none could be inferred")
        return EventDate(None, "dateline without a year", Confidence.MISSING), place, agency

    def _source_kind(self, labelled: bool, agency: str | None) -> str:
        if agency:
            return "news agency article"
        if self.head.has_clock:
            return "embassy news page"
        if self.source_format != "text":
            return f"{self.source_format} export"
        if labelled:
            return "ministry transcript" if self.head.header_date else "transcript"
        return "article"

    def _format(self, styles: set[str], agency: str | None) -> str:
        base = "" if self.source_format == "text" else f"{self.source_format} "
        if styles:
            return f"{base}transcript (labels: {', '.join(sorted(styles))})"
        if agency:
            return f"{base}article (dateline, {agency})"
        return f"{base}article"

    def _fallback_title(self, turns: tuple[Turn, ...]) -> str:
        for turn in turns:
            for paragraph in turn.paragraphs:
                return paragraph.text[:80]
        return self.doc_id


_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»’']?\s+[\"“«‘']?[A-ZА-ЯЁ]")


def _titled(line: str, label: Label) -> bool:
    """Whether a line of a page's head that reads as `Name: words` is its title: a
    show's or a series' name, then words that end no sentence and lead to no more
    (`There's MQ, EC2,`: a verse that goes on)."""
    return (
        label.style == "Name:"
        and label.note is None
        and bool(label.rest)
        and label.rest[-1] not in _SENTENCE_END + ",-–—"
        and _TITLE_CHARS <= len(line) <= _LONGEST_TITLE
    )


_CAPTION_REACH = 12
"""How far below a court's header its caption may stand, in lines."""
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_CAPTION_RULE = re.compile(r"^(?:[-=_*]\s*){3,}x?$")
"""The rule above and below a caption: `- - - - - - - x`."""
_BOX_EDGE = re.compile(r"\s{2,}:.*$|\s*:$")
"""A caption's right edge, a column of colons, and what stands beyond it (`No. 11-398`)."""
_PARTY_TAIL = re.compile(
    r"(?:[,\s]+(?:et\s+al\.?|(?:petitioner|respondent|appellant|appellee|plaintiff|defendant)s?))+"
    r"[,.\s]*$",
    re.IGNORECASE,
)
"""What a caption says after a party's name: `, ET AL.,`, `Petitioners`."""
_MINOR_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to"})


def _caption(lines: list[str], title_line: int) -> str | None:
    """The case a court transcript's caption names below its header, as `X v. Y`: the
    parties either side of a `v.` alone on its line, each up to the caption's rule or a
    blank line, without `ET AL.` or what the party is (`Petitioners`)."""
    cells = [
        _BOX_EDGE.sub("", line.strip()).strip()
        for line in lines[title_line : title_line + _CAPTION_REACH]
    ]
    at = next((i for i, cell in enumerate(cells) if cell.casefold() in _VERSUS), None)
    if at is None:
        return None

    def party(side: Iterable[str]) -> list[str]:
        return list(itertools.takewhile(lambda c: c and not _CAPTION_RULE.match(c), side))

    def name(cells: list[str]) -> str:
        return _PARTY_TAIL.sub("", " ".join(cells)).strip(" ,;")

    first = name(party(reversed(cells[:at]))[::-1])
    second = name(party(cells[at + 1 :]))
    if not first or not second:
        return None
    return f"{_headline(first)} v. {_headline(second)}"


def _headline(words: str) -> str:
    """A party's name in capitals as a title writes it: `Department of Health`."""
    if not words.isupper():
        return words
    first, *rest = title_case(words).split()
    return " ".join([first, *(w.casefold() if w.casefold() in _MINOR_WORDS else w for w in rest)])


_SUBTITLE_CHARS = 80


def _dated_next(lines: list[str], number: int) -> bool:
    """Whether the line after line `number` (1-based) is a date and no more."""
    following = lines[number].strip() if number < len(lines) else ""
    dated = _date_line(following) if following else None
    return dated is not None and dated[1] == "date"


def _same_words(line: str, title: str) -> bool:
    """Whether two lines say the same, a word or two apart (`Volume 151, Number 99`,
    `Volume 151 Issue 99`)."""
    one, other = set(_WORD.findall(line.casefold())), set(_WORD.findall(title.casefold()))
    return len(one & other) >= _SAME_WORDS and len(one ^ other) <= 2


_WORD = re.compile(r"\w+")
_SAME_WORDS = 4


def _capitals(line: str) -> bool:
    """Whether a line is a heading in capitals, of two words or more."""
    line = line.strip()
    return line.isupper() and len(_TITLE_WORD.findall(line)) >= 2 and not line.endswith(":")


def _same_title(line: str, title: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


def _is_prose(line: str) -> bool:
    """Two sentences or more: a paragraph, never a title."""
    return len(_SENTENCE_BREAK.findall(line)) >= 2


def _production_mark(block: _Block) -> str | None:
    """The line of `block` as printed if it marks a part of a show (`production_mark`)."""
    label = block.label
    if label is None:
        return block.text.strip() if production_mark(block.text) else None
    said = f"{label.name}: {label.rest}"
    return said.strip() if marks_word(label.name) and production_mark(said) else None


_SPEAKER_WORDS = frozenset({"speaker", "speakers", "presenter", "presenters"})


def _speaker_line(block: _Block, after: list[_Block]) -> tuple[str, str] | None:
    """The person a line such as `Speaker: Tim Ruffing` (`Presenter: Kevin Gibbons
    (KG)`) gives the part below to, and the line as a heading: a line that is only
    that word and a full name (and the short form the page calls them by), above more
    of the page (in a parliament, `SPEAKER:` is who chairs it, and speaks)."""
    label = block.label
    if label is None or label.name.casefold() not in _SPEAKER_WORDS or label.name.isupper():
        return None
    name = _SHORT_FORM_AFTER.sub("", block.text)
    if not after or not _is_full_name(name):
        return None
    return name, f"{label.name}: {block.text}"


_SHORT_FORM_AFTER = re.compile(r"\s*\([A-Z]{2,5}\)$")
"""`(KG)` after a name: what the page calls that person for short."""


def _is_heading(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or len(stripped.split()) > 10:
        return False
    if stripped[-1] in ".!?:;,…\"”»)]'’":
        return False
    return stripped[0].isupper() and not stripped.isdigit()


_THANKED = re.compile(
    r"(?:thanks|thank you|thanks so much|thank you so much|thanks very much),?\s+"
    r"(?P<name>[A-Z][a-z]+)\b[.,!—–-]",
    re.IGNORECASE,
)
"""`Thank you, Ben.`: thanks go to who gave the floor (a greeting, to who will answer)."""


def _name_hosts(drafts: list[_TurnDraft]) -> None:
    """A moderator the page names only in passing: on a press call, whoever is given
    the floor thanks the moderator by first name (`MODERATOR: ... Go ahead.` then
    `Thanks, Ben.`). Hosts the label or the page already named keep their name."""
    hosts = {
        d.label
        for d in drafts
        if d.role is Role.HOST and d.label is not None and d.speaker == title_case(d.label)
    }
    if not hosts:
        return
    # Thanks to a speaker the page names (`Thank you, Karl.` to Karl Berg) are not the
    # moderator's.
    others = {
        part.casefold()
        for d in drafts
        if d.role is Role.PERSON and d.speaker
        for part in d.speaker.split()
    }
    for label in hosts:
        names: Counter[str] = Counter()
        for before, after in itertools.pairwise(drafts):
            if before.label == label and after.label != label and after.texts:
                thanked = _THANKED.match(after.texts[0])
                if (
                    thanked
                    and thanked["name"][0].isupper()
                    and thanked["name"].casefold() not in others
                ):
                    names[thanked["name"]] += 1
        if names:
            name, count = names.most_common(1)[0]
            if count * 2 >= sum(names.values()):
                for draft in drafts:
                    if draft.label == label:
                        draft.speaker = name


_HANDED_OVER = re.compile(
    r"\b(?:over|back|it|floor)\s+to\s+(?P<given>[A-Z][a-z]+)(?:\s+for\b[^.!?]*)?\s*[.!]?[\"”’]?$"
)
"""The end of a turn that gives the floor by first name: `I will hand it over to Jake.`"""


def _name_handed_over(drafts: list[_TurnDraft]) -> None:
    """A speaker the page calls by surname only (`MR. SULLIVAN:`) whom the turn before
    hands the floor to by first name (`... over to Jake.`): `Jake Sullivan`, in all
    of that label's turns, when the hand-overs to that label agree."""
    given: dict[str, Counter[str]] = {}
    for before, after in itertools.pairwise(drafts):
        if after.role is not Role.PERSON or after.label is None or not after.speaker:
            continue
        if not before.texts or before.label == after.label:
            continue
        surname = _strip_titles(after.speaker)
        if " " in surname or not surname:
            continue  # the page names this speaker in full, or not by a surname
        handed = _HANDED_OVER.search(before.texts[-1])
        if handed and handed["given"].casefold() != surname.casefold():
            given.setdefault(after.label, Counter())[handed["given"]] += 1
    for label, counts in given.items():
        name, count = counts.most_common(1)[0]
        if count * 2 > sum(counts.values()):
            for draft in drafts:
                if draft.label == label and draft.speaker:
                    draft.speaker = f"{name} {_strip_titles(draft.speaker)}"


_SAYS_NAME = r"\b(?:I[’']m|I am|[Mm]y name is|[Mm]y name[’']s)\s+"
"""What a speaker says before their own name."""
_INTRODUCES_SELF = re.compile(
    rf"{_SAYS_NAME}(?P<name>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+|,\s+{UPPER}[a-z]+\b(?![’'-])){{1,2}})"
)
"""`I'm Jane Doe`; captions may set a pause as a comma (`My name is Travis, Albritton`),
before a word written as a name (not `Sarah, CEO of Acme`, `Sarah, Travis's producer`)."""
_INTRODUCES_SELF_OR_ONE = re.compile(  # a full name, or one
    rf"{_SAYS_NAME}(?P<name>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+){{0,2}})"
)


_INTRODUCTION_CHARS = 200
"""How far into a paragraph a speaker who takes the floor says their name: after a
greeting, a word to the room (`Alright. Are we ready to get going? ... I am Andrew`)."""


def _introduced(text: str, listed: dict[str, str]) -> str | None:
    """The listed speaker (`listed`, by folded name) who takes the floor saying their
    name early in a paragraph: `My name is Marco Santori, I am an attorney.`, `I am
    Andrew and this is David.` (a first name, where one listed speaker has it)."""
    for found in _INTRODUCES_SELF_OR_ONE.finditer(text, 0, _INTRODUCTION_CHARS):
        words = found["name"].split()
        for size in (3, 2):
            if name := listed.get(fold(" ".join(words[:size]))):
                return name
        if len(words) > 1:
            continue
        first = [full for folded, full in listed.items() if folded.split()[0] == fold(words[0])]
        if len(first) == 1:
            return first[0]
    return None


_OPENING_PARAGRAPHS = 3
_NAME_WORD = re.compile(r"\w{2,}")
_SENTENCE = re.compile(r".+?(?:[.!?…]+[\"”»’')\]]*(?=\s|$)|$)", re.DOTALL)
_FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ll|I[’']ve|I[’']d|my|me)\b")
_HOSTING = re.compile(
    r"\b(?:welcome|introduce|introducing|please|applause|our (?:first |next |last )?speakers?"
    r"|next (?:up|speaker)|give it up|joined by|with us|have \w+ here|question for|thank)",
    re.IGNORECASE,
)
"""A host's words: who welcomes, introduces or thanks a speaker, or puts a question to
them, speaks of them, and is another."""


def _not_spoken_of(text: str, listed: Sequence[str], people: People) -> str | None:
    """Of the two speakers the page lists, the one a paragraph in the first person
    does not speak of, where it speaks of the other by name, as only the one would:
    `Joseph will go after that. Okay, so I'll start.` between Tadge Dryja and Joseph
    Poon is Tadge's. Not a host's words (a welcome, an introduction, a question put to
    someone); a name's word the page writes in lower case too (`May`, `Will`) is
    none."""
    if not _FIRST_PERSON.search(text) or _HOSTING.search(text):
        return None
    # Of whom it asks (`as laid out by Rodrigo or Brian?`), it may ask anyone.
    told = " ".join(s for s in _SENTENCE.findall(text) if not s.rstrip(_CLOSING).endswith("?"))
    words = {word for word in _NAME_WORD.findall(told) if not people.is_plain_word(word)}
    unnamed = [name for name in listed if not words & set(_NAME_WORD.findall(name))]
    return unnamed[0] if len(unnamed) == 1 else None


_CREDIT = (
    re.compile(r"\((?P<name>[^()]{3,60})\)$"),
    re.compile(r"\s[-–—]\s+(?P<name>[^-–—]{3,60})$"),
)
"""Who a heading gives its part to, at its end: `What is FROST? (Chelsea Komlo)`,
`Bitcoin - Rise of the Nodes (Rootzoll)`, `PSBT channel funding - Oliver Gugger`."""
_CREDITED_CHARS = 100


_TITLE_NAMED = re.compile(r"(?P<name>[^:|–—]{3,60}?)\s*[:|–—]\s+\S")
"""A title that opens with who speaks: `Jonas Nick: Schnorr multisignatures`."""


def _credit(heading: str) -> re.Match[str] | None:
    """The name at the end of a heading or title (`_CREDIT`), if it ends with one."""
    return next((f for credit in _CREDIT if (f := credit.search(heading.strip()))), None)


def _credited(heading: str, listed: dict[str, str]) -> str | None:
    """The speaker of `listed` (by folded name: those the page lists, or labels) a
    heading (a short line) gives its part to: the name alone, or at the heading's end
    in full, or by another first name (`Laolu Osuntokun` for `Olaoluwa Osuntokun`)
    where no other has the surname."""
    if len(heading) > _CREDITED_CHARS:
        return None
    if (whole := fold(" ".join(heading.split()))) in listed:
        return listed[whole]  # the name alone on its line, above the part (`Jeff Garzik`)
    found = _credit(heading)
    if found is None:
        return None
    name = fold(" ".join(found["name"].split()))
    if name in listed:
        return listed[name]
    if " " not in name:
        return None
    surname = name.rsplit(" ", 1)[1]
    alike = [full for folded, full in listed.items() if folded.rsplit(" ", 1)[-1] == surname]
    return alike[0] if len(alike) == 1 else None


_HANDS_FLOOR = re.compile(
    r"\b(?i:introduce|introducing|welcome|give it up for|next speaker is|hand(?: it)? over to|"
    r"turn it over to|pass it (?:over )?to)\b[^.!?]{0,80}?"
    rf"(?P<name>{UPPER}[\w’'-]+(?: {UPPER}[\w’'-]+){{1,2}})[.!]?[\"”’']?\s*$"
)
"""A paragraph that ends by giving the floor to someone named in full."""
_HANDS_FLOOR_CHARS = 200


def _hands_floor_to(text: str) -> str | None:
    """Whom a speech's paragraph ends by giving the floor to: `It is my honor to
    introduce the Governor of Delaware, Jack Markell.`, `Please welcome Jane Doe!`."""
    found = _HANDS_FLOOR.search(text, max(0, len(text) - _HANDS_FLOOR_CHARS))
    return found["name"] if found and _is_full_name(found["name"]) else None


def _name_self_introduced(drafts: list[_TurnDraft]) -> None:
    """A speaker the page calls by one name who gives a full one in their own words
    (`Nicolas:` ... `I’m Nic Steenhout`): that name, in all of the label's turns. The
    one name must be the full name's first (`Nic` of `Nicolas` too) or last."""
    named: dict[str, str] = {}
    for draft in drafts:
        if draft.role is not Role.PERSON or draft.label is None or draft.label in named:
            continue
        one = _strip_titles(draft.speaker or "")
        if not one or " " in one:
            continue
        for text in draft.texts:
            said = _INTRODUCES_SELF.search(text)
            if said is None:
                continue
            parts = said["name"].replace(",", "").split()
            first, last, word = parts[0].casefold(), parts[-1].casefold(), one.casefold()
            shortened = min(len(first), len(word)) >= 3 and (
                first.startswith(word) or word.startswith(first)
            )
            if shortened or last == word:
                named[draft.label] = " ".join(parts)
                break
    for draft in drafts:
        if draft.label in named:
            draft.speaker = named[draft.label]


_STENOGRAPHED_LEAST = 2
"""How many changes of speaker marked `>>` make a page a stenographer's: one is a
quote (an e-mail's `>>`, a cheer from the crowd)."""


def _stenographed(lines: Iterable[str]) -> bool:
    """Whether a page marks its changes of speaker as a stenographer does, `>>` at the
    start of a line, twice or more (a run of such lines is one: a quoted e-mail)."""
    marks = 0
    previous = False
    for text in lines:
        marked = text.startswith(CHANGE_OF_SPEAKER)
        marks += marked and not previous
        previous = marked
    return marks >= _STENOGRAPHED_LEAST


def _name_stenographed(drafts: list[_TurnDraft], people: People) -> None:
    """A stenographer's nameless turns (`>>`, label ``) named where the speaker says
    who they are, in full, in the first words of the turn's first paragraphs (`We are
    -- I'm Dan Sinker, I should introduce myself first.`)."""
    for draft in drafts:
        if draft.label == "" and draft.speaker is None:
            said = [text for text in draft.texts if not _STAGE_DIRECTION.match(text)]
            draft.speaker = next(
                filter(None, (_says_who(text, people) for text in said[:_SAID_IN])), None
            )


_SAID_IN = 2
"""The paragraphs of a turn in which its speaker may say who they are."""
_STAGE_DIRECTION = re.compile(r"^[\[(][^\])]*[\])]$")
"""A paragraph that is only a stage direction: `[ Applause ]`, `(laughter)`."""


def _says_who(text: str, people: People) -> str | None:
    """The full name a speaker gives as their own early in `text` (`I'm Dan Sinker`):
    not a title and a surname (`I'm Senator Smith`), not another's (`I'm Dan Sinker's
    colleague`), not words the page writes in lower case too (`I'm Not Sure`)."""
    for found in _INTRODUCES_SELF_OR_ONE.finditer(text, 0, _INTRODUCTION_CHARS):
        name = _strip_titles(found["name"])
        if name.endswith(("'s", "’s")) or not _is_full_name(name):
            continue
        if any(people.is_plain_word(word) for word in name.split()):
            continue
        return people.canonical(name)
    return None


_ADDRESSES = re.compile(
    rf"(?:\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Tt]hanks|[Tt]hank you|[Ww]elcome)\b,?\s+|^|[.!?]\s+)"
    rf"(?P<name>{UPPER}[\w’'-]+)(?=[.,!?])"
)
"""A person spoken to by name: `Hi John.`, `Thanks, Gloria.`, `John, what do you think?`."""


def _name_diarized(drafts: list[_TurnDraft], listed: Sequence[str]) -> None:
    """Diarization labels (`Speaker 0`) named from what the page says, where its
    metadata lists who speaks (`speakers: [John Newbery, Gloria Zhao]`): a label whose
    speaker says their name (`I'm Maurice`) is that person; of two labels taking turns,
    one the other speaks to by name (`Hi John.`, `Thanks, John.`) is that person. Each
    label is named only where the page's words point to one listed person, a different
    one for each label; else it stays as printed."""
    labels = list(dict.fromkeys(d.label for d in drafts if d.label and diarized(d.label)))
    if not labels or not listed:
        return
    first_names = {fold(name.split()[0]): name for name in listed}
    votes: dict[str, Counter[str]] = {label: Counter() for label in labels}
    for draft in drafts:
        label = draft.label
        if label is None or label not in votes:
            continue
        for text in draft.texts:
            for said in _INTRODUCES_SELF_OR_ONE.finditer(text):
                # `I'm Maurice`: a first name (or one name), said by its speaker.
                if (person := first_names.get(fold(said["name"].split()[0]))) is not None:
                    votes[label][person] += 2
            if len(labels) == 2:
                other = labels[1 - labels.index(label)]
                for spoken in _ADDRESSES.finditer(text):
                    if (person := first_names.get(fold(spoken["name"]))) is not None:
                        votes[other][person] += 1
    named: dict[str, str] = {}
    for label, counted in votes.items():
        ranked = counted.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            named[label] = ranked[0][0]
    if len(set(named.values())) < len(named):
        return  # two labels pointing to one person: the page's words are not enough
    for draft in drafts:
        if draft.label in named:
            draft.speaker = named[draft.label]


def _assign_kinds(drafts: list[_TurnDraft], title_speaker: str | None) -> None:
    """Questions, answers and statements, from the labels and the order of the turns:
    after the first question, a named person's turn is an answer, and so is a turn
    right after another person's that asked. A named person who often asks (an
    interviewer, a moderator by name) asks questions. An interjection in brackets that
    does not ask, right after another's question, answers it."""
    questioners = _questioners(drafts, title_speaker)
    # A host under their own name later (`TOM HALE, HOST:`, then `HALE:`).
    questioners |= {d.speaker for d in drafts if d.role is Role.HOST and d.speaker}
    # Where `A:` marks the answers, a named person who asks is one more questioner
    # (`WT: How certain are…?` among `Q:` and `A:`), not who answers.
    marked = any(d.role is Role.ANSWER for d in drafts)
    answerer = title_speaker
    presenting: str | None = None
    """Who has the floor unlabelled."""
    presented: set[str] = set()
    """Who has had it."""
    in_exchange = False
    asked_by: str | None = None
    """Who asked in the turn before, if it asked: the next speaker answers."""
    for draft in drafts:
        role = draft.role
        asks = _asks(draft)
        if role is None:
            # A talk's unlabelled opening may ask its audience (`a recipe for what?`).
            asked_by = draft.speaker if draft.speaker and asks else None
            if draft.speaker is not None and draft.speaker != presenting:
                # Who has the floor unlabelled answers `A:`: a talk's speaker, or the
                # speaker of the part before the questions if they had no part before
                # it (talks in a row, each with its questions); one who takes the
                # floor again (parts given in turn) leaves the questions to all.
                answerer = None if draft.speaker in presented else draft.speaker
                presenting = draft.speaker
                presented.add(draft.speaker)
            continue
        asker = role is Role.HOST or (
            draft.speaker is not None
            and (
                draft.speaker in questioners
                # Where the page is one person's (a talk), whoever else asks, questions.
                or (asks and title_speaker is not None and draft.speaker != title_speaker)
            )
        )
        exclaims = _ends_in(draft, "!")
        if draft.floor and not asks:
            # `Yogi: Yes, Mother, it is in the shops.` after `Is that book not here?`.
            asked = asked_by not in (None, draft.speaker)
            draft.kind = TurnKind.ANSWER if asked else TurnKind.STATEMENT
        elif (
            (draft.closed or from_the_floor(draft.label))
            and not asks
            and (asked_by not in (None, draft.speaker) or exclaims)
        ):
            # `[Audience member: Deadlock.]` after the speaker's `...a recipe for what?`;
            # `AUDIENCE: Whoo!`, a cheer from the floor.
            draft.kind = TurnKind.STATEMENT if exclaims else TurnKind.ANSWER
        elif role is Role.QUESTION or (asker and asks):
            draft.kind = TurnKind.QUESTION
            in_exchange = True
        elif asker:
            draft.kind = TurnKind.STATEMENT  # an interviewer's `Right.`, a host's welcome
        elif role is Role.ANSWER:
            draft.kind = TurnKind.ANSWER
            draft.speaker = draft.speaker or answerer
        elif marked and asks:
            draft.kind = TurnKind.QUESTION
            in_exchange = True
        else:
            replies = asked_by is not None and asked_by != draft.speaker
            draft.kind = TurnKind.ANSWER if in_exchange or replies else TurnKind.STATEMENT
            answerer = answerer or draft.speaker
        asked_by = (draft.speaker or draft.label or "") if asks else None


_CLOSING = " \"'”’»)]"
"""What may close a question after its mark."""


def _interview_block(
    drafts: list[_TurnDraft], block: _Block, answers_by: str | None, asked: bool
) -> bool:
    """Add `block` of an interview without labels to `drafts`: a question in bold or
    italics, the interviewer's; the plain paragraphs after it, `answers_by`'s answer.
    Whether a question has come, with this block."""
    if _asked_in_emphasis(block):
        drafts.append(_TurnDraft(None, None, None, TurnKind.QUESTION, [block.text], Role.QUESTION))
        return True
    last = drafts[-1] if drafts else None
    if block.emphasised or not asked:
        # The interviewer's `Thank you.`, and the introduction before the first question.
        if last and last.kind is TurnKind.STATEMENT and last.role is None and last.speaker is None:
            last.texts.append(block.text)
        else:
            drafts.append(_TurnDraft(None, None, None, TurnKind.STATEMENT, [block.text]))
    elif last and last.role is Role.PERSON:
        last.texts.append(block.text)
    else:
        drafts.append(
            _TurnDraft(answers_by, None, None, TurnKind.STATEMENT, [block.text], Role.PERSON)
        )
    return asked


def _asked_in_emphasis(block: _Block) -> bool:
    return block.emphasised and block.label is None and "?" in block.text


_INTERVIEW_QUESTIONS = 2
"""Questions in bold or italics that make a page without labels an interview."""


def _uninflected(name: str, context: str) -> str:
    """The form of `name`, given in an oblique case (`Сергеем Вакуленко`), that the
    page writes otherwise most often (`Сергей Вакуленко`): each word with its stem
    and another ending; `name` if the page writes no other."""
    words = name.split()
    pattern = r"\s+".join(
        rf"\b{re.escape(word[: max(_ENDING_LETTERS, len(word) - _ENDING_LETTERS)])}"
        rf"\w{{0,{_ENDING_LETTERS}}}\b"
        for word in words
    )
    written = (" ".join(found.split()) for found in re.findall(pattern, context))
    forms = Counter(form for form in written if form != name)
    if not forms:
        return name
    return max(forms, key=lambda form: (forms[form], -len(form)))


def _stray_label(blocks: list[_Block]) -> int | None:
    """The line of the one label of a page that sets its questions in bold or italics,
    as an interview without labels does: a line of an answer that reads like a label
    (`Andrew Tanenbaum: "Operating Systems"`), no speaker's; None if the page has no
    label or more than one, or asks so fewer times."""
    labelled = [block for block in blocks if block.label is not None]
    if len(labelled) != 1 or sum(map(_asked_in_emphasis, blocks)) < _INTERVIEW_QUESTIONS:
        return None
    return labelled[0].line


def _put_by_audience(draft: _TurnDraft) -> bool:
    """Whether `draft` is a whole question or remark from someone unnamed (`Q: What
    about batch verification?`, `Audience member: Delayed, but it will come.`): what
    follows unlabelled is no more of it. A `Q:` that does not end asking may go on."""
    if draft.role is not Role.QUESTION or draft.speaker is not None:
        return False
    return _ends_in(draft, "?") or from_the_floor(draft.label)


def _ends_in(draft: _TurnDraft, mark: str) -> bool:
    """Whether the draft's words end in `mark` (`?`, `!`), quotes and brackets aside."""
    return bool(draft.texts) and draft.texts[-1].rstrip(_CLOSING).endswith(mark)


def _asks(draft: _TurnDraft) -> bool:
    """Whether a host's turn asks: a moderator who only gives the floor (`Go ahead,
    Peter.`) or closes the call makes a statement."""
    return any("?" in text for text in draft.texts)


def _questioners(drafts: list[_TurnDraft], title_speaker: str | None) -> set[str]:
    """Named speakers who ask in two turns or more and in two of five of theirs at
    least (an interviewer, a moderator called by name)."""
    asked: Counter[str] = Counter()
    spoke: Counter[str] = Counter()
    for draft in drafts:
        if draft.role not in (Role.PERSON, Role.OFFICE) or not draft.speaker or not draft.texts:
            continue
        spoke[draft.speaker] += 1
        if _asks(draft):
            asked[draft.speaker] += 1
    return {
        speaker
        for speaker, count in asked.items()
        if speaker != title_speaker and count >= 2 and count * 5 >= spoke[speaker] * 2
    }


_SENTENCE_END = '.?!:;"”»)…'
_PUBLICATION = re.compile(
    r"\b(?:published|posted|updated|modified|last|retrieved|accessed|scraped|downloaded|"
    r"опубликовано|обновлено|дата публикации)",
    re.IGNORECASE,
)


def _date_line(line: str) -> tuple[dt.date, str] | None:
    """A line that is a date and little else (`May 3, 2021`, `Tuesday, 22 May 2018,
    10 a.m.`, `Posted on June 1, 2020`): the date, and `date` or `publication`."""
    if len(line) > 80:
        return None
    found = find_dates(line)
    if not found:
        return None
    rest = line[: found[0].start] + " " + line[found[0].end :]
    if len(rest.split()) > 4 or re.search(r"[a-zа-я]{2,}[.!?]\s+\w", rest):
        return None
    kind = "publication" if _PUBLICATION.search(rest) else "date"
    return found[0].value, kind


_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_WORDS = 3


def _titles(line: str) -> bool:
    """Whether a line that gives a date names the meeting too: three words or more
    beside it that name no day (`Bitcoin Core development meeting, May 12, 2016`; not
    `Tuesday, 22 May 2018, 10 a.m.`, `Washington, May 3, 2021`)."""
    found = find_dates(line)
    rest = line[: found[0].start] + " " + line[found[0].end :] if found else line
    words = [w for w in _TITLE_WORD.findall(rest) if w.casefold() not in WEEKDAY_WORDS]
    return len(words) >= _TITLE_WORDS


_WRAPPED_LINE = 50
"""A line this long, and text on the next: one paragraph, wrapped."""


def _unwrapped(text: str) -> str:
    """`text` with each line break after a long line made a space: a name that a hard
    wrap split (`Tammy` / `Littrell`) is whole again."""
    pieces: list[str] = []
    previous = 0
    for line in text.split("\n"):
        if pieces:
            pieces.append(" " if previous >= _WRAPPED_LINE and line.strip() else "\n")
        pieces.append(line)
        previous = len(line)
    return "".join(pieces)


def _wrap_width(lines: Iterable[str]) -> int | None:
    """The width a page was hard-wrapped at (72, 80 ...), or None if it was not: most
    long lines close to one width, and most lines ending mid-sentence."""
    lengths = []
    ended = 0
    for line in lines:
        if line:
            lengths.append(len(line))
            ended += line[-1] in _SENTENCE_END
    if len(lengths) < 8:
        return None
    lengths.sort()
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100 or ended * 2 > len(lengths):
        return None
    near = sum(1 for length in lengths if length >= width * 0.75)
    return width if near * 5 >= len(lengths) * 2 else None


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Whether `line` goes on the paragraph `previous` ended, with no blank line
    between: on a wrapped page unless `previous` was a short line ending a sentence;
    on an unwrapped one unless `previous` ended a sentence."""
    ends = previous[-1:] in _SENTENCE_END
    if width is not None:
        return not (ends and len(previous) < width * 0.6)
    return not ends
