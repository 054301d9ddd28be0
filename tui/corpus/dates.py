"""Finding dates in scraped pages, with where each came from.

A full date is written in many ways (`June 11, 2010`, `11th of June, 2010`,
`11 июня 2010 года`, `2010-06-11T14:20:00Z`, `11.06.2010`, `06/11/2010`), in the
text and in file names (`20100611_briefing.txt`). A news dateline names a day
without a year (`MOSCOW, April 4. /TASS/.`); `infer_year` picks the year from the
article.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.corpus.letters import UPPER

_MONTH_NAMES = [
    # English names and abbreviations; Russian genitive (`11 июня`), nominative (`11 июнь`,
    # as some date pickers write it) and abbreviations (`11 июн. 2010`); Ukrainian
    # genitive and nominative (`30 жовтня 2019 року`); French (`3 mars 2000`).
    ("january", "jan", "января", "январь", "янв", "січня", "січень", "janvier"),
    ("february", "feb", "февраля", "февраль", "фев", "февр", "лютого", "лютий", "février"),
    ("march", "mar", "марта", "март", "мар", "березня", "березень", "mars"),
    ("april", "apr", "апреля", "апрель", "апр", "квітня", "квітень", "avril"),
    ("may", "мая", "май", "травня", "травень", "mai"),
    ("june", "jun", "июня", "июнь", "июн", "червня", "червень", "juin"),
    ("july", "jul", "июля", "июль", "июл", "липня", "липень", "juillet"),
    ("august", "aug", "августа", "август", "авг", "серпня", "серпень", "août"),
    (
        "september",
        "sep",
        "sept",
        "сентября",
        "сентябрь",
        "сен",
        "сент",
        "вересня",
        "вересень",
        "septembre",
    ),
    ("october", "oct", "октября", "октябрь", "окт", "жовтня", "жовтень", "octobre"),
    ("november", "nov", "ноября", "ноябрь", "ноя", "нояб", "листопада", "листопад", "novembre"),
    ("december", "dec", "декабря", "декабрь", "дек", "грудня", "грудень", "décembre"),
]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
"""Month names in lower case, English and Russian, to the month's number."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NAMES = [
    # The English and Russian names and the Russian accusative (`во вторник`, `в среду`)
    # of each day, Monday first. No abbreviations: `on sun-drenched` names no day.
    (english, *russian)
    for english, russian in zip(
        WEEKDAYS,
        [
            ("понедельник",),
            ("вторник",),
            ("среда", "среду"),
            ("четверг",),
            ("пятница", "пятницу"),
            ("суббота", "субботу"),
            ("воскресенье",),
        ],
        strict=True,
    )
]
_WEEKDAY_NUMBERS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}
WEEKDAY_WORDS = frozenset(_WEEKDAY_NUMBERS)
"""The names of the days, English and Russian, in lower case."""


def _alternation(names: Iterable[str]) -> str:
    """The names as alternatives, grouped by their first letter (`s(?:ept|ep)|...`): the
    engine tries the group of one letter, not every name, at each word (twice as fast).
    Longest first: `sept` is tried before `sep`."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())


_MONTH_WORD = f"(?:{_alternation(MONTHS)})"
_YEAR = r"(?:1[7-9]|20)\d\d"
"""A year in a written date; three centuries keep `May 5 1000 troops` out."""
_GAP = r"\s{1,3}"
_YEAR_WORD = r"(?:\s?(?:года\b|року\b|г\.|г\b|р\.))?"
"""After a Russian or Ukrainian year: `2010 года`, `2010 г.`, `2010г.`, `2019 року`."""
_GLUED_TIME = r"(?=\d{1,2}:\d{2})"
"""A time glued to the year, as scraped: `6 March 201714:20`."""
_ISO_TIME = r"(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"

_DATE_STARTS = "".join(sorted({name[0] for name in (*MONTHS, *_WEEKDAY_NUMBERS)}))
_DATE = re.compile(
    # Where a date can start, first: the engine skips other characters fast.
    rf"(?=[0-9{_DATE_STARTS}])(?:"
    # Words: `Tuesday, June 11th, 2010`, `11th of June, 2010`, `11 июня 2010 года`.
    rf"\b(?:(?:{_alternation(_WEEKDAY_NUMBERS)})\.?,?{_GAP})?"
    rf"(?:(?P<month_first>{_MONTH_WORD})\.?{_GAP}(?P<day_after>\d{{1,2}})(?:st|nd|rd|th|-?го)?"
    rf"|(?P<day>\d{{1,2}})(?:st|nd|rd|th|-?го)?{_GAP}(?:of{_GAP})?(?P<month>{_MONTH_WORD})\.?)"
    rf"(?:,\s{{0,3}}|{_GAP})(?P<year>{_YEAR}){_YEAR_WORD}(?:{_GLUED_TIME}|(?!\w))"
    # Numbers, not part of a longer number (`1.2.2010.5`, a phone's `495-2010-06-11`):
    # `2010-06-11T14:20:00Z`, `2010/06/11`, `2010.06.11`; `11.06.2010`; `06/11/2010`.
    r"|(?<![^\W_])(?<!\d[-./])(?:"
    rf"(?P<ymd_year>{_YEAR})(?P<sep>[-./])(?P<ymd_month>\d{{1,2}})(?P=sep)(?P<ymd_day>\d{{1,2}}){_ISO_TIME}"
    rf"|(?P<dmy_day>\d{{1,2}})\.(?P<dmy_month>\d{{1,2}})\.(?P<dmy_year>{_YEAR})"
    rf"|(?P<slash_first>\d{{1,2}})/(?P<slash_second>\d{{1,2}})/(?P<slash_year>{_YEAR})"
    # Chinese, Japanese and Korean: `2006年10月11日`, `2006년 10월 11일`.
    rf"|(?P<cjk_year>{_YEAR})\s?[年년]\s?(?P<cjk_month>\d{{1,2}})\s?[月월]\s?(?P<cjk_day>\d{{1,2}})\s?[日일]"
    rf"){_YEAR_WORD}(?:{_GLUED_TIME}|(?!\d|[-./]\d)))",
    re.IGNORECASE,
)
_YEAR_DIGITS = re.compile("[0-9][0-9][0-9][0-9]")
_REACH = 64
"""Characters a written date can reach from its year's first digit, either way: the
widest, `Wednesday, September 30th, 2010` or `2010-09-30T14:20:00.000+03:00`, reach
under 40. `find_dates` looks only this near four digits, so prose costs little."""

# In file names and folders, beyond what the text allows: `2021_05_03`, `2021/05/03/`
# before a numbered file, and eight digits alone, as in `20210503_briefing.txt` (not
# inside a longer run of letters and digits, such as the id `d48fa1d5f48169a7`).
_PATH_DATE = re.compile(
    rf"(?<!\d)(?P<year>{_YEAR})(?P<sep>[-_./\\])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?!\d)"
    r"|(?<![^\W_])(?P<digits>(?:19|20)\d{6})(?![^\W_])"
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: dt.date
    start: int
    end: int
    ambiguous: bool = False
    """Read from `04/06/2010`: month first as in the US (April 6), but day first
    (4 June) would be a date too."""


def _make(year: str, month: str, day: str) -> dt.date | None:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower())
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day))
    except ValueError:
        return None


def _read(match: re.Match[str]) -> FoundDate | None:
    """The date a match of `_DATE` writes, if it is one."""
    ambiguous = False
    if match["year"]:
        month = match["month"] or match["month_first"]
        value = _make(match["year"], month, match["day"] or match["day_after"])
    elif match["ymd_year"]:
        value = _make(match["ymd_year"], match["ymd_month"], match["ymd_day"])
    elif match["dmy_year"]:
        value = _make(match["dmy_year"], match["dmy_month"], match["dmy_day"])
    elif match["cjk_year"]:
        value = _make(match["cjk_year"], match["cjk_month"], match["cjk_day"])
    else:
        first, second = int(match["slash_first"]), int(match["slash_second"])
        day_first = first > 12  # only a day can be: `25/12/2010`
        month, day = (second, first) if day_first else (first, second)
        value = _make(match["slash_year"], str(month), str(day))
        ambiguous = not day_first and first != second and second <= 12
    return FoundDate(value, match.start(), match.end(), ambiguous) if value is not None else None


_SLASH_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/({_YEAR})(?![\d/])")


def slash_order(text: str) -> tuple[int, int]:
    """How many of the slash dates `text` writes can only be read day first
    (`25/12/2010`), and how many only month first (`12/25/2010`)."""
    day_first = month_first = 0
    for match in _SLASH_DATE.finditer(text):
        first, second = int(match[1]), int(match[2])
        day_first += 12 < first <= 31 and second <= 12
        month_first += 12 < second <= 31 and first <= 12
    return day_first, month_first


def written_month_first(text: str, value: dt.date) -> bool:
    """Whether `text` writes `value` as a slash date month first (`06/09/2007` for
    June 9): the date one would read day first where the page's others are."""
    pattern = rf"(?<![\d/])0?{value.month}/0?{value.day}/{value.year}(?![\d/])"
    return re.search(pattern, text) is not None


def _near_years(text: str) -> Iterator[tuple[int, int]]:
    """The stretches of `text` within `_REACH` of four digits, in order, apart."""
    region: tuple[int, int] | None = None
    for digits in _YEAR_DIGITS.finditer(text):
        start, end = max(0, digits.start() - _REACH), min(len(text), digits.start() + _REACH)
        if region is not None and start <= region[1]:
            region = (region[0], end)
            continue
        if region is not None:
            yield region
        region = (start, end)
    if region is not None:
        yield region


_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]{1,31}://|\bwww\.)\S+", re.IGNORECASE)
"""An address (`https://example.org/2014/05/12/slides.pdf`): the date in its path is a
page's (a post, an upload), not what the text says happened."""


def find_dates(text: str) -> list[FoundDate]:
    """Every full date written in `text`, once each, in order of position; none
    inside an address."""
    if "/" in text or "www." in text:
        text = _URL.sub(lambda url: " " * len(url[0]), text)
    found = []
    for start, end in _near_years(text):
        for match in _DATE.finditer(text, start, end):
            date = _read(match)
            if date is not None:
                found.append(date)
    return found


_SHORT_DATE = re.compile(r"(?<![\w.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{2})(?![\w,/-]|\.\d)")
"""`03-21-23`, `12/19/23`: a two-digit year, as a title may end."""


_SHORT_WRITTEN = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_GAP}(?:of{_GAP})?(?P<month>{_MONTH_WORD})\.?"
    rf"|(?P<month_first>{_MONTH_WORD})\.?{_GAP}(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?),?"
    r"\s{1,3}[’'‘](?P<short>\d{2})(?!\w)",
    re.IGNORECASE,
)
"""`27th March '24`, `March 27 ’24`: a date in words with a year cut to two digits."""


def short_dates(text: str, today: dt.date | None = None) -> list[FoundDate]:
    """Dates with a two-digit year (`Board of Health 03-21-23`, `27th March '24`), in
    numbers month first as in the US unless only the day fits; the century is the one
    that puts the year no later than next year. Read in titles only: in prose `1-2-23`
    is as often a score."""
    this_year = (today or dt.date.today()).year

    def year_of(short: str) -> str:
        year = this_year // 100 * 100 + int(short)
        return str(year - 100 if year > this_year + 1 else year)

    found = []
    for match in _SHORT_DATE.finditer(text):
        first, second = int(match[1]), int(match[3])
        month, day = (second, first) if first > 12 else (first, second)
        value = _make(year_of(match[4]), str(month), str(day))
        if value is not None:
            ambiguous = first <= 12 and second <= 12 and first != second
            found.append(FoundDate(value, match.start(), match.end(), ambiguous))
    for match in _SHORT_WRITTEN.finditer(text):
        month = MONTHS[(match["month"] or match["month_first"]).casefold()]
        value = _make(year_of(match["short"]), str(month), match["day"] or match["day_after"])
        if value is not None:
            found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda date: date.start)


def dates_in_path(relative: str) -> list[FoundDate]:
    """Every full date written in a file's path: as in text (`03.05.2021.txt`,
    `Remarks, June 11, 2010.html`), or as folders and file names write them
    (`2021/05/03/1.html`, `2021_05_03`, `20210503_briefing.txt`)."""
    found = find_dates(relative)
    for match in _PATH_DATE.finditer(relative):
        digits = match["digits"]
        value = (
            _make(digits[:4], digits[4:6], digits[6:])
            if digits
            else _make(match["year"], match["month"], match["day"])
        )
        if value is not None:
            found.append(FoundDate(value, match.start(), match.end()))
    found.sort(key=lambda date: (date.start, -date.end))
    apart: list[FoundDate] = []
    for date in found:
        if not apart or date.start >= apart[-1].end:
            apart.append(date)
    return apart


_MONTH = rf"(?P<month>(?i:{_MONTH_WORD}))\.?"
_PLACE = rf"^(?P<place>{UPPER}(?:{UPPER}|[ .'-]){{1,40}}),\s+"
_AGENCY = (
    r"[.,]?\s*(?P<agency>/[^/\n]{1,20}/\.?|\([^)\n]{1,20}\)\s*[-–—]?"
    rf"|[-–—]\s*{UPPER}[\w-]*(?:\s+{UPPER}[\w-]*){{0,2}}\.(?!\S))?\s*"
)
"""`/TASS/.`, `(Reuters) -`, `— РИА Новости.`: the agency, then the article."""


@functools.cache
def _datelines() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The datelines, month first (`MOSCOW, April 4. /TASS/.`, `LONDON, May 2 (Reuters)
    -`, maybe with a year) and day first (`МОСКВА, 4 апреля. /ТАСС/.`): made when a file
    is first parsed, not at every start (their alternations take milliseconds)."""
    return (
        re.compile(
            rf"{_PLACE}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?{_AGENCY}"
        ),
        re.compile(
            rf"{_PLACE}(?P<day>\d{{1,2}})\s+{_MONTH}(?!\w)"
            rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_WORD}(?!\w))?{_AGENCY}"
        ),
    )


@dataclass(frozen=True, slots=True)
class Dateline:
    """The start of a news article: `MOSCOW, April 4. /TASS/.`"""

    place: str
    """As a reader writes it: `Moscow`, `São Paulo`."""
    month: int
    day: int
    year: int | None
    """Mostly absent: `infer_year` finds it."""
    agency: str | None
    """`TASS`, `Reuters`, `РИА Новости`."""
    end: int
    """Where the article's own words start."""


def match_dateline(text: str) -> Dateline | None:
    """The dateline that `text` starts with, month or day first, in English or Russian."""
    month_first, day_first = _datelines()
    match = month_first.match(text) or day_first.match(text)
    if match is None:
        return None
    return Dateline(
        place=match["place"].strip().title(),
        month=MONTHS[match["month"].lower()],
        day=int(match["day"]),
        year=int(match["year"]) if match["year"] else None,
        agency=(match["agency"] or "").strip(" /().-–—") or None,
        end=match.end(),
    )


_YEAR_PHRASE = re.compile(
    r"\b(?:the\s+year|this\s+year(?:,)?|in\s+the\s+year)\s+(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<year2>(?:19|20)\d{2})\s+marks\b"
    r"|\b(?:в\s+)?(?P<year3>(?:19|20)\d{2})\s+году?\b",  # `в 2017 году`, `2017 год`
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_WEEKDAY = re.compile(
    rf"\b(?:on|во?)\s+(?P<weekday>{_alternation(_WEEKDAY_NUMBERS)})\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class InferredYear:
    date: dt.date
    reason: str


def infer_year(month: int, day: int, text: str) -> InferredYear | None:
    """Pick the year of a year-less date from the text: a phrase naming the current
    year (`this year 2017`, `в 2017 году`) wins; a weekday named in the text
    (`on Tuesday`, `во вторник`) confirms or chooses among the years mentioned."""
    weekday_match = _WEEKDAY.search(text)
    weekday = _WEEKDAY_NUMBERS[weekday_match["weekday"].lower()] if weekday_match else None

    def candidate(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    phrase = _YEAR_PHRASE.search(text)
    if phrase:
        year = int(phrase["year"] or phrase["year2"] or phrase["year3"])
        value = candidate(year)
        if value is not None:
            reason = f"year inferred from “{phrase.group().strip()}”"
            if weekday is not None and weekday_match is not None:
                agrees = "matches" if value.weekday() == weekday else "does not match"
                reason += f"; “{weekday_match.group()}” {agrees}"
            return InferredYear(value, reason)
    years = sorted({int(m["year"]) for m in _ANY_YEAR.finditer(text)}, reverse=True)
    if weekday is not None and weekday_match is not None:
        for year in years:
            value = candidate(year)
            if value is not None and value.weekday() == weekday:
                return InferredYear(
                    value, f"year inferred from “{weekday_match.group()}” and the years mentioned"
                )
    for year in years:
        value = candidate(year)
        if value is not None:
            return InferredYear(value, f"year inferred as the latest year mentioned ({year})")
    return None


# --- the meeting's day, from a publication date ---------------------------------------

_RELATIVE_OFFSET = {
    "today": 0,
    "tonight": 0,
    "tomorrow": -1,
    "yesterday": 1,
    "сегодня": 0,
    "завтра": -1,
    "вчера": 1,
}
"""Days from the date a relative word names to the day it is said on."""


@functools.cache
def _relative() -> re.Pattern[str]:
    """`tomorrow, May 23rd`, `сегодня, 4 апреля`: made when first needed, as `_datelines`."""
    return re.compile(
        rf"\b(?P<word>{_alternation(_RELATIVE_OFFSET)})\b[,\s]{{1,3}}"
        rf"(?:(?:on\s+)?(?:{_alternation(_WEEKDAY_NUMBERS)})\.?,?\s+)?"
        rf"(?:(?P<month_first>{_MONTH_WORD})\.?\s+(?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<day>\d{{1,2}})(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?(?P<month>{_MONTH_WORD}))(?!\w)",
        re.IGNORECASE,
    )


_NEAR_DAYS = 7
"""How far a publication date may be from the meeting it publishes."""


def said_on(text: str, published: dt.date) -> tuple[dt.date, str] | None:
    """The day words such as `tomorrow, May 23rd` or `сегодня, 4 апреля` are said on,
    with the phrase, when that day is within a week of `published` (the year comes
    from it): a page published on the 23rd may hold a call held the evening before."""
    for match in _relative().finditer(text):
        month = match["month"] or match["month_first"]
        day = match["day"] or match["day_after"]
        offset = dt.timedelta(days=_RELATIVE_OFFSET[match["word"].lower()])
        for year in (published.year, published.year - 1, published.year + 1):
            named = _make(str(year), month, day)
            if named is not None and abs((named + offset - published).days) <= _NEAR_DAYS:
                return named + offset, " ".join(match.group().split())
    return None


_ZONES = {
    "utc": 0, "gmt": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "jst": 9, "kst": 9, "aest": 10, "edt": -4, "est": -5, "cdt": -5, "mdt": -6,
    "mst": -7, "pdt": -7, "pst": -8,
}  # fmt: skip
"""Time zones as transcripts name them after a start time, in hours from UTC; not
the ambiguous ones (`CST` is Central or China, `IST` India, Israel or Ireland)."""
_START_TIME = re.compile(
    r"^(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?:(?P<half>[ap])\.?\s?m\.?)?"
    rf"\s*(?:\(?(?P<zone>{'|'.join(_ZONES)})\)?)?\.?$",
    re.IGNORECASE,
)


def start_time(line: str) -> dt.datetime | None:
    """The time of day a line gives alone, as a transcript notes when it began
    (`1:38 P.M. EDT`, `10:03 a.m.`, `14:20 MSK`), on 1 January 2000: only the time
    and zone count. Naive when the line names no zone."""
    match = _START_TIME.match(line.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    zone = match["zone"]
    tzinfo = dt.timezone(dt.timedelta(hours=_ZONES[zone.lower()])) if zone else None
    return dt.datetime(2000, 1, 1, hour, minute, tzinfo=tzinfo)


def began_before(stamps: Iterable[str], day: dt.date, start: dt.datetime) -> bool:
    """Whether a meeting that began at `start` (a time of day) on `day` would have
    begun after the text was last published or modified (`stamps`, such as
    `2024-08-10 09:22:36-04:00`): then it was held on an earlier day. The latest
    stamp counts: a page published before the meeting (an embargo) but modified after
    it proves nothing. A stamp without a time, at midnight, or with a zone where the
    start has none (or the other way) proves nothing either."""
    read = []
    for stamp in stamps:
        try:
            read.append(dt.datetime.fromisoformat(stamp.strip().replace("Z", "+00:00")))
        except ValueError:
            return False
    if not read or any((stamp.tzinfo is None) != (start.tzinfo is None) for stamp in read):
        return False
    latest = max(read)
    if latest.time() == dt.time(0) or latest.date() != day:
        return False
    return dt.datetime.combine(day, start.time(), start.tzinfo) > latest
