"""Plausible durations and a load for every session: a 24-hour Strong workout (a timer left
running) keeps its recorded value, is marked 'duration looks wrong', and the planner and the
load chart judge it by an estimate from its sets; a session without an RPE gets an estimated
load."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.analysis.load import daily_load, day_loads
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.domain.durations import (
    duration_looks_wrong,
    duration_note,
    plausible_minutes,
)
from runstrength_desktop.domain.metrics import load_of
from runstrength_desktop.interchange.importer import import_file
from runstrength_desktop.planning import PlanInput, PlanSettings, check

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)


def export(day: dt.date, duration: str, rpe: str = "") -> str:
    rows = [
        f"{day} 18:00:00,Legs,{duration},Squat (Barbell),{n},80,5,0,0,,,{rpe}\n"
        for n in range(1, 7)
    ]
    return HEADER + "".join(rows)


def test_a_24_hour_session_keeps_its_duration_and_is_judged_by_its_sets(repo, tmp_path, today):
    day = today - dt.timedelta(days=2)
    path = tmp_path / "strong.csv"
    path.write_text(export(day, "24h 1m"), encoding="utf-8")
    report = import_file(repo, path, unit=WeightUnit.KG)
    assert report.durations_look_wrong == 1
    assert any("duration looks wrong" in line for line in report.lines())
    [session] = repo.all_sessions()
    assert session.duration_min == 1441  # as recorded, for the record
    assert duration_looks_wrong(session)
    assert plausible_minutes(session) == 10 + 3 * 6  # warm-up and six working sets
    assert "Duration looks wrong: 1441 min recorded" in duration_note(session)

    # The planner sees a 28-minute session: no "1441 min (at most 60)".
    flags = check(PlanInput.from_repository(repo), PlanSettings(), today, day, day)
    assert not [f for f in flags if f.rule == "too_much_volume"]

    # The load chart: RPE 6 (no RPE anywhere) x 28 min, marked as estimated.
    load = daily_load(day_loads(repo.load_rows()))  # as the Progress tab reads it
    assert load.lift.tolist() == [6 * 28] and load.lift_estimated.tolist() == [6 * 28]
    assert "from its sets (the recorded duration looks wrong)" in load_of(session).how


def test_a_plausible_long_session_is_judged_as_recorded(repo, tmp_path, today):
    day = today - dt.timedelta(days=2)
    path = tmp_path / "strong.csv"
    path.write_text(export(day, "1h 30m", rpe="8"), encoding="utf-8")
    import_file(repo, path, unit=WeightUnit.KG)
    [session] = repo.all_sessions()
    assert not duration_looks_wrong(session) and plausible_minutes(session) == 90
    flags = check(PlanInput.from_repository(repo), PlanSettings(), today, day, day)
    assert any("90 min (at most 60)" in f.message for f in flags if f.rule == "too_much_volume")
    # No session RPE: the mean RPE of its working sets, marked as estimated.
    load = load_of(session)
    assert load.value == 8 * 90 and load.estimated and "mean set RPE 8.0" in load.how


@pytest.mark.parametrize(
    "session, value, estimated",
    [
        (
            Session(dt.date(2026, 1, 5), SessionKind.RUN, Status.DONE, duration_min=40, rpe=5),
            200,
            False,
        ),
        # A run without RPE: the effort of its type (an easy run's 3).
        (Session(dt.date(2026, 1, 5), SessionKind.RUN, Status.DONE, duration_min=40), 120, True),
        # Only a distance: minutes at an easy pace.
        (Session(dt.date(2026, 1, 5), SessionKind.RUN, Status.DONE, distance_km=10), 180, True),
        # No duration, no RPE: the estimate from its sets and the strength default.
        (
            Session(
                dt.date(2026, 1, 5),
                SessionKind.STRENGTH,
                Status.DONE,
                sets=[SetEntry("Back squat", reps=5, weight_kg=80)] * 4,
            ),
            6 * 22,
            True,
        ),
        (Session(dt.date(2026, 1, 5), SessionKind.STRENGTH, Status.DONE), None, None),
    ],
)
def test_every_session_with_something_to_go_on_has_a_load(session, value, estimated):
    load = load_of(session)
    if value is None:
        assert load is None
    else:
        assert load.value == pytest.approx(value) and load.estimated is estimated
