"""The CHECKLIST tests use the Pilot app factory of tests/ui and the tmux terminal of
tests/e2e: one module per CHECKLIST group, whatever layer each item needs."""

from tests.e2e.conftest import dossier_command, terminal
from tests.ui.conftest import make_app

__all__ = ["dossier_command", "make_app", "terminal"]
