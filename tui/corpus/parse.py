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
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.corpus.clean import MAX_LINE_CHARS, clean_text, split_long_line
from tui.corpus.config import Config
from tui.corpus.dates import DATELINE, MONTHS, find_dates, infer_year
from tui.corpus.letters import UPPER
from tui.corpus.model import (
    Confidence,
    Document,
    Dropped,
    EventDate,
    Paragraph,
    Turn,
    TurnKind,
    split_title_tail,
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
_PHONE = re.compile(r"^(?:tel\.?|phone|fax)?:?\s*\+?\(?\d[\d\s().-]{6,}\d$", re.IGNORECASE)
_CLOCK = re.compile(r"^[A-Z][\w .'-]{1,30}:\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE)
_TIME_ONLY = re.compile(r"^[\s,/|–—-]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[\s,/|–—-]*$")
# "27.11.2017 - Letter to the Editor": an entry of a list of other news.
_NEWS_LIST_ENTRY = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\s*[-–—]\s+\S")

# --- speaker labels ------------------------------------------------------------

_LABEL = re.compile(
    r"^(?P<name>[^\W\d_][\w.’'\- ]{0,60}?)\s*(?:\((?P<note>[^()]{1,160})\))?\s*:(?:\s+(?P<rest>.*)|$)"
)
_QUESTION_ROLES = frozenset(
    {
        "question",
        "q",
        "remark",
        "journalist",
        "reporter",
        "correspondent",
        "interviewer",
        "follow-up question",
    }
)
_ANSWER_ROLES = frozenset({"answer", "a", "response", "reply"})
_PARTICLES = frozenset(
    {"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el"}
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "madam"})
_NOT_NAMES = frozenset(
    {
        "note",
        "source",
        "photo",
        "video",
        "update",
        "editor's note",
        "see also",
        "email",
        "e-mail",
        "address",
        "tel",
        "fax",
        "phone",
        "date",
        "time",
        "subject",
        "re",
        "warning",
        "example",
        "summary",
        "background",
        "agenda",
        "location",
        "venue",
    }
)
_TITLE_WORDS = frozenset(
    [
        "foreign",
        "minister",
        "president",
        "prime",
        "deputy",
        "secretary",
        "general",
        "state",
        "chairman",
        "chairwoman",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chancellor",
        "governor",
        "mayor",
        "director",
        "consul",
        "senator",
        "official",
        "envoy",
        "special",
        "representative",
        "first",
        "vice",
        "head",
        "chief",
        "the",
        "russian",
        "azerbaijani",
        "american",
        "british",
        "french",
        "german",
        "us",
        "u.s.",
        "top",
        "diplomat",
        "of",
        "affairs",
        "minister's",
    ]
)
_TITLE_SPEAKER = re.compile(
    rf"(?P<who>(?:{UPPER}[\w.’'-]*\s+){{0,6}}?{UPPER}[\w’'-]+?)[’']s\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:remarks|statement|speech|address|answers|interview|opening|comments|article|"
    r"briefing|lecture|replies|news conference|press conference)",
)
_TITLE_BY_SPEAKER = re.compile(
    r"\b(?i:remarks|statement|speech|address|interview|briefing|lecture|comments|"
    r"press conference|news conference)\s+(?:by|of)\s+"
    rf"(?P<who>(?:{UPPER}[\w.’'-]*\s+){{0,6}}{UPPER}[\w’'-]+)",
)

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
_QUOTE_MARK = re.compile(r"[\"“”«»]")

_HTML_HINT = re.compile(r"<(?:p|br|div|b|strong|html|body|span|h\d)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    note: str | None
    rest: str
    style: str


@dataclass(slots=True)
class _Block:
    line: int
    text: str
    label: Label | None = None


@dataclass(slots=True)
class _TurnDraft:
    speaker: str | None
    label: str | None
    note: str | None
    kind: TurnKind
    texts: list[str] = field(default_factory=list)


class _Names:
    """Canonical names: config aliases, then long forms seen earlier in the document."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.full: list[str] = []

    def canonical(self, name: str) -> str:
        name = _normalise_name(name)
        known = self.config.aliases.get(name.casefold())
        if known:
            return self._remember(known)
        if " " not in name:
            for full in reversed(self.full):
                if full.split()[-1].casefold() == name.casefold():
                    return full
        return self._remember(name)

    def is_known(self, name: str) -> bool:
        folded = _normalise_name(name).casefold()
        return folded in self.config.aliases or any(
            full.split()[-1].casefold() == folded for full in self.full
        )

    def _remember(self, name: str) -> str:
        if " " in name and name not in self.full:
            self.full.append(name)
        return name


def _normalise_name(name: str) -> str:
    name = " ".join(name.split())
    if name.isupper() and len(name) > 1:
        name = " ".join(part.capitalize() for part in name.split())
    return name


def _strip_titles(name: str) -> str:
    """`Russian Foreign Minister Sergey Lavrov` -> `Sergey Lavrov`."""
    tokens = name.split()
    kept: list[str] = []
    for token in reversed(tokens):
        word = token.casefold().strip(".,")
        if word in _TITLE_WORDS or word in _HONORIFICS:
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


def html_to_text(text: str) -> str:
    text = _HTML_DROP.sub("", text)
    text = _HTML_BREAK.sub("\n", text)
    text = _HTML_BLOCK.sub("\n\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text)


# --- the parser --------------------------------------------------------------------


def _is_chrome(line: str) -> str | None:
    """The reason a stripped line is page furniture, or None."""
    bare = line.rstrip(":").strip()
    if len(bare) <= _LONGEST_CHROME and bare.casefold() in _NAVIGATION:
        return "navigation"
    if _LANGUAGE_BAR.match(line):
        return "language bar"
    if _PHONE.match(line):
        return "phone number"
    if _CLOCK.match(line):
        return "page clock"
    return None


def _header_date(line: str) -> dt.date | None:
    """A line that is only a date (maybe glued to a time): a page or publication date."""
    stripped = line.strip()
    if len(stripped) > 40:
        return None
    dates = find_dates(stripped)
    if len(dates) != 1 or dates[0].start != 0:
        return None
    return dates[0].value if _TIME_ONLY.match(stripped[dates[0].end :]) else None


def parse_label(line: str, names: _Names | None = None) -> Label | None:
    if ":" not in line:  # most lines: no need to try the expression at all
        return None
    match = _LABEL.match(line)
    if match is None:
        return None
    name = " ".join(match["name"].split()).rstrip(".")
    folded = name.casefold()
    rest = (match["rest"] or "").strip()
    if folded in _QUESTION_ROLES or folded in _ANSWER_ROLES:
        style = "Q:/A:" if folded in ("q", "a") else "Question:/Answer:"
        return Label(name, match["note"], rest, style)
    if folded in _NOT_NAMES or _CLOCK.match(line.strip()):
        return None
    tokens = name.split()
    if not 1 <= len(tokens) <= 5:
        return None
    for token in tokens:
        bare = token.strip(".").casefold()
        if bare in _PARTICLES or bare in _HONORIFICS or bare.startswith(("al-", "el-")):
            continue
        if not token[0].isupper():
            return None
    if folded in MONTHS:
        return None
    if name.replace(".", "").replace(" ", "").isupper() and len(name) > 1:
        style = "ALL CAPS:"
    else:
        style = "Name:"
        real = [t for t in tokens if t.strip(".").casefold() not in _HONORIFICS]
        if len(real) < 2 and not (names and names.is_known(name)):
            return None
    return Label(name, match["note"], rest, style)


def _asker(note: str | None) -> str | None:
    """The asker's name from a question's note, `Question (John Smith, BBC):`."""
    if not note:
        return None
    first = note.split(",")[0].strip()
    tokens = first.split()
    if 2 <= len(tokens) <= 4 and all(t[0].isupper() for t in tokens):
        return first
    return None


def _title_speaker(title: str) -> str | None:
    match = _TITLE_SPEAKER.search(title) or _TITLE_BY_SPEAKER.search(title)
    if not match:
        return None
    name = _strip_titles(match["who"])
    return name or None


@dataclass(slots=True)
class _Head:
    title: str | None = None
    title_line: int = 0
    header_date: dt.date | None = None
    header_line: int = 0
    has_clock: bool = False


def parse_text(
    doc_id: str,
    path: Path,
    raw: str,
    config: Config,
    matcher: TopicMatcher,
    warnings: tuple[str, ...] = (),
) -> Document:
    return _Parser(doc_id, path, config, matcher, list(warnings)).run(raw)


class _Parser:
    def __init__(
        self, doc_id: str, path: Path, config: Config, matcher: TopicMatcher, warnings: list[str]
    ) -> None:
        self.doc_id = doc_id
        self.path = path
        self.config = config
        self.matcher = matcher
        self.warnings = warnings
        self.dropped: list[Dropped] = []
        self.names = _Names(config)
        self.head = _Head()
        self.is_html = False

    def drop(self, line: int, text: str, reason: str) -> None:
        if text.strip():
            self.dropped.append(Dropped(line, text.strip(), reason))

    def run(self, raw: str) -> Document:
        if _HTML_HINT.search(raw[:20_000]):
            self.is_html = True
            raw = html_to_text(raw)
        lines = clean_text(raw).split("\n")
        body = list(self._split_head_body_footer(lines))
        blocks = self._blocks(body)
        title = self.head.title
        named = _title_speaker(title) if title else None
        title_speaker = self.names.canonical(named) if named else None
        drafts, label_styles = self._turns(blocks, title_speaker)
        drafts = self._drop_trailing_headings(drafts, blocks)
        date, place, dateline_agency = self._date_and_place(blocks)
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

    def _split_head_body_footer(self, lines: list[str]) -> Iterator[tuple[int, str]]:
        state = "head"
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if state == "footer":
                self.drop(number, stripped, "footer")
                continue
            if not stripped:
                if state == "body":
                    yield number, ""
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
            if state == "head":
                header = _header_date(stripped)
                if header is not None and self.head.header_date is None:
                    self.head.header_date, self.head.header_line = header, number
                    self.drop(number, stripped, "page date")
                    continue
                if parse_label(stripped, self.names) is not None or DATELINE.match(stripped):
                    state = "body"
                elif len(stripped) >= 30:
                    self.head.title, self.head.title_line = stripped, number
                    state = "body"
                    continue
                else:
                    self.drop(number, stripped, "before title")
                    continue
            yield number, stripped

    def _blocks(self, body: list[tuple[int, str]]) -> list[_Block]:
        blocks: list[_Block] = []
        current: _Block | None = None
        for number, text in body:
            if not text:
                current = None
                continue
            label = parse_label(text, self.names)
            if label is not None:
                # Register a long name now so that a later short label (`Putin:`) is known.
                if label.style == "Name:":
                    self.names.canonical(label.name)
                current = _Block(number, label.rest, label)
                blocks.append(current)
            elif current is None:
                current = _Block(number, text)
                blocks.append(current)
            else:
                current.text = f"{current.text} {text}".strip()
        return blocks

    def _turns(
        self, blocks: list[_Block], title_speaker: str | None
    ) -> tuple[list[_TurnDraft], set[str]]:
        styles = {block.label.style for block in blocks if block.label}
        labelled = bool(styles)
        drafts: list[_TurnDraft] = []
        answerer = title_speaker
        in_exchange = False
        main_person = title_speaker
        for position, block in enumerate(blocks):
            is_last = position == len(blocks) - 1
            if block.label is not None:
                draft = self._labelled(block.label, answerer, in_exchange)
                if draft.kind is TurnKind.QUESTION:
                    in_exchange = True
                elif draft.speaker and draft.label and draft.label.casefold() not in _ANSWER_ROLES:
                    answerer = answerer or draft.speaker
                drafts.append(draft)
                if block.text:
                    draft.texts.append(block.text)
                continue
            if _is_heading(block.text) and not is_last:
                drafts.append(_TurnDraft(None, None, None, TurnKind.HEADING, [block.text]))
                continue
            if labelled:
                # Unlabelled paragraphs continue the turn above; the opening remarks
                # belong to the speaker the title names.
                if not drafts or drafts[-1].kind is TurnKind.HEADING:
                    drafts.append(_TurnDraft(title_speaker, None, None, TurnKind.STATEMENT))
                drafts[-1].texts.append(block.text)
                continue
            speaker, kind = self._attribute(block.text, main_person)
            if speaker:
                main_person = speaker
            if drafts and drafts[-1].speaker == speaker and drafts[-1].kind is kind:
                drafts[-1].texts.append(block.text)
            else:
                drafts.append(_TurnDraft(speaker, None, None, kind, [block.text]))
        return drafts, styles

    def _labelled(self, label: Label, answerer: str | None, in_exchange: bool) -> _TurnDraft:
        folded = label.name.casefold()
        if folded in _QUESTION_ROLES:
            asker = _asker(label.note)
            return _TurnDraft(
                self.names.canonical(asker) if asker else None,
                label.name,
                label.note,
                TurnKind.QUESTION,
            )
        if folded in _ANSWER_ROLES:
            return _TurnDraft(answerer, label.name, label.note, TurnKind.ANSWER)
        kind = TurnKind.ANSWER if in_exchange else TurnKind.STATEMENT
        return _TurnDraft(self.names.canonical(label.name), label.name, label.note, kind)

    def _attribute(self, text: str, main_person: str | None) -> tuple[str | None, TurnKind]:
        """Who a paragraph of an article reports, if that is clear."""
        for pattern in (_NAME_THEN_VERB, _VERB_THEN_NAME):
            for match in pattern.finditer(text):
                name = _strip_titles(match["name"])
                if text[: match.start()].endswith(" of ") and name.count(" ") >= 2:
                    # `Minister of Brazil Carlos Alberto França`: the first word is a country.
                    name = name.split(" ", 1)[1]
                if name and (" " in name or self.names.is_known(name)):
                    return self.names.canonical(name), TurnKind.QUOTE
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
        place: str | None = None
        title = self.head.title or ""
        _, tail_place, tail_date = split_title_tail(title)
        if tail_place and tail_date:
            place = tail_place
            dates = find_dates(tail_date)
            if dates:
                return EventDate(dates[0].value, "title", Confidence.EXACT), place, None
        for block in blocks[:3]:
            dateline = DATELINE.match(block.text)
            if dateline:
                place = dateline["place"].strip().title()
                agency = (dateline["agency"] or "").strip(" /().-–—") or None
                month = MONTHS[dateline["month"].lower()]
                day = int(dateline["day"])
                full = find_dates(block.text[: dateline.end() + 8])
                if full:
                    return EventDate(full[0].value, "dateline", Confidence.EXACT), place, agency
                header = self.head.header_date
                if header and (header.month, header.day) == (month, day):
                    return (
                        EventDate(
                            header,
                            f"dateline, year from header line {self.head.header_line}",
                            Confidence.EXACT,
                        ),
                        place,
                        agency,
                    )
                body_text = "\n".join(block.text for block in blocks)
                inferred = infer_year(month, day, body_text)
                if inferred:
                    return (
                        EventDate(inferred.date, inferred.reason, Confidence.INFERRED),
                        place,
                        agency,
                    )
                self.warnings.append("dateline has no year and none could be inferred")
                return EventDate(None, "dateline without a year", Confidence.MISSING), place, agency
        if self.head.header_date is not None:
            line = self.head.header_line
            if self.head.has_clock:
                return (
                    EventDate(
                        self.head.header_date,
                        f"page clock, header line {line} (scrape time)",
                        Confidence.SCRAPED,
                    ),
                    place,
                    None,
                )
            return (
                EventDate(self.head.header_date, f"header line {line}", Confidence.EXACT),
                place,
                None,
            )
        return EventDate(None, "no date found", Confidence.MISSING), place, None

    def _source_kind(self, labelled: bool, agency: str | None) -> str:
        if agency:
            return "news agency article"
        if self.head.has_clock:
            return "embassy news page"
        if self.is_html:
            return "html export"
        if labelled:
            return "ministry transcript" if self.head.header_date else "transcript"
        return "article"

    def _format(self, styles: set[str], agency: str | None) -> str:
        base = "html " if self.is_html else ""
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


def _is_heading(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or len(stripped.split()) > 10:
        return False
    if stripped[-1] in ".!?:;,…\"”»)]'’":
        return False
    return stripped[0].isupper() and not stripped.isdigit()
