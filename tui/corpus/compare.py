"""Compare two meetings: pair what they said about the same things.

A line diff is useless between two press conferences: they share almost no
lines, but they share topics and questions. So the unit of comparison is an
*exchange* (a question and the answers that follow it, named by the question
turn's index) or any other turn on its own (a statement, a quote; headings are
section titles, not something said, and are left out).

Two units are scored on three things:

- their *subject*: the topic mentions of what was asked (an exchange's
  question; a statement's whole text). An answer strays: the minister brings up
  his usual themes whatever the question was, so the question decides;
- their *body*: the topic mentions of all their paragraphs;
- their *words*: TF-IDF cosine over content words, weighted within the two
  documents, so words that every unit uses (`Russia`, `cooperation`) and the
  speakers' names count for little. Spellings that differ by a slip or an ending
  (`Azerbaijan`/`Azerbaijani`, a typo) are one word: RapidFuzz maps them.

Pairs are then chosen best first, one to one, down to a floor, so a unit that
resembles nothing on the other side stays unpaired. Within a pair, paragraphs
that say nearly the same thing (the same statement repeated years apart) get
word-level differences.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from tui.corpus.letters import fold
from tui.corpus.model import Document, Paragraph, Turn, TurnKind
from tui.corpus.search import fuzzy_cutoff
from tui.corpus.topics import TopicMatcher

MIN_SIMILARITY = 0.3
"""The least score at which two units are paired. On the seeds, units that a reader
would not pair score at most 0.18, and the pairs a reader would make at least 0.41."""
SUBJECT_WEIGHT, BODY_WEIGHT, WORDS_WEIGHT = 0.5, 0.2, 0.3
WORDS_SCALE = 3.0
"""Related units share few words: a TF-IDF cosine of 1/3 already counts as full
agreement of the words."""
MIXED_ROLES = 0.75
"""Factor for pairing an exchange with a statement: possible (a news article has no
questions), but a question pairs with a question first."""

CLOSE_PARAGRAPH = 0.6
"""Share of words in common (RapidFuzz Indel, on words) from which two paragraphs of
a pair count as the same statement, and their word differences are shown."""
CLOSE_MIN_WORDS = 5
"""Shorter paragraphs (`Ladies and gentlemen,`) are the same everywhere and mean
nothing."""
ALL_PAIRS_LIMIT = 2_500
"""Paragraph pairs within a unit pair compared one by one; beyond, only paragraphs
that share one of their rarest words."""
KEY_WORDS = 6

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?«»…—–-"

_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing done down
    during each either even ever every few for from further had has have having he her
    here hers herself him himself his how however i if in into is it its itself just
    least less let like made make many may me might more most much must my myself
    neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps quite rather really said same say says see shall
    she should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to today too two under until up upon
    us very via was we well were what whatever when where whether which while who whom
    whose why will with within without would yes yet you your yours yourself yourselves
    mr mrs ms
    """
STOP_WORDS = frozenset(_STOP_WORDS.split())


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


@dataclass(frozen=True, slots=True)
class Unit:
    """An exchange (a question turn and the answers after it) or one other turn."""

    turns: tuple[Turn, ...]

    @property
    def index(self) -> int:
        """The name of the unit: its first turn's index (`left_turn` in the JSON)."""
        return self.turns[0].index

    @property
    def is_exchange(self) -> bool:
        return self.turns[0].kind is TurnKind.QUESTION

    @property
    def kind(self) -> str:
        return "exchange" if self.is_exchange else self.turns[0].kind.value

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for turn in self.turns for p in turn.paragraphs)

    @property
    def asked(self) -> tuple[Paragraph, ...]:
        """What sets the subject: the question, or the whole turn."""
        if self.is_exchange:
            return self.turns[0].paragraphs
        return self.paragraphs

    @property
    def first_paragraph(self) -> int:
        return self.paragraphs[0].index

    @property
    def topics(self) -> tuple[str, ...]:
        """Topics in order of first mention."""
        seen: dict[str, None] = {}
        for paragraph in self.paragraphs:
            for topic in paragraph.topics:
                seen.setdefault(topic)
        return tuple(seen)

    def lead(self, width: int) -> str:
        """The first words a person reads (the question, or the turn's opening), on one
        line of at most `width` characters."""
        words: list[str] = []
        size = 0
        for paragraph in self.paragraphs:
            for word in paragraph.text.split():
                if size + len(word) + 1 > width:
                    return " ".join(words) + " …"
                words.append(word)
                size += len(word) + 1
        return " ".join(words)


def units_of(document: Document) -> tuple[Unit, ...]:
    """The document's exchanges and other turns, in reading order."""
    units: list[list[Turn]] = []
    exchange: list[Turn] | None = None
    for turn in document.turns:
        if not turn.paragraphs or turn.kind is TurnKind.HEADING:
            exchange = None
            continue
        if turn.kind is TurnKind.ANSWER and exchange is not None:
            exchange.append(turn)
            continue
        current = [turn]
        units.append(current)
        exchange = current if turn.kind is TurnKind.QUESTION else None
    return tuple(Unit(tuple(turns)) for turns in units)


# --- word differences ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParagraphMatch:
    """Two paragraphs of a pair that say nearly the same thing, word for word."""

    left: int
    """Paragraph index in the left document."""
    right: int
    similarity: float
    """Share of words in common, 0..1."""
    removed: tuple[tuple[int, int], ...]
    """`[start, end)` character spans of the left text whose words the right lacks."""
    added: tuple[tuple[int, int], ...]
    """Spans of the right text whose words the left lacks."""

    def swapped(self) -> ParagraphMatch:
        return ParagraphMatch(self.right, self.left, self.similarity, self.added, self.removed)


def _word_keys(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Words as compared (folded, without edge punctuation) and where they are."""
    # Folding ASCII is lower-casing, which keeps offsets: the text is folded once.
    folded = text.lower() if text.isascii() else None
    keys: list[str] = []
    places: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = folded[start:end] if folded is not None else fold(match.group())
        keys.append(word.strip(_EDGE_PUNCTUATION) or match.group())
        places.append((start, end))
    return keys, places


def _spans(places: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The character span of words `start..end`, the spaces between them included."""
    return places[start][0], places[end - 1][1]


def word_diff(
    left: str, right: str
) -> tuple[float, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The share of words in common, and the spans only in `left` and only in `right`."""
    left_keys, left_places = _word_keys(left)
    right_keys, right_places = _word_keys(right)
    similarity = Indel.normalized_similarity(left_keys, right_keys)
    removed: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []
    # Runs of changes between two equal stretches are one change (`receive final
    # approval` for `be approved`), not a replacement and a deletion side by side.
    runs: list[list[int]] = []
    for op in Levenshtein.opcodes(left_keys, right_keys):
        if op.tag == "equal":
            runs.append([])
        elif runs and runs[-1]:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
        else:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    for run in runs:
        if not run:
            continue
        left_start, left_end, right_start, right_end = run
        if left_end > left_start:
            removed.append(_spans(left_places, left_start, left_end))
        if right_end > right_start:
            added.append(_spans(right_places, right_start, right_end))
    return similarity, tuple(removed), tuple(added)


def _close_paragraphs(left: Unit, right: Unit) -> tuple[ParagraphMatch, ...]:
    """Paragraph pairs of two units that say nearly the same thing, best first, one to one."""
    keyed_left = [(p, _word_keys(p.text)[0]) for p in left.paragraphs]
    keyed_right = [(p, _word_keys(p.text)[0]) for p in right.paragraphs]
    keyed_left = [(p, k) for p, k in keyed_left if len(k) >= CLOSE_MIN_WORDS]
    keyed_right = [(p, k) for p, k in keyed_right if len(k) >= CLOSE_MIN_WORDS]
    found: list[tuple[float, int, int]] = []
    for a, b in _paragraph_candidates(keyed_left, keyed_right):
        short, long = sorted((len(keyed_left[a][1]), len(keyed_right[b][1])))
        if 2 * short / (short + long) < CLOSE_PARAGRAPH:
            continue  # even all the shorter one's words in common would not be enough
        score = Indel.normalized_similarity(
            keyed_left[a][1], keyed_right[b][1], score_cutoff=CLOSE_PARAGRAPH
        )
        if score >= CLOSE_PARAGRAPH:
            found.append((score, a, b))
    matches: list[ParagraphMatch] = []
    for _score, a, b in _one_to_one(found):
        left_paragraph, right_paragraph = keyed_left[a][0], keyed_right[b][0]
        similarity, removed, added = word_diff(left_paragraph.text, right_paragraph.text)
        matches.append(
            ParagraphMatch(left_paragraph.index, right_paragraph.index, similarity, removed, added)
        )
    return tuple(sorted(matches, key=lambda match: match.left))


def _one_to_one(scored: Iterable[tuple[float, int, int]]) -> Iterator[tuple[float, int, int]]:
    """From `(score, left, right)` candidates, best first, those whose left and right
    are both still free: a greedy one-to-one matching. Ties go to the candidate earlier
    in both documents, so the result never depends on the order of a set."""
    used_left: set[int] = set()
    used_right: set[int] = set()
    for score, a, b in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if a not in used_left and b not in used_right:
            used_left.add(a)
            used_right.add(b)
            yield score, a, b


def _paragraph_candidates(
    left: Sequence[tuple[Paragraph, list[str]]], right: Sequence[tuple[Paragraph, list[str]]]
) -> Iterator[tuple[int, int]]:
    """Positions of paragraph pairs worth comparing: all of them for units of usual
    size; for huge ones, those that share one of their rarest words (two versions of
    one statement keep most of their rare words, a typo or two aside)."""
    if len(left) * len(right) <= ALL_PAIRS_LIMIT:
        for a in range(len(left)):
            for b in range(len(right)):
                yield a, b
        return
    frequency = Counter(word for _p, keys in (*left, *right) for word in set(keys))

    def rarest(keys: list[str]) -> list[str]:
        return sorted(set(keys), key=lambda word: (frequency[word], word))[:KEY_WORDS]

    holders: defaultdict[str, list[int]] = defaultdict(list)
    for b, (_paragraph, keys) in enumerate(right):
        for word in rarest(keys):
            holders[word].append(b)
    for a, (_paragraph, keys) in enumerate(left):
        seen: set[int] = set()
        for word in rarest(keys):
            for b in holders.get(word, ()):
                if b not in seen:
                    seen.add(b)
                    yield a, b


# --- scoring ---------------------------------------------------------------------------


def _stem(word: str) -> str:
    """A light English stemmer: plurals and the commonest endings, enough for
    `talks`/`talk` and `agreements`/`agreement`; RapidFuzz catches the rest."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def _names(document: Document) -> set[str]:
    """Words of the speakers' names: in every turn of a transcript, they pair nothing."""
    words: set[str] = set()
    for turn in document.turns:
        for name in (turn.speaker, turn.label):
            if name:
                words.update(_stem(fold(m.group())) for m in _WORD.finditer(name))
    return words


def _content_words(text: str, names: set[str], stems: dict[str, str | None]) -> list[str]:
    """The words that say what a text is about, stemmed. `stems` caches, per word as
    written, its stem or None for a word that does not count."""
    words = []
    for match in _WORD.finditer(text):
        written = match.group()
        stem = stems.get(written, "")
        if stem == "":
            word = fold(written)
            stem = _stem(word) if len(word) > 2 and word not in STOP_WORDS else None
            stem = None if stem in names else stem
            stems[written] = stem
        if stem is not None:
            words.append(stem)
    return words


def _spelling_map(left: set[str], right: set[str]) -> dict[str, str]:
    """Right-side words that are another spelling of a left-side word (a slip, an
    ending), mapped to it. Compared only with words of about the same length."""
    only_left: defaultdict[int, list[str]] = defaultdict(list)
    for word in sorted(left - right):  # sorted: ties go the same way in every run
        if len(word) >= 5:
            only_left[len(word)].append(word)
    mapping: dict[str, str] = {}
    for word in sorted(right - left):
        if len(word) < 5:
            continue
        candidates = [
            c for size in (len(word) - 1, len(word), len(word) + 1) for c in only_left[size]
        ]
        if not candidates:
            continue
        found = process.extractOne(
            word, candidates, scorer=fuzz.ratio, score_cutoff=fuzzy_cutoff(word)
        )
        if found is not None:
            mapping[word] = found[0]
    return mapping


Vector = dict[str, float]


def _normalised(counts: Counter[str] | dict[str, float]) -> Vector:
    norm = math.sqrt(sum(value * value for value in counts.values()))
    return {key: value / norm for key, value in counts.items()} if norm else {}


def _dots(left: Sequence[Vector], right: Sequence[Vector]) -> list[dict[int, float]]:
    """Every nonzero dot product of a left vector with a right one, as `{b: dot}` per
    left vector: through an index of the right vectors by key, so that pairs with
    nothing in common cost nothing."""
    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for b, vector in enumerate(right):
        for key, value in vector.items():
            postings[key].append((b, value))
    dots: list[dict[int, float]] = []
    for vector in left:
        found: defaultdict[int, float] = defaultdict(float)
        for key, value in vector.items():
            for b, other in postings.get(key, ()):
                found[b] += value * other
        dots.append(found)
    return dots


@dataclass(frozen=True, slots=True)
class _Profile:
    words: Vector
    subject: Vector
    body: Vector


def _topic_mentions(paragraphs: Iterable[Paragraph], matcher: TopicMatcher) -> Counter[str]:
    mentions: Counter[str] = Counter()
    for paragraph in paragraphs:
        if paragraph.topics:  # the parser tagged it: the matcher finds the mentions
            mentions.update(span.label for span in matcher.spans(paragraph.text))
    return mentions


def _profiles(
    left: Sequence[Unit],
    right: Sequence[Unit],
    matcher: TopicMatcher,
    names: set[str],
) -> tuple[list[_Profile], list[_Profile]]:
    stems: dict[str, str | None] = {}
    left_words = [
        _content_words(" ".join(p.text for p in u.paragraphs), names, stems) for u in left
    ]
    right_words = [
        _content_words(" ".join(p.text for p in u.paragraphs), names, stems) for u in right
    ]
    spelling = _spelling_map(
        {w for words in left_words for w in words}, {w for words in right_words for w in words}
    )
    right_words = [[spelling.get(w, w) for w in words] for words in right_words]
    all_words = [*left_words, *right_words]
    frequency = Counter(word for words in all_words for word in set(words))
    total = len(all_words)
    # Smoothed: with few units a word in both compared units is in most of them, and
    # must still count for something. Never zero, so identical units stay at cosine 1.
    idf = {word: math.log(1 + total / count) for word, count in frequency.items()}

    def profile(unit: Unit, words: list[str]) -> _Profile:
        counts = Counter(words)
        weights = {word: (1 + math.log(n)) * idf[word] for word, n in counts.items()}
        body = _topic_mentions(unit.paragraphs, matcher)
        subject = _topic_mentions(unit.asked, matcher) or body
        return _Profile(_normalised(weights), _normalised(subject), _normalised(body))

    return (
        [profile(u, w) for u, w in zip(left, left_words, strict=True)],
        [profile(u, w) for u, w in zip(right, right_words, strict=True)],
    )


def _score(mixed: bool, topics: bool, subject: float, body: float, words: float) -> float:
    """The pair score from the three cosines; `topics` says whether topics are evidence
    here, `mixed` whether an exchange meets a statement."""
    words = min(1.0, WORDS_SCALE * words)
    if topics:
        score = SUBJECT_WEIGHT * subject + BODY_WEIGHT * body + WORDS_WEIGHT * words
    else:
        score = words
    if mixed:
        score *= MIXED_ROLES
    return min(1.0, max(0.0, score))


# --- the alignment ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    left: Unit
    right: Unit
    similarity: float
    """0..1; 1 for units that say the same things in the same words."""
    topics: tuple[str, ...]
    """Topics both units mention, in the left unit's order."""
    paragraphs: tuple[ParagraphMatch, ...] = ()
    """Paragraphs that say nearly the same thing, with their word differences."""

    def unit(self, side: Side) -> Unit:
        return self.left if side is Side.LEFT else self.right

    def swapped(self) -> Pair:
        return Pair(
            self.right,
            self.left,
            self.similarity,
            tuple(t for t in self.right.topics if t in self.topics),
            tuple(sorted((m.swapped() for m in self.paragraphs), key=lambda m: m.left)),
        )


@dataclass(frozen=True, slots=True)
class TopicCount:
    name: str
    left: int
    """Paragraphs of the left document that mention the topic."""
    right: int


@dataclass(frozen=True, slots=True)
class Alignment:
    left: Document
    right: Document
    left_units: tuple[Unit, ...]
    right_units: tuple[Unit, ...]
    pairs: tuple[Pair, ...]
    """In the left document's reading order."""
    topics: tuple[TopicCount, ...]
    """Every topic of either document, most mentioned first."""

    @property
    def both(self) -> tuple[TopicCount, ...]:
        return tuple(t for t in self.topics if t.left and t.right)

    @property
    def left_only(self) -> tuple[TopicCount, ...]:
        return tuple(t for t in self.topics if t.left and not t.right)

    @property
    def right_only(self) -> tuple[TopicCount, ...]:
        return tuple(t for t in self.topics if t.right and not t.left)

    def document(self, side: Side) -> Document:
        return self.left if side is Side.LEFT else self.right

    def units(self, side: Side) -> tuple[Unit, ...]:
        return self.left_units if side is Side.LEFT else self.right_units

    def unpaired(self, side: Side) -> tuple[Unit, ...]:
        paired = {pair.unit(side).index for pair in self.pairs}
        return tuple(unit for unit in self.units(side) if unit.index not in paired)

    def pairs_in_order(self, side: Side) -> tuple[Pair, ...]:
        """The pairs in the reading order of the `side` document."""
        return tuple(sorted(self.pairs, key=lambda pair: pair.unit(side).index))

    def swapped(self) -> Alignment:
        """The same alignment with the documents' sides exchanged."""
        pairs = sorted((pair.swapped() for pair in self.pairs), key=lambda p: p.left.index)
        return Alignment(
            self.right,
            self.left,
            self.right_units,
            self.left_units,
            tuple(pairs),
            tuple(TopicCount(t.name, t.right, t.left) for t in self.topics),
        )


def _topic_counts(left: Document, right: Document) -> tuple[TopicCount, ...]:
    def count(document: Document) -> Counter[str]:
        return Counter(topic for p in document.paragraphs for topic in p.topics)

    left_counts, right_counts = count(left), count(right)
    order: dict[str, None] = {}
    for document in (left, right):
        for paragraph in document.paragraphs:
            for topic in paragraph.topics:
                order.setdefault(topic)
    position = {name: n for n, name in enumerate(order)}
    names = sorted(order, key=lambda n: (-(left_counts[n] + right_counts[n]), position[n]))
    return tuple(TopicCount(name, left_counts[name], right_counts[name]) for name in names)


def align(left: Document, right: Document, matcher: TopicMatcher) -> Alignment:
    """Pair the exchanges and turns of two documents by what they are about."""
    if right.id < left.id:
        # One orientation for both orders, so that B against A pairs the same turns with
        # the same figures as A against B (the spelling map and ties have a direction).
        return _align(right, left, matcher).swapped()
    return _align(left, right, matcher)


def _align(left: Document, right: Document, matcher: TopicMatcher) -> Alignment:
    left_units, right_units = units_of(left), units_of(right)
    names = _names(left) | _names(right)
    left_profiles, right_profiles = _profiles(left_units, right_units, matcher, names)
    use_topics = any(p.topics for p in left.paragraphs) and any(p.topics for p in right.paragraphs)
    words = _dots([p.words for p in left_profiles], [p.words for p in right_profiles])
    subjects = _dots([p.subject for p in left_profiles], [p.subject for p in right_profiles])
    bodies = _dots([p.body for p in left_profiles], [p.body for p in right_profiles])
    candidates: list[tuple[float, int, int]] = []
    for a, (unit_a, profile_a) in enumerate(zip(left_units, left_profiles, strict=True)):
        # A pair that shares no word and no topic scores 0: only the others are scored.
        for b in words[a].keys() | subjects[a].keys() | bodies[a].keys():
            unit_b, profile_b = right_units[b], right_profiles[b]
            score = _score(
                unit_a.is_exchange != unit_b.is_exchange,
                # Neither mentions a topic (or one document has none at all): no evidence.
                use_topics and bool(profile_a.body or profile_b.body),
                subjects[a].get(b, 0.0),
                bodies[a].get(b, 0.0),
                words[a].get(b, 0.0),
            )
            if score >= MIN_SIMILARITY:
                candidates.append((score, a, b))
    pairs: list[Pair] = []
    for score, a, b in _one_to_one(candidates):
        unit_a, unit_b = left_units[a], right_units[b]
        shared = tuple(t for t in unit_a.topics if t in unit_b.topics)
        pairs.append(
            Pair(unit_a, unit_b, round(score, 3), shared, _close_paragraphs(unit_a, unit_b))
        )
    pairs.sort(key=lambda pair: pair.left.index)
    return Alignment(left, right, left_units, right_units, tuple(pairs), _topic_counts(left, right))


def compare_entry(alignment: Alignment) -> dict[str, Any]:
    """`dossier compare A B --json`."""
    return {
        "left": alignment.left.id,
        "right": alignment.right.id,
        "topics": {
            "both": [t.name for t in alignment.both],
            "left_only": [t.name for t in alignment.left_only],
            "right_only": [t.name for t in alignment.right_only],
        },
        "pairs": [
            {
                "left_turn": pair.left.index,
                "right_turn": pair.right.index,
                "topics": list(pair.topics),
                "similarity": pair.similarity,
            }
            for pair in alignment.pairs
        ],
    }


def compare_text(alignment: Alignment, width: int = 100) -> str:
    """`dossier compare A B`: both documents, the topics, each pair with its topics,
    similarity and first words, then what stayed unpaired."""
    lines: list[str] = []
    for side in Side:
        document = alignment.document(side)
        facts = " · ".join(filter(None, [document.date.iso or "undated", document.place]))
        lines.append(f"{side.value:5}  {document.id}  {facts}  {document.short_title}")
        lines.append(f"       speakers: {', '.join(document.speakers) or 'none named'}")
    lines.append("")
    for title, topics in (
        ("topics in both", alignment.both),
        ("only left", alignment.left_only),
        ("only right", alignment.right_only),
    ):
        counts = ", ".join(
            f"{t.name} {t.left}|{t.right}"
            if t.left and t.right
            else f"{t.name} {t.left or t.right}"
            for t in topics
        )
        lines.append(f"{title} ({len(topics)}): {counts or '-'}")
    lines.append("(counts: paragraphs that mention the topic, left|right)")
    lead = width - 12
    lines += ["", f"{len(alignment.pairs)} pairs"]
    for pair in alignment.pairs:
        lines.append(
            f"[{pair.left.index}] {_kind(pair.left)} ~ [{pair.right.index}] {_kind(pair.right)}"
            f"  similarity {pair.similarity:.2f}  {', '.join(pair.topics) or 'no shared topic'}"
        )
        lines.append(f"    left   {pair.left.lead(lead)}")
        lines.append(f"    right  {pair.right.lead(lead)}")
        for match in pair.paragraphs:
            changed = len(match.removed) + len(match.added)
            what = f"{changed} changes" if changed else "the same words"
            lines.append(
                f"    close  ¶{match.left} ~ ¶{match.right}  {match.similarity:.0%} of words: {what}"
            )
    for side in Side:
        unpaired = alignment.unpaired(side)
        lines += ["", f"unpaired {side.value} ({len(unpaired)})"]
        lines += [f"[{unit.index}] {_kind(unit)}  {unit.lead(lead)}" for unit in unpaired]
    return "\n".join(lines) + "\n"


def _kind(unit: Unit) -> str:
    return "question" if unit.is_exchange else unit.kind
