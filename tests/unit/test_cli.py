"""The scriptable CLI: JSON shapes, exit status, no TTY."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tui.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out)


def test_list_json_order_dates_places(capsys: pytest.CaptureFixture[str]) -> None:
    entries = run_json(capsys, "list")
    assert isinstance(entries, list)
    assert [(e["id"][:3], e["date"], e["place"]) for e in entries] == [
        ("004", "2016-07-12", "Baku"),
        ("000", "2017-03-06", "Moscow"),
        ("003", "2017-04-04", "Moscow"),
        ("001", "2020-08-26", "Moscow"),
        ("002", "2020-11-21", "Baku"),
    ]
    assert set(entries[0]) == {"id", "title", "date", "place", "source_kind", "turns", "questions"}


def test_show_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    shown = run_json(capsys, "show", "003_17535f2944fa9c05")
    assert isinstance(shown, dict)
    assert shown["date_confidence"] == "inferred"
    assert shown["turns"][1] == {
        "index": 1,
        "speaker": None,
        "label": None,
        "note": None,
        "kind": "heading",
        "paragraphs": [
            {"index": 7, "text": "Nagorno-Karabakh conflict", "topics": ["Nagorno-Karabakh"]}
        ],
    }
    assert shown["dropped"] == [{"line": 1, "text": "All news", "reason": "navigation"}]


def test_global_options_work_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "one.txt").write_text((SEEDS / "000_0f3248e6ed0e14b7.txt").read_text())
    assert len(run_json(capsys, "--corpus", str(tmp_path), "list")) == 1  # type: ignore[arg-type]
    assert len(run_json(capsys, "list", "--corpus", str(tmp_path))) == 1  # type: ignore[arg-type]


def test_corpus_env_and_flag_precedence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one.txt").write_text((SEEDS / "000_0f3248e6ed0e14b7.txt").read_text())
    monkeypatch.setenv("DOSSIER_CORPUS", str(tmp_path))
    assert len(run_json(capsys, "list")) == 1  # type: ignore[arg-type]
    assert len(run_json(capsys, "list", "--corpus", str(SEEDS))) == 5  # type: ignore[arg-type]


def test_unknown_id_and_missing_corpus_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "nope"]) == 2
    assert "no document with id 'nope'" in capsys.readouterr().err
    assert main(["list", "--corpus", "/no/such/dir"]) == 2
    assert "corpus folder not found" in capsys.readouterr().err
    # A name the file system refuses (too long) is no folder either, not a traceback.
    assert main(["list", "--corpus", "/" + "x" * 5000]) == 2
    assert "corpus folder not found" in capsys.readouterr().err
    assert main(["check", "/" + "x" * 5000]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_a_unique_start_of_an_id_names_its_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show 004`, `compare 004 000` and `notes add 001 …` take the start of an id, as
    `doc:004` does in search; one that starts several ids exits 2 naming them."""
    shown = run_json(capsys, "show", "004")
    assert isinstance(shown, dict) and shown["id"] == "004_d48fa1d5f48169a7"
    compared = run_json(capsys, "compare", "004", "000")
    assert isinstance(compared, dict)
    assert (compared["left"], compared["right"]) == (
        "004_d48fa1d5f48169a7",
        "000_0f3248e6ed0e14b7",
    )
    notes = tmp_path / "notes.yaml"
    assert main(["notes", "add", "001", "3", "a note", "--notes", str(notes)]) == 0
    assert "001_1233152ec4a1af33" in notes.read_text()
    capsys.readouterr()
    assert main(["show", "00"]) == 2
    error = capsys.readouterr().err
    assert "'00' is the start of 5 ids" in error
    assert "004_d48fa1d5f48169a7" in error and "002_06cc93c8d13a39f8" in error


def test_counts_and_kinds_read_as_words(capsys: pytest.CaptureFixture[str]) -> None:
    """One paragraph, one occurrence; an unnamed questioner is `question` once; an
    empty query is bad usage (2), not "nothing found" (1)."""
    assert main(["search", "Kazan formula"]) == 0
    out, err = capsys.readouterr()
    assert "¶15  question  score" in out and "(question)" not in out
    assert err.startswith("1 paragraph in ")
    assert main(["kwic", "frozen conflict"]) == 0
    assert capsys.readouterr().err == "1 occurrence of “frozen conflict”\n"
    for empty in ("", "   "):
        assert main(["search", empty]) == 2
        assert "the query is empty" in capsys.readouterr().err


def test_json_stdout_is_only_json(tmp_path: Path) -> None:
    """Warnings go to stderr, so `--json` output stays parseable."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "one.txt").write_text((SEEDS / "000_0f3248e6ed0e14b7.txt").read_text())
    result = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--json", "--corpus", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 1
    assert "skipped" in result.stderr and "empty file" in result.stderr


def test_search_json_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    results = run_json(capsys, "search", "Karabah", "--limit", "3")
    assert isinstance(results, list) and len(results) == 3
    first = results[0]
    assert set(first) == {
        "doc",
        "paragraph",
        "turn",
        "speaker",
        "kind",
        "date",
        "score",
        "snippet",
        "spans",
    }
    for start, end in first["spans"]:
        assert first["snippet"][start:end].casefold() == "karabakh"
    assert main(["search", "zzqqxx"]) == 1
    assert main(["search"]) == 2
    assert "give either a QUERY or --stdin" in capsys.readouterr().err


def test_search_stdin_prints_one_line_per_query(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Kerry\n\nzzqqxx\n"))
    assert main(["search", "--stdin", "--limit", "2"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == ["Kerry", "", "zzqqxx"]
    assert [len(line["results"]) for line in lines] == [2, 0, 0]
    assert all(isinstance(line["ms"], float) for line in lines)


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "a.*b+[(?",
        "     ",
        "!!!???...",
        "foo:bar Kerry",
        "((((((((((",
        '"unclosed phrase',
    ],
)
def test_hostile_queries_are_answered_sensibly(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.corpus.config import load_config
    from tui.corpus.library import Library
    from tui.corpus.search import SearchIndex

    index = SearchIndex(Library.load(SEEDS, load_config()).documents, load_config())
    answer = index.search(query)
    assert len(answer.query.terms) <= 8
    if query.startswith("foo:"):
        assert any("unknown filter foo" in hint for hint in answer.query.hints)
        assert answer.query.terms == ("kerry",)
        assert answer.results
    if len(query) > 1000:
        assert any("cut" in hint for hint in answer.query.hints)


@pytest.mark.parametrize(("preset", "expected"), [(None, "120"), ("30", "30")])
def test_the_reader_draws_up_to_120_frames_a_second_unless_the_user_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, preset: str | None, expected: str
) -> None:
    """`dossier` sets Textual's frame rate before it imports Textual (a burst of keys
    waits for the next frame slot); a TEXTUAL_FPS of the user's own is kept."""
    import tui.app

    seen: list[str | None] = []
    monkeypatch.setattr(
        tui.app.DossierApp, "run", lambda app: seen.append(os.environ.get("TEXTUAL_FPS"))
    )
    monkeypatch.setattr("tui.cli.hold_until_shown", lambda: None)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("TEXTUAL_FPS", "placeholder")  # restored (removed) after the test
    if preset is None:
        monkeypatch.delenv("TEXTUAL_FPS")
    else:
        monkeypatch.setenv("TEXTUAL_FPS", preset)
    assert main(["--corpus", str(SEEDS), "--notes", str(tmp_path / "notes.yaml")]) == 0
    assert seen == [expected]


def test_textual_takes_its_frame_rate_from_textual_fps() -> None:
    """What the setting above relies on: Textual reads TEXTUAL_FPS when imported."""
    shown = subprocess.run(
        [sys.executable, "-c", "import textual.screen as s; print(round(1 / s.UPDATE_PERIOD))"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TEXTUAL_FPS": "120"},
    )
    assert shown.stdout.strip() == "120"
