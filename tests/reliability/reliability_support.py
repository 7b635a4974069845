"""What the reliability tests share: the figures they count (kills survived, fuzz cases run,
faults injected, monkey actions), printed at the end of the run for docs/reliability.md, and
the messages SQLite gives when the disk lets a write down."""

from __future__ import annotations

from collections import Counter

FIGURES: Counter = Counter()

# What SQLite says when the disk, the file or the folder lets a write down.
DISK_ERRORS = {
    "disk full": "database or disk is full",
    "read-only file": "attempt to write a readonly database",
    "I/O error": "disk I/O error",
    "locked": "database is locked",
}


# What the runner is told for each of them (store/errors.py), SQLite's text after it.
TOLD = {
    "disk full": "the disk is full, free some space and try again",
    "read-only file": "the logbook or its folder is read-only",
    "I/O error": "the disk reported an input/output error, check the disk",
    "locked": "another program kept the logbook busy for more than 10 s",
}


def count(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount
