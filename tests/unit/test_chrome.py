"""Furniture of printed and scanned pages: page numbers, a browser's print header and
footer, links with their addresses, a page's publication line; and text that only
looks so."""

from __future__ import annotations

from pathlib import Path

from tui.corpus.config import Config
from tui.corpus.parse import parse_text
from tui.corpus.topics import TopicMatcher

PRINTED = """\
9/30/24, 5:33 PM gov.ie - Minister delivers Ireland's national statement at the Assembly
Minister Sean Fleming delivers Ireland's national statement at the General Assembly
Published on 30 September 2024
Mr. President, I am honoured to speak here today.
Page 1 of 3
Last week, on 23 September 2024, we met our partners in New York.
- 2 -
https:/Awww.gov.ie/en/speech/14c2e-minister-sean-fleming-delivers 2/3
Privacy policy (/en/help/privacy-policy/)
12 countries signed the declaration.
Thank you.
"""


def test_a_printed_page_keeps_its_text_and_lists_its_furniture(
    config: Config, matcher: TopicMatcher
) -> None:
    document = parse_text("ie", Path("ie.txt"), PRINTED, config, matcher)
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts == [
        "Mr. President, I am honoured to speak here today.",
        "Last week, on 23 September 2024, we met our partners in New York.",
        "12 countries signed the declaration.",
        "Thank you.",
    ]
    reasons = {dropped.text[:20]: dropped.reason for dropped in document.dropped}
    assert reasons["9/30/24, 5:33 PM gov"] == "print header"
    assert reasons["Page 1 of 3"] == "page number"
    assert reasons["- 2 -"] == "page number"
    assert reasons["https:/Awww.gov.ie/e"] == "link"
    assert reasons["Privacy policy (/en/"] == "link"
    assert reasons["Published on 30 Sept"] == "publication line"


def test_links_with_a_caption_and_marked_notes_are_furniture(
    config: Config, matcher: TopicMatcher
) -> None:
    """A line that is an address and a few words about it, an address without its
    scheme, a block the page marks from its opening line to its closing one, and the
    people a page lists below its title are furniture; a sentence that ends in an
    address, and a speaker who gives one, are speech."""
    page = (
        "---\ntitle: Journal Review\n---\n"
        "-- Disclaimer --\n"
        "1. These are unpaid transcriptions.\n\n"
        "2. I sometimes add annotations.\n"
        "--/Disclaimer --\n\n"
        "Contact me- <https://twitter.com/kanzure>\n\n"
        "Journal review\n\n"
        "Alan Murray - Moderator\n\n"
        "Sandra Ro, CME Group\n\n"
        "Slides: https://example.org/talk.pdf\n\n"
        "podcast: https://example.com/episode/450/\n\n"
        "Trezor blog post on the vulnerability: https://blog.example.com/post\n\n"
        "w3.org/TR/WebCryptoAPI/\n\n"
        "Our goal is field building.\n\n"
        "To get today's show notes, head out to https://example.com.\n\n"
        "Jane Doe: https://example.org/data\n\n"
        "gmaxwell: https://example.org/log\n\n"
        "-- Aside --\n\n"
        "This was never closed.\n"
    )
    document = parse_text("review", Path("review.md"), page, config, matcher)
    assert document.title.casefold() == "journal review"
    assert [paragraph.text for paragraph in document.paragraphs] == [
        "Our goal is field building.",
        "To get today's show notes, head out to https://example.com.",
        "Jane Doe: https://example.org/data",
        "gmaxwell: https://example.org/log",
        "-- Aside --",
        "This was never closed.",
    ]
    reasons = {dropped.text[:12]: dropped.reason for dropped in document.dropped}
    assert reasons["-- Disclaime"] == reasons["2. I sometim"] == "marked block"
    assert reasons["Slides: http"] == reasons["w3.org/TR/We"] == reasons["Trezor blog "] == "link"
    assert reasons["podcast: htt"] == "link"
    assert reasons["Alan Murray "] == reasons["Sandra Ro, C"] == "participant"


def test_several_first_level_headings_are_sections_not_the_title(
    config: Config, matcher: TopicMatcher
) -> None:
    """A Markdown page's one first-level heading names it better than its front matter;
    the first of several is a section's, and the front matter's title stands."""
    page = "---\ntitle: Abstract Groups\n---\n# Blockcert\n\nText one.\n\n{more}Text two.\n"
    sections = parse_text("g", Path("g.md"), page.format(more="# Reputation\n\n"), config, matcher)
    assert sections.title == "Abstract Groups"
    assert parse_text("g", Path("g.md"), page.format(more=""), config, matcher).title == "Blockcert"
