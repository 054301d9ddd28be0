"""The dossier App: loads the styles, applies the user's keymap, shows the main screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType, Keymap
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from tui.collector import IdleCollector, keep
from tui.commands import ActionsProvider
from tui.corpus.cache import DocumentCache
from tui.corpus.clean import clean_text
from tui.corpus.config import Config, log_path
from tui.corpus.library import Changes, Library, Loader
from tui.corpus.resources import styles_dir
from tui.corpus.state import (
    QueryBox,
    ReadingState,
    StateFile,
    StateSaveError,
    folder_key,
    state_text,
)
from tui.corpus.store import NotesStore
from tui.corpus.workers import stop_workers
from tui.log import log, open_log
from tui.messages import (
    DocumentsLoaded,
    FolderRead,
    IndexOpened,
    IndexReady,
    ParagraphChosen,
    StateWritten,
    ViewClosed,
    WorkDone,
    post_result,
)
from tui.notebook import NotebookApp
from tui.screens.kwic import KwicScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.widgets.history_input import HistoryInput
from tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from rich.console import RenderableType

    from tui.corpus.model import Document
    from tui.corpus.search import SearchIndex
    from tui.screens.compare import CompareScreen

STYLE_FILES = ("app.tcss", "sidebar.tcss", "reader.tcss")
"""The styles of the main screen; each other screen names its own (`FitsTerminal.STYLES`)."""
STUDY_VIEWS = ("timeline", "kwic", "speakers")
COLLECT_CHECK = 0.25
"""Seconds between looks at whether a full garbage collection is due (tui/collector.py)."""
FIRST_FRAME_WAIT = 0.1
"""Seconds after the first layout by which the work kept for after the first frame
starts, if the frame has not been drawn by then."""
STATE_EVERY = 3.0
"""Seconds between looks at whether the reading place moved, and at least between two
writes of the state file while reading; quitting and a signal write at once."""
STATE_GROUP = "state-write"


def skipped_summary(library: Library, shown: int = 3) -> str:
    """One message for the files that are not documents, however many there are."""
    errors = library.errors
    named = [
        f"{error.path.relative_to(library.folder)} ({error.reason})"
        if error.path.is_relative_to(library.folder)
        else f"{error.path} ({error.reason})"
        for error in errors[:shown]
    ]
    more = f" and {len(errors) - shown} more" if len(errors) > shown else ""
    files = "file" if len(errors) == 1 else "files"
    return f"Skipped {len(errors)} {files}: {', '.join(named)}{more}. `dossier check` lists why."


_Index = TypeVar("_Index")
"""What an index worker makes: an index, or (opening one as it is) maybe none."""


class DossierApp(NotebookApp):
    TITLE = "dossier"
    CSS_PATH: ClassVar = [styles_dir() / name for name in STYLE_FILES]  # App's type
    COMMANDS = App.COMMANDS | {ActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("f1,question_mark", "help", "Help", id="help"),
        # A priority binding, so the rest of a burst (`s` and a query, pasted or sent over
        # SSH) reaches the search input; `check_action` lets an input keep its letters.
        Binding("s,ctrl+f", "search", "Search", id="search", priority=True),
        Binding("C", "compare_pick", "Compare two meetings…", id="compare_pick", show=False),
        Binding("L", "study('timeline')", "Topics over time", id="timeline", show=False),
        Binding("K", "study('kwic')", "Concordance", id="kwic", show=False),
        Binding("W", "study('speakers')", "Speakers", id="speakers", show=False),
        Binding("r", "reload", "Reload the folder", id="reload", show=False),
        # Declared here, not added by App at run time, so it has an id and a description.
        Binding(
            "ctrl+p",
            "command_palette",
            "Command palette",
            id="command_palette",
            show=False,
            priority=True,
        ),
    ]

    def __init__(
        self,
        library: Library,
        config: Config,
        notes: NotesStore,
        *,
        compare: tuple[str, str] | None = None,
        cache: DocumentCache | None = None,
        load: bool = False,
        state: StateFile | None = None,
    ) -> None:
        """`load`: read the library's folder once the app is up (through `cache`),
        showing the documents as they come; otherwise `library` is complete.
        `state`: where the reading places and past queries are kept between runs; without
        it they last as long as the app (`--no-state`)."""
        super().__init__(library, notes)
        self.library = library
        self.config = config
        if self.console.color_system == "standard":
            # Brought down to 16 by the terminal, the configured colours collapse.
            library.matcher.use_sixteen_colours()
        self.compare_on_start = compare
        """Two document ids to compare as soon as the app is up (`dossier --compare A B`)."""
        self._said_cache = False
        self.keymap: Keymap = {}
        """The keys from config.yaml, by binding id, as given to `set_keymap`."""
        self.cache = cache
        self.load_on_start = load
        self.loading: tuple[int, int] | None = None
        """(documents done, total) while the folder is being read."""
        self._first_frame_waiting: list[Callable[[], object]] | None = []
        """What runs once the first frame is on screen; None once it is."""
        self.state_file = state
        folder = folder_key(library.folder)
        self.reading = state.read(folder) if state is not None else ReadingState(folder)
        self._state_version = self.reading.version
        """The version of the reading state last written (or being written)."""
        self._state_written_at = 0.0
        self._state_writing = False
        self._state_failed = False
        """A write failed and the user was told: the next failures go to the log only."""
        self._folder_read = not load
        """Whether every document of the folder is in the library: until then a place
        whose document is not there may only not be read yet."""
        self.main_screen = MainScreen(library, self.reading)
        self.search_screen = SearchScreen(self.reading.queries[QueryBox.SEARCH])
        self.kwic_screen = KwicScreen(self.reading.queries[QueryBox.KWIC])
        self.collector = IdleCollector()
        self._indexing = False
        """Whether the search index is being built (or about to be)."""
        self._opening: bool = False
        """Whether the index on disk is being opened as it is, before the folder is read."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # A paste is outside text: cleaned before any input holds it.
            event = events.Paste(clean_text(event.text))
        if isinstance(event, events.InputEvent):
            self.collector.input_seen()
        await super().on_event(event)

    @on(Worker.StateChanged)
    def _log_failure(self, event: Worker.StateChanged) -> None:
        # Those that post their result (`post_result`) log their own failures, and end
        # well; this is for any other.
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            log.error("%s failed", event.worker.name, exc_info=error)

    def get_default_screen(self) -> MainScreen:
        """The main screen is the first on the stack, not one pushed over Textual's
        empty default: one screen fewer to make and style at each start. Textual asks
        as the app is composed, before any screen is styled or shows its keys: the
        theme and the keys are set first."""
        self._apply_theme()
        self._apply_keymap()
        return self.main_screen

    def on_mount(self) -> None:
        open_log(log_path())
        self.collector.start()
        self.set_interval(COLLECT_CHECK, self._collect_when_idle)
        for warning in self.config.warnings:
            self.notify(warning, severity="warning")
        # Installed, so it keeps its query and results while the reader shows one.
        self.install_screen(self.search_screen, "search")
        self.install_screen(self.kwic_screen, "kwic")
        if self.compare_on_start is not None:
            self.open_compare(*self.compare_on_start)
        if self.load_on_start:
            self._start_load(reload=False)
        else:
            self._loaded(None)
        # After the first frame: knowing every action imports every screen.
        self._after_first_frame(self._check_keys)

    def _collect_when_idle(self) -> None:
        # Not while the folder is read or the index built: a full collection would walk
        # what they make, not yet kept out of the walks (`keep`), and hold them up (at
        # 100,000 documents, one every COLLECT_CHECK: 0.45 s of a start).
        if self.loading is None and not self._indexing:
            self.collector.tick()

    def _after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the first frame is on screen, at once if it is: work that
        would compete with it for the GIL waits for it. (Not `call_after_refresh`: that
        waits for a refresh of the screen it was called on, none while another covers
        it, such as the search a user opened at once.)"""
        if self._first_frame_waiting is None:
            callback()
        else:
            self._first_frame_waiting.append(callback)

    @on(events.Ready)
    def _first_layout_done(self) -> None:
        # Ready comes once the first layout is done, before its frame is written (28 ms
        # of imports here put it off by as much): the waiting work runs after the frame,
        # or after FIRST_FRAME_WAIT if that comes first: a screen opened over the main
        # one at once (the search) would put off its refresh, and the index with it.
        self.call_after_refresh(self._first_frame_shown)
        self.set_timer(FIRST_FRAME_WAIT, self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        if self._first_frame_waiting is None:
            return
        waiting, self._first_frame_waiting = self._first_frame_waiting, None
        self.collector.shown()
        for callback in waiting:
            callback()

    # -- reading the folder --------------------------------------------------------------

    def _start_load(self, *, reload: bool) -> None:
        self.loading = (0, 0)
        self._waiting("loading the documents…")
        self.main_screen.busy(f"Reading {self.library.folder}")
        if reload:
            self._load(reload)
        else:
            self._after_first_frame(partial(self._load, reload))

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, reload: bool) -> None:
        loader = Loader(self.library, self.cache)

        def read() -> Changes:
            for batch in loader.batches():
                self.post_message(DocumentsLoaded(batch))
            return loader.changes

        post_result(self, partial(FolderRead, reload=reload), read)

    @on(DocumentsLoaded)
    def _documents_loaded(self, message: DocumentsLoaded) -> None:
        batch = message.batch
        self.library.add(batch)
        keep()
        self.loading = (batch.done, batch.total)
        self.main_screen.documents_changed(batch.done, batch.total)
        if (
            batch.listed
            and batch.done  # a cold start: no index to open either
            and self.cache is not None
            and self.search_screen.index is None
        ):
            self._opening = True
            self._open_index()
        if not self._opening:
            self._waiting(f"loading {batch.done:,} of {batch.total:,} documents…")
        elif self.search_screen.index is None:
            self._waiting("opening the search index…")

    def _loaded(self, changes: Changes | None, reload: bool = False) -> None:
        """The folder is read: the whole corpus is there for the index, the notes and
        the study views."""
        self.loading = None
        if changes is None or changes.corrections:  # dossier.yaml read (again)
            for warning in self.library.corrections.warnings:
                self.notify(warning, severity="warning")
        if changes is not None:
            self.library.remove(changes.removed)
            count = len(self.library.documents)
            self.main_screen.documents_changed(count, count)
        if reload and changes is not None:
            self.notify(f"Reloaded {self.library.folder}: {changes.describe()}")
            for name in ("timeline", "speakers"):
                # Built on first use from the corpus as it was: built again next time.
                if (
                    self.is_screen_installed(name)
                    and self.get_screen(name) not in self.screen_stack
                ):
                    self.uninstall_screen(name)
        else:
            if self.library.errors:
                self.notify(skipped_summary(self.library), severity="warning", timeout=10)
        if self.cache is not None and self.cache.problem is not None and not self._said_cache:
            self._said_cache = True
            self.notify(self.cache.problem, severity="warning", timeout=10)
        if changes is not None:
            self._notes_changed(save=False)
        if not reload and changes is not None and not changes.any and self._opening:
            # The index opened as it was (or being opened) holds the folder as it is.
            if self.search_screen.index is not None:
                self.main_screen.busy(None)
            return
        self._opening = False
        self._start_index()

    def _start_index(self) -> None:
        self._waiting("indexing…")
        if self.load_on_start:  # a large folder: the index takes seconds
            count = len(self.library.documents)
            self.main_screen.busy(
                f"Indexing {count:,} documents for search; reading works meanwhile"
            )
        self._indexing = True
        self._after_first_frame(self._build_index)

    def _waiting(self, what: str) -> None:
        self.search_screen.waiting = what
        self.kwic_screen.waiting = what[:1].upper() + what[1:]

    def _still_loading(self) -> bool:
        """Whether the folder is still being read; says so."""
        if self.loading is None:
            return False
        done, total = self.loading
        self.notify(f"Still loading: {done:,} of {total:,} documents", timeout=3)
        return True

    def action_reload(self) -> None:
        if not self._still_loading():
            self._start_load(reload=True)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _build_index(self) -> None:
        from tui.corpus.search import cached_index  # the first frame did without it

        self._post_index(IndexReady, cached_index)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _open_index(self) -> None:
        from tui.corpus.search import current_index  # the first frame did without it

        self._post_index(IndexOpened, current_index)

    def _post_index(
        self,
        done: Callable[..., WorkDone[_Index]],
        index: Callable[[Library, DocumentCache | None], _Index],
    ) -> None:
        """In the index's worker: post `done` with what `index` makes of the library,
        through a connection to the cache of its own (a reload may read and write the
        cache meanwhile)."""
        cache = self.cache.handle() if self.cache is not None else None
        try:
            post_result(self, done, lambda: index(self.library, cache))
        finally:
            if cache is not None:
                cache.close()

    @on(IndexOpened)
    def _index_opened(self, message: IndexOpened) -> None:
        if message.stale or not self._opening:  # the folder changed: the index is built
            return
        if message.value is None:
            # Not current, or it failed (logged): built once the folder is read.
            self._opening = False
            if self.loading is None:  # the folder is read, and changed nothing
                self._start_index()
            return
        if self.loading is None:
            self.main_screen.busy(None)
        self._use_index(message.value)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.stale:  # a reload started another build
            return
        self._indexing = False
        self.main_screen.busy(None)
        if message.error is not None:
            reason = f"could not build the search index: {message.error}"
            self.search_screen.failure = reason
            self.notify(reason, severity="error", timeout=10)
        elif message.value is not None:
            if message.value.problem is not None:
                # The index searches, in memory; it could not be kept on disk.
                self.notify(
                    "The search index could not be kept for the next start:"
                    f" {message.value.problem}",
                    severity="warning",
                    timeout=10,
                )
            self._use_index(message.value)

    def _use_index(self, index: SearchIndex) -> None:
        """Search and the concordance answer with `index` from now on."""
        keep()
        self.search_screen.index = index
        self.kwic_screen.index = index

    @on(events.Unmount)
    def _unmounted(self) -> None:
        # Quitting while a large folder is parsed or indexed: not seconds more of it.
        stop_workers()
        # Python's own thresholds again: tests run many apps in one process.
        self.collector.stop()

    @on(FolderRead)
    def _folder_done(self, message: FolderRead) -> None:
        if message.stale:  # a reload started another load
            return
        if message.error is None:
            self._folder_read = True
            self._loaded(message.value, message.reload)
            return
        self.loading = None
        self.main_screen.busy(None)
        self.notify(
            f"Could not read {self.library.folder}: {message.error}",
            severity="error",
            timeout=10,
        )

    def _apply_theme(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                f"Unknown theme {self.config.theme!r}; using {self.theme}",
                severity="warning",
            )

    def _apply_keymap(self) -> None:
        # The overrides whose key names are good, known ids or not: no binding has an
        # unknown id, so one changes nothing. Which clash is known once every screen is
        # imported, after the first frame (`_check_keys`).
        from tui.keymap import usable_keys

        self.keymap = usable_keys(self.config.keys)
        self.set_keymap(self.keymap)

    def _check_keys(self) -> None:
        """Say which `keys:` entries name no action, name no key or clash with another
        key where both work, and take the last two back: the default keys stay."""
        if not self.config.keys:
            return
        from tui.keymap import check_keys

        checked = check_keys(self.config.keys)
        if checked.keymap != self.keymap:
            self.keymap = checked.keymap
            self.set_keymap(self.keymap)
        for warning in checked.warnings:
            self.notify(warning, severity="warning")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "compare_pick", "study"):
            # In an input `s` is a letter; over help or the palette it would stack screens.
            return not isinstance(self.focused, Input) and not isinstance(self.screen, ModalScreen)
        return super().check_action(action, parameters)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        about = self.screen.help_about() if isinstance(self.screen, SearchScreen) else None
        self.push_screen(HelpScreen(self.screen, about))

    async def action_search(self) -> None:
        if self.screen is not self.search_screen:
            # Awaited: the keys after `s` in a burst wait until the input is there.
            await self.push_screen(self.search_screen)
        self.search_screen.focus_query()

    def action_compare_pick(self) -> None:
        if self._still_loading():
            return
        from tui.screens.compare import ComparePicker

        def picked(ids: tuple[str, str] | None) -> None:
            if ids is not None:
                self.open_compare(*ids)

        self.push_screen(ComparePicker(self.library.summaries), picked)

    @on(Sidebar.CompareRequested)
    def _compare_marked(self, message: Sidebar.CompareRequested) -> None:
        self.open_compare(message.left, message.right)

    @on(Sidebar.Marked)
    def _compose_compare(self, message: Sidebar.Marked) -> None:
        """A meeting is marked to compare: the compare view is made and composed now,
        hidden, so that the first comparison is shown as fast as the later ones (the
        view's widgets, their styles and its compose were half the time to show it)."""
        if self.is_screen_installed("compare"):
            return
        document = self.library.by_id(message.document)
        screen = self._compare_screen(document, document)
        # Textual 8.2.8 has no public way to compose a screen before it is shown:
        # push_screen registers it first, as here, then shows it.
        self._register(self, screen)

    def open_compare(self, left_id: str, right_id: str) -> None:
        """Show the two documents side by side, in place of any comparison open before."""
        left, right = self.library.by_id(left_id), self.library.by_id(right_id)
        screen = self._compare_screen(left, right)
        screen.compare(left, right)
        if screen not in self.screen_stack:
            self.push_screen(screen)

    def _compare_screen(self, left: Document, right: Document) -> CompareScreen:
        """The compare view, made once (on `left` and `right`) and kept: a later
        comparison is shown in it, not composed anew."""
        from tui.screens.compare import CompareScreen

        if not self.is_screen_installed("compare"):
            made = CompareScreen(left, right, self.library.matcher)
            self.install_screen(made, "compare")
            made.follow_marks(self.main_screen, self.library.get)
        screen = self.get_screen("compare")
        assert isinstance(screen, CompareScreen)
        return screen

    async def action_study(self, name: str) -> None:
        """Open a study view; each is built on first use and kept, with its place."""
        if name != "kwic" and self._still_loading():
            return
        if name == "timeline" and not self.is_screen_installed(name):
            from tui.screens.timeline import TimelineScreen

            self.install_screen(TimelineScreen(self.library), name)
        elif name == "speakers" and not self.is_screen_installed(name):
            from tui.screens.speakers import SpeakersScreen

            self.install_screen(SpeakersScreen(self.library), name)
        if self.screen is not self.get_screen(name):
            await self.push_screen(name)
        if name == "kwic":
            self.kwic_screen.focus_query()

    @on(ParagraphChosen)
    def _open_paragraph(self, message: ParagraphChosen) -> None:
        origin = next(
            (name for name in ("search", "notes", *STUDY_VIEWS) if self._is_current(name)), None
        )
        while self.screen is not self.main_screen and len(self.screen_stack) > 1:
            # Not awaited: a handler of the app that waits for the app deadlocks.
            self.pop_screen()
        self.main_screen.open_paragraph(
            message.doc_id, message.paragraph, message.hits, message.topic
        )
        self.main_screen.back_to = origin

    def _is_current(self, name: str) -> bool:
        return self.is_screen_installed(name) and self.screen is self.get_screen(name)

    @on(ViewClosed)
    def _close_view(self) -> None:
        self.main_screen.back_to = None

    # -- the state file: reading places and past queries ---------------------------------

    @on(events.Mount)
    def _open_state(self) -> None:
        if self.state_file is None:
            return
        if self.state_file.problem is not None:
            self.notify(self.state_file.describe_problem(), severity="warning", timeout=10)
        self.set_interval(STATE_EVERY, self._keep_state)

    @on(HistoryInput.Used)
    def _query_used(self, message: HistoryInput.Used) -> None:
        self.reading.add_query(message.box, message.query)

    @on(MainScreen.MeetingLeft)
    def _meeting_left(self) -> None:
        # Written now, unless that was done a moment ago: stepping through the list
        # leaves a meeting at every step.
        if time.monotonic() - self._state_written_at >= STATE_EVERY:
            self._keep_state()

    @on(StateWritten)
    def _state_written(self, message: StateWritten) -> None:
        self._state_writing = False
        if message.error is not None:
            self._state_not_written(message.error)

    def _state_not_written(self, error: BaseException | None) -> None:
        if self._state_failed:
            log.warning("reading place not kept: %s", error)
        else:  # said once; a warning goes to the log too
            self._state_failed = True
            self.notify(f"{error}; the reading place is not kept", severity="warning")

    def _state_to_write(self, force: bool = False) -> tuple[str, int] | None:
        """The state file's text and version if it changed since the last write (or if
        `force`d): the reader's place noted, the places of documents gone from the
        folder dropped."""
        if self.state_file is None:
            return None
        self.main_screen.keep_place()
        if self._folder_read and self.loading is None:
            self.reading.keep_documents(lambda doc_id: self.library.summary(doc_id) is not None)
        version = self.reading.version
        if version == self._state_version and not force:
            return None
        self._state_version = version
        self._state_written_at = time.monotonic()
        return state_text(self.reading), version

    def _keep_state(self) -> None:
        """Write the state file in a thread if the place or a query changed; one write
        at a time (the next look takes what came meanwhile)."""
        if self._state_writing:
            return
        written = self._state_to_write()
        if written is not None:
            self._state_writing = True
            self._write_state(*written)

    @work(thread=True, group=STATE_GROUP, exit_on_error=False, description="writing the state")
    def _write_state(self, text: str, version: int) -> None:
        assert self.state_file is not None
        post_result(self, StateWritten, partial(self.state_file.write, text, version))

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Every way out (q, ctrl+q, SIGHUP and SIGTERM through `_save_and_exit`) writes
        the state file first, at once: with the terminal gone there may be no turn of
        the event loop left for a worker, nor time for one under way to end."""
        written = self._state_to_write(force=self._state_writing)
        if written is not None and self.state_file is not None:
            try:
                self.state_file.write(*written)
            except StateSaveError as error:
                self._state_not_written(error)
        super().exit(result, return_code, message)
