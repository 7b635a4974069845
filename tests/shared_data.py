"""Where the shared data lives: beside the checkout, or where RUNSTRENGTH_SHARED names it (a
second worktree of the repository, a CI runner). Tests import shared_path from conftest; the
benchmarks, whose own conftest shadows that name, import it from here."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RUNSTRENGTH_SHARED") or ROOT.parent / "shared")


def shared_path(*parts: str) -> Path:
    return SHARED.joinpath(*parts)
