"""The parser's version moves with what it makes: cached documents are parsed again only
when `PARSER_VERSION` changes (`tui.corpus.cache`), so a change to what the parser makes
of a page, without a new version, leaves every user's cache stale.

What the parser makes of the development corpus and the seeds is summed up in one
digest, and the pages it read in another; `parser_outputs.txt` holds, for each
version, the digest of its output on each set of pages it was given. The same pages
read otherwise need a new version, and a line for it. Pages added to the corpus need a
line for the version as it is (made with no change to the parser). A change the corpus
does not show (a layout none of its pages has) needs a new version too: this test
cannot see it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import PARSER_VERSION, Document

ROOT = Path(__file__).resolve().parents[2]
RECORD = Path(__file__).with_name("parser_outputs.txt")
FOLDERS = [*sorted((ROOT / "tests" / "corpus" / "docs").iterdir()), ROOT / "seeds"]


def _summary(document: Document) -> str:
    """What the parser made of a page, without where the page lies on this machine."""
    turns = [
        (turn.speaker, turn.label, turn.note, turn.kind.value, [p.text for p in turn.paragraphs])
        for turn in document.turns
    ]
    dropped = [(d.line, d.text, d.reason) for d in document.dropped]
    date = (document.date.value, document.date.source, document.date.confidence.value)
    return repr((document.path.name, document.title, date, document.place, turns, dropped))


def digests() -> tuple[str, str]:
    """The digest of the pages read, and of what the parser made of them."""
    config = load_config()
    pages = hashlib.blake2b(digest_size=16)
    outputs = hashlib.blake2b(digest_size=16)
    for folder in FOLDERS:
        library = Library.load(folder, config)
        for document in sorted(library.documents, key=lambda d: d.path.name):
            pages.update(document.path.name.encode("utf-8", "surrogatepass"))
            pages.update(document.path.read_bytes())
            outputs.update(_summary(document).encode("utf-8", "surrogatepass"))
    return pages.hexdigest(), outputs.hexdigest()


def recorded() -> dict[tuple[int, str], str]:
    """The output digest of each version on each set of pages (by their digest)."""
    lines = RECORD.read_text(encoding="utf-8").split("\n")
    rows = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    return {(int(version), pages): output for version, pages, output in rows}


def test_a_new_output_of_the_parser_has_a_new_version() -> None:
    pages, made = digests()
    known = recorded().get((PARSER_VERSION, pages))
    assert known == made, (
        f"on these pages ({pages}) the parser's output is {made} (PARSER_VERSION "
        f"{PARSER_VERSION}); {RECORD.name} gives {known} for that version. Where the "
        "output changed, raise PARSER_VERSION in tui/corpus/model.py and add a line "
        f"`{PARSER_VERSION + 1} {pages} {made}`; where pages were added with the parser "
        f"as it was, add `{PARSER_VERSION} {pages} {made}`. An old line is never changed."
    )
