"""Typo-tolerant search over every paragraph of the corpus.

The index maps each word (folded: lower case, no accents) to the paragraphs it
occurs in. A query word is looked up exactly, by prefix (as you type) and
fuzzily: RapidFuzz compares it with the indexed words of about the same length
(the vocabulary, not the paragraphs), so a keystroke never scans the corpus
text. Paragraphs that contain a match for every query word are ranked by how
well each word matched and how rare it is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import logging
import marshal
import math
import os
import re
import sys
import time
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from itertools import count, pairwise, repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.corpus.config import Config
from tui.corpus.letters import fold
from tui.corpus.model import Document, Turn, TurnKind
from tui.corpus.workers import process_pool

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from tui.corpus.cache import DocumentCache
    from tui.corpus.library import Library

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
finds there), a space for the rest."""


def folded_words(text: str) -> list[str]:
    """The words of `fold(text)`, as `_WORD` finds them. An ASCII text (most) is cut
    by a byte table, in half the time the expression takes."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    return _WORD.findall(fold(text))


def words(text: str) -> list[tuple[str, int, int]]:
    """Folded words of `text` with their character offsets in `text`."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


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

    document: Document
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
    results: tuple[Result, ...]
    total: int
    """How many paragraphs matched, before the limit."""
    seconds: float


@dataclass(slots=True)
class _TermMatch:
    """The indexed words a query word stands for, each with its similarity 0..1."""

    variants: dict[str, float] = field(default_factory=dict)
    ids: frozenset[int] | None = None
    """The entries holding any of the variants, once built (`SearchIndex._ids`)."""


class _Posting:
    """Where one word occurs: entry ids ascending with each entry's BM25 term weight,
    and the entries where the word weighs most, for ranking large candidate sets.
    Views of the encoded index's buffers (`SearchIndex.encode`), built or read from the cache."""

    __slots__ = ("ids", "top", "weights")

    def __init__(self, ids: Sequence[int], weights: Sequence[float], top: Sequence[int]) -> None:
        self.ids = ids
        self.weights = weights
        self.top = top

    def weight_of(self, entry_id: int) -> float:
        position = bisect.bisect_left(self.ids, entry_id)
        if position < len(self.ids) and self.ids[position] == entry_id:
            return self.weights[position]
        return 0.0


IdSet = set[int] | frozenset[int]

TOP_PER_WORD = 256
"""Entries kept per word in weight order; large candidate sets are ranked from these."""
IN_WORKERS = 20_000
"""Entries (paragraphs, about 600 documents) from which the index is built in worker
processes: below, starting them costs more than they save."""
COUNT_CHUNK = 10_000
"""Entries whose words one worker process counts at a time."""
WEIGH_SHARES = 8
"""Shares of the vocabulary per worker process, weighed one at a time."""
BM25 = (1.2, 0.75)
"""BM25's k1 (how soon more of a word stops counting) and b (how much an entry's
length does)."""
EXACT_RANKING_LIMIT = 800
"""Up to this many candidates are all scored; above it, the best-weighted ones are."""
MAX_PREFIX_VARIANTS = 8
RECENT_TERMS = 16


INDEX_FORMAT = (2, array("I").itemsize, array("f").itemsize, sys.byteorder)
"""What the buffers of an encoded index hold; an index of another format is built again."""
IndexParts = dict[str, bytes]
"""An encoded index: `words` (marshal), `sizes`, `ids`, `weights`, `tops` (array buffers)."""


class SearchIndex:
    def __init__(
        self,
        documents: Sequence[Document],
        config: Config,
        encoded: IndexParts | None = None,
        *,
        workers: int = 1,
    ) -> None:
        """The index of `documents`; its postings decoded from `encoded` (what `encode`
        gave for the same documents, which raises ValueError if it does not fit), else
        built from the text, with up to `workers` processes."""
        self.config = config
        self.entries: list[Entry] = []
        ordered = sorted(documents, key=lambda document: document.sort_key)
        self._doc_ranges: dict[str, range] = {}
        turns: list[tuple[range, Turn]] = []
        for document in ordered:
            first = len(self.entries)
            date = document.date.value
            for turn in document.turns:
                start = len(self.entries)
                self.entries.extend(
                    Entry(
                        document,
                        paragraph.index,
                        turn.index,
                        turn.speaker,
                        turn.kind,
                        date,
                        paragraph.topics,
                        paragraph.text,
                    )
                    for paragraph in turn.paragraphs
                )
                turns.append((range(start, len(self.entries)), turn))
            self._doc_ranges[document.id] = range(first, len(self.entries))
        self._encoded = encoded if encoded is not None else self._built(workers)
        self._postings = _decoded(self._encoded, len(self.entries))
        self.vocabulary = sorted(self._postings)
        by_length: defaultdict[int, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            by_length[len(word)].append(word)
        self._by_length = dict(by_length)
        self._spellings = self._alias_spellings(config)
        self._speaker_keys = self._speaker_search_keys(ordered, config)
        self._topics = [topic.name for topic in config.topics]
        self._facets = self._facet_sets(turns)
        self._recent: dict[str, _TermMatch] = {}
        # Entries follow the documents in date order: a date range is a range of ids.
        self._date_keys = [
            entry.date.toordinal() if entry.date else dt.date.max.toordinal() + 1
            for entry in self.entries
        ]
        # Searches need RapidFuzz: imported with the index, in its thread, rather than
        # on the first keystroke (about 10 ms).
        import_module("rapidfuzz.process")

    def _built(self, workers: int) -> IndexParts:
        """The index of the entries' words, encoded. On a large corpus in `workers`
        processes: each counts the words of a range of entries, in shares of the
        vocabulary, then each joins and weighs the postings of a share."""
        texts = [entry.text for entry in self.entries]
        starts = range(0, len(texts), COUNT_CHUNK)
        chunks = [texts[start : start + COUNT_CHUNK] for start in starts]
        if workers < 2 or len(texts) < IN_WORKERS:
            counted = list(map(_count_words, chunks, starts, repeat(1)))
            lengths = b"".join(chunk_lengths for _, chunk_lengths in counted)
            shares = [chunk_shares[0] for chunk_shares, _ in counted]
            return _encoded(len(texts), [_weighed(len(texts), lengths, shares)])
        count = WEIGH_SHARES * workers
        with process_pool(workers) as pool:
            counted = list(pool.map(_count_words, chunks, starts, repeat(count)))
            lengths = b"".join(chunk_lengths for _, chunk_lengths in counted)
            by_share = zip(*(shares for shares, _ in counted), strict=True)
            return _encoded(
                len(texts), pool.map(_weighed, repeat(len(texts)), repeat(lengths), by_share)
            )

    def encode(self) -> IndexParts:
        """The postings as buffers, for the cache: read back in a fraction of the time
        building them takes (see `__init__`)."""
        return self._encoded

    def _facet_sets(self, turns: list[tuple[range, Turn]]) -> dict[tuple[str, str], frozenset[int]]:
        """Entry ids by kind, speaker and topic; a turn's entries are a range of ids."""
        facets: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
        for ids, turn in turns:
            facets[("kind", turn.kind.value)].update(ids)
            if turn.speaker:
                facets[("speaker", turn.speaker)].update(ids)
        for entry_id, entry in enumerate(self.entries):
            for topic in entry.topics:
                facets[("topic", topic)].add(entry_id)
        return {key: frozenset(ids) for key, ids in facets.items()}

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
    def _speaker_search_keys(documents: Sequence[Document], config: Config) -> dict[str, str]:
        keys: dict[str, str] = {}
        for document in documents:
            for speaker in document.speakers:
                if speaker not in keys:
                    keys[speaker] = " | ".join(fold(name) for name in config.aliases_of(speaker))
        return keys

    # -- lookup ----------------------------------------------------------------------

    def weight(self, word: str, entry_id: int) -> float:
        """The BM25 weight of a folded word in one entry (0 when absent)."""
        posting = self._postings.get(word)
        return posting.weight_of(entry_id) if posting else 0.0

    def _term(self, term: str) -> _TermMatch:
        """A query word's variants. Kept for the last few words (with their entries,
        once built): as a query is typed, its earlier words repeat at every key."""
        match = self._recent.pop(term, None)
        if match is None:
            match = self._match_term(term)
        self._recent[term] = match
        while len(self._recent) > RECENT_TERMS:
            del self._recent[next(iter(self._recent))]
        return match

    def _reach(self, match: _TermMatch) -> int:
        """How many entries hold a variant of `match`, at most."""
        return sum(len(self._postings[word].ids) for word in match.variants)

    def _ids(self, match: _TermMatch) -> frozenset[int]:
        """The entries holding a variant of `match`; built once for a match kept."""
        if match.ids is None:
            match.ids = frozenset().union(*(self._postings[word].ids for word in match.variants))
        return match.ids

    def _within(self, match: _TermMatch, candidates: IdSet) -> IdSet:
        """Those of `candidates` holding a variant of `match`: each variant's postings
        walked against them, in C, rather than a set made of all the entries holding
        one. For a common word that is hundreds of thousands (`the`: 316,111 of 10,000
        documents, 8 ms to make, 48 ms the first time in a process)."""
        if match.ids is not None:
            return candidates.intersection(match.ids)
        return frozenset().union(
            *(candidates.intersection(self._postings[word].ids) for word in match.variants)
        )

    def _match_term(self, term: str) -> _TermMatch:
        match = _TermMatch()
        if term in self._postings:
            match.variants[term] = 1.0
        for other in self._spellings.get(term, ()):
            if other in self._postings:
                match.variants[other] = 1.0
        start = bisect.bisect_left(self.vocabulary, term)
        prefixed = []
        for word in self.vocabulary[start : start + 200]:
            if not word.startswith(term):
                break
            prefixed.append(word)
        # Longer words that start with what was typed, likely the word being typed:
        # the commonest few, so one typed letter does not stand for the dictionary.
        prefixed.sort(key=lambda word: len(self._postings[word].ids), reverse=True)
        for word in prefixed[: MAX_PREFIX_VARIANTS if len(term) > 1 else 0]:
            match.variants.setdefault(word, 0.85 if len(term) >= 3 else 0.6)
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
                match.variants.setdefault(word, 0.2 + 0.6 * (score - cutoff) / (100 - cutoff))
        return match

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

    def _filtered(self, query: Query, hints: list[str]) -> set[int] | None:
        """Entry ids allowed by the filters, or None when every entry is."""
        if not query.has_filters:
            return None
        groups: list[set[int]] = []
        if query.speaker:
            speakers = self._speaker_matches(query.speaker)
            if not speakers:
                hints.append(f"no speaker matches {query.speaker!r}")
            groups.append(set().union(*(self._facets[("speaker", s)] for s in speakers)))
        if query.topic:
            topics = self._topic_matches(query.topic)
            if not topics:
                hints.append(f"no topic matches {query.topic!r}")
            groups.append(
                set().union(*(self._facets.get(("topic", t), frozenset()) for t in topics))
            )
        if query.kind is not None:
            groups.append(set(self._facets.get(("kind", query.kind.value), frozenset())))
        if query.doc:
            prefix = fold(query.doc)
            ranges = [
                r for doc_id, r in self._doc_ranges.items() if fold(doc_id).startswith(prefix)
            ]
            groups.append(set().union(*ranges))
        if query.after is not None or query.before is not None:
            low = bisect.bisect_left(self._date_keys, query.after.toordinal()) if query.after else 0
            high = (
                bisect.bisect_right(self._date_keys, query.before.toordinal())
                if query.before
                else bisect.bisect_left(self._date_keys, dt.date.max.toordinal() + 1)
            )
            groups.append(set(range(low, high)))
        groups.sort(key=len)
        allowed = groups[0]
        for group in groups[1:]:
            allowed = allowed.intersection(group)
        return allowed

    def search(self, text: str, limit: int = 50) -> Answer:
        started = time.perf_counter()
        query = parse_query(text)
        hints = list(query.hints)
        results, total = self._run(query, limit, hints)
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
        return Answer(query, tuple(results), total, time.perf_counter() - started)

    def _run(self, query: Query, limit: int, hints: list[str]) -> tuple[list[Result], int]:
        if query.is_empty:
            if query.excluded:
                hints.append("only exclusions: add a word or a filter to search for")
            return [], 0
        matches = [self._term(term) for term in query.terms]
        candidates = self._matching(query, matches, self._filtered(query, hints))
        if not matches:
            # Filters and phrases only: corpus order.
            top = heapq.nsmallest(limit, candidates)
            bonus = 2.0 * len(query.phrases)
            return [self._result(e, bonus, frozenset(), query) for e in top], len(candidates)
        pool = (
            candidates
            if len(candidates) <= EXACT_RANKING_LIMIT
            else self._pool(matches, candidates, limit)
        )
        scores = dict.fromkeys(pool, 2.0 * len(query.phrases))
        for match in matches:
            for entry_id, score in self._term_scores(match, pool).items():
                scores[entry_id] += score
        top = heapq.nlargest(limit, scores, key=lambda e: (scores[e], -e))
        wanted = frozenset(word for match in matches for word in match.variants)
        return [self._result(e, scores[e], wanted, query) for e in top], len(candidates)

    def _matching(self, query: Query, matches: list[_TermMatch], candidates: IdSet | None) -> IdSet:
        """Those of `candidates` (None: every entry) holding a variant of each of the
        query's words (`matches`), each of its phrases and none of its excluded words."""
        # Each query word must match: the entries of the rarest, then those of them that
        # hold each other word, in C (set operations), never per paragraph.
        for match in sorted(matches, key=self._reach):
            candidates = self._ids(match) if candidates is None else self._within(match, candidates)
        for phrase in query.phrases:
            candidates = self._with_phrase(phrase, candidates)
        if candidates is None:
            candidates = set(range(len(self.entries)))
        for excluded in query.excluded:
            for word in excluded.split():
                if word in self._postings:
                    candidates = candidates.difference(self._postings[word].ids)
        return candidates

    def hits_in(self, query: Query, doc_id: str) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
        """Each paragraph of the document `doc_id` that `query` (an answer's) matches,
        in order, with where its hits are in its text: all of them, not only those a
        search listed, without searching the rest of the corpus."""
        if query.is_empty:
            return []
        within = frozenset(self._doc_ranges.get(doc_id, ()))
        allowed = self._filtered(query, [])
        # The words of the query just answered are kept (`_term`); read, not touched,
        # as a search may be running in another thread.
        matches = [self._recent.get(term) or self._match_term(term) for term in query.terms]
        found = self._matching(
            query, matches, within if allowed is None else within.intersection(allowed)
        )
        wanted = frozenset(word for match in matches for word in match.variants)
        return [
            (self.entries[entry_id].paragraph, tuple(self._text_spans(entry_id, wanted, query)))
            for entry_id in sorted(found)
        ]

    def _term_scores(self, match: _TermMatch, pool: IdSet) -> dict[int, float]:
        """For each entry of `pool`, the weight of its best variant of one query word.
        A variant's postings are walked when shorter than the pool, else looked up."""
        best: dict[int, float] = {}
        for word, similarity in match.variants.items():
            posting = self._postings[word]
            if len(posting.ids) <= 8 * len(pool):
                pairs = (
                    (e, w) for e, w in zip(posting.ids, posting.weights, strict=True) if e in pool
                )
            else:
                pairs = ((e, posting.weight_of(e)) for e in pool)
            for entry_id, weight in pairs:
                score = similarity * weight
                if score > best.get(entry_id, 0.0):
                    best[entry_id] = score
        return best

    def _pool(self, matches: list[_TermMatch], candidates: IdSet, limit: int) -> IdSet:
        """Candidates worth scoring when there are too many to score all: those where a
        query word weighs most. The best few are almost always among them."""
        pool: set[int] = set()
        for match in matches:
            ranked = sorted(match.variants.items(), key=lambda item: item[1], reverse=True)
            for word, _ in ranked[:4]:
                pool.update(e for e in self._postings[word].top if e in candidates)
        if len(pool) < limit:
            pool.update(heapq.nsmallest(limit, candidates - pool))
        return pool

    def phrase_entries(self, query: Query, hints: list[str]) -> list[int]:
        """Ids, in corpus order, of the entries that hold the query's words as one
        phrase (exact words, any case) and pass its filters and exclusions."""
        phrase = " ".join([*query.phrases, *query.terms])
        if not phrase:
            return []
        candidates = self._with_phrase(phrase, self._filtered(query, hints))
        for excluded in query.excluded:
            for word in excluded.split():
                if word in self._postings:
                    candidates = candidates.difference(self._postings[word].ids)
        return sorted(candidates)

    def _with_phrase(self, phrase: str, candidates: IdSet | None) -> IdSet:
        """Entries holding the words of `phrase` in that order."""
        for word in phrase.split():
            posting = self._postings.get(word)
            ids = posting.ids if posting else ()
            candidates = set(ids) if candidates is None else candidates.intersection(ids)
        if not candidates or " " not in phrase:
            return candidates or set()  # one word: its posting list is the answer
        patterns = _phrase_patterns(phrase)
        return {e for e in candidates if _holds_phrase(self.entries[e].text, patterns)}

    def _result(self, entry_id: int, score: float, wanted: frozenset[str], query: Query) -> Result:
        """Entry `entry_id` as a result: its snippet, with the query's `wanted` words
        (every variant of every term) and phrases marked."""
        entry = self.entries[entry_id]
        text_spans = self._text_spans(entry_id, wanted, query)
        snippet, offset = _snippet(entry.text, text_spans)
        spans = tuple(
            (start - offset, end - offset)
            for start, end in text_spans
            if start >= offset and end - offset <= len(snippet)
        )
        return Result(entry, score, snippet, spans, tuple(text_spans))

    def _text_spans(
        self, entry_id: int, wanted: frozenset[str], query: Query
    ) -> list[tuple[int, int]]:
        """Where the `wanted` words and the query's phrases are in the entry's text."""
        text = self.entries[entry_id].text
        spans = word_spans(text, wanted)
        if query.phrases:
            folded_text = fold(text)
            for phrase in query.phrases:
                spans.extend(_phrase_spans(text, folded_text, phrase))
        spans.sort()
        return spans


_Buffers = tuple[bytes, bytes, bytes, bytes, bytes]
"""Postings of some words, each word's in turn, as `array("I")` buffers: how many
entries hold each word, their ids; how many of them hold it more than once, and for
those their place among its entries and its count there."""


@dataclass(frozen=True, slots=True)
class _Joined:
    """The postings of a share of the words over every range of entries."""

    words: list[str]
    sizes: NDArray[np.int64]
    """How many entries hold each word."""
    ids: NDArray[np.uint32]
    """Those entries, word by word, each word's ascending."""
    repeated: NDArray[np.int64]
    """Where in `ids` a word occurs more than once in its entry,"""
    times: NDArray[np.uint32]
    """and how many times."""


_Share = tuple[list[str], _Buffers]
"""Some words with their postings."""


def _count_words(texts: Sequence[str], first: int, shares: int) -> tuple[list[_Share], bytes]:
    """The words of `texts`, the entries from id `first` on, in `shares` shares of the
    vocabulary (by a hash of the word, the same in every process), each share's words
    in the order first found, and each entry's length in words; in a worker process.
    Each word becomes a number where it is found; numpy sorts the (word, entry) pairs
    and counts the repeated ones, in a third less time than a count per entry."""
    import numpy as np  # only building an index needs it

    numbers: defaultdict[str, int] = defaultdict(count().__next__)
    found, lengths = array("I"), array("I")
    for text in texts:
        text_words = folded_words(text)
        found.extend(map(numbers.__getitem__, text_words))
        lengths.append(len(text_words))
    vocabulary = list(numbers)
    entries = max(1, len(texts))
    entry = np.repeat(np.arange(len(texts)), np.frombuffer(lengths, dtype=np.uint32))
    pairs = np.frombuffer(found, dtype=np.uint32).astype(np.int64) * entries + entry
    held, times = np.unique(pairs, return_counts=True)  # by word, then entry
    word = held // entries
    ids = (held - word * entries + first).astype(np.uint32)
    sizes = np.bincount(word, minlength=len(vocabulary))
    place = np.arange(len(held)) - np.concatenate(([0], np.cumsum(sizes)))[word]
    repeated = times > 1
    repeats = np.bincount(word[repeated], minlength=len(vocabulary))
    share = np.fromiter(
        (zlib.crc32(w.encode("utf-8", "surrogatepass")) % shares for w in vocabulary),
        dtype=np.int64,
        count=len(vocabulary),
    )
    in_share = share[word]
    order = np.argsort(in_share, kind="stable")  # share by share, words in order
    ids, place, times, repeated = ids[order], place[order], times[order], repeated[order]
    result: list[_Share] = []
    start = 0
    for number, end in enumerate(np.cumsum(np.bincount(in_share, minlength=shares)).tolist()):
        mine, again = np.flatnonzero(share == number), repeated[start:end]
        buffers = (
            sizes[mine].astype(np.uint32).tobytes(),
            ids[start:end].tobytes(),
            repeats[mine].astype(np.uint32).tobytes(),
            place[start:end][again].astype(np.uint32).tobytes(),
            times[start:end][again].astype(np.uint32).tobytes(),
        )
        result.append(([vocabulary[w] for w in mine.tolist()], buffers))
        start = end
    return result, lengths.tobytes()


def _joined(parts: Iterable[_Share]) -> _Joined:
    """The postings of consecutive ranges of entries as one: each (word, range) segment
    moved, in numpy, next to the same word's segments of the earlier ranges."""
    import numpy as np  # only building an index needs it

    numbers: dict[str, int] = {}
    segment_words: list[int] = []
    buffers: list[_Buffers] = []
    for words, part in parts:
        segment_words.extend(numbers.setdefault(word, len(numbers)) for word in words)
        buffers.append(part)
    sizes, ids, repeats, places, times = (
        np.frombuffer(b"".join(part[column] for part in buffers), dtype=np.uint32)
        for column in range(5)
    )
    word = np.array(segment_words, dtype=np.int64)
    order = np.argsort(word, kind="stable")  # segments word by word, ranges in order
    lengths = sizes.astype(np.int64)
    start_in_parts = np.concatenate(([0], np.cumsum(lengths)))[:-1]
    start_joined = np.empty_like(start_in_parts)
    start_joined[order] = np.concatenate(([0], np.cumsum(lengths[order])))[:-1]
    source = np.repeat(start_in_parts[order] - start_joined[order], lengths[order])
    return _Joined(
        list(numbers),
        np.bincount(word, weights=lengths, minlength=len(numbers)).astype(np.int64),
        ids[source + np.arange(len(source))],
        (np.repeat(start_joined, repeats.astype(np.int64)) + places).astype(np.int64),
        times,
    )


@lru_cache(maxsize=1)
def _norms(lengths: bytes) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """BM25's length norm of each entry of `lengths` (words), and the weight of a word
    met once in it before the word's idf. Kept for the next share a worker weighs."""
    import numpy as np

    k1, b = BM25
    entry_lengths = np.frombuffer(lengths, dtype=np.uint32)
    average = int(entry_lengths.sum(dtype=np.int64)) / max(1, len(entry_lengths))
    norms = k1 * (1 - b + b * entry_lengths.astype(np.float64) / average)
    return norms, (k1 + 1) / (1 + norms)


def _weighed(
    entries: int, lengths: bytes, parts: Iterable[_Share]
) -> tuple[list[str], bytes, bytes, bytes, bytes]:
    """BM25 weights of the postings of a share of the words, from `parts` (`_joined`),
    in an index of `entries` entries of `lengths` (words): a word's weight in an entry
    grows with its count, with diminishing returns, and a mention in a short entry
    counts more than in a long one. Encoded as `SearchIndex.encode` keeps them: the
    words, the sizes of each one's postings and top, and the ids, weights and tops; in
    a worker process. In numpy, all the words' postings at once: on 10,000 documents
    there are 18 million, 8 s of CPU a posting at a time, 1 s so."""
    import numpy as np  # only building an index needs it

    k1, _ = BM25
    norms, once = _norms(lengths)
    joined = _joined(parts)
    words, sizes, ids, at, times = (
        joined.words,
        joined.sizes,
        joined.ids,
        joined.repeated,
        joined.times,
    )
    starts = np.concatenate(([0], np.cumsum(sizes))).tolist()
    # Each posting's idf, from math.log: the weights are the same to the bit as those
    # a posting at a time gives (the index's tests compute them so).
    idf = np.repeat([math.log(1 + entries / size) for size in sizes.tolist()], sizes)
    weights = idf * once[ids]
    # Where a word occurs more than once: idf * count * (k1 + 1) / (count + norm)
    weights[at] = idf[at] * times * (k1 + 1) / (times + norms[ids[at]])
    stored = weights.astype(np.float32)
    tops = [_top(ids[a:b], stored[a:b]) for a, b in pairwise(starts)]
    top_sizes = np.fromiter(map(len, tops), dtype=np.int64, count=len(tops))
    pairs = np.column_stack((sizes, top_sizes)).astype(np.uint32)
    return (
        words,
        pairs.tobytes(),
        ids.tobytes(),
        stored.tobytes(),
        b"".join(t.tobytes() for t in tops),
    )


def _encoded(
    entries: int, shares: Iterable[tuple[list[str], bytes, bytes, bytes, bytes]]
) -> IndexParts:
    """The shares of an index's words as one index (`SearchIndex.encode`)."""
    words: list[str] = []
    buffers: tuple[list[bytes], ...] = ([], [], [], [])
    for share_words, *share_buffers in shares:
        words.extend(share_words)
        for kept, buffer in zip(buffers, share_buffers, strict=True):
            kept.append(buffer)
    sizes, ids, weights, tops = map(b"".join, buffers)
    return {
        "words": marshal.dumps((INDEX_FORMAT, entries, words)),
        "sizes": sizes,
        "ids": ids,
        "weights": weights,
        "tops": tops,
    }


def _top(ids: NDArray[np.uint32], weights: NDArray[np.float32]) -> NDArray[np.uint32]:
    """The TOP_PER_WORD entries of `ids` where the word weighs most (of equal weights,
    the first), in id order."""
    import numpy as np

    if len(ids) <= TOP_PER_WORD:
        return ids
    least = np.partition(weights, len(weights) - TOP_PER_WORD)[len(weights) - TOP_PER_WORD]
    heavier = np.flatnonzero(weights > least)
    tied = np.flatnonzero(weights == least)[: TOP_PER_WORD - len(heavier)]
    return ids[np.sort(np.concatenate((heavier, tied)))]


def _decoded(parts: IndexParts, entries: int) -> dict[str, _Posting]:
    """The postings of an encoded index of `entries` entries, as views of its buffers.
    Raises ValueError when the parts are not such an index."""
    try:
        value: Any = marshal.loads(parts["words"])
        form, count, words = value
        sizes, ids, tops = (memoryview(parts[name]).cast("I") for name in ("sizes", "ids", "tops"))
        weights = memoryview(parts["weights"]).cast("f")
    except (KeyError, TypeError, ValueError, EOFError) as error:
        raise ValueError(f"not an index: {error}") from None
    if form != INDEX_FORMAT or count != entries:
        raise ValueError(f"an index of format {form} and {count} entries")
    if (
        len(sizes) != 2 * len(words)
        or sum(sizes[0::2]) != len(ids)
        or len(weights) != len(ids)
        or sum(sizes[1::2]) != len(tops)
    ):
        raise ValueError("index buffers of the wrong sizes")
    postings: dict[str, _Posting] = {}
    start = top_start = 0
    for number, word in enumerate(words):
        end, top_end = start + sizes[2 * number], top_start + sizes[2 * number + 1]
        if end > start and ids[end - 1] >= entries:  # ids ascend: the last is the largest
            raise ValueError(f"{word!r} occurs in entry {ids[end - 1]} of {entries}")
        postings[word] = _Posting(ids[start:end], weights[start:end], tops[top_start:top_end])
        start, top_start = end, top_end
    return postings


def cached_index(
    library: Library,
    cache: DocumentCache | None,
    ready: Callable[[SearchIndex], object] = lambda index: None,
) -> SearchIndex:
    """The library's index: read from `cache` when it holds the index of these very
    files (the same paths, sizes, modification times and ids, parsed the same way),
    else built and stored there for the next start. It is handed to `ready` as soon as
    it can search: before it is stored, which takes a second on 10,000 documents."""
    key = library.signature()
    encoded = cache.index(key) if cache is not None else None
    if encoded is not None:
        try:
            index = SearchIndex(library.documents, library.config, encoded)
        except ValueError as error:
            log.warning("cached search index unusable (%s): building it again", error)
        else:
            ready(index)
            return index
    index = SearchIndex(library.documents, library.config, workers=os.cpu_count() or 1)
    ready(index)
    if cache is not None:
        cache.store_index(key, index.encode())
    return index


def phrase_expression(phrase: str) -> str:
    """The words of `phrase` with anything but letters, digits and `_` between them."""
    return r"\W+".join(map(re.escape, phrase.split()))


def _phrase_patterns(phrase: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The folded words of `phrase` as a phrase ending a word, in case and ignoring case
    (`_holds_phrase`)."""
    source = phrase_expression(phrase) + r"(?!\w)"
    return re.compile(source), re.compile(source, re.IGNORECASE)


def _holds_phrase(text: str, patterns: tuple[re.Pattern[str], re.Pattern[str]]) -> bool:
    """Whether `text` holds the phrase of `patterns` as whole words, in any case and with
    or without accents. The expressions start with a word, not with a lookbehind: looked
    for by that word's letters first, in case in an ASCII text made lower case, they
    take a fifth of the time. A text beyond ASCII is searched ignoring case, then
    folded (4 microseconds a paragraph)."""
    exact, caseless = patterns
    if text.isascii():
        return _at_word_start(exact, text.lower())
    return _at_word_start(caseless, text) or _at_word_start(exact, fold(text))


def _at_word_start(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches `text` where a word starts: not after a letter, a
    digit or `_`."""
    match = pattern.search(text)
    while match is not None:
        start = match.start()
        if start == 0 or not _WORD.match(text, start - 1):
            return True
        match = pattern.search(text, start + 1)
    return False


def _phrase_spans(text: str, folded_text: str, phrase: str) -> list[tuple[int, int]]:
    # fold() may change lengths (ß -> ss); only trust offsets where it did not.
    if len(folded_text) != len(text):
        return []
    pattern = re.compile(phrase_expression(phrase))
    return [(m.start(), m.end()) for m in pattern.finditer(folded_text)]


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
