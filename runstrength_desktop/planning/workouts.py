"""What goes into a planned strength session: exercises from the catalogue that cover the
legs, calves, upper body and core, dosed from the user's history and targets. A first-timer
gets bodyweight work (004: start with bodyweight, 2-3 sets of 10-15)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..domain.enums import Category, Measure, Muscle, Region, SessionKind, Status
from ..domain.exercise import Exercise
from ..domain.metrics import set_volume
from ..domain.session import Session, SetEntry, monday_of
from .calendar import WEEK, Calendar
from .loads import round_load
from .progression import Target, deload_target, target_in

LOWER, UPPER, FULL = "lower", "upper", "full"
TITLES = {LOWER: "Lower body + calves + core", UPPER: "Upper body + core", FULL: "Full body"}
NORMAL, DELOAD, TAPER = "normal", "deload", "taper"


@dataclass(frozen=True)
class Slot:
    """One exercise a session needs: which exercises fill it and the bodyweight default."""

    name: str
    default: str
    primary: tuple[Muscle, ...] = ()
    region: Region | None = None
    category: Category = Category.STRENGTH
    calf: bool = False

    def fits(self, exercise: Exercise) -> bool:
        if exercise.category is not self.category or not exercise.muscles:
            return False
        if self.calf:
            return Muscle.CALVES in exercise.muscles
        if Muscle.CALVES in exercise.muscles:
            return False
        if self.region is not None and exercise.region is not self.region:
            return False
        return not self.primary or exercise.muscles[0] in self.primary


SQUAT = Slot("squat", "Air squat", (Muscle.QUADS,), Region.LOWER)
HINGE = Slot("hinge", "Glute bridge", (Muscle.HAMSTRINGS, Muscle.GLUTES), Region.LOWER)
CALF = Slot("calf", "Single-leg heel raise", calf=True)
CORE = Slot("core", "Plank", region=Region.CORE, category=Category.CORE_HOLD)
CORE_2 = Slot("core", "Dead bug", region=Region.CORE, category=Category.CORE_HOLD)
PUSH = Slot("push", "Push-up", (Muscle.CHEST, Muscle.SHOULDERS), Region.UPPER)
PULL = Slot("pull", "Inverted row", (Muscle.UPPER_BACK,), Region.UPPER)
SLOTS = {
    LOWER: (SQUAT, HINGE, CALF, CORE),
    UPPER: (PUSH, PULL, CORE_2),
    FULL: (SQUAT, CALF, PUSH, PULL, CORE),
}

FIRST_REPS = 10  # 004: bodyweight work starts at 2-3 sets of 10-15
FIRST_HOLD_SECONDS = 30.0


def choose_exercises(cal: Calendar, kind: str, day: dt.date) -> list[str]:
    """For each slot, the fitting exercise done most often in the 8 weeks before `day`
    (the latest on a tie), else the slot's bodyweight default."""
    recent: Counter = Counter()
    last_seen: dict[str, dt.date] = {}
    since = day - cal.settings.e1rm_weeks * WEEK
    for session in cal.strength:
        if since <= session.date < day and session.status is Status.DONE:
            for name in {cal.facts(e.exercise).name for e in session.working_sets()}:
                recent[name] += 1
                last_seen[name] = session.date
    chosen: list[str] = []
    for slot in SLOTS[kind]:
        fitting = [name for name in recent if name not in chosen and _fits(cal, slot, name)]
        if fitting:
            chosen.append(max(fitting, key=lambda n: (recent[n], last_seen[n], n)))
        elif slot.default not in chosen:
            chosen.append(slot.default)
    return chosen


def _fits(cal: Calendar, slot: Slot, name: str) -> bool:
    exercise = cal.plan.catalogue.resolve(name)
    return exercise is not None and slot.fits(exercise)


def dose(cal: Calendar, name: str, day: dt.date, mode: str) -> Target:
    """Sets, reps and load for `name` on `day`: the history's next target (a deload target
    in a deload week), or a first-timer's bodyweight start."""
    target = _deload(cal, name, day) if mode == DELOAD else target_in(cal, name, day)
    if target is None:
        exercise = cal.plan.catalogue.resolve(name)
        if exercise is not None and exercise.measure is Measure.SECONDS:
            target = Target(name, 2, None, None, FIRST_HOLD_SECONDS, "start with a short hold")
        else:
            target = Target(name, 2, FIRST_REPS, None, reason="start with bodyweight")
    sets = min(3, max(2, target.sets))
    if mode in (DELOAD, TAPER) or target.weight_kg is None:
        sets = 2  # 000: half the work in a deload; 003: keep the taper short
    return Target(
        target.exercise, sets, target.reps, target.weight_kg, target.seconds, target.reason
    )


def _deload(cal: Calendar, name: str, day: dt.date) -> Target | None:
    """000: about 60 % of the e1RM with half the reps. In a week not marked as recovery (the
    one that would be the sixth hard week in a row) too_light still applies, so the load
    stays at 65 % of the e1RM and the week is light by its volume instead."""
    st = cal.settings
    best = cal.current_e1rm(name, day - dt.timedelta(days=1))
    if not best:
        return target_in(cal, name, day)
    target = deload_target(cal.facts(name).name, best, st.rep_range_high, 2, st)
    if cal.is_easy_week(monday_of(day)):
        return target
    floor = round_load(st.too_light_fraction * best, st.unit, up=True)
    return Target(
        target.exercise,
        2,
        target.reps,
        max(floor, target.weight_kg),
        reason="light week: half the reps at the bottom of a heavy load",
    )


def build_session(cal: Calendar, kind: str, day: dt.date, mode: str) -> Session:
    """A planned strength session of `kind` on `day` (no start time: it goes after the
    day's runs)."""
    targets = [dose(cal, name, day, mode) for name in choose_exercises(cal, kind, day)]
    sets: list[SetEntry] = [entry for target in targets for entry in target.set_entries()]
    title = TITLES[kind] + {DELOAD: " (deload)", TAPER: " (taper)"}.get(mode, "")
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.PLANNED,
        title=title,
        sets=sets,
        duration_min=estimated_minutes(sets),
    )


def estimated_minutes(sets: list[SetEntry]) -> float:
    """About 10 min of warm-up plus 3 min a working set (003: 6 exercises of 2-3 sets in
    30-60 min)."""
    return float(10 + 3 * sum(1 for s in sets if s.is_working))


def trim(
    sessions: list[Session], allowed_volume: float | None, allowed_minutes: float, allowed_sets: int
) -> None:
    """Take sets off (loaded exercises with the most sets first, never an exercise's last
    set) until the sessions fit the week's volume and minutes and each session's set count:
    what too_much_volume asks."""

    def over() -> bool:
        volume = sum(set_volume(e) for s in sessions for e in s.sets)
        minutes = sum(s.duration_min or 0 for s in sessions)
        return (
            (allowed_volume is not None and volume > allowed_volume)
            or minutes > allowed_minutes
            or any(len(s.working_sets()) > allowed_sets for s in sessions)
        )

    while over():
        counts = Counter((i, e.exercise) for i, s in enumerate(sessions) for e in s.sets)
        loaded = {
            (i, e.exercise) for i, s in enumerate(sessions) for e in s.sets if set_volume(e) > 0
        }
        candidates = [key for key, n in counts.items() if n > 1]
        if not candidates:
            return
        index, name = max(candidates, key=lambda k: (k in loaded, counts[k], k[0]))
        session = sessions[index]
        del session.sets[max(i for i, e in enumerate(session.sets) if e.exercise == name)]
        session.duration_min = estimated_minutes(session.sets)
