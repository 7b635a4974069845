"""Strong's four header forms and their quirks, on small files written here."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import SessionKind, SetType, Status, WeightUnit
from runstrength_desktop.domain.units import KG_PER_LB, KM_PER_MI, kg_to
from runstrength_desktop.interchange.importer import import_file, parse_export, plan_import
from runstrength_desktop.interchange.records import UnitNeeded
from runstrength_desktop.interchange.strong import snap_pounds

COMMA = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
SEMICOLON = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
)
STRONG6 = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
    '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
)


def plan_of(repo, text: str, **options):
    return plan_import(repo, parse_export(text.encode("utf-8"), **options))


def write(tmp_path, text: str, name="strong.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_comma_dialect_needs_the_unit_and_converts_pounds(repo):
    text = COMMA + (
        '2021-02-10 16:46:13,"Legs",1h 5m,"Squat (Barbell)",1,135,5,0,0,"","",\n'
        '2021-02-10 16:46:13,"Legs",1h 5m,"Squat (Barbell)",2,135.0,5.0,0,0,,,8\n'
    )
    with pytest.raises(UnitNeeded, match="--unit kg, --unit lb, or --unit auto") as asked:
        parse_export(text.encode())
    assert not asked.value.guess.sure  # two loads say nothing
    with pytest.raises(UnitNeeded, match="do not tell for sure"):
        parse_export(text.encode(), unit="auto")
    plan = plan_of(repo, text, unit=WeightUnit.LB)
    [session] = plan.sessions
    assert session.title == "Legs" and session.duration_min == 65
    assert session.date == dt.date(2021, 2, 10) and session.start == dt.time(16, 46)
    assert session.source == "strong" and session.source_key == "2021-02-10 16:46:13"
    assert session.status is Status.DONE and session.kind is SessionKind.STRENGTH
    assert [s.exercise for s in session.sets] == ["Back squat", "Back squat"]
    assert session.sets[0].weight_kg == pytest.approx(135 * KG_PER_LB)
    assert session.sets[1].reps == 5 and session.sets[1].rpe == 8
    assert plan.report.unit == "lb" and plan.report.dialect == "comma"
    kilos = plan_of(repo, text, unit=WeightUnit.KG)
    assert kilos.sessions[0].sets[0].weight_kg == 135


def test_older_ten_and_eleven_column_forms_are_read_by_name(repo):
    ten = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes\n2019-05-01 07:00:00,Push,Bench Press (Barbell),1,60,8,0,0,,\n"
    )
    eleven = (
        "Workout Name,Date,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes\nPush,2019-05-01 07:00:00,40m,Bench Press (Barbell),1,60,8,0,"
        "0,,\n"
    )
    for text in (ten, eleven):
        plan = plan_of(repo, text, unit=WeightUnit.KG)
        [session] = plan.sessions
        assert session.title == "Push" and session.sets[0].weight_kg == 60
        assert session.sets[0].exercise == "Bench press" and session.sets[0].reps == 8
    assert plan.sessions[0].duration_min == 40


def test_set_orders_rest_timers_and_notes(repo):
    text = COMMA + (
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",W,40,10,0,0,"",,\n'
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",1,100,5,0,0,,,\n'
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",Rest Timer,0,0,0,120.0,,,\n'
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",D,80,8,0,0,,,\n'
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",F,70,6,0,0,,,\n'
        '2021-08-11 15:10:03,"PULL DAY",55m,"Deadlift (Barbell)",Note,0,0,0,0,"brace hard",,\n'
    )
    plan = plan_of(repo, text, unit=WeightUnit.KG)
    [session] = plan.sessions
    assert [s.set_type for s in session.sets] == [
        SetType.WARMUP,
        SetType.WORKING,
        SetType.DROP,
        SetType.FAILURE,
    ]
    assert session.notes == "Deadlift (Barbell): brace hard"
    assert plan.report.pseudo_rows == 2 and plan.report.sets == 4 and not plan.report.skipped


def test_workouts_are_grouped_by_exact_start(repo):
    text = COMMA + (
        "2021-02-10 07:00:00,Morning,30m,Plank,1,0,0,0,60,,,\n"
        "2021-02-10 18:30:05,Evening,1h,Deadlift (Barbell),1,100,5,0,0,,,\n"
        "2021-02-10 07:00:00,Morning,30m,Plank,2,0,0,0,45,,,\n"
    )
    plan = plan_of(repo, text, unit=WeightUnit.KG)
    assert [(s.title, len(s.sets), s.source_key) for s in plan.sessions] == [
        ("Morning", 2, "2021-02-10 07:00:00"),
        ("Evening", 1, "2021-02-10 18:30:05"),
    ]
    assert plan.sessions[0].sets[1].seconds == 45 and plan.sessions[0].sets[1].reps is None


@pytest.mark.parametrize(
    "duration, minutes",
    [
        ("2h 18m", 138),
        ("31m", 31),
        ("1h", 60),
        ("55s", pytest.approx(55 / 60, abs=0.01)),
        ("48h 40m", 2920),  # a timer left running: kept as recorded (durations.py)
        ("200h", None),  # beyond a week: no duration
        ("", None),
        ("soon", None),
    ],
)
def test_duration_text(repo, duration, minutes):
    text = COMMA + f"2021-02-10 07:00:00,W,{duration},Plank,1,0,0,0,60,,,\n"
    assert plan_of(repo, text, unit=WeightUnit.KG).sessions[0].duration_min == minutes


def test_bom_crlf_multiline_notes_and_latin1(repo, tmp_path):
    body = COMMA + (
        '2021-02-10 16:46:13,"Mittwoch",1h,"Bench Press (Barbell)",1,75.0,8,0,0,'
        '"Schulter\nschmerzen, ""leicht""","Grün & Blau",\n'
    )
    crlf = "\ufeff" + body.replace("\n", "\r\n", 1)  # header line CRLF, the note keeps its \n
    for path in (
        write(tmp_path, crlf, "bom.csv"),
        write(tmp_path, body, "latin1.csv", encoding="latin-1"),
    ):
        plan = plan_import(repo, parse_export(path.read_bytes(), unit=WeightUnit.KG))
        [session] = plan.sessions
        assert session.notes == (
            'Grün & Blau\nBench Press (Barbell): Schulter\nschmerzen, "leicht"'
        )
        assert session.sets[0].weight_kg == 75


def test_bad_rows_are_skipped_with_line_and_reason(repo, tmp_path):
    text = COMMA + (
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),1,100,5,0,0,,,\n"
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),2,heavy,5,0,0,,,\n"
        "2021-02-30 07:00:00,W,1h,Deadlift (Barbell),1,100,5,0,0,,,\n"
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),3,100,5.5,0,0,,,\n"
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),X,100,5,0,0,,,\n"
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),4,100,5,0,0,,,11\n"
        "2021-02-10 07:00:00,W,1h,Deadlift (Barbell),5,100,5\n"
    )
    report = import_file(repo, write(tmp_path, text), unit=WeightUnit.KG)
    assert [(s.line, s.reason) for s in report.skipped] == [
        (3, "Weight: not a number: 'heavy'"),
        (4, "Date: not a real date and time written YYYY-MM-DD HH:MM:SS: '2021-02-30 07:00:00'"),
        (5, "Reps: must be a whole number, not '5.5'"),
        (6, "Set Order: unknown set order 'X'"),
        (7, "RPE: must be a number from 1 to 10 in half steps"),
        (8, "has 7 fields where the header has 12 (fields are separated by commas)"),
    ]
    assert report.sets == 1 and repo.count_sessions() == 1


def test_semicolon_dialect_has_a_unit_per_row(repo):
    text = SEMICOLON + (
        '2022-09-20 16:39:37;"Week B";"Bench Press (Barbell)";1;115;lbs;4;6;;;0;"";"";17m\n'
        '2022-09-20 16:39:37;"Week B";"Bench Press (Barbell)";2;52,5;kg;4;;;;0;;;17m\n'
        '2022-09-20 16:39:37;"Week B";"Pull Up (Band)";1;;;10;;;;0;"negatives";;17m\n'
        '2022-09-20 16:39:37;"Week B";"Rowing (Machine)";1;;;;;1.5;mi.;600;;;17m\n'
    )
    plan = plan_of(repo, text)
    [session] = plan.sessions
    bench_lb, bench_kg, pull_up, rowing = session.sets
    assert bench_lb.weight_kg == pytest.approx(115 * KG_PER_LB) and bench_lb.rpe == 6
    assert bench_kg.weight_kg == 52.5
    assert pull_up.weight_kg is None and pull_up.reps == 10 and pull_up.exercise == "Pull-up (band)"
    assert rowing.exercise == "Rowing machine" and rowing.seconds == 600
    assert rowing.distance_km == pytest.approx(1.5 * KM_PER_MI)
    assert session.duration_min == 17 and plan.report.unit == "lb"
    assert "Pull Up (Band): negatives" in session.notes


def test_quoted_2018_form(repo):
    text = (
        '"Date;Workout Name;Exercise Name;Set Order;lbs;Reps;mi.;Seconds;Notes;'
        'Workout Notes"\n'
        '"2018-03-01 06:30:00;""Morning"";""Deadlift (Barbell)"";1;225;5;0;0;""felt; '
        'good"";"""""\n'
        '"2018-03-01 06:30:00;""Morning"";""Running"";1;0;0;3.1;1500;"""";"""""\n'
    )
    plan = plan_of(repo, text)
    assert plan.report.dialect == "quoted-2018" and plan.report.unit == "lb"
    strength, run = plan.sessions
    assert strength.sets[0].weight_kg == pytest.approx(225 * KG_PER_LB)
    assert strength.notes == "Deadlift (Barbell): felt; good"
    assert run.kind is SessionKind.RUN and run.distance_km == pytest.approx(3.1 * KM_PER_MI)
    assert run.duration_min == 25 and run.source_key == "2018-03-01 06:30:00 run 1"


def test_strong6_groups_by_workout_number_and_reads_seconds_and_metres(repo):
    text = STRONG6 + (
        '"7";"2025-02-17 18:35:58";"Push #3";"3130";"Cycling (Indoor)";"1";"";"";"";'
        '"8000.0";"1200.0";"";"warm"\n'
        '"7";"2025-02-17 18:35:58";"Push #3";"3130";"Bench Press (Barbell)";"WARM_UP";"40.0";'
        '"10";"";"";"";"";"warm"\n'
        '"7";"2025-02-17 18:35:58";"Push #3";"3130";"Bench Press (Barbell)";"1";'
        '"65.181223569";"5";"8.5";"";"";"";"warm"\n'
        '"7";"2025-02-17 18:35:58";"Push #3";"3130";"Bench Press (Barbell)";"FAILURE";"60.0";'
        '"3";"";"";"";"";"warm"\n'
        '"7";"2025-02-17 18:35:58";"Push #3";"3130";"Bench Press (Barbell)";"Rest Timer";"";'
        '"";"";"";"150.0";"";"warm"\n'
        '"8";"2025-02-18 09:00:00";"Legs";"60";"Squat (Barbell)";"1";"100";"5";"";"";"";"";""\n'
    )
    plan = plan_of(repo, text)
    push, legs = plan.sessions
    cycling, warm, snapped, failure = push.sets
    assert cycling.exercise == "Cycling" and cycling.distance_km == 8 and cycling.seconds == 1200
    assert warm.set_type is SetType.WARMUP and failure.set_type is SetType.FAILURE
    assert kg_to(snapped.weight_kg, WeightUnit.LB) == pytest.approx(143.7, abs=1e-9)
    assert snapped.weight_kg == 143.7 * KG_PER_LB and snapped.rpe == 8.5
    assert failure.weight_kg == 60.0
    assert push.duration_min == pytest.approx(3130 / 60, abs=0.01) and push.notes == "warm"
    assert legs.duration_min == 1 and legs.source_key == "2025-02-18 09:00:00"
    assert plan.report.pseudo_rows == 1 and plan.report.dialect == "strong6"


@pytest.mark.parametrize(
    "kg, snapped",
    [
        (65.181223569, True),
        (60.0, False),
        (11.25, False),
        (8.75, False),
        (33.33, False),
        (20.411656650000001, True),
        (12.3456, False),
    ],
)
def test_pound_residue_is_snapped_only_when_clearly_converted(kg, snapped):
    value, was_pounds = snap_pounds(kg)
    assert was_pounds is snapped
    if snapped:
        assert value / KG_PER_LB == pytest.approx(round(kg / KG_PER_LB, 1), abs=1e-9)
    else:
        assert value == kg
