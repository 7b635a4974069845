"""A runner's logbook for season plans (tests of planning, store, CLI and window): eight
weeks of history, a marathon plan's planned runs, and the race."""

from __future__ import annotations

import datetime as dt

from runstrength_desktop.domain import (
    Race,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
)

DAY = dt.timedelta(days=1)
WEEK = 7 * DAY
T, IV, E, L, H, R = (
    RunType.TEMPO,
    RunType.INTERVALS,
    RunType.EASY,
    RunType.LONG,
    RunType.HILLS,
    RunType.RECOVERY,
)


def sets(name, count, reps, kg=None, seconds=None) -> list[SetEntry]:
    return [SetEntry(name, reps=reps, weight_kg=kg, seconds=seconds) for _ in range(count)]


def run(day, kind=RunType.EASY, status=Status.DONE, minutes=45.0, km=None) -> Session:
    if km is None:
        km = {RunType.LONG: 24.0, RunType.RACE: 42.2}.get(kind, minutes / 5.5)
    return Session(
        day, SessionKind.RUN, status, run_type=kind, distance_km=round(km, 1), duration_min=minutes
    )


def lift(day, entries, status=Status.DONE, order=1, title="") -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        status,
        order=order,
        title=title,
        duration_min=45.0,
        sets=list(entries),
    )


def history(first_monday: dt.date, weeks: int = 8) -> list[Session]:
    """`weeks` weeks of a runner who lifts twice a week, the squat rising, a deload in the
    5th week, around tempo, interval or hill, easy, recovery and long runs."""
    sessions = []
    for w in range(weeks):
        m = first_monday + w * WEEK
        deload = w == 4
        squat = (50 + 2.5 * (w // 2)) * (0.6 if deload else 1)
        n = 1 if deload else 2
        sessions += [
            run(m + DAY, T, minutes=50),
            run(m + 2 * DAY, E),
            run(m + 4 * DAY, IV if w % 2 else H, minutes=50),
            run(m + 5 * DAY, R, minutes=30),
            run(m + 6 * DAY, L, minutes=100),
            lift(
                m + DAY,
                sets("Back squat", 2 if deload else 3, 5 if deload else 8, squat)
                + sets("Bulgarian split squat", n, 8, 12.0)
                + sets("Romanian deadlift", n, 8, 40.0)
                + sets("Standing calf raise", n, 10, 40.0)
                + sets("Plank", n, None, seconds=45),
            ),
            lift(
                m + 3 * DAY,
                sets("Push-up", n, 12)
                + sets("Dumbbell row", n, 8, 20.0)
                + sets("Shoulder press", n, 8, 12.0)
                + sets("Dead bug", n, 10),
            ),
        ]
    return sessions


def run_plan(first: dt.date, weeks: int, race_day: dt.date) -> list[Session]:
    """A marathon plan's planned runs from `first`: hard days Tuesday and Friday, easy days
    between, the long run on Sunday; the race on its day."""
    runs = []
    monday = first - dt.timedelta(days=first.weekday())
    for w in range(weeks):
        m = monday + w * WEEK
        pattern = [None, T, E, None, IV if w % 2 else H, E, L]
        for offset, kind in enumerate(pattern):
            day = m + offset * DAY
            if kind is None or day < first or day > race_day:
                continue
            if day == race_day:
                kind = RunType.RACE
            minutes = {L: 100.0, RunType.RACE: 200.0}.get(kind, 50.0)
            runs.append(run(day, kind, Status.PLANNED, minutes))
    return runs


def marathon(day: dt.date) -> Race:
    return Race(day, "Spring marathon", 42.2)
