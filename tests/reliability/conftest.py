"""Fixtures of the reliability tests: injecting the errors a failing disk gives, and the
figures the tests counted, printed at the end of the run (reliability_support.py)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.reliability.reliability_support import DISK_ERRORS, FIGURES, count


@pytest.fixture
def fail_writes(monkeypatch):
    """fail_writes(repo, reason): from now on every COMMIT of that logbook fails as the disk
    would, after the transaction's statements ran, so the rollback is exercised for real.
    Returns a function that ends the fault."""

    def inject(repo, reason: str = DISK_ERRORS["disk full"]):
        def commit():
            count("faults injected")
            raise sqlite3.OperationalError(reason)

        monkeypatch.setattr(repo.db, "commit", commit)
        return lambda: monkeypatch.delattr(repo.db, "commit")

    return inject


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("reliability figures")
        for name, value in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {value:,}")
