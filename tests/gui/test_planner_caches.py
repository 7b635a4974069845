"""The GUI planner's caches of the change news: the working sets it keeps across the inputs
it builds after each change are worked out again for a session a change touched, and kept for
the sessions of the weeks no change read again."""

from __future__ import annotations

import dataclasses
import datetime as dt

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status

WEEK = dt.timedelta(days=7)


def _lift(day: dt.date, kg: float) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry("Back squat", reps=8, weight_kg=kg) for _ in range(3)],
    )


def _volume(planner, session_id: int, day: dt.date) -> float:
    plan = planner.plan_input(day, day)
    stored = next(s for s in plan.sessions if s.id == session_id)
    return plan.work_of(stored, planner.settings.ramp_fraction).volume


def test_a_saved_session_s_working_sets_are_worked_out_again(window):
    planner, repo = window.context.planner, window.repo
    today = clock.today()
    edited_day, other_day = today - 10 * WEEK, today - 20 * WEEK
    edited = repo.save_session(_lift(edited_day, 60))
    other = repo.save_session(_lift(other_day, 50))
    assert _volume(planner, edited.id, edited_day) == 3 * 8 * 60
    assert _volume(planner, other.id, other_day) == 3 * 8 * 50
    kept = dict(planner._work)

    heavier = [SetEntry("Back squat", reps=8, weight_kg=100) for _ in range(3)]
    repo.save_session(dataclasses.replace(edited, sets=heavier))
    assert _volume(planner, edited.id, edited_day) == 3 * 8 * 100
    assert _volume(planner, other.id, other_day) == 3 * 8 * 50
    # The untouched week's session is the same object, its working sets the same entry.
    same = [key for key, entry in planner._work.items() if entry.session.id == other.id]
    assert same and all(planner._work[key] is kept.get(key) for key in same)
    # Nothing is held for the session objects the change replaced.
    held = {id(s) for week in planner._weeks.values() for s in week}
    assert set(planner._work) <= held | {id(s) for s in planner._before.values() if s}


def test_a_deleted_session_leaves_no_working_sets_behind(window):
    planner, repo = window.context.planner, window.repo
    day = clock.today() - 3 * WEEK
    lift = repo.save_session(_lift(day, 70))
    assert _volume(planner, lift.id, day) == 3 * 8 * 70
    repo.delete_session(lift.id)
    assert all(entry.session.id != lift.id for entry in planner._work.values())
