"""Speaker labels, and the people behind them.

A turn of a transcript starts with a label, written in many ways: `Anna Berg:`,
`MS. DOE:`, `Q`, `QUESTION (Reuters):`, `THE PRESIDENT:`, `President of Atlantis
Ivan Petrov:`, `The Prime Minister (Ann Lee):`, `А.Петров:`, `CHAIR
JONES.`, `SPEAKER_00:`. `parse_label` reads one line's label; `People` turns the
names a document's labels print into people, one name a person however the page
writes them, from the page's own words (its title, its text, its other labels)
and the config's aliases.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from tui.corpus.config import Config
from tui.corpus.dates import MONTHS
from tui.corpus.formats import CHANGE_OF_SPEAKER, CLOCK
from tui.corpus.letters import UPPER, accented, fold
from tui.corpus.model import GENERIC_LABEL


class Role(StrEnum):
    """What a label says about the turn, besides who speaks."""

    PERSON = "person"
    QUESTION = "question"
    """A questioner the label does not name (`Q`, `Question (Reuters)`)."""
    ANSWER = "answer"
    HOST = "host"
    """Who asks by office (`MODERATOR`, `Interviewer`, `Ведущий`): a question turn."""
    OFFICE = "office"
    """A person named by office (`THE PRESIDENT`): the page may say who that is."""


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    """The label as printed, without its parenthesis, colon or markers."""
    note: str | None
    rest: str
    style: str
    role: Role


QUESTION_WORDS = frozenset(
    {
        "question",
        "q",
        "remark",
        "journalist",
        "reporter",
        "correspondent",
        "audience member",
        "audience",
        "follow-up question",
        "interviewer",
        "вопрос",
        "реплика",
        "журналист",
        "корреспондент",
        "pregunta",
        "interlocutor",
        "interlocutora",
        "reportero",
        "reportera",
        "periodista",
    }
)
ANSWER_WORDS = frozenset({"answer", "a", "response", "reply", "ответ", "respuesta"})
HOST_WORDS = frozenset(
    {
        "moderator",
        "host",
        "co-host",
        "anchor",
        "presenter",
        "ведущий",
        "ведущая",
        "модератор",
        "moderador",
        "moderadora",
    }
)
_OFFICES = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "deputy prime minister",
        "secretary",
        "secretary of state",
        "secretary-general",
        "secretary general",
        "press secretary",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "deputy speaker",
        "presiding officer",
        "minister",
        "foreign minister",
        "first minister",
        "chancellor",
        "governor",
        "mayor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "deputy spokesperson",
        "ambassador",
        "chief justice",
        "justice",
        "clerk",
        "operator",
        "narrator",
        "announcer",
        "president-elect",
        "first lady",
        "senator",
        "leader",
        "председатель",
        "председательствующий",
        "президент",
        "премьер-министр",
    }
)
PARTICLES = frozenset(
    {"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el"}
)
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "madam",
        "madame",
        "mister",
        "dame",
        "lord",
        "rev",
        "revd",
        "reverend",
        "fr",
        "hon",
        # French: `Mme Ann Roy`, `Mlle`, `L'hon. Herb Gray` (the elided article kept).
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "l'hon",
        "l’hon",
        # Titles of rank before a name: Fijian (`Ratu`), Malaysian (`Tun`, `Datuk`).
        "ratu",
        "tun",
        "datuk",
        "dato",
        "datin",
    }
)
ROLE_WORDS = frozenset(
    {
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
        "chair",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "chancellor",
        "governor",
        "mayor",
        "director",
        "consul",
        "senator",
        "representative",
        "rep",
        "sen",
        "congressman",
        "congresswoman",
        "official",
        "envoy",
        "special",
        "first",
        "vice",
        "head",
        "chief",
        "justice",
        "judge",
        "commissioner",
        "councilor",
        "councillor",
        "councilman",
        "councilwoman",
        "alderman",
        "alderwoman",
        "selectman",
        "selectwoman",
        "clerk",
        "trustee",
        "treasurer",
        "chairperson",
        "admiral",
        "colonel",
        "commander",
        "advisor",
        "adviser",
        "counselor",
        "counsellor",
        "coordinator",
        "administrator",
        "captain",
        "major",
        "lieutenant",
        "sergeant",
        "pentagon",
        "white",
        "house",
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
        "speaker",
        "leader",
        "majority",
        "minority",
        "ranking",
        "member",
        "acting",
        "assistant",
        "under",
        "undersecretary",
        "lady",
        "gentleman",
        "hon",
        "honourable",
        "honorable",
        "rt",
        "right",
        "president-elect",
        "h.e",
        "his",
        "her",
        "excellency",
        "eminence",
        "holiness",
        "majesty",
        "highness",
        "cardinal",
        "presidente",
        "presidenta",
        "primer",
        "primera",
        "ministro",
        "ministra",
        "secretario",
        "secretaria",
        "gobernador",
        "gobernadora",
        "directora",
        "titular",
    }
)
_NOT_NAMES = frozenset(
    {
        "note",
        "notes",
        "source",
        "sources",
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
        "todo",
        "recording",
        "background",
        "agenda",
        "location",
        "venue",
        "transcript",
        "participants",
        "present",
        "attendees",
        "copyright",
        "breaking",
        "contact",
        "contacts",
        "media contact",
        "released",
        "release",
        "embargo",
        "embargoed",
        "for immediate release",
        "posted",
        "published",
        "updated",
        "tags",
        "topics",
        "category",
        "categories",
        "keywords",
        "url",
        "link",
        "links",
        "read more",
        "share",
        "follow us",
        "related",
        "issued",
        "place",
        "title",
        "description",
        "author",
        "by",
        "language",
        "duration",
        "length",
        "format",
        "event",
        "speakers",
        "speaker list",
        "watch",
        "listen",
        "audio",
        "caption",
        "captions",
        "translation",
        "original",
        "as prepared for delivery",
        "as delivered",
        "q&a",
        "p.s",
        "ps",
        "nb",
        "n.b",
        "http",
        "https",
        "www",
        "note to editors",
        "ends",
        "end",
        "mission",
        "dial-in",
        "press contact",
        "источник",
        "дата",
        "тема",
        "фото",
        "место",
    }
)

_ENDS_NO_NAME = frozenset({"by", "of", "to", "for", "with", "from", "at", "in", "on", "and", "the"})
"""`STATEMENT BY:`, `Remarks of:`: a heading that leads to a name, not a name."""
_NAME_LINE = re.compile(
    rf"(?:\*\*|\[|\()?{UPPER}[\w’'-]*(?: {UPPER}[\w’'.-]*){{0,2}}(?:\*\*|\]|\))?$"
)
_NAME_LINE_CHARS = 40
_ONE_WORD_CHARS = 40
_TIMESTAMP = rf"[\[(]?{CLOCK}[\])]?"
_SENTENCE_ENDS = (".", "?", "!", "…")
_CLOSERS = " \t\"'”’»)]"
"""What may close a sentence after its mark."""
_MANY_TURNS = 5
"""Lines a one-word label starts on a page of full-name labels that make it a label of
its own, though the page names nobody so elsewhere."""
_ONE_WORD_LABEL = re.compile(
    rf"\s*(?:\*\*|\[)?([^\W\d_][\w’'-]+)(?:\*\*|\])?\s*(?:{_TIMESTAMP}\s*)?:(?:\s|$)"
)
_LEAD = re.compile(
    rf"^(?:>{{1,3}}\s*|{_TIMESTAMP}\s+|[-–—*•]\s+(?=\S+.{{0,60}}:)|（[^）]{{1,4}}）\s*"
    r"|\(\d{1,3}\)\s+|\d{1,3}[.)]\s+(?=\S+.{0,60}:))+"
)
"""Markers before a label: `>>` (captions, broadcasters), a timestamp, a dash, a
number (`（三）`, `(3)`, `3.`)."""
_BRACKETED = re.compile(r"^\[(?P<name>[^\W\d][^\[\]\n]{0,79})\]\s*[:：]\s*(?P<rest>.*)$")
"""A label in square brackets, as transcription tools write them: `[Jane Doe]:`."""
_CHAT_NICK = re.compile(r"^<[@+%&~ ]?(?P<name>[^\W\d][^\s<>@/=\"']{0,31})>(?:\s+(?P<rest>.*)|$)")
"""`<sipa> text`, `<@wumpus> text`: a chat log's nick (IRC, as logged and pasted)."""
_ONE_NAME = re.compile(rf"{UPPER}[\w’'-]+$")
_LEAD_FIRST = frozenset(">[(-–—*•0123456789（")
_ROLE_LABEL = re.compile(
    r"^(?P<name>[^\W\d_][\w.’'\- ]{0,60}?),\s*(?P<role>[^\W\d_][\w.’'\- ]{0,40}?)\s*"
    r"(?P<notes>\([^()]{1,160}\))?\s*[:：](?:\s+(?P<rest>.*)|$)"
)
"""`TOM HALE, HOST:`: a broadcaster's label, the name, then what the person is."""
_COLON_LABEL = re.compile(
    r"^(?P<name>[^\W\d_][\w.’'\- ]{0,80}?)"
    r"\s*(?P<notes>\([^()]{1,160}\)(?:\s*\([^()]{1,60}\)){0,2})?\s*(?:"
    + _TIMESTAMP
    + r"\s*)?[:：](?:\s+(?P<rest>.*)|$)"
)
_TIMED_NAME = re.compile(
    r"^(?P<name>[^\W\d_][\w.’'\- ]{0,60}?)\s*(?:[-–—|@]\s*)?" + _TIMESTAMP + r"\s*[:：]?$"
)
"""`Jane Doe  0:02`, `Jane Doe – 00:03:22:`, `Jane Doe [00:01:05]`: a name and when they
began, alone on a line above what they say, as transcription tools export it (Otter,
Descript). A label where the page lists the name as a speaker, or times two names or
more twice each (a chapter list times each title once: `Intro 0:00`)."""
_TIMED_CHARS = 80
_LABEL_REACH = 300
"""A label's colon stands within this many characters of a line's start (a name and
up to three notes)."""
_NOTE = re.compile(r"\(([^()]*)\)")
"""Each parenthesis of a label: `(Witney) (Con)` in Hansard, `(to both ministers)`."""
_Q_BARE = re.compile(
    r"^(?P<name>Q|QUESTION)(?:\.|(?=\s)|$)\s*(?:\((?P<note>[^()]{1,160})\))?\s*(?P<rest>.*)$"
)
"""`Q    text`, `Q. text`, `QUESTION text`, a lone `Q`: press-office questions without a colon."""
_DASHED_QA = re.compile(r"^(?P<name>[QA])[ \t]+[-–—][ \t]+(?P<rest>\S.*)$")
"""`Q - text`, `A - text`: a question and its answer, as some transcribers mark them."""
_CAPITALS = rf"(?:Ma?c)?{UPPER}[{UPPER[1:-1]}’']+"
"""A word in capitals, as labels write surnames: `JONES`, `McDONALD`."""
_PERIOD_LABEL = re.compile(
    rf"^(?P<name>(?:[\w’'-]+\.?\s+){{0,3}}{_CAPITALS}(?:-{_CAPITALS})*(?: pro tempore)?)"
    rf"(?:\s+(?P<of>of(?: the)? {UPPER}\w+(?: {UPPER}\w+)?))?"
    r"\s*(?:\((?P<note>[^()]{1,160})\))?\.(?:\s+(?P<rest>\S.*)|$)"
)
"""`CHAIR JONES. text`, `Mr. JONES. text`, `Chairman SMITH.`, `Mr. MILLER of Florida.`,
`The SPEAKER pro tempore (Mr. Poe).`: hearings, the Congressional Record and their kin
end the label with a period, the surname in capitals."""
_SURNAME_INITIALS = re.compile(
    rf"^(?P<name>{UPPER}[\w’'-]+\s+{UPPER}\.\s?(?:{UPPER}\.)?)"
    r"(?:,\s*(?P<note>[^.:]{1,80}?)\.)?(?:\s+(?P<rest>\S.*)|$)"
)
"""`АРІСТОВ Ю.Ю. text`, `Смолин О. Н., фракция КПРФ.`: a stenogram's label, the surname
then the initials (a line of its own where the surname is not in capitals)."""
_PRESIDING = re.compile(r"^(?P<name>(?i:председательствующий|головуючий))\.(?:\s+(?P<rest>\S.*)|$)")
"""`Председательствующий. text`: who chairs a Russian or Ukrainian sitting."""
_INITIALS = re.compile(rf"^(?:{UPPER}\.\s?){{1,3}}{UPPER}[\w’'-]+$")
"""`А.Петров`, `А.В.Петров`, `I. Petrov`: initials and a surname."""
_AUDIENCE = re.compile(
    r"^(?:(?:another|different|other|second|third|same|new|female|male)\s+)?"
    r"(?:audience(?: member| question)?|questioner|участник|(?:голоса?\s+)?из зала"
    r"|(?:голоси?\s+)?із залу)(?:[ _-]?(?:\d{1,3}|[A-Z]))?$",
    re.IGNORECASE,
)
"""`Audience member 2`, `Different audience member`: someone of the audience."""


_SAID_AT = re.compile(
    r"^(?:\[(?P<bracketed>[^\W\d][^\[\]\n]{0,59})\]|\*\*(?P<bold>[^\W\d][^*\n]{0,59})\*\*"
    r"|(?P<name>[^\W\d_][\w.’' -]{0,59}?))\s*"
    rf"[\[(]{CLOCK}[\])]\s+(?P<rest>[^\s:].*)$"
)


_TIME_IN_BRACKETS = re.compile(r"[\[(]\d{1,2}:\d\d")
_SAID_AT_REACH = 90
"""The time's colon stands within this many characters of the line's start."""


def said_at(line: str) -> tuple[str, str] | None:
    """The name and the words of a line that gives who speaks and when in brackets,
    then what they say, without a colon (`[Jane Doe] [00:27] Can I read?`, `**Jane**
    [0:06] How?`, `Jane Doe (00:01:05) Yes.`); None for any other line."""
    if ":" not in line[:_SAID_AT_REACH] or not _TIME_IN_BRACKETS.search(line, 0, _SAID_AT_REACH):
        return None
    found = _SAID_AT.match(line)
    if found is None:
        return None
    return (found["bracketed"] or found["bold"] or found["name"]).strip(), found["rest"]


def alone_name(line: str) -> str:
    """The name a line that holds only a name holds: `Jane Doe` of `**Jane Doe**`, `[Jane
    Doe]`, `(Jane)`."""
    return line.strip("*[]() ")


def name_line(line: str) -> bool:
    """Whether `line` may be a name alone on its line (`Jane Doe`, `**Tom**`, `[Tom]`,
    `(Tom)`), as pages put their speakers above what each says."""
    return (
        len(line) <= _NAME_LINE_CHARS
        and bool(_NAME_LINE.match(line))
        and _bare(line) not in _NOT_NAMES
        and not _ENDS_SENTENCE.search(line)
    ) or capitals_line(line)


_CAPITALS_LINE = re.compile(
    rf"{UPPER}[\w’'-]*(?: [\w’'.-]+){{1,6}}(?:, [\w’'.-]+(?: [\w’'.()-]+){{0,14}})?$"
)
_CAPITALS_LINE_CHARS = 160


def capitals_line(line: str) -> bool:
    """Whether `line` is a speaker line in capitals of a stenographic version: a name
    with the office before it (`PRESIDENTE ANDRÉS LÓPEZ`), or after or before a comma
    (`ANA RUIZ, SECRETARIA DE CULTURA`, `PRIMER MINISTRO DE BELICE, JUAN BRICEÑO`)."""
    if not (
        len(line) <= _CAPITALS_LINE_CHARS
        and line.isupper()
        and line[:1].isalpha()
        and line[-1:] not in ".!?:"
        and _CAPITALS_LINE.match(line)
    ):
        return False
    # An office before the name or either side of the comma: no heading in capitals
    # (`INTERNATIONAL WOMEN'S DAY`), which a name alone would be as like.
    first, comma, second = line.partition(", ")
    sides = (first, second) if comma else (first,)
    return any(_is_word_of(side.split()[0], ROLE_WORDS) for side in sides if side)


def _line_label(name: str, known: People | None) -> Label:
    """The label of a name alone on its line: a role in capitals (`MODERADOR`,
    `PREGUNTA`, as stenographic versions head turns) as such;
    of a name and an office either side of a comma, the name, the office its note."""
    first, comma, second = name.partition(", ")
    if comma:
        if _is_word_of(first.split()[0], ROLE_WORDS | HOST_WORDS):
            first, second = second, first
        return Label(first, second, "", "name line", Role.PERSON)
    label = _classify(name, None, "", known) if name.isupper() else None
    if label is not None and label.role is not Role.PERSON:
        return replace(label, style="name line")
    return Label(name, None, "", "name line", Role.PERSON)


_ENDS_SENTENCE = re.compile(r"\w{3}\.$")
"""`Your Honor.`, `Anti-Injunction Act.`: the end of a sentence on a line of its own, no
name (`Jr.`, `A.` may end one)."""


def timed_name(line: str) -> str | None:
    """The name of a line that is only a name and a time (`Jane Doe  0:02`, `_TIMED_NAME`),
    its spaces made one; None for any other line."""
    if len(line) > _TIMED_CHARS or (found := _TIMED_NAME.match(line)) is None:
        return None
    return " ".join(found["name"].split())


FLOOR_STYLE = "Audience:"
"""The style of a one-word label of the audience the page learns (`People.floor_words`):
who asks, answers the speaker's question, or remarks."""


def from_the_floor(label: str | None) -> bool:
    """Whether a label is someone of the audience (`AUDIENCE:`, `Audience member 2:`),
    who asks or only cheers, where `Q:` always asks."""
    return label is not None and _AUDIENCE.match(label) is not None


def _bare(token: str) -> str:
    return token.strip(".,’'").casefold()


def _is_word_of(token: str, words: frozenset[str]) -> bool:
    return _bare(token) in words


def _strip_lead(line: str) -> str:
    if line[:1] not in _LEAD_FIRST:
        return line
    match = _LEAD.match(line)
    return line[match.end() :] if match else line


"""A stenographer's mark for a new speaker it does not name (`>> Thank you.`)."""


def nameless_label(line: str) -> Label:
    """The label of a stenographer's `>>` that names no one: the person speaking is
    not known (`People.speaker` gives None), their words are the rest of the line."""
    return Label("", None, line.lstrip(">").strip(), CHANGE_OF_SPEAKER, Role.PERSON)


def parse_label(line: str, known: People | None = None) -> Label | None:
    """The speaker label that starts `line`, or None. `known` tells surnames the
    document has already named (`Petrov:` after `Ivan Petrov:`)."""
    if line[:1] in _BULLETS and (marked := _bullet_label(line, known)) is not None:
        return marked
    line = _strip_lead(line)
    if not line:
        return None
    if (said := said_at(line)) is not None:
        label = parse_label(f"{said[0]}: {said[1]}", known)
        return _styled(label, "Name [time]") if label is not None else None
    if known is not None and known.label_lines and alone_name(line).casefold() in known.label_lines:
        return _line_label(alone_name(line), known)
    if line[0] == "[":
        return _bracketed_label(line, known)
    if line[0] == "<" and (chat := _CHAT_NICK.match(line)) is not None:
        return Label(chat["name"], None, chat["rest"].strip(), "<nick>", Role.PERSON)
    if line[0] in "QA" and (dashed := _DASHED_QA.match(line)) is not None:
        role = Role.QUESTION if dashed["name"] == "Q" else Role.ANSWER
        return Label(dashed["name"], None, dashed["rest"], "Q - /A - ", role)
    if line[0] == "Q":
        bare = _Q_BARE.match(line)
        if bare and (bare["rest"] or "").strip()[:1] != ":":
            return Label(
                bare["name"], bare["note"], bare["rest"].strip(), "Q (no colon)", Role.QUESTION
            )
    head = line[:_LABEL_REACH]
    if ":" in head or "：" in head:
        match = _COLON_LABEL.match(line)
        if match is not None:
            notes = match["notes"]
            note = "; ".join(_NOTE.findall(notes)) if notes else None
            rest = (match["rest"] or "").strip()
            # A page prints its few labels over and over: each is read once.
            seen = known.labels.get((match["name"], note)) if known is not None else None
            if seen is not None:
                return Label(seen.name, seen.note, rest, seen.style, seen.role)
            label = _classify(match["name"], note, rest, known)
            if label is not None:
                if known is not None:
                    known.labels[(match["name"], note)] = label
                    if not rest and timed_name(line):  # `Jane Doe- 00:02:33:`
                        known.label_lines.add(label.name.casefold())
                return label
        elif "," in head[:60] and (match := _ROLE_LABEL.match(line)) is not None:
            notes = match["notes"]
            note = "; ".join(_NOTE.findall(notes)) if notes else None
            label = _with_role(match["name"], match["role"], note, (match["rest"] or "").strip())
            if label is not None:
                return label
        if known is not None and (timed := timed_name(line)) and known.stands_above_turns(timed):
            label = _classify(timed, None, "", known)
            if label is None and _ONE_NAME.match(timed) and _bare(timed) not in _NOT_NAMES:
                label = Label(timed, None, "", "", Role.PERSON)  # `Josibake – 00:02:32:`
            if label is not None:
                return _styled(label, "Name time")
    if "." in line[:60]:
        return _stenogram_label(line) or _period_label(line) or _office_period_label(line)
    return None


_BULLETS = frozenset("-*•")
_BULLET_NAMED = re.compile(r"^[-*•]\s+\((?P<name>[^\W\d][^()\n:]{0,40})\)\s+(?P<rest>[^\s(\[].*)$")
"""`- (Ruth) enabled captioning`: notes in a list, each point begun by its speaker's
name in parentheses."""


def bullet_named(line: str) -> str | None:
    """`- (Ruth) enabled captioning` as the label it is: `Ruth: enabled captioning`."""
    match = _BULLET_NAMED.match(line) if line[:1] in _BULLETS else None
    return f"{match['name'].strip()}: {match['rest']}" if match else None


def _bullet_label(line: str, known: People | None) -> Label | None:
    """The speaker a point of a list begins with in parentheses (`_BULLET_NAMED`), where
    the parentheses surely hold a speaker (two names, or one the page labels with
    elsewhere) and no aside (`- (Optional) ...`, `- (Laughter) ...`)."""
    if (named := bullet_named(line)) is None:
        return None
    label = parse_label(named, known)
    if label is None or not _surely_speaker(label, known):
        return None
    return replace(label, style="- (Name)")


def _stenogram_label(line: str) -> Label | None:
    """A label of a Russian or Ukrainian stenogram (`_SURNAME_INITIALS`, `_PRESIDING`).
    Most lines fail at their first letters, without the expressions."""
    if line[0] in "ПпГг" and (presiding := _PRESIDING.match(line)):
        return Label(presiding["name"], None, presiding["rest"] or "", "NAME.", Role.OFFICE)
    space = line.find(" ")
    if space < 2 or line[space + 2 : space + 3] != "." or not line[0].isupper():
        return None  # no `Surname I.`
    found = _SURNAME_INITIALS.match(line)
    if found is None or not (found["name"].split()[0].isupper() or not found["rest"]):
        return None
    if (found["rest"] or "")[:2].isupper():
        return None  # `ROBERT A. LONG, ESQ.`: a name, given name first, the surname after
    name = found["name"].split()[0]
    if len(name) < 2 or _bare(name) in _NOT_NAMES or _bare(name) in _TITLE_CASE_WORDS:
        return None
    return Label(found["name"], found["note"], found["rest"] or "", "NAME I.O.", Role.PERSON)


def _styled(label: Label, style: str) -> Label:
    """`label` in the style of the line that held it, but a diarizer's (`Speaker 1
    0:00`), which is read as printed."""
    return label if label.style == "Speaker N:" else replace(label, style=style)


def _bracketed_label(line: str, known: People | None) -> Label | None:
    """A label in square brackets: `[Jane Doe]: Thank you.`, `[Unidentified]:`; without
    the colon (`[Jane Doe] Thank you.`) or around the words too (`[Audience member:
    Deadlock.]`, an interjection), only where the brackets surely hold a speaker and no
    stage direction (`[Laughter]`, `[Music Playing]`)."""
    if bracketed := _BRACKETED.match(line):
        # One word in brackets is a name too (`[Unidentified]:`).
        name, rest = bracketed["name"].strip(), bracketed["rest"].strip()
        label = parse_label(f"{name}: {rest}", known)
        if label is None and _ONE_NAME.match(name) and _bare(name) not in _NOT_NAMES:
            label = Label(name, None, rest, "[Name]:", Role.PERSON)
        return label
    if bare := _BRACKETED_BARE.match(line):
        label = parse_label(f"{bare['name'].strip()}: {bare['rest'].strip()}", known)
        style = "[Name]"
    elif whole := _BRACKETED_WHOLE.match(line):
        label = parse_label(whole["inner"], known)
        style = "[Name: words]"
    else:
        return None
    if label is None or not _surely_speaker(label, known):
        return None
    return replace(label, style=style)


def _surely_speaker(label: Label, known: People | None) -> bool:
    """Whether a label read out of brackets names a speaker rather than what happens."""
    words = [_bare(word) for word in label.name.split()]
    if any(word in _STAGE_WORDS for word in words):
        return False
    if label.role in (Role.QUESTION, Role.ANSWER, Role.HOST) or label.style == "Speaker N:":
        return True
    return label.role is Role.PERSON and (
        len(words) >= 2 or (known is not None and known.is_known(label.name))
    )


_BRACKETED_BARE = re.compile(r"^\[(?P<name>[^\W\d][^\[\]\n:]{0,79})\]\s+(?P<rest>[^\s(\[].*)$")
"""`[Jane Doe] Thank you.`: a bracketed label without its colon."""
_BRACKETED_WHOLE = re.compile(r"^\[(?P<inner>[^\W\d][^\[\]\n]{0,79}:\s[^\[\]]*)\]?$")
"""`[Audience member: Deadlock.]`: a label and its words in brackets, an interjection;
the closing bracket may come lines below, where the page is wrapped."""
_STAGE_WORDS = frozenset(
    {
        "applause",
        "laughter",
        "laughs",
        "music",
        "playing",
        "inaudible",
        "indiscernible",
        "unintelligible",
        "crosstalk",
        "silence",
        "pause",
        "cheers",
        "cheering",
        "break",
        "video",
        "audio",
        "clip",
        "demo",
        "slide",
        "end",
        "time",
    }
)
"""Words of a stage direction in brackets: `[Music Playing]`, `[End of Demo]`."""
_MARKER_WORDS = _STAGE_WORDS | {"song", "recording", "intro", "outro", "interlude"}
_PRODUCTION_MARK = re.compile(rf"^(?P<word>[^\W\d_]+)(?:\s+[^\W\d_]+)?\s*:\s*(?:{_TIMESTAMP})?\s*$")


def production_mark(line: str) -> bool:
    """Whether a line marks a part of a show's production, not a speaker: a stage
    word (`Break:`, `Song:`, `Recording begins:`) with no words of its own after it,
    at most the time (`Break: [30:46]`)."""
    found = _PRODUCTION_MARK.match(line.strip())
    return found is not None and marks_word(found["word"])


def marks_word(name: str) -> bool:
    """Whether `name` begins with a word a show's production marks begin with."""
    return name.split(maxsplit=1)[0].casefold() in _MARKER_WORDS if name else False


_PERIOD_TITLES = HONORIFICS | {
    "chairman",
    "chairwoman",
    "chair",
    "senator",
    "representative",
    "secretary",
    "general",
    "admiral",
    "judge",
    "justice",
    "governor",
    "ambassador",
    "commissioner",
    "director",
}
"""Words that start a hearing's labels in mixed case (`Chairman SMITH.`)."""


def _may_end_in_period(line: str) -> bool:
    """Whether `line` can start with a label ending in a period: its first word in
    capitals (`CHAIR`, `MR.`), a title (`Mr.`, `Chairman`), or `The` before capitals
    (`The SPEAKER`). Most lines of prose fail at once, without the expression."""
    first, _, after = line.partition(" ")
    return (
        first.isupper()
        or _bare(first) in _PERIOD_TITLES
        or (first == "The" and after[: after.find(" ")].isupper())
    )


def _classify(raw: str, note: str | None, rest: str, known: People | None) -> Label | None:
    if rest.startswith(("http://", "https://", "www.")):
        return None  # `Original Notes: https://...`: a link, not speech
    name = " ".join(raw.split()).rstrip(".-–— ")  # `Jane Doe- 00:02:33:`
    folded = name.casefold()
    if folded in QUESTION_WORDS:
        style = "Q:/A:" if folded == "q" else "Question:/Answer:"
        return Label(name, note, rest, style, Role.QUESTION)
    if folded in ANSWER_WORDS:
        style = "Q:/A:" if folded == "a" else "Question:/Answer:"
        return Label(name, note, rest, style, Role.ANSWER)
    if known is not None and name in known.handles:
        return Label(name, note, rest, "handle:", Role.PERSON)
    if known is not None and folded in known.floor_words:
        return Label(name, note, rest, FLOOR_STYLE, Role.QUESTION)
    if folded in _NOT_NAMES or folded in MONTHS or folded.startswith(("http", "www")):
        return None
    if folded in HOST_WORDS:
        return Label(name, note, rest, "role:", Role.HOST)
    if _AUDIENCE.match(name):
        return Label(name, note, rest, "Question:/Answer:", Role.QUESTION)
    if GENERIC_LABEL.match(name):
        return Label(name, note, rest, "Speaker N:", Role.PERSON)
    if any(char.isdigit() for char in name):
        return None  # `EIP-152:`, `Item 3:`: a number names no one
    tokens = name.split()
    if not 1 <= len(tokens) <= 10 or _bare(tokens[-1]) in _ENDS_NO_NAME:
        return None
    for token in tokens:
        if not token[0].isupper() and not (
            _is_word_of(token, PARTICLES) or _bare(token) in ("of", "the", "and", "for")
        ):
            return None
    words = [_bare(token) for token in tokens]
    if words[0] != "the" and words[0] in _TITLE_CASE_WORDS | SPOKEN_WORDS:
        return None  # `On Africa:`, `So Far:`: no name starts so
    if all(word in ROLE_WORDS or word in ("and", "for") for word in words):
        return Label(name, note, rest, "role:", Role.OFFICE)
    if office_of(name) is not None:
        return Label(name, note, rest, "role:", Role.OFFICE)
    person = _person_tokens(tokens)
    if len(person) == 1 and len(tokens) > 1 and _bare(tokens[-2]) == "of":
        return None  # `Official Website of the President of Russia:`: a country, no one
    caps = name.replace(".", "").replace(" ", "").isupper() and len(name) > 1
    if not person and caps:
        return Label(name, note, rest, "ALL CAPS:", Role.OFFICE)  # `SENIOR ADMINISTRATION OFFICIAL`
    if not person or len(person) > 5:
        return None
    if len(person) == 1 and _INITIALS.match(person[0]):
        return Label(name, note, rest, "Initials:", Role.PERSON)
    if caps:
        return Label(name, note, rest, "ALL CAPS:", Role.PERSON)
    honoured = len(person) < len(tokens)
    if len(person) < 2 and not honoured and not (known and known.is_known(name)):
        return None
    return Label(name, note, rest, "Name:", Role.PERSON)


_BROADCAST_ROLES = frozenset({"byline", "guest", "caller", "voice", "narrator", "panelist"})


def _with_role(raw: str, role: str, note: str | None, rest: str) -> Label | None:
    """`TOM HALE, HOST:`, `ANN K. LEE, MODERATOR:`, `JOHN SMITH, BYLINE:` (a
    broadcaster's way): a name, then what the person is there; only with a role after
    the comma (`Yes, sir:` is speech)."""
    words = [_bare(word) for word in role.split()]
    if not words or not all(
        word in ROLE_WORDS | HOST_WORDS | QUESTION_WORDS | _BROADCAST_ROLES for word in words
    ):
        return None
    name = " ".join(raw.split())
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or not all(token[0].isupper() for token in tokens):
        return None
    joined = f"{role.strip()}; {note}" if note else role.strip()
    kind = Role.HOST if " ".join(words) in HOST_WORDS else Role.PERSON
    return Label(name, joined, rest, "Name, ROLE:", kind)


def _period_label(line: str) -> Label | None:
    """A label ending in a period (`_PERIOD_LABEL`): only with the surname in capitals
    (`_CAPITALS`) and a title or a second word in capitals before it, so a sentence
    such as `NATO. It met.` is none. `GOLOS IZ ZALA.`, a voice from the floor, asks."""
    if not _may_end_in_period(line) or (match := _PERIOD_LABEL.match(line)) is None:
        return None
    raw, rest = match["name"], (match["rest"] or "").strip()
    note = "; ".join(filter(None, (match["of"], match["note"]))) or None
    tokens = raw.removesuffix(" pro tempore").split()
    surname = tokens[-1]
    if len(surname) < 2 or _bare(surname) in _NOT_NAMES:
        return None
    before = tokens[:-1]
    if not before:
        return None
    for token in before:
        if not (token.isupper() or token == "The" or _is_word_of(token, HONORIFICS | ROLE_WORDS)):
            return None
    if _bare(raw) in _NOT_NAMES:
        return None
    if _AUDIENCE.match(raw):
        return Label(raw, note, rest, "NAME.", Role.QUESTION)
    if tokens[0] == "The" or (
        not any(_is_word_of(t, HONORIFICS) for t in before) and office_of(raw)
    ):
        return Label(raw, note, rest, "NAME.", Role.OFFICE)  # `The PRESIDING OFFICER (Mr. Thune).`
    return Label(raw, note, rest, "NAME.", Role.PERSON)


_OFFICE_PERIOD = re.compile(rf"^(?P<name>The(?: {UPPER}[\w’'-]+){{1,3}})\.(?:\s+(?P<rest>\S.*)|$)")
"""`The President. text`: an office in mixed case, ended by a period, as the Public
Papers of the Presidents and their kin label who holds it (the questions `Q.`)."""


def _office_period_label(line: str) -> Label | None:
    """A label `_OFFICE_PERIOD` matches, where its words are an office (`The Vice
    President.`): `The End. It was.` names none."""
    if not line.startswith("The ") or (match := _OFFICE_PERIOD.match(line)) is None:
        return None
    if office_of(match["name"]) is None:
        return None
    return Label(match["name"], None, (match["rest"] or "").strip(), "The Office.", Role.OFFICE)


_LEADING_TITLES = frozenset({"M."})
"""Titles only in front of a name: the French `M.` (`M. Gilles Duceppe`), elsewhere in
one an initial (`John M. Smith`)."""


def titled(tokens: Sequence[str]) -> bool:
    """Whether a name's tokens begin with a title (`Mr.`, `Mme`, `M.`) before more."""
    return bool(tokens) and (
        _is_word_of(tokens[0], HONORIFICS) or (tokens[0] in _LEADING_TITLES and len(tokens) > 1)
    )


def _person_tokens(tokens: list[str]) -> list[str]:
    """The tokens of a label that name the person: titles and offices in front of
    the name left out (`President of Atlantis Ivan Petrov` -> `Ivan Petrov`)."""
    start = 1 if titled(tokens) else 0
    for at, token in enumerate(tokens):
        if _is_word_of(token, ROLE_WORDS | HONORIFICS):
            start = at + 1
    person = tokens[start:]
    if (
        start
        and len(person) > 2
        and not _is_word_of(tokens[start - 1], HONORIFICS)
        and not (start == 1 and titled(tokens))
        and not (start == 1 and len(person) <= 4 and "".join(tokens).isupper())
    ):
        # After an office, the name is its last words: `... of Atlantis Ole
        # Dahl`, `CEO of ... State Corporation Karl Berg`. After a title
        # alone, every word is the name: `Mr. John Lloyd Webber`; and after one
        # office word in a label in capitals (`PRESIDENTE ANDRÉS MANUEL LÓPEZ
        # OBRADOR`, given names and two surnames).
        if _bare(tokens[start - 1]) == "of":
            person = person[1:]
        keep = (
            3
            if len(person) >= 3
            and (
                _is_word_of(person[-3], PARTICLES)
                or _is_word_of(person[-2], PARTICLES)
                or len(person[-2].strip(".")) == 1
            )
            else 2
        )
        person = person[-keep:]
    return person


def _office_words(name: str) -> str | None:
    """An office label's words as the key of its holder, where `office_of` knows no
    such office (`The SPEAKER pro tempore` -> `speaker pro tempore`)."""
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words) or None


def _honoured_surname(note: str | None) -> str | None:
    """A note that is an honorific and a surname (`Mr. Thune`, as the Record names who
    holds the chair): that, else None."""
    tokens = note.split() if note else []
    if len(tokens) != 2 or not titled(tokens):
        return None
    surname = tokens[1]
    if not re.fullmatch(_NAME_TOKEN, surname) or _bare(surname) in _NOT_NAMES:
        return None
    return f"{tokens[0]} {surname}"


_SHORT_OFFICES = {"pm": "prime minister", "dpm": "deputy prime minister"}
"""Offices a transcript labels by their initials (`PM:`)."""


def office_of(name: str) -> str | None:
    """The office a label names (`THE PRESIDENT` -> `president`, `MINISTER FOR
    HEALTH` -> `minister for health`), or None."""
    words = [_bare(token) for token in name.split()]
    while words and words[0] in ("the", "madam", "mr", "mister", "madame"):
        words = words[1:]
    phrase = " ".join(words)
    phrase = _SHORT_OFFICES.get(phrase, phrase)
    if phrase in _OFFICES:
        return phrase
    # `Minister for Veterans' Affairs`: an office and its field.
    head, joint, _ = phrase.partition(" for ")
    return phrase if joint and head in _OFFICES else None


# -- people ---------------------------------------------------------------------------

_NAME_TOKEN = rf"{UPPER}[\w’'-]+"
_LETTER_BEFORE = r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff0-9.]"
"""What may not stand right before a name: a letter of an alphabet with capitals (a
Chinese character may: `来自Ann Lee`), a digit or a dot."""
_PARTICLE = r"(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]el|[Dd]a|[Dd]i|[Dd]u|[Ll]a|[Ll]e|[Tt]er|[Tt]en)"
"""A word that may stand before a surname as part of it (`Van Epps`, `de Gaulle`)."""
_ABBREVIATION_CHARS = 5
_DECLARED_NAME = rf"(?P<name>{UPPER}[\w’'-]+(?:[ \t]+(?:{UPPER}[\w’'.-]*|{_PARTICLE})){{1,3}})"
_DECLARED_IN_ROW = re.compile(
    rf"\|[ \t]*{_DECLARED_NAME}[ \t]*\|[ \t]*(?P<short>[A-Z]{{2,{_ABBREVIATION_CHARS}}})[ \t]*\|"
)
"""`| Ujjwal Sharma | USA | Igalia |`: a row of a table of who took part."""
_DECLARED_AFTER = re.compile(
    rf"{_DECLARED_NAME}[ \t]*\((?P<short>[A-Z]{{2,{_ABBREVIATION_CHARS}}})\)"
)
"""`Kevin Gibbons (KG)`: a name, and the short form the page uses for it."""
_SHORT_FORM_CHARS = 4
"""The shortest word taken for the short form of a first name (`Trent`, `Alex`)."""
_SHORT_FORM_LONGER = 5
"""How many letters a first name may have beyond its short form (`Alex`, `Alexander`)."""
_GIVEN = rf"(?:{UPPER}\.[ \t]?|{UPPER}[\w’'-]+[ \t]+(?:{UPPER}\.[ \t]+)?)"


def title_case(name: str) -> str:
    """`JANE DOE` -> `Jane Doe`, `TANAKA Yuki` -> `Tanaka Yuki`, `MR.` -> `Mr.`,
    `MILLENDER-McDONALD` -> `Millender-McDonald`; initials as they are (`J.`, `А.М.`,
    `WT`: two or three capitals without a vowel)."""
    return " ".join(
        "-".join(map(_title_part, token.split("-")))
        if token.isupper() or "Mc" in token or "Mac" in token
        else token
        for token in name.split()
    )


_DOTTED_INITIALS = re.compile(r"(?:\w\.)+")
_MC = re.compile(r"Ma?c(?=[A-Z])")


def _title_part(part: str) -> str:
    if (mc := _MC.match(part)) and part[mc.end() :].isupper():
        return mc[0] + part[mc.end() :].capitalize()
    if not part.isupper() or len(part.strip(".")) < 2 or _initials_only(part):
        return part
    return part if _DOTTED_INITIALS.fullmatch(part) else part.capitalize()


def _initials_only(token: str) -> bool:
    """`WT`, `JFK`: initials run together, where `LEE`, `MR` and `JR` are words."""
    bare = token.strip(".")
    return (
        len(bare) <= 3
        and bare.isalpha()
        and not any(letter in "AEIOUY" for letter in bare)
        and bare.casefold() not in _ABBREVIATED
    )


_ABBREVIATED = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "st", "hr"})
"""Words in capitals without a vowel that are no initials."""


def _initials_of(name: str) -> tuple[str, ...]:
    """How a label may spell `name` in initials: `Andrew Poelstra` -> `AP`; `Lawrence H.
    Summers` -> `LHS` or `LS`; a one-word name in none."""
    words = name.replace(".", " ").split()
    if len(words) < 2:
        return ()
    return ("".join(word[0] for word in words).upper(), (words[0][0] + words[-1][0]).upper())


def _names_within(words: list[str]) -> Iterator[str]:
    """The names a run of capitalised words may hold: each run of two or three of them
    (`Treasury Secretary Ann Lee`: `Ann Lee`, among others)."""
    for size in (2, 3):
        for start in range(len(words) - size + 1):
            yield " ".join(words[start : start + size])


_CAPITALISED_RUN = re.compile(
    rf"(?<!{_LETTER_BEFORE}){UPPER}[\w’'-]*\.?(?:[ \t]+{UPPER}[\w’'-]*\.?)+"
)
"""Capitalised words in a row on one line (`Alan Murray`, `Lawrence H. Summers`)."""


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Words after a surname that tell a father from his son (`Verrilli, Jr.`)."""
_SUFFIX = r"(?P<suffix>,?[ \t]+(?:(?i:jr|sr)\.?|III|II|IV)(?![\w’'-]))?"


def surname_of(name: str) -> str:
    """`А.В.Петров` -> `петров`, `Jane Doe` -> `doe`, `Donald Verrilli, Jr.` -> `verrilli`."""
    parts = name.replace(".", " ").split()
    if len(parts) > 2 and parts[-1].casefold() in _SUFFIXES:
        parts = parts[:-1]
    return parts[-1].rstrip(",").casefold() if parts else ""


def _with_suffix(full: str, suffix: str | None) -> str:
    """`Donald B. Verrilli` and `, JR.` -> `Donald B. Verrilli, Jr.`"""
    if not suffix:
        return full
    word = suffix.strip(" \t,.")
    written = f"{word.capitalize()}." if word.casefold() in ("jr", "sr") else word
    return f"{full}{',' if ',' in suffix else ''} {written}"


def _given_initial(name: str) -> str | None:
    parts = name.replace(".", " ").split()
    return parts[0][0].casefold() if len(parts) > 1 else None


_WORD_END = frozenset(" \n\t,;:!?")
"""What may follow a word that ends where it is written (`.` only before a space)."""


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char in "’'-_"


_HANDLE_SHORTEST = 3
"""A shorter label in lower case (`re:`, `ps:`) is no handle."""

_CLIPPED_SHORTEST = 5
"""A shorter label (`LEE`, `Q`) may be a label of its own: never taken for clipped."""


_MISSPELT_SHORTEST = 6
"""A shorter one-word label is a name of its own a letter away (`Dana`, `Dan`)."""


def _one_letter_apart(one: str, other: str) -> bool:
    """Whether `one` and `other` differ by one letter left out of the longer."""
    if abs(len(one) - len(other)) != 1:
        return False
    short, long = sorted((one, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class People:
    """The people one document names, and the one name each label resolves to.

    Built from the document's context (title and text, for the full form of a name
    a label gives in part) and its labels: `MS. DOE`, `Ms. Doe` and `Jane Doe`
    are one person, `Jane Doe`, where the page writes that name; `THE PRESIDENT` is
    the president the page names."""

    def __init__(
        self,
        config: Config,
        title: str = "",
        context: str = "",
        folder_names: dict[str, str] | None = None,
        folder_holders: dict[str, str] | None = None,
    ) -> None:
        self.config = config
        self.title = title
        self.context = context
        self.folder_names = folder_names or {}
        """Surname -> full name, from the other pages of the folder."""
        self.folder_holders = folder_holders or {}
        """Office -> holder, from the other pages of the folder."""
        self.full: dict[str, list[str]] = {}
        """Surname -> the full forms seen, in order."""
        self._cache: dict[tuple[str, str | None], str] = {}
        self.labels: dict[tuple[str, str | None], Label] = {}
        self._learned: dict[str, Label] = {}
        """Labels whose person is learned, by name as printed."""
        self.clipped: dict[str, Label] = {}
        """Labels printed with their first letter or two lost (`S. HAYES:`, `HE
        PRESIDENT:`), by name, to the label the page prints in full."""
        """Labels read on this page, by name and note as printed: each is read once."""
        self.holders: dict[str, str] = {}
        """Office -> the person a label's note named as holding it."""
        self.label_lines: set[str] = set()
        """Names (case folded) that stand alone on a line above each of their turns."""
        self.label_words: set[str] = set()
        self.floor_words: set[str] = set()
        """One-word labels of the audience: words (`Yogi:`) the page names nobody by,
        that take the floor many times among people labelled by full name."""
        """One-word names (case folded) that this page uses as speaker labels."""
        self.handles: set[str] = set()
        """Handles in lower case (`gmaxwell`) that this page uses as speaker labels."""
        self.listed: tuple[str, ...] = ()
        """The speakers the page's metadata names (`speakers: [Jane Doe, Ann Lee]`)."""
        self.interviewer: str | None = None
        """Who asks the questions, where the page's metadata says (`INTERVIEWER: Ann
        Lee`): the person of its `Q:` labels."""
        self._canonical: dict[str, str] = {}
        """Name -> its fullest form, until a new form is learned."""
        self._abbreviations: dict[str, str] | None = None
        """Short form -> the person the page gives it for (`_declared`), once read."""
        self._found: dict[str, str | None] = {}
        """Surname -> its commonest full form in the context (a search each)."""

    def learn(self, name: str) -> None:
        """Take a full name (two words or more, or initials) as a form of its person."""
        name = title_case(" ".join(name.split()))
        tokens = name.split()
        if len(tokens) < 2 and not _INITIALS.match(name):
            return
        forms = self.full.setdefault(surname_of(name), [])
        if name not in forms:
            forms.append(name)
            self._canonical.clear()

    def stands_above_turns(self, name: str) -> bool:
        """Whether `name`, alone on a line (with the time they began), labels the words
        below it: a name the page stands so above their turns (`label_lines`), or one
        it lists as a speaker (then one of those names: another name alone so on the
        page twice is a label too)."""
        folded = name.casefold()
        if folded in self.label_lines:
            return True
        if any(folded == listed.casefold() for listed in self.listed):
            self.label_lines.add(folded)
            return True
        return False

    def is_known(self, name: str) -> bool:
        folded = " ".join(name.split()).casefold()
        return (
            folded in self.config.aliases
            or surname_of(name) in self.full
            or folded in self.label_words
        )

    def learn_label_words(self, lines: Iterable[str]) -> bool:
        """Take one-word names that start two lines or more each (`Maria:`, `Dahl:`)
        for labels, where two such names or more take turns: a dialogue between people
        the page calls by one name. A one-word label alone could be any heading.
        Whether any were new."""
        counts: Counter[str] = Counter()
        alone: Counter[str] = Counter()
        lowered: set[str] = set()
        """One-word labels printed in lower case (`gmaxwell:`)."""
        enclosed: set[str] = set()
        """Names alone on a line in brackets or parentheses (`[Ruth John]`, `(Brian)`)."""
        officed: set[str] = set()
        """Names alone on a line in capitals with an office (`capitals_line`)."""
        timed_alone: set[str] = set()
        """Names alone on a line with the time they began (`Kelly  0:34`)."""
        said_names: set[str] = set()
        """Names before the time they spoke and their words (`Jane [0:06] How?`)."""
        marked: Counter[str] = Counter()
        """Names in parentheses before a point of a list (`- (Ruth) ...`): the page
        writes them there, which is not naming them elsewhere."""
        sentences: Counter[str] = Counter()
        """Of the lines each one-word label starts, those that end a sentence."""
        for line in lines:
            if name_line(line):
                name = alone_name(line)
                alone[name] += 1
                if capitals_line(line):
                    officed.add(name.casefold())
                if line[0] in "[(":
                    enclosed.add(name.casefold())
                continue
            if timed := timed_name(line):
                alone[timed] += 1
                timed_alone.add(timed.casefold())
                continue
            if (said := said_at(line)) is not None:
                line = f"{said[0]}: {said[1]}"  # `**Jane** [0:06] How?`
                said_names.add(said[0].casefold())
            elif line[:1] in _BULLETS and (named := bullet_named(line)) is not None:
                line = named  # `- (Ruth) enabled captioning`
                marked[named[: named.index(":")].casefold()] += 1
            if ":" not in line[:_ONE_WORD_CHARS]:
                continue  # most lines: no colon near their start, no one-word label
            match = _ONE_WORD_LABEL.match(line)
            if match and _bare(match[1]) not in _NOT_NAMES and _bare(match[1]) not in MONTHS:
                word = match[1].casefold()
                counts[word] += 1
                if line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
                    sentences[word] += 1
                if match[1][0].islower():
                    lowered.add(match[1])
        learned = self._learn_handles(lowered, counts)
        if (
            len(said_names) >= 2
            and not (said_names := {w for w in said_names if " " not in w}) <= self.label_words
        ):
            # A page that times each speaker's words: a name so timed labels, even once.
            self.label_words |= said_names
            learned = True
        recurring = {word for word, count in counts.items() if count >= 2}
        if len(recurring) >= 2 or self.label_words:
            # A page of one-word labels: a name that speaks once (`Lion: Hey, Lion
            # here`) is a label too, where the page names that person elsewhere.
            recurring |= {
                word
                for word in counts
                if word not in recurring and self._named(word, besides=marked[word])
            }
            enough = len(recurring) >= 2
        else:
            # A page of full-name labels (or of labels of other kinds, `MSM:`) that
            # calls one person by one name (`Kitze:` among `Kevin Ball:`), where it
            # names them elsewhere too (`Next, Kitze`, `Dennis Ritchie`).
            recurring = {word for word in recurring if self._named(word, besides=marked[word])}
            # And one who is called by first name, even once, where the page labels
            # one person so named by full name (`Jeff:` after `Jeff Garzik:`).
            recurring |= {word for word in counts if self._first_name_of_one(word)}
            if self.labels:
                # And one who takes the floor many times among them, named nowhere
                # else (`Yogi:` for whoever in the audience asks, `Shri Mataji:` answers).
                # Words said: most of its lines end a sentence (not a log's `Succeeded:
                # s/events/agenda/`).
                floor = {
                    word
                    for word, count in counts.items()
                    if count >= _MANY_TURNS
                    and 2 * sentences[word] > count
                    and word not in recurring
                }
                if not floor <= self.floor_words:
                    self.floor_words |= floor
                    learned = True
            enough = (len(self.full) >= 2 or bool(self.labels)) and bool(recurring)
        if enough and not recurring <= self.label_words:
            self.label_words |= recurring
            learned = True
        # A speaker the page lists by one name (`speakers: [Openoms]`), even once.
        listed = {name.casefold() for name in self.listed if not self.is_plain_word(name)}
        if (ones := counts.keys() & listed) and not ones <= self.label_words:
            self.label_words |= ones
            learned = True
        # A name alone on its line, the words below it (`Tom`, then what Tom says).
        recurring = {name.casefold() for name, count in alone.items() if count >= 2}
        if len(recurring) >= 2 or self.label_lines:
            # Among such names, one alone once (`Dustin Brody`, then `Dustin`) where
            # the page names that person elsewhere too (a list of who took part).
            recurring |= {
                name.casefold()
                for name, count in alone.items()
                if count == 1 and self._named(name, besides=1)
            }
        if recurring & enclosed:
            recurring |= enclosed  # put in brackets as the others are: a label even once
        if len(officed) >= 2 or recurring & officed:
            # An office and a name in capitals, as a stenographic version heads each
            # turn: a label even once, where the page so heads two turns or more.
            recurring |= officed
        if len(timed_alone) >= 2 and any(
            count >= 2 for name, count in alone.items() if name.casefold() in timed_alone
        ):
            # Timed as the others are, one of whom speaks twice or more (a chapter
            # list times each title once): a label even once.
            recurring |= timed_alone
        if (len(recurring) >= 2 or (recurring and self.label_lines)) and not (
            recurring <= self.label_lines
        ):
            self.label_lines |= recurring
            learned = True
        return learned

    def _learn_handles(self, lowered: set[str], counts: Counter[str]) -> bool:
        """Take the handles in lower case that label people in chat logs and their
        transcripts (`gmaxwell:`, `sipa:`): one-word labels the page writes less often
        elsewhere than before their colon (a word, `step:`, is written more), where one
        of them labels two turns or more on a page with labels of other kinds (`Q:`),
        else two of them do (a chat log).
        Whether any were new."""
        handles = {
            word
            for word in lowered
            if len(word) >= _HANDLE_SHORTEST
            and word.casefold() not in _NOT_HANDLES
            and (times := counts[word.casefold()])
            > self._times_written(re.escape(word), times, re.IGNORECASE)
        }
        recurring = sum(counts[word.casefold()] >= 2 for word in handles)
        if recurring < (1 if self.labels else 2):
            return False
        new = handles - self.handles
        self.handles |= new
        return bool(new)

    def _first_name_of_one(self, word: str) -> bool:
        """Whether `word` (case folded) is the first name of one person, and only one,
        whom the page labels by full name."""
        people = {
            " ".join(person).casefold()
            for label in self._learned.values()
            if label.role is Role.PERSON
            and len(person := _person_tokens(label.name.split())) >= 2
            and fold(person[0]) == fold(word)
        }
        return len(people) == 1

    def not_a_name(self, word: str) -> bool:
        """Whether `word` is no word of a person's name: one of a role, a title's or
        speech's words, or a word the page also writes in lower case."""
        return _is_word_of(word, _NAME_STOPS) or self.is_plain_word(word)

    def is_plain_word(self, name: str) -> bool:
        """Whether `name` is one capitalised word the page also writes in lower case
        (`Various`, `Panel`): a word, not a person's name."""
        return " " not in name and name[:1].isupper() and self._lower(name)

    def _lower(self, word: str) -> bool:
        """Whether the page writes `word` in lower case somewhere, among words (not in a
        link such as `patreon.com/steenhout`)."""
        lower = word.lower()
        return any(
            self.context[end - len(lower) - 1 : end - len(lower)] in (" ", "\n", "\t")
            and (after in _WORD_END or (after == "." and self.context[end + 1 : end + 2] in " \n"))
            for end, after in self._occurrences(lower)
        )

    def _named(self, name: str, besides: int = 0) -> bool:
        """Whether the page writes `name` as a name more than `besides` times other
        than before a colon."""
        return self._times_named(name, besides + 1) > besides

    def _times_named(self, name: str, enough: int | None = None) -> int:
        """How often the page writes `name` as a name other than before a colon (up to
        `enough`): with its capitals, as words of their own, with accents or without
        (`thank you Adrian`, `* Saulius`, `Paweł` for `pawel`)."""
        written = " ".join(word[:1].upper() + word[1:] for word in name.split())
        return self._times_written(accented(written), enough)

    def _times_written(self, pattern: str, enough: int | None, flags: int = 0) -> int:
        """How often the page writes what `pattern` matches as words of their own other
        than before a colon (up to `enough`)."""
        times = 0
        for match in re.finditer(rf"(?<![\w’'-]){pattern}(?![\w’'-])", self.context, flags):
            if self.context[match.end() :].lstrip(" ")[:1] != ":":
                times += 1
                if times == enough:
                    break
        return times

    def _occurrences(self, text: str) -> Iterator[tuple[int, str]]:
        """Where each occurrence of `text` in the context ends, and the character there."""
        context = self.context
        start = context.find(text)
        while start != -1:
            end = start + len(text)
            yield end, context[end : end + 1]
            start = context.find(text, start + 1)

    def learn_labels(self, labels: Iterable[Label]) -> None:
        for label in labels:
            if not label.name or label.name in self._learned or label.name in self.clipped:
                continue
            fuller = self._clipped_from(label.name)
            if fuller is not None:
                self.clipped[label.name] = fuller
                continue
            self._learned[label.name] = label
            if label.role is Role.PERSON and label.style != "Speaker N:":
                person = _person_tokens(label.name.split())
                if len(person) >= 2 or (person and _INITIALS.match(person[0])):
                    self.learn(" ".join(person))

    def _clipped_from(self, name: str) -> Label | None:
        """The label seen before that `name` is, but for its first one or two
        letters: a scrape that lost them (`S. HAYES` of `MS. HAYES`)."""
        if len(name) < _CLIPPED_SHORTEST:
            return None
        return next(
            (
                label
                for seen, label in self._learned.items()
                if 1 <= len(seen) - len(name) <= 2 and seen.endswith(name)
            ),
            None,
        )

    def speaker(self, label: Label) -> str | None:
        """The person who speaks under `label`; None for an unnamed questioner."""
        key = (label.name, label.note)
        if key not in self._cache:
            fuller = self.clipped.get(label.name)
            read = replace(fuller, note=label.note) if fuller else label
            self._cache[key] = self._resolve(read) or ""
        return self._cache[key] or None

    def _resolve(self, label: Label) -> str | None:
        if not label.name:
            return None  # a stenographer's `>>`: someone, not named
        alias = self.config.aliases.get(" ".join(label.name.split()).casefold())
        if alias:
            return alias
        if label.role is Role.QUESTION:
            asker = asker_of(label.note) or (
                None if from_the_floor(label.name) else self.interviewer
            )
            return self.canonical(asker) if asker else None
        if label.role is Role.ANSWER:
            return None
        if label.style == "Name, ROLE:":  # the name first, what the person is after
            return self.canonical(" ".join(_person_tokens(label.name.split())) or label.name)
        if label.role in (Role.HOST, Role.OFFICE):
            office = (
                (office_of(label.name) or _office_words(label.name))
                if label.role is Role.OFFICE
                else label.name.casefold()
            )
            named = asker_of(label.note)
            surname = None if named else _honoured_surname(label.note)
            if named or surname:
                # `The Prime Minister (Mr. Tom Hale):`, then `The Prime Minister:`;
                # `The PRESIDING OFFICER (Mr. Thune).`, then `The PRESIDING OFFICER.`
                found = self.canonical(named) if named else self._person(surname or "")
                if office:
                    self.holders.setdefault(office, found)
                return found
            holder = (
                (
                    self.holders.get(office)
                    or self._holder(office)
                    or self.folder_holders.get(office)
                )
                if office
                else None
            )
            return holder or title_case(label.name)
        if label.style in ("Speaker N:", "handle:", "<nick>"):
            return label.name
        return self._person(label.name)

    def _person(self, name: str) -> str:
        """The person a label's name (`Mr. Smith`, `PRIME MINISTER HOWARD`, `Jane`)
        stands for: the fullest form the page gives, an office holder it lists by that
        surname, else the name as a reader would write it."""
        tokens = name.split()
        person = " ".join(_person_tokens(tokens)) or name
        found = self.canonical(person, surname=titled(tokens) or _is_word_of(tokens[0], ROLE_WORDS))
        if " " not in found and (holder := self._holder_named(found)):
            return holder  # `PRIME MINISTER HOWARD:` where the page lists `Howard, John`
        if found == title_case(person) and " " not in person and titled(tokens):
            # No fuller form on the page: `Mr. Smith` reads better than `Smith`.
            return title_case(f"{tokens[0]} {person}")
        return found

    def _holder_named(self, surname: str) -> str | None:
        """The one holder of an office the page's metadata names (`Prime Minister:
        Howard, John`) whose surname is `surname`, if one."""
        wanted = surname.casefold()
        held = {holder for holder in self.holders.values() if surname_of(holder) == wanted}
        return held.pop() if len(held) == 1 else None

    def canonical(self, name: str, surname: bool = False) -> str:
        """The fullest form of `name` this document gives: a surname or initials
        become the full name written elsewhere in the page or its labels."""
        # One word is a surname after an honorific (`Mr. Smith`), and rather one in
        # capitals (`DOE`), as press offices print them, though a stenographer writes
        # first names so too (`SARA:`); else rather a first name (`Maria`).
        key = f"{name}\0{surname}"
        known = self._canonical.get(key)
        if known is None:
            caps = not surname and name.isupper()
            known = self._canonical[key] = self._fullest(name, surname or caps, caps)
        return known

    def _fullest(self, name: str, is_surname: bool, caps: bool = False) -> str:
        name = title_case(" ".join(name.split()))
        glued = _CAMEL.sub(" ", name)
        if glued != name and " " not in name and glued in self.context:
            name = glued  # `AnnLee:` where the page writes `Ann Lee`
        alias = self.config.aliases.get(name.casefold())
        if alias:
            return alias
        self.learn(name)
        surname = surname_of(name)
        longer = [
            form
            for form in self.full.get(surname, [])
            if form.casefold().endswith(" " + name.casefold())
        ]
        if len(longer) == 1:
            return longer[0]  # `Lloyd Webber` of `John Lloyd Webber`
        initial = _given_initial(name)
        forms = [
            form
            for form in self.full.get(surname, [])
            if initial is None or _given_initial(form) in (None, initial)
        ]
        if not forms:
            lookups: list[Callable[[str], str | None]] = [self._in_context]
            if caps and 2 <= len(name) <= 3 and name.isalpha():
                lookups.insert(0, self._by_initials)
            if caps and 2 <= len(name) <= _ABBREVIATION_CHARS and name.isalpha():
                lookups.insert(0, self._declared)
            if " " not in name and (not is_surname or len(name) <= 3 or caps):
                # Two or three capitals are as often a first name (`CB`) as a surname,
                # and a stenographer writes first names so (`SARA:`, `KIM:`): one where
                # the page writes the full name twice (a single mention, `the Kim
                # Kardashians of the world`, names no speaker).
                least = 2 if caps and len(name) > 2 else 1
                lookups.insert(
                    len(lookups) if is_surname else 0,
                    lambda given: self._by_given_name(given, least=least),
                )
            for lookup in lookups:
                found = lookup(name)
                if found:
                    self.learn(found)
                    forms = [found]
                    break
        known = self.folder_names.get(surname) if not forms else None
        if known and _given_initial(name) in (None, _given_initial(known)):
            forms = [known]  # the page gives no more; another page of its folder does
        if not forms:
            return self._misspelled(name) or name
        # The form most spelled out; of those, the one the page writes most (`Tim Beiko`,
        # not its one misprint `Trim Beiko`), then the longest.
        best = max(
            forms, key=lambda form: (_spelled_out(form), self.context.count(form), len(form))
        )
        return self.config.aliases.get(best.casefold(), best)

    def _misspelled(self, name: str) -> str | None:
        """The one-word label of this page that `name`, another, misspells by a letter
        too many or too few (`Parithosh` of `Paritosh`), where the page writes that one
        as a name more often (in the list of who took part); None if none."""
        folded = name.casefold()
        if " " in name or len(folded) < _MISSPELT_SHORTEST or folded not in self.label_words:
            return None
        times = self._times_named(name)
        for word in self.label_words:
            if _one_letter_apart(word, folded) and self._times_named(word) > times:
                return self._fullest(word.capitalize(), False)
        return None

    def _declared(self, name: str) -> str | None:
        """The person the page gives `name` as the short form of: in a table of who took
        part (`| Ujjwal Sharma | USA | Igalia |`) or after their name (`Kevin Gibbons
        (KG)`); None where it gives none, or two."""
        if self._abbreviations is None:
            found: dict[str, set[str]] = {}
            for pattern in (_DECLARED_IN_ROW, _DECLARED_AFTER):
                for match in pattern.finditer(self.context):
                    person = " ".join(match["name"].split())
                    found.setdefault(match["short"], set()).add(person)
            # One person named two ways (`Daniel Ehrenberg`, `Dan Ehrenberg (DE)`): the
            # fullest; two people with one short form: neither.
            self._abbreviations = {
                short: max(people, key=len)
                for short, people in found.items()
                if len({surname_of(person) for person in people}) == 1
            }
        return self._abbreviations.get(name.upper())

    def _by_initials(self, name: str) -> str | None:
        """The one person whose name's initials `name` spells (`AP` -> `Andrew
        Poelstra`, `LS` -> `Lawrence H. Summers`): of those the page lists as speaking
        or labels by full name, else of the names it writes (`Alan Murray -
        Moderator`), a name being capitalised words none of which the page also writes
        in lower case."""
        letters = name.upper()
        people = set(self.listed) | {form for forms in self.full.values() for form in forms}
        found = {person for person in people if letters in _initials_of(person)}
        if not found:
            found = {
                written
                for run in _CAPITALISED_RUN.findall(self.context)
                for written in _names_within(run.split())
                if letters in _initials_of(written)
                and not any(
                    _is_word_of(word, ROLE_WORDS | HONORIFICS | SPOKEN_WORDS) or self._lower(word)
                    for word in written.split()
                    if len(word.strip(".")) > 1
                )
            }
        return found.pop() if len(found) == 1 else None

    def _by_given_name(self, name: str, least: int = 1) -> str | None:
        """The full name a one-word name is the first name of (`Maria` -> `Maria
        Lind`): the only such name among the labels, else the commonest in the page.
        Where the page writes no full name with that first name, one whose first name
        the word is the short form of (`Trent` -> `Trenton Van Epps`), if only one."""
        forms = {
            form
            for forms in self.full.values()
            for form in forms
            if " " in form and fold(form.split()[0]) == fold(name)  # `Lukasz`, `Łukasz`
        }
        if len(forms) == 1:
            return forms.pop()
        if forms or len(name) < 2 or not self.context:
            return None
        key = f"given:{name.casefold()}:{least}"
        if key not in self._found:
            counts, longer = self._given_in_context(name)
            if not counts and len(name) >= _SHORT_FORM_CHARS and len(longer) == 1:
                counts = longer  # not `Alex` of `Alexander Lee` or of `Alexis Ford`
            common = counts.most_common(1)
            self._found[key] = common[0][0] if common and common[0][1] >= least else None
        return self._found[key]

    def _given_in_context(self, name: str) -> tuple[Counter[str], Counter[str]]:
        """How often the page writes each full name whose first name is `name` (`Maria
        Lind`), and each whose first name begins with it (`Trenton Van Epps`)."""
        # Written with accents or without (`Peter`, `Péter Szilágyi`).
        variants = "|".join(map(accented, {name, name.upper(), name.capitalize()}))
        pattern = re.compile(
            rf"(?<!{_LETTER_BEFORE})(?P<given>(?:{variants})(?P<more>[^\W\d_]{{0,{_SHORT_FORM_LONGER}}}))"
            rf"[ \t]+(?:{UPPER}\.[ \t]+)?"
            rf"(?P<surname>(?:{_NAME_TOKEN}[ \t]+)?(?:{_PARTICLE}[ \t]+)?{_NAME_TOKEN})(?![\w’'])"
        )
        exact: Counter[str] = Counter()
        longer: Counter[str] = Counter()
        for match in pattern.finditer(self.context):
            # A middle name too (`Martin Holst Swende`). A word the page also writes in
            # lower case is a word (`Danny Alright, thanks`), not a name: the name
            # ends before it.
            words: list[str] = []
            for word in match["surname"].split():
                if re.fullmatch(_PARTICLE, word):
                    words.append(word)
                elif _is_word_of(word, _NAME_STOPS) or self._lower(word):
                    break
                else:
                    words.append(word)
            while words and re.fullmatch(_PARTICLE, words[-1]):
                words.pop()
            if words:
                (longer if match["more"] else exact)[f"{match['given']} {' '.join(words)}"] += 1
        return exact, longer

    def _in_context(self, name: str) -> str | None:
        """The commonest full form of a surname in the page: `Jane Doe` for `DOE`."""
        surname = name.split()[-1].strip(".")
        if len(surname) < 2 or not self.context:
            return None
        if surname not in self._found:
            found = full_names_in(self.context, [surname]).get(surname_of(surname))
            if found and _initials_only(found.split()[-1]):
                found = None  # `Ratifying DH's proposal`: initials, after a word, name no one
            self._found[surname] = found
        return self._found[surname]

    def _holder(self, office: str) -> str | None:
        """Who holds `office` on this page: `President Ann Ray` in its title or text."""
        words = r"\s+".join(re.escape(word) + "[’']?" for word in office.split())
        pattern = re.compile(
            rf"(?<![Vv]ice )(?<![Vv]ice-)\b(?i:{words})(?P<of>\s+of\s+(?:the\s+)?{_NAME_TOKEN})?"
            rf"{_STYLED}(?P<name>(?:{_NAME_TOKEN}\s+){{0,2}}{_NAME_TOKEN})"
        )
        for text in (self.title, self.context):
            for match in pattern.finditer(text):
                if (
                    text[match.start() - 1 : match.start()] == "["
                    and text[match.end() :][:1] == "]"
                ):
                    continue  # `[Operator Instructions]`: a bracketed note names no holder
                if _ADDRESSED.search(text, max(0, match.start() - 8), match.start()):
                    continue  # `Mr. President, Mr. Gorbachev said`: the holder addressed
                broken = text.find("\n", match.start(), match.start("name"))
                if (
                    broken != -1
                    and not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
                ):
                    continue  # `MODERATOR` alone on its line, above the words: a label
                if match["of"] and " " not in match["name"]:
                    continue  # `President of the United States`: the place's last word
                tokens = []
                for token in match["name"].split():
                    if _is_word_of(token, _TITLE_CASE_WORDS | _POST_NOMINALS):
                        break  # `Vice President Cole During Tour`: a title's words; `MP`
                    if not _is_word_of(token, ROLE_WORDS):
                        tokens.append(token)
                if tokens and tokens[0][0].isupper() and _bare(tokens[0]) not in _NOT_NAMES:
                    return self.canonical(" ".join(tokens[:3]))
        return None


_ADDRESSED = re.compile(r"\b(?:Mr|Madam|Madame|Mister)\.?\s+$")
"""What stands before an office addressed (`Mr. President, ...`): the words after it
name someone else, not the holder."""
_STYLED = (
    r"(?:,?\s*(?:the\s+)?(?:(?:Rt\.?\s+)?Hon(?:ourable|orable)?\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+"
    r"|\s+)"
)
"""How an office's holder may be styled between the office and the name: `Minister
for Veterans' Affairs, the Hon. Dan Tehan MP`."""
_POST_NOMINALS = frozenset({"mp", "mep", "msp", "ms", "qc", "kc", "td", "mla", "mpp", "sc"})
"""Letters after a name (`Dan Tehan MP`): no part of it."""
_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])")
"""Where a glued name's second part starts: `AnnLee`."""
_CONTRACTION = re.compile(r"\w+[’'](?:m|s|ve|re|ll|d|t)$")
"""`I’m`, `It’s`: speech before a name, never a first name (`O'Brien` is a name)."""
SPOKEN_WORDS = frozenset(
    {
        "yeah",
        "yes",
        "no",
        "okay",
        "ok",
        "well",
        "so",
        "and",
        "but",
        "oh",
        "thanks",
        "thank",
        "hi",
        "hello",
        "right",
        "sure",
        "now",
        "then",
        "because",
        "when",
        "if",
        "also",
        "just",
        "dear",
        "mister",
        "sorry",
        "please",
        "good",
        "great",
        "alright",
        "anyway",
        "cool",
        "awesome",
        "perfect",
        "exactly",
        "absolutely",
        "actually",
        "basically",
        "like",
        "as",
        "hey",
        "welcome",
        "meet",
        "with",
        "from",
        "for",
        "to",
        "at",
        "by",
        "of",
        "or",
        "than",
        "that",
        "what",
        "who",
        "how",
        "why",
        "where",
        "let",
        "ask",
        "tell",
        "said",
        "says",
    }
)
"""Words that start a sentence of speech right before a name (`Yeah Alex, so`): no
first name."""
_TITLE_CASE_WORDS = frozenset(
    {
        "during",
        "on",
        "in",
        "at",
        "of",
        "and",
        "for",
        "with",
        "to",
        "the",
        "aboard",
        "en",
        "route",
        "before",
        "after",
        "following",
        "from",
        "by",
        "via",
        "a",
        "an",
        "about",
        "as",
        "upon",
        "over",
        "into",
    }
)
"""Words a title capitalises (`Remarks by Vice President Cole During a Tour`) that
end a name."""
_NAME_STOPS = ROLE_WORDS | _TITLE_CASE_WORDS | _NOT_NAMES | SPOKEN_WORDS
"""Words no name is made of: a role, a title's or speech's words."""

_NOT_HANDLES = _NAME_STOPS | QUESTION_WORDS | HOST_WORDS
"""Words a label in lower case may be that name no one (`note:`, `update:`, `host:`)."""


def _spelled_out(form: str) -> int:
    """How many parts of a name are written in full, not as initials."""
    return sum(1 for part in re.split(r"[\s.]+", form) if len(part) > 1)


_OUTLET_WORDS = frozenset(
    {
        "news",
        "times",
        "post",
        "tv",
        "radio",
        "channel",
        "agency",
        "network",
        "journal",
        "daily",
        "herald",
        "tribune",
        "gazette",
        "broadcasting",
        "television",
        "media",
        "magazine",
        "federation",
        "republic",
        "kingdom",
        "united",
        "nations",
    }
)


def asker_of(note: str | None) -> str | None:
    """The person a label's note names: `John Smith, BBC`, `Boris Johnson`."""
    if not note:
        return None
    first = " ".join(_person_tokens(note.split(",")[0].split(";")[0].split()))
    tokens = first.split()
    if 2 <= len(tokens) <= 4 and all(t[0].isupper() for t in tokens):
        if any(_is_word_of(t, ROLE_WORDS | _OUTLET_WORDS) for t in tokens) or first.isupper():
            return None
        return first
    return None


_BYLINE_TRIGGERS = frozenset(
    {
        "h.e",
        "he",
        "excellency",
        "eminence",
        "holiness",
        "majesty",
        "highness",
        "honourable",
        "honorable",
        "hon",
        "by",
        *HONORIFICS,
        "president",
        "minister",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "ambassador",
        "governor",
        "mayor",
        "chancellor",
        "senator",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "director",
        "commissioner",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "cardinal",
    }
)
"""Words after which a heading names a person (`Statement by`, `H.E.`, `Minister`);
not adjectives of offices (`General`, `Prime`)."""
_BYLINE_PREFIX = _BYLINE_TRIGGERS | ROLE_WORDS | {"his", "her", "cardinal", "ambassador"}
_BYLINE_TOKEN = re.compile(r"[\w.’'-]+|[,;:()]")


def byline(text: str) -> str | None:
    """The person a speech's heading names as its speaker: `Statement by H.E. Mr.
    Ivan Petrov, President of Atlantis`, `HONOURABLE MARY LEE`, `Dr
    Anil Rao's National Statement`; None if it names nobody so."""
    tokens = _BYLINE_TOKEN.findall(text)
    for at, token in enumerate(tokens):
        if _bare(token) not in _BYLINE_TRIGGERS:
            continue
        start = at
        while start < len(tokens) and _bare(tokens[start]) in _BYLINE_PREFIX:
            start += 1
        name: list[str] = []
        for token in tokens[start:]:
            possessive = token.endswith(("’s", "'s"))
            bare = token[:-2] if possessive else token
            if (
                not bare[:1].isupper()
                or _bare(bare) in _BYLINE_PREFIX
                or _bare(bare) in MONTHS
                or len(name) == 5
            ):
                break
            name.append(bare)
            if possessive:
                break
        real = [part for part in name if len(part.strip(".")) > 1]
        if len(real) >= 2 or (real and name != real):
            return (
                title_case(" ".join(name))
                if " ".join(name).isupper()
                else " ".join(
                    title_case(part) if len(part) > 2 and part.isupper() else part for part in name
                )
            )
    return None


def full_names_in(text: str, surnames: Iterable[str], least: int = 1) -> dict[str, str]:
    """The commonest `Given Surname` in `text` of each of `surnames` (by `surname_of`),
    in one pass: the surname in any case and spelled as the text writes it (`McGuire`
    for a label's `MCGUIRE`), written `least` times or more."""
    wanted = "|".join(
        re.escape(surname) for surname in sorted(set(surnames), key=len, reverse=True)
    )
    if not wanted:
        return {}
    pattern = re.compile(
        rf"(?<!{_LETTER_BEFORE})(?P<given>{_GIVEN})(?P<surname>(?i:{wanted}))(?![\w]){_SUFFIX}"
    )
    counts: dict[str, Counter[str]] = {}
    suffixed: dict[str, str] = {}
    """A full name -> the same with the suffix the text writes after it once at least."""
    for match in pattern.finditer(text):
        given = [
            token
            for token in match["given"].split()
            if not _is_word_of(token, ROLE_WORDS | HONORIFICS) and not _CONTRACTION.match(token)
        ]
        written = match["surname"]
        if not written[0].isupper():
            continue  # `Will` of `I will`: a name has its capital
        if given and not _is_word_of(given[0], ROLE_WORDS | HONORIFICS | SPOKEN_WORDS):
            full = title_case(f"{' '.join(given)} {written}")
            counts.setdefault(surname_of(written), Counter())[full] += 1
            if match["suffix"]:
                suffixed.setdefault(full, _with_suffix(full, match["suffix"]))
    found = {}
    for surname, forms in counts.items():
        ((full, times),) = forms.most_common(1)
        if times >= least:
            found[surname] = suffixed.get(full, full)
    return found


def folder_people(texts: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """From the labels of `texts` (a folder's pages): each surname's full name and
    each office's holder, where the labels give only one (`Jane Doe`; `prime
    minister` -> `Tom Hale` from `The Prime Minister (Mr. Tom Hale):`). A surname the
    labels give alone (`PRESIDENT BIDEN:`, `MS. PSAKI:`) is the full name the pages
    write most (`Joe Biden`), where no page's own text gives one."""
    names: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {}
    alone: set[str] = set()
    for text in texts:
        for line in text.splitlines():
            if ":" not in line[:200]:
                continue
            label = parse_label(line.strip())
            if label is None:
                continue
            if label.role is Role.PERSON and label.style != "Speaker N:":
                person = _person_tokens(label.name.split())
                if len(person) >= 2:
                    full = title_case(" ".join(person))
                    names.setdefault(surname_of(full), set()).add(full)
                elif person and len(person) < len(label.name.split()):
                    alone.add(surname_of(person[0]))  # after an honorific or an office
            elif label.role is Role.OFFICE and (named := asker_of(label.note)):
                office = office_of(label.name)
                if office:
                    holders.setdefault(office, set()).add(title_case(named))
    # Written twice at least: `Labour Members`, once, is no one's name.
    for surname, found in full_names_in("\n".join(texts), alone - names.keys(), least=2).items():
        names[surname] = {found}
    return (
        {surname: forms.pop() for surname, forms in names.items() if len(forms) == 1},
        {office: people.pop() for office, people in holders.items() if len(people) == 1},
    )
