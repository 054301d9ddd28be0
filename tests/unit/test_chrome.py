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
