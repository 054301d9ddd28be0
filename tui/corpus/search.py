"""Typo-tolerant search over every paragraph of the corpus, in tantivy.

Each paragraph is a row of a tantivy index: its words (folded by `fold`: lower
case, no accents, `ё` as `е`), with positions for phrases, each two adjacent common
words as one term too (`common_words`), and what the filters read. The index is
kept on disk beside the document cache, memory-mapped when opened, and brought up
to date in place: a document added, changed or removed has its rows added or
deleted, and nothing else is written (`cached_index`).

A query word is looked up exactly, by prefix (as you type) and fuzzily: RapidFuzz
compares it with the indexed words of about the same length (the vocabulary, read
from tantivy's term dictionary, not the paragraphs), so a keystroke never scans the
corpus text. Each variant becomes a term query boosted by its similarity; rows that
hold a variant of every query word are ranked by the sum of the best variant's BM25
weight for each.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import logging
import marshal
import os
import re
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import import_module
from itertools import accumulate, chain, compress, pairwise
from operator import and_, itemgetter, ne
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import tantivy

from tui.corpus.config import Config
from tui.corpus.letters import COMBINING_MARKS, fold
from tui.corpus.library import Documents, Library
from tui.corpus.model import Document, Summary, TurnKind
from tui.corpus.versions import CHECKSUM_BYTES, checksum, document_number, fingerprint

if TYPE_CHECKING:
    from tui.corpus.cache import DocumentCache

log = logging.getLogger("dossier.search")

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
MAX_FUZZY_VARIANTS = 32
SNIPPET_CHARS = 200
_WORD = re.compile(r"\w+")
RECENT_PATTERNS = 32
"""Patterns of the words a search highlights, kept: a query typed repeats them."""
_QUERY_TOKEN = re.compile(r'(-?)(?:(\w+):("[^"]*"?|\S*)|"([^"]*)"?|(\S+))')
FILTERS = ("speaker", "topic", "kind", "year", "after", "before", "doc")


def fuzzy_cutoff(term: str) -> int:
    """The least RapidFuzz ratio (0-100) at which a word counts as a spelling of `term`:
    one or two slips in a long word, one in a short one. Long words need more, or
    `settlement` would find `statement`."""
    return 85 if len(term) >= 8 else 80


_ASCII_WORD_BYTES = (
    bytes(
        byte + 32 if chr(byte).isupper() else byte if chr(byte).isalnum() or byte == 95 else 32
        for byte in range(128)
    )
    + b" " * 128
)
"""For an ASCII text's bytes: letters in lower case, digits and `_` kept (what `_WORD`
finds there), a space for the rest (and for the `?` a character beyond ASCII is
written as, where it `separates`)."""
_ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=4096)
def separates(char: str) -> bool:
    """Whether `fold` makes `char` something between words, neither a letter nor
    nothing (`’`, `—`, `«`, a no-break space; not `é`, `™` nor an accent alone)."""
    folded = fold(char)
    return bool(folded) and _WORD.search(folded) is None


@lru_cache(maxsize=4096)
def _folds_to_one(char: str) -> bool:
    """Whether `fold` makes `char` one character: a text of such characters keeps each
    one's place when folded (not `ß`, `ss`; nor an accent written apart, removed)."""
    return len(fold(char)) == 1


def folded_words(text: str) -> list[str]:
    """The words of `fold(text)`, as `_WORD` finds them. A text of ASCII letters (most,
    curly quotes and dashes aside) is cut by a byte table, in a third of the time
    the expression takes."""
    if text.isascii() or all(map(separates, frozenset(text) - _ASCII)):
        return text.encode("ascii", "replace").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    return _WORD.findall(fold(text))


_WORD_WRITTEN = re.compile(rf"\w[\w{COMBINING_MARKS}]*")
"""A word as written, with the accents of a text written decomposed (`e` and U+0301):
`fold` removes them, so that it is the word `folded_words` finds (`es` of `és`)."""


def words(text: str) -> list[tuple[str, int, int]]:
    """Folded words of `text` with their character offsets in `text`."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD_WRITTEN.finditer(text)]


def word_spans(text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
    """Where `text` holds one of the folded words `wanted`: the spans of those of
    `words(text)` that are wanted. An ASCII text (most) is searched for them alone,
    not cut into all its words: a search lists 200 results, each a paragraph."""
    if not text.isascii():
        return [(start, end) for word, start, end in words(text) if word in wanted]
    return [match.span() for match in _words_pattern(wanted).finditer(text.lower())]


@lru_cache(maxsize=RECENT_PATTERNS)
def _words_pattern(wanted: frozenset[str]) -> re.Pattern[str]:
    """Any of the ASCII words of `wanted`, as a whole word of a lower-case ASCII text
    (what `_WORD` finds there, lower case being what `fold` makes of it)."""
    alternatives = sorted((word for word in wanted if word.isascii()), key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, alternatives))})(?!\w)")


# --- queries -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    speaker: str | None = None
    topic: str | None = None
    kind: TurnKind | None = None
    after: dt.date | None = None
    before: dt.date | None = None
    doc: str | None = None
    hints: tuple[str, ...] = ()
    """What was not understood or was cut, for the user to see."""

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.phrases or self.has_filters)

    @property
    def has_filters(self) -> bool:
        return any(
            value is not None
            for value in (self.speaker, self.topic, self.kind, self.after, self.before, self.doc)
        )


def _date_bound(value: str, *, end: bool) -> dt.date | None:
    """`2017`, `2017-06` or `2017-06-30` as the first (or last) day it covers."""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if end:
                following = dt.date(year + month // 12, month % 12 + 1, 1)
                return following - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def parse_query(text: str) -> Query:
    """Parse the query language (see `tui.corpus.syntax.QUERY_HELP`). Never raises:
    anything not understood becomes a hint, and the rest of the query is still
    searched."""
    hints: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        hints.append(f"query cut to its first {MAX_QUERY_CHARS} characters")
        text = text[:MAX_QUERY_CHARS]
    terms: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    fields: dict[str, object] = {}
    for match in _QUERY_TOKEN.finditer(text):
        negative, name, value, phrase, bare = match.groups()
        if name is not None:
            value = value.strip('"')
            key = name.casefold()
            if key not in FILTERS and not value:
                bare = name  # `Lavrov:` is a word with a colon, not a filter
            elif key not in FILTERS:
                hints.append(f"unknown filter {name}: left out (filters: {', '.join(FILTERS)})")
                continue
            elif not value:
                hints.append(f"{key}: needs a value")
                continue
            else:
                _set_filter(fields, key, value, hints)
                continue
        if phrase is not None:
            folded = " ".join(w for w, _, _ in words(phrase))
            if folded:
                (excluded if negative else phrases).append(folded)
            continue
        for word, _, _ in words(bare or ""):
            (excluded if negative else terms).append(word)
    if len(terms) > MAX_TERMS:
        hints.append(f"only the first {MAX_TERMS} words are used")
        terms = terms[:MAX_TERMS]
    return Query(tuple(terms), tuple(phrases), tuple(excluded), hints=tuple(hints), **fields)  # type: ignore[arg-type]


def _set_filter(fields: dict[str, object], key: str, value: str, hints: list[str]) -> None:
    if key == "kind":
        try:
            fields["kind"] = TurnKind(value.casefold())
        except ValueError:
            hints.append(f"kind:{value}? use one of {', '.join(k.value for k in TurnKind)}")
    elif key == "year":
        after, before = _date_bound(value, end=False), _date_bound(value, end=True)
        if after is None or before is None or "-" in value:
            hints.append(f"year:{value}? use a year such as year:2020")
        else:
            fields["after"], fields["before"] = after, before
    elif key in ("after", "before"):
        bound = _date_bound(value, end=key == "before")
        if bound is None:
            hints.append(f"{key}:{value}? use YYYY, YYYY-MM or YYYY-MM-DD")
        else:
            fields[key] = bound
    else:
        fields[key] = value


# --- the index -------------------------------------------------------------------------


class Entry(NamedTuple):
    """One paragraph, with what the filters need (a tuple: there are hundreds of
    thousands, made at every start)."""

    document: Document | Summary
    """Its document, or (for a result whose document is gone since the search, `Results`)
    what was listed of it."""
    paragraph: int
    turn: int
    speaker: str | None
    kind: TurnKind
    date: dt.date | None
    topics: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Result:
    entry: Entry
    score: float
    snippet: str
    spans: tuple[tuple[int, int], ...]
    """[start, end) offsets of the matched words in `snippet`."""
    text_spans: tuple[tuple[int, int], ...]
    """The same matches as offsets in the whole paragraph text."""

    def as_json(self) -> dict[str, object]:
        entry = self.entry
        return {
            "doc": entry.document.id,
            "paragraph": entry.paragraph,
            "turn": entry.turn,
            "speaker": entry.speaker,
            "kind": entry.kind.value,
            "date": entry.date.isoformat() if entry.date else None,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "spans": [list(span) for span in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Answer:
    query: Query
    results: Sequence[Result]
    """In rank order, each made when first read (`Results`)."""
    total: int | None
    """How many paragraphs matched, before the limit; None when not counted yet (a
    search asked not to count what only its first results need, `SearchIndex.count`)."""
    seconds: float


Variants = dict[str, float]
"""The indexed words a query word stands for, each with its similarity 0..1."""

INDEX_FORMAT = 3
"""The fields of the on-disk index and what they hold; bump when either changes."""
IDENTITY_FILE = "dossier-identity"
"""The file in the index's folder naming the format, parser and config it was made by."""
COMMON_FILE = "dossier-common"
"""The file in the index's folder listing the common words its rows hold in pairs."""
COMMON_SAMPLE = 200
"""Documents, evenly spread over the corpus, read to learn its common words."""
COMMON_SHARE = 10
"""A word in one paragraph in this many of the sample, or more, is common (a phrase of
a word less common is looked for by position in a tenth of the rows at most)..."""
MOST_COMMON = 128
"""... up to this many words, the most frequent."""
NO_DATE = dt.date.max.toordinal() + 1
"""The date key of an undated paragraph: after every date, as in the sidebar."""
BUILD_HEAP = 128_000_000
"""Bytes tantivy's writer buffers before it writes a segment, building the whole index
(in as many threads as there are cores, up to 4: each needs 15 MB at least)."""
UPDATE_HEAP = 32_000_000
"""The same, in one thread, for the few documents a change brings."""
FEW_DOCUMENTS = 50
"""Up to this many documents to index are an update, written by one thread."""
MAX_PREFIX_VARIANTS = 8
RECENT_TERMS = 16
_PARAGRAPH, _HEAD = "paragraph", "document"
"""The `role` of a row of the index: a paragraph, or the head of a document, which
says which version of it the paragraphs are (`_held`)."""


def _schema() -> tantivy.Schema:
    """One row per paragraph: its folded words (positions kept, for phrases), the pairs
    of common words among them (`pairs_of`), what the filters read, and where it is
    (its document's number, its index there); one row per document: its number and
    version."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("words", tokenizer_name="whitespace")
    builder.add_text_field("pairs", tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("role", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("key", indexed=True, fast=True)
    builder.add_integer_field("version", fast=True)
    builder.add_integer_field("paragraph", fast=True)
    builder.add_integer_field("date", indexed=True, fast=True)
    for facet in ("speaker", "kind", "topics"):
        builder.add_text_field(facet, tokenizer_name="raw", index_option="basic")
    return builder.build()


class SearchIndex:
    def __init__(
        self,
        documents: Sequence[Document],
        config: Config,
        folder: Path | None = None,
        versions: Mapping[str, int] | Callable[[], Mapping[str, int]] | None = None,
        identity: str = "",
        *,
        update: bool = True,
        listed: int | None = None,
    ) -> None:
        """The index of `documents`, in tantivy: in memory, or on disk in `folder`,
        memory-mapped. An index on disk is brought up to date in place: the rows of a
        document whose version (`versions`, by id, or what makes them:
        `Library.versions`) differs from the one indexed, or which is gone, are
        deleted; new versions are added. One of
        another `identity` (the format, parser and parse-relevant config that made it),
        or that does not open, is built again.
        Given `listed`, the fingerprint of the versions the cache holds
        (`Library.listed_fingerprint`), an index on disk that holds those opens as it
        is, in the corpus order it kept (`_Order`), comparing no document's version.
        Raises OSError or ValueError when the folder cannot be written, and NotCurrent
        when it holds other versions than `versions` and `update` is False."""
        self.config = config
        self._folder = folder
        listing, self._document, self._summary = _listing(documents)
        self._index, self._common = _opened(
            folder,
            f"{INDEX_FORMAT}:{identity}",
            lambda: common_words(_sample(listing, self._document)),
            make=update,
        )
        self._index.config_reader("Manual")  # what this index holds is what it read
        self._schema = self._index.schema
        kept = _kept_order(folder) if folder is not None else None
        if kept is not None and not _holds(self._index, kept[1]):
            log.info("search index order in %s is not the index's: not used", folder)
            kept = None
        if kept is not None and listed is not None and kept[0] == listed:
            order = kept[1]
        else:
            order = self._synced_order(listing, versions, kept[1] if kept else None, update)
            if folder is not None and (kept is None or kept[1] != order):
                _keep_order(folder, order)
        self._ids = order.ids
        """The documents' ids, in corpus order."""
        self._numbers = order.numbers
        """Their `document_number`s, in the same order."""
        self._firsts = list(accumulate(order.paragraphs, initial=0))[:-1]
        """The first entry id of each of them: entry ids count the paragraphs of the
        corpus in order, each document's from its first."""
        self._starts = dict(zip(order.numbers, self._firsts, strict=True))
        """The first entry id of each document, by its number (`document_number`)."""
        self._on_day: Counter[int] = Counter()
        """Entries by date key."""
        for day, paragraphs in zip(order.days, order.paragraphs, strict=True):
            self._on_day[day] += paragraphs
        entries = sum(order.paragraphs)
        self._days = sorted(self._on_day)
        """The date keys that hold entries, in order."""
        self._held = list(accumulate(self._on_day[day] for day in self._days))
        """Entries up to each of `_days`, that day's included."""
        self.entries = Entries(self, entries)
        """Every paragraph of the corpus, each read from its document when asked for."""
        self._early = self._early_from(0)
        """The last date key of the earliest dates that hold a sixty-fourth of the
        entries: what a search that need not count reads first (`_first`)."""
        self._searcher = self._index.searcher()
        self._count_parts = _key_parts(self._schema, self._searcher.num_docs)
        """What `_counted` counts at once, one part a core; none: in one go."""
        frequencies = self._searcher.terms_with_prefix("words", "")
        self._frequency = dict(frequencies)
        """How many rows hold each indexed word (rows of documents since changed
        included, until tantivy merges them away)."""
        self.vocabulary = sorted(self._frequency)
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            by_length[len(word)].append(word)
        self._by_length = dict(by_length)
        self._spellings = self._alias_spellings(config)
        self._speaker_keys = self._speaker_search_keys(
            [speaker for speaker, _ in self._searcher.terms_with_prefix("speaker", "")], config
        )
        self._topics = [topic.name for topic in config.topics]
        self._recent: dict[str, Variants] = {}
        self.problem: str | None = None
        """Why the index is in memory rather than kept on disk, for the user
        (`cached_index`); None when it is where it should be."""
        # Searches need RapidFuzz: imported with the index, in its thread, rather than
        # on the first keystroke (about 10 ms).
        import_module("rapidfuzz.process")

    def _synced_order(
        self,
        listing: Sequence[Summary],
        versions: Mapping[str, int] | Callable[[], Mapping[str, int]] | None,
        kept: _Order | None,
        update: bool,
    ) -> _Order:
        """The index brought up to date with `listing` in `versions` (`_synced`), and
        the order it then holds. What it held, and the documents' numbers, are read from
        the order `kept` beside it where there is one (it is removed before the index
        changes, and kept again after), rather than from the index and the ids."""
        wanted = (versions() if callable(versions) else versions) or {}
        ids = [summary.id for summary in listing]
        known = dict(zip(kept.ids, kept.numbers, strict=True)) if kept else {}
        numbers = [n if (n := known.get(i)) is not None else document_number(i) for i in ids]
        now = [wanted.get(i, 0) for i in ids]
        held = dict(zip(kept.numbers, kept.versions, strict=True)) if kept else _held(self._index)
        stale, fresh = _differences(held, dict(zip(numbers, now, strict=True)))
        if (stale or fresh) and not update:
            raise NotCurrent(f"{len(stale)} stale and {len(fresh)} new documents")
        if stale or fresh:
            _forget_order(self._folder)  # what it says is about to change
        new = [(i, v) for i, n, v in zip(ids, numbers, now, strict=True) if n in fresh]
        _synced(self._index, stale, new, self._document, self._common)
        days = [s.date.value.toordinal() if s.date.value else NO_DATE for s in listing]
        return _Order(ids, numbers, [s.paragraphs for s in listing], days, now)

    @staticmethod
    def _alias_spellings(config: Config) -> dict[str, set[str]]:
        """Word-by-word spellings of one person: `ceyhun` <-> `jeyhun`."""
        groups: defaultdict[str, list[list[str]]] = defaultdict(list)
        for alias, canonical in config.aliases.items():
            groups[canonical].append([w for w, _, _ in words(alias)])
        spellings: defaultdict[str, set[str]] = defaultdict(set)
        for names in groups.values():
            for first in names:
                for second in names:
                    if first != second and len(first) == len(second):
                        for a, b in zip(first, second, strict=True):
                            if a != b:
                                spellings[a].add(b)
        return dict(spellings)

    @staticmethod
    def _speaker_search_keys(speakers: Sequence[str], config: Config) -> dict[str, str]:
        """What a `speaker:` filter is matched against, for each speaker indexed."""
        return {
            speaker: " | ".join(fold(name) for name in config.aliases_of(speaker))
            for speaker in speakers
        }

    def entry(self, entry_id: int) -> Entry:
        """The paragraph `entry_id` of the corpus, from its document (decoded if it is
        not among the recent ones). Raises KeyError if the document is gone, or has
        fewer paragraphs than when it was indexed."""
        at = bisect.bisect_right(self._firsts, entry_id) - 1
        document = self._document(self._ids[at])
        if document is None:
            raise KeyError(self._ids[at])
        offset = entry_id - self._firsts[at]
        if offset >= len(document.paragraphs):  # changed since it was indexed
            raise KeyError(self._ids[at])
        paragraph = document.paragraphs[offset]
        turn = document.turn_of_paragraph(paragraph.index)
        return Entry(
            document,
            paragraph.index,
            turn.index,
            turn.speaker,
            turn.kind,
            document.date.value,
            paragraph.topics,
            paragraph.text,
        )

    # -- lookup ----------------------------------------------------------------------

    def _term(self, term: str) -> Variants:
        """A query word's variants. Kept for the last few words: as a query is typed,
        its earlier words repeat at every key."""
        variants = self._recent.pop(term, None)
        if variants is None:
            variants = self._match_term(term)
        self._recent[term] = variants
        while len(self._recent) > RECENT_TERMS:
            del self._recent[next(iter(self._recent))]
        return variants

    def _match_term(self, term: str) -> Variants:
        """The words of the vocabulary `term` stands for: itself, its alias spellings,
        the commonest words it starts, and (from 4 letters) the words RapidFuzz finds
        about as long and spelt alike."""
        variants: Variants = {}
        if term in self._frequency:
            variants[term] = 1.0
        for other in self._spellings.get(term, ()):
            if other in self._frequency:
                variants[other] = 1.0
        start = bisect.bisect_left(self.vocabulary, term)
        prefixed = []
        for word in self.vocabulary[start : start + 200]:
            if not word.startswith(term):
                break
            prefixed.append(word)
        # Longer words that start with what was typed, likely the word being typed:
        # the commonest few, so one typed letter does not stand for the dictionary.
        prefixed.sort(key=self._frequency.__getitem__, reverse=True)
        for word in prefixed[: MAX_PREFIX_VARIANTS if len(term) > 1 else 0]:
            variants.setdefault(word, 0.85 if len(term) >= 3 else 0.6)
        if len(term) >= 4:
            # Imported when a query first needs it: a start of the reader never does.
            from rapidfuzz import fuzz, process

            cutoff = fuzzy_cutoff(term)
            found = []
            for length in range(len(term) - 2, len(term) + 3):
                found += process.extract(
                    term,
                    self._by_length.get(length, ()),
                    scorer=fuzz.ratio,
                    score_cutoff=cutoff,
                    limit=MAX_FUZZY_VARIANTS,
                )
            found.sort(key=lambda item: item[1], reverse=True)
            for word, score, _ in found[:MAX_FUZZY_VARIANTS]:
                variants.setdefault(word, 0.2 + 0.6 * (score - cutoff) / (100 - cutoff))
        return variants

    def _speaker_matches(self, value: str) -> set[str]:
        needle = fold(value)
        exact = {speaker for speaker, key in self._speaker_keys.items() if needle in key}
        if exact:
            return exact
        from rapidfuzz import fuzz

        return {
            speaker
            for speaker, key in self._speaker_keys.items()
            if fuzz.partial_ratio(needle, key) >= 85
        }

    def _topic_matches(self, value: str) -> set[str]:
        needle = fold(value)
        exact = {name for name in self._topics if needle in fold(name)}
        if exact:
            return exact
        from rapidfuzz import fuzz

        return {name for name in self._topics if fuzz.partial_ratio(needle, fold(name)) >= 80}

    def _filters(self, query: Query, hints: list[str]) -> list[tantivy.Query] | None:
        """The tantivy queries of the query's filters (each to be met, adding nothing to
        the score), or None when one of them allows nothing."""
        schema = self._schema
        filters: list[tantivy.Query] = []
        allows_nothing = False
        if query.speaker:
            speakers = self._speaker_matches(query.speaker)
            if not speakers:
                hints.append(f"no speaker matches {query.speaker!r}")
                allows_nothing = True
            filters.append(tantivy.Query.term_set_query(schema, "speaker", sorted(speakers)))
        if query.topic:
            topics = self._topic_matches(query.topic)
            if not topics:
                hints.append(f"no topic matches {query.topic!r}")
                allows_nothing = True
            filters.append(tantivy.Query.term_set_query(schema, "topics", sorted(topics)))
        if query.kind is not None:
            filters.append(tantivy.Query.term_query(schema, "kind", query.kind.value))
        if query.doc:
            prefix = fold(query.doc)
            keys = [
                number
                for doc_id, number in zip(self._ids, self._numbers, strict=True)
                if fold(doc_id).startswith(prefix)
            ]
            allows_nothing |= not keys
            filters.append(tantivy.Query.term_set_query(schema, "key", keys))
        if query.after is not None or query.before is not None:
            low = query.after.toordinal() if query.after else 1
            high = query.before.toordinal() if query.before else dt.date.max.toordinal()
            filters.append(
                tantivy.Query.range_query(schema, "date", tantivy.FieldType.Integer, low, high)
            )
        return None if allows_nothing else filters

    def _words(self, words: Sequence[str]) -> tantivy.Query:
        """Rows holding `words` in that order (a phrase), or the one word. Two common
        words are one term of the index (`pairs_of`): a phrase of them is read from its
        list alone; a longer one is looked for by position only in the rows that hold
        its pairs of common words."""
        schema, Query_ = self._schema, tantivy.Query
        if len(words) == 1:
            return Query_.term_query(schema, "words", words[0])
        pairs = [Query_.term_query(schema, "pairs", pair) for pair in pairs_of(words, self._common)]
        if len(words) == 2 and pairs:
            return pairs[0]
        phrase = Query_.phrase_query(schema, "words", list(words))
        if not pairs:
            return phrase
        return Query_.boolean_query([(tantivy.Occur.Must, q) for q in [*pairs, phrase]])

    def _query(
        self,
        query: Query,
        matches: Sequence[Variants],
        phrases: Sequence[str],
        filters: Sequence[tantivy.Query],
    ) -> tantivy.Query | None:
        """Rows holding a variant of each query word (`matches`), each of `phrases` and
        none of the excluded words, that pass `filters`; scored by the sum, over the
        query words, of the BM25 weight of the best variant times its similarity, and 2
        for each phrase. None when a query word stands for no indexed word."""
        schema = self._schema
        Query_, Occur = tantivy.Query, tantivy.Occur
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        for variants in matches:
            if not variants:
                return None
            best = Query_.disjunction_max_query(
                [
                    Query_.boost_query(Query_.term_query(schema, "words", word), similarity)
                    for word, similarity in variants.items()
                ]
            )
            clauses.append((Occur.Must, best))
        for phrase in phrases:
            clauses.append((Occur.Must, Query_.const_score_query(self._words(phrase.split()), 2.0)))
        clauses += [(Occur.Must, Query_.const_score_query(f, 0.0)) for f in filters]
        if not matches and not phrases:  # filters only: paragraphs, not heads
            clauses.append((Occur.Must, Query_.term_query(schema, "role", _PARAGRAPH)))
        for excluded in query.excluded:
            for word in excluded.split():
                clauses.append((Occur.MustNot, Query_.term_query(schema, "words", word)))
        return Query_.boolean_query(clauses)

    def _entry_ids(self, addresses: Sequence[tantivy.DocAddress]) -> list[int]:
        """The entry ids of rows of the index, from their fast fields."""
        keys = self._searcher.fast_field_values("key", list(addresses))
        paragraphs = self._searcher.fast_field_values("paragraph", list(addresses))
        return [
            self._starts[int(key)] + int(paragraph)
            for key, paragraph in zip(keys, paragraphs, strict=True)
            if key is not None and paragraph is not None  # every paragraph's row has both
        ]

    def _all(self, found: tantivy.Query) -> list[int]:
        """The entry ids of every row `found` matches, in corpus order."""
        total = self._counted(found)
        if not total:
            return []
        hits = self._searcher.search(found, total, count=False).hits
        return sorted(self._entry_ids([address for _, address in hits]))

    def _early_from(self, low: int) -> int:
        """The last date key of the earliest dates from `low` on that hold a sixty-fourth
        (EARLY_PART) of the entries, or NO_DATE where all of them from `low` on do not."""
        at = bisect.bisect_left(self._days, low)
        wanted = (self._held[at - 1] if at else 0) + max(1, len(self.entries) // EARLY_PART)
        end = bisect.bisect_left(self._held, wanted, lo=at)
        return self._days[end] if end < len(self._days) else NO_DATE

    def _first(
        self, found: tantivy.Query, limit: int, count: bool, low: int = 0
    ) -> tuple[list[int], int | None]:
        """The first `limit` entry ids (in corpus order) of the rows `found` matches (none
        dated before the date key `low`), and how many it matches. Taken by date from
        tantivy. A search that need not `count` reads the earliest dates from `low`
        first (`_early_from`): where they hold `limit` rows (a phrase of common words),
        those are the answer, and its total is None; else the rest is read too, and
        counted with them. Of the rows of the last date taken, all are read, as corpus
        order sorts a day's documents by id."""
        hits: list[tuple[int, tantivy.DocAddress]] = []
        counted = 0
        rest = found
        if not count:
            early = self._early if not low else self._early_from(low)
            hits, counted = self._by_date(self._on_dates(found, low, early), limit)
            rest = self._on_dates(found, early + 1, NO_DATE)
        total: int | None = None  # enough from the earliest dates: counted apart if wanted
        if len(hits) < limit:
            later, more = self._by_date(rest, limit - len(hits))
            hits, total = hits + later, counted + more
        if not hits:
            return [], total
        last: int = hits[-1][0]
        earlier = [address for date, address in hits if date < last]
        on_last = self._on_dates(found, last, last)
        same_day = self._searcher.search(on_last, max(1, self._on_day[last]), count=False).hits
        ids = self._entry_ids(earlier + [address for _, address in same_day])
        return sorted(ids)[:limit], total

    def _by_date(
        self, found: tantivy.Query, limit: int
    ) -> tuple[list[tuple[int, tantivy.DocAddress]], int]:
        """The first `limit` rows `found` matches by date (date key, address), and how
        many it matches: on a large index, the first of each part's first (`_in_parts`)."""
        search = partial(
            self._searcher.search,
            limit=limit,
            count=True,
            order_by_field="date",
            order=tantivy.Order.Asc,
        )
        if not self._count_parts:
            result = search(found)
            return result.hits, _count(result)
        results = self._in_parts(found, search)
        hits = heapq.nsmallest(limit, chain(*(r.hits for r in results)), key=itemgetter(0))
        return hits, sum(map(_count, results))

    def _on_dates(self, found: tantivy.Query, low: int, high: int) -> tantivy.Query:
        """The rows `found` matches dated from `low` to `high` (date keys)."""
        dates = tantivy.Query.range_query(
            self._schema, "date", tantivy.FieldType.Integer, low, high
        )
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, found), (tantivy.Occur.Must, dates)]
        )

    def search(self, text: str, limit: int = 50, *, count: bool = True) -> Answer:
        """The first `limit` results of the query `text`, and how many there are. Not to
        `count` lets a phrase or filters alone answer from the earliest dates (a
        phrase of two common words in 100,000 documents: about 50 ms to count, a few
        to list): the answer's total is then None, for `count` to say."""
        started = time.perf_counter()
        query = parse_query(text)
        hints = list(query.hints)
        results, total = self._run(query, limit, hints, count)
        query = Query(
            query.terms,
            query.phrases,
            query.excluded,
            query.speaker,
            query.topic,
            query.kind,
            query.after,
            query.before,
            query.doc,
            tuple(hints),
        )
        return Answer(query, results, total, time.perf_counter() - started)

    def count(self, text: str) -> int:
        """How many paragraphs the query `text` matches (an answer's total, where the
        search did not count)."""
        found = self._found(parse_query(text), [])
        return 0 if found is None else self._counted(found[0])

    def _counted(self, found: tantivy.Query) -> int:
        """How many rows `found` matches: on a large index, counted in parts at once
        (`_in_parts`)."""
        if not self._count_parts:
            return _count(self._searcher.search(found, 1, count=True))
        counting = partial(self._searcher.search, limit=1, count=True)
        return sum(map(_count, self._in_parts(found, counting)))

    def _in_parts(
        self, found: tantivy.Query, search: Callable[[tantivy.Query], tantivy.SearchResult]
    ) -> list[tantivy.SearchResult]:
        """What `search` answers for `found` in each range of document numbers of
        `_count_parts`, asked at once, one a core, as tantivy lets go of Python's lock
        while it searches (a phrase read by its words' positions in 1.6 million of 3.4
        million rows, counted on two cores in 140 ms, against 245 in one go)."""
        Occur, Query_ = tantivy.Occur, tantivy.Query
        parts = [
            Query_.boolean_query([(Occur.Must, found), (Occur.Must, part)])
            for part in self._count_parts
        ]
        with ThreadPoolExecutor(len(parts)) as pool:
            return list(pool.map(search, parts))

    def _found(self, query: Query, hints: list[str]) -> tuple[tantivy.Query, list[Variants]] | None:
        """What tantivy is asked for `query`, and the variants of its words; None when
        nothing can match (no word, or a word or filter that stands for nothing)."""
        if query.is_empty:
            if query.excluded:
                hints.append("only exclusions: add a word or a filter to search for")
            return None
        matches = [self._term(term) for term in query.terms]
        filters = self._filters(query, hints)
        found = None if filters is None else self._query(query, matches, query.phrases, filters)
        return None if found is None else (found, matches)

    def _run(
        self, query: Query, limit: int, hints: list[str], count: bool = True
    ) -> tuple[Results, int | None]:
        answered = self._found(query, hints)
        if answered is None:
            return Results(self, (), frozenset(), query), 0
        found, matches = answered
        if not matches:
            # Filters and phrases only: corpus order.
            low = query.after.toordinal() if query.after is not None else 0
            top, total = self._first(found, limit, count, low)
            bonus = 2.0 * len(query.phrases)
            ranked = [
                (entry_id, bonus, listed) for entry_id in top if (listed := self._listed(entry_id))
            ]
            return Results(self, ranked, frozenset(), query), total
        result = self._searcher.search(found, limit, count=True)
        scores = dict(
            zip(
                self._entry_ids([address for _, address in result.hits]),
                (float(score) for score, _ in result.hits),
                strict=True,
            )
        )
        top = sorted(scores, key=lambda e: (-scores[e], e))
        wanted = frozenset(word for variants in matches for word in variants)
        ranked = [
            (entry_id, scores[entry_id], listed)
            for entry_id in top
            if (listed := self._listed(entry_id))
        ]
        return Results(self, ranked, wanted, query), _count(result)

    def _listed(self, entry_id: int) -> Summary | None:
        """What the library lists of the document of the paragraph `entry_id`, if the
        paragraph is still in it (none gone, none shorter: while a reload, `r`, makes
        the index anew); the document is not decoded."""
        at = bisect.bisect_right(self._firsts, entry_id) - 1
        summary = self._summary(self._ids[at])
        if summary is None or entry_id - self._firsts[at] >= summary.paragraphs:
            return None
        return summary

    def result(
        self, entry_id: int, score: float, listed: Summary, wanted: frozenset[str], query: Query
    ) -> Result:
        """The paragraph `entry_id` as a result. One whose document is gone, or no
        longer reads, since it was found (`listed`) is a result without words."""
        try:
            entry = self.entry(entry_id)
        except KeyError:
            paragraph = entry_id - self._firsts[bisect.bisect_right(self._firsts, entry_id) - 1]
            entry = Entry(listed, paragraph, 0, None, TurnKind.STATEMENT, None, (), "")
        return self._result(entry, score, wanted, query)

    def hits_in(self, query: Query, doc_id: str) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
        """Each paragraph of the document `doc_id` that `query` (an answer's) matches,
        in order, with where its hits are in its text: all of them, not only those a
        search listed, without searching the rest of the corpus."""
        number = document_number(doc_id)
        if query.is_empty or number not in self._starts:
            return []
        # The words of the query just answered are kept (`_term`); read, not touched,
        # as a search may be running in another thread.
        matches = [self._recent.get(term) or self._match_term(term) for term in query.terms]
        filters = self._filters(query, [])
        if filters is None:
            return []
        within = tantivy.Query.term_query(self._schema, "key", number)
        found = self._query(query, matches, query.phrases, [*filters, within])
        if found is None:
            return []
        wanted = frozenset(word for variants in matches for word in variants)
        return [
            (entry.paragraph, tuple(self._text_spans(entry.text, wanted, query)))
            for _, entry in self.present(self._all(found))
        ]

    def phrase_entries(self, query: Query, hints: list[str]) -> list[int]:
        """Ids, in corpus order, of the entries that hold the query's words as one
        phrase (exact words, any case) and pass its filters and exclusions."""
        phrase = " ".join([*query.phrases, *query.terms])
        if not phrase:
            return []
        filters = self._filters(query, hints)
        found = None if filters is None else self._query(query, [], [phrase], filters)
        return [] if found is None else self._all(found)

    def present(self, entry_ids: Iterable[int]) -> Iterator[tuple[int, Entry]]:
        """Each of `entry_ids` with its entry, where its document is still as it was
        indexed: while a reload (`r`) makes the index anew, one may be gone or shorter."""
        for entry_id in entry_ids:
            try:
                yield entry_id, self.entry(entry_id)
            except KeyError:
                continue

    def _result(self, entry: Entry, score: float, wanted: frozenset[str], query: Query) -> Result:
        """`entry` as a result: its snippet, with the query's `wanted` words (every
        variant of every term) and phrases marked."""
        text_spans = self._text_spans(entry.text, wanted, query)
        snippet, offset = _snippet(entry.text, text_spans)
        spans = tuple(
            (start - offset, end - offset)
            for start, end in text_spans
            if start >= offset and end - offset <= len(snippet)
        )
        return Result(entry, score, snippet, spans, tuple(text_spans))

    def _text_spans(self, text: str, wanted: frozenset[str], query: Query) -> list[tuple[int, int]]:
        """Where the `wanted` words and the query's phrases are in a paragraph's text."""
        spans = word_spans(text, wanted)
        if query.phrases:
            folded_text = fold(text)
            for phrase in query.phrases:
                spans.extend(_phrase_spans(text, folded_text, phrase))
        spans.sort()
        return spans


class Entries(Sequence[Entry]):
    """An index's paragraphs, in corpus order, each made when it is read
    (`SearchIndex.entry`)."""

    __slots__ = ("_index", "_size")

    def __init__(self, index: SearchIndex, size: int) -> None:
        self._index = index
        self._size = size

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, at: int) -> Entry: ...
    @overload
    def __getitem__(self, at: slice) -> list[Entry]: ...
    def __getitem__(self, at: int | slice) -> Entry | list[Entry]:
        if isinstance(at, slice):
            return [self._index.entry(entry_id) for entry_id in range(self._size)[at]]
        return self._index.entry(range(self._size)[at])


class Results(Sequence[Result]):
    """A search's results in rank order, each made when it is first read: its
    paragraph taken from its document (decoded, on a large corpus, as few are among
    the recent ones) and its snippet cut. A search lists up to 200; a screen shows a
    few at a time."""

    __slots__ = ("_index", "_made", "_query", "_ranked", "_wanted")

    def __init__(
        self,
        index: SearchIndex,
        ranked: Sequence[tuple[int, float, Summary]],
        wanted: frozenset[str],
        query: Query,
    ) -> None:
        self._index = index
        self._ranked = ranked
        """Entry ids, their scores and what the library listed of their documents, in
        rank order."""
        self._wanted = wanted
        self._query = query
        self._made: dict[int, Result] = {}

    def __len__(self) -> int:
        return len(self._ranked)

    @overload
    def __getitem__(self, at: int) -> Result: ...
    @overload
    def __getitem__(self, at: slice) -> list[Result]: ...
    def __getitem__(self, at: int | slice) -> Result | list[Result]:
        if isinstance(at, slice):
            return [self._one(place) for place in range(len(self._ranked))[at]]
        return self._one(range(len(self._ranked))[at])

    def _one(self, place: int) -> Result:
        made = self._made.get(place)
        if made is None:
            made = self._index.result(*self._ranked[place], self._wanted, self._query)
            self._made[place] = made
        return made


def _listing(
    documents: Sequence[Document],
) -> tuple[Sequence[Summary], Callable[[str], Document | None], Callable[[str], Summary | None]]:
    """What the index reads of `documents`: their summaries in the corpus order, and a
    way to each one, and to its summary, by id. A library's (`Documents`) are listed
    as it sorts them, without decoding any, and decoded one at a time when the index
    needs one."""
    if isinstance(documents, Documents):
        return documents.summaries, documents.get, documents.summary
    summaries = sorted((Summary.of(d) for d in documents), key=lambda summary: summary.sort_key)
    by_id = {summary.id: summary for summary in summaries}
    return summaries, {d.id: d for d in documents}.get, by_id.get


EARLY_PART = 64
"""A search that need not count reads first the earliest dates that hold this share of
the entries (1/64)."""


def _count(result: tantivy.SearchResult) -> int:
    """How many rows a search asked to count matched (the stub of tantivy 0.27 leaves
    `count` out)."""
    return int(result.count)  # type: ignore[attr-defined]


COUNT_IN_PARTS_FROM = 500_000
"""Rows from which an index asks tantivy in parts at once, one a core (up to
`_MOST_COUNT_PARTS`), to count a query's matches and for the first rows by date
(`_in_parts`; a search ranked by score asks in one go): below, the threads cost more
than they save."""
_MOST_COUNT_PARTS = 8


def _key_parts(schema: tantivy.Schema, rows: int) -> list[tantivy.Query]:
    """Ranges of document numbers (`key`, spread evenly over 64 bits by a hash), one a
    core the process may use, that together hold every row; none (ask in one go) where
    the index is small or there is one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    parts = min(cores or 1, _MOST_COUNT_PARTS) if rows >= COUNT_IN_PARTS_FROM else 1
    if parts == 1:
        return []
    return [
        tantivy.Query.range_query(schema, "key", tantivy.FieldType.Integer, low, high)
        for low, high in key_ranges(parts)
    ]


def key_ranges(parts: int) -> list[tuple[int, int]]:
    """`parts` ranges (first, last, both in) of even size that cover the signed 64-bit
    document numbers, in order."""
    bounds = [-(2**63) + (2**64 * part) // parts for part in range(parts)] + [2**63]
    return [(low, high - 1) for low, high in pairwise(bounds)]


class NotCurrent(Exception):
    """The index on disk is not the one wanted, and was not to be made or updated."""


def _opened(
    folder: Path | None, identity: str, common: Callable[[], frozenset[str]], *, make: bool = True
) -> tuple[tantivy.Index, frozenset[str]]:
    """The tantivy index in `folder` (None: a new one in memory) and the common words
    its rows hold in pairs. One made by another identity, or that does not open, or
    whose common words do not read, is removed and made afresh, with a log line,
    its words learned (`common`); unless not to `make` one (NotCurrent)."""
    if folder is None:
        return tantivy.Index(_schema()), common()
    stamp = folder / IDENTITY_FILE
    if folder.is_dir():
        try:
            found: str | None = stamp.read_text(encoding="utf-8")
        except OSError:
            found = None
        if found == identity:
            try:
                return tantivy.Index.open(str(folder)), _kept_common(folder)
            except (OSError, ValueError) as error:
                if not make:
                    raise NotCurrent(f"it does not open: {error}") from error
                log.warning("search index %s is corrupt (%s): rebuilding it", folder, error)
        else:
            if not make:
                raise NotCurrent("it was made by another parser or config")
            log.info("search index %s was made by another parser or config: rebuilding it", folder)
        shutil.rmtree(folder)
    elif not make:
        raise NotCurrent("there is none")
    folder.mkdir(parents=True)
    index = tantivy.Index(_schema(), path=str(folder))
    words = common()
    # The words before the stamp: an index that has its stamp has them.
    _write_kept(folder / COMMON_FILE, sorted(words))
    stamp.write_text(identity, encoding="utf-8")
    return index, words


def _kept_common(folder: Path) -> frozenset[str]:
    """The common words kept in `folder` (`COMMON_FILE`); ValueError if they do not read."""
    kept = _read_kept(folder / COMMON_FILE)
    if not (isinstance(kept, list) and all(isinstance(word, str) for word in kept)):
        raise ValueError("its common words do not read")
    return frozenset(kept)


def _write_kept(path: Path, value: Any) -> None:
    """`value` in marshal after its checksum, at `path` whole or not at all (OSError)."""
    payload = marshal.dumps(value)
    partial = path.with_name(f"{path.name}.partial")
    partial.write_bytes(checksum(payload) + payload)
    os.replace(partial, path)


def _read_kept(path: Path) -> object:
    """What `_write_kept` wrote at `path`; OSError if it does not read, ValueError if it
    is not what was written: its checksum is checked first, so that a damaged length
    never makes marshal set aside a list of two billion items."""
    data = path.read_bytes()
    payload = data[CHECKSUM_BYTES:]
    if data[:CHECKSUM_BYTES] != checksum(payload):
        raise ValueError(f"{path.name} is damaged")
    try:
        return marshal.loads(payload)
    except (EOFError, TypeError) as error:
        raise ValueError(f"{path.name} does not read: {error}") from error


def _sample(
    listing: Sequence[Summary], document: Callable[[str], Document | None]
) -> Iterator[Document]:
    """Up to COMMON_SAMPLE of the documents of `listing`, evenly spread (all of them
    where there are no more)."""
    count = len(listing)
    size = min(count, COMMON_SAMPLE)
    for at in range(size):
        if (found := document(listing[count * at // size].id)) is not None:
            yield found


def common_words(documents: Iterable[Document]) -> frozenset[str]:
    """The words of at least one paragraph in COMMON_SHARE of `documents` (a sample of
    the corpus), the MOST_COMMON most frequent at most: those the index holds two by
    two (`pairs_of`), so that a phrase of them (`"of the"`, in half of all paragraphs)
    is counted from one list of rows rather than by the places of two long ones."""
    rows: Counter[str] = Counter()
    paragraphs = 0
    for document in documents:
        for turn in document.turns:
            for paragraph in turn.paragraphs:
                rows.update(set(folded_words(paragraph.text)))
                paragraphs += 1
    least = paragraphs / COMMON_SHARE
    return frozenset(word for word, count in rows.most_common(MOST_COMMON) if count >= least)


def pairs_of(words: Sequence[str], common: frozenset[str]) -> list[str]:
    """Each two adjacent `words` that are both `common`, as one term: `of+the` (no
    word holds a `+`)."""
    flags = list(map(common.__contains__, words))
    return list(map("+".join, compress(pairwise(words), map(and_, flags, flags[1:]))))


ORDER_FILE = "dossier-order"
"""The file in the index's folder keeping its documents in corpus order (`_Order`)."""
_ORDER_FORMAT = 2


class _Order(NamedTuple):
    """The documents an index holds, in corpus order: what entry ids count by. Kept
    beside the index with the fingerprint of their versions, so that a start whose
    cache holds those versions opens the index without the library's 100,000 summaries
    (`SearchIndex`, `listed`)."""

    ids: list[str]
    numbers: list[int]
    """Each one's `document_number`."""
    paragraphs: list[int]
    days: list[int]
    """Each one's date key (`NO_DATE` when undated)."""
    versions: list[int]
    """The version of each that the index holds (`Library.versions`)."""


def _keep_order(folder: Path, order: _Order) -> None:
    """Write `order`, the documents `folder`'s index holds, with their fingerprint; a
    folder it cannot be written to keeps none (each start compares versions)."""
    held = fingerprint(order.numbers, order.versions)
    try:
        _write_kept(folder / ORDER_FILE, (_ORDER_FORMAT, held, *order))
    except OSError as error:
        log.info("search index order not kept in %s: %s", folder, error)


def _holds(index: tantivy.Index, order: _Order) -> bool:
    """Whether `index` has as many rows as `order` says it holds: a head for each
    document and a row for each of their paragraphs."""
    return bool(index.searcher().num_docs == len(order.ids) + sum(order.paragraphs))


def _forget_order(folder: Path | None) -> None:
    """Remove the order kept in `folder`, before the index there changes: one written
    for its earlier content would not be about it (if the change stops half way)."""
    if folder is None:
        return
    try:
        (folder / ORDER_FILE).unlink(missing_ok=True)
    except OSError as error:
        log.info("search index order in %s not removed: %s", folder, error)


def _kept_order(folder: Path) -> tuple[int, _Order] | None:
    """The order kept in `folder`, with the fingerprint of the versions it holds; None
    if there is none or it does not read."""
    try:
        kept = _read_kept(folder / ORDER_FILE)
    except (OSError, ValueError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 7 and kept[0] == _ORDER_FORMAT):
        return None
    order = _Order(*kept[2:])
    count = len(order.ids)
    if not (
        isinstance(kept[1], int) and all(isinstance(p, list) and len(p) == count for p in order)
    ):
        return None
    return kept[1], order


def _held(index: tantivy.Index) -> dict[int, int]:
    """The version of each document the index holds, by number: read from the heads."""
    searcher = index.searcher()
    most = searcher.doc_freq("role", _HEAD)  # deleted heads counted too: at most
    if not most:
        return {}
    heads = tantivy.Query.term_query(index.schema, "role", _HEAD)
    addresses = [address for _, address in searcher.search(heads, most, count=False).hits]
    keys = searcher.fast_field_values("key", addresses)
    versions = searcher.fast_field_values("version", addresses)
    return {
        key: version
        for key, version in zip(keys, versions, strict=True)
        if isinstance(key, int) and isinstance(version, int)
    }


def _differences(held: Mapping[int, int], wanted: Mapping[int, int]) -> tuple[list[int], set[int]]:
    """What an index that `held` these versions of documents (by number) lacks to hold
    the `wanted` ones: the documents gone or changed, and those to add. Compared
    in C (100,000 in 0.01 s)."""
    stale = list(compress(held, map(ne, held.values(), map(wanted.get, held))))
    fresh = set(compress(wanted, map(ne, wanted.values(), map(held.get, wanted))))
    return stale, fresh


def _synced(
    index: tantivy.Index,
    stale: Sequence[int],
    fresh: Sequence[tuple[str, int]],
    document: Callable[[str], Document | None],
    common: frozenset[str],
) -> None:
    """Bring `index` up to date (`_differences`): the rows of documents gone or
    changed deleted (by their number), those of new versions added (each `document`
    read for them, its pairs of `common` words kept), in one commit."""
    if not stale and not fresh:
        return
    started = time.perf_counter()
    if len(fresh) <= FEW_DOCUMENTS:
        writer = index.writer(UPDATE_HEAP, 1)
    else:
        writer = index.writer(BUILD_HEAP, min(4, os.cpu_count() or 1))
    for key in stale:
        writer.delete_documents_by_term("key", key)
    for doc_id, version in fresh:
        found = document(doc_id)
        for row in _rows(found, version, common) if found is not None else ():
            writer.add_document(row)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    log.info(
        "search index: %d documents written, %d removed or replaced, in %.2f s",
        len(fresh),
        len(stale),
        time.perf_counter() - started,
    )


def _rows(document: Document, version: int, common: frozenset[str]) -> Iterator[tantivy.Document]:
    """The rows of `document` in the index: its head, then its paragraphs (with their
    pairs of `common` words)."""
    key = document_number(document.id)
    head = tantivy.Document()
    head.add_text("role", _HEAD)
    head.add_integer("key", key)
    head.add_integer("version", version)
    yield head
    date = document.date.value.toordinal() if document.date.value else NO_DATE
    for turn in document.turns:
        for paragraph in turn.paragraphs:
            row = tantivy.Document()
            row.add_text("role", _PARAGRAPH)
            folded = folded_words(paragraph.text)
            row.add_text("words", " ".join(folded))
            if pairs := pairs_of(folded, common):
                row.add_text("pairs", " ".join(pairs))
            row.add_integer("key", key)
            row.add_integer("paragraph", paragraph.index)
            row.add_integer("date", date)
            row.add_text("kind", turn.kind.value)
            if turn.speaker:
                row.add_text("speaker", turn.speaker)
            for topic in paragraph.topics:
                row.add_text("topics", topic)
            yield row


def _kept(library: Library, cache: DocumentCache, folder: Path, *, update: bool) -> SearchIndex:
    """The library's index in `folder` beside `cache` (`SearchIndex`): as it is, if it
    holds what the cache does (not to be `update`d: a start's, before the walk)."""
    listed = None if update else library.listed_fingerprint()
    return SearchIndex(
        library.documents,
        library.config,
        folder,
        library.versions,
        cache.identity,
        update=update,
        listed=listed,
    )


def current_index(library: Library, cache: DocumentCache | None) -> SearchIndex | None:
    """The index on disk beside `cache`, if it holds the library as it is, opened
    memory-mapped and neither made nor changed; else None. What a start searches with
    while the walk of the folder says whether anything changed."""
    folder = cache.index_folder() if cache is not None else None
    if cache is None or folder is None:
        return None
    try:
        return _kept(library, cache, folder, update=False)
    except (NotCurrent, OSError, ValueError) as reason:
        log.info("search index %s not opened before the folder is read: %s", folder, reason)
        return None


def cached_index(library: Library, cache: DocumentCache | None) -> SearchIndex:
    """The library's index: on disk beside `cache` (`DocumentCache.index_folder`),
    opened memory-mapped and brought up to date in place. In memory when there is no
    cache or its folder cannot be written; and when the index on disk cannot be made
    or updated (another process writing it, a full disk), which `problem` says."""
    folder = cache.index_folder() if cache is not None else None
    problem = None
    if cache is not None and folder is not None:
        try:
            return _kept(library, cache, folder, update=True)
        except (OSError, ValueError) as error:
            log.warning("search index %s cannot be kept (%s): building it in memory", folder, error)
            problem = str(error)
    index = SearchIndex(library.documents, library.config)
    index.problem = problem
    return index


def phrase_expression(phrase: str) -> str:
    """The words of `phrase` with anything but letters, digits and `_` between them."""
    return r"\W+".join(map(re.escape, phrase.split()))


def _phrase_spans(text: str, folded_text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `text` holds the words of `phrase` one after the other: found in the folded
    text where folding keeps each character's place, else from the words as written
    (`words`: `ß` folded to `ss`, an accent written apart and folded away; both in one
    text keep its length, not its places)."""
    if text.isascii() or all(map(_folds_to_one, frozenset(text) - _ASCII)):
        pattern = re.compile(phrase_expression(phrase))
        return [(m.start(), m.end()) for m in pattern.finditer(folded_text)]
    wanted = phrase.split()
    found = words(text)
    return [
        (found[at][1], found[at + len(wanted) - 1][2])
        for at in range(len(found) - len(wanted) + 1)
        if all(found[at + n][0] == word for n, word in enumerate(wanted))
    ]


def _snippet(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, int]:
    """About SNIPPET_CHARS of `text` around the first match, on word boundaries."""
    if len(text) <= SNIPPET_CHARS:
        return text, 0
    centre = spans[0][0] if spans else 0
    start = max(0, centre - SNIPPET_CHARS // 3)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > centre else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + text[start:end] + suffix, start - len(prefix)
