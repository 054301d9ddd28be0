"""Finding a note's paragraph again after the document changed.

A note stores its paragraph index, the quoted text and a little text on either
side. If the paragraph at that index still holds the quote, the note is
anchored. Otherwise the quote is looked for in the whole document, exactly and
then fuzzily; a note that cannot be placed without doubt is orphaned, never
attached to a paragraph that merely looks similar.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tui.corpus.model import Document
from tui.corpus.notes import Anchor

QUOTE_MAX = 300
"""Characters of a paragraph quoted when the note is on the whole paragraph."""
CONTEXT = 60
"""Characters kept on either side of the quote."""
FUZZY_MIN_QUOTE = 24
"""A shorter quote is found exactly or not at all: a few words match too much."""
FUZZY_CUTOFF = 85.0
"""RapidFuzz partial ratio (0-100) a reworded quote must reach."""
CLEAR_LEAD = 3.0
"""Points by which the best place must beat the next one to be taken without doubt."""


class AnchorStatus(StrEnum):
    ANCHORED = "anchored"
    """The stored paragraph still holds the quote."""
    MOVED = "moved"
    """Found again elsewhere, or in a reworded paragraph."""
    ORPHANED = "orphaned"
    """Not found without doubt; listed with its quote."""


@dataclass(frozen=True, slots=True)
class Placement:
    status: AnchorStatus
    paragraph: int | None
    why: str


_BODIES: dict[str, tuple[Document, str, list[int]]] = {}
"""The last bodies built, by document id: placing every note of a document builds it
once, not once a note."""
BODIES_KEPT = 64


def _body(document: Document) -> tuple[str, list[int]]:
    """The body text as one string (paragraphs joined by spaces, so that the context
    kept reads as one line) and where each paragraph starts in it."""
    kept = _BODIES.get(document.id)
    if kept is not None and kept[0] is document:
        return kept[1], kept[2]
    if len(_BODIES) >= BODIES_KEPT:
        _BODIES.clear()
    body, starts = _build_body(document)
    _BODIES[document.id] = (document, body, starts)
    return body, starts


def _build_body(document: Document) -> tuple[str, list[int]]:
    starts: list[int] = []
    position = 0
    for paragraph in document.paragraphs:
        starts.append(position)
        position += len(paragraph.text) + 1
    return " ".join(p.text for p in document.paragraphs), starts


def anchor_for(document: Document, paragraph: int, quote: str | None = None) -> Anchor:
    """The anchor of a note on `paragraph`, on the words `quote` if given (they must be
    in the paragraph), else on the paragraph's opening words."""
    if not 0 <= paragraph < len(document.paragraphs):
        last = len(document.paragraphs) - 1
        raise ValueError(f"{document.id} has paragraphs 0 to {last}, not {paragraph}")
    text = document.paragraphs[paragraph].text
    if quote is None or not quote.strip():
        quote = text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX].rsplit(" ", 1)[0]
        start = 0
    else:
        start = text.find(quote)
        if start < 0:
            raise ValueError(f"the quote is not in {document.id} ¶{paragraph}")
    body, starts = _body(document)
    at = starts[paragraph] + start
    return Anchor(
        doc=document.id,
        paragraph=paragraph,
        quote=quote,
        before=_whole_words(body[max(0, at - CONTEXT) : at], at > CONTEXT, False),
        after=_whole_words(body[at + len(quote) : at + len(quote) + CONTEXT], True, True),
    )


def _whole_words(text: str, cut: bool, at_end: bool) -> str:
    """`text` without the word it was cut through, if it was cut."""
    if not cut or " " not in text.strip():
        return text
    return text[: text.rstrip().rfind(" ")] if at_end else text[text.find(" ", 1) :]


def place(anchor: Anchor, document: Document | None) -> Placement:
    """Where the entry belongs in `document` now (None: the document is gone)."""
    if document is None:
        return Placement(AnchorStatus.ORPHANED, None, f"{anchor.doc} is not in the corpus")
    paragraphs = document.paragraphs
    stored = anchor.paragraph
    quote = anchor.quote
    if not quote.strip():
        if stored < len(paragraphs):
            return Placement(AnchorStatus.ANCHORED, stored, "no quote to check")
        return Placement(AnchorStatus.ORPHANED, None, f"¶{stored} is past the end")
    if stored < len(paragraphs) and _in_context(anchor, document):
        return Placement(AnchorStatus.ANCHORED, stored, "quote found in place")
    exact = [p.index for p in paragraphs if quote in p.text]
    if exact:
        found = _best(anchor, document, {index: 100.0 for index in exact})
        if found == stored:
            return Placement(
                AnchorStatus.ANCHORED, stored, "quote in place, text around it changed"
            )
        if found is not None:
            return Placement(AnchorStatus.MOVED, found, f"quote found in ¶{found}")
        return Placement(AnchorStatus.ORPHANED, None, "quote found in several places alike")
    if len(quote) < FUZZY_MIN_QUOTE:
        return Placement(AnchorStatus.ORPHANED, None, "quote not found")
    # Imported here: most notes are in place, and a start places them all.
    from rapidfuzz import fuzz

    scores = {
        p.index: score
        for p in paragraphs
        if (score := fuzz.partial_ratio(quote, p.text, score_cutoff=FUZZY_CUTOFF))
    }
    found = _best(anchor, document, scores)
    if found is None:
        why = "quote not found" if not scores else "reworded quote fits several places alike"
        return Placement(AnchorStatus.ORPHANED, None, why)
    return Placement(AnchorStatus.MOVED, found, f"reworded quote found in ¶{found}")


def _in_context(anchor: Anchor, document: Document) -> bool:
    """Whether the stored paragraph holds the quote with the same text around it: a
    short quote in place alone could be another mention that moved there."""
    body, starts = _body(document)
    start = starts[anchor.paragraph]
    end = start + len(document.paragraphs[anchor.paragraph].text)
    at = body.find(anchor.quote, start, end)
    while at >= 0:
        after = at + len(anchor.quote)
        if (
            body[at - len(anchor.before) : at] == anchor.before
            and body[after : after + len(anchor.after)] == anchor.after
        ):
            return True
        at = body.find(anchor.quote, at + 1, end)
    return False


def _best(anchor: Anchor, document: Document, scores: dict[int, float]) -> int | None:
    """The candidate paragraph that fits the quote and its context best, if one
    stands out; of places that fit exactly alike (the same paragraph twice), the
    one nearest the stored index."""
    if len(scores) == 1:
        return next(iter(scores))
    if not scores:
        return None
    from rapidfuzz import fuzz

    body, starts = _body(document)
    needle = anchor.before + anchor.quote + anchor.after
    fit: dict[int, float] = {}
    for index, score in scores.items():
        start = starts[index]
        end = start + len(document.paragraphs[index].text)
        window = body[max(0, start - CONTEXT) : end + CONTEXT]
        fit[index] = score + fuzz.partial_ratio(needle, window)
    ranked = sorted(fit, key=lambda index: (-fit[index], abs(index - anchor.paragraph)))
    best, runner_up = ranked[0], ranked[1]
    if fit[best] - fit[runner_up] >= CLEAR_LEAD:
        return best
    texts = {document.paragraphs[index].text for index in ranked if fit[index] == fit[best]}
    return best if len(texts) == 1 and fit[runner_up] == fit[best] else None
