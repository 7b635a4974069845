"""Suggestions that go with the flags: the next target per exercise (progressive overload,
000), deload loads (000) and the taper (003)."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from ..domain.enums import Side, Status, WeightUnit
from ..domain.session import Race, Session, SetEntry, monday_of
from ..domain.units import format_number, format_weight
from .calendar import Calendar
from .loads import round_load, same_load
from .plan_input import DAY, WEEK, PlanInput, required_today
from .rules_progress import is_light_week
from .settings import DEFAULT_SETTINGS, PlanSettings


@dataclass(frozen=True)
class Target:
    exercise: str
    sets: int
    reps: int | None  # None for timed holds
    weight_kg: float | None  # None for bodyweight work
    seconds: float | None = None
    reason: str = ""

    def describe(self, unit: WeightUnit) -> str:
        """'3 x 8 @ 62.5 kg', '3 x 12', '2 x 45 s'."""
        amount = f"{format_number(self.seconds or 0)} s" if self.reps is None else str(self.reps)
        text = f"{self.sets} x {amount}"
        return f"{text} @ {format_weight(self.weight_kg, unit)}" if self.weight_kg else text

    def set_entries(self) -> list[SetEntry]:
        """Planned working sets carrying this target (what a planned session holds)."""
        return [
            SetEntry(
                self.exercise,
                reps=self.reps,
                weight_kg=self.weight_kg,
                seconds=self.seconds,
                target_reps=self.reps,
                target_weight_kg=self.weight_kg,
            )
            for _ in range(self.sets)
        ]


def _working(session: Session, exercise: str | None) -> list[SetEntry]:
    return [
        e for e in session.sets if e.is_working and (exercise is None or e.exercise == exercise)
    ]


def _set_count(sets: list[SetEntry]) -> int:
    """Sets, counting a left and a right side as one set."""
    return (
        max(1, sum(1 for e in sets if e.side is not Side.RIGHT))
        if any(e.side is Side.LEFT for e in sets)
        else len(sets)
    )


def next_target(
    history: list[Session],
    unit: WeightUnit | None = None,
    *,
    exercise: str | None = None,
    settings: PlanSettings = DEFAULT_SETTINGS,
    current_e1rm: float | None = None,
) -> Target | None:
    """The next session's target from the last session in `history` (oldest first, as
    Repository.exercise_history returns it) that holds working sets of `exercise` (default:
    the exercise of its sets). None when there is nothing to go on.

    000 and 003: when every working set reached the top of the rep range (8-10), about 5 %
    more load, rounded to the plate step of `unit` (at least one step), at the bottom of the
    range; otherwise one more rep per set at the same load. A load under 65 % of the current
    e1RM (too light, 003) moves up to about 75 % of it. Bodyweight work climbs 10-15 reps
    (004), timed holds 5 s at a time."""
    unit = unit or settings.unit
    last = next((s for s in reversed(history) if _working(s, exercise)), None)
    if last is None:
        return None
    sets = _working(last, exercise)
    name = exercise or sets[0].exercise
    count = _set_count(sets)
    if all(e.reps is None for e in sets):
        longest = max((e.seconds or 0.0) for e in sets)
        if not longest:
            return None
        return Target(
            name,
            count,
            None,
            None,
            longest + settings.hold_step_seconds,
            f"{format_number(settings.hold_step_seconds)} s more per hold",
        )
    load = max((e.weight_kg or 0.0) for e in sets)
    reps = [e.reps or 0 for e in sets if same_load(e.weight_kg, load)]
    if not load:
        return _bodyweight(name, count, reps, settings)
    low, high = settings.rep_range_low, settings.rep_range_high
    shown = format_weight(load, unit)
    if current_e1rm and load < settings.too_light_fraction * current_e1rm:
        heavier = round_load(settings.working_fraction * current_e1rm, unit, above=load)
        return Target(
            name,
            count,
            low,
            heavier,
            reason=(
                f"{shown} is under {format_number(settings.too_light_fraction * 100, 0)} % of your "
                f"max: about {format_number(settings.working_fraction * 100, 0)} % for {low}-{high}"
            ),
        )
    if min(reps) > high:
        # 003: weights you can lift 12+ times are too light. Epley's estimate from the set
        # says where about 75 % of max is.
        estimate = load * (1 + min(reps) / 30) * settings.working_fraction
        heavier = round_load(estimate, unit, above=load)
        return Target(
            name,
            count,
            low,
            heavier,
            reason=(
                f"{min(reps)} reps at {shown} is too light: about "
                f"{format_number(settings.working_fraction * 100, 0)} % of max for {low}-{high}"
            ),
        )
    if min(reps) >= high:
        heavier = round_load(load * (1 + settings.overload_fraction), unit, above=load)
        return Target(
            name,
            count,
            low,
            heavier,
            reason=(
                f"every set reached {high} reps: about "
                f"{format_number(settings.overload_fraction * 100, 0)} % more load"
            ),
        )
    return Target(
        name,
        count,
        min(high, max(min(reps) + 1, low)),
        load,
        reason=f"one more rep per set at {shown}",
    )


def _bodyweight(name: str, count: int, reps: list[int], settings: PlanSettings) -> Target:
    top = settings.bodyweight_reps_high
    if min(reps) >= top:
        return Target(
            name,
            count,
            top,
            None,
            reason=f"every set reached {top} reps: add a little load or a harder variation",
        )
    return Target(name, count, min(top, min(reps) + 1), None, reason="one more rep per set")


def deload_target(
    name: str, e1rm_kg: float, reps: int, sets: int, settings: PlanSettings = DEFAULT_SETTINGS
) -> Target:
    """000: a deload week at about 60 % of the e1RM with half the reps."""
    load = round_load(settings.deload_load_fraction * e1rm_kg, settings.unit)
    return Target(
        name,
        sets,
        max(1, round(reps * settings.deload_reps_fraction)),
        load,
        reason=f"deload: about {format_number(settings.deload_load_fraction * 100, 0)}"
        " % of your max, half the reps",
    )


@dataclass(frozen=True)
class TaperGuide:
    """003: what the taper before `race` allows."""

    race: Race
    first_monday: dt.date  # the taper's first week
    max_sessions: int  # strength sessions a week
    no_legs_from: dt.date  # no lower-body work from this day to the race

    def text(self) -> str:
        return (
            f"Taper for {self.race.name} on {self.race.date:%a} {self.race.date}: "
            f"{self.max_sessions} strength session a week, no leg work from "
            f"{self.no_legs_from:%a} {self.no_legs_from}."
        )


def taper_guide(
    races: list[Race], day: dt.date, settings: PlanSettings = DEFAULT_SETTINGS
) -> TaperGuide | None:
    """The taper `day` falls in (its week starts within the race window before a race)."""
    monday = monday_of(day)
    for race in sorted(races, key=lambda r: r.date):
        if 0 <= (race.date - monday).days < settings.race_window_days:
            first = monday_of(race.date)
            while (race.date - (first - WEEK)).days < settings.race_window_days:
                first -= WEEK
            return TaperGuide(
                race,
                first,
                settings.taper_max_sessions,
                race.date - settings.taper_no_lower_days * DAY,
            )
    return None


def _normal_week(cal: Calendar, session: Session) -> bool:
    """Not a recovery, taper or light week: what a next step builds on."""
    monday = monday_of(session.date)
    return not cal.is_easy_week(monday) and not is_light_week(cal, monday)


def last_normal_sets(cal: Calendar, name: str, day: dt.date) -> list[SetEntry]:
    """The working sets of `name` in its last done session before `day` outside recovery
    and taper weeks (what the next step, or a taper, builds on)."""
    wanted = cal.facts(name).name
    for session in reversed(cal.strength):
        if session.date < day and session.status is Status.DONE and _normal_week(cal, session):
            sets = [e for e in cal.work(session) if cal.facts(e.exercise).name == wanted]
            if sets:
                return sets
    return []


def target_in(cal: Calendar, name: str, day: dt.date) -> Target | None:
    """The target for `name` on `day` from what was done before it: a deload target in a
    recovery week, else the next progressive-overload step. Recovery, taper and light
    (deload) weeks are left out of the history so the step builds on the last normal
    session."""
    facts = cal.facts(name)
    # The last such session is all the step needs: walked back from `day`, not the half-year.
    last = next(
        (
            s
            for s in reversed(cal.strength[: bisect.bisect_left(cal.strength_days, day)])
            if s.status is Status.DONE
            and any(cal.facts(e.exercise).name == facts.name for e in s.sets)
            and _normal_week(cal, s)
        ),
        None,
    )
    history = [] if last is None else [_only(last, cal, facts.name)]
    best = cal.current_e1rm(facts.name, day - DAY)
    if cal.is_recovery(monday_of(day)) and best:
        done = _working(history[-1], facts.name) if history else []
        reps = max((e.reps or 0) for e in done) if done else cal.settings.rep_range_low
        return deload_target(
            facts.name,
            best,
            reps or cal.settings.rep_range_low,
            _set_count(done) if done else 2,
            cal.settings,
        )
    return next_target(history, exercise=facts.name, settings=cal.settings, current_e1rm=best)


def _only(session: Session, cal: Calendar, name: str) -> Session:
    """The session with only `name`'s sets, under the catalogue's name."""
    sets = [
        SetEntry(name, e.set_type, e.reps, e.weight_kg, e.seconds, e.distance_km, e.side)
        for e in session.sets
        if cal.facts(e.exercise).name == name
    ]
    return Session(session.date, session.kind, session.status, sets=sets)


def targets_for_session(
    plan: PlanInput,
    session: Session,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
) -> dict[str, Target]:
    """The editor's "suggested target" for each exercise of `session`, from the 26 weeks
    before it."""
    today = required_today(today)
    window = plan.slice(session.date - 26 * WEEK, session.date, today)
    cal = Calendar(window, settings, today, session.date, session.date)
    targets = {}
    for name in session.exercise_names():
        target = target_in(cal, name, session.date)
        if target is not None:
            targets[name] = target
    return targets
