"""The JSON backup: the contract's example reads, a round trip loses nothing, and every broken
file is refused with a BackupError naming the JSON path of its first problem."""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrength_desktop.domain import (
    BodyWeight,
    Catalogue,
    Category,
    Exercise,
    Lap,
    Logbook,
    Measure,
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
    iso_week,
    normalise_name,
)
from runstrength_desktop.interchange.backup_json import (
    FORMAT,
    VERSION,
    BackupError,
    dump_backup,
    dumps_backup,
    loads_backup,
    parse_backup,
)
from tests.helpers import DELETE, json_places, json_values, with_one_change

SHIPPED = [
    Exercise(
        "Back squat",
        Region.LOWER,
        Category.STRENGTH,
        (Muscle.QUADS, Muscle.GLUTES),
        equipment="barbell",
        aliases=("Squat",),
    ),
    Exercise("Plank", Region.CORE, Category.CORE_HOLD, (Muscle.CORE,), measure=Measure.SECONDS),
    Exercise(
        "Single-leg deadlift",
        Region.LOWER,
        Category.STRENGTH,
        (Muscle.HAMSTRINGS,),
        equipment="dumbbell",
        per_side=True,
        aliases=("SL RDL",),
    ),
    Exercise("Seated calf raise", Region.LOWER, Category.STRENGTH, (Muscle.CALVES,)),
]
CATALOGUE = Catalogue(SHIPPED)
SHIPPED_KEYS = {normalise_name(s) for e in SHIPPED for s in (e.name, *e.aliases)}

# The example of docs/backup-format.md, as it stands.
EXAMPLE = """{
  "format": "runstrength-backup",
  "version": 1,
  "exercises": [
    {"name": "Standing calf raise", "region": "lower", "category": "strength",
     "muscles": ["calves"], "equipment": "dumbbell", "measure": "reps", "per_side": false}
  ],
  "races": [
    {"date": "2026-12-13", "name": "City half marathon", "distance_km": 21.1}
  ],
  "weeks": [
    {"week": "2026-W48", "phase": "recovery"}
  ],
  "sessions": [
    {"date": "2026-11-24", "start": "07:00", "kind": "run", "status": "done",
     "run_type": "tempo", "distance_km": 10.0, "duration_min": 50, "rpe": 7, "notes": ""},
    {"date": "2026-11-24", "start": "18:30", "kind": "strength", "status": "planned",
     "duration_min": 45, "rpe": 7, "notes": "",
     "sets": [
       {"exercise": "Back squat", "set_type": "working", "reps": 8, "weight_kg": 60.0},
       {"exercise": "Plank", "set_type": "working", "seconds": 45},
       {"exercise": "Single-leg deadlift", "set_type": "working", "reps": 6, "weight_kg": 16.0,
        "side": "left", "target_reps": 8}
     ]}
  ]
}"""

CALF = Exercise(
    "Standing calf raise",
    Region.LOWER,
    Category.STRENGTH,
    (Muscle.CALVES,),
    equipment="dumbbell",
    custom=True,
)
BAND = Exercise(
    "Squat (Band)",
    Region.LOWER,
    Category.STRENGTH,
    (Muscle.QUADS,),
    "band",
    Measure.REPS,
    False,
    ("banded squat",),
    custom=True,
    needs_review=True,
)
DAY = dt.date(2026, 11, 24)


def full_logbook() -> Logbook:
    """Every field the format carries, each set somewhere."""
    every_field = SetEntry(
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
    )
    strength = Session(
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
            SetEntry("Back squat", SetType.DROP, reps=8, weight_kg=60.0),
            SetEntry("Back squat", SetType.FAILURE, reps=5, weight_kg=62.5),
            every_field,
            SetEntry("Single-leg deadlift", reps=6, side=Side.RIGHT),
            SetEntry("Plank", seconds=45.0),
            SetEntry("Squat (Band)", reps=15),
            SetEntry("Standing calf raise", reps=12, weight_kg=0.0),
        ],
    )
    return Logbook(
        exercises=[CALF, BAND],
        sessions=[
            Session(
                DAY,
                SessionKind.RUN,
                Status.DONE,
                start=dt.time(7, 0),
                run_type=RunType.TEMPO,
                distance_km=10.0,
                duration_min=50.0,
                rpe=7.0,
            ),
            strength,
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
            Session(
                DAY + dt.timedelta(2),
                SessionKind.RUN,
                Status.PLANNED,
                order=5,
                run_type=RunType.LONG,
                distance_km=21.1,
            ),
        ],
        races=[
            Race(dt.date(2026, 12, 13), "City half marathon", 21.1),
            Race(dt.date(2027, 4, 1), "Parkrun"),
        ],
        weeks=[
            WeekPhase("2026-W48", Phase.RECOVERY),
            WeekPhase("2026-W49", Phase.TAPER, source="season"),
        ],
        body_weights=[BodyWeight(DAY, 71.3), BodyWeight(DAY + dt.timedelta(7), 70.9)],
    )


def sorted_like_a_backup(logbook: Logbook) -> Logbook:
    return Logbook(
        list(logbook.exercises),
        sorted(logbook.sessions, key=Session.sort_key),
        list(logbook.races),
        list(logbook.weeks),
        list(logbook.body_weights),
    )


# ------------------------------------------------------------------------------ reading it


def test_the_documented_example_reads():
    logbook = loads_backup(EXAMPLE, CATALOGUE)
    assert logbook.exercises == [CALF]
    assert logbook.races == [Race(dt.date(2026, 12, 13), "City half marathon", 21.1)]
    assert logbook.weeks == [WeekPhase("2026-W48", Phase.RECOVERY)]
    run, strength = logbook.sessions
    assert run == Session(
        DAY,
        SessionKind.RUN,
        Status.DONE,
        start=dt.time(7),
        order=0,
        run_type=RunType.TEMPO,
        distance_km=10.0,
        duration_min=50.0,
        rpe=7.0,
    )
    assert strength.status is Status.PLANNED and strength.order == 1
    assert strength.sets == [
        SetEntry("Back squat", reps=8, weight_kg=60.0),
        SetEntry("Plank", seconds=45.0),
        SetEntry("Single-leg deadlift", reps=6, weight_kg=16.0, side=Side.LEFT, target_reps=8),
    ]
    assert type(strength.sets[0].reps) is int and type(strength.duration_min) is float


def test_names_resolve_to_the_canonical_exercise_and_extra_keys_are_ignored():
    doc = json.loads(EXAMPLE)
    doc["exercises"] += [_exercise("Back squats"), _exercise("Squat (Band)", aliases=["Bandy"])]
    doc["comment"] = {"anything": [1, 2]}
    doc["sessions"][1]["colour"] = "red"
    doc["sessions"][1]["sets"] = [
        {"exercise": name, "reps": 1}
        for name in (
            "squats",
            "Squat (Barbell)",
            "sl rdl",
            "Squat (Band)",
            "bandy",
            "STANDING CALF RAISES",
        )
    ]
    logbook = parse_backup(doc, CATALOGUE)
    # "Back squats" is the catalogue's Back squat, so it is not a custom exercise.
    assert [e.name for e in logbook.exercises] == ["Standing calf raise", "Squat (Band)"]
    assert [s.exercise for s in logbook.sessions[1].sets] == [
        "Back squat",
        "Back squat",
        "Single-leg deadlift",
        "Squat (Band)",
        "Squat (Band)",
        "Standing calf raise",
    ]


def test_sessions_of_a_day_keep_their_file_order_unless_an_order_is_given():
    doc = _document(
        sessions=[
            _run("2026-01-02"),
            _run("2026-01-01"),
            _run("2026-01-02"),
            dict(_run("2026-01-02"), order=9),
            _run("2026-01-02"),
        ]
    )
    logbook = parse_backup(doc, CATALOGUE)
    assert [(s.date.day, s.order) for s in logbook.sessions] == [
        (2, 0),
        (1, 0),
        (2, 1),
        (2, 9),
        (2, 3),
    ]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t,
        lambda t: t.encode(),
        lambda t: b"\xef\xbb\xbf" + t.encode(),
        lambda t: "\ufeff" + t,
    ],
)
def test_text_and_bytes_with_or_without_a_bom(encode):
    assert loads_backup(encode(EXAMPLE), CATALOGUE) == loads_backup(EXAMPLE, CATALOGUE)


def test_undecodable_and_invalid_json_name_line_and_column():
    with pytest.raises(BackupError) as error:
        loads_backup(b'{\n "format": "\xff"}', CATALOGUE)
    assert (error.value.path, error.value.message) == (
        "",
        "the file is not UTF-8 text (line 2, column 13)",
    )
    with pytest.raises(BackupError) as error:
        loads_backup('{\n "format": }', CATALOGUE)
    assert error.value.path == "" and "line 2, column 12" in error.value.message


def test_the_error_reads_path_colon_message():
    error = BackupError("sessions[12].sets[3].reps", "must be a whole number from 0 to 1000")
    assert isinstance(error, ValueError)
    assert str(error) == "sessions[12].sets[3].reps: must be a whole number from 0 to 1000"


# ------------------------------------------------------------------------------ round trips


def test_a_round_trip_keeps_every_field():
    logbook = full_logbook()
    text = dumps_backup(logbook)
    again = loads_backup(text, CATALOGUE)
    assert again == sorted_like_a_backup(logbook)
    assert dumps_backup(again) == text


def test_the_written_document_is_small_and_explicit():
    doc = dump_backup(full_logbook())
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)
    strength = doc["sessions"][1]
    assert strength["start"] == "18:30" and strength["order"] == 3  # its place would say 1
    assert "order" not in doc["sessions"][0] and "order" not in doc["sessions"][3]
    assert strength["sets"][0] == {
        "exercise": "Back squat",
        "set_type": "warmup",
        "reps": 10,
        "weight_kg": 20.0,
    }
    assert strength["sets"][4]["side"] == "right"
    assert doc["exercises"][1]["needs_review"] is True and "needs_review" not in doc["exercises"][0]
    assert doc["exercises"][1]["aliases"] == ["banded squat"]
    assert doc["races"][1] == {"date": "2027-04-01", "name": "Parkrun"}
    assert doc["body_weight"][0] == {"date": "2026-11-24", "weight_kg": 71.3}
    assert json.loads(json.dumps(doc)) == doc  # plain JSON types only


def _names(min_size=1):
    chars = st.characters(categories=["L", "N"]) | st.sampled_from(" -'()")
    return st.text(chars, min_size=min_size, max_size=40).filter(lambda n: n.strip())


def _floats(top):
    return st.floats(0, top, allow_nan=False)


def _optional(strategy):
    return st.none() | strategy


custom_exercises = st.builds(
    Exercise,
    name=_names().filter(lambda n: normalise_name(n) not in SHIPPED_KEYS),
    region=st.sampled_from(Region),
    category=st.sampled_from(Category),
    muscles=st.lists(st.sampled_from(Muscle), max_size=4).map(tuple),
    equipment=st.text(max_size=20),
    measure=st.sampled_from(Measure),
    per_side=st.booleans(),
    aliases=st.lists(_names(), max_size=2).map(tuple),
    custom=st.just(True),
    needs_review=st.booleans(),
)
days = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def set_entries(names):
    return st.builds(
        SetEntry,
        exercise=st.sampled_from(names),
        set_type=st.sampled_from(SetType),
        reps=_optional(st.integers(0, 1000)),
        weight_kg=_optional(_floats(1000)),
        seconds=_optional(_floats(86400)),
        distance_km=_optional(_floats(1000)),
        side=st.sampled_from(Side),
        rpe=_optional(st.integers(2, 20).map(lambda n: n / 2)),
        target_reps=_optional(st.integers(0, 1000)),
        target_weight_kg=_optional(_floats(1000)),
    )


laps = st.builds(
    Lap,
    distance_km=_optional(_floats(1000)),
    seconds=_optional(_floats(86400)),
    avg_hr=_optional(_floats(260)),
    max_hr=_optional(_floats(260)),
    intensity=st.sampled_from(["", "active", "rest", "warmup"]),
    trigger=st.sampled_from(["", "manual", "distance"]),
    ascent_m=_optional(_floats(20000)),
)
instants = st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(microsecond=0, tzinfo=dt.UTC)
)


@st.composite
def sessions(draw, names):
    kind = draw(st.sampled_from(SessionKind))
    run = kind is SessionKind.RUN
    return Session(
        date=draw(st.sampled_from([DAY, DAY + dt.timedelta(1)]) | days),
        kind=kind,
        status=draw(st.sampled_from(Status)),
        start=draw(_optional(st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)))),
        order=draw(st.integers(0, 5)),
        title=draw(st.text(max_size=30)),
        run_type=draw(_optional(st.sampled_from(RunType))) if run else None,
        distance_km=draw(_optional(_floats(1000))),
        duration_min=draw(_optional(_floats(1440))),
        rpe=draw(_optional(st.floats(1, 10))),
        notes=draw(st.text(max_size=60)),
        sets=[] if run else draw(st.lists(set_entries(names), max_size=4)),
        source=draw(st.text(max_size=10)),
        source_key=draw(st.text(max_size=20)),
        elapsed_min=draw(_optional(_floats(1440))),
        avg_hr=draw(_optional(_floats(260))),
        max_hr=draw(_optional(_floats(260))),
        elevation_gain_m=draw(_optional(_floats(20000))),
        run_type_reason=draw(st.text(max_size=40)),
        source_file=draw(st.text(max_size=30)),
        start_utc=draw(_optional(instants)),
        laps=draw(st.lists(laps, max_size=4)) if run else [],
        from_plan=draw(st.booleans()),
        planned_km=draw(_optional(_floats(1000))),
        plan_uid=draw(st.text(max_size=20)),
    )


@st.composite
def logbooks(draw):
    customs = draw(
        st.lists(custom_exercises, max_size=3, unique_by=lambda e: normalise_name(e.name))
    )
    names = [e.name for e in SHIPPED + customs]
    return Logbook(
        exercises=customs,
        sessions=draw(st.lists(sessions(names), max_size=8)),
        races=draw(st.lists(st.builds(Race, days, _names(), _optional(_floats(1000))), max_size=3)),
        weeks=draw(
            st.lists(
                st.builds(
                    WeekPhase,
                    days.map(iso_week),
                    st.sampled_from(Phase),
                    st.sampled_from(["", "season"]),
                ),
                max_size=3,
                unique_by=lambda w: w.week,
            )
        ),
        body_weights=draw(
            st.lists(
                st.builds(BodyWeight, days, _floats(1000)), max_size=3, unique_by=lambda b: b.date
            )
        ),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(logbooks())
def test_any_valid_logbook_round_trips_losslessly(logbook):
    text = dumps_backup(logbook)
    again = loads_backup(text, CATALOGUE)
    assert again == sorted_like_a_backup(logbook)
    assert dumps_backup(again) == text


# ------------------------------------------------------------------------- refusing junk


def _exercise(name, **extra):
    return {"name": name, "region": "lower", "category": "strength", **extra}


def _run(day="2026-11-24", **extra):
    return {"date": day, "kind": "run", "status": "done", **extra}


def _document(**sections):
    return {"format": FORMAT, "version": VERSION, **sections}


def _example():
    return json.loads(EXAMPLE)


def _set(**fields):
    doc = _example()
    doc["sessions"][1]["sets"][0].update(fields)
    return doc


def _deep(levels):
    nested: list = []
    for _ in range(levels):
        nested = [nested]
    return nested


def _with(change):
    doc = _example()
    change(doc)
    return doc


SET0 = "sessions[1].sets[0]"
MALFORMED = {
    "not an object": ([], "", "must be an object"),
    "bad format": (
        _with(lambda d: d.update(format="strong")),
        "format",
        'must be "runstrength-backup"',
    ),
    "no format": (_with(lambda d: d.pop("format")), "format", None),
    "newer version": (
        _with(lambda d: d.update(version=VERSION + 1)),
        "version",
        f"{VERSION + 1} is newer than this app understands ({VERSION})",
    ),
    "version as text": (_with(lambda d: d.update(version="1")), "version", None),
    "version true": (_with(lambda d: d.update(version=True)), "version", None),
    "sessions not a list": (_document(sessions={"a": 1}), "sessions", "must be a list"),
    "session not an object": (
        _document(sessions=[_run(), "run"]),
        "sessions[1]",
        "must be an object",
    ),
    "session a list": (_document(sessions=[[_run()]]), "sessions[0]", "must be an object"),
    "impossible date": (
        _document(sessions=[_run("2026-02-30")]),
        "sessions[0].date",
        "must be a real date written YYYY-MM-DD, not '2026-02-30'",
    ),
    "compact date": (_document(sessions=[_run("20260224")]), "sessions[0].date", None),
    "no date": (_document(sessions=[{"kind": "run", "status": "done"}]), "sessions[0].date", None),
    "null date": (_document(sessions=[_run(None)]), "sessions[0].date", None),
    "bad time": (
        _document(sessions=[_run(start="25:00")]),
        "sessions[0].start",
        "must be a real time written HH:MM, not '25:00'",
    ),
    "short time": (_document(sessions=[_run(start="7:00")]), "sessions[0].start", None),
    "bad kind": (
        _document(sessions=[_run(), _run(), _run(), _run(kind="swim")]),
        "sessions[3].kind",
        "must be one of run, strength",
    ),
    "no kind": (
        _document(sessions=[{"date": "2026-01-01", "status": "done"}]),
        "sessions[0].kind",
        "must be one of run, strength",
    ),
    "no status": (
        _document(sessions=[{"date": "2026-01-01", "kind": "run"}]),
        "sessions[0].status",
        "must be one of planned, done, skipped",
    ),
    "bad run type": (_document(sessions=[_run(run_type="jog")]), "sessions[0].run_type", None),
    "session rpe 11": (
        _document(sessions=[_run(rpe=11)]),
        "sessions[0].rpe",
        "must be a number from 1 to 10",
    ),
    "negative order": (_document(sessions=[_run(order=-1)]), "sessions[0].order", None),
    "notes too long": (
        _document(sessions=[_run(notes="x" * 20001)]),
        "sessions[0].notes",
        "must be at most 20000 characters",
    ),
    "notes a number": (_document(sessions=[_run(notes=3)]), "sessions[0].notes", None),
    "title too long": (_document(sessions=[_run(title="x" * 121)]), "sessions[0].title", None),
    "a run with sets": (
        _document(sessions=[_run(sets=[{"exercise": "Plank", "seconds": 30}])]),
        "sessions[0].sets",
        "a run has no sets",
    ),
    "a strength session with a run type": (
        _document(
            sessions=[
                {"date": "2026-01-01", "kind": "strength", "status": "done", "run_type": "easy"}
            ]
        ),
        "sessions[0].run_type",
        "only runs have a run type",
    ),
    "sets not a list": (
        _with(lambda d: d["sessions"][1].update(sets="Plank")),
        "sessions[1].sets",
        "must be a list",
    ),
    "set not an object": (
        _with(lambda d: d["sessions"][1]["sets"].append(None)),
        "sessions[1].sets[3]",
        "must be an object",
    ),
    "reps -1": (_set(reps=-1), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "reps 1.5": (_set(reps=1.5), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "reps as text": (_set(reps="8"), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "reps true": (_set(reps=True), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "reps 1001": (_set(reps=1001), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "reps a list": (_set(reps=[8]), f"{SET0}.reps", None),
    "reps huge": (_set(reps=10**400), f"{SET0}.reps", "must be a whole number from 0 to 1000"),
    "weight infinite": (
        _set(weight_kg=float("inf")),
        f"{SET0}.weight_kg",
        "must be a number from 0 to 1000 kg",
    ),
    "set rpe 7.3": (_set(rpe=7.3), f"{SET0}.rpe", "must be a number from 1 to 10 in half steps"),
    "bad set type": (
        _set(set_type="heavy"),
        f"{SET0}.set_type",
        "must be one of warmup, working, drop, failure",
    ),
    "bad side": (_set(side="up"), f"{SET0}.side", None),
    "target reps 2.5": (_set(target_reps=2.5), f"{SET0}.target_reps", None),
    "unknown exercise": (
        _set(exercise="Foo"),
        f"{SET0}.exercise",
        "unknown exercise 'Foo' (not in the catalogue nor in exercises[])",
    ),
    "no exercise": (
        _with(lambda d: d["sessions"][1]["sets"][0].pop("exercise")),
        f"{SET0}.exercise",
        "must not be empty",
    ),
    "exercise a number": (_set(exercise=7), f"{SET0}.exercise", "must not be empty"),
    "exercise with a bad region": (
        _with(lambda d: d["exercises"][0].update(region="legs")),
        "exercises[0].region",
        "must be one of lower, upper, core, full",
    ),
    "exercise with a bad muscle": (
        _with(lambda d: d["exercises"][0].update(muscles=["calf"])),
        "exercises[0].muscles[0]",
        None,
    ),
    "exercise name too long": (
        _document(exercises=[_exercise("x" * 121)]),
        "exercises[0].name",
        "must be at most 120 characters",
    ),
    "exercise name with a tab": (
        _document(exercises=[_exercise("a\tb")]),
        "exercises[0].name",
        "must not contain control characters",
    ),
    "exercise per_side as text": (
        _document(exercises=[_exercise("A", per_side="no")]),
        "exercises[0].per_side",
        "must be true or false",
    ),
    "exercise twice": (
        _document(exercises=[_exercise("A"), _exercise("A")]),
        "exercises[1].name",
        "repeats exercises[0].name",
    ),
    "exercises an object": (_document(exercises={}), "exercises", "must be a list"),
    "race without a name": (
        _document(races=[{"date": "2026-12-13", "distance_km": 5}]),
        "races[0].name",
        "must not be empty",
    ),
    "race with a blank name": (
        _document(races=[{"date": "2026-12-13", "name": "  "}]),
        "races[0].name",
        "must not be empty",
    ),
    "race distance as text": (
        _document(races=[{"date": "2026-12-13", "name": "A", "distance_km": "5k"}]),
        "races[0].distance_km",
        None,
    ),
    "week 60": (
        _document(weeks=[{"week": "2026-W60", "phase": "base"}]),
        "weeks[0].week",
        "must be an ISO week written like 2026-W48, not '2026-W60'",
    ),
    "week a number": (_document(weeks=[{"week": 48, "phase": "base"}]), "weeks[0].week", None),
    "bad phase": (
        _document(weeks=[{"week": "2026-W48", "phase": "rest"}]),
        "weeks[0].phase",
        "must be one of base, build, peak, taper, recovery",
    ),
    "week twice": (
        _document(
            weeks=[{"week": "2026-W48", "phase": "base"}, {"week": "2026-W48", "phase": "peak"}]
        ),
        "weeks[1].week",
        "repeats weeks[0].week",
    ),
    "body weight missing": (
        _document(body_weight=[{"date": "2026-01-01"}]),
        "body_weight[0].weight_kg",
        "must be a number from 0 to 1000 kg",
    ),
    "body weight twice a day": (
        _document(
            body_weight=[
                {"date": "2026-01-01", "weight_kg": 70},
                {"date": "2026-01-01", "weight_kg": 71},
            ]
        ),
        "body_weight[1].date",
        None,
    ),
    "deep junk as a session": (
        _document(sessions=_deep(10000)),
        "sessions[0]",
        "must be an object",
    ),
    "deep junk as a date": (_document(sessions=[_run(_deep(10000))]), "sessions[0].date", None),
    # The first problem in document order wins.
    "two bad sessions": (
        _document(sessions=[_run(kind="swim"), _run("x")]),
        "sessions[0].kind",
        None,
    ),
    "bad date before bad kind": (
        _document(sessions=[_run("x", kind="swim")]),
        "sessions[0].date",
        None,
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_document_names_the_path_of_its_first_problem(case):
    data, path, message = MALFORMED[case]
    with pytest.raises(BackupError) as error:
        parse_backup(data, CATALOGUE)  # reading never changes the document
    assert error.value.path == path
    if message is not None:
        assert error.value.message == message
    expected = f"{path}: {error.value.message}" if path else error.value.message
    assert str(error.value) == expected


@pytest.mark.parametrize(
    "text, path",
    [
        (EXAMPLE.replace('"weight_kg": 60.0', '"weight_kg": 1e309'), f"{SET0}.weight_kg"),
        (EXAMPLE.replace('"weight_kg": 60.0', '"weight_kg": NaN'), f"{SET0}.weight_kg"),
        (EXAMPLE.replace('"weight_kg": 60.0', '"weight_kg": -Infinity'), f"{SET0}.weight_kg"),
        (EXAMPLE.replace('"rpe": 7, "notes"', '"rpe": NaN, "notes"'), "sessions[0].rpe"),
        (EXAMPLE.replace('"notes": ""', '"notes": "\\ud800"', 1), "sessions[0].notes"),
        (EXAMPLE.replace('"reps": 8', '"reps": 1' + "0" * 400), f"{SET0}.reps"),
        (EXAMPLE.replace('"reps": 8', '"reps": ' + "9" * 5000), ""),  # beyond Python's int limit
        ("[" * 10000 + "]" * 10000, ""),
        (
            '{"format": "runstrength-backup", "version": 1, "sessions": '
            + "[" * 10000
            + "]" * 10000
            + "}",
            "",
        ),
        ("NaN", ""),
        ("", ""),
    ],
)
def test_malformed_text_names_the_path(text, path):
    with pytest.raises(BackupError) as error:
        loads_backup(text, CATALOGUE)
    assert error.value.path == path


def test_every_truncation_of_a_valid_document_is_refused():
    text = dumps_backup(full_logbook()).rstrip()
    data = text.encode()
    for end in range(len(data)):  # byte cuts also split multi-byte characters
        with pytest.raises(BackupError):
            loads_backup(data[:end], CATALOGUE)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_bytes_give_a_backup_error_or_a_logbook(data):
    with contextlib.suppress(BackupError):
        assert isinstance(loads_backup(data, CATALOGUE), Logbook)


FULL_DOCUMENT = dump_backup(full_logbook())
PLACES = list(json_places(FULL_DOCUMENT))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PLACES), json_values | st.just(DELETE))
def test_one_broken_value_anywhere_gives_a_backup_error_or_a_logbook(place, junk):
    doc = with_one_change(FULL_DOCUMENT, place, junk)
    with contextlib.suppress(BackupError):
        assert isinstance(parse_backup(doc, CATALOGUE), Logbook)


def test_a_recorded_run_keeps_its_laps_heart_rate_and_origin_through_a_backup(repo):
    run = Session(
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
    repo.save_session(run)
    text = dumps_backup(repo.export_logbook())
    doc = json.loads(text)
    (dumped,) = doc["sessions"]
    assert dumped["start_utc"] == "2026-11-24T06:05:12Z"
    assert dumped["laps"][1] == {
        "distance_km": 0.4,
        "seconds": 120.0,
        "avg_hr": 140.0,
        "max_hr": 150.0,
        "intensity": "rest",
        "trigger": "time",
    }
    (again,) = loads_backup(text, CATALOGUE).sessions
    assert again == run


def test_a_lap_with_a_wrong_heart_rate_is_refused_naming_its_path():
    doc = {"format": FORMAT, "version": VERSION, "sessions": [_run(laps=[{"avg_hr": 900}])]}
    with pytest.raises(BackupError) as caught:
        loads_backup(json.dumps(doc), CATALOGUE)
    assert caught.value.path == "sessions[0].laps[0].avg_hr"
    doc["sessions"] = [_run(start_utc="2026-11-24 06:05")]
    with pytest.raises(BackupError, match="UTC time") as caught:
        loads_backup(json.dumps(doc), CATALOGUE)
    assert caught.value.path == "sessions[0].start_utc"
