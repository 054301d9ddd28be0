"""The dossier App: loads the styles, applies the user's keymap, shows the main screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual._path import CSSPathType
from textual.app import App
from textual.binding import Binding, BindingType, Keymap

from tui.commands import ActionsProvider
from tui.corpus.config import Config
from tui.corpus.library import Library
from tui.corpus.resources import styles_dir
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.reader import FindBar, Reader
from tui.widgets.sidebar import Sidebar

STYLE_FILES = ("app.tcss", "sidebar.tcss", "reader.tcss", "help.tcss")


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

    def on_mount(self) -> None:
        self._apply_theme()
        self._apply_keymap()
        for warning in self.config.warnings:
            self.notify(warning, severity="warning", markup=False)
        for error in self.library.errors:
            self.notify(f"{error.path}: {error.reason}", severity="warning", markup=False)
        self.push_screen(MainScreen(self.library))

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
        known = binding_ids((DossierApp, MainScreen, HelpScreen, Sidebar, Reader, FindBar))
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

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
