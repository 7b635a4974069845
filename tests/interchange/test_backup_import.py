"""Importing a JSON backup into a logbook (the reader checks each value once, the store
writes the rows in bulk): what reached the database is what the file says, to the last
field, and a bad value anywhere is refused naming its path, with the logbook untouched."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import (
    BodyWeight,
    Category,
    Exercise,
    Lap,
    Logbook,
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
    WeekPhase,
)
from runstrength_desktop.interchange.backup_json import dumps_backup
from runstrength_desktop.interchange.files import InterchangeError, export_json, import_json_file
from runstrength_desktop.store.bulk_insert import SESSION_KEYS, session_values
from runstrength_desktop.store.convert import session_fields
from runstrength_desktop.store.models import SessionRow

DAY = dt.date(2026, 11, 24)
SLED = Exercise("Sled push", Region.LOWER, Category.STRENGTH, (Muscle.QUADS,), custom=True)


def every_field() -> Logbook:
    """Each field a backup carries set somewhere, with a custom exercise."""
    lift = Session(
        DAY,
        SessionKind.STRENGTH,
        Status.DONE,
        start=dt.time(18, 30),
        order=3,
        title="Gym ✓",
        duration_min=45.5,
        rpe=7.0,
        notes="Läuft gut\nline 2",
        source="strong",
        source_key="2026-11-24 18:30:00",
        sets=[
            SetEntry("Back squat", SetType.WARMUP, reps=10, weight_kg=20.0),
            SetEntry("Back squat", SetType.FAILURE, reps=5, weight_kg=62.5, rpe=9.5),
            SetEntry(
                "Single-leg deadlift",
                SetType.WORKING,
                reps=6,
                weight_kg=16.0,
                seconds=3.5,
                distance_km=0.02,
                side=Side.LEFT,
                rpe=7.5,
                target_reps=8,
                target_weight_kg=18.0,
            ),
            SetEntry("Plank", seconds=45.0),
            SetEntry("Sled push", distance_km=0.02, weight_kg=0.0),
        ],
    )
    recorded = Session(
        DAY,
        SessionKind.RUN,
        Status.DONE,
        start=dt.time(7, 5),
        title="Morning intervals",
        run_type=RunType.INTERVALS,
        distance_km=9.2,
        duration_min=48.5,
        elapsed_min=52.0,
        avg_hr=151.0,
        max_hr=178.0,
        elevation_gain_m=64.0,
        run_type_reason="name: 6x800",
        source="fit",
        source_key="2026-11-24T07:05:12",
        source_file="2026-11-24-07-05-12.fit",
        start_utc=dt.datetime(2026, 11, 24, 6, 5, 12, tzinfo=dt.UTC),
        laps=[
            Lap(0.8, 170.0, 172.0, 178.0, "active", "distance", 3.0),
            Lap(0.4, 120.0, 140.0, 150.0, "rest", "time"),
        ],
    )
    planned = [
        Session(DAY + dt.timedelta(1), SessionKind.RUN, Status.PLANNED, order=0),
        Session(DAY + dt.timedelta(1), SessionKind.STRENGTH, Status.SKIPPED, order=1),
        Session(
            DAY + dt.timedelta(1),
            SessionKind.RUN,
            Status.DONE,
            order=2,
            distance_km=9.5,
            from_plan=True,
            planned_km=10.0,
            plan_uid="20260302T0700-easy@coach.example",
        ),
    ]
    return Logbook(
        exercises=[SLED],
        sessions=[recorded, lift, *planned],
        races=[Race(dt.date(2026, 12, 13), "City half marathon", 21.1)],
        weeks=[WeekPhase("2026-W48", Phase.RECOVERY), WeekPhase("2026-W49", Phase.TAPER, "season")],
        body_weights=[BodyWeight(DAY, 71.3)],
    )


@pytest.mark.parametrize(
    "logbook", [every_field, lambda: generate_demo(2, 1, DAY)], ids=["every field", "2-year demo"]
)
def test_a_backup_imported_and_exported_again_is_the_same_file(repo, tmp_path, logbook):
    text = dumps_backup(logbook())
    path = tmp_path / "backup.json"
    path.write_text(text, encoding="utf-8")
    counts = import_json_file(repo, path)
    assert counts["sessions"] == repo.count_sessions() == len(json.loads(text)["sessions"])
    assert export_json(repo) == text
    assert import_json_file(repo, path)["duplicates_skipped"] == counts["sessions"]
    assert export_json(repo) == text  # importing it again added nothing


def test_a_bad_value_in_the_last_set_is_refused_by_its_path_and_nothing_changes(repo, tmp_path):
    repo.save_session(Session(DAY, SessionKind.RUN, Status.DONE, distance_km=5.0))
    before = export_json(repo)
    doc = json.loads(dumps_backup(generate_demo(2, 1, DAY)))
    last = max(i for i, s in enumerate(doc["sessions"]) if s.get("sets"))
    doc["sessions"][last]["sets"][-1]["reps"] = -3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        import_json_file(repo, path)
    message = str(caught.value)
    sets = len(doc["sessions"][last]["sets"])
    assert f"sessions[{last}].sets[{sets - 1}].reps: must be" in message
    assert message.endswith("nothing was imported")
    assert export_json(repo) == before


def test_the_bulk_rows_are_the_store_s_own_fields(repo):
    """The writer builds a session's row without the store's dict; the same values, in the
    same order (a column added to session_fields must be added there too)."""
    for session in every_field().sessions:
        fields = session_fields(session)
        fields["date"] = session.date.isoformat()
        fields["from_plan"] = int(session.from_plan)
        assert dict(zip(SESSION_KEYS, session_values(session), strict=True)) == fields


def test_a_set_s_missing_numbers_reach_the_database_as_null(repo, tmp_path):
    """The bulk writer binds a missing number as NaN (quicker than None), which SQLite
    stores as NULL: every missing number is NULL in the file, every other one its value."""
    logbook = every_field()
    path = tmp_path / "backup.json"
    path.write_text(dumps_backup(logbook), encoding="utf-8")
    import_json_file(repo, path)
    numbers = ("reps", "weight_kg", "seconds", "distance_km", "rpe", "target_reps")
    columns = ", ".join(f"{n}, typeof({n})" for n in (*numbers, "target_weight_kg"))
    stored = repo.db.execute_sql(f"SELECT {columns} FROM strength_set ORDER BY id").fetchall()
    expected = [entry for session in logbook.sessions for entry in session.sets]
    assert len(stored) == len(expected) == 5
    for row, entry in zip(stored, expected, strict=True):
        for index, name in enumerate((*numbers, "target_weight_kg")):
            value, kind = row[2 * index], row[2 * index + 1]
            assert value == getattr(entry, name), (name, entry)
            assert (kind == "null") == (getattr(entry, name) is None), (name, kind)


def test_the_held_sessions_reach_the_database_as_their_own_rows(repo, tmp_path):
    """The first session of a batch is written at once, the others held and written a
    column at a time with NaN for None: every row stored is session_values' of its session,
    a missing value NULL."""
    logbook = every_field()
    path = tmp_path / "backup.json"
    path.write_text(dumps_backup(logbook), encoding="utf-8")
    import_json_file(repo, path)
    columns = ", ".join(f'session."{SessionRow._meta.fields[k].column_name}"' for k in SESSION_KEYS)
    types = ", ".join(
        f'typeof(session."{SessionRow._meta.fields[k].column_name}")' for k in SESSION_KEYS
    )
    stored = repo.db.execute_sql(f"SELECT {columns}, {types} FROM session ORDER BY id").fetchall()
    assert len(stored) == len(logbook.sessions) == 5
    width = len(SESSION_KEYS)
    for row, session in zip(stored, logbook.sessions, strict=True):
        expected = session_values(session)
        assert list(row[:width]) == expected, session
        nulls = [kind == "null" for kind in row[width:]]
        assert nulls == [value is None for value in expected], session
