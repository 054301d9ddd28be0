"""Search engines on disk against dossier's index (issue 22): today's in-memory
`SearchIndex`, tantivy and SQLite FTS5, on the same paragraphs of a generated corpus.

    python bench/engines.py [--docs 1000 10000] [--engines today tantivy ...]
                            [--seed 0] [--work /tmp/dossier-engines] [--no-quality]

Engines (each built and queried in a process of its own, one at a time):

- `today`: dossier's `SearchIndex` (since the port: tantivy on disk beside the
  document cache, fed dossier's expansion, as `tantivy-rf`); opened as dossier opens
  it warm (documents from the cache, then the index); an update is the index opened
  again with one document changed, removed, added.
- `tantivy`: tantivy's own typo tolerance: each query word is its exact term
  (BM25) or, at a constant score, a fuzzy term with prefix (Levenshtein automaton
  over the term dictionary: 0 edits under 4 letters, 1 under 8, else 2).
- `tantivy-rf`: tantivy fed dossier's own expansion of each word (exact, alias
  spellings, the 8 commonest words it starts, RapidFuzz over the vocabulary),
  each variant a term query boosted by its similarity, the best one counting.
- `fts5`: SQLite FTS5 (contentless), each word `"w"*` (prefix) OR its alias
  spellings OR the words RapidFuzz finds in the vocabulary; ranked by bm25().
- `fts5-rf`: FTS5 fed dossier's expansion (no `*`), ranked by bm25().

The vocabulary RapidFuzz reads (the `-rf` engines, `fts5`) is loaded after the
index opens: tantivy's term dictionary, or a `words` table beside FTS5 that
`fts5vocab` fills at build and the updates keep. Every engine indexes dossier's
folded words (`folded_words`), so the vocabularies are the same.

Prints per engine: build time, size on disk, peak RSS of the build; open time and
RSS in a fresh process (and the vocabulary's load); p50/p95/max per keystroke of
bench/search.py's queries typed one key at a time (50 results with their text);
`"of the"` and a filtered query with their counts; the time to update the index
for one changed, one added and one removed document (commit, reader reopened);
the top-10 overlap with today's index; then the quality cases of
tests/unit/test_search_quality.py run through each engine on the seeds.
Scratch data (corpora, rows, indexes) stays in `--work`, reused across runs.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import marshal
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT = 50
"""Results a keystroke asks for, each with its paragraph text."""
TIED = 200_000
"""Results of today's exact ranking read to find those tied with its tenth."""
PASSES = 2
"""Times the keystrokes are typed; the figures are of the pass with the lower p95
(the machine is shared: one pass can be slowed by a neighbour)."""
CHUNK = 20_000
"""Rows per marshal chunk of the rows file, so that no build holds them all."""
NO_DATE = dt.date.max.toordinal() + 1
PHRASE = '"of the"'
FILTERED = "speaker:Lavrov year:2020 Karabakh"
FUZZY_SCORE = 1.0
"""What a word found only by tantivy's fuzzy automaton adds to a paragraph's score
(an exact word adds its BM25 weight, 2 to 10 for a word that is not common)."""
ENGINES = ("today", "tantivy", "tantivy-rf", "fts5", "fts5-rf")

Row = tuple[str, int, int, str, str, int, tuple[str, ...], str]
"""doc id, paragraph, turn, speaker ('' for none), kind, date ordinal, topics, text."""


# --- process figures ------------------------------------------------------------------


def status(field: str) -> int:
    """A field of /proc/self/status in bytes (VmRSS now, VmHWM the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


class PrivatePeak:
    """The peak of RssAnon (memory of the process's own, not pages of mapped files,
    which VmHWM counts too: tantivy's and SQLite's index files are mapped), sampled
    every 10 ms in a thread."""

    def __init__(self) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, status("RssAnon"))
            self._stop.wait(0.01)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return max(self.peak, status("RssAnon"))


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(function: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - started, value


# --- the corpus as rows ---------------------------------------------------------------


def document_rows(document: Any) -> list[Row]:
    date = document.date.value
    ordinal = date.toordinal() if date else NO_DATE
    return [
        (
            document.id,
            paragraph.index,
            turn.index,
            turn.speaker or "",
            turn.kind.value,
            ordinal,
            tuple(paragraph.topics),
            paragraph.text,
        )
        for turn in document.turns
        for paragraph in turn.paragraphs
    ]


def library_meta(documents: Iterable[Any], config: Any) -> dict[str, Any]:
    """What the filters and the alias spellings need, as `SearchIndex` makes it: each
    speaker's folded aliases, the topics' names, the word-by-word alias spellings."""
    from tui.corpus.letters import fold
    from tui.corpus.search import SearchIndex

    speakers: dict[str, str] = {}
    for document in documents:
        for speaker in document.speakers:
            if speaker not in speakers:
                speakers[speaker] = " | ".join(fold(n) for n in config.aliases_of(speaker))
    spellings = SearchIndex._alias_spellings(config)
    return {
        "speakers": speakers,
        "topics": [topic.name for topic in config.topics],
        "spellings": {word: sorted(others) for word, others in spellings.items()},
    }


def write_rows(path: Path, documents: Iterable[Any]) -> int:
    count = 0
    chunk: list[Row] = []
    with path.open("wb") as out:
        for document in documents:
            chunk.extend(document_rows(document))
            if len(chunk) >= CHUNK:
                marshal.dump(chunk, out)
                count += len(chunk)
                chunk = []
        if chunk:
            marshal.dump(chunk, out)
            count += len(chunk)
    return count


def read_rows(path: Path) -> Iterator[list[Row]]:
    with path.open("rb") as source:
        while True:
            try:
                yield marshal.load(source)
            except EOFError:
                return


class Paths:
    def __init__(self, work: Path, docs: int) -> None:
        self.corpus = work / f"corpus-{docs}"
        self.rows = work / f"rows-{docs}.marshal"
        self.meta = work / f"meta-{docs}.json"
        self.updates = work / f"updates-{docs}.marshal"
        self.cache = work / f"cache-{docs}.sqlite"
        self.today_top = work / f"today-top-{docs}.json"
        self.indexes = work / f"indexes-{docs}"


# --- the query, planned as dossier plans it ----------------------------------------------


class Vocabulary:
    """The folded words of an index with the number of paragraphs holding each, for
    RapidFuzz and the prefix variants, as `SearchIndex` keeps them."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.sorted = sorted(counts)
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for word in self.sorted:
            by_length[len(word)].append(word)
        self.by_length = dict(by_length)

    def add(self, counts: Counter[str]) -> None:
        """Paragraph counts gained (or lost, negative) by an update."""
        for word, change in counts.items():
            if word not in self.counts:
                bisect.insort(self.sorted, word)
                bisect.insort(self.by_length.setdefault(len(word), []), word)
                self.counts[word] = 0
            self.counts[word] += change

    def expand(self, term: str, spellings: dict[str, list[str]]) -> dict[str, float]:
        """`SearchIndex._match_term`: the variants of a query word with their
        similarity (exact and alias spellings 1, prefix 0.85 or 0.6, fuzzy 0.2-0.8)."""
        from rapidfuzz import fuzz, process

        from tui.corpus.search import MAX_FUZZY_VARIANTS, MAX_PREFIX_VARIANTS, fuzzy_cutoff

        variants: dict[str, float] = {}
        if self.counts.get(term, 0) > 0:
            variants[term] = 1.0
        for other in spellings.get(term, ()):
            if self.counts.get(other, 0) > 0:
                variants[other] = 1.0
        start = bisect.bisect_left(self.sorted, term)
        prefixed = []
        for word in self.sorted[start : start + 200]:
            if not word.startswith(term):
                break
            prefixed.append(word)
        prefixed.sort(key=lambda word: self.counts[word], reverse=True)
        for word in prefixed[: MAX_PREFIX_VARIANTS if len(term) > 1 else 0]:
            if self.counts[word] > 0:
                variants.setdefault(word, 0.85 if len(term) >= 3 else 0.6)
        for word, similarity in self.fuzzy(term, fuzz, process, fuzzy_cutoff, MAX_FUZZY_VARIANTS):
            variants.setdefault(word, similarity)
        return variants

    def fuzzy(
        self, term: str, fuzz: Any, process: Any, cutoff_of: Any, most: int
    ) -> list[tuple[str, float]]:
        if len(term) < 4:
            return []
        cutoff = cutoff_of(term)
        found = []
        for length in range(len(term) - 2, len(term) + 3):
            found += process.extract(
                term,
                self.by_length.get(length, ()),
                scorer=fuzz.ratio,
                score_cutoff=cutoff,
                limit=most,
            )
        found.sort(key=lambda item: item[1], reverse=True)
        return [
            (word, 0.2 + 0.6 * (score - cutoff) / (100 - cutoff))
            for word, score, _ in found[:most]
            if self.counts[word] > 0
        ]


class Plan:
    """A query as every engine needs it: parsed by dossier's `parse_query`, its
    speaker and topic filters resolved to names as `SearchIndex` resolves them."""

    def __init__(self, text: str, meta: dict[str, Any]) -> None:
        from rapidfuzz import fuzz

        from tui.corpus.letters import fold
        from tui.corpus.search import parse_query

        self.query = query = parse_query(text)
        self.speakers: list[str] | None = None
        self.topics: list[str] | None = None
        if query.speaker:
            needle = fold(query.speaker)
            keys: dict[str, str] = meta["speakers"]
            self.speakers = [s for s, key in keys.items() if needle in key] or [
                s for s, key in keys.items() if fuzz.partial_ratio(needle, key) >= 85
            ]
        if query.topic:
            needle = fold(query.topic)
            names: list[str] = meta["topics"]
            self.topics = [n for n in names if needle in fold(n)] or [
                n for n in names if fuzz.partial_ratio(needle, fold(n)) >= 80
            ]
        self.low = query.after.toordinal() if query.after else None
        self.high = min(query.before.toordinal(), NO_DATE - 1) if query.before else None
        if self.low is not None and self.high is None:
            self.high = NO_DATE - 1
        self.doc = fold(query.doc) if query.doc else None

    @property
    def nothing(self) -> bool:
        return self.query.is_empty or self.speakers == [] or self.topics == []


# --- engines --------------------------------------------------------------------------

Key = tuple[str, int]
Answer = tuple[list[Key], int]
"""The best paragraphs (doc id, paragraph), and how many matched."""


class Today:
    """dossier's own index (`cached_index`): tantivy on disk beside the document cache,
    fed dossier's expansion of each word."""

    name = "today"

    def __init__(self, paths: Paths) -> None:
        self.paths = paths

    def _library(self) -> tuple[Any, Any]:
        from tui.corpus.cache import DocumentCache
        from tui.corpus.config import load_config
        from tui.corpus.library import Library

        config = load_config()
        cache = DocumentCache(self.paths.cache, self.paths.corpus, config)
        return Library.load(self.paths.corpus, config, cache), cache

    def build(self) -> dict[str, Any]:
        from tui.corpus.search import cached_index

        library, cache = self._library()
        folder = cache.index_folder()
        shutil.rmtree(folder, ignore_errors=True)
        loaded = status("VmRSS")
        seconds, _ = timed(cached_index, library, cache)
        cache.close()
        return {
            "build_s": seconds,
            "size": folder_size(folder),
            "note": f"documents in memory before the build: {mib(loaded)}",
        }

    def open(self) -> dict[str, Any]:
        from tui.corpus.search import cached_index

        library_s, (library, cache) = timed(self._library)
        index_s, self.index = timed(cached_index, library, cache)
        self.library, self.cache = library, cache
        return {
            "open_s": library_s + index_s,
            "note": f"library {library_s:.2f} s + index {index_s:.2f} s",
        }

    def search(self, text: str, limit: int = LIMIT) -> Answer:
        answer = self.index.search(text, limit=limit)
        keys = [(r.entry.document.id, r.entry.paragraph) for r in answer.results]
        return keys, answer.total

    def update(self, updates: dict[str, Any]) -> dict[str, float]:
        """The index opened again, as the app opens it after `r`, with one document of
        another version (its rows deleted and written), gone, then back."""
        from tui.corpus.search import SearchIndex

        library, cache = self.library, self.cache
        documents, versions = list(library.documents), library.versions()
        changed = updates["changed_id"]

        def opened(shown: list[Any], known: dict[str, int]) -> Any:
            folder = cache.index_folder()
            return SearchIndex(shown, library.config, folder, known, cache.identity)

        another = {**versions, changed: versions[changed] + 1}
        without = [document for document in documents if document.id != changed]
        figures = {}
        figures["changed"], _ = timed(opened, documents, another)
        figures["removed"], _ = timed(opened, without, another)
        figures["added"], self.index = timed(opened, documents, versions)
        return figures


class Tantivy:
    def __init__(self, path: Path, meta: dict[str, Any], expanded: bool) -> None:
        self.path = path
        self.meta = meta
        self.expanded = expanded
        self.name = "tantivy-rf" if expanded else "tantivy"
        self.vocabulary: Vocabulary | None = None

    @staticmethod
    def schema() -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        # Dossier's folded words, joined by spaces: the whitespace tokenizer finds them.
        builder.add_text_field("words", stored=False, tokenizer_name="whitespace")
        builder.add_text_field("doc", stored=True, tokenizer_name="raw")
        builder.add_integer_field("paragraph", stored=True, indexed=False)
        builder.add_text_field("speaker", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("kind", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("topics", tokenizer_name="raw", index_option="basic")
        builder.add_integer_field("date", indexed=True, fast=True)
        builder.add_bytes_field("text", stored=True)
        return builder.build()

    def _document(self, row: Row) -> Any:
        import tantivy

        from tui.corpus.search import folded_words

        doc_id, paragraph, _turn, speaker, kind, date, topics, text = row
        document = tantivy.Document()
        document.add_text("words", " ".join(folded_words(text)))
        document.add_text("doc", doc_id)
        document.add_integer("paragraph", paragraph)
        if speaker:
            document.add_text("speaker", speaker)
        document.add_text("kind", kind)
        for topic in topics:
            document.add_text("topics", topic)
        document.add_integer("date", date)
        document.add_bytes("text", text.encode())
        return document

    def build(self, chunks: Iterable[list[Row]]) -> dict[str, Any]:
        import tantivy

        started = time.perf_counter()
        index = tantivy.Index(self.schema(), path=str(self.path))
        writer = index.writer(heap_size=256_000_000, num_threads=2)
        for chunk in chunks:
            for row in chunk:
                writer.add_document(self._document(row))
        writer.commit()
        writer.wait_merging_threads()
        seconds = time.perf_counter() - started
        index.reload()
        searcher = index.searcher()
        return {
            "build_s": seconds,
            "size": folder_size(self.path),
            "note": f"{searcher.num_docs:,} rows in {searcher.num_segments} segments",
        }

    def open(self) -> dict[str, Any]:
        import tantivy

        started = time.perf_counter()
        self.index = tantivy.Index.open(str(self.path))
        self.searcher = self.index.searcher()
        self.schema_ = self.index.schema
        return {"open_s": time.perf_counter() - started}

    def load_vocabulary(self) -> float:
        started = time.perf_counter()
        terms = self.searcher.terms_with_prefix("words", "")
        self.vocabulary = Vocabulary(dict(terms))
        return time.perf_counter() - started

    def _term(self, term: str) -> Any:
        from tantivy import Query

        schema = self.schema_
        if self.expanded:
            assert self.vocabulary is not None
            variants = self.vocabulary.expand(term, self.meta["spellings"])
            if not variants:
                return None
            return Query.disjunction_max_query(
                [
                    Query.boost_query(Query.term_query(schema, "words", word), similarity)
                    for word, similarity in variants.items()
                ]
            )
        exact = [Query.term_query(schema, "words", term)]
        exact += [
            Query.term_query(schema, "words", w) for w in self.meta["spellings"].get(term, ())
        ]
        if len(term) > 1:
            distance = 0 if len(term) < 4 else 1 if len(term) < 8 else 2
            fuzzy = Query.fuzzy_term_query(schema, "words", term, distance, True, True)
            exact.append(Query.const_score_query(fuzzy, FUZZY_SCORE))
        return Query.disjunction_max_query(exact)

    def search(self, text: str, limit: int = LIMIT) -> Answer:
        from tantivy import FieldType, Occur, Order, Query

        plan = Plan(text, self.meta)
        query = plan.query
        if plan.nothing:
            return [], 0
        schema = self.schema_
        clauses: list[tuple[Any, Any]] = []
        for term in query.terms:
            clause = self._term(term)
            if clause is None:
                return [], 0
            clauses.append((Occur.Must, clause))
        for phrase in query.phrases:
            words: list[Any] = phrase.split()
            single = len(words) == 1
            match = (
                Query.term_query(schema, "words", words[0])
                if single
                else Query.phrase_query(schema, "words", words)
            )
            clauses.append((Occur.Must, Query.const_score_query(match, 2.0)))
        filters = []
        if plan.speakers is not None:
            filters.append(Query.term_set_query(schema, "speaker", plan.speakers))
        if plan.topics is not None:
            filters.append(Query.term_set_query(schema, "topics", plan.topics))
        if query.kind is not None:
            filters.append(Query.term_query(schema, "kind", query.kind.value))
        if plan.doc is not None:
            filters.append(Query.regex_query(schema, "doc", re.escape(plan.doc) + ".*"))
        if plan.low is not None or plan.high is not None:
            filters.append(
                Query.range_query(schema, "date", FieldType.Integer, plan.low or 0, plan.high)
            )
        clauses += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters]
        for excluded in query.excluded:
            for word in excluded.split():
                clauses.append((Occur.MustNot, Query.term_query(schema, "words", word)))
        if not any(occur == Occur.Must for occur, _ in clauses):
            return [], 0
        boolean = Query.boolean_query(clauses)
        if query.terms:
            result = self.searcher.search(boolean, limit, count=True)
        else:  # filters and phrases only: corpus (date) order, as dossier lists them
            result = self.searcher.search(
                boolean, limit, count=True, order_by_field="date", order=Order.Asc
            )
        keys = []
        for _, address in result.hits:
            stored = self.searcher.doc(address)
            stored["text"][0].decode()  # what a result shows
            keys.append((stored["doc"][0], stored["paragraph"][0]))
        return keys, int(result.count)  # type: ignore[attr-defined]

    def update(self, updates: dict[str, Any]) -> dict[str, float]:
        from tui.corpus.search import folded_words

        figures: dict[str, float] = {}
        started = time.perf_counter()
        writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        figures["writer"] = time.perf_counter() - started
        for name, remove, rows in updates["operations"]:
            started = time.perf_counter()
            if remove:
                writer.delete_documents_by_term("doc", remove)
            for row in rows:
                writer.add_document(self._document(row))
            writer.commit()
            self.index.reload()
            self.searcher = self.index.searcher()
            if self.vocabulary is not None:
                self.vocabulary.add(Counter(w for row in rows for w in set(folded_words(row[7]))))
            figures[name] = time.perf_counter() - started
        writer.wait_merging_threads()
        return figures


class Fts5:
    def __init__(self, path: Path, meta: dict[str, Any], expanded: bool) -> None:
        self.path = path
        self.meta = meta
        self.expanded = expanded
        self.name = "fts5-rf" if expanded else "fts5"
        self.vocabulary: Vocabulary | None = None

    SCHEMA = """
        CREATE TABLE p (id INTEGER PRIMARY KEY, doc TEXT, paragraph INTEGER, turn INTEGER,
                        speaker TEXT, kind TEXT, date INTEGER, text TEXT);
        CREATE TABLE topic (id INTEGER, name TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(
            words, content='', tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
        CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'row');
        CREATE TABLE words (term TEXT PRIMARY KEY, docs INTEGER) WITHOUT ROWID;
    """
    INDEXES = """
        CREATE INDEX p_doc ON p (doc);
        CREATE INDEX p_date ON p (date);
        CREATE INDEX p_speaker ON p (speaker, date);
        CREATE INDEX p_kind ON p (kind, date);
        CREATE INDEX topic_name ON topic (name, id);
        CREATE INDEX topic_id ON topic (id);
    """

    def _insert(self, db: sqlite3.Connection, rows: list[Row], first: int) -> None:
        from tui.corpus.search import folded_words

        db.executemany(
            "INSERT INTO p VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (first + n, r[0], r[1], r[2], r[3] or None, r[4], r[5], r[7])
                for n, r in enumerate(rows)
            ],
        )
        db.executemany(
            "INSERT INTO topic VALUES (?, ?)",
            [(first + n, topic) for n, r in enumerate(rows) for topic in r[6]],
        )
        db.executemany(
            "INSERT INTO fts (rowid, words) VALUES (?, ?)",
            [(first + n, " ".join(folded_words(r[7]))) for n, r in enumerate(rows)],
        )

    def build(self, chunks: Iterable[list[Row]]) -> dict[str, Any]:
        started = time.perf_counter()
        db = sqlite3.connect(self.path, isolation_level=None)
        db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + self.SCHEMA)
        db.execute("BEGIN")
        first = 1
        for chunk in chunks:
            self._insert(db, chunk, first)
            first += len(chunk)
        db.execute("COMMIT")
        db.executescript(self.INDEXES)
        rows_s = time.perf_counter() - started
        db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        optimize_s = time.perf_counter() - started - rows_s
        vocab_started = time.perf_counter()
        db.execute("INSERT INTO words SELECT term, doc FROM vocab")
        vocab_s = time.perf_counter() - vocab_started
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        return {
            "build_s": time.perf_counter() - started,
            "size": folder_size(self.path),
            "note": f"rows {rows_s:.1f} s, optimize {optimize_s:.1f} s, "
            f"fts5vocab -> words {vocab_s:.1f} s",
        }

    def open(self) -> dict[str, Any]:
        started = time.perf_counter()
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA mmap_size=17179869184")
        self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return {"open_s": time.perf_counter() - started}

    def load_vocabulary(self) -> float:
        started = time.perf_counter()
        self.vocabulary = Vocabulary(dict(self.db.execute("SELECT term, docs FROM words")))
        return time.perf_counter() - started

    def _term(self, term: str) -> str | None:
        assert self.vocabulary is not None
        spellings = self.meta["spellings"]
        if self.expanded:
            variants = list(self.vocabulary.expand(term, spellings))
            if not variants:
                return None
            return "(" + " OR ".join(f'"{w}"' for w in variants) + ")"
        from rapidfuzz import fuzz, process

        from tui.corpus.search import MAX_FUZZY_VARIANTS, fuzzy_cutoff

        alternatives = [f'"{term}"*' if len(term) > 1 else f'"{term}"']
        alternatives += [f'"{w}"' for w in spellings.get(term, ())]
        fuzzy = self.vocabulary.fuzzy(term, fuzz, process, fuzzy_cutoff, MAX_FUZZY_VARIANTS)
        alternatives += [f'"{word}"' for word, _ in fuzzy if not word.startswith(term)]
        return "(" + " OR ".join(alternatives) + ")"

    def search(self, text: str, limit: int = LIMIT) -> Answer:
        plan = Plan(text, self.meta)
        query = plan.query
        if plan.nothing:
            return [], 0
        parts = []
        for term in query.terms:
            part = self._term(term)
            if part is None:
                return [], 0
            parts.append(part)
        parts += [f'"{phrase}"' for phrase in query.phrases]
        conditions: list[str] = []
        values: list[Any] = []
        if plan.speakers is not None:
            conditions.append(f"p.speaker IN ({','.join('?' * len(plan.speakers))})")
            values += plan.speakers
        if plan.topics is not None:
            conditions.append(
                f"p.id IN (SELECT id FROM topic WHERE name IN ({','.join('?' * len(plan.topics))}))"
            )
            values += plan.topics
        if query.kind is not None:
            conditions.append("p.kind = ?")
            values.append(query.kind.value)
        if plan.doc is not None:
            conditions.append("p.doc >= ? AND p.doc < ?")
            values += [plan.doc, plan.doc + "\U0010ffff"]
        if plan.low is not None or plan.high is not None:
            conditions.append("p.date BETWEEN ? AND ?")
            values += [plan.low or 0, plan.high]
        excluded = [f'"{w}"' for phrase in query.excluded for w in phrase.split()]
        if parts:
            match = " AND ".join(parts)
            if excluded:
                match = f"({match}) NOT ({' OR '.join(excluded)})"
            score = "bm25(fts)" if query.terms else "0"
            order = "score" if query.terms else "p.date"
            if conditions or not query.terms:
                where = " AND ".join(conditions) or "1"
                sql = (
                    "WITH hits AS MATERIALIZED (SELECT rowid AS id, "
                    f"{score} AS score FROM fts WHERE fts MATCH ?) "
                    "SELECT p.id, count(*) OVER () FROM hits JOIN p ON p.id = hits.id "
                    f"WHERE {where} ORDER BY {order} LIMIT ?"
                )
            else:
                sql = (
                    "SELECT rowid, count(*) OVER () FROM fts WHERE fts MATCH ? "
                    "ORDER BY rank LIMIT ?"
                )
            found = self.db.execute(sql, [match, *values, limit]).fetchall()
        elif conditions:
            if excluded:
                conditions.append("p.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
                values.append(" OR ".join(excluded))
            sql = (
                "SELECT p.id, count(*) OVER () FROM p "
                f"WHERE {' AND '.join(conditions)} ORDER BY p.date LIMIT ?"
            )
            found = self.db.execute(sql, [*values, limit]).fetchall()
        else:
            return [], 0
        ids = [row_id for row_id, _ in found]
        stored = {
            row_id: (doc, paragraph)
            for row_id, doc, paragraph, _text in self.db.execute(
                f"SELECT id, doc, paragraph, text FROM p WHERE id IN ({','.join('?' * len(ids))})",
                ids,
            )
        }
        return [stored[row_id] for row_id in ids], found[0][1] if found else 0

    def update(self, updates: dict[str, Any]) -> dict[str, float]:
        from tui.corpus.search import folded_words

        figures: dict[str, float] = {}
        db = self.db
        for name, remove, rows in updates["operations"]:
            started = time.perf_counter()
            gained: Counter[str] = Counter()
            db.execute("BEGIN IMMEDIATE")
            if remove:
                old = db.execute("SELECT id, text FROM p WHERE doc = ?", (remove,)).fetchall()
                for row_id, text in old:
                    found = folded_words(text)
                    gained.subtract(set(found))
                    db.execute(
                        "INSERT INTO fts (fts, rowid, words) VALUES ('delete', ?, ?)",
                        (row_id, " ".join(found)),
                    )
                db.execute(
                    "DELETE FROM topic WHERE id IN (SELECT id FROM p WHERE doc = ?)", (remove,)
                )
                db.execute("DELETE FROM p WHERE doc = ?", (remove,))
            first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM p").fetchone()[0]
            self._insert(db, rows, first)
            gained.update(w for row in rows for w in set(folded_words(row[7])))
            db.executemany(
                "INSERT INTO words VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + ?",
                [(word, change, change) for word, change in gained.items() if change],
            )
            db.execute("COMMIT")
            if self.vocabulary is not None:
                self.vocabulary.add(gained)
            figures[name] = time.perf_counter() - started
        return figures


def engine(name: str, paths: Paths, meta: dict[str, Any]) -> Any:
    if name == "today":
        return Today(paths)
    if name.startswith("tantivy"):
        return Tantivy(paths.indexes / name, meta, expanded=name.endswith("-rf"))
    if name.startswith("fts5"):
        return Fts5(paths.indexes / f"{name}.sqlite", meta, expanded=name.endswith("-rf"))
    raise SystemExit(f"unknown engine {name}")


# --- what each child process does ---------------------------------------------------------


def child_prepare(paths: Paths, docs: int, seed: int) -> dict[str, Any]:
    """Parse the corpus once (filling today's document cache), write its paragraphs
    as rows, the filters' names, and the three updates."""
    from bench.gen_corpus import build
    from tui.corpus.cache import DocumentCache
    from tui.corpus.config import load_config
    from tui.corpus.library import Library

    config = load_config()
    started = time.perf_counter()
    library = Library.load(paths.corpus, config, DocumentCache(paths.cache, paths.corpus, config))
    parse_s = time.perf_counter() - started
    rows = write_rows(paths.rows, library.documents)
    paths.meta.write_text(json.dumps(library_meta(library.documents, config)))
    documents = library.documents
    changed, removed = documents[len(documents) // 2], documents[len(documents) // 3]
    with tempfile.TemporaryDirectory(dir=paths.rows.parent) as folder:
        number = int(re.sub(r"\D", "", changed.path.name))
        (Path(folder) / changed.path.name).write_text(
            build(number, seed + 1).text, encoding="utf-8"
        )
        added = build(docs, seed)
        (Path(folder) / added.name).write_text(added.text, encoding="utf-8")
        fresh = {d.path.name: d for d in Library.load(Path(folder), config).documents}
    new_rows = [(changed.id, *row[1:]) for row in document_rows(fresh[changed.path.name])]
    operations = [
        ("changed", changed.id, new_rows),
        ("added", None, document_rows(fresh[added.name])),
        ("removed", removed.id, []),
    ]
    with paths.updates.open("wb") as out:
        marshal.dump({"operations": operations, "changed_id": changed.id}, out)
    return {"parse_s": parse_s, "rows": rows, "documents": len(documents)}


def child_build(name: str, paths: Paths) -> dict[str, Any]:
    sampler = PrivatePeak()
    meta = json.loads(paths.meta.read_text())
    chosen = engine(name, paths, meta)
    if name != "today":
        target = chosen.path
        shutil.rmtree(target, ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        paths.indexes.mkdir(parents=True, exist_ok=True)
        if name.startswith("tantivy"):
            target.mkdir()
        figures = chosen.build(read_rows(paths.rows))
    else:
        figures = chosen.build()
    figures["build_rss"] = status("VmHWM")
    figures["build_private"] = sampler.stop()
    return dict(figures)


def keystrokes(query: str) -> list[str]:
    return [query[:end] for end in range(1, len(query) + 1)]


def overlap(ours: list[Key], theirs: list[Key]) -> float | None:
    """How many of today's top 10 the engine's top 10 holds (None: today found none)."""
    if not theirs:
        return None
    return len(set(ours[:10]) & set(theirs[:10])) / len(theirs[:10])


def within(ours: list[Key], theirs: list[Key]) -> float | None:
    """How many of the engine's top 10 are among `theirs`: the paragraphs that today's
    formula scores at least as high as its tenth. The generated corpus repeats the
    seeds' paragraphs, so many score the same, and engines order equals differently."""
    if not ours:
        return None
    return len(set(ours[:10]) & set(theirs)) / len(ours[:10])


def mean(values: Iterable[float | None]) -> float:
    kept = [v for v in values if v is not None]
    return sum(kept) / max(1, len(kept))


def child_query(name: str, paths: Paths) -> dict[str, Any]:
    from bench._common import percentile
    from bench.search import QUERIES

    meta = json.loads(paths.meta.read_text())
    chosen = engine(name, paths, meta)
    figures: dict[str, Any] = {}
    sampler = PrivatePeak()
    opened = chosen.open()
    figures.update(open_s=opened["open_s"], open_rss=status("VmRSS"), open_note=opened.get("note"))
    if hasattr(chosen, "load_vocabulary") and name != "tantivy":
        figures["vocab_s"] = chosen.load_vocabulary()
        figures["vocab_rss"] = status("VmRSS")
        figures["vocabulary"] = len(chosen.vocabulary.counts)
    tops: dict[str, list[Key]] = {}
    passes = []
    for _ in range(PASSES):
        times: list[float] = []
        for query in QUERIES:
            for typed in keystrokes(query):
                started = time.perf_counter()
                keys, _ = chosen.search(typed)
                times.append((time.perf_counter() - started) * 1000)
                tops[typed] = keys
        passes.append((percentile(times, 0.95), percentile(times, 0.5), max(times)))
    figures["keys"] = len(times)
    figures["p95"], figures["p50"], figures["max"] = min(passes)
    figures["first_pass"] = passes[0]
    for label, text in (("phrase", PHRASE), ("filtered", FILTERED)):
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            keys, total = chosen.search(text)
            runs.append((time.perf_counter() - started) * 1000)
        figures[label] = {"ms": min(runs), "first_ms": runs[0], "total": total}
        tops[text] = keys
    whole = [*QUERIES, PHRASE, FILTERED]
    if name == "today":
        # dossier's ranking of the whole queries, read further, is a second reference
        # (until the home-made index, whose ranking of large candidate sets was an
        # approximation, it differed from the first).
        from tui.corpus import search

        exact, tied = {}, {}
        for q in whole:
            if not search.parse_query(q).terms:  # in date order: no scores, no ties
                exact[q] = tied[q] = tops[q][:10]
                continue
            results = chosen.index.search(q, limit=TIED).results
            exact[q] = [(r.entry.document.id, r.entry.paragraph) for r in results[:LIMIT]]
            tenth = results[min(9, len(results) - 1)].score if results else 0.0
            tied[q] = [
                (r.entry.document.id, r.entry.paragraph) for r in results if r.score >= tenth - 1e-6
            ]
            if len(results) == TIED and results[-1].score >= tenth - 1e-6:
                print(f"{q}: more than {TIED} tied with the tenth", file=sys.stderr)
        paths.today_top.write_text(json.dumps({"shipped": tops, "exact": exact, "tied": tied}))
    elif paths.today_top.exists():
        stored = json.loads(paths.today_top.read_text())
        today = {k: [tuple(key) for key in v] for k, v in stored["shipped"].items()}
        exact = {k: [tuple(key) for key in v] for k, v in stored["exact"].items()}
        figures["overlap"] = {q: overlap(tops[q], today[q]) for q in whole}
        tied = {k: [tuple(key) for key in v] for k, v in stored["tied"].items()}
        figures["exact"] = {q: overlap(tops[q], exact[q]) for q in whole}
        figures["tied"] = {q: within(tops[q], tied[q]) for q in whole}
        figures["overlap_keys"] = mean(overlap(tops[q], today[q]) for q in today)
    with paths.updates.open("rb") as source:
        updates = marshal.load(source)
    figures["update"] = chosen.update(updates)
    figures["query_rss"] = status("VmHWM")
    figures["query_private"] = sampler.stop()
    return figures


def child_quality(names: list[str], work: Path) -> dict[str, Any]:
    """The cases of test_search_quality.py through each engine, on the seeds."""
    from tests.unit.test_search_quality import LABELLED
    from tui.corpus.config import load_config
    from tui.corpus.library import Library
    from tui.corpus.search import SearchIndex

    config = load_config()
    seeds = Library.load(ROOT / "seeds", config)
    meta = library_meta(seeds.documents, config)
    base = work / "quality"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    write_rows(base / "rows.marshal", seeds.documents)
    fields = {(r[0], r[1]): (r[3], r[4], r[6]) for c in read_rows(base / "rows.marshal") for r in c}
    lavrov_answers = sum(
        len(t.paragraphs) for d in seeds.documents for t in d.turns if t.kind.value == "answer"
    )
    results: dict[str, Any] = {}
    for name in names:
        paths = Paths(base, 0)
        paths.indexes = base / "indexes"
        paths.indexes.mkdir(exist_ok=True)
        if name == "today":
            chosen: Any = Today(paths)
            chosen.index = SearchIndex(seeds.documents, config)
        else:
            chosen = engine(name, paths, meta)
            if name.startswith("tantivy"):
                chosen.path.mkdir(parents=True)
            chosen.build(read_rows(base / "rows.marshal"))
            chosen.open()
            if name != "tantivy":
                chosen.load_vocabulary()
        top5 = first = 0
        misses = []
        for query, doc, paragraph in LABELLED:
            keys, _ = chosen.search(query, limit=5)
            ranks = [r for r, (d, p) in enumerate(keys, 1) if d.startswith(doc) and p == paragraph]
            top5 += bool(ranks)
            first += ranks == [1]
            if not ranks:
                misses.append(query)
        keys, _ = chosen.search("speaker:lavrov kind:answer topic:caspian", limit=100)
        exact = bool(keys) and all(
            fields[key][0] == "Sergey Lavrov"
            and fields[key][1] == "answer"
            and "Caspian Sea" in fields[key][2]
            for key in keys
        )
        _, year_total = chosen.search("year:2016", limit=1000)
        year_docs = {d for d, _ in chosen.search("year:2016", limit=1000)[0]}
        _, sergei = chosen.search("speaker:Sergei kind:answer", limit=1000)
        filters = [
            exact,
            year_total == 23 and year_docs == {"004_d48fa1d5f48169a7"},
            sergei == lavrov_answers,
        ]
        results[name] = {
            "top5": top5,
            "first": first,
            "cases": len(LABELLED),
            "misses": misses,
            "filters": sum(filters),
            "filter_cases": len(filters),
        }
    return results


# --- the parent: one child at a time, then the table ------------------------------------


def run_child(work: Path, seed: int, *args: str) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--work", str(work)]
    command += ["--seed", str(seed), "--child", *args]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[7:])
            return result
    sys.stderr.write(completed.stderr[-3000:])
    raise SystemExit(f"child {' '.join(args)} failed ({completed.returncode})")


def ensure_corpus(paths: Paths, docs: int, seed: int) -> None:
    marker = paths.corpus / ".generated"
    if marker.exists() and marker.read_text() == f"{docs} {seed}":
        return
    from bench.gen_corpus import generate

    shutil.rmtree(paths.corpus, ignore_errors=True)
    started = time.perf_counter()
    generate(paths.corpus, docs, seed)
    marker.write_text(f"{docs} {seed}")
    print(f"generated {docs:,} documents in {time.perf_counter() - started:.1f} s", flush=True)


def report(docs: int, prepared: dict[str, Any], rows: dict[str, dict[str, Any]]) -> None:
    print(
        f"\n== {docs:,} documents, {prepared['rows']:,} paragraphs "
        f"(loaded for the rows in {prepared['parse_s']:.1f} s)"
    )
    header = (
        f"{'engine':<11} {'build':>8} {'disk':>9} {'build RSS':>10} {'open':>9} {'open RSS':>9} "
        f"{'vocab':>15} {'key p50':>8} {'p95':>7} {'max':>7} {'of the':>18} {'filtered':>14} "
        f"{'top10':>6}"
    )
    print(header)
    for name, r in rows.items():
        vocab = (
            f"{r['vocab_s'] * 1000:,.0f}ms/{mib(r['vocab_rss'])[:-4]}M" if "vocab_s" in r else "-"
        )
        phrase, filtered = r["phrase"], r["filtered"]
        overlap_keys = f"{r['overlap_keys']:.2f}" if "overlap_keys" in r else "-"
        print(
            f"{name:<11} {r['build_s']:>7.2f}s {mib(r['size']):>9} {mib(r['build_rss']):>10} "
            f"{r['open_s'] * 1000:>7.1f}ms {mib(r['open_rss']):>9} {vocab:>15} "
            f"{r['p50']:>6.2f}ms {r['p95']:>5.1f}ms {r['max']:>5.0f}ms "
            f"{phrase['ms']:>7.1f}ms {phrase['total']:>9,} "
            f"{filtered['ms']:>5.1f}ms {filtered['total']:>6,} {overlap_keys:>6}"
        )
    print("updates (s): changed / added / removed, each committed and visible to a search")
    for name, r in rows.items():
        u = r["update"]
        writer = f" (+ writer opened in {u['writer'] * 1000:.0f} ms)" if "writer" in u else ""
        whole = " (today: the index opened again, as after `r`)" if name == "today" else ""
        print(
            f"  {name:<11} {u['changed']:.3f} / {u['added']:.3f} / {u['removed']:.3f}"
            f"{writer}{whole}"
        )
    print("peak memory, all (VmHWM, with the mapped index pages) / private (RssAnon):")
    for name, r in rows.items():
        print(
            f"  {name:<11} build {mib(r['build_rss'])} / {mib(r['build_private'])}; "
            f"query process {mib(r['query_rss'])} / {mib(r['query_private'])}"
        )
    notes = [
        f"{name}: keystrokes typed the first time: p50 {r['first_pass'][1]:.2f} ms, "
        f"p95 {r['first_pass'][0]:.1f} ms, max {r['first_pass'][2]:.0f} ms"
        for name, r in rows.items()
    ]
    notes += [f"{name}: {r['note']}" for name, r in rows.items() if r.get("note")]
    notes += [f"{name} open: {r['open_note']}" for name, r in rows.items() if r.get("open_note")]
    notes += [
        f"{name}: vocabulary of {r['vocabulary']:,} words"
        for name, r in rows.items()
        if "vocabulary" in r
    ]
    for note in notes:
        print("  " + note)
    print(
        "top 10 against today's, whole queries (bench/search.py's 12, the phrase, the filtered):"
        "\n  top 10: share of today's top 10 in the engine's top 10;"
        "\n  exact: the same against today's ranking read further (the same since the port);"
        "\n  tied: share of the engine's top 10 that this formula scores at least as its tenth"
    )
    for name, r in rows.items():
        if "overlap" in r:
            for key, label, keys in (
                ("overlap", "top 10", "overlap_keys"),
                ("exact", "exact", None),
                ("tied", "tied", None),
            ):
                values = " ".join("-" if v is None else f"{v:.1f}" for v in r[key].values())
                every = f"; over every keystroke {r[keys]:.2f}" if keys else ""
                print(
                    f"  {name:<11} {label:<6} {values}   (mean {mean(r[key].values()):.2f}{every})"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "dossier-engines"
    )
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "quality":
            result = child_quality(rest, args.work)
        else:
            docs = int(rest[-1])
            paths = Paths(args.work, docs)
            if mode == "prepare":
                result = child_prepare(paths, docs, args.seed)
            elif mode == "build":
                result = child_build(rest[0], paths)
            else:
                result = child_query(rest[0], paths)
        print("RESULT " + json.dumps(result))
        return
    from importlib.metadata import version

    print(
        f"tantivy {version('tantivy')}, "
        f"SQLite {sqlite3.sqlite_version}, RapidFuzz {version('rapidfuzz')}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    args.work.mkdir(parents=True, exist_ok=True)
    engines = ["today", *(e for e in args.engines if e != "today")]
    for docs in args.docs:
        paths = Paths(args.work, docs)
        ensure_corpus(paths, docs, args.seed)
        prepared = run_child(args.work, args.seed, "prepare", str(docs))
        rows: dict[str, dict[str, Any]] = {}
        for name in engines:
            built = run_child(args.work, args.seed, "build", name, str(docs))
            queried = run_child(args.work, args.seed, "query", name, str(docs))
            rows[name] = {**built, **queried}
            print(f"  {name}: built and queried", flush=True)
        report(docs, prepared, rows)
    if not args.no_quality:
        quality = run_child(args.work, args.seed, "quality", *engines)
        print("\nquality cases (tests/unit/test_search_quality.py, on the seeds):")
        for name, q in quality.items():
            print(
                f"  {name:<11} expected paragraph in the top 5: {q['top5']}/{q['cases']}, "
                f"first: {q['first']}/{q['cases']} (p@1 {q['first'] / q['cases']:.2f}); "
                f"filter cases {q['filters']}/{q['filter_cases']}"
                + (f"; missed: {q['misses']}" if q["misses"] else "")
            )


if __name__ == "__main__":
    main()
