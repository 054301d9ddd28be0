"""What the reader marks on a paragraph: the user's bookmark and notes, and the
hits of a find or a search. Plain data: the widgets draw it."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.notes import Note

BOOKMARK_GLYPH = "★"
NOTE_GLYPH = "✎"


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a find or a search matched: the paragraph and the span in its text."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ParagraphMarks:
    """What the user left on one paragraph: a bookmark, notes (oldest first)."""

    bookmark: Note | None = None
    notes: tuple[Note, ...] = ()

    def glyph_text(self) -> str:
        """The paragraph's margin marks, such as `★ ✎2 `: characters, not colour alone."""
        parts = [BOOKMARK_GLYPH] if self.bookmark is not None else []
        if self.notes:
            parts.append(NOTE_GLYPH + (str(len(self.notes)) if len(self.notes) > 1 else ""))
        return " ".join(parts) + " " if parts else ""


Marks = dict[str, dict[int, ParagraphMarks]]
"""Per document id, per paragraph index: the marks to show."""
NO_MARKS = ParagraphMarks()
