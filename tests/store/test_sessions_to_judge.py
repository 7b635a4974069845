"""The planner's read (Repository.sessions_to_judge): every session with what the rules judge
of it and of its sets, the same as the whole sessions say, in calendar order; the notes,
origins, laps and set ids it leaves out are nobody's there."""

from __future__ import annotations

import datetime as dt

from runstrength_desktop.domain import (
    Lap,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
)
from runstrength_desktop.planning import PlanInput, PlanSettings, check

DAY = dt.date(2026, 11, 2)  # a Monday

SESSION_FIELDS = (
    "date",
    "kind",
    "status",
    "start",
    "order",
    "title",
    "run_type",
    "distance_km",
    "duration_min",
    "source",
    "id",
)
SET_FIELDS = (
    "exercise",
    "set_type",
    "reps",
    "weight_kg",
    "seconds",
    "distance_km",
    "side",
    "target_reps",
)


def _logbook(repo) -> None:
    repo.save_session(
        Session(
            DAY,
            SessionKind.STRENGTH,
            Status.DONE,
            start=dt.time(18, 30),
            title="Legs",
            duration_min=50,
            notes="felt heavy",
            rpe=8,
            sets=[
                SetEntry("Back squat", SetType.WARMUP, 10, 20.0),
                SetEntry("Back squat", reps=5, weight_kg=80.0, target_reps=8, rpe=9),
                SetEntry("Back squat", reps=5, weight_kg=80.0, target_weight_kg=82.5),
                SetEntry("Walking lunge", reps=10, weight_kg=12.0, side=Side.EACH),
                SetEntry("Plank", seconds=45.0),
                SetEntry("Calf raise", SetType.DROP, 15, 40.0),
            ],
        )
    )
    repo.save_session(
        Session(
            DAY + dt.timedelta(days=1),
            SessionKind.RUN,
            Status.DONE,
            start=dt.time(7, 0),
            run_type=RunType.INTERVALS,
            distance_km=10.0,
            duration_min=48,
            source="garmin",
            source_key="2026-11-03T07:00",
            laps=[Lap(1.0, 240.0)],
        )
    )
    # Two on one day without start times: their order in the day decides.
    repo.save_session(Session(DAY + dt.timedelta(days=3), SessionKind.RUN, order=1))
    repo.save_session(
        Session(
            DAY + dt.timedelta(days=3),
            SessionKind.STRENGTH,
            Status.PLANNED,
            order=0,
            sets=[SetEntry("Push-up", reps=12)],
        )
    )
    repo.save_session(Session(DAY + dt.timedelta(days=4), SessionKind.STRENGTH, Status.SKIPPED))


def test_the_planners_read_says_what_the_whole_sessions_say(repo):
    _logbook(repo)
    whole, judged = repo.all_sessions(), repo.sessions_to_judge()
    assert [s.id for s in judged] == [s.id for s in whole]  # calendar order
    for full, lean in zip(whole, judged):
        assert [getattr(lean, f) for f in SESSION_FIELDS] == [
            getattr(full, f) for f in SESSION_FIELDS
        ]
        assert [[getattr(e, f) for f in SET_FIELDS] for e in lean.sets] == [
            [getattr(e, f) for f in SET_FIELDS] for e in full.sets
        ]
    legs = judged[0]
    assert legs.notes == "" and legs.rpe is None and {e.id for e in legs.sets} == {None}
    assert judged[1].laps == [] and judged[1].source == "garmin"


def test_the_planner_finds_the_same_from_either_read(repo):
    _logbook(repo)
    lean = PlanInput.from_repository(repo)
    full = PlanInput(
        repo.all_sessions(),
        repo.races(),
        repo.week_phases(),
        catalogue=repo.catalogue(),
        body_weights=repo.body_weight_rows(),
    )
    today = DAY + dt.timedelta(days=2)
    flags = check(lean, PlanSettings(), today)
    assert flags  # a leg day the day before intervals, at least
    assert flags == check(full, PlanSettings(), today)
