"""The `dossier` command: the TUI, and scriptable subcommands that print text or JSON."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

# Only what a start of the reader and the argument parser need is imported here; a
# subcommand imports the rest of what it uses itself (the index, the study views).
from tui import __version__
from tui.collector import hold_until_shown, keep, tuned
from tui.corpus import resources
from tui.corpus.cache import DocumentCache
from tui.corpus.clean import json_text, visible
from tui.corpus.config import (
    Config,
    default_notes_path,
    load_config,
    log_path,
    user_config_path,
)
from tui.corpus.files import folder_problem
from tui.corpus.library import Library, one_line, small_folder
from tui.corpus.model import Document
from tui.corpus.notes import Kind, Note, new_id, parse_tags
from tui.corpus.state import NO_STATE_ENV, StateFile, state_disabled, state_path
from tui.corpus.store import NotesSaveError, NotesStore
from tui.corpus.syntax import QUERY_HELP, KwicOrder
from tui.log import open_log
from tui.words import counted

if TYPE_CHECKING:
    from tui.corpus.search import SearchIndex

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2
FRAME_RATE = 120
"""Frames a second at most (Textual's TEXTUAL_FPS, 60 by default), unless the user set
it. Keys that come together (a burst over SSH, `j` and Enter typed fast) are drawn in
two frames when the first one's frame is already due, and the second then waits for
Textual's next frame slot: at 120 a second `j` and Enter switch documents in 32 ms
rather than 40 (bench/switch.py)."""


AMBIGUOUS_SHOWN = 5
"""Ids listed when a prefix names several documents."""


class UsageError(Exception):
    """Bad usage or input: a one-line message and exit status 2."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    for flag, metavar, help_text in (
        (
            "--corpus",
            "DIR",
            "folder of transcripts (default: $DOSSIER_CORPUS, config, bundled seeds)",
        ),
        ("--config", "FILE", f"config file (default: $DOSSIER_CONFIG or {user_config_path()})"),
        ("--notes", "FILE", "notes file (default: $DOSSIER_NOTES, config, or the data folder)"),
    ):
        # SUPPRESS: an option given before the subcommand is not reset by the
        # subcommand's own copy of it.
        common.add_argument(
            flag, type=Path, metavar=metavar, default=argparse.SUPPRESS, help=help_text
        )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print one JSON document")

    parser = argparse.ArgumentParser(
        prog="dossier",
        parents=[common],
        description="A keyboard-driven reader for meeting transcripts. "
        "Without a command, opens the reader.",
        epilog="Exit status: 0 success, 1 nothing found (or a file failed in check), "
        f"2 bad usage or input. The reader logs warnings and errors to {log_path()}.",
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument(
        "--no-state",
        action="store_true",
        help="start the reader without reading or writing the reading places and past "
        f"queries in {state_path()} (also ${NO_STATE_ENV}=1)",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="open the reader comparing documents A and B side by side",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("list", parents=[common, as_json], help="list documents in sidebar order")
    show = commands.add_parser("show", parents=[common, as_json], help="print one document")
    show.add_argument(
        "id", metavar="ID", help="document id (file name without extension), or its start"
    )
    check = commands.add_parser(
        "check", parents=[common, as_json], help="report how every file of a folder was parsed"
    )
    check.add_argument(
        "dir", metavar="DIR", nargs="?", type=Path, help="folder to check (default: the corpus)"
    )
    check.add_argument(
        "--summary",
        action="store_true",
        help="with --json: print {files: [...], summary: {...}}, the summary the text ends with",
    )
    search = commands.add_parser(
        "search",
        parents=[common, as_json],
        help="search every paragraph (typos tolerated; filters such as speaker:, year:)",
        description=f"Query language: {QUERY_HELP}",
    )
    search.add_argument("query", metavar="QUERY", nargs="?", help="the query (quote it)")
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N results (default 20)"
    )
    search.add_argument(
        "--stdin", action="store_true", help="read one query a line; print one JSON line per query"
    )
    compare = commands.add_parser(
        "compare",
        parents=[common, as_json],
        help="pair what two meetings said about the same things",
        description="Pairs the exchanges (a question and its answers) and other turns of "
        "two documents by shared topics and similar words; prints the pairs, their topics "
        "and similarity, and what stayed unpaired. Exit status 1 when nothing pairs.",
    )
    compare.add_argument("left", metavar="A", help="document id (or its start) shown on the left")
    compare.add_argument("right", metavar="B", help="document id (or its start) shown on the right")
    _study_parsers(commands, common, as_json)
    _notes_parser(commands, common, as_json)
    return parser


def _study_parsers(
    commands: Any, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser
) -> None:
    commands.add_parser(
        "timeline",
        parents=[common, as_json],
        help="paragraphs on each topic in each meeting, by date",
    )
    kwic = commands.add_parser(
        "kwic",
        parents=[common, as_json],
        help="every occurrence of a word or phrase, centred, with its context",
        description="TERM is a word or phrase (exact words, any case) and may carry the "
        "search filters: speaker:, topic:, kind:, year:, after:, before:, doc:.",
    )
    kwic.add_argument("term", metavar="TERM", help="word or phrase, with filters (quote it)")
    kwic.add_argument(
        "--sort",
        choices=[order.value for order in KwicOrder],
        default="date",
        help="date (corpus order, default), speaker, left or right context",
    )
    kwic.add_argument(
        "--width", type=int, default=40, metavar="N", help="context characters on each side"
    )
    commands.add_parser(
        "speakers",
        parents=[common, as_json],
        help="everyone who speaks: turns, meetings, top topics",
    )


def _notes_parser(
    commands: Any, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser
) -> None:
    notes = commands.add_parser(
        "notes",
        parents=[common],
        help="list, add, export or recover notes and bookmarks",
        description="Notes and bookmarks, from the notes file (see --notes).",
    )
    actions = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", parents=[common, as_json], help="every note and bookmark, with its anchor status"
    )
    listing.add_argument("--tag", metavar="T", help="only notes with this tag")
    add = actions.add_parser("add", parents=[common, as_json], help="add a note to a paragraph")
    add.add_argument("doc", metavar="DOC", help="document id or its start (see dossier list)")
    add.add_argument("paragraph", metavar="PARA", type=int, help="paragraph index (as in show)")
    add.add_argument("text", metavar="TEXT", help="the note ('-' reads it from stdin)")
    add.add_argument("--quote", metavar="Q", help="the words of the paragraph it is about")
    add.add_argument("--tag", metavar="T", action="append", default=[], help="a tag (repeatable)")
    export = actions.add_parser(
        "export", parents=[common], help="every note with its citation, grouped by meeting"
    )
    export.add_argument(
        "--format", choices=("md", "json"), default="md", help="md (default) or json"
    )
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE")
    actions.add_parser(
        "recover",
        parents=[common],
        help="merge the notes an earlier session could not save (its recovery files)",
    )


def _settings(args: argparse.Namespace) -> tuple[Config, Path]:
    config = load_config(getattr(args, "config", None))
    corpus = getattr(args, "corpus", None)
    if corpus is None and os.environ.get("DOSSIER_CORPUS"):
        corpus = Path(os.environ["DOSSIER_CORPUS"])
    corpus = corpus or config.corpus or resources.seeds_dir()
    if folder_problem(corpus) is not None:
        raise UsageError(f"corpus folder not found: {corpus}")
    return config, corpus.expanduser()


def _notes_path(args: argparse.Namespace, config: Config) -> Path:
    path: Path | None = getattr(args, "notes", None)
    if path is None and os.environ.get("DOSSIER_NOTES"):
        path = Path(os.environ["DOSSIER_NOTES"])
    return (path or config.notes_file or default_notes_path()).expanduser()


def _open_notes(args: argparse.Namespace, config: Config) -> NotesStore:
    store = NotesStore(_notes_path(args, config))
    store.load()
    for warning in store.warnings:
        print(f"dossier: {store.path}: {warning}", file=sys.stderr)
    if args.notes_command != "recover":
        for path in store.recovery_files():
            print(
                f"dossier: notes an earlier session could not save are in {path}: "
                "`dossier notes recover` merges them",
                file=sys.stderr,
            )
    return store


def _warn(config: Config, library: Library | None = None) -> None:
    _say_warnings(config.warnings)
    if library is not None:
        _say_warnings(library.corrections.warnings)
    for error in library.errors if library else ():
        print(f"dossier: skipped {one_line(str(error.path))}: {error.reason}", file=sys.stderr)


def _say_warnings(warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"dossier: warning: {warning}", file=sys.stderr)


def _load(folder: Path, config: Config) -> Library:
    """The documents of `folder`, read through the cache (which says once on stderr
    when it cannot be used)."""
    cache = DocumentCache.for_folder(folder, config)
    library = Library.load(folder, config, cache)
    keep()
    cache.close()
    if cache.problem is not None:
        print(f"dossier: warning: {cache.problem}", file=sys.stderr)
    return library


def _index(library: Library) -> SearchIndex:
    """The library's search index, kept beside the cache and brought up to date."""
    from tui.corpus.search import cached_index

    cache = DocumentCache.for_folder(library.folder, library.config)
    try:
        index = cached_index(library, cache)
    finally:
        cache.close()
    keep()
    if index.problem is not None:
        print(f"dossier: warning: search index not kept: {index.problem}", file=sys.stderr)
    return index


def _print_json(data: Any) -> None:
    sys.stdout.write(json_text(data, indent=2) + "\n")


class _Visible:
    """A text stream that shows the characters a terminal would act on (file names,
    notes written by hand) as placeholders; see `visible`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(visible(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        return _guarded(_run_tui, args)
    # Everything a subcommand prints passes `visible`: outside text (a file name with an
    # escape sequence in it, a note edited by hand) never reaches the terminal raw.
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(sys.stdout), _Visible(sys.stderr)
    try:
        with tuned():
            return _guarded(_run_command, args)
    finally:
        sys.stdout, sys.stderr = streams


def _guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return run(args)
    except UsageError as error:
        print(f"dossier: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `dossier list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return EXIT_OK


def _run_command(args: argparse.Namespace) -> int:
    config, folder = _settings(args)
    if args.command == "check":
        folder = args.dir or folder
        if folder_problem(folder) is not None:
            raise UsageError(f"not a folder: {folder}")
    library = _load(folder, config)
    try:
        return _command(library, args)
    finally:
        library.close()  # its connection to the cache, opened to decode documents


def _command(library: Library, args: argparse.Namespace) -> int:
    config = library.config
    if args.command == "check":
        _warn(config)
        return _check(library, args.json, args.summary)
    _warn(config, library)
    if args.command == "list":
        return _list(library, args.json)
    if args.command == "search":
        return _search(library, args)
    if args.command == "timeline":
        return _timeline(library, args.json)
    if args.command == "kwic":
        return _kwic(library, args)
    if args.command == "speakers":
        return _speakers(library, args.json)
    if args.command == "notes":
        return _notes(library, _open_notes(args, config), args)
    if args.command == "compare":
        return _compare(library, args.left, args.right, args.json)
    return _show(library, args.id, args.json)


def _run_tui(args: argparse.Namespace) -> int:
    if not (sys.stdout.isatty() and sys.stdin.isatty()) or os.environ.get("TERM") == "dumb":
        print(
            "dossier: the reader needs an interactive terminal (stdin and stdout a TTY, "
            "TERM not 'dumb').\nFor scripts use the subcommands: dossier list, show ID, "
            "check [DIR] (see dossier --help).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    config, corpus = _settings(args)
    open_log(log_path())  # before the parse: a parser failure is logged with its traceback
    cache = DocumentCache.for_folder(corpus, config)
    # A small folder is read before the first frame; a large one, or one with a
    # huge file, is read by the app, which lists the documents as they come.
    # `--compare` needs its two at once.
    read_now = bool(args.compare) or small_folder(corpus)
    library = (
        Library.load(corpus, config, cache) if read_now else Library(corpus, config, cache=cache)
    )
    compare = tuple(_document(library, doc_id).id for doc_id in args.compare or ())
    notes = NotesStore(_notes_path(args, config))
    notes.load()
    hold_until_shown()
    os.environ.setdefault("TEXTUAL_FPS", str(FRAME_RATE))  # read when Textual is imported
    from tui.app import DossierApp  # Textual is imported only when the TUI runs.

    DossierApp(
        library,
        config,
        notes,
        compare=(compare[0], compare[1]) if compare else None,
        cache=cache,
        load=not read_now,
        state=None if state_disabled(args.no_state) else StateFile(state_path()),
    ).run()
    library.close()
    cache.close()
    return EXIT_OK


def _list(library: Library, as_json: bool) -> int:
    from tui.corpus.export import list_entry

    if as_json:
        _print_json([list_entry(summary) for summary in library.summaries])
    else:
        for summary in library.summaries:
            print(
                f"{summary.date.iso or 'undated':10}  {(summary.place or '-'):12.12}  "
                f"{summary.turns:3} turns {summary.questions:2} q  {summary.id}  "
                f"{summary.short_title[:60]}"
            )
    return EXIT_OK if library.summaries else EXIT_NOTHING


def _show(library: Library, doc_id: str, as_json: bool) -> int:
    from tui.corpus.export import show_entry

    document = _document(library, doc_id)
    if as_json:
        _print_json(show_entry(document, library.corrections))
        return EXIT_OK
    print(document.title)
    print(
        f"{document.date.iso or 'undated'} ({document.date.confidence.value}: "
        f"{document.date.source}) · {document.place or 'place unknown'} · {document.source_kind}"
    )
    print(f"Speakers: {', '.join(document.speakers) or 'none named'}")
    for fix in library.corrections.applied(document):
        print(f"Corrected {fix.describe()}")
    for turn in document.turns:
        who = turn.speaker or turn.label or "(unattributed)"
        note = f" ({turn.note})" if turn.note else ""
        print(f"\n[{turn.index}] {turn.kind.value.upper()} · {who}{note}")
        for paragraph in turn.paragraphs:
            topics = f"  [{', '.join(paragraph.topics)}]" if paragraph.topics else ""
            body = textwrap.fill(
                paragraph.text,
                width=100,
                initial_indent=f"  ¶{paragraph.index} ",
                subsequent_indent="      ",
            )
            print(body + topics)
    if document.dropped:
        print(f"\nDropped ({len(document.dropped)} lines):")
        for dropped in document.dropped:
            print(f"  line {dropped.line:4}  {dropped.reason:20}  {dropped.text[:70]}")
    return EXIT_OK


def _compare(library: Library, left_id: str, right_id: str, as_json: bool) -> int:
    from tui.corpus.compare import align, compare_entry, compare_text

    left, right = (_document(library, doc_id) for doc_id in (left_id, right_id))
    alignment = align(left, right, library.matcher)
    if as_json:
        _print_json(compare_entry(alignment))
    else:
        sys.stdout.write(compare_text(alignment))
    return EXIT_OK if alignment.pairs else EXIT_NOTHING


def _document(library: Library, doc_id: str) -> Document:
    """The document with this id, or the one whose id starts with it: `004` for
    `004_d48fa1d5f48169a7`, as `doc:004` does in search."""
    document = library.get(doc_id)
    if document is not None:
        return document
    matches = [d.id for d in library.summaries if d.id.startswith(doc_id)] if doc_id else []
    if len(matches) == 1:
        return library.by_id(matches[0])
    if matches:
        shown = ", ".join(matches[:AMBIGUOUS_SHOWN])
        more = (
            f" and {len(matches) - AMBIGUOUS_SHOWN} more" if len(matches) > AMBIGUOUS_SHOWN else ""
        )
        raise UsageError(f"{doc_id!r} is the start of {len(matches)} ids: {shown}{more}")
    raise UsageError(f"no document with id {doc_id!r} (see dossier list)")


def _check(library: Library, as_json: bool, with_summary: bool) -> int:
    from tui.corpus.export import check_entries, check_summary, speaker_turns, summary_text

    entries = check_entries(library)
    failed = any(entry["error"] for entry in entries)
    if as_json:
        _say_warnings(library.corrections.warnings)
        _print_json(
            {"files": entries, "summary": check_summary(library)} if with_summary else entries
        )
        return EXIT_NOTHING if failed else EXIT_OK
    by_id = {document.id: document for document in library.documents}
    for entry in entries:
        print(one_line(entry["path"]))
        if entry["error"]:
            print(f"  ERROR  {entry['error']} (skipped)")
            continue
        print(f"  format    {entry['format']} · {entry['source_kind']}")
        print(
            f"  date      {entry['date'] or 'none'} ({entry['date_confidence']}: {entry['date_source']})"
        )
        print(
            f"  turns     {entry['turns']} ({entry['questions']} questions), "
            f"{entry['paragraphs']} paragraphs"
        )
        document = by_id[entry["id"]]
        counts = speaker_turns(document)
        print("  speakers  " + (", ".join(f"{n} ({c})" for n, c in counts.items()) or "none named"))
        for fix in library.corrections.applied(document):
            print(f"  corrected {fix.describe()}")
        for warning in entry["warnings"]:
            print(f"  warning   {warning}")
        for dropped in entry["dropped"]:
            print(
                f"  dropped   line {dropped['line']}: {dropped['reason']}: {dropped['text'][:60]}"
            )
    print()
    sys.stdout.write(summary_text(check_summary(library)))
    return EXIT_NOTHING if failed else EXIT_OK


def _search(library: Library, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if args.stdin == (args.query is not None):
        raise UsageError("give either a QUERY or --stdin")
    if args.query is not None and not args.query.strip():
        raise UsageError("the query is empty: give a word, a phrase in quotes or a filter")
    index = _index(library)
    if args.stdin:
        for line in sys.stdin:
            answer = index.search(line.rstrip("\n"), limit=args.limit)
            record = {
                "query": line.rstrip("\n"),
                "ms": round(answer.seconds * 1000, 3),
                "results": [result.as_json() for result in answer.results],
            }
            sys.stdout.write(json_text(record) + "\n")
            sys.stdout.flush()
        return EXIT_OK
    answer = index.search(args.query, limit=args.limit)
    for hint in answer.query.hints:
        print(f"dossier: {hint}", file=sys.stderr)
    if args.json:
        _print_json([result.as_json() for result in answer.results])
    else:
        for result in answer.results:
            entry = result.entry
            who = f"{entry.speaker} ({entry.kind.value})" if entry.speaker else entry.kind.value
            print(
                f"{entry.date.isoformat() if entry.date else 'undated':10}  {entry.document.id} "
                f"¶{entry.paragraph}  {who}  score {result.score:.2f}"
            )
            print(f"    {_marked(result.snippet, result.spans)}")
        shown = len(answer.results)
        total = answer.total if answer.total is not None else shown  # counted: count=True
        more = f" (showing {shown})" if total > shown else ""
        found = counted(total, "paragraph")
        print(f"{found}{more} in {answer.seconds * 1000:.1f} ms", file=sys.stderr)
    return EXIT_OK if answer.results else EXIT_NOTHING


def _marked(snippet: str, spans: Sequence[Sequence[int]]) -> str:
    """The snippet with its matches in [[ ]] (plain text: no colour in pipes)."""
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], "[[", snippet[start:end], "]]"]
        last = end
    out.append(snippet[last:])
    return "".join(out)


def _timeline(library: Library, as_json: bool) -> int:
    from tui.corpus.study import timeline

    table = timeline(library.tallies(), [topic.name for topic in library.config.topics])
    if as_json:
        _print_json(table.as_json())
        return EXIT_OK
    width = max((len(name) for name in table.topics), default=5)
    dates = [(d.date.iso or "undated")[:7] for d in table.meetings]
    print(" " * width + "  " + " ".join(f"{date:>7}" for date in dates))
    for name, row in zip(table.topics, table.counts, strict=True):
        print(f"{name:<{width}}  " + " ".join(f"{count or '·':>7}" for count in row))
    return EXIT_OK if table.meetings else EXIT_NOTHING


def _kwic(library: Library, args: argparse.Namespace) -> int:
    if args.width < 1:
        raise UsageError("--width must be at least 1")
    from tui.corpus.study import concordance, sort_lines

    index = _index(library)
    found = concordance(index, args.term, context=args.width)
    for hint in found.hints:
        print(f"dossier: {hint}", file=sys.stderr)
    lines = sort_lines(found.lines, KwicOrder(args.sort))
    if args.json:
        _print_json([line.as_json() for line in lines])
    else:
        for line in lines:
            who = (line.speaker or line.kind.value)[:16]
            print(
                f"{line.date or 'undated':10} {who:16} {line.left:>{args.width}} "
                f"{line.match} {line.right:<{args.width}} {line.doc_id} ¶{line.paragraph}"
            )
        print(f"{counted(len(lines), 'occurrence')} of “{found.term}”", file=sys.stderr)
    return EXIT_OK if lines else EXIT_NOTHING


def _speakers(library: Library, as_json: bool) -> int:
    from tui.corpus.study import speakers

    everyone = speakers(library.tallies())
    if as_json:
        _print_json([speaker.as_json() for speaker in everyone])
    else:
        for speaker in everyone:
            print(
                f"{speaker.name:30} {speaker.turns:5} turns {speaker.meetings:4} meetings  "
                + ", ".join(speaker.top_topics)
            )
    return EXIT_OK if everyone else EXIT_NOTHING


def _notes(library: Library, store: NotesStore, args: argparse.Namespace) -> int:
    if args.notes_command == "add":
        return _add_note(library, store, args)
    if args.notes_command == "recover":
        return _recover_notes(store)
    from tui.corpus.anchor import AnchorStatus
    from tui.corpus.export import notes_entries, notes_markdown, placements

    placed = placements(store.entries(), library)
    if store.problem is not None:
        print(f"dossier: {store.describe_problem()}", file=sys.stderr)
        return EXIT_USAGE
    if args.notes_command == "export":
        if args.format == "json":
            text = json_text(notes_entries(placed), indent=2) + "\n"
        else:
            text = notes_markdown(placed, library)
        if args.output is None:
            sys.stdout.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
            print(
                f"dossier: wrote {len(placed)} notes and bookmarks to {args.output}",
                file=sys.stderr,
            )
        return EXIT_OK
    if args.tag:
        placed = [(note, where) for note, where in placed if args.tag in note.tags]
    if args.json:
        _print_json(notes_entries(placed))
    else:
        for note, where in placed:
            at = f"¶{where.paragraph}" if where.paragraph is not None else "orphaned"
            moved = f" ({where.why})" if where.status is not AnchorStatus.ANCHORED else ""
            tags = f"  #{' #'.join(note.tags)}" if note.tags else ""
            print(
                f"{note.id}  {note.kind:8}  {note.anchor.doc} {at}{moved}  {note.created[:10]}{tags}"
            )
            print(f"    “{_one_line(note.anchor.quote, 90)}”")
            if note.text:
                print(f"    {_one_line(note.text, 90)}")
    return EXIT_OK if placed else EXIT_NOTHING


def _add_note(library: Library, store: NotesStore, args: argparse.Namespace) -> int:
    from tui.corpus.anchor import anchor_for, place
    from tui.corpus.export import note_entry

    document = _document(library, args.doc)
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        anchor = anchor_for(document, args.paragraph, args.quote)
    except ValueError as error:
        raise UsageError(str(error)) from None
    tags = tuple(tag for value in args.tag for tag in parse_tags(value))
    try:
        note = store.add(Note(new_id(Kind.NOTE), Kind.NOTE, anchor, text.rstrip("\n"), tags))
        store.save()
    except NotesSaveError as error:
        raise UsageError(f"{error}{_kept_aside(store)}") from None
    entry = note_entry(note, place(note.anchor, document))
    if args.json:
        _print_json(entry)
    else:
        print(f"added note {note.id} on {document.id} ¶{anchor.paragraph} in {store.path}")
    return EXIT_OK


def _kept_aside(store: NotesStore) -> str:
    """Where the note that could not be saved was put: a recovery file, unless the
    notes file is one the user made read-only or one that cannot be read, where
    nothing is written."""
    if store.read_only or store.write_protected or not store.dirty:
        return ""
    try:
        path = store.write_recovery(store.unsaved())
    except NotesSaveError as error:
        return f"; {error}"
    return f"; the note is in {path} (`dossier notes recover` merges it)"


def _recover_notes(store: NotesStore) -> int:
    if store.problem is not None:
        raise UsageError(store.describe_problem())
    if not store.recovery_files():
        print(f"dossier: no recovery files beside {store.path}", file=sys.stderr)
        return EXIT_NOTHING
    try:
        recovered = store.recover()
    except NotesSaveError as error:
        raise UsageError(f"{error}; the recovery files stay where they are") from None
    for problem in recovered.problems:
        print(f"dossier: {problem} (left where it is)", file=sys.stderr)
    for path in recovered.files:
        print(f"merged {path}")
    print(f"{recovered.entries} notes and bookmarks merged into {store.path}")
    return EXIT_OK if recovered.files else EXIT_NOTHING


def _one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
