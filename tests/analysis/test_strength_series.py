"""Per-exercise series: e1RM, best load and volume per done session, personal records, and
the default exercise."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength_desktop.analysis.strength import (
    default_exercise,
    exercise_progress,
    patched_progress,
    personal_records,
    rolling_best,
)
from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain import Status
from runstrength_desktop.domain.exercise import Catalogue
from tests.analysis.analysis_builders import day, epoch, lift, run, warmup, work
from tests.progress_rows import exercise_rows, loaded_counts


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue(shipped_exercises())


def squat_progress(sessions, name="Back squat"):
    return exercise_progress(name, exercise_rows(sessions, name))


def squat_history():
    return [
        lift(
            day(0),
            warmup("Back squat", 5, 40),
            *work("Back squat", 5, 60, count=3),
            *work("Plank", None, seconds=60),
        ),
        run(day(1)),
        lift(day(3), *work("Back squat", 8, 62.5, count=2), *work("Back squat", 12, 70)),
        lift(day(5), *work("Back squat", 5, 100), status=Status.PLANNED),
        lift(day(7), *work("Back squat", 15, 50, count=2)),
        lift(day(9), *work("Back squat", 3, 75), *work("Back squat", 5, 65)),
        lift(day(11), *work("Back squat", 5, 60)),
    ]


def test_each_done_session_gives_its_best_e1rm_best_load_and_volume():
    sessions = squat_history()
    progress = squat_progress(sessions)
    assert progress.days == (day(0), day(3), day(7), day(9), day(11))  # not the planned one
    assert list(progress.x) == [epoch(d) for d in progress.days]
    # Epley from working sets of 1-10 reps; the 12-rep and 15-rep sets give none.
    expected_e1rm = [
        60 * (1 + 5 / 30),
        62.5 * (1 + 8 / 30),
        np.nan,
        max(75 * (1 + 3 / 30), 65 * (1 + 5 / 30)),
        60 * (1 + 5 / 30),
    ]
    np.testing.assert_allclose(progress.e1rm_kg, expected_e1rm)
    np.testing.assert_allclose(progress.best_load_kg, [60, 70, 50, 75, 60])
    # The warm-up does not count towards volume.
    np.testing.assert_allclose(
        progress.volume_kg, [3 * 300, 2 * 500 + 840, 2 * 750, 225 + 325, 300]
    )
    assert [s.weight_kg for s in progress.best_sets] == [60, 62.5, 50, 75, 60]


def test_a_record_beats_every_earlier_session_and_the_first_only_sets_the_bar():
    sessions = squat_history()
    progress = squat_progress(sessions)
    assert progress.is_pr.tolist() == [False, True, False, True, False]
    values = np.array([np.nan, 50, 50, 49, np.nan, 51, 60])
    assert personal_records(values).tolist() == [False, False, False, False, False, True, True]


def test_the_default_is_the_most_logged_loaded_lower_body_lift(catalogue):
    sessions = [
        *[
            lift(
                day(i),
                *work("Push-up", 12),
                *work("Glute bridge", 12),
                *work("Dumbbell row", 8, 20),
            )
            for i in range(6)
        ],  # bodyweight and upper
        *[lift(day(10 + i), *work("Deadlift", 5, 80)) for i in range(2)],
        *[lift(day(20 + i), *work("Back squat", 5, 60)) for i in range(3)],
        *[lift(day(30 + i), *work("Kettlebell swing", 15, 16)) for i in range(5)],  # plyometric
    ]
    assert default_exercise(loaded_counts(sessions), catalogue) == "Back squat"
    only_upper = [lift(day(0), *work("Push-up", 12)), lift(day(1), *work("Dumbbell row", 8, 20))]
    assert default_exercise(loaded_counts(only_upper), catalogue) == "Dumbbell row"
    assert default_exercise(loaded_counts([lift(day(0), *work("Push-up", 12))]), catalogue) is None
    assert default_exercise({}, catalogue) is None


def test_a_bodyweight_exercise_has_no_load():
    sessions = [lift(day(0), *work("Push-up", 12, count=3))]
    progress = squat_progress(sessions, "Push-up")
    assert not progress.has_load and len(progress) == 1
    assert progress.volume_kg.tolist() == [0.0]


def test_the_current_e1rm_is_the_best_of_the_last_eight_weeks():
    days = tuple(day(7 * i) for i in range(12))
    values = np.array([100, 90, np.nan, 80, 80, 80, 80, 80, 80, 85, 70, 70], dtype=float)
    expected = []
    for today in days:
        window = [v for d, v in zip(days, values) if 0 <= (today - d).days < 56 and v == v]
        expected.append(max(window) if window else np.nan)
    np.testing.assert_allclose(rolling_best(days, values, 56), expected)
    best = rolling_best(days, values, 56)
    assert (best[7], best[8], best[10]) == (100, 90, 85)  # 100 is 8 weeks old on day 56


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 6),  # days after the entry before (0: the same day)
            st.one_of(st.none(), st.floats(0, 500, allow_nan=False)),
        ),
        max_size=60,
    ),
    st.integers(1, 70),
)
def test_the_rolling_best_is_the_best_of_each_entrys_window(entries, window):
    """Against the definition: the entries up to and including each one, within `window`
    days of it (sessions on one day included up to it, not after it)."""
    gaps = np.cumsum([gap for gap, _value in entries], dtype=int)
    days = tuple(day(int(gap)) for gap in gaps)
    values = np.array([np.nan if v is None else v for _gap, v in entries], dtype=float)
    expected = []
    for i, today in enumerate(days):
        seen = [values[j] for j in range(i + 1) if (today - days[j]).days < window]
        seen = [v for v in seen if v == v]
        expected.append(max(seen) if seen else np.nan)
    np.testing.assert_array_equal(rolling_best(days, values, window), np.array(expected))


def test_a_sessions_summary_matches_the_domain_metrics_set_by_set():
    """NumPy works each session out over all sets at once: it must agree with the domain's
    one-set-at-a-time e1RM and volume, and pick the set the hover names."""
    from runstrength_desktop.domain.metrics import e1rm, set_volume

    sessions = [
        lift(
            day(0),
            *work("Back squat", 5, 60),
            *work("Back squat", 3, 75),
            *work("Back squat", 12, 50),
        ),
        lift(day(2), *work("Back squat", 15, 40), *work("Back squat", None, 40, seconds=30)),
        lift(day(4), *work("Back squat", 8, None), *work("Back squat", 10, 0)),
        lift(day(6), *work("Back squat", 5, 80), *work("Back squat", 1, 90)),  # a single
    ]
    progress = exercise_progress("Back squat", exercise_rows(sessions, "Back squat"))
    for index, session in enumerate(sessions):
        sets = session.sets
        values = [v for e in sets if (v := e1rm(e.weight_kg, e.reps)) is not None]
        if values:
            assert progress.e1rm_kg[index] == max(values)
        else:
            assert np.isnan(progress.e1rm_kg[index])
        assert progress.volume_kg[index] == sum(set_volume(e) for e in sets)
        for n, load in zip((1, 3, 5, 8, 10), progress.rep_loads_kg[index]):
            heavy = [e.weight_kg for e in sets if e.weight_kg and (e.reps or 0) >= n]
            assert load == max(heavy) if heavy else np.isnan(load), (n, heavy, load)
    assert progress.best_set(0) == (3, 75, None)  # 75 x 3 beats 60 x 5
    assert progress.best_set(1) == (15, 40, None)  # no e1RM: the most reps
    assert progress.best_set(2) == (10, 0, None)  # no load: the most reps


@pytest.mark.parametrize("level", ["week", "month", "quarter"])
def test_period_series_hold_the_best_of_each_period(level):
    import datetime as dt

    from runstrength_desktop.analysis.strength import period_series

    sessions = [
        lift(dt.date(2024, 1, 1) + dt.timedelta(days=9 * i), *work("Back squat", 5, 60 + i % 7))
        for i in range(40)
    ]
    progress = squat_progress(sessions)
    series = period_series(progress, level)

    def start(when):
        if level == "week":
            return when - dt.timedelta(days=when.weekday())
        if level == "month":
            return when.replace(day=1)
        return dt.date(when.year, 3 * ((when.month - 1) // 3) + 1, 1)

    groups: dict = {}
    for index, when in enumerate(progress.days):
        groups.setdefault(start(when), []).append(index)
    assert series.starts == tuple(groups)
    for point, members in enumerate(groups.values()):
        best = max(progress.e1rm_kg[i] for i in members)
        assert series.e1rm_kg[point] == best
        # The session behind the point: the first with that best e1RM.
        assert series.sessions[point] == next(i for i in members if progress.e1rm_kg[i] == best)
        assert series.current_e1rm_kg[point] == progress.current_e1rm_kg[members[-1]]
    assert (np.diff(series.x) > 0).all()

    def after(first):  # the first day of the next period
        if level == "week":
            return first + dt.timedelta(days=7)
        month = first.month - 1 + (1 if level == "month" else 3)
        return dt.date(first.year + month // 12, month % 12 + 1, 1)

    def seconds(day):
        return (day - dt.date(1970, 1, 1)).days * 86400.0

    assert series.x.tolist() == [(seconds(s) + seconds(after(s))) / 2 for s in series.starts]
    assert all(type(s) is dt.date for s in series.starts)


def assert_same_series(patched, fresh) -> None:
    """Every field of two series equal (NaN equal to NaN)."""
    for field in fields(fresh):
        mine, theirs = getattr(patched, field.name), getattr(fresh, field.name)
        if isinstance(theirs, np.ndarray):
            assert mine.shape == theirs.shape, field.name
            assert np.array_equal(mine, theirs, equal_nan=theirs.dtype.kind == "f"), field.name
        else:
            assert mine == theirs, field.name


def test_a_patched_series_equals_one_worked_out_afresh():
    """A save works out only the saved session's rows again: an edit that sets a new record
    (the records after it are no longer records), a session moved before the others of its
    day by a start time, a session deleted and one added."""
    sessions = squat_history()
    held = squat_progress(sessions)
    edited = {s.id: s for s in sessions}
    first, third, last = sessions[0], sessions[4], sessions[6]
    edited[first.id] = lift(first.date, *work("Back squat", 3, 90, count=2))
    edited[first.id].id = first.id
    moved = lift(third.date, *work("Back squat", 1, 80))
    moved.start = dt.time(6, 30)  # timed: before the day's untimed session
    del edited[last.id]
    added = lift(day(20), *work("Back squat", 5, 70, count=3), *work("Back squat", 2, 70))
    now = [*edited.values(), moved, added]
    changed = {first.id, last.id, moved.id, added.id}
    rows = exercise_rows([s for s in now if s.id in changed], "Back squat")
    patched = patched_progress(held, changed, rows)
    assert_same_series(patched, squat_progress(now))
    assert patched.days[2:4] == (third.date, third.date)
    assert patched.session_ids[2] == moved.id  # the timed one first


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 40), st.integers(1, 12), st.sampled_from([None, 50.0, 62.5, 80.0])
        ),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_any_patch_equals_the_series_afresh(plan, data):
    sessions = [
        lift(day(offset), *work("Back squat", reps, kg, count=2)) for offset, reps, kg in plan
    ]
    held = squat_progress(sessions)
    changed = data.draw(st.sets(st.sampled_from([s.id for s in sessions])))
    now = []
    for session in sessions:
        if session.id in changed and data.draw(st.booleans()):
            continue  # deleted
        if session.id in changed:  # edited
            reps = data.draw(st.integers(1, 12))
            edited = lift(session.date, *work("Back squat", reps, 70.0))
            edited.id = session.id
            session = edited
        now.append(session)
    rows = exercise_rows([s for s in now if s.id in changed], "Back squat")
    assert_same_series(patched_progress(held, set(changed), rows), squat_progress(now))
