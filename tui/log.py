"""The log file: every warning and error the TUI shows, and every failed background job
with its traceback (CHECKLIST 22). Its path is in the help screen and the README."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tui.corpus.clean import visible

log = logging.getLogger("dossier")


class _VisibleFormatter(logging.Formatter):
    """Records carry file names and messages from outside: `cat` of the log must not
    let them act on the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record))


def open_log(path: Path) -> None:
    """Write the `dossier` logger's records to `path` from now on (the file is made on
    the first record, and rotated at 1 MB). A log that cannot be written is no reason
    to stop: records then go nowhere."""
    for handler in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        log.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    handler = RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
    )
    handler.setFormatter(_VisibleFormatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
