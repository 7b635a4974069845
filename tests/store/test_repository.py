"""The repository round-trips every field and writes each save in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import (
    BodyWeight,
    Category,
    Exercise,
    Muscle,
    Phase,
    Race,
    Region,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
)
from runstrength_desktop.domain.validation import ValidationError
from runstrength_desktop.store import Repository

DAY = dt.date(2026, 11, 24)


def full_strength_session() -> Session:
    return Session(
        date=DAY,
        kind=SessionKind.STRENGTH,
        status=Status.DONE,
        start=dt.time(18, 30),
        order=1,
        title="Lower body + core",
        duration_min=45.5,
        rpe=7,
        notes="Felt strong\nsecond line",
        source="strong",
        source_key="2026-11-24 18:30:00",
        sets=[
            SetEntry("Back squat", SetType.WARMUP, reps=10, weight_kg=40.0),
            SetEntry(
                "Back squat",
                SetType.WORKING,
                reps=8,
                weight_kg=62.5,
                rpe=7.5,
                target_reps=8,
                target_weight_kg=62.5,
            ),
            SetEntry(
                "Single-leg deadlift",
                SetType.WORKING,
                reps=6,
                weight_kg=16.0,
                side=Side.LEFT,
                target_reps=8,
            ),
            SetEntry("Single-leg deadlift", SetType.DROP, reps=8, weight_kg=12.0, side=Side.RIGHT),
            SetEntry("Plank", SetType.FAILURE, seconds=75.0),
            SetEntry("Walking lunge", reps=20, weight_kg=10.0, distance_km=0.025),
        ],
    )


def full_run() -> Session:
    return Session(
        date=DAY,
        kind=SessionKind.RUN,
        status=Status.PLANNED,
        start=dt.time(7, 0),
        run_type=RunType.TEMPO,
        distance_km=10.25,
        duration_min=50,
        rpe=7,
        notes="3 x 10 min at threshold",
    )


def test_every_session_and_set_field_round_trips(repo: Repository):
    saved = repo.save_session(full_strength_session())
    assert saved.id is not None and all(s.id is not None for s in saved.sets)
    assert saved == full_strength_session()  # ids are not part of equality
    run = repo.save_session(full_run())
    assert repo.session(run.id) == full_run()
    assert [s.id for s in repo.sessions_between(DAY, DAY)] == [run.id, saved.id]


def test_sessions_reload_after_reopening(db_path):
    first = Repository.open(db_path)
    first.save_session(full_strength_session())
    first.close()
    again = Repository.open(db_path)
    try:
        assert again.sessions_between(DAY, DAY) == [full_strength_session()]
    finally:
        again.close()


def test_aliases_resolve_to_catalogue_names(repo):
    session = full_strength_session()
    session.sets = [SetEntry("Squat (Barbell)", reps=5, weight_kg=80)]
    assert repo.save_session(session).sets[0].exercise == "Back squat"


def test_update_replaces_sets_and_keeps_id(repo):
    saved = repo.save_session(full_strength_session())
    saved.sets = saved.sets[:2]
    saved.notes = "edited"
    updated = repo.save_session(saved)
    assert updated.id == saved.id
    assert [s.reps for s in repo.session(saved.id).sets] == [10, 8]
    assert repo.session(saved.id).notes == "edited"


def test_invalid_session_names_the_field_and_writes_nothing(repo):
    session = full_strength_session()
    session.sets[3].reps = 1001
    with pytest.raises(ValidationError, match=r"sets\[3\]\.reps: must be a whole number"):
        repo.save_session(session)
    session.sets[3].reps = 8
    session.sets[2].exercise = "Underwater basket weaving"
    with pytest.raises(ValidationError, match=r"sets\[2\]\.exercise: unknown exercise"):
        repo.save_session(session)
    assert repo.count_sessions() == 0


def test_a_failing_save_rolls_back_the_whole_session(repo, monkeypatch):
    saved = repo.save_session(full_strength_session())
    import runstrength_desktop.store.models as module

    def broken_insert_many(rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module.SetRow, "insert_many", broken_insert_many)
    saved.notes = "never stored"
    with pytest.raises(RuntimeError):
        repo.save_session(saved)
    kept = repo.session(saved.id)
    assert kept.notes == "Felt strong\nsecond line" and len(kept.sets) == 6


def test_delete_and_move(repo):
    saved = repo.save_session(full_strength_session())
    moved = repo.move_session(saved.id, DAY + dt.timedelta(days=2))
    assert moved.date == DAY + dt.timedelta(days=2) and len(moved.sets) == 6
    repo.delete_session(saved.id)
    assert repo.session(saved.id) is None
    assert repo.count_sessions() == 0


def test_races_weeks_body_weight_and_custom_exercises(repo):
    race = repo.save_race(Race(DAY + dt.timedelta(days=19), "City half marathon", 21.1))
    assert repo.races() == [Race(DAY + dt.timedelta(days=19), "City half marathon", 21.1)]
    race.name = "City half"
    repo.save_race(race)
    assert repo.races()[0].name == "City half"
    repo.set_week_phase("2026-W48", Phase.RECOVERY)
    repo.set_week_phase("2026-W49", Phase.BUILD)
    repo.set_week_phase("2026-W49", None)
    assert repo.week_phases() == {"2026-W48": Phase.RECOVERY}
    repo.save_body_weight(BodyWeight(DAY, 64.2))
    repo.save_body_weight(BodyWeight(DAY, 64.0))
    assert repo.body_weights() == [BodyWeight(DAY, 64.0)]
    mine = Exercise(
        "Sled push",
        Region.FULL,
        Category.STRENGTH,
        (Muscle.QUADS, Muscle.GLUTES),
        equipment="sled",
        aliases=("Prowler push",),
    )
    added = repo.add_exercise(mine)
    assert added.custom and added.id is not None
    assert repo.catalogue().resolve("prowler pushes").name == "Sled push"
    with pytest.raises(ValidationError, match="name: 'Sled push' already exists"):
        repo.add_exercise(mine)


def test_exercise_history_has_done_sessions_with_that_exercise_only(repo):
    for weeks, status in ((2, Status.DONE), (1, Status.DONE), (0, Status.PLANNED)):
        session = full_strength_session()
        session.date = DAY - dt.timedelta(weeks=weeks)
        session.source_key += str(weeks)
        session.status = status
        repo.save_session(session)
    history = repo.exercise_history("Squat (Barbell)")
    assert [s.date for s in history] == [DAY - dt.timedelta(weeks=2), DAY - dt.timedelta(weeks=1)]
    assert {e.exercise for s in history for e in s.sets} == {"Back squat"}
    assert len(repo.exercise_history("Back squat", before=DAY - dt.timedelta(weeks=1))) == 1
