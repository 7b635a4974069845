"""peewee models: the current schema. Only store/ imports peewee.

The models are bound to `database_proxy`, which database.open_database() points at the one
open logbook (Vorta's deferred-database pattern)."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class ExerciseRow(BaseModel):
    id = AutoField()
    name = CharField(unique=True)
    region = CharField()
    category = CharField()
    muscles = TextField(default="")  # comma-separated Muscle values
    equipment = CharField(default="bodyweight")
    measure = CharField(default="reps")
    per_side = BooleanField(default=False)
    aliases = TextField(default="[]")  # JSON list
    custom = BooleanField(default=False)
    needs_review = BooleanField(default=False)  # schema v2
    family = CharField(default="")  # migration _exercise_variants, like the three below
    variant = CharField(default="")
    hidden = BooleanField(default=False)
    user_aliases = TextField(default="[]")  # JSON list: spellings the user's merges added

    class Meta:
        table_name = "exercise"


class SessionRow(BaseModel):
    id = AutoField()
    date = DateField(index=True)
    start = CharField(null=True)  # "HH:MM" local time
    kind = CharField()
    status = CharField()
    position = IntegerField(default=0)
    title = CharField(default="")
    run_type = CharField(null=True)
    distance_km = FloatField(null=True)
    duration_min = FloatField(null=True)
    rpe = FloatField(null=True)
    notes = TextField(default="")
    source = CharField(default="")  # schema v2
    source_key = CharField(default="")  # schema v2
    # Runs recorded by a watch (migration "recorded runs").
    elapsed_min = FloatField(null=True)
    avg_hr = FloatField(null=True)
    max_hr = FloatField(null=True)
    elevation_gain_m = FloatField(null=True)
    run_type_reason = TextField(default="")
    source_file = TextField(default="")
    start_utc = IntegerField(null=True)  # seconds since 1970 (UTC)
    # The plan a done session fulfilled (migration "season plans").
    from_plan = BooleanField(default=False)
    planned_km = FloatField(null=True)
    plan_uid = TextField(default="")  # the calendar event a planned run came from

    class Meta:
        table_name = "session"


class SetRow(BaseModel):
    id = AutoField()
    session = ForeignKeyField(SessionRow, backref="set_rows", on_delete="CASCADE")
    position = IntegerField(default=0)
    exercise = ForeignKeyField(ExerciseRow, on_delete="RESTRICT")
    set_type = CharField(default="working")
    reps = IntegerField(null=True)
    weight_kg = FloatField(null=True)
    seconds = FloatField(null=True)
    distance_km = FloatField(null=True)
    side = CharField(default="both")
    rpe = FloatField(null=True)
    target_reps = IntegerField(null=True)
    target_weight_kg = FloatField(null=True)

    class Meta:
        table_name = "strength_set"


class LapRow(BaseModel):
    id = AutoField()
    session = ForeignKeyField(SessionRow, backref="lap_rows", on_delete="CASCADE")
    position = IntegerField(default=0)
    distance_km = FloatField(null=True)
    seconds = FloatField(null=True)
    avg_hr = FloatField(null=True)
    max_hr = FloatField(null=True)
    intensity = CharField(default="")
    trigger = CharField(default="")
    ascent_m = FloatField(null=True)

    class Meta:
        table_name = "run_lap"


class RaceRow(BaseModel):
    id = AutoField()
    date = DateField(index=True)
    name = CharField()
    distance_km = FloatField(null=True)

    class Meta:
        table_name = "race"


class WeekPhaseRow(BaseModel):
    week = CharField(primary_key=True)  # "2026-W48"
    phase = CharField()
    source = CharField(default="")  # "" the runner's, "season" a season plan's

    class Meta:
        table_name = "week_phase"


class BodyWeightRow(BaseModel):
    id = AutoField()
    date = DateField(unique=True)
    weight_kg = FloatField()

    class Meta:
        table_name = "body_weight"


ALL_MODELS = (ExerciseRow, SessionRow, SetRow, LapRow, RaceRow, WeekPhaseRow, BodyWeightRow)
