"""The iCalendar export: planned sessions only, in the range, with UIDs that stay the same
across exports so that a calendar app updates its events instead of adding new ones."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Status,
    WeightUnit,
)
from runstrength_desktop.interchange.ical import export_ics

# Runs on each pinned day (tests/conftest.py): month ends, the new year, a leap day.
pytestmark = pytest.mark.dates


DAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def events(text: str) -> dict[str, dict]:
    calendar = Calendar.from_ical(text)
    assert str(calendar["version"]) == "2.0" and "RunStrength" in str(calendar["prodid"])
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def seed(repo):
    strength = repo.save_session(
        Session(
            DAY,
            SessionKind.STRENGTH,
            Status.PLANNED,
            start=dt.time(18, 30),
            title="Legs",
            duration_min=40,
            notes="after the run",
            sets=[
                SetEntry("Back squat", SetType.WARMUP, target_reps=8, target_weight_kg=40),
                SetEntry("Back squat", target_reps=5, target_weight_kg=100),
                SetEntry("Plank", seconds=45),
            ],
        )
    )
    run = repo.save_session(
        Session(DAY, SessionKind.RUN, Status.PLANNED, run_type=RunType.TEMPO, distance_km=10)
    )
    repo.save_session(Session(DAY, SessionKind.RUN, Status.DONE, distance_km=5))
    repo.save_session(
        Session(DAY + dt.timedelta(days=30), SessionKind.RUN, Status.PLANNED, distance_km=8)
    )
    return strength, run


def test_planned_sessions_in_the_range_become_events(repo):
    strength, run = seed(repo)
    found = events(export_ics(repo, WeightUnit.KG, DAY, DAY + dt.timedelta(days=7), now=NOW))
    assert set(found) == {
        f"session-{strength.id}@runstrength-desktop",
        f"session-{run.id}@runstrength-desktop",
    }
    legs = found[f"session-{strength.id}@runstrength-desktop"]
    assert str(legs["summary"]) == "Legs"
    assert legs.decoded("dtstart") == dt.datetime(2026, 3, 2, 18, 30)
    assert legs.decoded("dtend") == dt.datetime(2026, 3, 2, 19, 10)
    assert str(legs["description"]) == (
        "Back squat: 8 × 40 kg (warmup), 5 × 100 kg\nPlank: 45 s\nafter the run"
    )
    tempo = found[f"session-{run.id}@runstrength-desktop"]
    assert str(tempo["summary"]) == "Tempo run 10 km"
    assert tempo.decoded("dtstart") == DAY and tempo.decoded("dtend") == DAY + dt.timedelta(days=1)


def test_uids_are_stable_when_a_session_moves_or_changes(repo):
    strength, run = seed(repo)
    first = events(export_ics(repo, WeightUnit.KG, DAY, DAY + dt.timedelta(days=7), now=NOW))
    repo.move_session(strength.id, DAY + dt.timedelta(days=2))
    changed = repo.session(run.id)
    changed.distance_km = 12
    repo.save_session(changed)
    second = events(export_ics(repo, WeightUnit.KG, DAY, DAY + dt.timedelta(days=7), now=NOW))
    assert set(first) == set(second)
    moved = second[f"session-{strength.id}@runstrength-desktop"]
    assert moved.decoded("dtstart").date() == DAY + dt.timedelta(days=2)
    assert str(second[f"session-{run.id}@runstrength-desktop"]["summary"]) == "Tempo run 12 km"


def test_pounds_and_the_default_range(repo):
    today = clock.today()
    repo.save_session(
        Session(
            today,
            SessionKind.STRENGTH,
            Status.PLANNED,
            sets=[SetEntry("Back squat", target_reps=5, target_weight_kg=100)],
        )
    )
    repo.save_session(Session(today + dt.timedelta(days=400), SessionKind.RUN, Status.PLANNED))
    found = list(events(export_ics(repo, WeightUnit.LB)).values())
    assert len(found) == 1
    assert str(found[0]["summary"]) == "Strength: Back squat"
    assert str(found[0]["description"]) == "Back squat: 5 × 220.5 lb"
