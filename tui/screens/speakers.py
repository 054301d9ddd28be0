"""Everyone who speaks in the corpus; Enter lists one speaker's turns across meetings."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from tui.corpus.library import Library
from tui.corpus.model import Document, Turn
from tui.corpus.study import Speaker, speakers, turns_of
from tui.messages import ParagraphChosen
from tui.screens.fit import FitsTerminal
from tui.screens.view import close_view
from tui.widgets.footer import DossierFooter
from tui.widgets.rows import RowList
from tui.widgets.sidebar import fit
from tui.words import counted


def speaker_row(speaker: Speaker, width: int) -> Content:
    name_cells = min(32, max(16, width // 3))
    return Content.assemble(
        (f"{fit(speaker.name, name_cells - 1):<{name_cells}}", "bold"),
        f"{speaker.turns:>5} turns {speaker.meetings:>4} meetings  ",
        (", ".join(speaker.top_topics), "italic"),
    )


def turn_row(document: Document, turn: Turn, width: int) -> Content:
    first = turn.paragraphs[0]
    head = f"{document.date.iso or 'undated':<10} ¶{first.index:<4} "
    title = fit(document.short_title, min(30, width // 4))
    text = " ".join(p.text for p in turn.paragraphs)
    room = max(10, width - len(head) - len(title) - 14)
    return Content.assemble(
        (head, "dim"),
        (title, "italic"),
        "  ",
        (f"{turn.kind.value:<10}", "bold"),
        fit(text, room),
    )


class SpeakersScreen(FitsTerminal[None]):
    """The speakers, most turns first; Enter shows one speaker's turns, Enter again
    opens a turn in the reader."""

    STYLES = ("study.tcss",)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="speakers_back"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.everyone = speakers(library.tallies())
        self.speaker: Speaker | None = None
        """Whose turns are listed; None while the speakers are."""
        self.turns: list[tuple[Document, Turn]] = []
        self._speaker_row = 0

    def compose(self) -> ComposeResult:
        yield Static(id="speakers-status", markup=False)
        yield RowList(self._row, id="speakers-rows")
        yield DossierFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._list_speakers()

    def _row(self, row: int, width: int) -> Content:
        if self.speaker is None:
            return speaker_row(self.everyone[row], width)
        document, turn = self.turns[row]
        return turn_row(document, turn, width)

    def _list_speakers(self) -> None:
        self.speaker = None
        self.turns = []
        count = len(self.everyone)
        self.query_one("#speakers-status", Static).update(
            f"{counted(count, 'speaker')} · Enter lists their turns"
            if count
            else "No named speakers in this corpus"
        )
        rows = self.query_one(RowList)
        rows.show_rows(count, self._speaker_row)
        self.set_focus(rows)

    @on(RowList.Chosen)
    def _chosen(self, message: RowList.Chosen) -> None:
        if self.speaker is None:
            self._speaker_row = message.row
            self.speaker = self.everyone[message.row]
            # Only the meetings they speak in are decoded.
            documents = (self.library.get(doc_id) for doc_id in self.speaker.documents)
            self.turns = turns_of(filter(None, documents), self.speaker.name)
            self.query_one("#speakers-status", Static).update(
                Content.assemble(
                    (self.speaker.name, "bold"),
                    f" · {len(self.turns)} turns in {self.speaker.meetings} meetings"
                    " · Enter opens one · Esc back to the speakers",
                )
            )
            self.query_one(RowList).show_rows(len(self.turns))
            return
        document, turn = self.turns[message.row]
        self.post_message(ParagraphChosen(document.id, turn.paragraphs[0].index, ()))

    def action_back(self) -> None:
        if self.speaker is not None:
            self._list_speakers()
        else:
            close_view(self)
