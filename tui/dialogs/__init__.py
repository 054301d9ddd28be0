"""Pop-up screens over the reader: the note editor."""
