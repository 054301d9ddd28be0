"""A deterministic synthetic corpus built from the seeds' paragraphs.

    python bench/gen_corpus.py OUT_DIR --docs N [--seed S]

writes `syn_000000.txt` ... in the page layouts the parser knows: ministry
transcripts (`Question:` / `NAME:` turns), interviews (`Q:` / `A:`) and news
agency articles (`MOSCOW, April 4. /TASS/.` datelines). Speakers, places,
dates and paragraph order vary, and about 3% of words carry a typo. Document
`i` depends only on `(seed, i)`, so any one of them can be rebuilt on its own,
together with what the parser is expected to make of it (`build`).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.corpus.config import Config, load_config
from tui.corpus.dates import match_dateline
from tui.corpus.library import Library
from tui.corpus.model import Document, TurnKind

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
TYPO_RATE = 0.03

NAMES = (
    "Sergey Lavrov",
    "Sergei Lavrov",
    "Anna Petrova",
    "Mikhail Sorokin",
    "Elena Vasquez",
    "Tomasz Nowak",
    "Leila Hasanova",
    "Rashad Guliyev",
    "Jean-Luc Moreau",
    "Ingrid Halvorsen",
    "Kwame Mensah",
    "Arjun Mehta",
    "Olga Kuznetsova",
    "David O'Connor",
    "Hans-Peter Vogel",
    "Giulia Romano",
    "Mehmet Yılmaz",
    "Zoë Clarke",
    "Şahin Demir",
    "Émile Laurent",
    "Nikolai Berezin",
    "Sofia Andersson",
    "Pedro Alvarez",
    "Yuki Tanaka",
    "Amir Rahimi",
    "Natalia Orlova",
    "Viktor Lebedev",
    "Aidan Brennan",
    "Farida Nazarova",
    "Kenji Watanabe",
    "Lucia Ferreira",
    "Oleksandr Bondar",
    "Irina Volkova",
    "Jonas Berg",
    "Carlos Mendes",
    "Fatima Rahman",
    "Georgi Ivanov",
    "Helena Novak",
    "Samuel Okafor",
    "Mohammad Reza Karimi",
    "Ana María Torres",
)
PLACES = (
    "Moscow",
    "Baku",
    "London",
    "Paris",
    "Berlin",
    "Ankara",
    "Tehran",
    "Astana",
    "Yerevan",
    "Tbilisi",
    "Minsk",
    "Beijing",
    "New Delhi",
    "New York",
    "Geneva",
    "Vienna",
    "St Petersburg",
    "Sochi",
    "Istanbul",
    "São Paulo",
)
COUNTRIES = (
    "Azerbaijan",
    "Armenia",
    "Turkey",
    "Iran",
    "Kazakhstan",
    "Georgia",
    "France",
    "Germany",
    "India",
    "China",
    "Brazil",
    "Norway",
)
ROLES = ("Foreign Minister", "Deputy Foreign Minister", "Prime Minister", "President")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LANGUAGE_BARS = ("  • en-GB1 ru-RU1", "  • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "  • en-GB1 fr-FR1")
TRAILERS = ("Additional materials", "Additional materials\n\n\nAdvanced settings")
TRANSCRIPT_TITLES = (
    "{role} {name}’s remarks and answers to media questions at a joint news conference "
    "following talks with Foreign Minister of {country} {other}",
    "{role} {name}’s statement and answers to media questions at a joint news conference "
    "following a meeting with President of {country} {other}",
    "{role} {name}'s remarks and answers to media questions during a joint news conference "
    "following talks with Foreign Minister of {country} {other}",
    "{role} {name}’s opening remarks and answers to questions at talks with "
    "Foreign Minister of {country} {other}",
)
INTERVIEW_TITLES = (
    "{role} {name}’s interview with the {outlet} newspaper",
    "{role} {name}’s interview with {outlet} television",
)
OUTLETS = ("Kommersant", "Izvestia", "Le Monde", "Hürriyet", "The Hindu", "Folha", "Aftenposten")
QUESTION_LABELS = (
    "Question",
    "Question (to both ministers)",
    "Question (addressed to both ministers)",
)
SALUTATIONS = ("Ladies and gentlemen,", "Good afternoon,", "Good evening,", "Colleagues,")
HEADLINES = (
    "{surname} says cooperation with {country} can ensure security in the region",
    "{surname} hopes for progress in talks with {country} before the end of the year",
    "{surname} calls relations with {country} a genuine strategic partnership",
)
LEADS = (
    "{role} {name} has expressed the hope that {country} will display political will "
    "to resolve the outstanding issues",
    "{role} {name} has expressed the hope that ties with {country} will keep developing",
)
AGENCIES = ("TASS", "Interfax", "RIA Novosti", "Reuters")
ARTICLE_HEADINGS = ("Regional security", "Trade and economy", "Caspian agenda", "Humanitarian ties")
REPORT_VERBS = ("said", "noted", "stressed", "added", "emphasized")

# A word the typo pass may change: lower-case letters only (names, places,
# weekdays and labels are capitalised and stay intact), with trailing punctuation.
_TYPO_WORD = re.compile(r"[a-z]{4,}[,.;:!?]*")
_MAIN_SPEAKER = "\x00MAIN\x00"
_MAIN_SURNAME = "\x00SUR\x00"


# --- the seeds' paragraphs -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Prepared:
    """A paragraph split into tokens once, with the tokens a typo may touch."""

    tokens: tuple[str, ...]
    eligible: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Prepared:
        tokens = tuple(text.split(" "))
        eligible = tuple(i for i, token in enumerate(tokens) if _TYPO_WORD.fullmatch(token))
        return cls(tokens, eligible)


@dataclass(frozen=True, slots=True)
class Pools:
    salutations: tuple[Prepared, ...]
    opening: tuple[Prepared, ...]
    questions: tuple[Prepared, ...]
    answers: tuple[Prepared, ...]
    reported: tuple[Prepared, ...]
    """Article paragraphs, the main speaker's names replaced by placeholders."""
    headings: tuple[str, ...]


def _is_salutation(text: str) -> bool:
    return len(text) < 40 and text.endswith(",")


def _with_placeholders(text: str, speaker: str) -> str:
    text = text.replace(speaker, _MAIN_SPEAKER)
    return re.sub(rf"\b{re.escape(speaker.split()[-1])}\b", _MAIN_SURNAME, text)


def pools_from(documents: Sequence[Document]) -> Pools:
    """Sort the parsed seeds' paragraphs by the part they play in a document."""
    salutations: list[str] = []
    opening: list[str] = []
    questions: list[str] = []
    answers: list[str] = []
    reported: list[str] = []
    headings: list[str] = list(ARTICLE_HEADINGS)
    for document in documents:
        labelled = any(turn.label for turn in document.turns)
        main = document.speakers[0] if document.speakers else None
        for turn in document.turns:
            texts = [paragraph.text for paragraph in turn.paragraphs]
            if turn.kind is TurnKind.HEADING:
                headings.extend(texts)
            elif not labelled:
                reported.extend(
                    _with_placeholders(text, main) if main else text
                    for text in texts
                    if match_dateline(text) is None
                )
            elif turn.kind is TurnKind.QUESTION:
                questions.extend(texts)
            elif turn.kind is TurnKind.ANSWER:
                answers.extend(texts)
            else:
                salutations.extend(text for text in texts if _is_salutation(text))
                opening.extend(text for text in texts if not _is_salutation(text))
    salutations.extend(s for s in SALUTATIONS if s not in salutations)

    def prepare(texts: list[str]) -> tuple[Prepared, ...]:
        return tuple(Prepared.of(text) for text in dict.fromkeys(texts))

    return Pools(
        prepare(salutations),
        prepare(opening),
        prepare(questions),
        prepare(answers),
        prepare(reported),
        tuple(dict.fromkeys(headings)),
    )


@cache
def _default_config() -> Config:
    return load_config()


@cache
def seed_pools(seeds_dir: Path = SEEDS_DIR) -> Pools:
    return pools_from(Library.load(seeds_dir, _default_config()).documents)


# --- typos -----------------------------------------------------------------------


def _typo(word: str, rng: random.Random) -> str:
    """Swap two neighbouring letters, drop one, or double one, inside the word."""
    core = word.rstrip(",.;:!?")
    tail = word[len(core) :]
    i = rng.randrange(1, len(core) - 1)
    operation = rng.randrange(3)
    if operation == 0:
        core = core[:i] + core[i + 1] + core[i] + core[i + 2 :]
    elif operation == 1:
        core = core[:i] + core[i + 1 :]
    else:
        core = core[:i] + core[i] + core[i:]
    return core + tail


def render(paragraph: Prepared, rng: random.Random, rate: float = TYPO_RATE) -> str:
    """The paragraph with about `rate` of its words mistyped.

    Typo positions are drawn with geometric gaps (one random number per typo,
    not per word); a position on a word that must stay intact moves on to the
    next word that may change.
    """
    tokens = list(paragraph.tokens)
    log_keep = math.log(1.0 - rate)
    position = int(math.log(1.0 - rng.random()) / log_keep)
    while True:
        slot = bisect.bisect_left(paragraph.eligible, position)
        if slot == len(paragraph.eligible):
            break
        index = paragraph.eligible[slot]
        tokens[index] = _typo(tokens[index], rng)
        position = index + 1 + int(math.log(1.0 - rng.random()) / log_keep)
    return " ".join(tokens)


def draw(pool: Sequence[Prepared], count: int, rng: random.Random) -> list[Prepared]:
    """`count` paragraphs in shuffled order, the pool reshuffled each time it runs out."""
    drawn: list[Prepared] = []
    while len(drawn) < count:
        batch = list(pool)
        rng.shuffle(batch)
        drawn.extend(batch)
    return drawn[:count]


# --- documents -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedTurn:
    kind: TurnKind
    speaker: str | None
    """Canonical name, as `Config.canonical` gives it."""
    paragraphs: int


@dataclass(frozen=True, slots=True)
class Expected:
    """What a correct parser makes of a synthetic document."""

    layout: str
    """`transcript`, `interview` or `article`."""
    date: dt.date
    place: str
    speaker: str
    """The main speaker, canonical."""
    paragraphs: int
    headings: int
    turns: tuple[ExpectedTurn, ...] | None
    """Every turn in order; None for articles, whose attribution is a judgement."""
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class SyntheticDoc:
    name: str
    text: str
    expected: Expected


@dataclass(slots=True)
class _Segment:
    label: str | None
    kind: TurnKind
    speaker: str | None
    paragraphs: list[str]


@dataclass(frozen=True, slots=True)
class _Cast:
    name: str
    other: str
    role: str
    country: str
    place: str
    date: dt.date

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def title_date(self) -> str:
        return f"{MONTH_NAMES[self.date.month - 1]} {self.date.day}, {self.date.year}"


_FIRST_DAY = dt.date(1995, 1, 1).toordinal()
_LAST_DAY = dt.date(2025, 12, 31).toordinal()


def _cast(rng: random.Random) -> _Cast:
    name, other = rng.sample(NAMES, 2)
    return _Cast(
        name=name,
        other=other,
        role=rng.choice(ROLES),
        country=rng.choice(COUNTRIES),
        place=rng.choice(PLACES),
        date=dt.date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY)),
    )


def _header_line(date: dt.date, rng: random.Random) -> str:
    """`6 March 201714:20`, as scraped: the time glued to the year, or not."""
    glue = rng.choice(("", " "))
    clock = f"{rng.randrange(8, 22):02d}:{rng.randrange(60):02d}"
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}{glue}{clock}"


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` paragraphs over `parts` turns, each turn at least one."""
    sizes = [1] * parts
    for index, extra in Counter(rng.choices(range(parts), k=max(0, total - parts))).items():
        sizes[index] += extra
    return sizes


@dataclass(slots=True)
class _Page:
    text: str
    segments: list[_Segment]
    headings: int = 0
    agency: str | None = None


def _exchanges(cast: _Cast, budget: int, interview: bool, rng: random.Random) -> list[_Segment]:
    """Question and answer turns with about `budget` paragraphs in all, still empty."""
    count = rng.randint(1, max(1, min(10, budget // 2)))
    short_labels = not interview and rng.random() < 0.25
    segments: list[_Segment] = []
    for number in range(count):
        asked = 2 if rng.random() < 0.15 else 1
        if interview:
            question, answer = ("Q", "A") if rng.random() < 0.8 else ("Question", "Answer")
            answers = [(answer, cast.name)]
        else:
            question = rng.choice(QUESTION_LABELS)
            name = cast.surname if short_labels and number > 0 else cast.name
            answers = [(name + rng.choice(("", "", *_after(cast.other))), cast.name)]
            if "both" in question and rng.random() < 0.4:
                answers = [
                    (cast.other, cast.other),
                    (name + rng.choice(_after(cast.other)), cast.name),
                ]
        segments.append(_Segment(question, TurnKind.QUESTION, None, [""] * asked))
        segments += [_Segment(label, TurnKind.ANSWER, who, []) for label, who in answers]
    answer_turns = [s for s in segments if s.kind is TurnKind.ANSWER]
    asked_total = sum(len(s.paragraphs) for s in segments)
    for segment, size in zip(
        answer_turns, _split(budget - asked_total, len(answer_turns), rng), strict=True
    ):
        segment.paragraphs = [""] * size
    return segments


def _after(other: str) -> tuple[str, str]:
    return f" (speaking after {other})", f" (replies after {other})"


def _fill(segments: list[_Segment], pools: Pools, rng: random.Random) -> None:
    """Give question and answer turns seed paragraphs, each pool drawn in shuffled order."""
    for kind, pool in ((TurnKind.QUESTION, pools.questions), (TurnKind.ANSWER, pools.answers)):
        wanted = [s for s in segments if s.kind is kind]
        texts = iter(draw(pool, sum(len(s.paragraphs) for s in wanted), rng))
        for segment in wanted:
            segment.paragraphs = [render(next(texts), rng) for _ in segment.paragraphs]


def _labelled(cast: _Cast, total: int, interview: bool, pools: Pools, rng: random.Random) -> _Page:
    """A ministry transcript or interview: head, opening remarks, exchanges, trailer."""
    opening: list[str] = []
    if interview:
        opening = [render(p, rng) for p in draw(pools.opening, rng.randint(0, 2), rng)]
    else:
        count = rng.randint(1, max(1, total // 2 - 1))
        opening = [render(rng.choice(pools.salutations), rng)]
        opening += [render(p, rng) for p in draw(pools.opening, count, rng)]
    segments = [_Segment(None, TurnKind.STATEMENT, cast.name, opening)] if opening else []
    segments += _exchanges(cast, total - len(opening), interview, rng)
    _fill(segments, pools, rng)
    template = rng.choice(INTERVIEW_TITLES if interview else TRANSCRIPT_TITLES)
    title = template.format(
        role=cast.role,
        name=cast.name,
        country=cast.country,
        other=cast.other,
        outlet=rng.choice(OUTLETS),
    )
    head = [
        _header_line(cast.date, rng),
        f"{title}, {cast.place}, {cast.title_date}\n",
        rng.choice(LANGUAGE_BARS),
    ]
    body = [_segment_text(segment) for segment in segments]
    tail = [rng.choice(TRAILERS)] if rng.random() < 0.7 else []
    return _Page("\n\n".join(head + body + tail), segments)


def _article(cast: _Cast, total: int, pools: Pools, rng: random.Random) -> _Page:
    """A news agency article: headline, lead, dateline paragraph, reported speech.

    The dateline has no year: it is in a header date line, or in a sentence
    (`the year 2017 marks`) of the dateline paragraph, which also names the weekday.
    """
    agency = rng.choice(AGENCIES)
    month = MONTH_NAMES[cast.date.month - 1]
    dateline = (
        f"{cast.place.upper()}, {month} {cast.date.day} ({agency}) -"
        if agency == "Reuters"
        else f"{cast.place.upper()}, {month} {cast.date.day}. /{agency}/."
    )
    year_in_header = rng.random() < 0.5
    opening = (
        f"{dateline} {cast.role} {cast.name} said on {cast.date.strftime('%A')} that talks "
        f"with {cast.other} had been constructive."
    )
    if not year_in_header:
        opening += f" {cast.surname} recalled that the year {cast.date.year} marks a new stage."
    fields = {
        "role": cast.role,
        "name": cast.name,
        "surname": cast.surname,
        "country": cast.country,
    }
    body_count = max(0, total - 2)
    from_articles = min(body_count, len(pools.reported))
    reported = [
        render(p, rng).replace(_MAIN_SPEAKER, cast.name).replace(_MAIN_SURNAME, cast.surname)
        for p in draw(pools.reported, from_articles, rng)
    ]
    reported += [
        _quote(render(p, rng), cast.surname, rng.choice(REPORT_VERBS))
        for p in draw(pools.opening + pools.answers, body_count - from_articles, rng)
    ]
    rng.shuffle(reported)
    headings = 0
    if len(reported) >= 4 and rng.random() < 0.5:
        reported.insert(rng.randrange(1, len(reported) - 1), rng.choice(pools.headings))
        headings = 1
    paragraphs = [rng.choice(LEADS).format(**fields) + ".", opening, *reported]
    head = ["All news", rng.choice(HEADLINES).format(**fields)]
    if year_in_header:
        head.insert(0, _header_line(cast.date, rng))
    segments = [_Segment(None, TurnKind.QUOTE, None, paragraphs)]
    return _Page("\n\n".join(head + paragraphs), segments, headings, agency)


def _quote(text: str, surname: str, verb: str) -> str:
    """`“We agree,” Surname said.` from a paragraph of the seeds."""
    return f"“{text.rstrip('.')},” {surname} {verb}."


def _segment_text(segment: _Segment) -> str:
    paragraphs = list(segment.paragraphs)
    if segment.label is not None:
        paragraphs[0] = f"{segment.label}: {paragraphs[0]}"
    return "\n\n".join(paragraphs)


def build(
    index: int, seed: int = 0, config: Config | None = None, paragraphs: int | None = None
) -> SyntheticDoc:
    """Synthetic document number `index`, with what the parser should make of it;
    `paragraphs` makes it about that long instead of 5 to 60 paragraphs."""
    canonical: Callable[[str], str] = (config or _default_config()).canonical
    pools = seed_pools()
    rng = random.Random(f"dossier-bench:{seed}:{index}")
    cast = _cast(rng)
    total = rng.randint(5, 60) if paragraphs is None else paragraphs
    layout = rng.choices(("transcript", "interview", "article"), weights=(60, 20, 20))[0]
    if layout == "article":
        page = _article(cast, total, pools, rng)
        turns = None
    else:
        page = _labelled(cast, total, layout == "interview", pools, rng)
        turns = tuple(
            ExpectedTurn(s.kind, canonical(s.speaker) if s.speaker else None, len(s.paragraphs))
            for s in page.segments
        )
    text = page.text + "\n" if rng.random() < 0.5 else page.text
    expected = Expected(
        layout=layout,
        date=cast.date,
        place=cast.place,
        speaker=canonical(cast.name),
        paragraphs=sum(len(s.paragraphs) for s in page.segments),
        headings=page.headings,
        turns=turns,
        agency=page.agency,
    )
    return SyntheticDoc(f"syn_{index:06d}.txt", text, expected)


def generate(out_dir: Path, docs: int, seed: int = 0) -> list[Path]:
    """Write `docs` synthetic documents into `out_dir` (created if missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for index in range(docs):
        doc = build(index, seed)
        path = out_dir / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument(
        "--docs", type=int, default=1000, metavar="N", help="how many (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate(args.out_dir, args.docs, args.seed)
    elapsed = time.perf_counter() - started
    size = sum(path.stat().st_size for path in paths)
    print(
        f"wrote {len(paths):,} documents ({size / 2**20:.1f} MB) to {args.out_dir} in {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
