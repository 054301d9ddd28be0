"""Remove each CHECKLIST protection once and check that its test then fails.

    python tests/checklist/mutations.py [NAME-PART ...]

Each entry replaces one piece of code with a version without the protection, runs the
tests named for it (a `-k` expression over `tests/checklist`, or pytest node ids such as
`tests/unit/test_store.py::test_x`, which start with `tests/`), and restores the file with `git checkout` (so run it on a
clean work tree: uncommitted changes to the files below would be lost). Prints
"OK (fails)" when the test caught the removal, "MISSED" when it did not. Entries whose
tests run the installed `dossier` reinstall the package first (and once at the end).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

R = Path(__file__).resolve().parents[2]
PIP = [sys.executable, "-m", "pip", "install", "-q", "."]
MUTATIONS = [
    (
        "1 notification markup",
        "tui/app.py",
        "severity=severity, timeout=timeout, markup=False",
        "severity=severity, timeout=timeout, markup=True",
        "test_01",
    ),
    (
        "1 reader text as markup",
        "tui/widgets/document.py",
        "    content = Content(paragraph.text)",
        "    content = Content.from_markup(paragraph.text)",
        "test_01",
    ),
    (
        "2 ESC cleaned at entry",
        "tui/corpus/clean.py",
        '"[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f"',
        '"[\\x00-\\x08\\x0e-\\x1a\\x1c-\\x1f\\x7f-\\x9f"',
        "test_02_escape or test_02_an_osc or test_02_parser or test_02_cleaner",
    ),
    (
        "2 ESC, tmux only",
        "tui/corpus/clean.py",
        '"[\\x00-\\x08\\x0e-\\x1f\\x7f-\\x9f"',
        '"[\\x00-\\x08\\x0e-\\x1a\\x1c-\\x1f\\x7f-\\x9f"',
        "test_02_an_osc",
    ),
    (
        "2 paste cleaned",
        "tui/app.py",
        "event = events.Paste(clean_text(event.text))",
        "event = events.Paste(event.text)",
        "test_02_escape",
    ),
    (
        "2 CLI output visible",
        "tui/cli.py",
        "sys.stdout, sys.stderr = _Visible(sys.stdout), _Visible(sys.stderr)",
        "pass",
        "test_02_cli",
    ),
    (
        "2 notification visible",
        "tui/app.py",
        "            visible(message), title=visible(title),",
        "            message, title=title,",
        "test_every_screen",
    ),
    ("3 bidi", "tui/corpus/clean.py", '    + "".join(_BIDI_NAMES)\n', "", "test_03"),
    (
        "4 line endings",
        "tui/corpus/clean.py",
        '_NEWLINE_CHARS = ("\\r", "\\u2028", "\\u2029", "\\x85", "\\x0b", "\\x0c")',
        '_NEWLINE_CHARS = ("\\r",)',
        "test_04",
    ),
    (
        "5 latin-1 heuristic",
        "tui/corpus/clean.py",
        '_WESTERN = ("cp1252",)',
        "_WESTERN = ()",
        "test_05",
    ),
    (
        "5 warning on screen",
        "tui/widgets/document.py",
        '    lines.extend(Content.styled(f"⚠ {warning}", "italic") for warning in document.warnings)\n',
        "",
        "test_05_the_reader",
    ),
    (
        "5 stray NUL",
        "tui/corpus/clean.py",
        'if sample.count(b"\\x00") * 100 > len(sample):',
        'if b"\\x00" in sample:',
        "test_02_escape",
    ),
    (
        "6 huge line split",
        "tui/corpus/clean.py",
        "MAX_LINE_CHARS = 20_000",
        "MAX_LINE_CHARS = 20_000_000",
        "test_06_a_huge",
    ),
    (
        "6 unreadable",
        "tui/corpus/library.py",
        "    except OSError as error:\n        raise UnreadableError",
        "    except KeyError as error:\n        raise UnreadableError",
        "test_06_unreadable",
    ),
    (
        "6 a huge file read after the first frame",
        "tui/corpus/library.py",
        "        if count >= POOL_THRESHOLD or size >= READ_AT_ONCE_BYTES:",
        "        if count >= POOL_THRESHOLD:",
        "test_06_a_folder_with_a_huge_file",
    ),
    (
        "6 what was read handed on before a large file",
        "tui/corpus/library.py",
        "            if _size(stamp) > LARGE_FILE_BYTES:\n                yield None",
        "            pass",
        "test_06_a_50_mb",
    ),
    (
        "7 cell widths in the sidebar",
        "tui/widgets/sidebar.py",
        '    if cell_len(text) <= width:\n        return text\n    return set_cell_size(text, width - 1).rstrip() + "…"',
        '    if len(text) <= width:\n        return text\n    return text[: width - 1] + "…"',
        "test_07",
    ),
    (
        "18 too small",
        "tui/screens/fit.py",
        "too_small = width < MIN_WIDTH or height < MIN_HEIGHT",
        "too_small = False",
        "test_18",
    ),
    (
        "19 no tty",
        "tui/cli.py",
        "if not (sys.stdout.isatty() and sys.stdin.isatty()) or",
        "if False and not (sys.stdout.isatty() and sys.stdin.isatty()) or",
        "test_19_redirected",
    ),
    (
        "19 dumb",
        "tui/cli.py",
        'or os.environ.get("TERM") == "dumb":',
        'or os.environ.get("TERM") == "dumber":',
        "test_19_dumb",
    ),
    (
        "20 topic underline",
        "tui/widgets/document.py",
        'f"{colour} underline".strip()',
        'f"{colour}".strip()',
        "test_20_questions",
    ),
    (
        "20 question italic",
        "styles/reader.tcss",
        "    background: $accent 8%;\n    text-style: italic;",
        "    background: $accent 8%;",
        "test_20_questions",
    ),
    (
        "21 unknown key warned",
        "tui/corpus/config.py",
        '                self.warn((key,), "unknown key (ignored)")',
        "                pass",
        "test_21",
    ),
    (
        "22 parse failure caught",
        "tui/corpus/library.py",
        "    except Exception as error:  # a parser bug",
        "    except KeyError as error:  # a parser bug",
        "test_22_a_failing_parse",
    ),
    (
        "22 worker failure logged",
        "tui/app.py",
        '            log.error("%s failed", event.worker.name, exc_info=error)',
        "            pass",
        "test_22_a_failing_index",
    ),
    (
        "22 warnings logged",
        "tui/app.py",
        '            log.log(logging.ERROR if severity == "error" else logging.WARNING, message)',
        "            pass",
        "test_21",
    ),
    (
        "23 query cap",
        "tui/corpus/search.py",
        "    if len(text) > MAX_QUERY_CHARS:",
        "    if False:",
        "test_23",
    ),
    # issue 23: outside text from the notes file and the config, YAML limits
    # issue 23: the folder walk and the cache
    # issue 23: the notes file's durability
]


def main(only: list[str]) -> int:
    missed = 0
    for name, path, old, new, tests in MUTATIONS:
        if only and not any(part in name for part in only):
            continue
        missed += not mutant_fails(name, path, old, new, tests)
    if any("osc" in tests or "dumb" in tests for *_, tests in MUTATIONS):
        subprocess.run(PIP, cwd=R, check=True)
    return 1 if missed else 0


def pytest_args(tests: str) -> list[str]:
    """Node ids as they are, or a `-k` expression over the CHECKLIST tests."""
    return tests.split() if tests.startswith("tests/") else ["tests/checklist", "-k", tests]


def mutant_fails(name: str, path: str, old: str, new: str, tests: str) -> bool:
    full = R / path
    text = full.read_text(encoding="utf-8")
    if old not in text:
        print(f"?? {name}: the code to remove is not in {path} any more", flush=True)
        return False
    full.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        if "osc" in tests or "dumb" in tests:
            subprocess.run(PIP, cwd=R, check=True)
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", *pytest_args(tests)],
            cwd=R,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        subprocess.run(["git", "checkout", "--", path], cwd=R, check=True)
    lines = run.stdout.strip().splitlines()
    print(f"{'OK (fails)' if run.returncode else 'MISSED'} {name}: {lines[-1] if lines else ''}")
    return run.returncode != 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
