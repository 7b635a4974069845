"""An iCalendar plan of runs: a coach's week (timed and all-day events, a time zone, a
recurring easy run, a rest day) and a plan generator's miles, read into planned runs with
their types, distances and durations; imported again it updates instead of adding, also
after a run was done or completed by a watch's file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from runstrength_desktop.cli import main
from runstrength_desktop.domain import RunType, Session, SessionKind, Status, WeightUnit
from runstrength_desktop.interchange.ical import export_ics
from runstrength_desktop.interchange.ical_import import (
    described,
    distance_km,
    duration_min,
    import_calendar,
    looks_like_ical,
    uid_key,
)
from runstrength_desktop.interchange.records import ImportProblem

TODAY = dt.date(2026, 12, 1)  # the pinned clock (tests/conftest.py)

COACH = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example Coaching//Plan 1.0//EN\r
X-WR-CALNAME:Marathon block\r
BEGIN:VTIMEZONE\r
TZID:Europe/Berlin\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:19700329T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:7kukuqrfedlm2f9t0vgl2eafjq@google.com\r
DTSTAMP:20261120T090000Z\r
DTSTART;TZID=Europe/Berlin:20261201T071500\r
DTEND;TZID=Europe/Berlin:20261201T082000\r
SUMMARY:Tempo 12 km\r
DESCRIPTION:3 km easy\\, 6 km at threshold\\, 3 km easy\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2c1f0e9a-4b7d-4f8e-9a51-0d2e6f3b7c11\r
DTSTAMP:20261120T090000Z\r
DTSTART;VALUE=DATE:20261203\r
DTEND;VALUE=DATE:20261204\r
SUMMARY:Track: 6x800m\r
DESCRIPTION:2 km warm-up\\, 6 x 800 m at 5K pace with 400 m jog\\, 2 km cool-down.\\n\r
 About 55 min.\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:long-sun-w49@coach.example\r
DTSTAMP:20261120T090000Z\r
DTSTART;VALUE=DATE:20261206\r
SUMMARY:Long run 1h45\r
DESCRIPTION:Steady\\, last 20 min at marathon pace.\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:rest-mon-w49@coach.example\r
DTSTAMP:20261120T090000Z\r
DTSTART;VALUE=DATE:20261130\r
SUMMARY:Rest day\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:swim-w49@coach.example\r
DTSTAMP:20261120T090000Z\r
DTSTART;VALUE=DATE:20261204\r
SUMMARY:Swim 45 min\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:easy-weekly@coach.example\r
DTSTAMP:20261120T090000Z\r
DTSTART;TZID=Europe/Berlin:20261202T180000\r
DURATION:PT45M\r
RRULE:FREQ=WEEKLY;COUNT=3\r
EXDATE;TZID=Europe/Berlin:20261209T180000\r
SUMMARY:Easy 8k\r
END:VEVENT\r
END:VCALENDAR\r
"""

# A plan generator's marathon weeks in miles, all-day events (the style of calendar tools
# that turn a book's plan into events).
GENERATOR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//plan generator//EN
BEGIN:VEVENT
UID:plan-2026-12-08
DTSTART;VALUE=DATE:20261208
SUMMARY:Lactate Threshold 10 mi w/ 5 mi @ LT
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-09
DTSTART;VALUE=DATE:20261209
SUMMARY:Recovery 5 mi
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-10
DTSTART;VALUE=DATE:20261210
SUMMARY:General Aerobic 8 mi
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-11
DTSTART;VALUE=DATE:20261211
SUMMARY:Rest or cross-train
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-12
DTSTART;VALUE=DATE:20261212
SUMMARY:VO2max 8 mi w/ 5 x 600 m
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-13
DTSTART;VALUE=DATE:20261213
SUMMARY:Medium-long run 13 mi
END:VEVENT
BEGIN:VEVENT
UID:plan-2026-12-20
DTSTART;VALUE=DATE:20261220
SUMMARY:Half marathon tune-up race
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture(autouse=True)
def berlin(monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "Europe/Berlin")


def write(tmp_path, text, name="plan.ics"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def runs(repo):
    return [s for s in repo.all_sessions() if s.is_run]


def by_title(repo):
    return {s.title: s for s in runs(repo)}


def test_a_coach_plan_becomes_planned_runs_with_types_distances_and_durations(repo, tmp_path):
    report = import_calendar(repo, write(tmp_path, COACH), today=TODAY)
    assert report.events == 7 and len(report.new) == 5
    assert {why for _e, why in report.skipped} == {
        "the title says 'Rest'",
        "the title says 'Swim'",
    }
    found = by_title(repo)
    tempo = found["Tempo 12 km"]
    assert (tempo.date, tempo.start, tempo.run_type) == (
        dt.date(2026, 12, 1),
        dt.time(7, 15),
        RunType.TEMPO,
    )
    assert tempo.distance_km == 12.0 and tempo.duration_min == 65.0  # the event's length
    assert tempo.status is Status.PLANNED and tempo.notes.startswith("3 km easy, 6 km")
    track = found["Track: 6x800m"]
    assert track.run_type is RunType.INTERVALS and track.start is None
    assert track.distance_km is None and track.duration_min == 55.0  # 6 x 800 m: no total
    long = found["Long run 1h45"]
    assert long.run_type is RunType.LONG and long.duration_min == 105.0
    easy = sorted((s for s in runs(repo) if s.title == "Easy 8k"), key=lambda s: s.date)
    assert [s.date for s in easy] == [dt.date(2026, 12, 2), dt.date(2026, 12, 16)]  # EXDATE
    assert {(s.start, s.distance_km, s.duration_min) for s in easy} == {(dt.time(18, 0), 8.0, 45.0)}
    assert len({s.plan_uid for s in easy}) == 2
    assert all(s.run_type_reason.startswith("the calendar's event") for s in runs(repo))


def test_a_plan_in_miles_with_its_words(repo, tmp_path):
    import_calendar(repo, write(tmp_path, GENERATOR), today=TODAY)
    found = by_title(repo)
    assert found["Lactate Threshold 10 mi w/ 5 mi @ LT"].run_type is RunType.TEMPO
    assert found["Lactate Threshold 10 mi w/ 5 mi @ LT"].distance_km == pytest.approx(16.093)
    assert found["Recovery 5 mi"].run_type is RunType.RECOVERY
    assert found["General Aerobic 8 mi"].run_type is RunType.EASY
    assert found["VO2max 8 mi w/ 5 x 600 m"].run_type is RunType.INTERVALS
    assert found["Medium-long run 13 mi"].run_type is RunType.LONG
    race = found["Half marathon tune-up race"]
    assert race.run_type is RunType.RACE and race.distance_km == pytest.approx(21.0975)
    assert "Rest or cross-train" not in found


def test_importing_again_updates_instead_of_adding(repo, tmp_path):
    path = write(tmp_path, COACH)
    import_calendar(repo, path, today=TODAY)
    first = {s.plan_uid: s for s in runs(repo)}
    again = import_calendar(repo, path, today=TODAY)
    assert (len(again.new), len(again.updated), again.unchanged) == (0, 0, 5)
    assert {s.plan_uid: s for s in runs(repo)} == first
    # The coach moves the tempo run to Wednesday, makes it 14 km and adds a strides session.
    changed = (
        COACH.replace("20261201T071500", "20261202T071500")
        .replace("20261201T082000", "20261202T083000")
        .replace("Tempo 12 km", "Tempo 14 km")
        .replace(
            "END:VCALENDAR",
            "BEGIN:VEVENT\r\nUID:strides@coach.example\r\nDTSTAMP:20261120T090000Z\r\n"
            "DTSTART;VALUE=DATE:20261205\r\nSUMMARY:Easy run + strides 40 min\r\n"
            "END:VEVENT\r\nEND:VCALENDAR",
        )
    )
    report = import_calendar(repo, write(tmp_path, changed, "changed.ics"), today=TODAY)
    assert (len(report.new), len(report.updated), report.unchanged) == (1, 1, 4)
    tempo = next(s for s in runs(repo) if s.plan_uid == "7kukuqrfedlm2f9t0vgl2eafjq@google.com")
    old = first["7kukuqrfedlm2f9t0vgl2eafjq@google.com"]
    assert tempo.id == old.id and tempo.date == dt.date(2026, 12, 2)
    assert (tempo.title, tempo.distance_km, tempo.duration_min) == ("Tempo 14 km", 14.0, 75.0)
    assert len(runs(repo)) == 6


def test_a_run_done_or_completed_by_a_watch_keeps_its_event(repo, tmp_path):
    path = write(tmp_path, COACH)
    import_calendar(repo, path, today=TODAY)
    tempo = by_title(repo)["Tempo 12 km"]
    recorded = tempo.copy(status=Status.DONE, distance_km=12.4, duration_min=61.0)
    recorded.take_identity(tempo)
    recorded.source, recorded.source_key = "fit", "2026-12-01T07:16:02"
    repo.import_runs([], [recorded])  # what completing it from a FIT file writes
    track = by_title(repo)["Track: 6x800m"]
    repo.save_session(dataclasses.replace(track, status=Status.DONE, distance_km=9.0))
    report = import_calendar(repo, path, today=TODAY)
    assert report.kept_done == 2 and report.new == [] and report.updated == []
    done = repo.session(tempo.id)
    assert done.status is Status.DONE and done.source == "fit" and done.plan_uid == tempo.plan_uid
    assert done.from_plan and done.planned_km == 12.0
    assert len(runs(repo)) == 5


def test_this_apps_own_export_is_not_imported_twice(repo, tmp_path):
    repo.save_session(Session(TODAY, SessionKind.RUN, Status.PLANNED, distance_km=8))
    path = write(tmp_path, export_ics(repo, WeightUnit.KG))
    with pytest.raises(ImportProblem, match="none of its 1 events is a planned run"):
        import_calendar(repo, path, today=TODAY)
    assert len(runs(repo)) == 1


def test_a_broken_file_names_itself_and_imports_nothing(repo, tmp_path):
    path = write(tmp_path, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:notadate\nEND:VCALENDAR\n")
    with pytest.raises(ImportProblem) as problem:
        import_calendar(repo, path, today=TODAY)
    assert str(path) in str(problem.value) and "nothing was imported" in str(problem.value)
    empty = write(tmp_path, "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "empty.ics")
    with pytest.raises(ImportProblem, match="no events"):
        import_calendar(repo, empty, today=TODAY)
    assert runs(repo) == []


def test_the_command_line_finds_the_format_by_the_content(db_path, tmp_path, capsys):
    path = write(tmp_path, COACH, "plan.txt")  # not named .ics: found by what it holds
    assert main(["--db", str(db_path), "import", str(path), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "ical" and report["runs"] == 5 and report["dry_run"]
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    assert "added 5 planned runs" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", str(path), "--format", "ical"]) == 0
    assert "5 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("Tempo 10 km", 10.0),
        ("Easy 8k", 8.0),
        ("6 mi recovery", pytest.approx(9.656)),
        ("Long run 21,1 km", 21.1),
        ("6x800m", None),
        ("5 x 1 km", None),
        ("Marathon", pytest.approx(42.195)),
        ("Half-marathon pace run", pytest.approx(21.0975)),
        ("Hill sprints", None),
    ],
)
def test_distances_in_words(text, km):
    assert distance_km(text) == km


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("45 min easy", 45.0),
        ("Long run 1h45", 105.0),
        ("1:15 h steady", 75.0),
        ("2 h trail", 120.0),
        ("50' tempo", 50.0),
        ("6 x 3 min hills", None),
        ("Tempo 10 km", None),
    ],
)
def test_durations_in_words(text, minutes):
    assert duration_min(text) == minutes


def test_a_description_gives_a_total_when_it_says_one():
    assert described(distance_km, "2 km warm-up, 6 x 800 m, 2 km cool-down") is None
    assert described(distance_km, "Warm up well.\nDistance: 14 km, 3 km at the end fast") == 14
    assert described(distance_km, "Steady along the river, about 11 km") == 11
    assert described(duration_min, "Track. 90 s jog recoveries. About 55 min.") == 55
    assert described(duration_min, "") is None


def test_what_a_calendar_file_looks_like_and_long_uids():
    assert looks_like_ical(b"\xef\xbb\xbf\r\nBEGIN:VCALENDAR\r\nVERSION:2.0")
    assert not looks_like_ical(b"Date,Workout Name,Exercise Name")
    long = "040000008200E00074C5B7101A82E00800000000" * 4
    assert uid_key("short@x") == "short@x" and len(uid_key(long)) <= 120
    assert uid_key(long) == uid_key(long)
