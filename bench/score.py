"""How well the parser reads real transcripts: every document of the development
corpus (tests/corpus) parsed and scored against its hand-written key.

    python bench/score.py [--corpus tests/corpus] [--json] [--show SOURCE ...]

Prints, per source and in total (the held-out sources apart, never mixed into the
development figures):

- dates: documents whose event date is the key's (a key without a date wants none,
  or one the parse calls a publication or scrape date);
- speakers: turn speakers aligned in order against the key (2 x matched turns over
  the turns of both), so a missed turn and an invented one both cost; a question
  matches a question, whoever the key says asked;
- kinds: of the turns aligned, those whose kind is the key's (question, answer,
  statement; a quote counts as a statement);
- titles: documents whose title is the key's (case and spacing aside, or one holds
  the other; a key without a title is met by the first words the reader shows);
- chrome: lines the key names as page furniture found in the body text.

`--show SOURCE` prints each document's differences for those sources. Held-out
sources are the honest figure: their rows are printed only with `--held-out` (for
the closing note of a change, not while tuning), and their differences never.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.corpus.config import load_config  # noqa: E402
from tui.corpus.library import Library  # noqa: E402
from tui.corpus.model import Confidence, Document, TurnKind  # noqa: E402

_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "prof", "г", "гн", "г-н", "г-жа"}
)
_NOT_LETTERS = re.compile(r"[^\w]+")


def person(name: str | None) -> str:
    """A name as the scorer compares it: case, accents, dots and honorifics aside."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name.casefold()).replace("ё", "е")
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    words = [word for word in _NOT_LETTERS.split(folded) if word]
    return " ".join(word for word in words if word not in _HONORIFICS)


def _kind_class(kind: str) -> str:
    return "statement" if kind in ("statement", "quote") else kind


Turn = tuple[str, str, str]
"""(kind class, who speaks as compared, the same with a question as `(question)`)."""


def _turns(turns: Iterable[tuple[str, str | None]]) -> list[Turn]:
    """Each turn as compared, runs of one speaker made one turn: a parser that splits a
    turn at a heading, or a key that counts two labels of one person in a row, is
    neither right nor wrong about who spoke. Turns that nobody speaks (a page's
    narrative, a photo caption) are left out on both sides: a speech the parse gives
    to nobody still costs, as the key's turn it misses."""
    out: list[Turn] = []
    for kind, speaker in turns:
        who = person(speaker) if speaker else ""
        if not who and kind != "question":
            continue  # narrative, a heading, a line nobody says: no speaker to score
        token = who or "(question)"
        if out and out[-1][2] == token:
            continue
        out.append((_kind_class(kind), who, token))
    return out


def _same_speaker(key: Turn, got: Turn) -> bool:
    """Whether two turns have one speaker. A question is anyone's question: a page
    names the asker only now and then (`Go ahead, Peter`), and keys that name askers
    from such hints would score guessing; so a question of the key matches a question
    of the parse whoever asks, and a named turn matches the same name whatever its kind
    (the kinds figure counts kinds). A key is written from its document alone: where
    that gives a surname only (`Cameron`), the full name another page of the folder
    gives (`David Cameron`) is the same person, as the parser is to find it."""
    if key[0] == "question" and got[0] == "question":
        return True
    if key[1] and " " not in key[1] and got[1].endswith(" " + key[1]):
        return True
    return (bool(key[1]) and key[1] == got[1]) or key[2] == got[2]


def _aligned(key: list[Turn], got: list[Turn]) -> list[tuple[int, int]]:
    """The longest order-keeping pairing of key and parse turns with one speaker."""
    rows, columns = len(key), len(got)
    best = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            if _same_speaker(key[i], got[j]):
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < columns:
        if _same_speaker(key[i], got[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _title_matches(key: str, document: Document) -> bool:
    wanted = " ".join(person(key).split())
    if not wanted:
        # A page without a title is shown by its first words or its file's name.
        first = document.paragraphs[0].text[:80] if document.paragraphs else ""
        return document.title in ("", document.id, first)
    for title in (document.title, document.short_title):
        got = " ".join(person(title).split())
        if got and (got == wanted or (len(got) >= 12 and (got in wanted or wanted in got))):
            return True
    return False


def _body_lines(document: Document) -> set[str]:
    return {" ".join(p.text.split()) for p in document.paragraphs}


@dataclass
class Tally:
    documents: int = 0
    dates: int = 0
    titles: int = 0
    matched: int = 0
    turns: int = 0
    """Turns of the key and of the parse together (collapsed)."""
    aligned: int = 0
    kinds: int = 0
    chrome: int = 0
    leaked: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("documents", "dates", "titles", "matched", "turns", "aligned", "kinds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.chrome += other.chrome
        self.leaked += other.leaked

    def figures(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float | None:
            return round(100 * part / whole, 1) if whole else None

        return {
            "documents": self.documents,
            "dates": share(self.dates, self.documents),
            "speakers": share(2 * self.matched, self.turns),
            "kinds": share(self.kinds, self.aligned),
            "titles": share(self.titles, self.documents),
            "chrome_leaked": self.leaked,
            "chrome_lines": self.chrome,
        }


def score_document(entry: dict[str, Any], document: Document | None) -> Tally:
    tally = Tally(documents=1)
    name = entry["file"]
    if document is None:
        tally.problems.append(f"{name}: not read as a document")
        key_turns = _turns((t[0], t[1]) for t in entry.get("turns") or [])
        tally.turns = len(key_turns)
        return tally
    want_date = entry.get("date")
    if isinstance(want_date, dt.date):
        want_date = want_date.isoformat()
    got_date = document.date.iso
    # A key without a date wants none; a publication or scrape date, said to be one
    # (`scraped`), claims no meeting date either.
    if (want_date or None) == got_date or (
        not want_date and document.date.confidence is Confidence.SCRAPED
    ):
        tally.dates = 1
    else:
        tally.problems.append(f"{name}: date {got_date} ({document.date.source}), key {want_date}")
    if _title_matches(str(entry.get("title") or ""), document):
        tally.titles = 1
    else:
        tally.problems.append(f"{name}: title {document.title!r}, key {entry.get('title')!r}")
    key = _turns((t[0], t[1]) for t in entry.get("turns") or [])
    got = _turns(
        (turn.kind.value, turn.speaker)
        for turn in document.turns
        if turn.kind is not TurnKind.HEADING
    )
    pairs = _aligned(key, got)
    tally.turns = len(key) + len(got)
    tally.matched = tally.aligned = len(pairs)
    tally.kinds = sum(1 for i, j in pairs if key[i][0] == got[j][0])
    if tally.matched * 2 < tally.turns * 0.9:
        tally.problems.append(f"{name}: speakers {tally.matched} of key {len(key)}/got {len(got)}")
        missed = sorted(set(range(len(key))) - {i for i, _ in pairs})[:5]
        for i in missed:
            tally.problems.append(f"{name}:   key turn {i} {key[i][2]!r} unmatched")
    body = _body_lines(document)
    chrome = [" ".join(str(line).split()) for line in entry.get("chrome") or []]
    tally.chrome = len(chrome)
    for line in chrome:
        if line and any(line == text or (len(line) > 20 and line in text) for text in body):
            tally.leaked += 1
            tally.problems.append(f"{name}: chrome leaked: {line[:70]!r}")
    return tally


def score(corpus: Path, show: Sequence[str] = ()) -> dict[str, Any]:
    config = load_config()
    sources: dict[str, Any] = {}
    totals = {"development": Tally(), "held out": Tally()}
    for key_file in sorted((corpus / "keys").glob("*.yaml")):
        key = yaml.safe_load(key_file.read_text(encoding="utf-8"))
        source = key["source"]
        library = Library.load(corpus / "docs" / source, config)
        by_path = {document.path.name: document for document in library.documents}
        tally = Tally()
        for entry in key["documents"]:
            result = score_document(entry, by_path.get(Path(entry["file"]).name))
            tally.add(result)
            tally.problems.extend(result.problems)
        held_out = bool(key.get("held_out"))
        totals["held out" if held_out else "development"].add(tally)
        sources[source] = {"held_out": held_out, **tally.figures()}
        if source in show and not held_out:
            for problem in tally.problems:
                print(f"  {source}: {problem}", file=sys.stderr)
    return {
        "sources": sources,
        "totals": {name: tally.figures() for name, tally in totals.items()},
    }


COLUMNS = ("documents", "dates", "speakers", "kinds", "titles", "chrome_leaked")


def table(result: dict[str, Any], held_out: bool) -> str:
    rows = [("source", *COLUMNS)]

    def cells(name: str, figures: dict[str, Any]) -> tuple[str, ...]:
        values = []
        for column in COLUMNS:
            value = figures[column]
            if column == "chrome_leaked":
                values.append(f"{value}/{figures['chrome_lines']}")
            elif isinstance(value, float):
                values.append(f"{value:.1f}%")
            else:
                values.append("-" if value is None else str(value))
        return (name, *values)

    for kept in (False, True) if held_out else (False,):
        for name, figures in result["sources"].items():
            if figures["held_out"] is kept:
                rows.append(cells(name + (" (held out)" if kept else ""), figures))
    for name, figures in result["totals"].items():
        if held_out or name == "development":
            rows.append(cells(f"TOTAL {name}", figures))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", nargs="*", default=(), help="print these sources' differences")
    parser.add_argument(
        "--held-out", action="store_true", help="print the held-out sources' figures too"
    )
    args = parser.parse_args()
    result = score(args.corpus, args.show)
    if not args.held_out:
        result["sources"] = {n: f for n, f in result["sources"].items() if not f["held_out"]}
        del result["totals"]["held out"]
    print(json.dumps(result, indent=2) if args.json else table(result, args.held_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
