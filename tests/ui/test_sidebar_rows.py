"""The list's lines and rows worked out by bisection (`Sidebar._line`, `_first_line`,
`_run`, `_row`) against the lines as a list would spell them out: any dates, undated
documents, both orders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.model import Confidence, EventDate, Summary
from tui.widgets.sidebar import NO_DATE, Sidebar, _Part

DATES = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(1994, 12, 31)))


def summaries(dates: list[dt.date | None]) -> tuple[Summary, ...]:
    """Documents on `dates`, sorted as the library sorts them (undated last)."""
    made = [
        Summary(
            f"d{at:03}",
            f"Title {at}",
            EventDate(date, "text", Confidence.EXACT),
            None,
            "text",
            1,
            0,
            1,
        )
        for at, date in enumerate(dates)
    ]
    return tuple(sorted(made, key=lambda summary: summary.sort_key))


def spelled_out(order: list[Summary]) -> list[tuple[_Part, str]]:
    """Every line of the list, a heading above each year: (part, year or id)."""
    lines: list[tuple[_Part, str]] = []
    group = None
    for summary in order:
        value = summary.date.value
        year = str(value.year) if value else NO_DATE
        if year != group:
            group = year
            lines.append((_Part.GROUP, year))
        lines += [(_Part.DATE, summary.id), (_Part.TITLE, summary.id)]
    return lines


def key(summary: Summary, unit: str) -> str:
    value = summary.date.value
    return NO_DATE if value is None else value.isoformat()[: 4 if unit == "year" else 7]


@settings(max_examples=150, deadline=None)
@given(st.lists(DATES, max_size=40), st.booleans())
def test_lines_rows_and_runs(dates: list[dt.date | None], newest_first: bool) -> None:
    sidebar = Sidebar(summaries(dates))
    sidebar.set_reactive(Sidebar.newest_first, newest_first)
    sidebar._arrange()
    order = list(sidebar.order)
    dated = [summary for summary in order if summary.date.value is not None]
    assert dated == sorted(dated, key=lambda summary: summary.sort_key, reverse=newest_first)
    assert all(summary.date.value is None for summary in order[len(dated) :])
    lines = spelled_out(order)
    assert sidebar.virtual_size.height == len(lines)
    for number, (part, what) in enumerate(lines):
        shown, at = sidebar._line(number)
        assert shown is part
        if part is _Part.GROUP:
            assert sidebar._groups[at].text == what
        else:
            assert order[at].id == what
            if part is _Part.DATE:
                assert sidebar._first_line(at) == number
    for row, summary in enumerate(order):
        assert sidebar._row(summary) == row
        moved = replace(summary, date=EventDate(dt.date(2001, 1, 1), "text", Confidence.EXACT))
        assert sidebar._row(moved) == row, "a date changed since: found by id"
    for unit in ("year", "month"):
        for row, summary in enumerate(order):
            same = [r for r, other in enumerate(order) if key(other, unit) == key(summary, unit)]
            assert sidebar._run(unit, row) == (same[0], same[-1] + 1)
