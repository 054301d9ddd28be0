"""Search benchmark: per-keystroke latency of dossier's index against a brute-force
RapidFuzz scan (and `fzf --filter` when installed) on the same synthetic corpus.

    python bench/search.py [--docs 1000 10000] [--seed 0]

Each query is typed one character at a time; every prefix is one keystroke and
one search, as the search panel does. Prints index build time and memory,
p50/p95 per keystroke, the brute-force figures for the whole queries, and the
overlap of the top 10 between the two.
"""

from __future__ import annotations

import argparse
import gc
import math
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import percentile
from bench.gen_corpus import generate
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.search import Result, SearchIndex, fuzzy_cutoff, words
from tui.screens.search import first_results

QUERIES = [
    "Karabah settlement",
    "Mamadyarov",
    "coronovirus vaccine",
    "Jeyhun Bayramov",
    "Caspian legal status",
    "North-South corridor",
    "Kerry Moscow",
    "humanitarian cooperation",
    "Astara railway",
    "speaker:lavrov kind:answer caspian",
    "year:2016 Syria",
    '"frozen conflict"',
]
BRUTE_LIMIT = 10


def current_rss() -> int:
    """Resident bytes now (Linux), to see what the index itself takes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def keystrokes(query: str) -> list[str]:
    return [query[:end] for end in range(1, len(query) + 1)]


def bm25(paragraph_words: list[list[str]]) -> list[dict[str, float]]:
    """Each word's plain BM25 weight (k1 1.2, b 0.75) in each paragraph, worked out
    without an index."""
    k1, b = 1.2, 0.75
    counted = [Counter(found) for found in paragraph_words]
    lengths = [len(found) for found in paragraph_words]
    average = sum(lengths) / max(1, len(lengths))
    held = Counter(word for counts in counted for word in counts)
    idf = {word: math.log(1 + len(counted) / n) for word, n in held.items()}
    return [
        {
            word: idf[word] * n * (k1 + 1) / (n + k1 * (1 - b + b * length / average))
            for word, n in counts.items()
        }
        for counts, length in zip(counted, lengths, strict=True)
    ]


def where(result: Result) -> tuple[str, int]:
    """A result's paragraph: its document's id and its index there."""
    return result.entry.document.id, result.entry.paragraph


def brute_force(weights: list[dict[str, float]], query: str) -> tuple[set[int], list[int]]:
    """The same question without an index: every paragraph's words are compared with
    every query word by RapidFuzz under the engine's rule (exact, prefix, fuzzy above
    `fuzzy_cutoff`), and matches weighted by plain BM25 (tantivy's differs a little).
    Returns the matching paragraphs and the best ten."""
    terms = [word for word, _, _ in words(query)]
    matched: dict[int, float] = {}
    for position, candidates in enumerate(weights):
        total = 0.0
        for term in terms:
            cutoff = fuzzy_cutoff(term)
            best = 0.0
            for word in candidates:
                if word == term:
                    similarity = 1.0
                elif word.startswith(term):
                    similarity = 0.85 if len(term) >= 3 else 0.6
                elif len(term) >= 4 and abs(len(word) - len(term)) <= 2:
                    score = fuzz.ratio(term, word, score_cutoff=cutoff)
                    if not score:
                        continue
                    similarity = 0.2 + 0.6 * (score - cutoff) / (100 - cutoff)
                else:
                    continue
                best = max(best, similarity * candidates[word])
            if best == 0.0:
                break
            total += best
        else:
            matched[position] = total
    top = sorted(matched, key=lambda position: (-matched[position], position))[:BRUTE_LIMIT]
    return set(matched), top


def fzf_filter(texts: list[str], query: str) -> float | None:
    fzf = shutil.which("fzf")
    if fzf is None:
        return None
    data = "\n".join(text.replace("\n", " ") for text in texts)
    started = time.perf_counter()
    subprocess.run(
        [fzf, "--filter", query], input=data, capture_output=True, text=True, check=False
    )
    return time.perf_counter() - started


def run(docs: int, seed: int) -> None:
    config = load_config()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), docs, seed)
        library = Library.load(Path(folder), config)
    gc.collect()
    before = current_rss()
    started = time.perf_counter()
    index = SearchIndex(library.documents, config)
    build = time.perf_counter() - started
    gc.collect()
    grown = current_rss() - before
    texts = [entry.text for entry in index.entries]
    print(f"\n== {docs:,} documents, {len(texts):,} paragraphs, {len(index.vocabulary):,} words")
    print(
        f"index build {build:.2f} s, resident memory grown by {grown / 2**20:.0f} MiB, "
        f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )

    timings: list[float] = []
    for query in QUERIES:
        for typed in keystrokes(query):
            started = time.perf_counter()
            first_results(index, typed)  # as the app answers a key
            timings.append((time.perf_counter() - started) * 1000)
    print(
        f"dossier per keystroke ({len(timings)} keystrokes): "
        f"p50 {percentile(timings, 0.5):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms, "
        f"max {max(timings):.2f} ms"
    )

    plain = [q for q in QUERIES if ":" not in q and '"' not in q]
    weights = bm25([[word for word, _, _ in words(text)] for text in texts])
    brute: list[float] = []
    recalls: list[float] = []
    overlaps: list[float] = []
    position_of = {
        (entry.document.id, entry.paragraph): position
        for position, entry in enumerate(index.entries)
    }
    for query in plain:
        started = time.perf_counter()
        expected, expected_top = brute_force(weights, query)
        brute.append((time.perf_counter() - started) * 1000)
        everything = index.search(query, limit=len(texts)).results
        ours = {position_of[where(result)] for result in everything}
        ours_top = {position_of[where(result)] for result in everything[:BRUTE_LIMIT]}
        recalls.append(len(ours & expected) / max(1, len(expected)))
        overlaps.append(len(ours_top & set(expected_top)) / max(1, len(expected_top)))
    ours_full = [index.search(q, limit=50).seconds * 1000 for q in plain]
    print(
        f"brute-force RapidFuzz scan, whole queries ({len(plain)}): "
        f"p50 {percentile(brute, 0.5):.0f} ms, p95 {percentile(brute, 0.95):.0f} ms; "
        f"dossier on the same: p50 {percentile(ours_full, 0.5):.2f} ms "
        f"-> {percentile(brute, 0.5) / max(percentile(ours_full, 0.5), 1e-6):.0f}x faster"
    )
    print(
        f"paragraphs the scan matches that dossier finds too: mean {sum(recalls) / len(recalls):.3f} "
        f"(per query: {', '.join(f'{r:.2f}' for r in recalls)})"
    )
    print(
        f"top-10 overlap with the scan's top 10: mean {sum(overlaps) / len(overlaps):.2f} "
        "(below 1 where tantivy's BM25, its idf and quantised lengths, ranks otherwise)"
    )
    fzf_times = [fzf_filter(texts, q) for q in plain[:3]]
    if all(t is not None for t in fzf_times):
        print(
            "fzf --filter (whole queries, incl. piping the text): "
            + ", ".join(f"{t * 1000:.0f} ms" for t in fzf_times if t is not None)
        )
    else:
        print("fzf not installed: no fzf figures (apt-get install fzf)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for docs in args.docs:
        run(docs, args.seed)


if __name__ == "__main__":
    main()
