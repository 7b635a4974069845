"""The schema the migrations build, written out for the current version: opening a logbook
compares the file with this instead of first running every migration in an in-memory
database (some 200 statements, 25-35 ms at every open of the app and of every command).

It cannot go stale unnoticed: tests/store/test_schema_snapshot.py builds the schema from
the migrations and fails, printing what belongs here, when they differ (a migration added,
or two branches' migrations merged under one number). A version other than
SNAPSHOT_VERSION (a file to upgrade, or a migration added before this is written again) is
built in memory as before (store/inspect.expected_schema)."""

from __future__ import annotations

from typing import Any

SNAPSHOT_VERSION = 8
# name -> columns (name, type, not null, primary key), in the order SQLite lists them
TABLES: dict[str, tuple[tuple[Any, ...], ...]] = {
    "strength_set": (
        ("id", "INTEGER", 0, 1),
        ("session_id", "INTEGER", 1, 0),
        ("position", "INTEGER", 1, 0),
        ("exercise_id", "INTEGER", 1, 0),
        ("set_type", "VARCHAR(255)", 1, 0),
        ("reps", "INTEGER", 0, 0),
        ("weight_kg", "REAL", 0, 0),
        ("seconds", "REAL", 0, 0),
        ("distance_km", "REAL", 0, 0),
        ("side", "VARCHAR(255)", 1, 0),
        ("rpe", "REAL", 0, 0),
        ("target_reps", "INTEGER", 0, 0),
        ("target_weight_kg", "REAL", 0, 0),
    ),
    "race": (
        ("id", "INTEGER", 0, 1),
        ("date", "DATE", 1, 0),
        ("name", "VARCHAR(255)", 1, 0),
        ("distance_km", "REAL", 0, 0),
    ),
    "body_weight": (
        ("id", "INTEGER", 0, 1),
        ("date", "DATE", 1, 0),
        ("weight_kg", "REAL", 1, 0),
    ),
    "run_lap": (
        ("id", "INTEGER", 0, 1),
        ("session_id", "INTEGER", 1, 0),
        ("position", "INTEGER", 1, 0),
        ("distance_km", "REAL", 0, 0),
        ("seconds", "REAL", 0, 0),
        ("avg_hr", "REAL", 0, 0),
        ("max_hr", "REAL", 0, 0),
        ("intensity", "VARCHAR(255)", 1, 0),
        ("trigger", "VARCHAR(255)", 1, 0),
        ("ascent_m", "REAL", 0, 0),
    ),
    "exercise": (
        ("id", "INTEGER", 0, 1),
        ("name", "VARCHAR(255)", 1, 0),
        ("region", "VARCHAR(255)", 1, 0),
        ("category", "VARCHAR(255)", 1, 0),
        ("muscles", "TEXT", 1, 0),
        ("equipment", "VARCHAR(255)", 1, 0),
        ("measure", "VARCHAR(255)", 1, 0),
        ("per_side", "INTEGER", 1, 0),
        ("aliases", "TEXT", 1, 0),
        ("custom", "INTEGER", 1, 0),
        ("needs_review", "INTEGER", 1, 0),
        ("family", "VARCHAR(255)", 1, 0),
        ("variant", "VARCHAR(255)", 1, 0),
        ("hidden", "INTEGER", 1, 0),
        ("user_aliases", "TEXT", 1, 0),
    ),
    "week_phase": (
        ("week", "VARCHAR(255)", 1, 1),
        ("phase", "VARCHAR(255)", 1, 0),
        ("source", "VARCHAR(255)", 1, 0),
    ),
    "session": (
        ("id", "INTEGER", 0, 1),
        ("date", "DATE", 1, 0),
        ("start", "VARCHAR(255)", 0, 0),
        ("kind", "VARCHAR(255)", 1, 0),
        ("status", "VARCHAR(255)", 1, 0),
        ("position", "INTEGER", 1, 0),
        ("title", "VARCHAR(255)", 1, 0),
        ("run_type", "VARCHAR(255)", 0, 0),
        ("distance_km", "REAL", 0, 0),
        ("duration_min", "REAL", 0, 0),
        ("rpe", "REAL", 0, 0),
        ("notes", "TEXT", 1, 0),
        ("source", "VARCHAR(255)", 1, 0),
        ("source_key", "VARCHAR(255)", 1, 0),
        ("elapsed_min", "REAL", 0, 0),
        ("avg_hr", "REAL", 0, 0),
        ("max_hr", "REAL", 0, 0),
        ("elevation_gain_m", "REAL", 0, 0),
        ("run_type_reason", "TEXT", 1, 0),
        ("source_file", "TEXT", 1, 0),
        ("start_utc", "INTEGER", 0, 0),
        ("from_plan", "INTEGER", 1, 0),
        ("planned_km", "REAL", 0, 0),
        ("plan_uid", "TEXT", 1, 0),
    ),
}
# name -> (table, columns in order, unique, partial): what each index covers
INDEXES: dict[str, tuple[str, tuple[str, ...], int, int]] = {
    "race_date": ("race", ("date",), 0, 0),
    "run_lap_session_id": ("run_lap", ("session_id",), 0, 0),
    "session_date": ("session", ("date",), 0, 0),
    "session_source_key": ("session", ("source", "source_key"), 1, 1),
    "session_start_utc": ("session", ("start_utc",), 0, 1),
    "strength_set_exercise_session": (
        "strength_set",
        ("exercise_id", "session_id", "reps", "weight_kg", "seconds", "set_type"),
        0,
        0,
    ),
    "strength_set_records": ("strength_set", ("exercise_id", "reps", "weight_kg"), 0, 1),
    "strength_set_session_id": ("strength_set", ("session_id",), 0, 0),
}
