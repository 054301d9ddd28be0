"""The app's side of notes and bookmarks.

The app holds the NotesStore. Widgets and screens ask for changes with messages
(a bookmark toggled, a note to write or delete); the app makes the change in
memory, redraws the reader's marks, the sidebar's counts and the notes screen,
and saves in a thread worker. Every second it takes in edits made to the file
outside (an editor, another dossier). A failed save leaves the notes in memory
and on screen, and quitting tries once more; SIGHUP and SIGTERM save what there
is, a note being typed included, before the app exits. Whatever cannot be saved
when the app ends goes to a recovery file beside the notes file (the log says
where), which the next start offers to merge. A file made read-only keeps the
changes in memory; a file deleted meanwhile deletes none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

from tui.corpus.anchor import Placement, anchor_for
from tui.corpus.export import notes_markdown, placements
from tui.corpus.library import Library
from tui.corpus.notes import Kind, Note, NotesData, new_id, now, write_notes
from tui.corpus.store import (
    NotesSaveError,
    NotesStore,
    NotesWriteProtectedError,
)
from tui.document.marks import Marks, ParagraphMarks
from tui.log import log
from tui.messages import (
    BookmarkToggled,
    NoteDeleteRequested,
    NoteEditRequested,
    NotesChecked,
    NotesExported,
    NotesExportRequested,
    NotesRecovered,
    NotesSaved,
    post_result,
)
from tui.screens.main import MainScreen
from tui.toasts import ToastsApp
from tui.words import counted

if TYPE_CHECKING:
    from tui.dialogs.note_editor import NoteDraft, NoteEditor
    from tui.screens.notes import NotesScreen

CHECK_EVERY = 1.0
"""Seconds between looks at the notes file for changes made outside dossier."""
DRAFT_TAG = "draft"
"""The tag of a note kept from the editor when the app had to exit (SIGHUP, SIGTERM)."""
SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)
"""The signals that save and exit (Windows has no SIGHUP)."""
EXIT_GRACE = 3.0
"""Seconds a clean exit gets after SIGHUP or SIGTERM before the process just ends."""
EXIT_LOCK_WAIT = 2.0
"""Seconds the save on SIGHUP or SIGTERM waits for another process's save; then the
notes go to a recovery file (a service manager kills what has not ended in 10 s)."""
EDITOR_BINDINGS = frozenset({"add_note", "edit_note", "notes_edit"})
"""The keys that open the note editor: the keys after them go to the editor."""
HOLD_KEYS = 5.0
"""Seconds at most the keys after one of those wait for the editor (a safety net: they
go once the editor is open, or once it is clear that none will open)."""
SAVE_GROUP = "notes-save"
CHECK_GROUP = "notes-check"
EXPORT_GROUP = "notes-export"
RECOVER_GROUP = "notes-recover"

Counts = dict[str, tuple[int, int]]
"""Per document id: how many bookmarks and notes it has."""


class EditorAsked(Message):
    """Sent after a key that opens the note editor has been through the bindings: when
    it reaches the app, the editor that key asked for is open, or none was asked for."""


@dataclass(frozen=True, slots=True)
class FileState:
    """What the app last told the user about the notes file."""

    unreadable: bool = False
    write_protected: bool = False
    vanished: bool = False


def marks_of(placed: Iterable[tuple[Note, Placement]]) -> tuple[Marks, Counts]:
    """What the reader marks on each paragraph, and the sidebar's counts; entries
    that found no paragraph (orphaned) are on the notes screen only."""
    bookmarks: dict[tuple[str, int], Note] = {}
    notes: dict[tuple[str, int], list[Note]] = {}
    for note, where in placed:
        if where.paragraph is None:
            continue
        key = (note.anchor.doc, where.paragraph)
        if note.kind is Kind.BOOKMARK:
            bookmarks.setdefault(key, note)
        else:
            notes.setdefault(key, []).append(note)
    marks: Marks = {}
    counts: dict[str, list[int]] = {}
    for doc, paragraph in bookmarks.keys() | notes.keys():
        on_paragraph = sorted(notes.get((doc, paragraph), ()), key=lambda note: note.created)
        bookmark = bookmarks.get((doc, paragraph))
        marks.setdefault(doc, {})[paragraph] = ParagraphMarks(bookmark, tuple(on_paragraph))
        count = counts.setdefault(doc, [0, 0])
        count[0] += bookmark is not None
        count[1] += len(on_paragraph)
    return marks, {doc: (count[0], count[1]) for doc, count in counts.items()}


def export_path(folders: Iterable[Path], today: dt.date) -> Path:
    """A new file `dossier-notes-YYYY-MM-DD.md` (`-2`, `-3`... if taken) in the first
    of `folders` that can be written; OSError if none can. An earlier export is never
    overwritten: the user may have edited it."""
    error: OSError | None = None
    for folder in folders:
        for number in range(1, 100):
            suffix = f"-{number}" if number > 1 else ""
            path = folder / f"dossier-notes-{today.isoformat()}{suffix}.md"
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            except FileExistsError:
                continue
            except OSError as problem:
                error = problem
                break
            return path
    raise error or OSError("no free file name for the export")


class NotebookApp(ToastsApp):
    """The notes and bookmarks of an App whose constructor sets `main_screen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("A", "notes", "Notes", id="notes"),
        Binding("M", "bookmarks", "Bookmarks", id="bookmarks", show=False),
        Binding("u", "undo_delete", "Undo delete", id="undo_delete", show=False),
        Binding("R", "recover_notes", "Merge unsaved notes", id="recover_notes", show=False),
    ]

    main_screen: MainScreen

    def __init__(self, library: Library, notes: NotesStore) -> None:
        super().__init__()
        self.library = library
        self.notes = notes
        self._notes_screen: NotesScreen | None = None
        self.placed: list[tuple[Note, Placement]] = []
        """Every note and bookmark with where it belongs now."""
        self._saving = False
        self._save_again = False
        """A change came while a save was running: save once more when it is done."""
        self._file_state = FileState()
        self._deleted: Note | None = None
        """The last entry deleted, for `u`."""
        self._quit_unsaved = False
        """The save on quit failed and the user was told: the next quit goes."""
        self._hard_exit: threading.Timer | None = None
        """Ends the process if the app has not closed EXIT_GRACE seconds after a signal."""
        self._held: list[events.Key | events.Paste] | None = None
        """Keys that came after a key opening the editor, before the editor was there."""
        self._holding_for: tuple[events.Key, Widget] | None = None
        """The key that opens the editor, and the widget it went to, until the key has
        been through the bindings."""
        self._hold_timer: Timer | None = None
        self._editor_keys: tuple[object, frozenset[str]] = (None, frozenset())
        """The keys that open the editor, for the screen and focus they were found for."""
        self._recovery_waiting = False
        """Recovery files were found at the start (or written since) and not merged yet."""

    @property
    def notes_screen(self) -> NotesScreen:
        """The notes screen, made (and installed, so it keeps its place) when first
        wanted: a start shows the reader."""
        if self._notes_screen is None:
            from tui.screens.notes import NotesScreen

            self._notes_screen = NotesScreen(self.library)
            self._notes_screen.show_entries(self.placed)
            self.install_screen(self._notes_screen, "notes")
        return self._notes_screen

    # -- start and stop ----------------------------------------------------------------

    @on(events.Mount)
    def _open_notes(self) -> None:
        self._update_file_state()
        for warning in self.notes.warnings:
            self.notify(f"{self.notes.path}: {warning}", severity="warning")
        self._offer_recovery()
        self._notes_changed(save=False)
        self.set_interval(CHECK_EVERY, self._check_file)
        loop = asyncio.get_running_loop()
        try:
            for signum in SIGNALS:
                loop.add_signal_handler(signum, self._save_and_exit, signum)
        # Not the main thread (some test runners), or Windows' event loop, which has none.
        except (ValueError, RuntimeError, NotImplementedError) as error:
            self.log.warning(f"no signal handlers: {error}")

    @on(events.Unmount)
    def _stop_signals(self) -> None:
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError):
            for signum in SIGNALS:
                loop.remove_signal_handler(signum)
        if self._hard_exit is not None and self.is_headless:
            # A test's app closed: the test goes on. In a terminal the timer stays: after
            # Unmount, Textual's driver still restores the terminal, and with the terminal
            # gone that can block for good (its writer thread waits on a full queue).
            self._hard_exit.cancel()

    def _save_and_exit(self, signum: int) -> None:
        """The terminal went away (SIGHUP) or the system asks dossier to stop (SIGTERM):
        keep a note being typed as a draft, save, exit. It exits whatever goes wrong;
        what could not be saved in time is in a recovery file."""
        try:
            self._save_before_exit(f"signal {signum}", EXIT_LOCK_WAIT)
        finally:
            # With the terminal gone (SIGHUP), restoring it can block for good; the notes
            # are on disk, so the process ends anyway if the app has not closed by then.
            self._hard_exit = threading.Timer(EXIT_GRACE, os._exit, (128 + signum,))
            self._hard_exit.daemon = True
            self._hard_exit.start()
            self.exit(return_code=128 + signum)

    def _save_before_exit(self, why: str, lock_timeout: float) -> None:
        """Save what memory holds, a note being typed included; what cannot be saved
        goes to a recovery file."""
        draft = self._keep_draft()
        if draft is None and not self.notes.dirty:
            return
        try:
            self.notes.save(lock_timeout)
        except Exception as error:  # the app ends whatever failed: the notes go aside
            log.error("notes not saved on %s: %s", why, error, exc_info=error)
        else:
            if draft is None:
                return
        self._keep_aside(why, draft)

    def _keep_aside(self, why: str, draft: Note | None = None) -> None:
        """Write what memory holds and the file does not, and `draft`, to a recovery
        file, and say where in the log; if even that fails, the log holds them."""
        entries = self.notes.unsaved() | ({} if draft is None else {draft.id: draft})
        if not entries:
            return
        try:
            path = self.notes.write_recovery(entries)
            self._recovery_waiting = True
        except NotesSaveError as error:
            text = write_notes(NotesData(entries))
            log.error("%s; the notes not saved on %s follow:\n%s", error, why, text)
            return
        log.warning(
            "%d notes and bookmarks not saved on %s are in %s; the next start offers to "
            "merge them (R in the reader, `dossier notes recover`)",
            len(entries),
            why,
            path,
        )

    def _open_editor(self) -> NoteEditor | None:
        # Imported when first needed, like the editor itself: a start has no use for it.
        from tui.dialogs.note_editor import NoteEditor

        return next((s for s in self.screen_stack if isinstance(s, NoteEditor)), None)

    def _keep_draft(self) -> Note | None:
        """Make a note being typed a change to the notes, tagged `draft`. The note, if
        the notes cannot take it (the file turned unreadable)."""
        editor = self._open_editor()
        if editor is None or not editor.changed:
            return None
        draft = editor.draft()
        tags = draft.tags if DRAFT_TAG in draft.tags else (*draft.tags, DRAFT_TAG)
        if editor.quote_problem(draft.quote) is not None:
            draft = replace(draft, quote=editor.initial_quote)
        note = self._note_from(editor, replace(draft, tags=tags))
        if note is None:
            return None
        try:
            self._put(editor, note)
        except NotesSaveError:
            stamp = now()
            return replace(note, created=note.created or stamp, updated=stamp)
        return None

    async def action_quit(self) -> None:
        editor = self._open_editor()
        if editor is not None and editor.changed:
            self.notify(
                "The note editor has unsaved text: ctrl+s saves it, Esc twice discards it",
                severity="warning",
            )
            return
        if self.notes.dirty and not self._quit_unsaved:
            try:
                self.notes.save()
            except NotesSaveError as error:
                self._quit_unsaved = True
                self.notify(
                    f"{error}\nPress q again to quit: they then go to a recovery file beside "
                    "it, which the next start offers to merge.",
                    title="Notes not saved",
                    severity="error",
                    timeout=30,
                )
                return
        self._keep_aside("quit")
        self.exit()

    def lists_action(self, action: str) -> bool:
        """`R` is in help and the palette only while there are notes to merge."""
        return action != "recover_notes" or self._recovery_waiting

    def _offer_recovery(self) -> None:
        """Say that notes an earlier session could not save are waiting to be merged."""
        files = self.notes.recovery_files()
        self._recovery_waiting = bool(files)
        if files:
            self.notify(
                f"Notes an earlier session could not save are in "
                f"{', '.join(path.name for path in files)} beside {self.notes.path}: "
                "R merges them into your notes.",
                title="Unsaved notes found",
                severity="warning",
                timeout=30,
            )

    def action_recover_notes(self) -> None:
        if not self._writable():
            return
        if not self.notes.recovery_files():
            self.notify("No unsaved notes to merge: there is no recovery file", timeout=3)
            return
        self._recover()

    @work(thread=True, group=RECOVER_GROUP, exit_on_error=False)
    def _recover(self) -> None:
        post_result(self, NotesRecovered, self.notes.recover)

    @on(NotesRecovered)
    def _recovered(self, message: NotesRecovered) -> None:
        recovered = message.value
        if message.error is not None:
            self.notify(
                f"{message.error}\nThe recovery files stay where they are.",
                title="Unsaved notes not merged",
                severity="error",
                timeout=20,
            )
        elif recovered is not None:
            for problem in recovered.problems:
                self.notify(problem, severity="warning", timeout=20)
            self._recovery_waiting = bool(self.notes.recovery_files())
            if recovered.files:
                names = ", ".join(path.name for path in recovered.files)
                log.info("merged %d notes and bookmarks from %s", recovered.entries, names)
                merged = counted(recovered.entries, "note or bookmark", "notes and bookmarks")
                self.notify(
                    f"Merged {merged} from {names} into {self.notes.path}",
                    timeout=10,
                )
        self._notes_changed(save=False)

    # -- saving and reading the file -----------------------------------------------------

    def _notes_changed(self, *, save: bool = True) -> None:
        """Redraw every view of the notes; save if they were changed here."""
        self.placed = placements(self.notes.entries(), self.library)
        marks, counts = marks_of(self.placed)
        self.main_screen.show_notes(marks, counts)
        if self._notes_screen is not None:
            self._notes_screen.show_entries(self.placed)
        if save:
            self._save_soon()

    def _save_soon(self) -> None:
        if self._saving:
            self._save_again = True
            return
        self._update_file_state()
        if self._file_state.write_protected:
            return  # said once; saved when it is writable again
        self._saving = True
        self._quit_unsaved = False
        self._save()

    @work(thread=True, group=SAVE_GROUP, exit_on_error=False)
    def _save(self) -> None:
        post_result(self, NotesSaved, self.notes.save)

    def _check_file(self) -> None:
        # Not while a save runs: it reads the file itself, and a look now would wait.
        if not self._saving and not any(
            worker.group == CHECK_GROUP and worker.is_running for worker in self.workers
        ):
            self._check()

    @work(thread=True, group=CHECK_GROUP, exit_on_error=False)
    def _check(self) -> None:
        post_result(self, NotesChecked, self.notes.refresh)

    @on(NotesSaved)
    @on(NotesChecked)
    def _notes_file_done(self, message: NotesSaved | NotesChecked) -> None:
        """A save or a look at the file ended: say what went wrong, show what changed."""
        saved = isinstance(message, NotesSaved)
        error = message.error
        if saved and not isinstance(error, NotesWriteProtectedError | None):
            said = str(error) if isinstance(error, NotesSaveError) else repr(error)
            self.notify(
                f"{said}\nThe notes stay on screen; dossier tries again at the next "
                "change and when you quit.",
                title="Notes not saved",
                severity="error",
                timeout=12,
            )
        readable_changed = self._update_file_state()
        if saved:
            self._saving = False
            if self._save_again:
                self._save_again = False
                self._save_soon()
        # A save merges in what others wrote meanwhile, as a look at the file does.
        shown = [note for note, _where in self.placed]
        if readable_changed or self.notes.entries() != shown:
            self._notes_changed(save=False)

    def _update_file_state(self) -> bool:
        """Say what changed about the notes file since the app last looked: it cannot
        be read or reads again, was made read-only or writable again, or vanished. True
        when it turned unreadable or readable again."""
        notes = self.notes
        state = FileState(notes.read_only, notes.write_protected, notes.vanished)
        before, self._file_state = self._file_state, state
        if state.unreadable and not before.unreadable:
            self._say_read_only()
        elif before.unreadable and not state.unreadable:
            self.notify(f"{notes.path} reads again: notes and bookmarks are saved again")
        if state.write_protected and not before.write_protected:
            self.notify(
                f"{notes.describe_write_protected()}. Changes stay here until then; if "
                "dossier ends before, they go to a recovery file beside it.",
                title="Notes are not saved",
                severity="warning",
                timeout=20,
            )
        elif before.write_protected and not state.write_protected:
            self.notify(f"{notes.path} is writable again: notes and bookmarks are saved again")
            if notes.dirty:
                self._save_soon()
        if state.vanished and not before.vanished:
            self.notify(
                f"{notes.path} was deleted or moved. Its notes and bookmarks stay here, and "
                f"the next change writes them all to a new file ({notes.backup_path.name} "
                "holds its last version).",
                title="Notes file gone",
                severity="warning",
                timeout=20,
            )
        return state.unreadable != before.unreadable

    def _say_read_only(self) -> None:
        self.notify(
            self.notes.describe_problem(),
            title="Notes are read-only",
            severity="error",
            timeout=20,
        )

    def _writable(self) -> bool:
        """Whether notes can be changed; says why not when they cannot."""
        if self.notes.read_only:
            self.notify(
                f"Nothing can be saved: {self.notes.describe_problem()}",
                title="Notes are read-only",
                severity="error",
                timeout=10,
            )
            return False
        return True

    # -- what the user asked for ----------------------------------------------------------

    def _placement(self, note_id: str) -> Placement | None:
        return next((where for note, where in self.placed if note.id == note_id), None)

    @on(BookmarkToggled)
    def _toggle_bookmark(self, message: BookmarkToggled) -> None:
        document = self.library.get(message.doc_id)
        if document is None or not self._writable():
            return
        here = [
            note
            for note, where in self.placed
            if note.kind is Kind.BOOKMARK
            and note.anchor.doc == message.doc_id
            and where.paragraph == message.paragraph
        ]
        for note in here:
            self.notes.remove(note.id)
        if here:
            self.notify(f"Bookmark on ¶{message.paragraph} removed", timeout=3)
        else:
            anchor = anchor_for(document, message.paragraph)
            self.notes.add(Note(new_id(Kind.BOOKMARK), Kind.BOOKMARK, anchor))
            self.notify(f"Bookmarked ¶{message.paragraph} · M lists bookmarks", timeout=3)
        self._notes_changed()

    @on(NoteEditRequested)
    async def _edit_note(self, message: NoteEditRequested) -> None:
        try:
            editor = self._editor_for(message)
            if editor is not None:
                # Awaited: the keys typed after the one that opened it go to it.
                await self.push_screen(editor, partial(self._editor_closed, editor))
        finally:
            await self._release_keys()

    def _editor_for(self, message: NoteEditRequested) -> NoteEditor | None:
        """An editor for the note asked for; None (and why) when there is none."""
        if not self._writable():
            return None
        note: Note | None = None
        paragraph: int | None = message.paragraph
        if message.note_id is not None:
            note = self.notes.get(message.note_id)
            where = self._placement(message.note_id)
            if note is None or where is None:
                self.notify("That note is gone: it was deleted meanwhile", severity="warning")
                return None
            paragraph = where.paragraph
        document = self.library.get(message.doc_id)
        from tui.dialogs.note_editor import NoteEditor

        return NoteEditor(document, paragraph, note, message.quote)

    def _editor_closed(self, editor: NoteEditor, draft: NoteDraft | None) -> None:
        if draft is None:
            return
        try:
            self._apply(editor, draft)
        except NotesSaveError as error:  # the file turned unreadable meanwhile
            self.notify(str(error), severity="error", timeout=10)
            return
        if draft.delete:
            return
        where = f"¶{editor.paragraph}" if editor.paragraph is not None else "its meeting"
        self.notify(f"Note {'saved' if editor.note else 'added'} on {where}", timeout=3)

    def _apply(self, editor: NoteEditor, draft: NoteDraft) -> None:
        """Make what the editor closed with a change to the notes, and save it."""
        if draft.delete and editor.note is not None:
            self._delete(editor.note.id)
            return
        note = self._note_from(editor, draft)
        if note is not None:
            self._put(editor, note)
            self._notes_changed()

    @staticmethod
    def _note_from(editor: NoteEditor, draft: NoteDraft) -> Note | None:
        """The note the editor's text makes; None for a new one with no paragraph."""
        note, document, paragraph = editor.note, editor.document, editor.paragraph
        if note is None:
            if document is None or paragraph is None:
                return None
            anchor = anchor_for(document, paragraph, draft.quote or None)
            return Note(new_id(Kind.NOTE), Kind.NOTE, anchor, draft.text, draft.tags)
        anchor = note.anchor
        if draft.quote != editor.initial_quote and document is not None and paragraph is not None:
            anchor = anchor_for(document, paragraph, draft.quote or None)
        return replace(note, text=draft.text, tags=draft.tags, anchor=anchor)

    def _put(self, editor: NoteEditor, note: Note) -> None:
        if editor.note is None:
            self.notes.add(note)
        else:
            self.notes.update(note)

    # -- keys typed before the editor is there ----------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys after one that opens the note editor wait for it, so that `a` and the
        text after it in one burst (a paste, a fast typist over SSH) go to the editor,
        not to the reader as commands."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
                return
            if isinstance(event, events.Key) and self._opens_editor(event.key):
                self._held = []
                self._hold_timer = self.set_timer(HOLD_KEYS, self._release_keys)
                target = self.focused or self.screen
                await super().on_event(event)  # on to the focused widget
                self._holding_for = (event, target)
                return
        await super().on_event(event)
        if self._holding_for is not None and event is self._holding_for[0]:
            # Back from the focused widget and through the bindings: an editor it asked
            # for is asked for ahead of this message, which goes the same way.
            self._holding_for[1].post_message(EditorAsked())
            self._holding_for = None

    def _opens_editor(self, key: str) -> bool:
        if isinstance(self.focused, Input):
            return False  # a letter typed there (in the editor, no such key is bound)
        # Working out the active bindings walks the focus chain: once per focus, not at
        # every key (whether a binding is enabled is asked when its key comes).
        where = (self.screen, self.focused)
        if self._editor_keys[0] != where:
            keys = {
                key
                for key, bound in self.screen.active_bindings.items()
                if bound.binding.id in EDITOR_BINDINGS
            }
            self._editor_keys = (where, frozenset(keys))
        if key not in self._editor_keys[1]:
            return False
        bound = self.screen.active_bindings.get(key)
        return bound is not None and bound.enabled and bound.binding.id in EDITOR_BINDINGS

    @on(EditorAsked)
    async def _editor_asked(self) -> None:
        await self._release_keys()

    async def _release_keys(self) -> None:
        """Hand the keys held to what has the focus now, in the order they came."""
        held, self._held = self._held, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for event in held or ():
            await super().on_event(event)

    @on(NoteDeleteRequested)
    def _delete_requested(self, message: NoteDeleteRequested) -> None:
        if self._writable():
            self._delete(message.note_id)

    def _delete(self, note_id: str) -> None:
        deleted = self.notes.remove(note_id)
        if deleted is None:
            return
        self._deleted = deleted
        self._notes_changed()
        self.notify(
            f"Deleted {deleted.kind.value} on {deleted.anchor.doc} ¶{deleted.anchor.paragraph}"
            " · u undoes",
            timeout=8,
        )

    def action_undo_delete(self) -> None:
        if self._deleted is None:
            self.notify("Nothing to undo", timeout=2)
            return
        if not self._writable():
            return
        restored = self.notes.add(self._deleted)
        self._deleted = None
        self.withdraw(lambda toast: toast.message.startswith("Deleted "))
        self._notes_changed()
        self.notes_screen.select(restored.id)
        self.notify(f"Restored the {restored.kind.value}", timeout=3)

    @on(NotesExportRequested)
    def _export_requested(self) -> None:
        if not self.placed:
            self.notify("No notes or bookmarks to export yet", timeout=3)
            return
        self._export(notes_markdown(self.placed, self.library), len(self.placed))

    @work(thread=True, group=EXPORT_GROUP, exit_on_error=False, description="exporting notes")
    def _export(self, text: str, count: int) -> None:
        def write() -> tuple[Path, int]:
            folders = [Path.cwd(), self.notes.target.parent]
            path = export_path(folders, dt.date.today())
            path.write_text(text, encoding="utf-8")
            return path, count

        post_result(self, NotesExported, write)

    @on(NotesExported)
    def _exported(self, message: NotesExported) -> None:
        if message.value is not None:
            path, count = message.value
            self.notify(f"Exported {count} notes and bookmarks to {path}", timeout=10)
        elif message.error is not None:
            self.notify(
                f"Could not export the notes: {message.error}",
                severity="error",
                timeout=10,
            )

    # -- screens -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("notes", "bookmarks"):
            # Over help, the palette or the editor it would stack screens.
            return not isinstance(self.screen, ModalScreen)
        return True

    async def action_notes(self) -> None:
        await self._show_notes(None)

    async def action_bookmarks(self) -> None:
        await self._show_notes(Kind.BOOKMARK)

    async def _show_notes(self, kind: Kind | None) -> None:
        self.notes_screen.kind = kind
        if self.screen is not self.notes_screen:
            await self.push_screen(self.notes_screen)
