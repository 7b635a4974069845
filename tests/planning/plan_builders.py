"""Small builders for planning tests: runs, strength sessions and a check of one rule."""

from __future__ import annotations

import datetime as dt
import itertools

from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain.enums import Phase, RunType, SessionKind, SetType, Status
from runstrength_desktop.domain.exercise import Catalogue
from runstrength_desktop.domain.session import Race, Session, SetEntry, iso_week
from runstrength_desktop.planning import PlanInput, PlanSettings, check

CATALOGUE = Catalogue(shipped_exercises())  # planning reads no files: the tests pass it in

MONDAY = dt.date(2026, 3, 2)  # a Monday, 2026-W10
_ids = itertools.count(1)


def plan_input(sessions=(), races=(), phases=None) -> PlanInput:
    """What the planner reads, over the shipped catalogue."""
    return PlanInput(sessions, races, phases, catalogue=CATALOGUE)


def day(offset: int) -> dt.date:
    """MONDAY + offset days."""
    return MONDAY + dt.timedelta(days=offset)


def clock(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def sets(
    name: str,
    count: int = 3,
    reps: int | None = 8,
    kg: float | None = None,
    seconds: float | None = None,
    target: int | None = None,
    kind: SetType = SetType.WORKING,
) -> list[SetEntry]:
    return [
        SetEntry(
            name,
            kind,
            reps=reps,
            weight_kg=kg,
            seconds=seconds,
            target_reps=target,
            target_weight_kg=kg if target else None,
        )
        for _ in range(count)
    ]


def legs(kg: float = 60.0, reps: int = 8) -> list[SetEntry]:
    """A lower-body session's sets with calves and core."""
    return (
        sets("Back squat", 3, reps, kg)
        + sets("Standing calf raise", 3, 10, 40.0)
        + sets("Plank", 2, None, seconds=45)
    )


def upper() -> list[SetEntry]:
    """An upper-body session's sets with core (nothing that loads the legs)."""
    return sets("Push-up", 3, 10) + sets("Dumbbell row", 3, 8, 20.0) + sets("Dead bug", 2, 10)


def run(
    when: dt.date,
    run_type: RunType = RunType.EASY,
    start: str | None = None,
    order: int = 0,
    minutes: float | None = 45.0,
    status: Status = Status.DONE,
) -> Session:
    return Session(
        when,
        SessionKind.RUN,
        status,
        start=clock(start),
        order=order,
        run_type=run_type,
        distance_km=8.0,
        duration_min=minutes,
        id=next(_ids),
    )


def lift(
    when: dt.date,
    entries: list[SetEntry] | None = None,
    start: str | None = None,
    order: int = 1,
    minutes: float | None = 45.0,
    status: Status = Status.DONE,
    title: str = "",
) -> Session:
    return Session(
        when,
        SessionKind.STRENGTH,
        status,
        start=clock(start),
        order=order,
        title=title,
        duration_min=minutes,
        sets=list(entries if entries is not None else legs()),
        id=next(_ids),
    )


def race(when: dt.date, name: str = "Spring 10K", km: float = 10.0) -> Race:
    return Race(when, name, km)


def phases(**by_monday_offset_weeks: Phase) -> dict[str, Phase]:
    """phases(w0=Phase.RECOVERY) -> {'2026-W10': recovery}: weeks counted from MONDAY."""
    return {
        iso_week(MONDAY + dt.timedelta(weeks=int(key[1:]))): value
        for key, value in by_monday_offset_weeks.items()
    }


def flags(
    sessions,
    rule: str | None = None,
    races=(),
    week_phases=None,
    today: dt.date | None = None,
    settings: PlanSettings | None = None,
    first=None,
    last=None,
):
    """The flags of one rule (all rules when None), judged as of `today` (default: the day
    of the last session, so that everything is history and no empty week follows)."""
    plan = plan_input(sessions, races, week_phases or {})
    if today is None:
        today = max([s.date for s in sessions] + [MONDAY])
    return check(
        plan, settings or PlanSettings(), today, first, last, rules=None if rule is None else {rule}
    )


def weekly(
    weeks: int, per_week: int = 2, start: dt.date = MONDAY, entries=None, kg: float = 60.0
) -> list[Session]:
    """`per_week` lower-body sessions (Mon, Thu, Sat) in each of `weeks` weeks."""
    offsets = (0, 3, 5)[:per_week]
    return [
        lift(
            start + dt.timedelta(weeks=w, days=d),
            entries() if callable(entries) else entries if entries is not None else legs(kg),
        )
        for w in range(weeks)
        for d in offsets
    ]
