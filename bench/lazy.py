"""A warm start at scale: what it costs to list the folder, draw the first frame, open a
document and search, once the cache is filled.

    python bench/lazy.py (--corpus DIR | --docs N) [--runs 3] [--opens 40]

With HOME and XDG_* in a temporary folder, it fills the cache with one `dossier list
--json` (timed: the cold start), then measures, each in a fresh process:

- warm `dossier list --json`: wall time (median of --runs) and peak RSS;
- first usable frame: `python -m tui --corpus DIR` in an 80x24 pty until a sidebar
  date shows (median of --runs), and for reference a bare Textual app's (`bare_app.py`,
  as `startup.py` runs it);
- last, in the app, headless (--runs times, the index on disk made by the steps
  before): when the sidebar lists its first rows, when it lists all the cache holds,
  when the search answers and when the walk of the folder has said what changed;
- in one process, its garbage collector set as the app sets it (`tui/collector.py`):
  `Library.load` through the warm cache, then opening --opens
  documents spread over the list (`Library.get`, each the first time), then the search
  index opened beside the cache (`cached_index`) and the queries of search.py typed a
  letter at a time as the app answers each key (`first_results`: up to 200 results
  listed, not counted, the first batch made; p50/p95 per keystroke), the phrase `"of the"` counted and, as the
  app asks first, its first results without the count (median of 3 each); then
  the timeline and the speakers counted from the tallies the cache holds (each
  reading them), the concordance of `Karabakh` (its first lines, then all), with the peak
  RSS after each step; last, as `r` after one file changed
  (the first listed: a question is added to it), the folder read again and the index
  brought up to date. Run on a generated corpus, or on a copy: it writes to a file;
- for reference, in a process of its own (the index pages its queries read would
  count in the session's memory): the same index queried by tantivy alone (each word
  a fuzzy prefix query, no filters, no ranking of dossier's) and its count of
  `"of the"`.

Run it from a checkout of another version (`git archive main | tar -x -C DIR`) to
compare: it measures the `tui/` next to it. Prints figures; never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import DOSSIER, ROOT, Target, isolated_env, measure, percentile
from bench.bare_app import MARKER as BARE_MARKER
from bench.gen_corpus import generate

ISO_DATE = re.compile(r"\b(?:1[89]|2\d)\d\d-[01]\d-[0-3]\d\b")

IN_PROCESS = """
import json, re, resource, sys, time
sys.path.insert(0, sys.argv[1])
from bench.search import QUERIES, keystrokes
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.library import Library, Loader
from tui.corpus.search import cached_index
from tui.screens.search import first_results
from tui.collector import IdleCollector, keep
from tui.corpus.study import iter_concordance, speakers, timeline

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

folder, opens = sys.argv[2], int(sys.argv[3])
config = load_config()
cache = DocumentCache.for_folder(__import__("pathlib").Path(folder), config)
# Python's collector as the app sets it: full collections ten times rarer (its idle
# ones are left out: no input ever stops here), and what was loaded and indexed kept
# out of their walks.
IdleCollector().start()
started = time.perf_counter()
library = Library.load(cache.folder, config, cache)
keep()
figures = {"load_s": time.perf_counter() - started, "load_peak_mb": peak()}
listed = getattr(library, "summaries", library.documents)
ids = [listed[i * len(listed) // opens].id for i in range(opens)]
times = []
for doc_id in ids:
    started = time.perf_counter()
    library.get(doc_id)
    times.append((time.perf_counter() - started) * 1000)
figures["open_ms"] = sorted(times)
figures["open_peak_mb"] = peak()
started = time.perf_counter()
index = cached_index(library, cache)
keep()
figures["index_s"] = time.perf_counter() - started
figures["index_peak_mb"] = peak()
keys = []
for query in QUERIES:
    for prefix in keystrokes(query):
        started = time.perf_counter()
        first_results(index, prefix)  # as the app answers a key
        keys.append((time.perf_counter() - started) * 1000)
figures["keys_ms"] = sorted(keys)
figures["search_peak_mb"] = peak()
phrase = []
for _ in range(3):
    started = time.perf_counter()
    answer = index.search('"of the"')
    phrase.append((time.perf_counter() - started) * 1000)
figures["phrase_ms"] = sorted(phrase)
figures["phrase_total"] = answer.total
first = []
for _ in range(3):
    started = time.perf_counter()
    index.search('"of the"', count=False)
    first.append((time.perf_counter() - started) * 1000)
figures["phrase_first_ms"] = sorted(first)
started = time.perf_counter()
timeline(library.tallies(), [topic.name for topic in config.topics])
figures["timeline_s"] = time.perf_counter() - started
started = time.perf_counter()
speakers(library.tallies())
figures["speakers_s"] = time.perf_counter() - started
figures["views_peak_mb"] = peak()
started = time.perf_counter()
parts = iter_concordance(index, "Karabakh")
first = next(parts)
figures["kwic_first_s"] = time.perf_counter() - started
figures["kwic_first_lines"] = len(first.lines)
whole = first
for whole in parts:
    pass
keep()  # as the concordance screen does
figures["kwic_s"] = time.perf_counter() - started
figures["kwic_lines"] = len(whole.lines)
figures["kwic_peak_mb"] = peak()
changed = library.by_id(listed[0].id).path
changed.write_text(changed.read_text(encoding="utf-8") + "\\n\\nQuestion: And Karabakh?\\n", "utf-8")
started = time.perf_counter()
loader = Loader(library, cache)
for batch in loader.batches():
    library.add(batch)
library.remove(loader.changes.removed)
figures["reload_s"] = time.perf_counter() - started
cached_index(library, cache)
figures["reindex_s"] = time.perf_counter() - started
cache.close()
print(json.dumps(figures))
"""


RAW = """
import json, re, sys, time
import tantivy
sys.path.insert(0, sys.argv[1])
from bench.search import QUERIES, keystrokes
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.letters import fold

config = load_config()
cache = DocumentCache.for_folder(__import__("pathlib").Path(sys.argv[2]), config)
figures = {}
# The engine's own query time, for reference: the same index opened by tantivy alone,
# each word of each keystroke's text a fuzzy prefix query (distance 1), no filters.
raw_index = tantivy.Index.open(str(cache.index_folder()))
schema = raw_index.schema
raw = raw_index.searcher()
raw_keys = []
for query in QUERIES:
    for prefix in keystrokes(query):
        words = [word for word in re.findall(r"[\\w:]+", fold(prefix)) if ":" not in word]
        if not words:
            continue
        started = time.perf_counter()
        clauses = [
            (tantivy.Occur.Should, tantivy.Query.fuzzy_term_query(schema, "words", w, 1, True, True))
            for w in words
        ]
        raw.search(tantivy.Query.boolean_query(clauses), 50)
        raw_keys.append((time.perf_counter() - started) * 1000)
figures["raw_keys_ms"] = sorted(raw_keys)
started = time.perf_counter()
counted = raw.search(tantivy.Query.phrase_query(schema, "words", ["of", "the"]), 50, count=True)
figures["raw_phrase_ms"] = (time.perf_counter() - started) * 1000
figures["raw_phrase_total"] = counted.count
cache.close()
print(json.dumps(figures))
"""
"""The engine's own query times, for reference, in a process of its own: the pages of
the index its fuzzy queries read count in its memory, not in dossier's session."""


IN_APP = """
import asyncio, json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tui.app import DossierApp
from tui.corpus.cache import DocumentCache
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.store import NotesStore
from tui.widgets.sidebar import Sidebar

config = load_config()
cache = DocumentCache.for_folder(Path(sys.argv[2]), config)
listed = cache.count()
notes = NotesStore(Path(sys.argv[3]))
notes.load()
seen = {}
started = time.perf_counter()

# Each moment is noted by the app's own call, not by asking the app every few
# milliseconds: asking took a fifth of its thread, and so of the load's.
def note(key):
    seen.setdefault(key, time.perf_counter() - started)

def after(cls, name, check):
    original = getattr(cls, name)
    def wrapped(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        check(self)
        return result
    setattr(cls, name, wrapped)

def rows(sidebar):
    if sidebar.rows:
        note("first_rows_s")
    if sidebar.rows >= listed:
        note("all_listed_s")

after(Sidebar, "__init__", rows)
after(Sidebar, "show_documents", rows)
after(DossierApp, "_use_index", lambda app: note("search_s"))
after(DossierApp, "_loaded", lambda app: note("walked_s"))

async def main():
    global started
    started = time.perf_counter()
    library = Library(cache.folder, config, cache=cache)
    app = DossierApp(library, config, notes, cache=cache, load=True)
    async with app.run_test(size=(160, 48)) as pilot:
        while len(seen) < 4 and time.perf_counter() - started < 120:
            await pilot.pause(0.1)
    print(json.dumps(seen))

asyncio.run(main())
cache.close()
"""


def script_figures(script: str, env: dict[str, str], *args: str) -> dict[str, Any]:
    """What `script`, run in a fresh process with the repository and `args`, prints as
    JSON on its last line."""
    output = subprocess.run(
        [sys.executable, "-P", "-c", script, str(ROOT), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures: dict[str, Any] = json.loads(output.splitlines()[-1])
    return figures


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `command`, its output dropped."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command)} failed")
    return seconds, usage.ru_maxrss / 1024


def run(folder: Path, runs: int, opens: int) -> None:
    with tempfile.TemporaryDirectory(prefix="dossier-lazy-") as temp:
        env = isolated_env(Path(temp), TERM="xterm-256color", COLUMNS="80", LINES="24")
        env.pop("NO_COLOR", None)
        listing = [*DOSSIER, "list", "--json", "--corpus", str(folder)]
        cold, cold_peak = timed(listing, env)
        print(f"cold dossier list --json: {cold:.2f} s, peak {cold_peak:.0f} MB")
        warm = [timed(listing, env) for _ in range(runs)]
        print(
            f"warm dossier list --json: median {statistics.median(s for s, _ in warm):.2f} s, "
            f"peak {max(mb for _, mb in warm):.0f} MB"
        )
        bare = Target(
            "bare Textual app",
            [sys.executable, str(ROOT / "bench" / "bare_app.py")],
            re.compile(re.escape(BARE_MARKER)),
        )
        for target in (Target("dossier", [*DOSSIER, "--corpus", str(folder)], ISO_DATE), bare):
            frames = [measure(target, env, 60.0).seconds for _ in range(runs)]
            shown = [seconds * 1000 for seconds in frames if seconds is not None]
            print(
                f"first frame (pty, warm), {target.name}: median {statistics.median(shown):.0f} ms "
                f"of {len(shown)} runs"
                if shown
                else f"first frame, {target.name}: never shown"
            )
        for start in ("index built", "index on disk"):
            figures = script_figures(IN_PROCESS, env, str(folder), str(opens))
            figures |= script_figures(RAW, env, str(folder))
            opened = figures["open_ms"]
            keys = figures["keys_ms"]
            print(
                f"in one process, {start}: Library.load {figures['load_s']:.2f} s "
                f"(peak {figures['load_peak_mb']:.0f} MB); "
                f"opening a document p50 {percentile(opened, 0.5):.2f} ms, "
                f"max {opened[-1]:.2f} ms (peak {figures['open_peak_mb']:.0f} MB); "
                f"index ready {figures['index_s']:.2f} s "
                f"(peak {figures['index_peak_mb']:.0f} MB); "
                f"search per key p50 {percentile(keys, 0.5):.1f} ms, "
                f"p95 {percentile(keys, 0.95):.1f} ms (peak {figures['search_peak_mb']:.0f} MB); "
                f'"of the" median {percentile(figures["phrase_ms"], 0.5):.0f} ms '
                f"({figures['phrase_total']:,} paragraphs), its first results without the "
                f"count (as the app asks) {percentile(figures['phrase_first_ms'], 0.5):.1f} ms; "
                f"tantivy alone per key p50 {percentile(figures['raw_keys_ms'], 0.5):.1f} ms, "
                f"p95 {percentile(figures['raw_keys_ms'], 0.95):.1f} ms, "
                f'"of the" {figures["raw_phrase_ms"]:.0f} ms '
                f"({figures['raw_phrase_total']:,} paragraphs); "
                f"timeline from the tallies {figures['timeline_s']:.2f} s, speakers "
                f"{figures['speakers_s']:.2f} s (peak {figures['views_peak_mb']:.0f} MB); "
                f"concordance of Karabakh: first {figures['kwic_first_lines']:,} lines in "
                f"{figures['kwic_first_s']:.2f} s, all {figures['kwic_lines']:,} in "
                f"{figures['kwic_s']:.1f} s (peak {figures['kwic_peak_mb']:.0f} MB); "
                f"one file changed: read again in {figures['reload_s']:.2f} s, "
                f"the index current {figures['reindex_s']:.2f} s after the start (as `r`)"
            )

        for _ in range(runs):
            seen = script_figures(IN_APP, env, str(folder), f"{temp}/notes.yaml")
            print(
                "in the app (headless, 160x48, Textual imported before the clock starts): "
                + ", ".join(
                    f"{what} {seen[key]:.2f} s" if key in seen else f"{what} never"
                    for key, what in (
                        ("first_rows_s", "first rows listed"),
                        ("all_listed_s", "all listed"),
                        ("search_s", "search ready"),
                        ("walked_s", "folder walked"),
                    )
                )
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--corpus", type=Path, metavar="DIR")
    where.add_argument("--docs", type=int, metavar="N", help="generate N documents")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--opens", type=int, default=40)
    args = parser.parse_args()
    print(f"dossier at {ROOT}")
    if args.corpus is not None:
        run(args.corpus.resolve(), args.runs, args.opens)
        return 0
    with tempfile.TemporaryDirectory(prefix="dossier-lazy-corpus-") as temp:
        folder = Path(temp)
        generate(folder, args.docs)
        run(folder, args.runs, args.opens)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
