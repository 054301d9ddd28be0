"""The installed `dossier` command, run from a folder that is not the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def dossier() -> str:
    path = shutil.which("dossier")
    if path is None:
        pytest.fail("the `dossier` command is not installed (pip install .)")
    return path


def test_installed_command_opens_the_bundled_seeds_from_anywhere(tmp_path: Path) -> None:
    result = subprocess.run(
        [dossier(), "list", "--json"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    dates = [entry["date"] for entry in json.loads(result.stdout)]
    assert dates == ["2016-07-12", "2017-03-06", "2017-04-04", "2020-08-26", "2020-11-21"]


def test_installed_command_refuses_the_tui_without_a_terminal(tmp_path: Path) -> None:
    result = subprocess.run(
        [dossier()], cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 2
    assert "needs an interactive terminal" in result.stderr


def test_module_entry_point_matches_the_command(tmp_path: Path) -> None:
    via_command = subprocess.run(
        [dossier(), "show", "003_17535f2944fa9c05", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    python = Path(dossier()).parent / "python"
    via_module = subprocess.run(
        [
            str(python) if python.exists() else "python3",
            "-m",
            "tui",
            "show",
            "003_17535f2944fa9c05",
            "--json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert via_command.returncode == via_module.returncode == 0
    assert json.loads(via_command.stdout) == json.loads(via_module.stdout)
