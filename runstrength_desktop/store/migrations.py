"""Schema migrations, kept in code because a frozen app cannot load scripts from disk.

The schema version lives in PRAGMA user_version. Each migration moves the file from version
N-1 to N inside one transaction; database.py copies the file aside before any of them runs.
Migration 1 is frozen SQL (not the models), so that it keeps creating exactly the version-1
schema however the models change later."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from peewee import BooleanField, CharField, FloatField, IntegerField, SqliteDatabase, TextField

from ..domain import Exercise

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator


def migrate(*operations: Any) -> None:
    """playhouse's migrate(), loaded when a migration runs: playhouse.migrate loads peewee's
    PostgreSQL and CockroachDB support too, a few ms of every start that opens a logbook of
    the current schema (which runs none)."""
    from playhouse.migrate import migrate as run_operations

    run_operations(*operations)


SCHEMA_V1 = """
CREATE TABLE exercise (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) NOT NULL UNIQUE,
    region VARCHAR(255) NOT NULL, category VARCHAR(255) NOT NULL, muscles TEXT NOT NULL,
    equipment VARCHAR(255) NOT NULL, measure VARCHAR(255) NOT NULL, per_side INTEGER NOT NULL,
    aliases TEXT NOT NULL, custom INTEGER NOT NULL);
CREATE TABLE session (
    id INTEGER PRIMARY KEY AUTOINCREMENT, date DATE NOT NULL, start VARCHAR(255),
    kind VARCHAR(255) NOT NULL, status VARCHAR(255) NOT NULL, position INTEGER NOT NULL,
    title VARCHAR(255) NOT NULL, run_type VARCHAR(255), distance_km REAL, duration_min REAL,
    rpe REAL, notes TEXT NOT NULL);
CREATE INDEX session_date ON session (date);
CREATE TABLE strength_set (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
    set_type VARCHAR(255) NOT NULL, reps INTEGER, weight_kg REAL, seconds REAL,
    distance_km REAL, side VARCHAR(255) NOT NULL, rpe REAL, target_reps INTEGER,
    target_weight_kg REAL);
CREATE INDEX strength_set_session_id ON strength_set (session_id);
CREATE INDEX strength_set_exercise_id ON strength_set (exercise_id);
CREATE TABLE race (
    id INTEGER PRIMARY KEY AUTOINCREMENT, date DATE NOT NULL, name VARCHAR(255) NOT NULL,
    distance_km REAL);
CREATE INDEX race_date ON race (date);
CREATE TABLE week_phase (week VARCHAR(255) NOT NULL PRIMARY KEY, phase VARCHAR(255) NOT NULL);
CREATE TABLE body_weight (
    id INTEGER PRIMARY KEY AUTOINCREMENT, date DATE NOT NULL UNIQUE, weight_kg REAL NOT NULL);
"""


def _v1_initial_schema(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute_sql(statement)


def _v2_import_identity(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Imports need to know which workouts they already brought in (source + start), and
    which exercises they guessed: the calf, upper-body and core rules depend on region."""
    migrate(
        migrator.add_column("exercise", "needs_review", BooleanField(default=False)),
        migrator.add_column("session", "source", CharField(default="")),
        migrator.add_column("session", "source_key", CharField(default="")),
    )
    db.execute_sql(
        "CREATE UNIQUE INDEX session_source_key ON session (source, source_key) WHERE source != ''"
    )


RUN_LAPS_TABLE = """
CREATE TABLE run_lap (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, distance_km REAL, seconds REAL, avg_hr REAL, max_hr REAL,
    intensity VARCHAR(255) NOT NULL, "trigger" VARCHAR(255) NOT NULL, ascent_m REAL);
CREATE INDEX run_lap_session_id ON run_lap (session_id);
CREATE INDEX session_start_utc ON session (start_utc) WHERE start_utc IS NOT NULL;
"""


def _recorded_runs(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Runs imported from a watch's files keep what the file says (elapsed time, heart rate,
    climb, laps), why they got their run type, and where they came from, so the same
    activity is never imported twice whichever file or export brings it."""
    migrate(
        migrator.add_column("session", "elapsed_min", FloatField(null=True)),
        migrator.add_column("session", "avg_hr", FloatField(null=True)),
        migrator.add_column("session", "max_hr", FloatField(null=True)),
        migrator.add_column("session", "elevation_gain_m", FloatField(null=True)),
        migrator.add_column("session", "run_type_reason", TextField(default="")),
        migrator.add_column("session", "source_file", TextField(default="")),
        migrator.add_column("session", "start_utc", IntegerField(null=True)),
    )
    for statement in RUN_LAPS_TABLE.split(";"):
        if statement.strip():
            db.execute_sql(statement)


def _exercise_history_index(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """The progress charts and the editor read one exercise's sets at a time: an index on
    (exercise, session) finds them and their sessions without touching other sets. It
    replaces the index on exercise alone, which it begins with."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS strength_set_exercise_session "
        "ON strength_set (exercise_id, session_id)"
    )
    db.execute_sql("DROP INDEX IF EXISTS strength_set_exercise_id")


def _exercise_variants(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Exercises get a family and a variant ('Lateral raise (cable)': family Lateral raise,
    variant cable), a hidden flag, and spellings of the user's own (what merges add).

    The importers kept the name a file wrote only for the custom exercises they made; sets
    they put on a catalogue exercise ('Lateral Raise (Cable)' on Lateral raise) did not keep
    it and stay where they are. A custom exercise whose name now surely means a catalogue
    exercise the logbook does not have yet ('Neutral Grip Lat Pulldown') becomes it, with
    its sets; one still marked for review whose name surely means an exercise the logbook
    has ('Sitting Calf Raise') merges into it; one that names a variant the catalogue lacks
    ('Kettlebell Lateral Raise') joins the family, with the family's region and muscles."""
    migrate(
        migrator.add_column("exercise", "family", CharField(default="")),
        migrator.add_column("exercise", "variant", CharField(default="")),
        migrator.add_column("exercise", "hidden", BooleanField(default=False)),
        migrator.add_column("exercise", "user_aliases", TextField(default="[]")),
    )
    rows = db.execute_sql("SELECT id, name, custom, needs_review FROM exercise ORDER BY id")
    rows = rows.fetchall()
    if not any(custom for _id, _name, custom, _review in rows):
        # Only custom exercises change. Opening a file of an older schema builds the schema
        # in memory to check it against (store/inspect.py): the catalogue would be a third
        # of its cost.
        return
    from ..assets import shipped_exercises
    from ..domain.exercise import Catalogue
    from ..domain.exercise_names import variant_equipment, variant_words

    catalogue = Catalogue(shipped_exercises())
    names = {name: row_id for row_id, name, _custom, _review in rows}
    shipped_ids = {name: row_id for row_id, name, custom, _review in rows if not custom}
    for row_id, name, custom, needs_review in rows:
        found = catalogue.match(name) if custom else None
        if found is None or not found.sure:
            continue
        if found.exercise is not None:
            shipped = found.exercise
            if shipped.name not in shipped_ids:  # new in this version: a custom becomes it
                keep = names.get(shipped.name, row_id)  # one spelt exactly so, or this one
                _set_facts(db, keep, shipped, name=shipped.name, aliases=list(shipped.aliases))
                shipped_ids[shipped.name] = names[shipped.name] = keep
                if keep == row_id:
                    _add_user_alias(db, row_id, name)
                    continue
            elif not needs_review:
                continue  # the user's own exercise: left as it is
            # A guess (or a second spelling) of an exercise the logbook has: merged into it.
            into = shipped_ids[shipped.name]
            if into != row_id:
                db.execute_sql(
                    "UPDATE strength_set SET exercise_id = ? WHERE exercise_id = ?", (into, row_id)
                )
                db.execute_sql("DELETE FROM exercise WHERE id = ?", (row_id,))
                _add_user_alias(db, into, name)
        elif found.is_new_variant and found.family is not None:
            family = found.family
            equipment = variant_equipment(variant_words(found.variant), family.equipment)
            variant = replace(
                family, family=family.name, variant=found.variant, equipment=equipment
            )
            _set_facts(db, row_id, variant, custom=True)


def _set_facts(
    db: SqliteDatabase,
    row_id: int,
    exercise: Exercise,
    custom: bool = False,
    name: str | None = None,
    aliases: list[str] | None = None,
) -> None:
    """The row takes the exercise's facts (and, when given, its name and aliases)."""
    columns: dict[str, object] = {
        "region": exercise.region.value,
        "category": exercise.category.value,
        "muscles": ",".join(m.value for m in exercise.muscles),
        "equipment": exercise.equipment,
        "measure": exercise.measure.value,
        "per_side": int(exercise.per_side),
        "custom": int(custom),
        "needs_review": 0,
        "family": exercise.family,
        "variant": exercise.variant,
    }
    if name is not None:
        columns["name"] = name
    if aliases is not None:
        columns["aliases"] = json.dumps(aliases, ensure_ascii=False)
    assignments = ", ".join(f'"{column}" = ?' for column in columns)
    db.execute_sql(f"UPDATE exercise SET {assignments} WHERE id = ?", (*columns.values(), row_id))


def _add_user_alias(db: SqliteDatabase, row_id: int, spelling: str) -> None:
    name, text = db.execute_sql(
        "SELECT name, user_aliases FROM exercise WHERE id = ?", (row_id,)
    ).fetchone()
    spellings = json.loads(text)
    if spelling != name and spelling not in spellings:
        spellings.append(spelling)
        db.execute_sql(
            "UPDATE exercise SET user_aliases = ? WHERE id = ?",
            (json.dumps(spellings, ensure_ascii=False), row_id),
        )


def _season_plans(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """A season plan replaces what an earlier one wrote and nothing else, so a week phase
    says who set it; a done session keeps the plan it fulfilled (planned, at what distance),
    so the plan can be set against what was done; and a planned run keeps the calendar event
    it was imported from, through its completion, so importing that calendar again updates
    it instead of adding it twice."""
    migrate(
        migrator.add_column("week_phase", "source", CharField(default="")),
        migrator.add_column("session", "from_plan", BooleanField(default=False)),
        migrator.add_column("session", "planned_km", FloatField(null=True)),
        migrator.add_column("session", "plan_uid", TextField(default="")),
    )


def _record_index(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """The editor's records (the heaviest load for each rep count before a day) are read
    from an index on (exercise, reps, load) of the loaded sets that are not warm-ups, a
    few seeks each, instead of every set of the exercise ever logged
    (store/progress_queries.best_loads)."""
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS strength_set_records "
        "ON strength_set (exercise_id, reps, weight_kg) "
        "WHERE weight_kg > 0 AND set_type != 'warmup'"
    )


def _exercise_history_covers_the_charts(db: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """The index on (exercise, session) holds, after them, what the progress charts read
    of each set (store/progress_queries.exercise_sets), in the order they group it: an
    exercise's history is read from the index alone, and not from every set's row scattered
    over the table, the slowest part of the first look at an exercise on a long logbook. It
    replaces the narrower index rather than adding one beside it: an import builds as many
    indexes as before."""
    db.execute_sql("DROP INDEX IF EXISTS strength_set_exercise_session")
    db.execute_sql(
        "CREATE INDEX strength_set_exercise_session "
        "ON strength_set (exercise_id, session_id, reps, weight_kg, seconds, set_type)"
    )


MIGRATIONS = [
    _v1_initial_schema,
    _v2_import_identity,
    _recorded_runs,
    _exercise_history_index,
    _exercise_variants,
    _season_plans,
    _record_index,
    _exercise_history_covers_the_charts,
]
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: SqliteDatabase) -> int:
    version: int = db.execute_sql("PRAGMA user_version").fetchone()[0]
    return version


def migrate_to_current(db: SqliteDatabase, from_version: int, up_to: int = SCHEMA_VERSION) -> None:
    """Run the migrations after `from_version` (store/inspect.py also builds the schema of
    any version in memory with it, to check a file against)."""
    if not 0 <= from_version <= up_to <= SCHEMA_VERSION:
        raise ValueError(f"no migration from schema {from_version} to {up_to}")
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(db)
    for version in range(from_version + 1, up_to + 1):
        # One transaction per step (user_version is transactional too), with foreign keys
        # off so that a table rebuild cannot cascade-delete sets.
        with migrator.migration_context():
            MIGRATIONS[version - 1](db, migrator)
            db.execute_sql(f"PRAGMA user_version = {version}")
