"""Where the files shipped with dossier live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_INSTALLED = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent


def _data_root() -> Path:
    return _INSTALLED if _INSTALLED.is_dir() else _CHECKOUT


def default_config_path() -> Path:
    return _data_root() / "config.yaml"


def seeds_dir() -> Path:
    return _data_root() / "seeds"


def styles_dir() -> Path:
    return _data_root() / "styles"
