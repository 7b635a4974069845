"""The demo logbook a first run can look around: years of made-up training in a file of its
own beside the runner's logbook, named so that the window marks it as a demo wherever it is
opened from (title and status bar)."""

from __future__ import annotations

from pathlib import Path

from .. import clock
from ..demo import generate_demo
from ..store import Repository

DEMO_SUFFIX = ".demo.sqlite"
DEMO_YEARS, DEMO_SEED = 3, 1


def is_demo(path: Path) -> bool:
    return Path(path).name.endswith(DEMO_SUFFIX)


def demo_path_beside(logbook: Path) -> Path:
    """logbook.sqlite -> logbook.demo.sqlite, in the same folder."""
    logbook = Path(logbook)
    stem = logbook.name.removesuffix(DEMO_SUFFIX).rsplit(".", 1)[0] or "logbook"
    return logbook.with_name(f"{stem}{DEMO_SUFFIX}")


def make_demo(path: Path) -> Path:
    """Fill the demo file (made once: a demo already there is kept as it is)."""
    repo = Repository.open(path)
    try:
        if not repo.count_sessions():
            repo.import_logbook(generate_demo(DEMO_YEARS, DEMO_SEED, clock.today()))
    finally:
        repo.close()
    return path
