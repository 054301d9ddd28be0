"""The note editor: the note's text, its tags and the words it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from tui.corpus.anchor import anchor_for
from tui.corpus.clean import clean_line, clean_text
from tui.corpus.model import Document
from tui.corpus.notes import Note, parse_tags
from tui.screens.fit import FitsTerminal
from tui.widgets.sidebar import fit

EXCERPT_CELLS = 150
"""How much of the paragraph the editor shows, to say which one the note is on."""


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the editor closed with: the note as typed, or a request to delete it."""

    text: str
    tags: tuple[str, ...]
    quote: str
    """The words of the paragraph the note is on; "" for the whole paragraph."""
    delete: bool = False


class NoteEditor(ModalScreen[NoteDraft | None], FitsTerminal[NoteDraft | None]):
    """Writes a new note on a paragraph, or edits one. ctrl+s saves; Escape cancels,
    but asks first if anything was typed: a note is never lost to one key."""

    STYLES = ("notes.tcss",)

    BINDING_GROUP_TITLE = "Note editor"

    # Priority bindings: the text area and the inputs have their own ctrl+d (delete
    # the character on the right), and ctrl+s must save from whichever field has focus.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note_save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
        Binding("ctrl+d", "delete", "Delete note", id="note_delete", priority=True),
    ]

    def __init__(
        self, document: Document | None, paragraph: int | None, note: Note | None, quote: str
    ) -> None:
        super().__init__()
        self.document = document
        self.paragraph = paragraph
        self.note = note
        """The note being edited; None for a new one."""
        self._text = self._paragraph_text()
        if note is not None and self._is_whole_paragraph(note.anchor.quote):
            quote = ""
        self._stored = (note.text if note else "", " ".join(note.tags) if note else "", quote)
        """The fields as the notes file has them."""
        self._initial = (
            clean_text(self._stored[0]),
            clean_line(self._stored[1]),
            clean_line(quote),
        )
        """The fields as the editor shows them: control characters from the file are
        shown as placeholders, and stored again as they were unless edited."""
        self._armed: str | None = None
        """The action (cancel, delete) that the same key pressed again will carry out."""

    def _paragraph_text(self) -> str | None:
        if self.document is None or self.paragraph is None:
            return None
        if not 0 <= self.paragraph < len(self.document.paragraphs):
            return None
        return self.document.paragraphs[self.paragraph].text

    def _is_whole_paragraph(self, quote: str) -> bool:
        """Whether `quote` is what a note on the whole paragraph quotes."""
        if self.document is None or self._text is None or self.paragraph is None:
            return False
        return anchor_for(self.document, self.paragraph).quote == quote

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        text, tags, quote = self._initial
        with Vertical(id="note-editor") as box:
            # Content, not a str: a str title is read as markup, and it holds a title
            # from the corpus.
            box.border_title = Content(self._title())
            yield Static(self._excerpt(), id="note-paragraph")
            yield TextArea(
                text, id="note-text", soft_wrap=True, placeholder="Your note…", compact=True
            )
            with Horizontal(classes="note-field"):
                yield Label("Tags ", classes="note-label")
                yield Input(
                    tags, id="note-tags", placeholder="words, separated by spaces or commas"
                )
            with Horizontal(classes="note-field"):
                yield Label("Quote", classes="note-label")
                yield Input(
                    quote,
                    id="note-quote",
                    placeholder="words of the paragraph it is about (blank: all of it)",
                    disabled=self._text is None,
                )
            yield Static(self._hint(), id="note-status", markup=False)

    def _title(self) -> str:
        what = "Edit note" if self.note is not None else "New note"
        if self.document is None:
            doc = self.note.anchor.doc if self.note else "?"
            return f"{what} · {doc} (not in the corpus)"
        where = f"¶{self.paragraph}" if self.paragraph is not None else "orphaned"
        date = self.document.date.iso or "undated"
        return f"{what} · {where} · {date} {fit(self.document.short_title, 40)}"

    def _excerpt(self) -> Content:
        if self._text is None:
            return Content.styled("Its paragraph was not found again: the quote stays.", "italic")
        return Content(f"“{fit(' '.join(self._text.split()), EXCERPT_CELLS)}”")

    def _hint(self) -> str:
        keys = "ctrl+s saves · Esc cancels · Tab next field"
        return keys + (" · ctrl+d deletes" if self.note is not None else "")

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    # -- state -------------------------------------------------------------------------

    def _fields(self) -> tuple[str, str, str]:
        return (
            self.query_one("#note-text", TextArea).text,
            self.query_one("#note-tags", Input).value,
            self.query_one("#note-quote", Input).value,
        )

    @property
    def initial_quote(self) -> str:
        """The quote the editor opened with ("" for the whole paragraph)."""
        return self._stored[2].strip()

    @property
    def changed(self) -> bool:
        """Whether anything differs from what the editor opened with."""
        return self.is_mounted and self._fields() != self._initial

    def draft(self) -> NoteDraft:
        fields = self._fields()
        text, tags, quote = (
            stored if shown == initial else shown
            for shown, initial, stored in zip(fields, self._initial, self._stored, strict=True)
        )
        if tags == self._stored[1] and self.note is not None:
            return NoteDraft(text.strip("\n"), self.note.tags, quote.strip())
        return NoteDraft(text.strip("\n"), parse_tags(tags), quote.strip())

    def _say(self, message: str, *, warning: bool = True) -> None:
        status = self.query_one("#note-status", Static)
        status.update(message)
        status.set_class(warning, "-warning")

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _edited(self) -> None:
        # A key pressed again only counts right after the first; typing disarms it.
        if self._armed is not None:
            self._armed = None
            self._say(self._hint(), warning=False)

    # -- actions -----------------------------------------------------------------------

    def quote_problem(self, quote: str) -> str | None:
        """Why `quote` cannot anchor the note, or None when it can."""
        if not quote or (self.note is not None and quote == self.initial_quote):
            return None
        if self._text is None:
            return "The quote cannot change: the note's paragraph is not in the corpus now."
        if quote not in self._text:
            return (
                f"The quote is not in ¶{self.paragraph}: copy words of the paragraph as "
                "written, or leave it blank for the whole paragraph."
            )
        return None

    def action_save(self) -> None:
        draft = self.draft()
        problem = self.quote_problem(draft.quote)
        if problem is not None:
            self._say(problem)
            self.query_one("#note-quote", Input).focus()
            return
        if not draft.text.strip() and not draft.tags:
            self._say(
                "The note is empty: type something, or Esc to cancel"
                + (" (ctrl+d deletes it)" if self.note is not None else "")
            )
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        if not self.changed or self._armed == "cancel":
            self.dismiss(None)
            if self.changed:
                self.notify("Note discarded", timeout=3)
            return
        self._armed = "cancel"
        self._say("You typed a note: Esc again discards it, ctrl+s saves it")

    def action_delete(self) -> None:
        if self.note is None:
            self._say("This note is not saved yet: Esc cancels it")
            return
        if self._armed == "delete":
            self.dismiss(NoteDraft("", (), "", delete=True))
            return
        self._armed = "delete"
        self._say("ctrl+d again deletes this note (u undoes it afterwards)")
