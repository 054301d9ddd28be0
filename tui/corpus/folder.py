"""What a folder's files teach about each of them.

Pages saved from one site share their furniture (menus, share bars, footers) and
often their people: one briefing names `Jane Doe` in full where the next prints
only `MS. DOE:`, one sitting says `The Prime Minister (Mr. Tom Hale):` where
the next says `The Prime Minister:`. And the dates in their names may be their meetings' or
the days the files were saved or processed: where the pages that write a date never
write the one in their name, a page that writes none is not dated by its name.
Learned once from a sample of the folder's files and handed to the parse of each,
as the page's own words are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MIN_PAGES = 2
"""Two pages can name a person for each other; what repeats as furniture takes more
(`boilerplate.MIN_FILES`)."""
HEAD_CHARS = 4000
"""Of each page, the part read for the dates it writes: a meeting's date is near the top."""
FILE_DATE_PAGES = 3
"""Pages writing a date other than their file name's that, with not one in four
writing their name's, show that the folder's file names are not meeting dates."""


@dataclass(frozen=True, slots=True)
class Folder:
    furniture: frozenset[str] = frozenset()
    """Lines (stripped) the folder's pages repeat: `tui.corpus.boilerplate`."""
    names: tuple[tuple[str, str], ...] = ()
    """(surname, full name) where the folder's labels give one person that surname."""
    holders: tuple[tuple[str, str], ...] = ()
    """(office, person) where the folder's labels name one holder of an office."""
    file_dates: bool = True
    """Whether a date in a file's name may be its meeting's (`_named_for_meetings`)."""
    day_first: bool = False
    """Whether the folder's pages write slash dates day first (`_day_first`)."""


NO_FOLDER = Folder()


def learn(pages: Sequence[tuple[str, str]]) -> Folder:
    """What `pages`, a sample of a folder's files as (file name, text read as the
    parser reads it), have in common."""
    # The parser's modules, imported when a file is to be parsed, not at every start.
    from tui.corpus import boilerplate
    from tui.corpus.speakers import folder_people

    if len(pages) < MIN_PAGES:
        return NO_FOLDER
    texts = [text for _, text in pages]
    names, holders = folder_people(texts)
    return Folder(
        boilerplate.learn(texts) if len(texts) >= boilerplate.MIN_FILES else frozenset(),
        tuple(sorted(names.items())),
        tuple(sorted(holders.items())),
        _named_for_meetings(pages),
        _day_first(texts),
    )


def _named_for_meetings(pages: Sequence[tuple[str, str]]) -> bool:
    """Whether the dates in the files' names are their meetings': not where
    FILE_DATE_PAGES pages or more write dates of their own other than the one in their
    name, and not one in four of those that write a date writes their name's."""
    from tui.corpus.dates import dates_in_path, find_dates, short_dates

    agree = differ = 0
    for name, text in pages:
        named = {found.value for found in dates_in_path(name)}
        if not named:
            continue
        head = text[:HEAD_CHARS]
        title = "\n".join(head.lstrip().splitlines()[:3])
        written = {found.value for found in (*find_dates(head), *short_dates(title))}
        if named & written:
            agree += 1
        elif written:
            differ += 1
    return not (differ >= FILE_DATE_PAGES and agree * 4 < agree + differ)


def _day_first(texts: Sequence[str]) -> bool:
    """Whether the pages write their slash dates day first (`17/11/2016`, as Britain,
    Australia and Europe do): some can only be read so, and none only month first."""
    from tui.corpus.dates import slash_order

    counts = [slash_order(text[:HEAD_CHARS]) for text in texts]
    return sum(day for day, _ in counts) >= 1 and sum(month for _, month in counts) == 0
