"""dossier: a keyboard-driven terminal reader for meeting transcripts.

The layers, and how a document and a query travel through them: docs/architecture.md.
"""

__version__ = "0.1.0"
