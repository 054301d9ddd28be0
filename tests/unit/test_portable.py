"""dossier starts where Textual runs, Windows included: no module of tui/ needs a
POSIX-only module or name when it is imported, and the file helpers work without
them. Windows is played, in a child process, by taking away what it lacks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.corpus.files import LockBusy, exclusive_lock

ROOT = Path(__file__).resolve().parents[2]

AS_ON_WINDOWS = textwrap.dedent(
    """
    import importlib, os, pkgutil, signal, sys
    from pathlib import Path

    sys.modules["fcntl"] = None  # `import fcntl` raises ImportError
    del os.pread, os.O_NONBLOCK, signal.SIGHUP

    import tui

    names = sorted(
        module.name
        for module in pkgutil.walk_packages(tui.__path__, "tui.")
        if module.name != "tui.__main__"  # runs the CLI
    )
    for name in names:
        importlib.import_module(name)

    from tui.corpus.files import read_capped
    from tui.notebook import SIGNALS

    assert SIGNALS == (signal.SIGTERM,), SIGNALS
    path = Path(sys.argv[1])
    path.write_bytes(b"x" * 3_000_000)
    data, _ = read_capped(path, 4_000_000)
    assert data == b"x" * 3_000_000
    print(len(names))
    """
)


def test_every_module_imports_without_posix_only_names(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", AS_ON_WINDOWS, str(tmp_path / "file.bin")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 40, "every module of tui/ was imported"


def test_the_lock_is_exclusive_and_let_go(tmp_path: Path) -> None:
    path = tmp_path / "notes.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from tui.corpus.files import exclusive_lock\n"
            "with exclusive_lock(Path(sys.argv[1]), 5):\n"
            "    print('held', flush=True)\n"
            "    sys.stdin.readline()\n",
            str(path),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(LockBusy), exclusive_lock(path, 0.2):
            pass
        # The holder may write the lock file meanwhile (store.py keeps a line there).
        path.write_text("mine\n", encoding="utf-8")
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)
    with exclusive_lock(path, 1):
        assert path.read_text(encoding="utf-8") == "mine\n"
