"""Finding dates in scraped pages, with where each came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tui.corpus.letters import UPPER

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
# "6 March 2017", also glued to a time as scraped: "6 March 201714:20".
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})(?=\d{{1,2}}:\d{{2}}|\b)", re.IGNORECASE
)
# "March 6, 2017"
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# A news dateline without a year: "MOSCOW, April 4. /TASS/." or "LONDON, May 2 (Reuters) -"
DATELINE = re.compile(
    rf"^(?P<place>{UPPER}(?:{UPPER}|[ .'-]){{1,40}}),\s+{_MONTH}\s+(?P<day>\d{{1,2}})\b[.,]?\s*"
    r"(?P<agency>/[^/\n]{1,20}/\.?|\([^)\n]{1,20}\)\s*[-–—]?)?",
)
_YEAR_PHRASE = re.compile(
    r"\b(?:the\s+year|this\s+year(?:,)?|in\s+the\s+year)\s+(?P<year>(?:19|20)\d{2})\b"
    r"|\b(?P<year2>(?:19|20)\d{2})\s+marks\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_WEEKDAY = re.compile(r"\bon\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: dt.date
    start: int
    end: int


def _make(year: str, month: str, day: str) -> dt.date | None:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every full date written in `text`, in order of position."""
    found: list[FoundDate] = []
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO):
        for match in pattern.finditer(text):
            value = _make(match["year"], match["month"], match["day"])
            if value is not None:
                found.append(FoundDate(value, match.start(), match.end()))
    found.sort(key=lambda item: item.start)
    return found


@dataclass(frozen=True, slots=True)
class InferredYear:
    date: dt.date
    reason: str


def infer_year(month: int, day: int, text: str) -> InferredYear | None:
    """Pick the year of a year-less date from the text: a phrase naming the current
    year wins; a weekday named in the text (`on Tuesday`) confirms or chooses
    among the years mentioned."""
    weekday_match = _WEEKDAY.search(text)
    weekday = WEEKDAYS.index(weekday_match["weekday"].lower()) if weekday_match else None

    def candidate(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    phrase = _YEAR_PHRASE.search(text)
    if phrase:
        year = int(phrase["year"] or phrase["year2"])
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
