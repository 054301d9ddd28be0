"""The reader's body: the document view of tui/document/, named here for the widgets,
benches and tests that look for it among the widgets."""

from tui.document.content import header_content, label_content, paragraph_content
from tui.document.page import Block, Page, Part
from tui.document.view import PAGES_KEPT, DocumentView

__all__ = [
    "PAGES_KEPT",
    "Block",
    "DocumentView",
    "Page",
    "Part",
    "header_content",
    "label_content",
    "paragraph_content",
]
