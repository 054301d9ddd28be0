"""The document view's plain data, shared by the reader, the compare panes, the
screens and the app: what is marked on which paragraph, and where a hit is."""
