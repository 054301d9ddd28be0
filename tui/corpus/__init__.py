"""The corpus layer: pure Python, never imports textual (docs/architecture.md)."""
