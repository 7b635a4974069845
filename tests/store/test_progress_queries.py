"""The progress charts' SQL (store/progress_queries.py): each aggregate equals the same rows
worked out in plain Python from the sessions (tests/progress_rows.py), whole or limited to
some weeks, days or sessions; and the query plans use the indexes."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.analysis.load import day_loads
from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Status,
    monday_of,
)
from runstrength_desktop.store.migrations import SCHEMA_VERSION
from tests.progress_rows import daily_loads, exercise_rows, loaded_counts, week_totals, week_work

SUNDAY = dt.date(2025, 3, 2)  # the last day of 2025-W09


def lift(day, *sets, status=Status.DONE, start=None, order=0, minutes=None, rpe=None):
    return Session(
        day,
        SessionKind.STRENGTH,
        status,
        start=start,
        order=order,
        sets=list(sets),
        duration_min=minutes,
        rpe=rpe,
    )


def sets(name, n, reps, kg=None, kind=SetType.WORKING, seconds=None):
    return [SetEntry(name, kind, reps=reps, weight_kg=kg, seconds=seconds) for _ in range(n)]


def logbook():
    later = SUNDAY + dt.timedelta(days=1)  # Monday: the next ISO week
    return [
        lift(
            SUNDAY,
            *sets("Back squat", 1, 5, 40, SetType.WARMUP),
            *sets("Back squat", 3, 5, 80),
            *sets("Standing calf raise", 2, 12, 30),
            *sets("Plank", 2, None, seconds=45),
            start=dt.time(7, 30),
            minutes=50,
            rpe=7,
        ),
        lift(SUNDAY, *sets("Back squat", 2, 3, 90), order=1),  # no start: after the 7:30 one
        lift(later, *sets("Back squat", 2, 8, 70), *sets("Push-up", 3, 12), minutes=40, rpe=6),
        lift(later, *sets("Deadlift", 3, 5, 120), status=Status.PLANNED),
        lift(later + dt.timedelta(days=2), *sets("Deadlift", 3, 5, 110), status=Status.SKIPPED),
        lift(later + dt.timedelta(days=3), *sets("Goblet squat", 2, 10, 24, SetType.WARMUP)),
        lift(later + dt.timedelta(days=20), *sets("Back squat", 2, 6, 85, SetType.DROP)),
        Session(
            later,
            SessionKind.RUN,
            Status.DONE,
            run_type=RunType.EASY,
            distance_km=8.5,
            rpe=4,
            duration_min=50,
        ),
        Session(SUNDAY, SessionKind.RUN, Status.DONE, run_type=RunType.LONG, distance_km=21.1),
        Session(later, SessionKind.RUN, Status.PLANNED, run_type=RunType.TEMPO, distance_km=10),
    ]


@pytest.fixture
def saved(repo):
    return [repo.save_session(s) for s in logbook()]


def test_each_aggregate_matches_the_sessions(repo, saved):
    for name in ("Back squat", "Standing calf raise", "Plank", "Push-up", "Deadlift"):
        assert repo.exercise_sets(name) == exercise_rows(saved, name), name
    assert repo.exercise_sets("Goblet squat") == []  # warm-ups only
    assert repo.exercise_sets("No such exercise") == []
    # Alike sets of a session are one row with their number: every working set is counted.
    squats = repo.exercise_sets("Back squat")
    assert (
        len(squats)
        < sum(row[7] for row in squats)
        == sum(
            1
            for s in saved
            if s.status is Status.DONE
            for e in s.sets
            if e.exercise == "Back squat" and e.is_working
        )
    )
    assert {m: tuple(v) for m, *v in repo.week_totals()} == week_totals(saved)
    work = {}
    for monday, name, n, volume, body in repo.week_exercise_work():
        work.setdefault(monday, {})[name] = (n, volume)
        assert body == 0  # no body weight logged
    assert work == week_work(saved)
    assert day_loads(repo.load_rows()) == daily_loads(saved)
    assert repo.loaded_session_counts() == loaded_counts(saved)
    assert sorted(repo.lifted_exercises()) == [
        "Back squat",
        "Plank",
        "Push-up",
        "Standing calf raise",
    ]
    assert repo.last_lifting_day() == SUNDAY + dt.timedelta(days=21)
    assert repo.exercises_lifted_in([saved[0].id, saved[3].id]) == {
        "Back squat",
        "Standing calf raise",
        "Plank",
    }  # the planned session's deadlifts do not count


def test_limited_reads_return_only_the_weeks_days_or_sessions_asked(repo, saved):
    monday = monday_of(SUNDAY)
    totals = week_totals(saved)
    assert {m: tuple(v) for m, *v in repo.week_totals([monday])} == {monday: totals[monday]}
    assert repo.week_totals([]) == []
    assert {m for m, *_ in repo.week_exercise_work([monday])} == {monday}
    later = SUNDAY + dt.timedelta(days=1)
    assert {d for d, *_ in repo.load_rows([later])} == {later}
    first = saved[0]
    assert repo.exercise_sets("Back squat", [first.id]) == exercise_rows([first], "Back squat")
    window = repo.loaded_session_counts(later, later + dt.timedelta(days=30))
    assert window == {"Back squat": 2}


def plans(repo, read) -> list[str]:
    """The query plan of each statement `read` runs, as SQLite reports it."""
    statements: list[str] = []
    connection = repo.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        read()
    finally:
        connection.set_trace_callback(None)
    return [
        " ".join(row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
    ]


def test_the_reads_use_the_indexes(repo, saved):
    from runstrength_desktop.store.migrations import user_version

    assert user_version(repo.db) == SCHEMA_VERSION
    (exercise,) = plans(repo, lambda: repo.exercise_sets("Back squat"))
    # The sets from the index alone, already in the order of the groups: no set's row read,
    # no sorter; each session's row by its id.
    assert "USING COVERING INDEX strength_set_exercise_session (exercise_id=?)" in exercise
    assert "USING INTEGER PRIMARY KEY" in exercise and "SCAN" not in exercise
    assert "TEMP B-TREE" not in exercise
    (patch,) = plans(repo, lambda: repo.exercise_sets("Back squat", [saved[0].id]))
    assert "strength_set_exercise_session (exercise_id=? AND session_id=?)" in patch
    (probe,) = plans(repo, repo.lifted_exercises)
    assert "strength_set_exercise_session (exercise_id=?)" in probe
    (sessions,) = plans(repo, lambda: repo.exercises_lifted_in([saved[0].id]))
    assert "strength_set_session_id (session_id=?)" in sessions
    monday = monday_of(SUNDAY)
    for read in (
        lambda: repo.week_totals([monday]),
        lambda: repo.week_exercise_work([monday]),
        lambda: repo.load_rows([SUNDAY]),
        lambda: repo.loaded_session_counts(SUNDAY, SUNDAY),
    ):
        *_probe, plan = plans(repo, read)  # week work asks first if body weights exist
        assert "USING INDEX session_date" in plan and "SCAN ss" not in plan, plan
    from runstrength_desktop.domain import BodyWeight

    repo.save_body_weight(BodyWeight(SUNDAY, 80.0))
    *_probe, plan = plans(repo, lambda: repo.week_exercise_work([monday]))
    assert "USING INDEX session_date" in plan and "SCAN ss" not in plan, plan
    assert "body_weight" in plan and "SCAN b " not in plan + " ", plan  # by its date index
    (last,) = plans(repo, repo.last_lifting_day)
    assert "SCAN ss USING INDEX session_date" in last  # from the end, stopping at the first


def test_week_work_carries_the_reps_times_the_body_weight_of_each_day(repo, saved):
    from runstrength_desktop.domain import BodyWeight

    later = SUNDAY + dt.timedelta(days=1)
    repo.save_body_weight(BodyWeight(SUNDAY - dt.timedelta(days=10), 82.0))
    repo.save_body_weight(BodyWeight(later, 80.0))  # on the day of the push-ups: it counts
    repo.save_body_weight(BodyWeight(later + dt.timedelta(days=1), 95.0))  # after: not
    body = {(m, name): kg_reps for m, name, _n, _v, kg_reps in repo.week_exercise_work()}
    assert body[(later, "Push-up")] == 3 * 12 * 80.0
    assert body[(later, "Back squat")] == 2 * 8 * 80.0  # the share is the charts' to apply
    assert body[(monday_of(SUNDAY), "Back squat")] == (3 * 5 + 2 * 3) * 82.0
    assert body[(monday_of(SUNDAY), "Plank")] == 0  # holds have no reps
    from runstrength_desktop.domain import Side

    lunges = [SetEntry("Reverse lunge", reps=10, side=Side.EACH)]
    repo.save_session(lift(later + dt.timedelta(days=2), *lunges))
    body = {(m, name): kg_reps for m, name, _n, _v, kg_reps in repo.week_exercise_work()}
    assert body[(later, "Reverse lunge")] == 10 * 2 * 95.0  # on each leg


def brute_best_loads(sessions, name, before):
    """The heaviest load of each rep count in done strength sessions before `before`."""
    best: dict[int, float] = {}
    for session in sessions:
        if not (session.is_strength and session.status is Status.DONE and session.date < before):
            continue
        for e in session.sets:
            loaded = e.weight_kg and e.weight_kg > 0 and e.reps and e.reps >= 1
            if e.exercise == name and e.set_type is not SetType.WARMUP and loaded:
                best[e.reps] = max(best.get(e.reps, 0.0), e.weight_kg)
    return sorted(best.items())


def test_best_loads_are_the_heaviest_of_each_rep_count_before_the_day(repo, saved):
    # Heavier sets that must not count: a warm-up, a planned and a skipped session, and one
    # on the day itself; a lighter set of the same reps later, and another rep count.
    day = SUNDAY + dt.timedelta(days=10)
    more = [
        lift(day - dt.timedelta(days=1), *sets("Back squat", 1, 5, 200, SetType.WARMUP)),
        lift(day - dt.timedelta(days=1), *sets("Back squat", 1, 5, 150), status=Status.PLANNED),
        lift(day - dt.timedelta(days=2), *sets("Back squat", 1, 5, 160), status=Status.SKIPPED),
        lift(day, *sets("Back squat", 1, 5, 170)),
        lift(
            day - dt.timedelta(days=3),
            *sets("Back squat", 2, 5, 75),
            *sets("Back squat", 1, 1, 100),
        ),
    ]
    every = saved + [repo.save_session(s) for s in more]
    for name in ("Back squat", "Standing calf raise", "Push-up", "Plank", "Deadlift"):
        for before in (SUNDAY, SUNDAY + dt.timedelta(days=1), day, day + dt.timedelta(days=1)):
            expected = brute_best_loads(every, name, before)
            assert sorted(repo.best_loads(name, before)) == expected, (name, before)
    assert repo.best_loads("Back squat", day + dt.timedelta(days=1))[-1] == (8, 70.0)
    assert (5, 170.0) in repo.best_loads("Back squat", day + dt.timedelta(days=1))
    assert (5, 170.0) not in repo.best_loads("Back squat", day)


def test_best_loads_seek_the_record_index(repo, saved):
    statements: list[str] = []
    connection = repo.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        repo.best_loads("Back squat", SUNDAY + dt.timedelta(days=30))
    finally:
        connection.set_trace_callback(None)
    (sql,) = [s for s in statements if "strength_set" in s]
    plan = " ".join(row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "INDEX strength_set_records (exercise_id=? AND reps>?)" in plan, plan
    assert "INDEX strength_set_records (exercise_id=? AND reps=? AND weight_kg>?)" in plan, plan
    assert "SCAN s " not in plan and "SCAN strength_set" not in plan, plan
