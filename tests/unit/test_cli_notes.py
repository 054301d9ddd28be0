"""`dossier notes list|add|export` (DESIGN §7) and where the notes file is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

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
