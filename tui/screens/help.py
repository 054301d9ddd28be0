"""F1/?: every key of the screen underneath, built from its live bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.commands import bindings_of
from tui.screens.fit import FitsTerminal


class HelpScreen(ModalScreen[None], FitsTerminal[None]):
    """Lists the bindings of `screen` grouped by the widget that owns them."""

    STYLES = ("help.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close help"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, screen: Screen[object], about: tuple[str, Content] | None = None) -> None:
        super().__init__()
        self._groups = bindings_of(screen)
        self._about = about
        """A title and more the screen has to say, such as the query language of search."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            for title, actions in self._groups:
                yield Static(Content.styled(title, "bold"), classes="help-group")
                width = max(len(action.keys) for action in actions)
                lines = [
                    Content.assemble((action.keys.ljust(width + 2), "bold"), action.description)
                    for action in actions
                ]
                yield Static(Content("\n").join(lines), classes="help-keys")
            if self._about is not None:
                title, text = self._about
                yield Static(Content.styled(title, "bold"), classes="help-group")
                yield Static(text, classes="help-keys")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)
