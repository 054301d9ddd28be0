"""What a folder's files teach about each of them.

Pages saved from one site share their furniture (menus, share bars, footers) and
often their people: one briefing names `Jane Doe` in full where the next prints
only `MS. DOE:`, one sitting says `The Prime Minister (Mr. Tom Hale):` where
the next says `The Prime Minister:`. Learned once from a sample of the folder's
files and handed to the parse of each, as the page's own words are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.corpus import boilerplate
from tui.corpus.speakers import folder_people


@dataclass(frozen=True, slots=True)
class Folder:
    furniture: frozenset[str] = frozenset()
    """Lines (stripped) the folder's pages repeat: `tui.corpus.boilerplate`."""
    names: tuple[tuple[str, str], ...] = ()
    """(surname, full name) where the folder's labels give one person that surname."""
    holders: tuple[tuple[str, str], ...] = ()
    """(office, person) where the folder's labels name one holder of an office."""


NO_FOLDER = Folder()


def learn(texts: Sequence[str]) -> Folder:
    """What `texts`, a sample of a folder's files read as the parser reads them, have
    in common."""
    if len(texts) < boilerplate.MIN_FILES:
        return NO_FOLDER
    names, holders = folder_people(line.strip() for text in texts for line in text.splitlines())
    return Folder(
        boilerplate.learn(texts), tuple(sorted(names.items())), tuple(sorted(holders.items()))
    )
