"""A season to a race: the strength work of every week from the start to race day and the
week after it, placed around the runs the runner planned.

How: season.season_weeks lays out the phases (base, build, peak, recovery every 4th or 5th
week, the taper, recovery after the race); then each week in turn gets the week planner's
sessions (weekplan.py), which follow the week's phase (002's emphasis, 003's loads, 000's
deloads and progression, 003's taper). Each week is planned on the logbook as the weeks
before it will have left it: their planned sessions taken as done, so the loads build from
the history, or from light work when there is none, as the season goes on.

What it replaces and keeps: the planned sessions and phases an earlier season plan wrote
(source `season`, domain/season.py) in the season's weeks are replaced; a week where the
runner planned strength work of their own is kept as it is (unless `replace_own`), and so
is a phase the runner set. Pure: no store, no files, no clock (`today` is passed in)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..domain.enums import Phase, Status, WeightUnit
from ..domain.season import SEASON_SOURCE, season_key
from ..domain.session import Race, Session, iso_week, monday_of, week_monday
from ..domain.summary import by_exercise, describe_sets
from .calendar import Calendar
from .plan_input import DAY, WEEK, LogbookReads, PlanInput, required_today
from .rules_progress import hard_weeks_before
from .season import WeekChoice, season_weeks
from .settings import DEFAULT_SETTINGS, PlanSettings
from .weekplan import HISTORY, Placement, week_plan


class SeasonReads(LogbookReads, Protocol):
    """What season_from_repository reads: store.Repository has it."""

    def sessions_between(self, first: dt.date, last: dt.date) -> list[Session]: ...

    def last_strength_before(self, day: dt.date, today: dt.date) -> Session | None: ...

    def season_phase_weeks(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> frozenset[str]: ...


CONTEXT = HISTORY + 4 * WEEK  # what the first week's plan reads before it


class SeasonError(ValueError):
    """No season can be planned (the race is before the start)."""


@dataclass(frozen=True)
class SeasonSession:
    session: Session  # planned, without an id; source "season" and its key
    reason: str  # why it goes on its day, and what it holds


@dataclass(frozen=True)
class SeasonWeek:
    monday: dt.date
    phase: Phase
    phase_reason: str
    placements: tuple[SeasonSession, ...] = ()
    summary: str = ""  # what kind of week the week planner made of it
    kept: tuple[Session, ...] = ()  # the runner's own planned strength work, kept
    given: bool = False  # the runner set the phase

    @property
    def week(self) -> str:
        return iso_week(self.monday)

    @property
    def sessions(self) -> list[Session]:
        return [p.session for p in self.placements]


@dataclass(frozen=True)
class SeasonPlan:
    race: Race
    start: dt.date
    weeks: tuple[SeasonWeek, ...]
    replaced_own: tuple[int, ...] = ()  # the runner's planned sessions it replaces (ids)

    @property
    def first(self) -> dt.date:
        return self.start

    @property
    def last(self) -> dt.date:
        """The Sunday of its last week (the recovery week after the race)."""
        return self.weeks[-1].monday + 6 * DAY if self.weeks else self.start

    @property
    def sessions(self) -> list[Session]:
        return [s for week in self.weeks for s in week.sessions]

    @property
    def phases(self) -> dict[str, Phase]:
        """The phases it writes: the runner's own stay as they are, so they are not here."""
        return {w.week: w.phase for w in self.weeks if not w.given}

    def weeks_to_go(self, day: dt.date) -> int:
        return max(0, (monday_of(self.race.date) - monday_of(day)).days // 7)

    def to_dict(self, unit: WeightUnit = WeightUnit.KG) -> dict[str, Any]:
        """The JSON of `plan --json`: {"race", "start", "weeks": [{"week", "phase", ...}]}."""
        return {
            "race": {
                "date": self.race.date.isoformat(),
                "name": self.race.name,
                "distance_km": self.race.distance_km,
            },
            "start": self.start.isoformat(),
            "weeks": [
                {
                    "week": w.week,
                    "phase": w.phase.value,
                    "reason": w.phase_reason,
                    "summary": w.summary,
                    "kept": [_session_dict(s, "", unit) for s in w.kept],
                    "sessions": [_session_dict(p.session, p.reason, unit) for p in w.placements],
                }
                for w in self.weeks
            ],
        }


def _session_dict(session: Session, reason: str, unit: WeightUnit) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "title": session.title,
        "reason": reason,
        "minutes": session.duration_min,
        "exercises": [
            {
                "exercise": name,
                "sets": len([e for e in sets if e.is_working]),
                "reps": next((e.reps for e in sets if e.reps is not None), None),
                "weight_kg": next((e.weight_kg for e in sets if e.weight_kg), None),
                "seconds": next((e.seconds for e in sets if e.seconds), None),
                "text": describe_sets(sets, unit),
            }
            for name, sets in by_exercise(session).items()
        ],
    }


def plan_season(
    plan: PlanInput,
    race: Race,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    *,
    start: dt.date | None = None,
    season_phases: frozenset[str] = frozenset(),
    replace_own: bool = False,
) -> SeasonPlan:
    """The season from `start` (default today; never before it) to `race` and the week
    after it. `plan` holds at least the half-year before the start and the season's weeks
    (PlanInput.from_repository, or a slice); `season_phases` are the weeks whose phase an
    earlier season plan wrote (the rest of the phases are the runner's). SeasonError when
    the race is before the start."""
    today = required_today(today)
    start = max(start or today, today)
    if race.date < start:
        raise SeasonError(f"{race.name} on {race.date} is before {start}: nothing to plan")
    first_monday = monday_of(start)
    last = season_span(race, start)[1]
    window = plan.slice(first_monday - CONTEXT, last + 2 * WEEK, today)

    def in_season(session: Session) -> bool:
        return session.status is Status.PLANNED and start <= session.date <= last

    earlier = [s for s in window.sessions if s.source == SEASON_SOURCE and in_season(s)]
    own = [
        s
        for s in window.sessions
        if s.is_strength and s.working_sets() and s.source != SEASON_SOURCE and in_season(s)
    ]
    dropped = {id(s) for s in earlier} | ({id(s) for s in own} if replace_own else set())
    sessions = [s for s in window.sessions if id(s) not in dropped]
    phases = {
        week: phase
        for week, phase in plan.phases.items()
        if week not in season_phases or not _week_in(week, first_monday, last)
    }
    given = {
        monday: phase
        for week, phase in phases.items()
        if _week_in(week, first_monday, last) and (monday := week_monday(week))
    }
    base = PlanInput(
        sessions, plan.races, phases, catalogue=plan.catalogue, body_weights=plan.body_weights
    )
    probe = Calendar(base, settings, today, first_monday, first_monday + 6 * DAY)
    layout = season_weeks(
        first_monday,
        race,
        settings,
        hard_before=hard_weeks_before(probe, first_monday),
        given=given,
        other_races=tuple(r for r in plan.races if r != race and r.date != race.date),
    )
    for choice in layout:
        phases[iso_week(choice.monday)] = choice.phase
    own_weeks = {} if replace_own else _by_week(own)
    weeks: list[SeasonWeek] = []
    for choice in layout:
        if choice.monday in own_weeks:
            weeks.append(
                SeasonWeek(
                    choice.monday,
                    choice.phase,
                    choice.reason,
                    summary="You planned this week's strength work yourself: kept as it is.",
                    kept=tuple(own_weeks[choice.monday]),
                    given=choice.given,
                )
            )
            continue
        week = _plan_week(sessions, plan, phases, choice, race, settings, today, start)
        weeks.append(week)
        sessions.extend(week.sessions)
    return SeasonPlan(
        race,
        start,
        tuple(weeks),
        tuple(s.id for s in own if replace_own and s.id is not None),
    )


def season_from_repository(
    repo: SeasonReads,
    race: Race,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    *,
    start: dt.date | None = None,
    replace_own: bool = False,
) -> SeasonPlan:
    """plan_season over what a repository holds around the season (anything with the
    Repository's read API: planning never imports the store). It reads the half-year before
    the start and the season's weeks, not the whole logbook."""
    today = required_today(today)
    begin = max(start or today, today)
    first, last = season_span(race, begin)
    read_from, read_to = monday_of(first) - CONTEXT, last + 2 * WEEK
    sessions = repo.sessions_between(read_from, read_to)
    before = repo.last_strength_before(read_from, today)
    plan = PlanInput(
        ([before] if before else []) + sessions,
        repo.races(),
        repo.week_phases(read_from, read_to),
        catalogue=repo.catalogue(),
        body_weights=repo.body_weight_rows(),
    )
    return plan_season(
        plan,
        race,
        settings,
        today,
        start=begin,
        season_phases=repo.season_phase_weeks(first, last),
        replace_own=replace_own,
    )


def season_span(race: Race, start: dt.date) -> tuple[dt.date, dt.date]:
    """The days a season plan from `start` to `race` covers: to the Sunday of the week
    after the race."""
    return start, monday_of(race.date) + WEEK + 6 * DAY


def _plan_week(
    sessions: list[Session],
    plan: PlanInput,
    phases: dict[str, Phase],
    choice: WeekChoice,
    race: Race,
    settings: PlanSettings,
    today: dt.date,
    start: dt.date,
) -> SeasonWeek:
    """One week's sessions, planned as of its Monday with the weeks before it done."""
    monday = choice.monday
    day = max(start, monday)
    projected = [
        replace(s, status=Status.DONE)
        if s.status is Status.PLANNED and today <= s.date < day
        else s
        for s in sessions
    ]
    trial = PlanInput(
        projected, plan.races, phases, catalogue=plan.catalogue, body_weights=plan.body_weights
    )
    # 003's taper ends with no strength work in the race's last days; nor the day after it.
    off = {race.date + i * DAY for i in range(-settings.taper_no_lower_days, 2)}
    week = week_plan(trial, monday, settings, day, days_off=off)
    free = [monday + i * DAY for i in range(7) if monday + i * DAY >= day]
    if not week.placements and monday == monday_of(race.date) and set(free) <= off:
        # A race early in the week leaves no day before its last four: upper body then, not
        # on the day before the race (the taper rule keeps legs out of it).
        near = {race.date + i * DAY for i in range(-1, 2)}
        week = week_plan(trial, monday, settings, day, days_off=near)
    placed = []
    for index_by_day, placement in _numbered(week.placements):
        session = replace(
            placement.session,
            source=SEASON_SOURCE,
            source_key=season_key(placement.session.date, index_by_day),
        )
        placed.append(SeasonSession(session, placement.reason))
    return SeasonWeek(
        monday,
        choice.phase,
        choice.reason,
        tuple(placed),
        week.summary,
        given=choice.given,
    )


def _numbered(placements: Iterable[Placement]) -> Iterator[tuple[int, Placement]]:
    """Each placement with its place among the week's placements on its day."""
    seen: dict[dt.date, int] = {}
    for placement in placements:
        day = placement.session.date
        seen[day] = seen.get(day, -1) + 1
        yield seen[day], placement


def _by_week(sessions: list[Session]) -> dict[dt.date, list[Session]]:
    found: dict[dt.date, list[Session]] = {}
    for session in sessions:
        found.setdefault(monday_of(session.date), []).append(session)
    return found


def _week_in(week: str, first_monday: dt.date, last: dt.date) -> bool:
    try:
        return first_monday <= week_monday(week) <= last
    except ValueError:
        return False
