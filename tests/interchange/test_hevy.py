"""Hevy's export: its units, set types, times, newest-first order, and cardio rows."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import SessionKind, SetType
from runstrength_desktop.domain.units import KG_PER_LB, KM_PER_MI
from runstrength_desktop.interchange.importer import parse_export, plan_import

HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","{weight}","reps","{distance}",'
    '"duration_seconds","rpe"\n'
)
KG_KM = HEADER.format(weight="weight_kg", distance="distance_km")


def row(
    title,
    start,
    end,
    exercise,
    index,
    set_type,
    weight="",
    reps="",
    distance="",
    seconds="",
    rpe="",
    description="",
    notes="",
):
    return (
        f'"{title}","{start}","{end}","{description}","{exercise}",,"{notes}",{index},'
        f'"{set_type}",{weight},{reps},{distance},{seconds},{rpe}\n'
    )


def plan_of(repo, text):
    return plan_import(repo, parse_export(text.encode("utf-8")))


def test_set_types_times_notes_and_newest_first(repo):
    text = KG_KM + "".join(
        [
            row(
                "Back",
                "12 Dec 2024, 13:18",
                "12 Dec 2024, 14:27",
                "Lat Pulldown (Cable)",
                0,
                "warmup",
                30,
                12,
                description="felt strong",
                notes="60s rest",
            ),
            row(
                "Back",
                "12 Dec 2024, 13:18",
                "12 Dec 2024, 14:27",
                "Lat Pulldown (Cable)",
                1,
                "normal",
                55,
                10,
                rpe=8.5,
            ),
            row(
                "Back",
                "12 Dec 2024, 13:18",
                "12 Dec 2024, 14:27",
                "Lat Pulldown (Cable)",
                2,
                "dropset",
                40,
                8,
                description="felt strong",
            ),
            row(
                "Back",
                "12 Dec 2024, 13:18",
                "12 Dec 2024, 14:27",
                "Lat Pulldown (Cable)",
                0,
                "failure",
                35,
                6,
            ),
            row(
                "Legs",
                "8 Apr 2024, 16:50",
                "8 Apr 2024, 17:45",
                "Squat (Barbell)",
                0,
                "normal",
                107.5,
                5,
            ),
        ]
    )
    plan = plan_of(repo, text)
    legs, back = plan.sessions  # the file runs newest first; the plan oldest first
    assert legs.date == dt.date(2024, 4, 8) and legs.start == dt.time(16, 50)
    assert legs.duration_min == 55 and legs.source == "hevy"
    assert legs.source_key == "2024-04-08 16:50" and legs.sets[0].weight_kg == 107.5
    assert back.title == "Back" and back.duration_min == 69
    assert [s.set_type for s in back.sets] == [
        SetType.WARMUP,
        SetType.WORKING,
        SetType.DROP,
        SetType.FAILURE,
    ]
    assert back.sets[1].rpe == 8.5 and {s.exercise for s in back.sets} == {"Lat pulldown"}
    assert back.notes == "felt strong\nLat Pulldown (Cable): 60s rest"
    assert plan.report.format == "hevy" and plan.report.dialect == "kg-km"


@pytest.mark.parametrize(
    "weight, distance, weight_scale, distance_scale, dialect",
    [
        ("weight_lbs", "distance_miles", KG_PER_LB, KM_PER_MI, "lb-mi"),
        ("weight_kg", "distance_miles", 1.0, KM_PER_MI, "kg-mi"),
        ("weight_lbs", "distance_km", KG_PER_LB, 1.0, "lb-km"),
    ],
)
def test_weight_and_distance_units_are_independent(
    repo, weight, distance, weight_scale, distance_scale, dialect
):
    text = HEADER.format(weight=weight, distance=distance) + "".join(
        [
            row(
                "Mixed",
                "1 Feb 2024, 17:46",
                "1 Feb 2024, 19:06",
                "Deadlift (Barbell)",
                0,
                "normal",
                225,
                5,
            ),
            row(
                "Mixed",
                "1 Feb 2024, 17:46",
                "1 Feb 2024, 19:06",
                "Walking",
                0,
                "normal",
                distance=2,
                seconds=1200,
            ),
        ]
    )
    plan = plan_of(repo, text)
    [session] = plan.sessions
    deadlift, walk = session.sets
    assert deadlift.weight_kg == pytest.approx(225 * weight_scale)
    assert walk.exercise == "Walking" and walk.seconds == 1200
    assert walk.distance_km == pytest.approx(2 * distance_scale)
    assert plan.report.dialect == dialect
    assert plan.report.unit == ("kg" if weight_scale == 1.0 else "lb")


def test_running_rows_become_runs_and_other_cardio_stays_sets(repo):
    text = KG_KM + "".join(
        [
            row(
                "Futi",
                "26 Jul 2024, 13:30",
                "26 Jul 2024, 14:08",
                "Running",
                0,
                "normal",
                distance=6.2,
                seconds=2264,
                notes="hot",
            ),
            row(
                "Futi",
                "26 Jul 2024, 13:30",
                "26 Jul 2024, 14:08",
                "Treadmill",
                0,
                "normal",
                distance=1,
                seconds=360,
            ),
            row(
                "Futi", "26 Jul 2024, 13:30", "26 Jul 2024, 14:08", "Plank", 0, "normal", seconds=60
            ),
            row(
                "Futi",
                "26 Jul 2024, 13:30",
                "26 Jul 2024, 14:08",
                "Pamela Reif Ab Workout",
                0,
                "normal",
                seconds=600,
            ),
        ]
    )
    plan = plan_of(repo, text)
    strength, outdoor, treadmill = plan.sessions
    assert outdoor.kind is SessionKind.RUN and outdoor.sets == []
    assert outdoor.distance_km == 6.2 and outdoor.duration_min == pytest.approx(37.73)
    assert outdoor.title == "Running" and outdoor.notes == "hot" and strength.notes == ""
    assert outdoor.source_key == "2024-07-26 13:30 run 1"
    assert treadmill.source_key == "2024-07-26 13:30 run 2" and treadmill.distance_km == 1
    assert [(s.exercise, s.seconds) for s in strength.sets] == [
        ("Plank", 60),
        ("Pamela Reif Ab Workout", 600),
    ]
    assert plan.report.runs == 2 and plan.report.sets == 2 and plan.report.workouts == 1
    [new] = plan.new_exercises
    assert new.name == "Pamela Reif Ab Workout" and new.needs_review and new.custom
    assert new.muscles and new.muscles[0].value == "core"


def test_bad_times_and_set_types_are_skipped_with_their_line(repo):
    text = KG_KM + "".join(
        [
            row("A", "31 Feb 2024, 10:00", "31 Feb 2024, 11:00", "Plank", 0, "normal", seconds=60),
            row("A", "yesterday", "", "Plank", 0, "normal", seconds=60),
            row("A", "1 Mar 2024, 10:00", "1 Mar 2024, 11:00", "Plank", 0, "superset", seconds=60),
            row("A", "1 Mar 2024, 10:00", "1 Mar 2024, 11:00", "Plank", 1, "normal", seconds=60),
            row("A", "1 Mar 2024, 10:00", "", "Plank", 2, "normal", seconds=-5),
        ]
    )
    plan = plan_of(repo, text)
    assert [(s.line, s.reason.split(":")[0]) for s in plan.report.skipped] == [
        (2, "start_time"),
        (3, "start_time"),
        (4, "set_type"),
        (6, "duration_seconds"),
    ]
    assert plan.sessions[0].duration_min == 60 and len(plan.sessions[0].sets) == 1
