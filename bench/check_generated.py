"""Does the parser read the synthetic corpus as it was written?

    python bench/check_generated.py [--docs 50] [--seed 0] [--verbose]

Generates the documents into a temporary folder, runs `python -m tui check
DIR --json` on it, and compares every file with what `gen_corpus.build` says it
holds: format, date, place, paragraphs, questions, warnings and dropped lines
from the check report; the exact turn sequence (kind, speaker, paragraphs) of
transcripts and interviews from the parsed library. Prints each mismatch, then
a count per kind of mismatch. Exit status 0 when everything matched, 1 if not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from _common import isolated_env
from gen_corpus import Expected, build, generate

from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document, TurnKind

EXPECTED_DROPS = frozenset({"page date", "language bar", "navigation"})


def check_report(folder: Path, home: Path) -> list[dict[str, Any]]:
    """What `dossier check DIR --json` says about every file of `folder`."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(folder), "--json"],
        capture_output=True,
        text=True,
        env=isolated_env(home),
        check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"dossier check failed ({result.returncode}): {result.stderr.strip()}")
    entries: list[dict[str, Any]] = json.loads(result.stdout)
    return entries


def _format_ok(expected: Expected, found: str | None) -> bool:
    if expected.layout == "article":
        return found == f"article (dateline, {expected.agency})"
    if expected.layout == "interview":
        return found is not None and ("Q:/A:" in found or "Question:/Answer:" in found)
    return found == "transcript (labels: Name:, Question:/Answer:)"


def summary_mismatches(expected: Expected, entry: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(kind, detail) for each field of the check report that is not as written."""
    if entry["error"] is not None:
        yield "error", entry["error"]
        return
    if not _format_ok(expected, entry["format"]):
        yield "format", f"{entry['format']!r} for a {expected.layout}"
    if entry["date"] != expected.date.isoformat():
        yield "date", f"{entry['date']} ({entry['date_source']}), wrote {expected.date}"
    if entry["place"] != expected.place:
        yield "place", f"{entry['place']!r}, wrote {expected.place!r}"
    if entry["paragraphs"] != expected.paragraphs:
        yield "paragraphs", f"{entry['paragraphs']}, wrote {expected.paragraphs}"
    if expected.turns is not None:
        questions = sum(1 for turn in expected.turns if turn.kind is TurnKind.QUESTION)
        if entry["questions"] != questions:
            yield "questions", f"{entry['questions']}, wrote {questions}"
    if expected.speaker not in entry["speakers"]:
        yield "speaker", f"{expected.speaker!r} not among {entry['speakers']}"
    for warning in entry["warnings"]:
        yield "warning", warning
    for dropped in entry["dropped"]:
        if dropped["reason"] not in EXPECTED_DROPS:
            yield (
                f"dropped ({dropped['reason']})",
                f"line {dropped['line']}: {dropped['text'][:70]!r}",
            )


def turn_mismatches(expected: Expected, document: Document) -> Iterator[tuple[str, str]]:
    """The first turn that differs from the one written, for labelled layouts."""
    if expected.turns is None:
        headings = sum(1 for turn in document.turns if turn.kind is TurnKind.HEADING)
        if headings != expected.headings:
            yield "headings", f"{headings}, wrote {expected.headings}"
        return
    found = [(t.kind, t.speaker, len(t.paragraphs)) for t in document.turns]
    wrote = [(t.kind, t.speaker, t.paragraphs) for t in expected.turns]
    for index, (got, want) in enumerate(zip(found, wrote, strict=False)):
        if got != want:
            kind = "turn speaker" if got[0] is want[0] and got[2] == want[2] else "turn"
            yield kind, f"turn {index}: {_turn(got)}, wrote {_turn(want)}"
            return
    if len(found) != len(wrote):
        yield "turn count", f"{len(found)} turns, wrote {len(wrote)}"


def _turn(turn: tuple[TurnKind, str | None, int]) -> str:
    kind, speaker, paragraphs = turn
    return f"{kind.value} by {speaker or '-'} ({paragraphs} ¶)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50, metavar="N", help="how many (default 50)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument(
        "--verbose", action="store_true", help="print every mismatch, not the first 40"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dossier-check-") as temp:
        folder, home = Path(temp) / "corpus", Path(temp) / "home"
        generate(folder, args.docs, args.seed)
        entries = {entry["id"]: entry for entry in check_report(folder, home)}
        library = Library.load(folder, load_config())
    documents = {document.id: document for document in library.documents}
    kinds: Counter[str] = Counter()
    layouts: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    lines: list[str] = []
    for index in range(args.docs):
        synthetic = build(index, args.seed)
        doc_id = Path(synthetic.name).stem
        expected = synthetic.expected
        layouts[expected.layout] += 1
        problems = list(summary_mismatches(expected, entries[doc_id]))
        if doc_id in documents:
            problems += turn_mismatches(expected, documents[doc_id])
        if problems:
            failed[expected.layout] += 1
        for kind, detail in problems:
            kinds[kind] += 1
            lines.append(f"{synthetic.name} [{expected.layout}] {kind}: {detail}")
    shown = lines if args.verbose else lines[:40]
    print("\n".join(shown))
    if len(shown) < len(lines):
        print(f"... {len(lines) - len(shown)} more (--verbose prints all)")
    total_failed = sum(failed.values())
    print(f"\n{args.docs - total_failed}/{args.docs} documents parsed as written")
    for layout, count in sorted(layouts.items()):
        print(f"  {layout:<10} {count - failed[layout]:>5}/{count} as written")
    for kind, count in kinds.most_common():
        print(f"  {count:>5}  {kind}")
    return 0 if total_failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
