"""Notes find their paragraph again after a re-scrape, or say they are orphaned
(CHECKLIST 17, and 4 for line endings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.corpus.anchor import AnchorStatus, anchor_for, place
from tui.corpus.config import load_config
from tui.corpus.library import Library
from tui.corpus.model import Document
from tui.corpus.notes import Anchor

SEED_FILES = sorted(SEEDS.glob("*.txt"))
INSERTED = [
    "Editor's note: this transcript was updated on the ministry's website.",
    "The following remarks were delivered in Russian and translated into English.",
]


@dataclass
class Rescrape:
    old: Document
    new: Document
    removed: int
    reworded: int
    new_index: dict[int, int | None]
    """Where each old paragraph is in the new document (None: removed)."""


def reword(text: str) -> str:
    """A light edit, as a site's editor makes: two words changed, one sentence cut."""
    words = text.split(" ")
    words[1] = words[1].upper()
    words[len(words) // 2] = "indeed"
    return " ".join(words[: max(12, len(words) * 5 // 6)])


def rescrape(seed: Path, tmp_path: Path) -> Rescrape:
    """A copy of `seed` as a later scrape gives it: two paragraphs inserted before the
    body, one removed and one reworded. The file keeps its name, so its id."""
    config = load_config()
    old = Library.load(seed.parent, config).by_id(seed.stem)
    lines = seed.read_text(encoding="utf-8").split("\n")
    paragraphs = old.paragraphs
    # Removed and reworded: paragraphs that are a line of their own (no speaker label).
    plain = [p.index for p in paragraphs if p.text in lines]
    removed, reworded = plain[len(plain) // 2], plain[len(plain) // 3]
    first = next(n for n, line in enumerate(lines) if line.endswith(paragraphs[0].text))
    lines[lines.index(paragraphs[reworded].text)] = reword(paragraphs[reworded].text)
    lines.remove(paragraphs[removed].text)
    lines[first:first] = [line for text in INSERTED for line in (text, "")]
    folder = tmp_path / "rescraped"
    folder.mkdir(parents=True)
    (folder / seed.name).write_text("\n".join(lines), encoding="utf-8")
    new = Library.load(folder, config).by_id(seed.stem)
    new_index: dict[int, int | None] = {}
    for paragraph in paragraphs:
        if paragraph.index == removed:
            new_index[paragraph.index] = None
        elif paragraph.index == reworded:
            new_index[paragraph.index] = next(
                p.index for p in new.paragraphs if p.text == reword(paragraph.text)
            )
        else:
            new_index[paragraph.index] = next(
                p.index for p in new.paragraphs if p.text == paragraph.text
            )
    return Rescrape(old, new, removed, reworded, new_index)


def word_quotes(document: Document) -> list[Anchor]:
    """A note on a few words (the fourth to eighth) of every paragraph long enough."""
    anchors = []
    for paragraph in document.paragraphs:
        words = paragraph.text.split()
        if len(words) >= 10:
            anchors.append(anchor_for(document, paragraph.index, " ".join(words[3:8])))
    return anchors


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.stem[:3])
def test_a_rescraped_seed_keeps_every_note_on_its_paragraph_or_orphans_it(
    seed: Path, tmp_path: Path
) -> None:
    scrape = rescrape(seed, tmp_path)
    whole = [anchor_for(scrape.old, p.index) for p in scrape.old.paragraphs]
    counts = {status: 0 for status in AnchorStatus}
    for anchor in [*whole, *word_quotes(scrape.old)]:
        placement = place(anchor, scrape.new)
        counts[placement.status] += 1
        expected = scrape.new_index[anchor.paragraph]
        if placement.status is AnchorStatus.ORPHANED:
            assert expected is None or anchor.paragraph == scrape.reworded, (
                f"¶{anchor.paragraph} ({anchor.quote[:30]!r}) was orphaned but is at ¶{expected}"
            )
        else:
            assert placement.paragraph == expected, f"¶{anchor.paragraph}: {placement}"
    # Whole-paragraph notes: the removed one is orphaned; every other one is found,
    # the reworded one too; all moved by the two inserted paragraphs.
    placements = [place(anchor, scrape.new) for anchor in whole]
    assert [p.paragraph for p in placements] == [scrape.new_index[a.paragraph] for a in whole]
    assert [p.status for p in placements].count(AnchorStatus.ORPHANED) == 1
    assert all(p.status is AnchorStatus.MOVED for p in placements if p.paragraph is not None)
    print(f"{seed.stem}: {counts}")


def test_rescraped_figures_for_the_closing_note(tmp_path: Path) -> None:
    """The totals over all seeds: how many notes moved, how many were orphaned."""
    totals = {status: 0 for status in AnchorStatus}
    notes = reworded = 0
    for number, seed in enumerate(SEED_FILES):
        scrape = rescrape(seed, tmp_path / str(number))
        anchors = [anchor_for(scrape.old, p.index) for p in scrape.old.paragraphs]
        anchors += word_quotes(scrape.old)
        notes += len(anchors)
        for anchor in anchors:
            placement = place(anchor, scrape.new)
            totals[placement.status] += 1
            reworded += placement.why.startswith("reworded")
    # 5 seeds x (one removed paragraph: its whole-paragraph note and its words note).
    assert (notes, totals[AnchorStatus.MOVED], totals[AnchorStatus.ORPHANED]) == (194, 184, 10)
    assert reworded == 5, "each seed's reworded paragraph was found by the fuzzy match"


def test_an_unchanged_document_anchors_every_note_in_place() -> None:
    for document in Library.load(SEEDS, load_config()).documents:
        for anchor in [anchor_for(document, p.index) for p in document.paragraphs]:
            assert place(anchor, document).status is AnchorStatus.ANCHORED


def test_a_quote_found_in_several_paragraphs_is_told_apart_by_its_context(
    tmp_path: Path,
) -> None:
    scrape = rescrape(SEEDS / "000_0f3248e6ed0e14b7.txt", tmp_path)
    mentions = [p.index for p in scrape.old.paragraphs if "Nagorno-Karabakh" in p.text]
    assert len(mentions) >= 3
    for index in mentions:
        if scrape.new_index[index] is None:
            continue
        anchor = anchor_for(scrape.old, index, "Nagorno-Karabakh")
        placement = place(anchor, scrape.new)
        assert placement.paragraph == scrape.new_index[index]


def test_the_same_paragraph_twice_goes_to_the_nearest_copy() -> None:
    library = Library.load(SEEDS, load_config())
    document = library.by_id("000_0f3248e6ed0e14b7")
    anchor = anchor_for(document, 4)
    moved = Anchor(anchor.doc, 40, anchor.quote, anchor.before, anchor.after)
    placement = place(moved, document)
    assert placement == place(moved, document)
    assert placement.paragraph == 4


def test_notes_in_a_crlf_copy_stay_anchored(tmp_path: Path) -> None:
    """CHECKLIST 4: the same text with other line endings is the same document."""
    config = load_config()
    seed = SEEDS / "001_1233152ec4a1af33.txt"
    document = Library.load(SEEDS, config).by_id(seed.stem)
    (tmp_path / seed.name).write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    crlf = Library.load(tmp_path, config).by_id(seed.stem)
    for paragraph in document.paragraphs:
        assert place(anchor_for(document, paragraph.index), crlf).status is AnchorStatus.ANCHORED


def test_a_missing_document_or_a_lost_quote_orphans_the_note() -> None:
    document = Library.load(SEEDS, load_config()).by_id("000_0f3248e6ed0e14b7")
    anchor = anchor_for(document, 3)
    assert place(anchor, None).status is AnchorStatus.ORPHANED
    assert "not in the corpus" in place(anchor, None).why
    lost = Anchor(document.id, 3, "words that appear nowhere in this meeting at all")
    assert place(lost, document) == place(lost, document)
    assert place(lost, document).status is AnchorStatus.ORPHANED
    short = Anchor(document.id, 3, "Kerry")
    assert place(short, document).status is AnchorStatus.ORPHANED, "short quotes: exact only"


def test_anchor_for_refuses_a_quote_that_is_not_in_the_paragraph() -> None:
    document = Library.load(SEEDS, load_config()).by_id("000_0f3248e6ed0e14b7")
    with pytest.raises(ValueError, match="not in 000_0f3248e6ed0e14b7 ¶3"):
        anchor_for(document, 3, "not there")
    with pytest.raises(ValueError, match="paragraphs 0 to 19"):
        anchor_for(document, 20)
    anchor = anchor_for(document, 10, "Nagorno-Karabakh")
    assert anchor.before.endswith("talked about the ")
    assert anchor.after.startswith(" settlement.")
