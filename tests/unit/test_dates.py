"""Dates as transcript pages, news agencies and file names write them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.corpus.dates import (
    Dateline,
    began_before,
    dates_in_path,
    find_dates,
    infer_year,
    match_dateline,
    said_on,
    short_dates,
    start_time,
)

D = dt.date

SNIPPETS: list[tuple[str, list[tuple[str, dt.date]]]] = [
    # (text, [(the date as written, its value), ...] in order)
    (
        "Foreign Minister Sergey Lavrov’s remarks at a joint news conference, Moscow, March 6, 2017",
        [("March 6, 2017", D(2017, 3, 6))],
    ),
    ("6 March 201714:20", [("6 March 2017", D(2017, 3, 6))]),
    ("Press briefing, Washington, June 11 2010", [("June 11 2010", D(2010, 6, 11))]),
    ("Remarks delivered on June 11th, 2010 in Geneva.", [("June 11th, 2010", D(2010, 6, 11))]),
    (
        "Statement of Jun. 11, 2010, repeated on Sept. 5, 2010.",
        [("Jun. 11, 2010", D(2010, 6, 11)), ("Sept. 5, 2010", D(2010, 9, 5))],
    ),
    (
        "Daily Press Briefing, Tuesday, June 11, 2010, 1:12 p.m. EDT",
        [("Tuesday, June 11, 2010", D(2010, 6, 11))],
    ),
    ("Interview to the BBC, 11 June 2010", [("11 June 2010", D(2010, 6, 11))]),
    ("Signed in London on the 11th June 2010.", [("11th June 2010", D(2010, 6, 11))]),
    (
        "Done at Vienna this 11th of June, 2010, in two copies",
        [("11th of June, 2010", D(2010, 6, 11))],
    ),
    ("Published: 2010-06-11", [("2010-06-11", D(2010, 6, 11))]),
    (
        '<meta property="article:published_time" content="2010-06-11T14:20:00Z">',
        [("2010-06-11T14:20:00Z", D(2010, 6, 11))],
    ),
    (
        "Updated 2021-05-03T09:15:00+03:00 by the editor",
        [("2021-05-03T09:15:00+03:00", D(2021, 5, 3))],
    ),
    ("27.11.2017 - Letter to the Editor", [("27.11.2017", D(2017, 11, 27))]),
    (
        "Archive: 2010/06/11 and 2010.06.12",
        [("2010/06/11", D(2010, 6, 11)), ("2010.06.12", D(2010, 6, 12))],
    ),
    ("Posted 06/11/2010 at 14:20", [("06/11/2010", D(2010, 6, 11))]),
    ("Posted 25/12/2010", [("25/12/2010", D(2010, 12, 25))]),
    ("software version 3.10.2021", [("3.10.2021", D(2021, 10, 3))]),
    (
        "Брифинг официального представителя МИД России, Москва, 11 июня 2010 года",
        [("11 июня 2010 года", D(2010, 6, 11))],
    ),
    ("Москва, 11 июня 2010 г. Выступление и ответы", [("11 июня 2010 г.", D(2010, 6, 11))]),
    ("Интервью, 11 июня 2010", [("11 июня 2010", D(2010, 6, 11))]),
    ("Переговоры состоялись 1 марта 2017 в Баку.", [("1 марта 2017", D(2017, 3, 1))]),
    ("Дата: 1 Март 2017", [("1 Март 2017", D(2017, 3, 1))]),
    ("Вторник, 11 июня 2010 г., 14:20", [("Вторник, 11 июня 2010 г.", D(2010, 6, 11))]),
    ("Заявление от 05.03.2021 г. о переговорах", [("05.03.2021 г.", D(2021, 3, 5))]),
    ("засідання Комітету, 30 жовтня 2019 року", [("30 жовтня 2019 року", D(2019, 10, 30))]),
    ("Київ, 1 березня 2017 р. Заява", [("1 березня 2017 р.", D(2017, 3, 1))]),
    ("Le vendredi 3 mars 2000", [("3 mars 2000", D(2000, 3, 3))]),
    ("Conférence de presse du 15 août 1998", [("15 août 1998", D(1998, 8, 15))]),
]


def test_dates_are_found_where_they_are_written() -> None:
    found = [
        (text, [(text[d.start : d.end], d.value) for d in find_dates(text)]) for text, _ in SNIPPETS
    ]
    assert found == SNIPPETS


def test_a_slash_date_says_whether_day_and_month_could_be_swapped() -> None:
    """`06/11/2010` is read the US way, 11 June, but could be 6 November; `25/12/2010`
    and `06/25/2010` can only be read one way, `06/06/2010` reads the same both."""
    found = find_dates("06/11/2010, 25/12/2010, 06/25/2010, 06/06/2010 and 11.06.2010")
    assert [(d.value, d.ambiguous) for d in found] == [
        (D(2010, 6, 11), True),
        (D(2010, 12, 25), False),
        (D(2010, 6, 25), False),
        (D(2010, 6, 6), False),
        (D(2010, 6, 11), False),
    ]


NOT_DATES = [
    "version 1.2.3 of the software",
    "release 1.2.2010.5",
    "firmware v3.10.2021",
    "Tel.: +7 495 244-16-06, fax +1 (202) 647-4000",
    "call 8-800-2010-11-06",
    "The meeting starts at 10:30 and ends at 12:45.",
    "relations in 2010-2011 and 2014–2016",
    "see pp. 12-15 and page 2010",
    "the figures for 12/2010 and 2010/11",
    "On May 5 1000 troops crossed the border.",
    "в марте 2017 года и март 2017",
    "32.13.2010 and 2010-13-45 and February 30, 2010",
]


def test_numbers_that_are_not_dates_are_not_taken_for_dates() -> None:
    assert [(text, find_dates(text)) for text in NOT_DATES] == [(text, []) for text in NOT_DATES]


MONTH_NAMES = [dt.date(2000, month, 1).strftime("%B") for month in range(1, 13)]
ABBREVIATED = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GENITIVE = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
NOMINATIVE = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
RUSSIAN_WEEKDAYS = "понедельник вторник среда четверг пятница суббота воскресенье"


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def english(d: dt.date) -> str:
    return MONTH_NAMES[d.month - 1]


FORMATS: dict[str, Callable[[dt.date], str]] = {
    "June 11, 2010": lambda d: f"{english(d)} {d.day}, {d.year}",
    "June 11 2010": lambda d: f"{english(d)} {d.day} {d.year}",
    "June 11th, 2010": lambda d: f"{english(d)} {ordinal(d.day)}, {d.year}",
    "Jun. 11, 2010": lambda d: f"{ABBREVIATED[d.month - 1]}. {d.day}, {d.year}",
    "Tuesday, June 11, 2010": lambda d: (
        f"{WEEKDAY_NAMES[d.weekday()]}, {english(d)} {d.day}, {d.year}"
    ),
    "11 June 2010": lambda d: f"{d.day} {english(d)} {d.year}",
    "11th June 2010": lambda d: f"{ordinal(d.day)} {english(d)} {d.year}",
    "11th of June, 2010": lambda d: f"{ordinal(d.day)} of {english(d)}, {d.year}",
    "2010-06-11": lambda d: d.isoformat(),
    "2010-06-11T14:20:00Z": lambda d: f"{d.isoformat()}T14:20:00Z",
    "11.06.2010": lambda d: d.strftime("%d.%m.") + str(d.year),
    "2010/06/11": lambda d: f"{d.year}/{d:%m/%d}",
    "2010.06.11": lambda d: f"{d.year}.{d:%m.%d}",
    "06/11/2010": lambda d: f"{d:%m/%d}/{d.year}",
    "11 июня 2010 года": lambda d: f"{d.day} {GENITIVE.split()[d.month - 1]} {d.year} года",
    "11 июня 2010 г.": lambda d: f"{d.day} {GENITIVE.split()[d.month - 1]} {d.year} г.",
    "11 июня 2010": lambda d: f"{d.day} {GENITIVE.split()[d.month - 1]} {d.year}",
    "11 июнь 2010": lambda d: f"{d.day} {NOMINATIVE.split()[d.month - 1]} {d.year}",
    "вторник, 11 июня 2010": lambda d: (
        f"{RUSSIAN_WEEKDAYS.split()[d.weekday()]}, {d.day} {GENITIVE.split()[d.month - 1]} {d.year}"
    ),
    "2010年6月11日": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "2010년 6월 11일": lambda d: f"{d.year}년 {d.month}월 {d.day}일",
}
PROSE = st.lists(
    st.sampled_from(
        [
            "the",
            "minister",
            "said,",
            "on",
            "page",
            "1999",
            "10:30",
            "2010-2011",
            "12/2010",
            "1.2.3",
            "+7",
            "(495)",
            "244-16-06",
            "version",
            "—",
            "Москва.",
            "of",
            "in",
            "и",
            "\n",
        ]
    ),
    max_size=30,
).map(" ".join)


@given(
    date=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
    written=st.sampled_from(sorted(FORMATS)),
    before=PROSE,
    after=PROSE,
    glued_time=st.booleans(),
)
def test_every_date_in_every_format_is_found_once_where_it_is_written(
    date: dt.date, written: str, before: str, after: str, glued_time: bool
) -> None:
    """Amid prose and numbers that are no dates, near or far; with a time glued to the
    year as scrapes have it (`6 March 201714:20`) or not."""
    as_written = FORMATS[written](date)
    start = len(before) + 1
    glued = "14:20" if glued_time and as_written[-1].isdigit() else ""
    text = f"{before} {as_written}{glued} {after}"
    ambiguous = written == "06/11/2010" and date.day <= 12 and date.day != date.month
    [found] = find_dates(text)
    assert (found.value, found.start, found.end, found.ambiguous) == (
        date,
        start,
        start + len(as_written),
        ambiguous,
    )


@given(date=st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)))
def test_a_day_first_slash_date_is_read_day_first_when_only_a_day_fits(date: dt.date) -> None:
    text = f"{date:%d/%m}/{date.year}"
    expected = date if date.day > 12 else dt.date(date.year, date.day, date.month)
    [found] = find_dates(text)
    assert found.value == expected


PATHS: list[tuple[str, list[tuple[str, dt.date]]]] = [
    ("2021-05-03-press-briefing.txt", [("2021-05-03", D(2021, 5, 3))]),
    ("20210503_briefing.txt", [("20210503", D(2021, 5, 3))]),
    ("briefings/2021/05/03/remarks.html", [("2021/05/03", D(2021, 5, 3))]),
    ("briefings/2021/05/03/1.html", [("2021/05/03", D(2021, 5, 3))]),
    ("archive/2021_05_03/transcript.txt", [("2021_05_03", D(2021, 5, 3))]),
    ("statements/03.05.2021.txt", [("03.05.2021", D(2021, 5, 3))]),
    ("Remarks, June 11, 2010.html", [("June 11, 2010", D(2010, 6, 11))]),
    # ids, counters and runs of digits that are no dates
    ("004_d48fa1d5f48169a7.txt", []),
    ("d2021050fa20210503b/page.txt", []),
    ("12345678.txt", []),
    ("20211303_briefing.txt", []),
    ("18990101_briefing.txt", []),
    ("20210230.txt", []),
    ("2021-05/summary.txt", []),
    ("scan_0012_2010.pdf", []),
]


def test_a_date_in_a_file_name_or_folder_is_found() -> None:
    found = [
        (path, [(path[d.start : d.end], d.value) for d in dates_in_path(path)]) for path, _ in PATHS
    ]
    assert found == PATHS


DATELINES = [
    ("MOSCOW, April 4. /TASS/. The further deepening", Dateline("Moscow", 4, 4, None, "TASS", 25)),
    ("LONDON, May 2 (Reuters) - Britain said", Dateline("London", 5, 2, None, "Reuters", 26)),
    ("LONDON, 2 May (Reuters) - Britain said", Dateline("London", 5, 2, None, "Reuters", 26)),
    ("МОСКВА, 4 апреля. /ТАСС/. Министр заявил", Dateline("Москва", 4, 4, None, "ТАСС", 26)),
    (
        "МОСКВА, 4 апр — РИА Новости. Министр заявил",
        Dateline("Москва", 4, 4, None, "РИА Новости", 29),
    ),
    ("SÃO PAULO, May 2. Trade grew", Dateline("São Paulo", 5, 2, None, None, 18)),
    ("MOSCOW, April 4, 2017. /TASS/. The", Dateline("Moscow", 4, 4, 2017, "TASS", 31)),
    ("МОСКВА, 4 апреля 2017 г. /ТАСС/. Министр", Dateline("Москва", 4, 4, 2017, "ТАСС", 33)),
    # no datelines
    ("Moscow, April 4. Lower case: a sentence, not a dateline.", None),
    ("THE MINISTER, 4 apples. Not a month.", None),
    ("МОСКВА, 4 апрельских дня. Not a month either.", None),
    ("Text before. MOSCOW, April 4. /TASS/.", None),
]


def test_a_news_dateline_is_read_in_either_order_and_language() -> None:
    assert [(text, match_dateline(text)) for text, _ in DATELINES] == DATELINES


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        (
            "В 2017 году товарооборот вырос. Об этом министр сообщил во вторник. В 2016 году...",
            D(2017, 4, 4),
            "year inferred from “В 2017 году”; “во вторник” matches",
        ),
        ("2017 год объявлен годом экологии.", D(2017, 4, 4), "year inferred from “2017 год”"),
        (
            "Министр выступил во вторник. Соглашения 2016, 2017 и 2018 годов.",
            D(2017, 4, 4),
            "year inferred from “во вторник” and the years mentioned",
        ),
    ],
)
def test_the_year_of_a_dateline_is_inferred_from_russian_phrases_and_weekdays(
    text: str, expected: dt.date, reason: str
) -> None:
    """4 April was a Tuesday in 2017, not in 2016 or 2018."""
    inferred = infer_year(4, 4, text)
    assert inferred is not None
    assert (inferred.date, inferred.reason) == (expected, reason)


@pytest.mark.parametrize(
    ("text", "published", "said"),
    [
        ("embargoed until 4:15 tomorrow, May 23rd.", D(2022, 5, 23), D(2022, 5, 22)),
        ("We meet today, Monday, June 3rd, to", D(2019, 6, 4), D(2019, 6, 3)),
        ("as we said yesterday, 11 June, the", D(2010, 6, 11), D(2010, 6, 12)),
        ("Завтра, 5 апреля, мы", D(2017, 4, 5), D(2017, 4, 4)),
        # A new year between the words and the stamp.
        ("the vote tomorrow, January 1st.", D(2021, 1, 1), D(2020, 12, 31)),
    ],
)
def test_words_relative_to_a_named_day_give_the_day_they_are_said_on(
    text: str, published: dt.date, said: dt.date
) -> None:
    found = said_on(text, published)
    assert found is not None and found[0] == said


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow, May 23rd",  # a month from the stamp: another meeting's day
        "Tomorrow we go.",  # no day named
        "the May 23rd vote tomorrow",  # the day before the word: not what it names
    ],
)
def test_relative_words_far_from_the_stamp_or_naming_no_day_say_nothing(text: str) -> None:
    assert said_on(text, D(2022, 6, 25)) is None


@pytest.mark.parametrize(
    ("line", "hour", "minute", "offset"),
    [
        ("1:38 P.M. EDT", 13, 38, -4),
        ("7:09 P.M. JST", 19, 9, 9),
        ("12:05 a.m. EST", 0, 5, -5),
        ("14:20 MSK", 14, 20, 3),
        ("10:03 A.M.", 10, 3, None),
    ],
)
def test_a_start_time_line_is_read_with_its_zone(
    line: str, hour: int, minute: int, offset: int | None
) -> None:
    start = start_time(line)
    assert start is not None and (start.hour, start.minute) == (hour, minute)
    if offset is None:
        assert start.tzinfo is None
    else:
        assert start.utcoffset() == dt.timedelta(hours=offset)


@pytest.mark.parametrize(
    "line", ["13:38 P.M. EDT", "1:38 P.M. CST", "25:00", "at 1:38 P.M.", "1:38 P.M. and on"]
)
def test_other_lines_are_no_start_time(line: str) -> None:
    # `CST` is Central or China Standard Time: no zone to compare.
    assert start_time(line) is None


def test_a_meeting_that_began_after_its_page_was_last_stamped_was_held_before() -> None:
    start = start_time("1:38 P.M. EDT")
    assert start is not None
    day = D(2024, 8, 10)
    stamp = "2024-08-10 09:22:36-04:00"
    assert began_before([stamp], day, start)
    # Published before the call (an embargo) but modified after it: nothing proven.
    assert not began_before([stamp, "2024-08-11 13:19:00-04:00"], day, start)
    assert not began_before(["2024-08-10 15:00:00-04:00"], day, start)
    assert not began_before(["2024-08-10"], day, start)  # midnight: a day, no time
    assert not began_before(["2024-08-10 09:22:36"], day, start)  # no zone to compare
    assert not began_before(["not a time"], day, start)
    assert not began_before([], day, start)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Board of Health 03-21-23", D(2023, 3, 21)),
        ("Caucus 12/19/23", D(2023, 12, 19)),
        ("Session 25.12.99", D(1999, 12, 25)),  # only the day fits first
        ("Minutes 7-4-26", D(2026, 7, 4)),
    ],
)
def test_a_title_date_with_a_two_digit_year(text: str, date: dt.date) -> None:
    assert [found.value for found in short_dates(text, today=D(2026, 12, 7))] == [date]


@pytest.mark.parametrize("text", ["v1.2.23", "3-21-2023", "13-13-23", "score 1-2-3", "1,2,23"])
def test_no_two_digit_year_date_in_other_numbers(text: str) -> None:
    assert short_dates(text, today=D(2026, 12, 7)) == []


@pytest.mark.parametrize(
    "text",
    [
        "See the slides at https://example.org/2014/05/12/slides.pdf and more.",
        "<https://example.org/2013-02-01-slides>",
        "www.example.org/news/2013-02-01/talk",
        "Video: http://youtu.be/x?date=2015-06-11",
    ],
)
def test_a_date_in_an_address_is_none_the_text_writes(text: str) -> None:
    """The date in a link's path is a page's (a post, an upload), not the meeting's."""
    assert find_dates(text) == []
    assert [d.value for d in find_dates(f"On 11 June 2010. {text}")] == [dt.date(2010, 6, 11)]
