"""dossier: a keyboard-driven terminal reader for meeting transcripts."""

__version__ = "0.1.0"
