"""The planner's flags on the 10-year demo logbook (seed 1, on the pinned day), pinned by a
digest of every flag's JSON: the whole history, one week in ten, and the live check of one
done strength session in twenty. Made so the planner can be made faster without changing
what it finds: a change of result must change the digest here, on purpose."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from runstrength_desktop.cli import main
from runstrength_desktop.domain import Status, monday_of
from runstrength_desktop.planning import PlanInput, PlanSettings, check, check_session
from runstrength_desktop.store import Repository

# Computed before the planner's speed work, on 2026-12-01 (tests/conftest.py's day).
DIGESTS = {
    "whole": "aa877ccfce30065878ed9948e7933d67d3ff6fd63846812dbc4cef5bd575ec7e",
    "weeks": "7cd861df5bb0548248f5b9d38068b3b0254d78a339db269b311d990433cc3c4d",
    "sessions": "77361c380804cd970c9aad8b34e50035fbf3dfc732996885f7fedda8a2f38096",
}


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> PlanInput:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--years", "10", "--seed", "1"]) == 0
    repo = Repository.open(path)
    try:
        return PlanInput.from_repository(repo)
    finally:
        repo.close()


def _digest(flags) -> str:
    text = json.dumps([f.to_dict() for f in flags], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def test_whole_history_flags_are_unchanged(plan, today):
    flags = check(plan, PlanSettings(), today)
    assert len(flags) > 100
    assert _digest(flags) == DIGESTS["whole"]


def test_week_flags_are_unchanged(plan, today):
    mondays = sorted({monday_of(s.date) for s in plan.sessions})[::10]
    flags = [
        flag
        for monday in mondays
        for flag in check(plan, PlanSettings(), today, monday, monday + dt.timedelta(days=6))
    ]
    assert _digest(flags) == DIGESTS["weeks"]


def test_live_session_flags_are_unchanged(plan, today):
    done = [s for s in plan.sessions if s.is_strength and s.status is Status.DONE][::20]
    flags = [
        flag for session in done for flag in check_session(plan, session, PlanSettings(), today)
    ]
    assert _digest(flags) == DIGESTS["sessions"]
