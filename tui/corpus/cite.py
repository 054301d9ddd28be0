"""Citations: how a paragraph is quoted outside dossier."""

from __future__ import annotations

from tui.corpus.model import Document


def citation_line(document: Document, paragraph_index: int) -> str:
    turn = document.turn_of_paragraph(paragraph_index)
    speaker = turn.speaker or (turn.label or "unattributed")
    parts = [speaker, document.short_title]
    if document.place:
        parts.append(document.place)
    parts.append(document.date.iso or "undated")
    return f"— {', '.join(parts)} [{document.id} ¶{paragraph_index}]"


def citation(document: Document, paragraph_index: int) -> str:
    """The paragraph's text in quotes, then who said it, where and when."""
    text = document.paragraphs[paragraph_index].text
    return f"“{text}”\n{citation_line(document, paragraph_index)}"
