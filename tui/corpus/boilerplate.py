"""Page furniture learned from a folder: the lines a site repeats on every page.

A folder of pages saved from one site repeats its menus, share bars and footers
in every file, in words nobody could list in advance. A line that stands in a
good share of the folder's files is furniture, unless it is something people
say (`Thank you.`) or a speaker label: those repeat in transcripts too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from tui.corpus.speakers import parse_label

MIN_FILES = 4
"""Fewer files say nothing about what repeats."""
SHARE = 0.4
"""A line in at least this share of the files (and in 3 or more) is furniture: a
folder holding two sites' pages half and half still loses both sites' menus."""
SAMPLE = 200
"""Files read to learn from, at most: enough to see what repeats, cheap at any size."""
_LONGEST = 200
_SAID = re.compile(r"[.?!…]['’\"”»)]*$")
_NOTICE = re.compile(r"©|\bcopyright\b|\brights reserved\b", re.IGNORECASE)


def sample(names: list[str]) -> list[str]:
    """At most SAMPLE of `names`, spread evenly over them, the same for the same list."""
    if len(names) <= SAMPLE:
        return names
    step = len(names) / SAMPLE
    return [names[int(index * step)] for index in range(SAMPLE)]


def learn(texts: Iterable[str]) -> frozenset[str]:
    """The lines (stripped) that repeat across `texts`, one text a file (MIN_FILES of
    them or more: `tui.corpus.folder.learn` sees to it)."""
    counts: Counter[str] = Counter()
    recurring: Counter[str] = Counter()
    """Files in which a line stands three times or more: a speaker's name above each
    of their turns (`Tom`), not a menu, which a page shows once or twice."""
    files = 0
    for text in texts:
        files += 1
        in_file = Counter(
            stripped for line in text.splitlines() if 1 < len(stripped := line.strip()) <= _LONGEST
        )
        counts.update(in_file.keys())
        recurring.update(line for line, count in in_file.items() if count >= 3)
    needed = max(3, SHARE * files)
    return frozenset(
        line
        for line, count in counts.items()
        if count >= needed and recurring[line] * 2 < count and _is_furniture(line)
    )


def _is_furniture(line: str) -> bool:
    """Menus, share bars and site notices; not a speaker's label, nor a line that
    reads as speech: a sentence's end or a comma (`Ladies and gentlemen,`, `Good
    afternoon, everyone`), which menus and share bars do without."""
    if parse_label(line) is not None:
        return False
    if _NOTICE.search(line):
        return True
    return not (_SAID.search(line) or ", " in line or line.endswith((",", ";", ":")))
