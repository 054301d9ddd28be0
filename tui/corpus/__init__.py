"""The corpus layer: pure Python, never imports textual."""
