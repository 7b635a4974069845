"""The progress charts' cache (gui/progress_source.py): patched with what each change names,
it always equals a cache read afresh; a change that touches nothing the charts show moves no
version; and no change makes it read the whole logbook again."""

from __future__ import annotations

import datetime as dt

import numpy as np

from runstrength_desktop.domain import (
    BodyWeight,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
)
from runstrength_desktop.gui.progress_source import ProgressSource

DAY = dt.date(2025, 3, 3)


def lift(day, name="Back squat", kg=60.0, status=Status.DONE, reps=5):
    return Session(
        day,
        SessionKind.STRENGTH,
        status,
        sets=[SetEntry(name, reps=reps, weight_kg=kg)] * 2,
        duration_min=45,
        rpe=7,
    )


def run(day, km=8.0, status=Status.DONE):
    return Session(
        day, SessionKind.RUN, status, run_type=RunType.EASY, distance_km=km, duration_min=45, rpe=4
    )


def everything(source: ProgressSource) -> dict:
    """What the charts read, in comparable form."""
    progress = {
        name: (
            source.progress(name).days,
            source.progress(name).e1rm_kg.tolist(),
            source.progress(name).volume_kg.tolist(),
        )
        for name in source.exercises()
    }
    load = source.load()
    return {
        "exercises": source.exercises(),
        "progress": progress,
        "weeks": dict(source.weeks()),
        "work": {m: dict(w) for m, w in source.work().items()},
        "loads": dict(source.daily_loads()),
        "fitness": None if load is None else np.round(load.fitness, 9).tolist(),
        "default": source.default_exercise(),
    }


def test_a_patched_cache_equals_one_read_afresh(repo):
    source = ProgressSource(lambda: repo)
    repo.subscribe(source.take_news)
    first = repo.save_session(lift(DAY))
    everything(source)  # read it all once, then patch it through the changes below
    second = repo.save_session(lift(DAY + dt.timedelta(days=3), "Deadlift", 100))
    repo.save_session(run(DAY + dt.timedelta(days=1)))
    first.sets[0].weight_kg = 65
    repo.save_session(first)  # changed in place
    moved = repo.move_session(second.id, DAY + dt.timedelta(days=9))  # into the next week
    planned = repo.save_session(
        lift(DAY + dt.timedelta(days=20), "Goblet squat", 20, Status.PLANNED)
    )
    repo.move_session(planned.id, DAY + dt.timedelta(days=21))
    done = planned.copy(status=Status.DONE)
    done.id = planned.id
    repo.save_session(done)  # a planned session marked done brings a new exercise
    assert everything(source) == everything(ProgressSource(lambda: repo))
    repo.delete_sessions([moved.id, planned.id])  # Deadlift and Goblet squat leave the list
    patched = everything(source)
    assert patched == everything(ProgressSource(lambda: repo))
    assert patched["exercises"] == ["Back squat"]


def test_moving_a_planned_session_moves_no_version_and_reads_little(repo):
    source = ProgressSource(lambda: repo)
    repo.subscribe(source.take_news)
    for week in range(30):
        repo.save_session(lift(DAY + dt.timedelta(weeks=week), kg=60 + week))
        repo.save_session(run(DAY + dt.timedelta(weeks=week, days=1)))
    planned = repo.save_session(lift(DAY + dt.timedelta(weeks=31), status=Status.PLANNED))
    everything(source)
    areas = ["exercises", ("lifts", "Back squat"), "weeks", "work", "loads"]
    before = [source.version(area) for area in areas]
    statements: list[str] = []
    repo.move_session(planned.id, planned.date + dt.timedelta(days=1))
    repo.move_session(planned.id, planned.date)  # and the move undone
    connection = repo.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        after = [source.version(area) for area in areas]
    finally:
        connection.set_trace_callback(None)
    assert after == before
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # The session's exercises, the exercise probe, one week, and two days: nothing else.
    assert len(reads) <= 6, reads
    assert not any(
        "FROM session ss WHERE ss.status = 'done' AND (ss.kind" in s and "BETWEEN" not in s
        for s in reads
    )


def test_a_save_moves_only_what_it_touched(repo):
    source = ProgressSource(lambda: repo)
    repo.subscribe(source.take_news)
    squat = repo.save_session(lift(DAY))
    repo.save_session(lift(DAY + dt.timedelta(days=2), "Deadlift", 100))
    everything(source)
    deadlift = source.version(("lifts", "Deadlift"))
    squat_version = source.version(("lifts", "Back squat"))
    squat.sets[1].reps = 3
    repo.save_session(squat)
    assert source.version(("lifts", "Deadlift")) == deadlift
    assert source.version(("lifts", "Back squat")) != squat_version
    assert source.progress("Back squat").e1rm_kg.tolist() == [60 * (1 + 5 / 30)]
    assert source.progress("Back squat").volume_kg.tolist() == [60 * 5 + 60 * 3]


def test_body_weights_and_phases_are_read_again_when_they_change(repo):
    source = ProgressSource(lambda: repo)
    repo.subscribe(source.take_news)
    assert len(source.body_weights()) == 0
    version = source.version("body")
    repo.save_body_weight(BodyWeight(DAY, 70.0))
    assert source.version("body") != version and source.body_weights().kg.tolist() == [70.0]
    assert source.easy_weeks(14) == set()
    from runstrength_desktop.domain import Phase

    repo.set_week_phase("2025-W10", Phase.RECOVERY)
    assert source.easy_weeks(14) == {DAY}
