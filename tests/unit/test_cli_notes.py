"""`dossier notes list|add|export` and where the notes file is."""

from __future__ import annotations

import fcntl
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.corpus import store

DOC = "000_0f3248e6ed0e14b7"


def out(capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0) -> str:
    assert main(list(argv)) == status
    return capsys.readouterr().out


def test_add_list_and_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = str(tmp_path / "notes.yaml")
    added = json.loads(
        out(capsys, "--notes", notes, "notes", "add", DOC, "10", "Check the 2016 wording",
            "--quote", "Nagorno-Karabakh", "--tag", "karabakh, osce", "--json")
    )  # fmt: skip
    assert added["paragraph"] == added["stored_paragraph"] == 10
    assert added["anchor"] == "anchored"
    assert (added["quote"], added["tags"]) == ("Nagorno-Karabakh", ["karabakh", "osce"])
    out(capsys, "notes", "add", DOC, "3", "a second one", "--notes", notes)

    listed = json.loads(out(capsys, "--notes", notes, "notes", "list", "--json"))
    assert set(listed) == {"notes", "bookmarks"}
    assert [n["text"] for n in listed["notes"]] == ["Check the 2016 wording", "a second one"]
    assert set(listed["notes"][0]) == {
        "id", "doc", "paragraph", "stored_paragraph", "anchor", "quote", "text", "tags",
        "created", "updated",
    }  # fmt: skip
    text = out(capsys, "--notes", notes, "notes", "list", "--tag", "osce")
    assert "¶10" in text and "Check the 2016 wording" in text and "a second one" not in text

    markdown = out(capsys, "--notes", notes, "notes", "export")
    assert markdown.startswith("# Notes from dossier\n\n2 notes and 0 bookmarks")
    assert "## 2017-03-06 · Moscow: Foreign Minister Sergey Lavrov" in markdown
    assert "### Note on ¶10, Sergey Lavrov\n\n> Nagorno-Karabakh\n\nCheck the 2016 wording" in (
        markdown
    )
    assert f"[{DOC} ¶10]" in markdown
    exported = tmp_path / "out.md"
    out(capsys, "--notes", notes, "notes", "export", "-o", str(exported))
    assert exported.read_text(encoding="utf-8") == markdown


def test_notes_path_flag_beats_env_beats_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"notes_file: {tmp_path / 'from-config.yaml'}\n", encoding="utf-8")
    monkeypatch.setenv("DOSSIER_CONFIG", str(config))
    out(capsys, "notes", "add", DOC, "1", "one")
    assert (tmp_path / "from-config.yaml").exists()
    monkeypatch.setenv("DOSSIER_NOTES", str(tmp_path / "from-env.yaml"))
    out(capsys, "notes", "add", DOC, "1", "two")
    assert (tmp_path / "from-env.yaml").exists()
    out(capsys, "notes", "add", DOC, "1", "three", "--notes", str(tmp_path / "flag.yaml"))
    assert (tmp_path / "flag.yaml").exists()


def test_default_notes_file_is_in_the_data_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out(capsys, "notes", "add", DOC, "1", "one")
    data_home = Path(__import__("os").environ["XDG_DATA_HOME"])
    assert (data_home / "dossier" / "notes.yaml").exists()


def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = str(tmp_path / "notes.yaml")
    for argv, message in (
        (["notes", "add", "nope", "1", "x"], "no document with id 'nope'"),
        (["notes", "add", DOC, "99", "x"], "paragraphs 0 to 19, not 99"),
        (["notes", "add", DOC, "3", "x", "--quote", "absent words"], "quote is not in"),
    ):
        assert main(["--notes", notes, *argv]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1
    assert not Path(notes).exists()


def test_a_broken_notes_file_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("version: 1\nnotes:\n- id: a\n  id: b\n", encoding="utf-8")
    assert main(["--notes", str(path), "notes", "list"]) == 2
    assert "line 4, column 3: duplicate key 'id'" in capsys.readouterr().err
    assert main(["--notes", str(path), "notes", "add", DOC, "1", "x"]) == 2
    assert "read-only" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "version: 1\nnotes:\n- id: a\n  id: b\n"


def test_no_notes_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--notes", str(tmp_path / "none.yaml"), "notes", "list"]) == 1


# -- issue 23: the notes file under faults ----------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom", "config"])
def test_a_notes_file_that_is_not_a_file_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    """In a process of its own with 1 GB of memory: reading /dev/zero to its end
    would take all there is, a FIFO would wait for a writer for ever."""
    notes = tmp_path / "notes.yaml"
    env = {**os.environ, "DOSSIER_CONFIG": str(tmp_path / "none.yaml")}
    if kind == "fifo":
        os.mkfifo(notes)
    elif kind == "config":
        (tmp_path / "config.yaml").write_text("notes_file: /dev/zero\n", encoding="utf-8")
        env["DOSSIER_CONFIG"] = str(tmp_path / "config.yaml")
    else:
        notes.symlink_to(kind)
    flag = [] if kind == "config" else ["--notes", str(notes)]

    def one_gigabyte() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    try:
        run = subprocess.run(
            [sys.executable, "-m", "tui", *flag, "notes", "list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            preexec_fn=one_gigabyte,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("dossier notes list never ended")
    what = "a named pipe (FIFO)" if kind == "fifo" else "a character device"
    assert run.returncode == 2, run.stderr
    assert f"{what}, not a file" in run.stderr and run.stdout == ""


def test_a_read_only_notes_file_is_not_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    out(capsys, "--notes", str(notes), "notes", "add", DOC, "1", "first")
    notes.chmod(0o444)
    before = (notes.read_bytes(), notes.stat().st_ino, sorted(tmp_path.iterdir()))
    assert main(["--notes", str(notes), "notes", "add", DOC, "2", "second"]) == 2
    err = capsys.readouterr().err
    assert f"{notes} is read-only: dossier writes nothing to it" in err
    assert (notes.read_bytes(), notes.stat().st_ino, sorted(tmp_path.iterdir())) == before


def test_a_note_that_cannot_be_saved_in_time_is_recovered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes.yaml"
    out(capsys, "--notes", str(notes), "notes", "add", DOC, "1", "first")
    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.2)
    with (tmp_path / "notes.yaml.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["--notes", str(notes), "notes", "add", DOC, "2", "while locked"]) == 2
    err = capsys.readouterr().err
    [recovery] = tmp_path.glob("notes.yaml.recover-*")
    assert f"another process holds {notes}.lock; the note is in {recovery}" in err

    assert main(["--notes", str(notes), "notes", "list", "--json"]) == 0
    listed = capsys.readouterr()
    assert [n["text"] for n in json.loads(listed.out)["notes"]] == ["first"]
    assert f"could not save are in {recovery}: `dossier notes recover` merges" in listed.err

    assert out(capsys, "--notes", str(notes), "notes", "recover").endswith(
        f"1 notes and bookmarks merged into {notes}\n"
    )
    listed = json.loads(out(capsys, "--notes", str(notes), "notes", "list", "--json"))
    assert [n["text"] for n in listed["notes"]] == ["first", "while locked"]
    assert "recover" not in capsys.readouterr().err
    assert not recovery.exists()
    assert main(["--notes", str(notes), "notes", "recover"]) == 1
    assert "no recovery files" in capsys.readouterr().err
