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

# Computed with the planner as it was before its speed work (after bodyweight work counted
# its share of the body weight), on 2026-12-01 (tests/conftest.py's day).
DIGESTS = {
    "whole": "aacd1a7fc6efaf562a8ae10ecc9f363b73ef7ff5ca12d5ca6fd217d4f26fe8f0",
    "weeks": "12aa9971b69dc1d593b913474da0003b9480654e0fc02b8cbd47033e6070f796",
    "sessions": "e764ddf1768ecd1cc708bf816df5ef81085e3b55a173b0e8c3d9054a7de65f5e",
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
