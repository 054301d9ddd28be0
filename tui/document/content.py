"""What the document view says, as styled text: the header, a turn's label, a
paragraph with its topic words, a note. The view wraps and colours them."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from textual.content import Content

from tui.corpus.clean import clean_text
from tui.corpus.model import Confidence, Document, Paragraph, Turn, TurnKind, diarized
from tui.corpus.notes import Note
from tui.corpus.topics import TopicMatcher
from tui.document.marks import NOTE_GLYPH

SPEAKER_COLOURS = 6
"""How many `document--speaker-N` component classes reader.tcss styles."""
QUESTION_MARK = "▌Q "


def speaker_slots(speakers: Iterable[str]) -> dict[str, int]:
    """A colour slot per speaker: from a hash of the name, so a person keeps a colour
    across documents, moved on to the next free slot when two collide in one document."""
    slots: dict[str, int] = {}
    for speaker in speakers:
        slot = zlib.crc32(speaker.encode()) % SPEAKER_COLOURS
        taken = set(slots.values())
        if len(taken) < SPEAKER_COLOURS:
            while slot in taken:
                slot = (slot + 1) % SPEAKER_COLOURS
        slots[speaker] = slot
    return slots


def header_content(document: Document, folded_to: int | None = None) -> Content:
    """Title, date and place, speakers, warnings. `folded_to`: the title and then the
    facts with the speakers on one line each, cut to that many cells (a short
    terminal keeps its rows for the text)."""
    date = document.date.iso or "no date"
    if document.date.confidence is not Confidence.EXACT:
        date = f"{date} ({document.date.confidence}: {document.date.source})"
    facts = [date, *([document.place] if document.place else []), document.source_kind]
    title = Content.styled(document.title, "bold")
    speakers = Content.assemble(("Speakers: ", "dim"), ", ".join(document.speakers))
    if folded_to is not None:
        # Who speaks before what kind of page it is: the line may be cut.
        said = [Content(fact) for fact in facts[:-1]] + [speakers] * bool(document.speakers)
        facts_line = Content(" · ").join([*said, Content(document.source_kind)])
        lines = [line.truncate(folded_to, ellipsis=True) for line in (title, facts_line)]
    else:
        lines = [title, Content(" · ".join(facts)), *([speakers] if document.speakers else [])]
    # An encoding guessed, a line split, the rest of a huge file skipped: said on screen.
    lines.extend(Content.styled(f"⚠ {warning}", "italic") for warning in document.warnings)
    return Content("\n").join(lines)


NAMELESS = "»"
"""The label line of a turn a stenographer marks as someone else's without naming them
(`>>`), until the page says who they are."""


def labelled(turn: Turn) -> bool:
    """Whether a turn has a label line: who speaks (or that someone else does, not
    named), or its topics."""
    return turn.kind is not TurnKind.HEADING and (
        turn.label is not None or bool(turn.speaker or turn.topics)
    )


def label_content(turn: Turn, matcher: TopicMatcher, width: int | None) -> Content:
    """Who speaks, the stage note dimmed, and the turn's topics as tags, broken into
    lines of `width` cells between tags: a tag never breaks across lines. (No-break
    spaces would not do: Rich wraps at them too.)"""
    head_parts: list[Content] = []
    if turn.kind is TurnKind.QUESTION:
        head_parts.append(Content(QUESTION_MARK))
    # A diarization label (`Speaker 0`) the page lets name gives way to the name; the
    # label as printed stays beside it, dimmed.
    named = diarized(turn.label) and turn.speaker not in (None, turn.label)
    shown = (turn.speaker if named else turn.label) or turn.speaker
    if shown or turn.label != "":
        head_parts.append(Content.styled(shown or "", "bold"))
    else:
        head_parts.append(Content.styled(NAMELESS, "dim"))  # someone else, not named
    for note in (turn.label if named else None, turn.note):
        if note:
            head_parts.append(Content.styled(f" ({note})", "dim"))
    head = Content("").join(head_parts)
    parts = [head]
    used = head.cell_length
    if width is not None and used > width:
        used = width  # The head wraps on its own; the tags start on a line of their own.
    for topic in turn.topics:
        tag = Content.styled(f" {topic} ", f"reverse {matcher.colour_of(topic) or ''}".strip())
        if width is not None and used > 0 and used + 1 + tag.cell_length > width:
            parts.append(Content("\n"))
            used = 0
        else:
            parts.append(Content(" "))
            used += 1
        parts.append(tag)
        used += tag.cell_length
    return Content("").join(parts)


def paragraph_content(paragraph: Paragraph, matcher: TopicMatcher) -> Content:
    """The paragraph's text with its topic words underlined in the topic's colour."""
    content = Content(paragraph.text)
    for span in matcher.spans(paragraph.text):
        colour = matcher.colour_of(span.label) or ""
        content = content.stylize(f"{colour} underline".strip(), span.start, span.end)
    return content


def note_line(note: Note) -> Content:
    """A note as the reader shows it under its paragraph: `✎ text  #tag #tag`. The
    text is the user's: cleaned for the terminal, never read as markup."""
    parts = [Content(f"{NOTE_GLYPH} "), Content(clean_text(note.text.strip()))]
    if note.tags:
        parts.append(Content.styled("  " + " ".join(f"#{tag}" for tag in note.tags), "italic"))
    return Content("").join(parts)
