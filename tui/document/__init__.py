"""The document view, shared by the reader and the compare panes: the marks left on
paragraphs (marks.py), what each part says as styled text (content.py), the page
model of blocks (page.py) and the view that draws a page line by line (view.py)."""
