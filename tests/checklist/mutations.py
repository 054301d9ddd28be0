"""Remove each CHECKLIST protection once and check that its test then fails.

    python tests/checklist/mutations.py [NAME-PART ...]

Each entry replaces one piece of code with a version without the protection, runs the
tests named for it (a `-k` expression over `tests/checklist`, or pytest node ids such as
`tests/unit/test_store.py::test_x`, which start with `tests/`), and restores the file with `git checkout` (so run it on a
clean work tree: uncommitted changes to the files below would be lost). Prints
"OK (fails)" when the test caught the removal, "MISSED" when it did not. The package is
installed editable first, so that the tests that run the installed `dossier` run each
mutant (and the e2e tests' check that the installed package is the tree holds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

R = Path(__file__).resolve().parents[2]
PIP = [sys.executable, "-m", "pip", "install", "-q", "-e", "."]
MUTATIONS = [
    (
        "1 notification markup",
        "tui/toasts.py",
        "severity=severity, timeout=timeout, markup=False",
        "severity=severity, timeout=timeout, markup=True",
        "test_01",
    ),
    (
        "1 reader text as markup",
        "tui/document/content.py",
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
        "tui/toasts.py",
        "        message, title = visible(message), visible(title)\n",
        "",
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
        "tui/document/content.py",
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
        "test_06_what_was_read or test_06_a_50_mb",
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
        "tui/document/content.py",
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
        "tui/toasts.py",
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
    (
        "i23 notes and config values cleaned as read",
        "tui/corpus/safeyaml.py",
        "            return clean_text(value)",
        "            return value",
        "tests/unit/test_notes_file.py::test_control_characters_written_by_hand_come_back_as_placeholders "
        "tests/unit/test_config.py::test_text_from_the_config_is_cleaned_as_it_is_read "
        "tests/checklist/test_outside_text.py::test_02_an_escape_in_a_topic_name_reaches_no_screen",
    ),
    (
        "i23 notes and config keys cleaned as read",
        "tui/corpus/safeyaml.py",
        "                key = clean_text(str(event.value))",
        "                key = str(event.value)",
        "tests/unit/test_notes_file.py::test_control_characters_written_by_hand_come_back_as_placeholders "
        "tests/unit/test_config.py::test_text_from_the_config_is_cleaned_as_it_is_read",
    ),
    (
        "i23 YAML error messages cleaned",
        "tui/corpus/safeyaml.py",
        "        self.message = clean_text(message)",
        "        self.message = message",
        "tests/unit/test_yaml_attacks.py::test_an_error_message_quotes_the_file_cleaned",
    ),
    (
        "i23 notes list reason made visible",
        "tui/widgets/notes_list.py",
        'f": {folded_line(placement.why)}"',
        'f": {placement.why}"',
        "tests/checklist/test_outside_text.py::test_02_the_notes_list_shows_a_reason_made_visible",
    ),
    (
        "i23 config warnings cleaned",
        "tui/corpus/config.py",
        "    config.warnings.append(clean_line(message))",
        "    config.warnings.append(message)",
        "tests/unit/test_config.py::test_a_config_file_name_is_shown_cleaned",
    ),
    (
        "i23 key binding origins cleaned",
        "tui/corpus/config.py",
        '            origin = clean_line(self.origin(("keys", action)))',
        '            origin = self.origin(("keys", action))',
        "tests/unit/test_config.py::test_a_config_file_name_is_shown_cleaned",
    ),
    (
        "i23 YAML nesting limit",
        "tui/corpus/safeyaml.py",
        "            if self.depth > MAX_DEPTH:",
        "            if False:",
        "tests/unit/test_yaml_attacks.py::test_each_attack_is_clean_data_or_an_error_with_line_and_column "
        "tests/unit/test_yaml_attacks.py::test_nesting_is_refused_past_the_limit_with_line_and_column "
        "tests/unit/test_config.py::test_deep_nesting_is_a_warning_with_line_and_column "
        "tests/unit/test_notes_file.py::test_refused_files_name_line_and_column_and_stay_untouched",
    ),
    (
        "i23 a character YAML refuses named by line and column",
        "tui/corpus/safeyaml.py",
        "    refused = _refused_character(text)",
        "    refused = None",
        "tests/unit/test_config.py::test_a_raw_control_character_is_a_warning_with_line_and_column "
        "tests/unit/test_notes_file.py::test_refused_files_name_line_and_column_and_stay_untouched",
    ),
    (
        "i23 topic trie written without recursion",
        "tui/corpus/topics.py",
        '        steps += ["|", _piece(char), node[char]]',
        '        steps += ["|", _piece(char), *_branches(node[char])]',
        "tests/unit/test_config.py::test_a_long_keyword_is_found",
    ),
    (
        "i23 topic pattern nesting cap",
        "tui/corpus/topics.py",
        "    if deepest > MAX_NESTING:",
        "    if False:",
        "tests/unit/test_config.py::test_many_keywords_that_begin_one_another_are_found",
    ),
    (
        "i23 text encodings only",
        "tui/corpus/config.py",
        '        _EVERY_BYTE.decode(name, errors="replace")',
        "        codecs.lookup(name)",
        "tests/unit/test_config.py::test_an_encoding_that_does_not_decode_text_is_refused",
    ),
    # issue 23: outside text from the notes file and the config, YAML limits
    (
        "i23 an error on one entry costs that entry",
        "tui/corpus/library.py",
        "            except OSError as error:\n                reason = _cannot_read(error)\n",
        "            except FileNotFoundError as error:\n                reason = _cannot_read(error)\n",
        "tests/unit/test_folder_faults.py::test_list_check_and_search_answer_and_check_says_why[symlink-loop] "
        "tests/unit/test_folder_faults.py::test_list_check_and_search_answer_and_check_says_why[two-link-loop] "
        "tests/ui/test_folder_faults.py",
    ),
    (
        "i23 pipes and sockets listed, not skipped unsaid",
        "tui/corpus/library.py",
        "                reason = None if entry.is_file() else _not_a_file(entry)\n",
        "                if not entry.is_file() and not entry.is_symlink():\n"
        "                    continue\n"
        "                reason = None if entry.is_file() else _not_a_file(entry)\n",
        "tests/unit/test_folder_faults.py::test_list_check_and_search_answer_and_check_says_why[fifo] tests/unit/test_folder_faults.py::test_list_check_and_search_answer_and_check_says_why[unix-socket]",
    ),
    (
        "i23 ids one line",
        "tui/corpus/library.py",
        "    return clean_line(name.translate(_LINE_BREAK_PICTURES))",
        "    return clean_line(name)",
        "tests/unit/test_folder_faults.py::test_ids_are_one_line_in_list_and_kwic",
    ),
    (
        "i23 ids unique",
        "tui/corpus/library.py",
        "        while unique in given or (number > 1 and unique in taken):",
        "        while False:",
        "tests/unit/test_folder_faults.py::test_names_alike_once_cleaned_keep_ids_of_their_own",
    ),
    (
        "i23 unwritable cache opened read-only",
        "tui/corpus/cache.py",
        '        if not self._writable():\n            self._open_read_only("read-only")\n'
        "            return self._db\n",
        "",
        "tests/unit/test_cache.py::test_a_cache_that_cannot_be_written_is_read_and_said_once",
    ),
    (
        "i23 read-only folder read as immutable",
        "tui/corpus/cache.py",
        'mode = "ro" if os.access(self.path.parent, os.W_OK) else "ro&immutable=1"',
        'mode = "ro"',
        "tests/unit/test_cache.py::test_a_cache_that_cannot_be_written_is_read_and_said_once",
    ),
    (
        "i23 only a corrupt cache is dropped",
        "tui/corpus/cache.py",
        "            if not _corrupt(error):\n                self._open_read_only(str(error))\n"
        "                return self._db\n",
        "",
        "tests/unit/test_cache.py::test_a_cache_another_process_is_writing_is_read_not_removed",
    ),
    (
        "i23 tables made under the write lock",
        "tui/corpus/cache.py",
        '                db.execute("BEGIN IMMEDIATE")\n                db.execute("CREATE TABLE IF',
        '                db.execute("CREATE TABLE IF',
        "tests/unit/test_cache.py::test_cold_starts_at_once_make_one_cache_and_keep_it",
    ),
    (
        "i23 a busy switch to WAL is no error",
        "tui/corpus/cache.py",
        "        if _code(error) != sqlite3.SQLITE_BUSY:\n            raise\n",
        "        raise\n",
        "tests/unit/test_cache.py::test_a_first_start_waits_for_another_making_the_cache "
        "tests/unit/test_cache.py::test_cold_starts_at_once_make_one_cache_and_keep_it",
    ),
    # issue 23: the folder walk and the cache
    (
        "i23 notes, config, state: only a regular file is read",
        "tui/corpus/files.py",
        "        if not stat.S_ISREG(info.st_mode):\n",
        "        if False:\n",
        "tests/unit/test_store.py::test_a_fifo_is_refused_without_waiting_for_a_writer "
        "tests/unit/test_cli_notes.py::test_a_notes_file_that_is_not_a_file_is_refused_at_once "
        "tests/unit/test_config.py::test_a_config_that_is_no_file_or_too_large_is_refused_at_once "
        "tests/unit/test_folder_faults.py::test_a_corrections_file_that_is_a_pipe_is_not_waited_on",
    ),
    (
        "i23 notes, config, state: opened without waiting for a FIFO's writer",
        "tui/corpus/files.py",
        "    handle = os.open(path, os.O_RDONLY | O_NONBLOCK)\n    try:\n        info",
        "    handle = os.open(path, os.O_RDONLY)\n    try:\n        info",
        "tests/unit/test_store.py::test_a_fifo_is_refused_without_waiting_for_a_writer",
    ),
    (
        "i23 notes, config, state: never more than the cap read",
        "tui/corpus/files.py",
        "    if len(data) > limit:\n        raise FileRefused(too_large(limit), info)\n",
        "",
        "tests/unit/test_store.py::test_a_regular_file_is_read_up_to_the_cap_whatever_size_it_reports",
    ),
    (
        "i23 notes: read-only judged by the mode bits, not access()",
        "tui/corpus/store.py",
        "        return not info.st_mode & 0o222 or not os.access(self.target, os.W_OK)",
        "        return not os.access(self.target, os.W_OK)",
        "tests/unit/test_store.py::test_a_file_the_user_made_read_only_is_never_written "
        "tests/unit/test_cli_notes.py::test_a_read_only_notes_file_is_not_written "
        "tests/ui/test_notes.py::test_a_read_only_file_keeps_changes_in_memory_and_says_so_once",
    ),
    (
        "i23 notes: no save tried while the file is read-only",
        "tui/notebook.py",
        "        if self._file_state.write_protected:\n            return  # said once; saved when it is writable again\n",
        "        if False:\n            return\n",
        "tests/ui/test_notes.py::test_a_read_only_file_keeps_changes_in_memory_and_says_so_once",
    ),
    (
        "i23 notes: saved once writable again",
        "tui/notebook.py",
        "            if notes.dirty:\n                self._save_soon()\n",
        "            pass\n",
        "tests/ui/test_notes.py::test_a_read_only_file_keeps_changes_in_memory_and_says_so_once",
    ),
    (
        "i23 notes: the file checked again right before the rename",
        "tui/corpus/store.py",
        "                if now_there != expected:\n",
        "                if False:\n",
        "tests/unit/test_store.py::test_a_version_written_just_before_the_rename_is_never_replaced_unread",
    ),
    (
        "i23 notes: a write into the replaced file merged",
        "tui/corpus/store.py",
        "                late = None if old is None else _late_write(old, expected)\n",
        "                late = None\n",
        "tests/unit/test_store.py::test_an_in_place_write_into_the_replaced_file_is_merged",
    ),
    (
        "i23 notes: read back after the rename",
        "tui/corpus/store.py",
        "                if late is None and self._is_version(version):\n",
        "                if late is None:\n",
        "tests/unit/test_store.py::test_an_editor_save_right_after_the_rename_is_merged_again",
    ),
    (
        "i23 notes: a vanished file deletes nothing (look)",
        "tui/corpus/store.py",
        "            base = self._base if signature is not None else {}\n",
        "            base = self._base\n",
        "tests/unit/test_store.py::test_a_deleted_file_deletes_nothing_and_keeps_its_backup "
        "tests/ui/test_notes.py::test_a_deleted_notes_file_keeps_the_notes_and_writes_them_all_again",
    ),
    (
        "i23 notes: a vanished file deletes nothing (save)",
        "tui/corpus/store.py",
        "            merged = merge(base if signature is not None else {}, data.entries, mine)\n",
        "            merged = merge(base, data.entries, mine)\n",
        "tests/unit/test_store.py::test_a_deleted_file_deletes_nothing_and_keeps_its_backup",
    ),
    (
        "i23 notes: a path that cannot be looked at is a problem",
        "tui/corpus/store.py",
        '    except OSError as error:\n        return NotesFileError(f"cannot read: {error.strerror}"), None\n    return _parsed',
        "    return _parsed",
        "tests/unit/test_store.py::test_a_notes_path_that_cannot_be_looked_at_is_a_problem_not_a_crash "
        "tests/e2e/test_notes_journey.py::test_a_signal_ends_dossier_when_saves_fail",
    ),
    (
        "i23 notes: every OSError of a save is a NotesSaveError",
        "tui/corpus/store.py",
        "        except OSError as error:\n            raise NotesSaveError(_failed(self.path, error)) from error\n        with self._lock:",
        "        except KeyError as error:\n            raise NotesSaveError(_failed(self.path, error)) from error\n        with self._lock:",
        "tests/unit/test_store.py::test_a_failed_save_is_loud_keeps_the_note_and_damages_nothing",
    ),
    (
        "i23 notes: the exit save keeps the notes aside whatever fails",
        "tui/notebook.py",
        "        except Exception as error:  # the app ends whatever failed: the notes go aside\n",
        "        except NotesSaveError as error:\n",
        "tests/ui/test_notes.py::test_a_signal_ends_dossier_whatever_fails_and_keeps_the_draft_aside",
    ),
    (
        "i23 notes: a signal ends the app whatever the exit save does",
        "tui/notebook.py",
        '        try:\n            self._save_before_exit(f"signal {signum}", EXIT_LOCK_WAIT)\n        finally:\n',
        '        if True:\n            self._save_before_exit(f"signal {signum}", EXIT_LOCK_WAIT)\n        if True:\n',
        "tests/ui/test_notes.py::test_a_signal_ends_dossier_whatever_fails_and_keeps_the_draft_aside",
    ),
    (
        "i23 notes: what the exit could not save goes to a recovery file",
        "tui/notebook.py",
        "        self._keep_aside(why, draft)\n",
        "        pass\n",
        "tests/ui/test_notes.py::test_a_signal_ends_dossier_whatever_fails_and_keeps_the_draft_aside "
        "tests/e2e/test_notes_journey.py::test_a_draft_kept_from_a_locked_file_is_offered_at_the_next_start",
    ),
    (
        "i23 notes: the save on a signal waits 2 s for the lock",
        "tui/notebook.py",
        '            self._save_before_exit(f"signal {signum}", EXIT_LOCK_WAIT)\n',
        '            self._save_before_exit(f"signal {signum}", 10.0)\n',
        "tests/e2e/test_notes_journey.py::test_a_draft_kept_from_a_locked_file_is_offered_at_the_next_start",
    ),
    (
        "i23 notes: a save under way waited for in bounded time",
        "tui/corpus/store.py",
        "        if not self._saving.acquire(timeout=lock_timeout):\n",
        "        if not self._saving.acquire():\n",
        "tests/e2e/test_notes_journey.py::test_a_draft_kept_from_a_locked_file_is_offered_at_the_next_start",
    ),
    (
        "i23 notes: the reader offers the recovery files at start",
        "tui/notebook.py",
        "        self._offer_recovery()\n",
        "        pass\n",
        "tests/ui/test_notes.py::test_notes_an_earlier_session_could_not_save_are_offered_and_merged",
    ),
    (
        "i23 notes: the CLI says a recovery file waits",
        "tui/cli.py",
        '    if args.notes_command != "recover":\n        for path in store.recovery_files():\n',
        "    if False:\n        for path in store.recovery_files():\n",
        "tests/unit/test_cli_notes.py::test_a_note_that_cannot_be_saved_in_time_is_recovered",
    ),
    (
        "i23 notes: notes add keeps a note it cannot save in time",
        "tui/cli.py",
        '        raise UsageError(f"{error}{_kept_aside(store)}") from None\n',
        "        raise UsageError(str(error)) from None\n",
        "tests/unit/test_cli_notes.py::test_a_note_that_cannot_be_saved_in_time_is_recovered",
    ),
    (
        "i23 notes: keys after `a` wait for the editor",
        "tui/notebook.py",
        "            if isinstance(event, events.Key) and self._opens_editor(event.key):\n",
        "            if False:\n",
        "tests/ui/test_notes.py::test_keys_typed_with_a_in_one_burst_go_to_the_editor "
        "tests/e2e/test_notes_journey.py::test_text_sent_with_a_in_one_burst_goes_to_the_editor",
    ),
    (
        "i23 notes: keys go on at once when no editor opens",
        "tui/notebook.py",
        "            self._holding_for[1].post_message(EditorAsked())\n",
        "            pass\n",
        "tests/ui/test_notes.py::test_keys_after_a_key_that_opens_no_editor_go_on_at_once",
    ),
    # issue 23: the notes file's durability
    (
        "i26 a corrupt state file is reported and started afresh",
        "tui/corpus/state.py",
        "        except StateFileError as error:\n            self.problem = str(error)\n",
        "",
        "tests/unit/test_state.py::test_a_corrupt_or_unreadable_file_is_reported_once_and_started_afresh",
    ),
    (
        "i26 the state file written aside and renamed",
        "tui/corpus/state.py",
        '                write_new(temporary, text.encode("utf-8"), 0o600)\n'
        "                os.replace(temporary, self.path)\n",
        '                self.path.write_text(text, encoding="utf-8")\n',
        "tests/unit/test_state.py::test_two_processes_writing_at_once_never_leave_a_torn_file "
        "tests/unit/test_state.py::test_a_write_that_fails_half_way_leaves_the_old_file_whole",
    ),
    (
        "i26 --no-state and DOSSIER_NO_STATE",
        "tui/cli.py",
        "state=None if state_disabled(args.no_state) else StateFile(state_path()),",
        "state=StateFile(state_path()),",
        "tests/unit/test_state.py::test_no_state_neither_reads_nor_writes_the_file",
    ),
    # issue 26: the state file
]


def main(only: list[str]) -> int:
    subprocess.run(PIP, cwd=R, check=True)
    missed = 0
    for name, path, old, new, tests in MUTATIONS:
        if only and not any(part in name for part in only):
            continue
        missed += not mutant_fails(name, path, old, new, tests)
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
