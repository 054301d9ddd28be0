"""The dossier App: loads the styles, applies the user's keymap, shows the main screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on, work
from textual._path import CSSPathType
from textual.app import App
from textual.binding import Binding, BindingType, Keymap
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from tui.commands import ActionsProvider
from tui.corpus.config import Config
from tui.corpus.library import Library
from tui.corpus.resources import styles_dir
from tui.corpus.search import SearchIndex
from tui.messages import SearchClosed, SearchResultChosen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.widgets.reader import FindBar, Reader
from tui.widgets.results import ResultsList
from tui.widgets.sidebar import Sidebar

STYLE_FILES = ("app.tcss", "sidebar.tcss", "reader.tcss", "help.tcss", "search.tcss")


def binding_ids(owners: Iterable[type]) -> set[str]:
    """The ids a `keys:` entry in config.yaml may name."""
    ids: set[str] = set()
    for owner in owners:
        for binding in getattr(owner, "BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


class DossierApp(App[None]):
    TITLE = "dossier"
    CSS_PATH: ClassVar[CSSPathType | None] = [styles_dir() / name for name in STYLE_FILES]
    COMMANDS = App.COMMANDS | {ActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("f1,question_mark", "help", "Help", id="help"),
        # A priority binding, so the rest of a burst (`s` and a query, pasted or sent over
        # SSH) reaches the search input; `check_action` lets an input keep its letters.
        Binding("s,ctrl+f", "search", "Search", id="search", priority=True),
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

    def __init__(self, library: Library, config: Config) -> None:
        super().__init__()
        self.library = library
        self.config = config
        self.keymap: Keymap = {}
        """The keys from config.yaml, by binding id, as given to `set_keymap`."""
        self.main_screen = MainScreen(library)
        self.search_screen = SearchScreen()

    def on_mount(self) -> None:
        self._apply_theme()
        self._apply_keymap()
        for warning in self.config.warnings:
            self.notify(warning, severity="warning", markup=False)
        for error in self.library.errors:
            self.notify(f"{error.path}: {error.reason}", severity="warning", markup=False)
        # Installed, so it keeps its query and results while the reader shows one.
        self.install_screen(self.search_screen, "search")
        self.push_screen(self.main_screen)
        self._build_index()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _build_index(self) -> SearchIndex:
        return SearchIndex(self.library.documents, self.config)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "index":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, SearchIndex):
            self.search_screen.index = event.worker.result
        elif event.state is WorkerState.ERROR:
            reason = f"could not build the search index: {event.worker.error}"
            self.search_screen.failure = reason
            self.notify(reason, severity="error", markup=False, timeout=10)

    def _apply_theme(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                f"Unknown theme {self.config.theme!r}; using {self.theme}",
                severity="warning",
                markup=False,
            )

    def _apply_keymap(self) -> None:
        known = binding_ids(
            (
                DossierApp,
                MainScreen,
                HelpScreen,
                SearchScreen,
                ResultsList,
                Sidebar,
                Reader,
                FindBar,
            )
        )
        keymap: dict[str, str] = {}
        for action, setting in self.config.keys.items():
            if action in known:
                keymap[action] = setting.keys
            else:
                self.notify(
                    f"{setting.origin}: keys: unknown action {action!r} (ignored)",
                    severity="warning",
                    markup=False,
                )
        self.keymap = keymap
        self.set_keymap(keymap)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            # In an input `s` is a letter; over help or the palette it would stack screens.
            return not isinstance(self.focused, Input) and not isinstance(self.screen, ModalScreen)
        return True

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        about = self.screen.help_about() if isinstance(self.screen, SearchScreen) else None
        self.push_screen(HelpScreen(self.screen, about))

    async def action_search(self) -> None:
        if self.screen is not self.search_screen:
            # Awaited: the keys after `s` in a burst wait until the input is there.
            await self.push_screen(self.search_screen)
        self.search_screen.focus_query()

    @on(SearchResultChosen)
    def _open_result(self, message: SearchResultChosen) -> None:
        if self.screen is self.search_screen:
            self.pop_screen()
        self.main_screen.open_search_result(message.doc_id, message.paragraph, message.hits)

    @on(SearchClosed)
    def _close_search(self) -> None:
        if self.screen is self.search_screen:
            self.pop_screen()
        self.main_screen.from_search = False
