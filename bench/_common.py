"""Helpers shared by the bench scripts."""

from __future__ import annotations

import os
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The current environment with HOME and the XDG folders inside `home`, so that
    no user config, notes or cache of the person running the bench is read."""
    env = dict(os.environ)
    env["HOME"] = str(home)
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(folder)
    for name in ("DOSSIER_CONFIG", "DOSSIER_NOTES", "DOSSIER_CORPUS"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def percentile(values: list[float], fraction: float) -> float:
    """The `fraction` quantile (0.95 for p95), interpolated between samples."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]
