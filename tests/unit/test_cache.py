"""The document cache: a second load reads only what changed, and a cache that is
corrupt, old, made for another config or not writable is never trusted nor fatal."""

from __future__ import annotations

import io
import json
import logging
import marshal
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, SEEDS
from tui.cli import main
from tui.corpus import cache as cache_module
from tui.corpus import library as library_module
from tui.corpus import search as search_module
from tui.corpus.cache import DocumentCache, default_cache_path
from tui.corpus.config import Config, Topic, load_config
from tui.corpus.library import Library, Loader, read_document
from tui.corpus.model import Document, Summary, Tallies
from tui.corpus.search import SearchIndex, cached_index, current_index
from tui.corpus.topics import TopicMatcher
from tui.corpus.versions import document_number, fingerprint

CONFIG = load_config()
MATCHER = TopicMatcher(CONFIG.topics)
CORPUS_FILES = sorted(p for p in (REPO / "tests/corpus/docs").rglob("*") if p.is_file())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the files parsed (not taken from the cache), in order."""
    calls: list[str] = []
    real = library_module.read_document

    def counting(path: Path, doc_id: str, config: Config, matcher: object, *more: object) -> object:
        calls.append(doc_id)
        return real(path, doc_id, config, matcher, *more)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "read_document", counting)
    return calls


def load(folder: Path, config: Config, cache_file: Path) -> Library:
    cache = DocumentCache(cache_file, folder, config)
    try:
        return Library.load(folder, config, cache)
    finally:
        cache.close()


def cold(folder: Path, config: Config) -> Library:
    return Library.load(folder, config)


def same(left: Library, right: Library) -> None:
    assert left.documents == right.documents
    assert [(e.id, e.reason) for e in left.errors] == [(e.id, e.reason) for e in right.errors]


def touch(path: Path, text: str | None = None) -> None:
    if text is not None:
        path.write_text(text, encoding="utf-8")
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))


def test_second_load_parses_nothing(corpus: Path, tmp_path: Path, parsed: list[str]) -> None:
    config = load_config()
    first = load(corpus, config, tmp_path / "c.sqlite3")
    assert len(parsed) == 6
    parsed.clear()
    second = load(corpus, config, tmp_path / "c.sqlite3")
    assert parsed == []
    same(second, first)
    same(second, cold(corpus, config))
    assert [e.reason for e in second.errors] == ["empty file"]


@pytest.mark.parametrize("change", ["size", "mtime"])
def test_a_changed_file_is_parsed_again(
    corpus: Path, tmp_path: Path, parsed: list[str], change: str
) -> None:
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    parsed.clear()
    target = corpus / "003_17535f2944fa9c05.txt"
    if change == "size":
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("Lavrov", "Lavrov-Lavrov", 1), encoding="utf-8")
    else:
        touch(target)
    again = load(corpus, config, tmp_path / "c.sqlite3")
    assert parsed == ["003_17535f2944fa9c05"]
    same(again, cold(corpus, config))


def test_added_and_deleted_files(corpus: Path, tmp_path: Path, parsed: list[str]) -> None:
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    parsed.clear()
    shutil.copy(corpus / "000_0f3248e6ed0e14b7.txt", corpus / "new.txt")
    (corpus / "001_1233152ec4a1af33.txt").unlink()
    again = load(corpus, config, tmp_path / "c.sqlite3")
    assert parsed == ["new"]
    assert again.get("001_1233152ec4a1af33") is None
    same(again, cold(corpus, config))


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents decoded from the cache's rows, in order."""
    calls: list[str] = []
    real = cache_module.decode_document

    def counting(data: bytes, path: Path) -> Document:
        document = real(data, path)
        calls.append(document.id)
        return document

    monkeypatch.setattr(cache_module, "decode_document", counting)
    return calls


def summaries(library: Library) -> list[Summary]:
    """What the list shows, as the documents (decoded or parsed) make it."""
    return [Summary.of(document) for document in library.documents]


def test_a_warm_start_decodes_no_document_before_one_is_opened(
    corpus: Path, tmp_path: Path, parsed: list[str], decoded: list[str]
) -> None:
    config = load_config()
    first = load(corpus, config, tmp_path / "c.sqlite3")
    expected = summaries(cold(corpus, config))
    parsed.clear()
    decoded.clear()
    again = load(corpus, config, tmp_path / "c.sqlite3")
    assert (parsed, decoded) == ([], []), "listed from the summaries alone"
    assert list(again.summaries) == expected
    document = again.by_id("003_17535f2944fa9c05")
    assert decoded == ["003_17535f2944fa9c05"], "the one opened, and no other"
    assert parsed == []
    assert document == first.by_id("003_17535f2944fa9c05")


def test_dossier_list_decodes_no_document(corpus: Path, decoded: list[str]) -> None:
    assert main(["list", "--json", "--corpus", str(corpus)]) == 0
    decoded.clear()
    assert main(["list", "--json", "--corpus", str(corpus)]) == 0
    assert decoded == []


def test_the_documents_decoded_last_are_kept_and_no_more(
    corpus: Path, tmp_path: Path, decoded: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "RECENT_DOCUMENTS", 2)
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    library = load(corpus, config, tmp_path / "c.sqlite3")
    first, second, third = (summary.id for summary in library.summaries[:3])
    decoded.clear()
    kept = library.by_id(first)
    assert library.by_id(first) is kept, "kept: not decoded again"
    library.by_id(second)
    assert decoded == [first, second]
    library.by_id(third)  # the third pushes the first out
    library.by_id(second)
    assert decoded == [first, second, third], "the second was kept"
    assert library.by_id(first) == kept
    assert decoded == [first, second, third, first], "the first was not"


def test_the_summaries_follow_changed_added_deleted_and_damaged_rows(
    corpus: Path, tmp_path: Path, parsed: list[str]
) -> None:
    import sqlite3

    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    before = load(corpus, config, cache_file).summary("003_17535f2944fa9c05")
    target = corpus / "003_17535f2944fa9c05.txt"
    text = target.read_text(encoding="utf-8")
    touch(target, text.replace("Lavrov", "Lavrov-Lavrov", 1).replace("Moscow", "Kazan"))
    shutil.copy(corpus / "000_0f3248e6ed0e14b7.txt", corpus / "new.txt")
    (corpus / "001_1233152ec4a1af33.txt").unlink()
    load(corpus, config, cache_file)
    with sqlite3.connect(cache_file) as db:
        db.execute(
            "UPDATE files SET data = ? WHERE doc_id = '002_06cc93c8d13a39f8'",
            (b"\x00not marshal at all",),
        )
    expected = summaries(cold(corpus, config))
    parsed.clear()
    again = load(corpus, config, cache_file)
    assert parsed == []
    assert list(again.summaries) == expected
    assert summaries(again) == expected, "each decoded document is as its summary says"
    assert parsed == ["002_06cc93c8d13a39f8"]
    assert again.summary("003_17535f2944fa9c05") != before
    listed = dict(DocumentCache(cache_file, corpus, config).files())
    stored = [listed[path.name].summary for path in corpus.iterdir() if path.name != "empty.txt"]
    assert sorted(stored, key=lambda summary: summary.sort_key if summary else ()) == expected


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_cache_is_rebuilt(
    corpus: Path, tmp_path: Path, parsed: list[str], damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    load(corpus, config, cache_file)
    data = cache_file.read_bytes()
    if damage == "garbage":
        cache_file.write_bytes(os.urandom(len(data)))
    else:
        cache_file.write_bytes(data[: len(data) // 3])
    parsed.clear()
    again = load(corpus, config, cache_file)
    assert sorted(parsed) == sorted(p.stem for p in corpus.iterdir())
    same(again, cold(corpus, config))
    assert "rebuilding" in caplog.text or "corrupt" in caplog.text
    parsed.clear()
    load(corpus, config, cache_file)
    assert parsed == [], "the rebuilt cache serves the next load"


def test_a_row_that_fails_its_checksum_is_parsed_again(
    corpus: Path, tmp_path: Path, parsed: list[str]
) -> None:
    import sqlite3

    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    load(corpus, config, cache_file)
    with sqlite3.connect(cache_file) as db:
        db.execute(
            "UPDATE files SET data = ? WHERE doc_id = '002_06cc93c8d13a39f8'",
            (b"\x00not marshal at all",),
        )
    parsed.clear()
    again = load(corpus, config, cache_file)
    assert parsed == [], "the list is read from the row's columns: the document is not decoded"
    again.by_id("002_06cc93c8d13a39f8")
    assert parsed == ["002_06cc93c8d13a39f8"], "decoded when asked for: parsed again"
    same(again, cold(corpus, config))
    again.close()
    parsed.clear()
    load(corpus, config, cache_file).by_id("002_06cc93c8d13a39f8")
    assert parsed == [], "the row parsed again is stored"


def test_a_parser_version_bump_parses_and_indexes_everything(
    corpus: Path,
    tmp_path: Path,
    parsed: list[str],
    builds: list[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = load_config()
    index_of(corpus, config, tmp_path / "c.sqlite3")
    monkeypatch.setattr(cache_module, "PARSER_VERSION", cache_module.PARSER_VERSION + 1)
    parsed.clear()
    builds.clear()
    caplog.set_level(logging.INFO)
    index = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert len(parsed) == 6
    assert sorted(builds) == sorted(indexed_documents(index))
    assert "made by another parser or config: rebuilding it" in caplog.text
    same(load(corpus, config, tmp_path / "c.sqlite3"), cold(corpus, config))


def test_a_config_change_that_affects_parsing_parses_everything(
    corpus: Path, tmp_path: Path, parsed: list[str]
) -> None:
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    changed = load_config()
    changed.topics = (*changed.topics, Topic("Weather", "blue", ("rain", "weather")))
    parsed.clear()
    again = load(corpus, changed, tmp_path / "c.sqlite3")
    assert len(parsed) == 6
    same(again, cold(corpus, changed))
    # The theme is not read by the parser: the cache stays.
    themed = load_config()
    themed.topics = changed.topics
    themed.theme = "nord"
    parsed.clear()
    load(corpus, themed, tmp_path / "c.sqlite3")
    assert parsed == []


def test_a_read_only_cache_folder_still_loads(
    corpus: Path, tmp_path: Path, parsed: list[str]
) -> None:
    if os.geteuid() == 0:
        # root writes anywhere: a folder that is a file stands for the unwritable one.
        folder = tmp_path / "not-a-folder"
        folder.write_text("", encoding="utf-8")
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
    config = load_config()
    cache = DocumentCache(folder / "c.sqlite3", corpus, config)
    library = Library.load(corpus, config, cache)
    assert cache.problem is not None and "running without it" in cache.problem
    same(library, cold(corpus, config))


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """`path`, a folder or a file, not writable for this process meanwhile: by its mode,
    or for root, who writes whatever the mode says, by the immutable attribute."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_cache_that_cannot_be_written_is_read_and_said_once(
    what: str,
    corpus: Path,
    parsed: list[str],
    builds: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What it holds for unchanged files serves (documents and search index), the rest
    is parsed in memory, nothing is written, and stderr says one thing about it."""
    assert main(["search", "Kerry", "--corpus", str(corpus)]) == 0
    cache_file = default_cache_path(corpus)
    before = cache_file.read_bytes()
    capsys.readouterr()
    parsed.clear()
    builds.clear()
    said = [
        f"dossier: warning: cache {cache_file} cannot be written (read-only): "
        "reading it, not updating it"
    ]
    with read_only(cache_file.parent if what == "folder" else cache_file):
        assert main(["search", "Kerry", "--corpus", str(corpus)]) == 0
        lines = capsys.readouterr().err.splitlines()
        assert [line for line in lines if str(cache_file) in line] == said
        assert parsed == [] and builds == [], "documents and index read from the cache"
        touch(corpus / "001_1233152ec4a1af33.txt")
        assert main(["list", "--corpus", str(corpus)]) == 0
        out, err = capsys.readouterr()
        assert [line for line in err.splitlines() if str(cache_file) in line] == said
        assert parsed == ["001_1233152ec4a1af33"], "only the changed file is parsed"
        assert len(out.splitlines()) == 5
    assert cache_file.read_bytes() == before


LOCK_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""
"""Holds the write lock of the database `argv[1]` (made if missing) for `argv[2]` s."""


def hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the write lock of `path`, once this returns."""
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_cache_another_process_is_writing_is_read_not_removed(
    corpus: Path, parsed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A cache whose write lock another process holds for longer than SQLite waits
    (5 s) is busy, not corrupt: it is read, and neither removed nor rebuilt."""
    assert main(["list", "--corpus", str(corpus)]) == 0
    cache_file = default_cache_path(corpus)
    capsys.readouterr()
    parsed.clear()
    holder = hold_lock(cache_file, 60)
    try:
        assert main(["list", "--corpus", str(corpus)]) == 0
    finally:
        holder.kill()
        holder.wait()
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if str(cache_file) in line] == [
        f"dossier: warning: cache {cache_file} cannot be written (database is locked): "
        "reading it, not updating it"
    ]
    assert parsed == []
    assert main(["list", "--corpus", str(corpus)]) == 0
    assert parsed == [], "the cache is still there"


def test_a_first_start_waits_for_another_making_the_cache(tmp_path: Path) -> None:
    """Another process holds the write lock of the new cache file, not yet switched to
    WAL (it is making the tables): SQLite refuses the switch at once, and the start
    waits for the lock, then makes and uses the cache."""
    cache_file = tmp_path / "c.sqlite3"
    config = load_config()
    holder = hold_lock(cache_file, 0.5)
    try:
        cache = DocumentCache(cache_file, SEEDS, config)
        library = Library.load(SEEDS, config, cache)
        cache.close()
    finally:
        holder.wait()
    assert cache.problem is None and len(library.documents) == 5
    again = DocumentCache(cache_file, SEEDS, config)
    assert len(dict(again.files())) == 5 and again.problem is None
    again.close()


def _cold_start(cache_file: Path, barrier: Any, results: Any) -> None:
    """A start on the seeds with a cache never made, at the same moment as others: how
    many documents it read, what it said about the cache, and what it logged."""
    config = load_config()
    logged = io.StringIO()
    logging.getLogger("dossier").addHandler(logging.StreamHandler(logged))
    cache = DocumentCache(cache_file, SEEDS, config)
    barrier.wait()
    library = Library.load(SEEDS, config, cache)
    cache.close()
    results.put((len(library.documents), cache.problem, logged.getvalue()))


def test_cold_starts_at_once_make_one_cache_and_keep_it(tmp_path: Path) -> None:
    """Three first starts at once, twenty times over: each reads the documents and says
    nothing about the cache, and the cache they leave serves the next start."""
    context = multiprocessing.get_context("fork")
    for attempt in range(20):
        cache_file = tmp_path / f"cache-{attempt}.sqlite3"
        barrier, results = context.Barrier(3), context.Queue()
        starts = [
            context.Process(target=_cold_start, args=(cache_file, barrier, results))
            for _ in range(3)
        ]
        for start in starts:
            start.start()
        answers = [results.get(timeout=120) for _ in starts]
        for start in starts:
            start.join(timeout=120)
        assert answers == [(5, None, "")] * 3, f"attempt {attempt}"
        cache = DocumentCache(cache_file, SEEDS, load_config())
        assert len(dict(cache.files())) == 5 and cache.problem is None
        cache.close()


def test_the_default_cache_is_in_the_platform_cache_folder(tmp_path: Path) -> None:
    # conftest points XDG_CACHE_HOME into a temporary home.
    path = default_cache_path(tmp_path)
    assert path.parent == Path(os.environ["XDG_CACHE_HOME"]) / "dossier"


def test_reload_reports_new_changed_and_removed(corpus: Path, tmp_path: Path) -> None:
    config = load_config()
    library = Library(corpus, config)
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    for batch in Loader(library, cache).batches():
        library.add(batch)
    shutil.copy(corpus / "000_0f3248e6ed0e14b7.txt", corpus / "new.txt")
    touch(corpus / "004_d48fa1d5f48169a7.txt", "Remarks, Baku, July 12, 2016\n\nQuestion: Why?\n")
    (corpus / "001_1233152ec4a1af33.txt").unlink()
    (corpus / "002_06cc93c8d13a39f8.txt").unlink()
    loader = Loader(library, cache)
    batches = list(loader.batches())
    assert sum(len(batch.entries) for batch in batches) == 2, "only the new and changed files"
    for batch in batches:
        library.add(batch)
    library.remove(loader.changes.removed)
    assert loader.changes.describe() == "1 new, 1 changed, 2 removed"
    same(library, cold(corpus, config))
    cache.close()


def test_many_files_are_parsed_in_worker_processes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for number in range(library_module.POOL_THRESHOLD + 6):
        shutil.copy(seeds[number % len(seeds)], folder / f"doc_{number:03}.txt")
    config = load_config()
    pooled = load(folder, config, tmp_path / "c.sqlite3")
    same(pooled, cold(folder, config))
    same(load(folder, config, tmp_path / "c.sqlite3"), pooled)


# -- the search index -------------------------------------------------------------------

QUERIES = (
    "karabakh",
    "karabkh",
    "speaker:lavrov syria",
    '"foreign minister"',
    "year:2020 coronavirus",
)


def recorded(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, what: Callable[..., str]
) -> list[str]:
    """`what(*arguments)` of each call to the function `name` of `module`, from now on."""
    calls: list[str] = []
    real = getattr(module, name)

    def recording(*arguments: Any) -> object:
        calls.append(what(*arguments))
        return real(*arguments)

    monkeypatch.setattr(module, name, recording)
    return calls


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents written into a search index (not read from one on disk)."""
    return recorded(monkeypatch, search_module, "_rows", lambda document, *_: document.id)


def index_of(folder: Path, config: Config, cache_file: Path) -> SearchIndex:
    cache = DocumentCache(cache_file, folder, config)
    try:
        return cached_index(Library.load(folder, config, cache), cache)
    finally:
        cache.close()


def index_at_start(folder: Path, config: Config, cache_file: Path) -> SearchIndex | None:
    """What a start searches with before the walk (`current_index`)."""
    cache = DocumentCache(cache_file, folder, config)
    try:
        return current_index(Library.load(folder, config, cache), cache)
    finally:
        cache.close()


def indexed_documents(index: SearchIndex) -> list[str]:
    return list(dict.fromkeys(entry.document.id for entry in index.entries))


def answers(index: SearchIndex) -> list[list[tuple[str, int, float]]]:
    return [
        [(r.entry.document.id, r.entry.paragraph, r.score) for r in index.search(q).results]
        for q in QUERIES
    ]


def found(index: SearchIndex) -> list[set[tuple[str, int]]]:
    """What each query finds, without the scores: an index updated in place keeps the
    statistics of the rows it deleted until tantivy merges them away."""
    return [
        {(r.entry.document.id, r.entry.paragraph) for r in index.search(q, 1000).results}
        for q in QUERIES
    ]


def test_the_second_start_reads_the_index_from_the_cache(
    corpus: Path, tmp_path: Path, builds: list[str]
) -> None:
    config = load_config()
    first = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert sorted(builds) == sorted(indexed_documents(first))
    assert (tmp_path / "c.index").is_dir(), "kept beside the cache file"
    builds.clear()
    second = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert builds == [], "read, not built"
    assert second.vocabulary == first.vocabulary
    assert answers(second) == answers(first)
    assert all(answers(second)), "every query finds something on the seeds"


def test_an_index_on_disk_opens_without_decoding_a_document(
    corpus: Path, tmp_path: Path, decoded: list[str]
) -> None:
    config = load_config()
    first = index_of(corpus, config, tmp_path / "c.sqlite3")
    expected = answers(first)
    decoded.clear()
    second = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert decoded == [], "its paragraphs are read from their documents when shown"
    results = second.search("Karabakh").results
    assert results and decoded == [], "nor to search: a result's when it is read"
    shown = {result.entry.document.id for result in results}
    assert set(decoded) == shown
    assert answers(second) == expected


@pytest.mark.parametrize("change", ["changed", "added", "deleted"])
def test_a_changed_file_is_indexed_again_alone(
    corpus: Path, tmp_path: Path, builds: list[str], change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the rows of the file that changed are deleted and written: the other
    documents' rows stay as they were on disk, and every search finds what an index
    built afresh finds."""
    config = load_config()
    index_of(corpus, config, tmp_path / "c.sqlite3")
    seed = corpus / "003_17535f2944fa9c05.txt"
    text = seed.read_text(encoding="utf-8").replace("Karabakh", "Zyzzyva")
    if change == "changed":
        touch(seed, text)
    elif change == "added":
        (corpus / "new.txt").write_text(text, encoding="utf-8")
    else:
        seed.unlink()
    builds.clear()
    compared = recorded(monkeypatch, search_module, "_held", lambda index: "read from the index")
    again = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert builds == {"changed": [seed.stem], "added": ["new"], "deleted": []}[change]
    assert compared == [], "what it held, read from the order kept beside it"
    assert found(again) == found(SearchIndex(Library.load(corpus, config).documents, config))
    hits = {r.entry.document.id for r in again.search("zyzzyva").results}
    assert hits == {"changed": {seed.stem}, "added": {"new"}, "deleted": set()}[change]
    builds.clear()
    index_of(corpus, config, tmp_path / "c.sqlite3")
    assert builds == [], "the updated index serves the next start"


def test_an_index_is_opened_as_it_is_only_where_it_holds_the_library(
    corpus: Path, tmp_path: Path, builds: list[str]
) -> None:
    """What a start searches with before the folder is walked: the index on disk if it
    holds every document in the version listed, else nothing, and nothing written."""
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"

    def current() -> SearchIndex | None:
        return index_at_start(corpus, config, cache_file)

    assert current() is None, "no index yet"
    assert not cache_file.with_suffix(".index").exists(), "none made"
    index_of(corpus, config, cache_file)
    builds.clear()
    opened = current()
    assert opened is not None and opened.search("Karabakh").results
    assert builds == []
    seed = corpus / "003_17535f2944fa9c05.txt"
    touch(seed, seed.read_text(encoding="utf-8").replace("Karabakh", "Zyzzyva"))
    assert current() is None, "a changed file: the index is not current"
    assert builds == [], "and it is not brought up to date"
    (cache_file.with_suffix(".index") / search_module.IDENTITY_FILE).write_text("other")
    assert current() is None, "made by another parser: left for the build to replace"
    assert (cache_file.with_suffix(".index") / "meta.json").exists()


@pytest.mark.parametrize(
    "corrections",
    [
        None,
        "documents:\n  003_17535f2944fa9c05:\n    date: 2001-02-03\n",
        "speakers:\n  Sergey Lavrov: S. V. Lavrov\n",
    ],
)
def test_the_cache_adds_up_the_versions_the_library_makes(
    corpus: Path, tmp_path: Path, corrections: str | None
) -> None:
    """`Library.listed_fingerprint`, added up by SQLite from the cache's rows, is the
    fingerprint of the versions the library makes one by one: with dossier.yaml's
    corrections of one document or of every one's speakers, and without the file that
    is no document (the empty one)."""
    if corrections is not None:
        (corpus / "dossier.yaml").write_text(corrections, encoding="utf-8")
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    try:
        library = Library.load(corpus, config, cache)
        versions = library.versions()
        assert len(versions) == 5, "the empty file is no document"
        made = fingerprint(map(document_number, versions), versions.values())
        assert library.listed_fingerprint() == made
        seed = corpus / "003_17535f2944fa9c05.txt"
        touch(seed)
        again = Library.load(corpus, config, cache)
        assert again.listed_fingerprint() != made, "a file changed: its version did"
    finally:
        cache.close()


def test_a_start_opens_the_index_in_the_order_kept_beside_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the cache holds the versions the index does, a start opens the index in the
    corpus order kept beside it, comparing no document's version (0.5 s at 100,000
    documents). A kept order that does not read, or is of other versions, is no
    shortcut: the versions are compared, and the order is kept anew."""
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    expected = answers(index_of(corpus, config, cache_file))
    kept = cache_file.with_suffix(".index") / search_module.ORDER_FILE
    assert kept.is_file()
    compared = recorded(monkeypatch, search_module, "_held", lambda index: "compared")

    def start() -> SearchIndex | None:
        return index_at_start(corpus, config, cache_file)

    opened = start()
    assert opened is not None and compared == []
    assert answers(opened) == expected
    assert [e.document.id for e in opened.entries] == [
        e.document.id for e in SearchIndex(Library.load(corpus, config).documents, config).entries
    ], "entry ids count the paragraphs in the corpus order"
    compared.clear()
    for damage in (b"", b"\xff\x00 not marshal", marshal.dumps((1, 0, [], [], [], [], []))):
        kept.write_bytes(damage)
        opened = start()
        assert opened is not None and compared == ["compared"], damage
        assert answers(opened) == expected
        assert kept.read_bytes() != damage, "kept anew"
        compared.clear()
        assert start() is not None and compared == [], "and used at the next start"


@pytest.mark.parametrize(
    "damage",
    [
        "meta",
        "segment",
        "identity",
        "common gone",
        "common garbled",
        "common altered",
        "common huge",
    ],
)
def test_a_damaged_index_folder_is_built_again(
    corpus: Path,
    tmp_path: Path,
    builds: list[str],
    damage: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    first = index_of(corpus, config, cache_file)
    folder = tmp_path / "c.index"
    if damage == "meta":  # tantivy's list of segments, not JSON
        (folder / "meta.json").write_bytes(b"\xff not json")
    elif damage == "segment":  # a file of a segment gone
        next(folder.glob("*.idx")).unlink()
    elif damage == "common gone":  # which pairs of words its rows hold: not known
        (folder / search_module.COMMON_FILE).unlink()
    elif damage == "common garbled":
        (folder / search_module.COMMON_FILE).write_bytes(b"\xff garbled")
    elif damage == "common altered":  # still a list of words, but not the rows' words
        common = folder / search_module.COMMON_FILE
        common.write_bytes(common.read_bytes().replace(b"the", b"thy"))
    elif damage == "common huge":  # a length of two billion: never handed to marshal
        (folder / search_module.COMMON_FILE).write_bytes(bytes(16) + b"[\xff\xff\xff\x7f")
        real = search_module.marshal.loads

        def short_of_memory(data: bytes) -> object:
            if data.startswith(b"[\xff\xff\xff\x7f"):
                raise MemoryError
            return real(data)

        monkeypatch.setattr(search_module.marshal, "loads", short_of_memory)
    else:  # made by another parser
        (folder / search_module.IDENTITY_FILE).write_text("0:another", encoding="utf-8")
    builds.clear()
    caplog.set_level(logging.INFO)
    again = index_of(corpus, config, cache_file)
    assert sorted(builds) == sorted(indexed_documents(again)), "built again, whole"
    assert answers(again) == answers(first)
    assert "rebuilding it" in caplog.text
    builds.clear()
    index_of(corpus, config, cache_file)
    assert builds == [], "the rebuilt index serves the next start"


def test_an_index_that_cannot_be_kept_on_disk_searches_in_memory(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A file where the index's folder should be (as a folder that cannot be written):
    the index is built in memory, searches the same, and says why it is not kept."""
    config = load_config()
    (tmp_path / "c.index").write_text("in the way", encoding="utf-8")
    index = index_of(corpus, config, tmp_path / "c.sqlite3")
    assert index.problem is not None and "c.index" in index.problem
    assert "building it in memory" in caplog.text
    assert answers(index) == answers(SearchIndex(Library.load(corpus, config).documents, config))
    assert (tmp_path / "c.index").read_text(encoding="utf-8") == "in the way"


def test_a_read_only_cache_folder_searches_in_memory(
    corpus: Path, tmp_path: Path, builds: list[str]
) -> None:
    """No index on disk and a cache folder that cannot be written: the index is built
    in memory (the cache says once that it cannot be written), and searches the same."""
    config = load_config()
    folder = tmp_path / "cache"
    folder.mkdir()
    with read_only(folder):
        index = index_of(corpus, config, folder / "c.sqlite3")
        assert sorted(builds) == sorted(indexed_documents(index))
        assert index.problem is None, "the cache says it: no second warning"
        assert answers(index) == answers(
            SearchIndex(Library.load(corpus, config).documents, config)
        )
    assert list(folder.iterdir()) == [], "nothing written"


# -- the files the cache leaves, and its size ---------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def beside(cache_file: Path) -> list[str]:
    """The cache's -wal and -shm files that are there."""
    return [suffix for suffix in ("-wal", "-shm") if os.path.lexists(f"{cache_file}{suffix}")]


@pytest.mark.parametrize("command", [["list"], ["search", "budget"]])
def test_a_cli_command_leaves_no_wal_files(corpus: Path, command: list[str]) -> None:
    assert main([*command, "--corpus", str(corpus)]) in (0, 1)
    cache_file = default_cache_path(corpus)
    assert cache_file.stat().st_size > 0
    assert beside(cache_file) == []


def test_the_reader_leaves_no_wal_files(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader as `dossier` starts it: it reads the cache, builds the index in a
    thread (through its own connection) and stores it, and quits with q."""
    import asyncio

    import tui.app

    def run_and_quit(app: tui.app.DossierApp) -> None:
        async def drive() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                for _ in range(1000):
                    if app.search_screen.index is not None:
                        break
                    await pilot.pause(0.01)
                assert app.search_screen.index is not None
                await pilot.press("q")

        asyncio.run(drive())

    monkeypatch.setattr(tui.app.DossierApp, "run", run_and_quit)
    monkeypatch.setattr("tui.cli.hold_until_shown", lambda: None)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert main(["--corpus", str(corpus), "--notes", str(tmp_path / "notes.yaml")]) == 0
    cache_file = default_cache_path(corpus)
    assert cache_file.stat().st_size > 0
    assert beside(cache_file) == []
    cache = DocumentCache(cache_file, corpus, load_config())
    assert len(dict(cache.files())) == len(list(corpus.iterdir())), "all of it in the file"
    cache.close()


def test_closing_folds_the_log_into_the_file_while_another_has_it_open(
    corpus: Path, tmp_path: Path
) -> None:
    """Another connection open (idle) keeps the -wal and -shm files, but the log is
    emptied into the database, not left for the next start to replay."""
    import sqlite3

    cache_file = tmp_path / "c.sqlite3"
    config = load_config()
    load(corpus, config, cache_file)
    other = sqlite3.connect(cache_file, isolation_level=None)
    try:
        assert other.execute("SELECT count(*) FROM files").fetchone()[0] > 0
        touch(next(corpus.glob("*.txt")))  # parsed again and written, through the log
        load(corpus, config, cache_file)
        assert beside(cache_file) == ["-wal", "-shm"]
        assert Path(f"{cache_file}-wal").stat().st_size == 0
    finally:
        other.close()
    assert beside(cache_file) == []


def test_closing_does_not_wait_for_another_reader(corpus: Path, tmp_path: Path) -> None:
    import sqlite3
    import time

    cache_file = tmp_path / "c.sqlite3"
    config = load_config()
    load(corpus, config, cache_file)
    other = sqlite3.connect(cache_file, isolation_level=None)
    try:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM files").fetchone()  # a read under way
        touch(next(corpus.glob("*.txt")))  # parsed again and written
        cache = DocumentCache(cache_file, corpus, config)
        Library.load(corpus, config, cache)
        started = time.monotonic()
        cache.close()
        assert time.monotonic() - started < 1
        assert beside(cache_file) == ["-wal", "-shm"], "the reader's business"
    finally:
        other.close()


class Recording:
    """A connection that notes the statements run through it."""

    def __init__(self, db: Any, statements: list[str]) -> None:
        self.db = db
        self.statements = statements

    def execute(self, statement: str, *args: Any) -> Any:
        self.statements.append(statement)
        return self.db.execute(statement, *args)

    def close(self) -> None:
        self.db.close()


def test_a_read_only_cache_does_not_checkpoint(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    load(corpus, config, cache_file)
    monkeypatch.setattr(DocumentCache, "_writable", lambda self: False)
    cache = DocumentCache(cache_file, corpus, config)
    assert len(dict(cache.files())) > 0 and cache.problem is not None
    statements: list[str] = []
    cache._db = Recording(cache._db, statements)  # type: ignore[assignment]
    cache.close()
    assert cache._db is None
    assert not any("checkpoint" in statement for statement in statements)
    monkeypatch.undo()
    writable = DocumentCache(cache_file, corpus, config)
    dict(writable.files())
    writable._db = Recording(writable._db, statements)  # type: ignore[assignment]
    writable.close()
    assert any("wal_checkpoint(TRUNCATE)" in statement for statement in statements)


CACHE_TIMES_CORPUS = 2.0
"""The most the cache (documents and search index) may weigh, as a multiple of the
corpus. Measured on the 50 generated documents below: 1.60 with tantivy's index folder
(1.58 with the home-made index it replaced, compressed in the database; on 30 MB of
them, 1,900 documents, 1.42, where the documents took 1.1, their text marshalled). A small corpus costs more, its
vocabulary being large for its size: the margin is for that and for changes to what
the parser keeps."""


def test_the_cache_is_at_most_twice_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "generated"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "gen_corpus.py"), "--docs", "50", str(corpus)],
        check=True,
        capture_output=True,
    )
    assert main(["search", "budget", "--corpus", str(corpus)]) in (0, 1)
    cache_file = default_cache_path(corpus)
    cache = DocumentCache(cache_file, corpus, load_config())
    index = cache.index_folder()
    assert len(dict(cache.files())) == 50 and index is not None and index.is_dir()
    cache.close()
    corpus_bytes = sum(path.stat().st_size for path in corpus.iterdir())
    index_bytes = sum(path.stat().st_size for path in index.iterdir())
    print(f"cache {(cache_file.stat().st_size + index_bytes) / corpus_bytes:.2f} x the corpus")
    assert cache_file.stat().st_size + index_bytes <= CACHE_TIMES_CORPUS * corpus_bytes


def counted(library: Library) -> dict[str, Tallies]:
    """Each document's tallies counted from the document itself, by id."""
    return {document.id: Tallies.of(document) for document in library.documents}


def tallied(library: Library) -> dict[str, Tallies]:
    """Each document's tallies as the library gives them, by id: each once."""
    given = [(summary.id, tallies) for summary, tallies in library.tallies()]
    assert len(given) == len({doc_id for doc_id, _ in given}) == len(library.summaries)
    return dict(given)


def test_the_study_views_count_from_the_cache_without_decoding(
    corpus: Path, tmp_path: Path, parsed: list[str], decoded: list[str]
) -> None:
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    expected = counted(cold(corpus, config))
    parsed.clear()
    decoded.clear()
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    again = Library.load(corpus, config, cache)
    tallies = tallied(again)
    assert (parsed, decoded) == ([], []), "the timeline and speakers decode nothing"
    assert tallies == expected
    assert any(found.speakers and found.topics for found in tallies.values())
    # A changed file, and one whose stored tallies do not decode: counted anew.
    changed = corpus / "003_17535f2944fa9c05.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nSergey Lavrov: Syria.\n", "utf-8")
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        db.execute("UPDATE files SET tallies = '[1' WHERE doc_id = '000_0f3248e6ed0e14b7'")
    fresh = counted(cold(corpus, config))
    assert fresh != expected
    again = Library.load(corpus, config, cache)
    assert tallied(again) == fresh
    cache.close()


def test_tallies_the_cache_holds_for_another_version_of_a_file_are_not_used(
    corpus: Path, tmp_path: Path
) -> None:
    """A cache that cannot be written keeps the tallies of a file as it was: the file as
    it is now is counted."""
    config = load_config()
    cache_file = tmp_path / "c.sqlite3"
    load(corpus, config, cache_file)
    changed = corpus / "003_17535f2944fa9c05.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nSergey Lavrov: Syria.\n", "utf-8")
    with read_only(cache_file):
        again = load(corpus, config, cache_file)
        assert tallied(again) == counted(cold(corpus, config))


def test_named_speakers_in_dossier_yaml_count_anew(corpus: Path, tmp_path: Path) -> None:
    """dossier.yaml names a speaker by the label as printed, which tallies do not keep:
    while it names any, the tallies are counted from the corrected documents."""
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    (corpus / "dossier.yaml").write_text("speakers:\n  Sergey Lavrov: S. V. Lavrov\n", "utf-8")
    again = load(corpus, config, tmp_path / "c.sqlite3")
    tallies = tallied(again)
    assert tallies == counted(again)
    assert "S. V. Lavrov" in {part.name for found in tallies.values() for part in found.speakers}


@given(st.sampled_from(CORPUS_FILES))
@settings(max_examples=25, deadline=None)
def test_tallies_read_back_as_written(path: Path) -> None:
    document = read_document(path, path.stem, CONFIG, MATCHER)
    tallies = Tallies.of(document)
    assert Tallies.from_plain(json.loads(json.dumps(tallies.as_plain()))) == tallies
    assert sum(part.turns for part in tallies.speakers) == sum(
        1 for turn in document.turns if turn.speaker
    )
    assert dict(tallies.topics) == dict(
        Counter(topic for paragraph in document.paragraphs for topic in paragraph.topics)
    )


def test_a_start_lists_what_the_cache_holds_before_reading_the_folder(
    corpus: Path, tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first batches of a start come from the cache alone; the walk of the folder
    after them finds what changed since (here one file changed, one added, one gone),
    and the library ends as a cold load makes it."""
    config = load_config()
    load(corpus, config, tmp_path / "c.sqlite3")
    parsed.clear()
    touch(corpus / "003_17535f2944fa9c05.txt", "Sergey Lavrov: Syria.\n")
    shutil.copy(corpus / "000_0f3248e6ed0e14b7.txt", corpus / "new.txt")
    (corpus / "001_1233152ec4a1af33.txt").unlink()
    stamped: list[str] = []
    real_stamp = library_module._stamp

    def stamp(path: str) -> object:
        stamped.append(path)
        return real_stamp(path)

    monkeypatch.setattr(library_module, "_stamp", stamp)
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    library = Library(corpus, config, cache=cache)
    loader = Loader(library, cache)
    batches = loader.batches()
    first = next(batches)
    assert stamped == [] and parsed == [], "listed before the folder is read"
    assert {relative for relative, _, _ in first.entries} == {
        path.name for path in corpus.iterdir() if path.name != "new.txt"
    } | {"001_1233152ec4a1af33.txt"}
    library.add(first)
    for batch in batches:
        library.add(batch)
    library.remove(loader.changes.removed)
    cache.close()
    assert loader.changes.new == ("new.txt",)
    assert loader.changes.changed == ("003_17535f2944fa9c05.txt",)
    assert loader.changes.removed == ("001_1233152ec4a1af33.txt",)
    assert sorted(parsed) == ["003_17535f2944fa9c05", "new"]
    same(library, cold(corpus, config))


def test_a_reload_reads_the_cache_rows_of_the_changed_files_alone(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 files, reading every row to find one took a second of each `r`."""
    config = load_config()
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    library = Library.load(corpus, config, cache)
    read: list[str] = []
    real = cache_module._summary

    def summary(doc_id: str, columns: list[Any]) -> Summary:
        read.append(doc_id)
        return real(doc_id, columns)

    monkeypatch.setattr(cache_module, "_summary", summary)
    touch(corpus / "003_17535f2944fa9c05.txt")
    loader = Loader(library, cache)
    for batch in loader.batches():
        library.add(batch)
    cache.close()
    assert loader.changes.changed == ("003_17535f2944fa9c05.txt",)
    assert read == ["003_17535f2944fa9c05"]
    assert [
        path
        for path, _ in DocumentCache(tmp_path / "c.sqlite3", corpus, config).files(
            ["001_1233152ec4a1af33.txt", "gone.txt"]
        )
    ] == ["001_1233152ec4a1af33.txt"]


def test_a_start_reads_the_list_from_an_index_in_its_order(corpus: Path, tmp_path: Path) -> None:
    """The rows hold the documents: a start reads what the list shows from an index
    alone, in the list's order (by date, undated last, then by id), and sorts nothing."""
    config = load_config()
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    library = Library.load(corpus, config, cache)
    listed = [row.summary for _, row in cache.files() if row.summary is not None]
    assert listed == list(library.summaries) == sorted(listed, key=lambda s: s.sort_key)
    with sqlite3.connect(tmp_path / "c.sqlite3") as db:
        plan = " ".join(
            str(step)
            for step in db.execute(
                f"EXPLAIN QUERY PLAN SELECT {cache_module._SUMMARY_COLUMNS} FROM files"
                f" ORDER BY {cache_module._LIST_ORDER}"
            )
        )
    cache.close()
    assert "COVERING INDEX files_listed" in plan


def test_a_load_decodes_no_document_it_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse hands on each document's summary and its encoded form: the loader
    decodes none (a third of its time, when it did); one opened before the cache holds
    it is decoded then, the same as parsed."""
    decoded = recorded(monkeypatch, library_module, "decode_document", lambda _, path: path.name)
    config = load_config()
    library = Library.load(SEEDS, config)  # no cache: every document stays held
    assert decoded == []
    assert len(library.summaries) == 5
    seed = "003_17535f2944fa9c05"
    document = library.get(seed)
    assert decoded == [f"{seed}.txt"]
    assert document == read_document(SEEDS / f"{seed}.txt", seed, config, library.matcher)
    assert library.summary(seed) == Summary.of(document)


def test_a_library_without_the_cache_holds_what_its_loader_stores(
    corpus: Path, tmp_path: Path, parsed: list[str]
) -> None:
    """A loader writes its cache and says which files it now holds; a library that
    cannot read them back from it (it was given none) keeps them, rather than parse
    each again when it is opened (the whole folder walked for each: minutes at 10,000)."""
    config = load_config()
    cache = DocumentCache(tmp_path / "c.sqlite3", corpus, config)
    try:
        library = Library(corpus, config)
        loader = Loader(library, cache, workers=1)
        for batch in loader.batches():
            library.add(batch)
    finally:
        cache.close()
    parsed.clear()
    assert all(library.get(summary.id) is not None for summary in library.summaries)
    assert parsed == []


def test_a_parsing_worker_killed_midway_costs_no_file(tmp_path: Path) -> None:
    """A worker process that ends abruptly (killed, out of memory) breaks its pool: a
    new one reads the files not yet handed on, and the folder is read whole, as from
    one process."""
    import multiprocessing
    import signal

    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for number in range(library_module.POOL_THRESHOLD * 6):
        shutil.copy(seeds[number % len(seeds)], folder / f"doc_{number:03}.txt")
    config = load_config()
    library = Library(folder, config)
    killed = False
    for batch in Loader(library, None, workers=2).batches():
        library.add(batch)
        if not killed and (workers := multiprocessing.active_children()):
            os.kill(workers[0].pid or 0, signal.SIGKILL)
            killed = True
    assert killed, "a worker was at work"
    same(library, cold(folder, config))


def ending_on_poison(files: list[tuple[Path, str, Any]]) -> list[Any]:
    """A worker's task that ends its process where a chunk holds `poison.txt`, as a
    file the parser runs out of memory on would (run in the worker processes)."""
    if any(path.name == "poison.txt" for path, _, _ in files):
        os._exit(1)
    return library_module._parse_chunk(files)  # type: ignore[no-any-return]


def test_a_file_that_ends_every_worker_costs_its_chunk_not_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the workers end again and again on the same files, those files (the chunk
    they are in) are left unparsed, not cached, and every other file is read."""
    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(SEEDS.iterdir())
    for number in range(library_module.POOL_THRESHOLD * 3):
        shutil.copy(seeds[number % len(seeds)], folder / f"doc_{number:03}.txt")
    shutil.copy(seeds[0], folder / "poison.txt")
    monkeypatch.setattr(library_module, "_parse_chunk", ending_on_poison)
    config = load_config()
    library = Library(folder, config)
    for batch in Loader(library, None, workers=2).batches():
        library.add(batch)
    unparsed = {
        error.path.name for error in library.errors if error.reason == library_module.WORKER_ENDED
    }
    assert "poison.txt" in unparsed and len(unparsed) <= library_module.CHUNK
    parsed = {document.path.name for document in library.documents}
    assert parsed | unparsed == {path.name for path in folder.iterdir()}
