"""The app's side of notes and bookmarks.

The app holds the NotesStore. Widgets and screens ask for changes with messages
(a bookmark toggled, a note to write or delete); the app makes the change in
memory, redraws the reader's marks, the sidebar's counts and the notes screen,
and saves in a thread worker. Every second it takes in edits made to the file
outside (an editor, another dossier). A failed save leaves the notes in memory
and on screen, and quitting tries once more; SIGHUP and SIGTERM save what there
is, a note being typed included, before the app exits.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import threading
from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.worker import Worker, WorkerState

from tui.corpus.anchor import Placement, anchor_for
from tui.corpus.export import notes_markdown, placements
from tui.corpus.library import Library
from tui.corpus.notes import Kind, Note, new_id
from tui.corpus.store import NotesSaveError, NotesStore
from tui.messages import (
    BookmarkToggled,
    NoteDeleteRequested,
    NoteEditRequested,
    NotesExportRequested,
)
from tui.screens.main import MainScreen
from tui.widgets.document import Marks, ParagraphMarks

if TYPE_CHECKING:
    from tui.screens.notes import NotesScreen
    from tui.widgets.note_editor import NoteDraft, NoteEditor

CHECK_EVERY = 1.0
"""Seconds between looks at the notes file for changes made outside dossier."""
DRAFT_TAG = "draft"
"""The tag of a note kept from the editor when the app had to exit (SIGHUP, SIGTERM)."""
SIGNALS = (signal.SIGHUP, signal.SIGTERM)
EXIT_GRACE = 3.0
"""Seconds a clean exit gets after SIGHUP or SIGTERM before the process just ends."""
SAVE_GROUP = "notes-save"
CHECK_GROUP = "notes-check"
EXPORT_GROUP = "notes-export"

Counts = dict[str, tuple[int, int]]
"""Per document id: how many bookmarks and notes it has."""


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


class NotebookApp(App[None]):
    """The notes and bookmarks of an App whose constructor sets `main_screen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("A", "notes", "Notes", id="notes"),
        Binding("M", "bookmarks", "Bookmarks", id="bookmarks", show=False),
        Binding("u", "undo_delete", "Undo delete", id="undo_delete", show=False),
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
        self._read_only = notes.read_only
        self._deleted: Note | None = None
        """The last entry deleted, for `u`."""
        self._quit_unsaved = False
        """The save on quit failed and the user was told: the next quit goes."""
        self._hard_exit: threading.Timer | None = None
        """Ends the process if the app has not closed EXIT_GRACE seconds after a signal."""

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
        if self.notes.read_only:
            self._say_read_only()
        for warning in self.notes.warnings:
            self.notify(f"{self.notes.path}: {warning}", severity="warning")
        self._notes_changed(save=False)
        self.set_interval(CHECK_EVERY, self._check_file)
        loop = asyncio.get_running_loop()
        try:
            for signum in SIGNALS:
                loop.add_signal_handler(signum, self._save_and_exit, signum)
        except (ValueError, RuntimeError) as error:  # not the main thread (some test runners)
            self.log.warning(f"no signal handlers: {error}")

    @on(events.Unmount)
    def _stop_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            loop.remove_signal_handler(signum)
        if self._hard_exit is not None and self.is_headless:
            # A test's app closed: the test goes on. In a terminal the timer stays: after
            # Unmount, Textual's driver still restores the terminal, and with the terminal
            # gone that can block for good (its writer thread waits on a full queue).
            self._hard_exit.cancel()

    def _save_and_exit(self, signum: int) -> None:
        """The terminal went away (SIGHUP) or the system asks dossier to stop (SIGTERM):
        keep a note being typed as a draft, save synchronously, exit."""
        self._keep_draft()
        try:
            if self.notes.dirty:
                self.notes.save()
        except NotesSaveError as error:
            self.log.error(f"notes not saved on signal {signum}: {error}")
        # With the terminal gone (SIGHUP), restoring it can block for good; the notes
        # are on disk, so the process ends anyway if the app has not closed by then.
        self._hard_exit = threading.Timer(EXIT_GRACE, os._exit, (128 + signum,))
        self._hard_exit.daemon = True
        self._hard_exit.start()
        self.exit(return_code=128 + signum)

    def _open_editor(self) -> NoteEditor | None:
        # Imported when first needed, like the editor itself: a start has no use for it.
        from tui.widgets.note_editor import NoteEditor

        return next((s for s in self.screen_stack if isinstance(s, NoteEditor)), None)

    def _keep_draft(self) -> None:
        editor = self._open_editor()
        if editor is None or not editor.changed or self.notes.read_only:
            return
        draft = editor.draft()
        tags = draft.tags if DRAFT_TAG in draft.tags else (*draft.tags, DRAFT_TAG)
        if editor.quote_problem(draft.quote) is not None:
            draft = replace(draft, quote=editor.initial_quote)
        self._apply(editor, replace(draft, tags=tags, delete=False))

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
                    f"{error}\nPress q again to quit without saving them.",
                    title="Notes not saved",
                    severity="error",
                    timeout=30,
                )
                return
        self.exit()

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
        else:
            self._saving = True
            self._quit_unsaved = False
            self._save()

    @work(thread=True, group=SAVE_GROUP, exit_on_error=False)
    def _save(self) -> bool:
        return self.notes.save()

    def _check_file(self) -> None:
        # Not while a save runs: it reads the file itself, and a look now would wait.
        if not self._saving and not any(
            worker.group == CHECK_GROUP and worker.is_running for worker in self.workers
        ):
            self._check()

    @work(thread=True, group=CHECK_GROUP, exit_on_error=False)
    def _check(self) -> bool:
        return self.notes.refresh()

    @on(Worker.StateChanged)
    def _notes_worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in (SAVE_GROUP, CHECK_GROUP, EXPORT_GROUP) or not worker.is_finished:
            return
        if worker.group == EXPORT_GROUP:
            self._exported(worker)
            return
        if worker.state is WorkerState.ERROR:
            self.log.error(f"{worker.group}: {worker.error!r}")
            if worker.group == SAVE_GROUP:
                error = worker.error
                message = str(error) if isinstance(error, NotesSaveError) else repr(error)
                self.notify(
                    f"{message}\nThe notes stay on screen; dossier tries again at the next "
                    "change and when you quit.",
                    title="Notes not saved",
                    severity="error",
                    timeout=12,
                )
        read_only_changed = self._read_only != self.notes.read_only
        if read_only_changed:
            self._read_only = self.notes.read_only
            if self._read_only:
                self._say_read_only()
            else:
                self.notify(
                    f"{self.notes.path} reads again: notes and bookmarks are saved again",
                )
        if worker.group == SAVE_GROUP:
            self._saving = False
            if self._save_again:
                self._save_again = False
                self._save_soon()
        # A save merges in what others wrote meanwhile, as a look at the file does.
        shown = [note for note, _where in self.placed]
        if read_only_changed or self.notes.entries() != shown:
            self._notes_changed(save=False)

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
    def _edit_note(self, message: NoteEditRequested) -> None:
        if not self._writable():
            return
        note: Note | None = None
        paragraph: int | None = message.paragraph
        if message.note_id is not None:
            note = self.notes.get(message.note_id)
            where = self._placement(message.note_id)
            if note is None or where is None:
                self.notify("That note is gone: it was deleted meanwhile", severity="warning")
                return
            paragraph = where.paragraph
        document = self.library.get(message.doc_id)
        from tui.widgets.note_editor import NoteEditor

        editor = NoteEditor(document, paragraph, note, message.quote)
        self.push_screen(editor, partial(self._editor_closed, editor))

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
        note, document, paragraph = editor.note, editor.document, editor.paragraph
        if draft.delete and note is not None:
            self._delete(note.id)
            return
        if note is None:
            if document is None or paragraph is None:
                return
            anchor = anchor_for(document, paragraph, draft.quote or None)
            self.notes.add(Note(new_id(Kind.NOTE), Kind.NOTE, anchor, draft.text, draft.tags))
        else:
            anchor = note.anchor
            if (
                draft.quote != editor.initial_quote
                and document is not None
                and paragraph is not None
            ):
                anchor = anchor_for(document, paragraph, draft.quote or None)
            self.notes.update(replace(note, text=draft.text, tags=draft.tags, anchor=anchor))
        self._notes_changed()

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
        self._notes_changed()
        self.notes_screen.select(restored.id)
        self.notify(f"Restored the {restored.kind.value}", timeout=3)

    @on(NotesExportRequested)
    def _export_requested(self) -> None:
        if not self.placed:
            self.notify("No notes or bookmarks to export yet", timeout=3)
            return
        self._export(notes_markdown(self.placed, self.library), len(self.placed))

    @work(thread=True, group=EXPORT_GROUP, exit_on_error=False)
    def _export(self, text: str, count: int) -> tuple[Path, int]:
        folders = [Path.cwd(), self.notes.target.parent]
        path = export_path(folders, dt.date.today())
        path.write_text(text, encoding="utf-8")
        return path, count

    def _exported(self, worker: Worker[object]) -> None:
        if worker.state is WorkerState.SUCCESS and isinstance(worker.result, tuple):
            path, count = worker.result
            self.notify(f"Exported {count} notes and bookmarks to {path}", timeout=10)
        elif worker.state is WorkerState.ERROR:
            self.notify(
                f"Could not export the notes: {worker.error}",
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
