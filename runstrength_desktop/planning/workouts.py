"""What goes into a planned strength session: exercises from the catalogue and the user's
history that cover what a runner needs, dosed from the history's next targets.

- A lower-body session has a squat, single-leg work (lunges, split squats), a hinge,
  calves, core and an injury-prevention extra that takes turns between plyometrics and the
  hip abductors or adductors (000, 001, 002), so a month covers them all. An upper-body
  session has a push, a pull, a shoulder press and core (003 mistake 8: upper body and core
  every week); a full-body one (a taper, or one session a week) a squat or single-leg work
  in turns, calves, a push, a pull and core.
- Each slot takes the fitting exercise done most often in the last 8 weeks; without one, a
  start that builds up (003, 004): the first `bodyweight_weeks` weeks of lifting bodyweight
  work (2 sets of 10: "start with 2 to 3 sets of 10 to 15"), then light loads that the
  targets raise every session (10 reps at a light load is about 75 % of its e1RM; then
  more reps, then 5 % more load: 000's progressive overload).
- A deload week (000: every 4th or 5th) lifts about 60 % of the e1RM with half the reps, and
  halves the sets, so bodyweight and timed work, which have no load to lighten, get lighter
  too: the week really is lighter. A taper week (003)
  keeps the last loads and reps and drops the volume: fewer sets, no progression.
- 002's season, where a week's phase says it: a build week is for power (the loads keep
  rising, and the leg day has jumps as well as hip work, which take the place of its core
  exercise: the upper-body day keeps the week's core), a peak week for endurance (the
  loaded lifts in sets of 15 at about 60 % of the e1RM). A base week, or a week without a
  phase, is for strength, as above."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..domain.enums import Measure, Muscle, SessionKind, Side, Status
from ..domain.exercise import Exercise
from ..domain.metrics import set_volume
from ..domain.session import Session, SetEntry, monday_of
from .calendar import Calendar
from .exercises import ExerciseFacts
from .loads import round_load
from .plan_input import DAY, WEEK
from .progression import Target, deload_target, last_normal_sets, target_in

LOWER, UPPER, FULL = "lower", "upper", "full"
TITLES = {LOWER: "Lower body + calves + core", UPPER: "Upper body + core", FULL: "Full body"}
NORMAL, DELOAD, TAPER = "normal", "deload", "taper"
POWER, ENDURANCE = "power", "endurance"  # 002's build and peak weeks: NORMAL, but for these
SUFFIX = {DELOAD: " (deload)", TAPER: " (taper)", POWER: " (power)", ENDURANCE: " (endurance)"}

FIRST_REPS = 10  # 004: bodyweight work starts at 2-3 sets of 10-15
FIRST_HOLD_SECONDS = 30.0
BODYWEIGHT_WEEKS = 2  # weeks of bodyweight work before the first loads (003, 004)

Fits = Callable[[ExerciseFacts, Exercise], bool]


def _first(*muscles: Muscle) -> Fits:
    return lambda f, e: bool(e.muscles) and e.muscles[0] in muscles


def _strength(region_test: Callable[[ExerciseFacts], bool], *more: Fits) -> Fits:
    return lambda f, e: (
        f.loaded and region_test(f) and not f.calf and all(test(f, e) for test in more)
    )


@dataclass(frozen=True)
class Slot:
    """One exercise a session needs: which exercises from the history fill it, the
    bodyweight start, and the loaded exercise it becomes (with its light first load, kg)."""

    name: str
    fits: Fits
    bodyweight: str
    loaded: str | None = None
    first_kg: float = 0.0
    sets: int = 2


BILATERAL = Slot(
    "squat",
    _strength(lambda f: f.lower and not f.single_leg, _first(Muscle.QUADS)),
    "Air squat",
    "Goblet squat",
    8.0,
    sets=3,
)
SINGLE_LEG = Slot(
    "single-leg",
    _strength(lambda f: f.lower and f.single_leg),
    "Reverse lunge",
    "Bulgarian split squat",
    6.0,
    sets=3,
)
HINGE = Slot(
    "hinge",
    _strength(lambda f: f.lower and not f.single_leg, _first(Muscle.HAMSTRINGS, Muscle.GLUTES)),
    "Glute bridge",
    "Romanian deadlift",
    20.0,
)
CALF = Slot(
    "calf",
    lambda f, e: f.calf and f.loaded,
    "Single-leg heel raise",
    "Standing calf raise",
    10.0,
)
PLYO = Slot("plyometric", lambda f, e: f.plyometric and not f.calf, "Jump squat")
HIP = Slot("hip", lambda f, e: f.hip and f.lower and not f.plyometric, "Lateral lunge")
PUSH = Slot(
    "push",
    _strength(lambda f: f.upper, _first(Muscle.CHEST)),
    "Push-up",
    "Dumbbell bench press",
    8.0,
)
PULL = Slot(
    "pull",
    _strength(lambda f: f.upper, _first(Muscle.UPPER_BACK), lambda f, e: Muscle.ARMS in e.muscles),
    "Inverted row",
    "Dumbbell row",
    8.0,
)
SHOULDER = Slot(
    "shoulder",
    _strength(lambda f: f.upper, _first(Muscle.SHOULDERS)),
    "",  # no bodyweight start: push-ups and rows cover the shoulders at first
    "Shoulder press",
    6.0,
)
CORE = Slot("core", lambda f, e: f.core and not f.loaded, "Plank")
CORE_2 = Slot("core", lambda f, e: f.core and not f.loaded, "Dead bug")


def slots(kind: str, cal: Calendar, day: dt.date, mode: str = NORMAL) -> tuple[Slot, ...]:
    """The session's slots. A leg day has squats and single-leg work, a hinge, calves, core
    and one of plyometrics and hip work, the one done less lately (000, 001, 002). A deload
    keeps the main work of each and drops the extras."""
    if mode == DELOAD:  # the leg work the runner does now, lighter
        legs = _less_lately(cal, day, BILATERAL, SINGLE_LEG, most=True)
        return {
            LOWER: (legs, HINGE, CALF, CORE),
            UPPER: (PUSH, PULL, CORE),
            FULL: (legs, CALF, PUSH, PULL, CORE),
        }[kind]
    legs = _less_lately(cal, day, BILATERAL, SINGLE_LEG)
    if mode == POWER:
        return {
            LOWER: (BILATERAL, SINGLE_LEG, HINGE, CALF, PLYO, HIP),
            UPPER: (PUSH, PULL, SHOULDER, CORE_2, CORE),
            FULL: (legs, CALF, PLYO, PUSH, PULL, CORE),
        }[kind]
    extra = _less_lately(cal, day, PLYO, HIP)
    return {
        LOWER: (BILATERAL, SINGLE_LEG, HINGE, CALF, extra, CORE),
        UPPER: (PUSH, PULL, SHOULDER, CORE_2, CORE),
        FULL: (legs, CALF, PUSH, PULL, CORE),
    }[kind]


def _less_lately(
    cal: Calendar, day: dt.date, first: Slot, second: Slot, most: bool = False
) -> Slot:
    """Of two slots, the one whose work was done less recently in the 4 weeks before `day`
    (`most`: more recently; on a tie, by the ISO week: even weeks the first), so the two
    take turns."""

    def last_done(slot: Slot) -> dt.date:
        for session in reversed(cal.strength):
            if day - 4 * WEEK <= session.date < day and any(
                _fits(cal, slot, e.exercise) for e in cal.work(session)
            ):
                return session.date
        return dt.date.min

    a, b = last_done(first), last_done(second)
    if a == b:
        return first if monday_of(day).isocalendar()[1] % 2 == 0 else second
    return first if (a < b) != most else second


def lifting_weeks(cal: Calendar, day: dt.date) -> int:
    """Weeks with done strength work before `day`'s week: how far the runner has come."""
    monday = monday_of(day)
    return len(
        {monday_of(s.date) for s in cal.strength if s.date < monday and s.status is Status.DONE}
    )


def choose_exercises(
    cal: Calendar, kind: str, day: dt.date, mode: str = NORMAL
) -> list[tuple[Slot, str]]:
    """For each slot, the fitting exercise done most often in the 8 weeks before `day`
    (the latest on a tie), else the slot's start: bodyweight in the first weeks of lifting,
    its loaded exercise after that."""
    recent: Counter[str] = Counter()
    last_seen: dict[str, dt.date] = {}
    since = day - cal.settings.e1rm_weeks * WEEK
    for session in cal.strength:
        if since <= session.date < day and session.status is Status.DONE:
            for name in {cal.facts(e.exercise).name for e in cal.work(session)}:
                recent[name] += 1
                last_seen[name] = session.date
    started = lifting_weeks(cal, day) >= max(BODYWEIGHT_WEEKS, cal.settings.beginner_weeks)
    chosen: list[tuple[Slot, str]] = []
    for slot in slots(kind, cal, day, mode):
        taken = {name for _slot, name in chosen}
        fitting = [n for n in recent if n not in taken and _fits(cal, slot, n)]
        if started and slot.loaded:
            # Past the bodyweight start, a slot with a loaded exercise builds to loads (003:
            # progress "when these exercises stop feeling challenging").
            fitting = [n for n in fitting if _loaded_lately(cal, n, day)]
        if fitting:
            name = max(fitting, key=lambda n: (recent[n], last_seen[n], n))
        else:
            name = slot.loaded if started and slot.loaded else slot.bodyweight
        if name and name not in taken:
            chosen.append((slot, name))
    return chosen


def _loaded_lately(cal: Calendar, name: str, day: dt.date) -> bool:
    """The exercise's last working sets before `day` carried a load."""
    return any(e.weight_kg for e in last_normal_sets(cal, name, day))


def _fits(cal: Calendar, slot: Slot, name: str) -> bool:
    exercise = cal.plan.catalogue.resolve(name)
    return exercise is not None and slot.fits(cal.facts(name), exercise)


def dose(cal: Calendar, slot: Slot, name: str, day: dt.date, mode: str) -> Target:
    """Sets, reps and load for `name` on `day` in a session of `mode`."""
    if mode == TAPER:
        kept = _taper(cal, name, day)
        if kept is not None:  # 003: the strength stays, the volume drops by a set
            return replace(kept, sets=max(1, min(kept.sets, slot.sets) - 1))
    target = _deload(cal, name, day) if mode == DELOAD else target_in(cal, name, day)
    if target is None:
        target = _start(cal, slot, name)
    if mode == ENDURANCE and target.weight_kg and target.reps:
        target = _endurance(cal, name, day, target)
    sets = slot.sets
    if mode == DELOAD:
        # 000: half the reps at a lighter load; and half the sets, so that bodyweight and
        # timed work, which have no load to lighten, get lighter too.
        sets = max(1, round(slot.sets / 2 + 0.01))
    elif mode == TAPER:
        sets = max(1, slot.sets - 1)
    return Target(
        target.exercise, sets, target.reps, target.weight_kg, target.seconds, target.reason
    )


def _start(cal: Calendar, slot: Slot, name: str) -> Target:
    """A first session of `name`: a short hold, bodyweight reps, or a light load."""
    exercise = cal.plan.catalogue.resolve(name)
    if exercise is not None and exercise.measure is Measure.SECONDS:
        return Target(name, slot.sets, None, None, FIRST_HOLD_SECONDS, "start with a short hold")
    if name == slot.loaded and slot.first_kg:
        load = round_load(slot.first_kg, cal.settings.unit)
        return Target(name, slot.sets, FIRST_REPS, load, reason="start light and build up")
    return Target(name, slot.sets, FIRST_REPS, None, reason="start with bodyweight")


def _endurance(cal: Calendar, name: str, day: dt.date, target: Target) -> Target:
    """002's endurance work before a target: `endurance_reps` reps at about
    `endurance_load_fraction` of the e1RM (of the history, else of the step planned)."""
    st = cal.settings
    weight, reps = target.weight_kg or 0.0, target.reps or 0  # only loaded targets with reps
    best = cal.current_e1rm(name, day - DAY) or weight * (1 + reps / 30)
    load = round_load(st.endurance_load_fraction * best, st.unit, below=target.weight_kg)
    return Target(
        target.exercise,
        target.sets,
        st.endurance_reps,
        load,
        reason=f"endurance: {st.endurance_reps} reps at about "
        f"{st.endurance_load_fraction * 100:.0f} % of your max (002)",
    )


def _deload(cal: Calendar, name: str, day: dt.date) -> Target | None:
    """000: about 60 % of the e1RM with half the reps. In a week not marked as recovery (the
    one that would be the fifth hard week in a row) too_light still applies, so the load
    stays at 65 % of the e1RM and the week is light by its volume instead."""
    st = cal.settings
    best = cal.current_e1rm(name, day - DAY)
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
        max(floor, target.weight_kg or 0.0),
        reason="deload: half the reps at the bottom of a heavy load (000)",
    )


def _taper(cal: Calendar, name: str, day: dt.date) -> Target | None:
    """003's taper keeps the strength: the last normal session's load and reps, fewer sets."""
    last = last_normal_sets(cal, name, day)
    if not last:
        return None
    top = max(last, key=lambda e: ((e.weight_kg or 0.0), e.reps or 0, e.seconds or 0))
    return Target(
        cal.facts(name).name,
        len(last),
        top.reps,
        top.weight_kg or None,
        top.seconds if top.reps is None else None,
        "taper: the same load, fewer sets",
    )


def build_session(cal: Calendar, kind: str, day: dt.date, mode: str) -> Session:
    """A planned strength session of `kind` on `day` (no start time: it goes after the
    day's runs)."""
    chosen = choose_exercises(cal, kind, day, mode)
    targets = [dose(cal, slot, name, day, mode) for slot, name in chosen]
    sets: list[SetEntry] = [entry for target in targets for entry in target.set_entries()]
    title = TITLES[kind] + SUFFIX.get(mode, "")
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
    30-60 min); a left and a right set take as long as one."""
    work = [s for s in sets if s.is_working and s.side is not Side.RIGHT]
    return float(10 + 3 * len(work))


def trim(
    sessions: list[Session],
    allowed_volume: float | None,
    allowed_minutes: float,
    allowed_sets: int,
    allowed_week_sets: float | None = None,
    volume_of: Callable[[SetEntry, Session], float] | None = None,
    fewest_bodyweight_reps: int | None = None,
) -> None:
    """Take sets off (loaded exercises with the most sets first, never an exercise's last
    set) until the sessions fit the week's volume, minutes and sets and each session's set
    count: what too_much_volume asks, and what makes a deload week light. `volume_of(set,
    session)`: a set's volume as the check counts it (bodyweight work's share of the body
    weight: PlanInput.set_volume); load x reps by default. When every exercise is down to
    one set and the volume is still over (a heavy runner's bodyweight work weighs a lot),
    bodyweight sets lose a rep at a time, down to `fewest_bodyweight_reps`."""
    if volume_of is None:

        def volume_of(entry: SetEntry, _session: Session) -> float:
            return set_volume(entry)

    def over() -> bool:
        volume = sum(volume_of(e, s) for s in sessions for e in s.sets)
        minutes = sum(s.duration_min or 0 for s in sessions)
        week_sets = sum(len(s.working_sets()) for s in sessions)
        return (
            (allowed_volume is not None and volume > allowed_volume)
            or minutes > allowed_minutes
            or any(len(s.working_sets()) > allowed_sets for s in sessions)
            or (allowed_week_sets is not None and week_sets > allowed_week_sets)
        )

    while over():
        counts = Counter((i, e.exercise) for i, s in enumerate(sessions) for e in s.sets)
        loaded = {
            (i, e.exercise) for i, s in enumerate(sessions) for e in s.sets if volume_of(e, s) > 0
        }
        candidates = [key for key, n in counts.items() if n > 1]
        if not candidates:
            if not _one_rep_off(sessions, volume_of, fewest_bodyweight_reps):
                return
            continue
        index, name = max(candidates, key=lambda k: (k in loaded, counts[k], k[0]))
        session = sessions[index]
        del session.sets[max(i for i, e in enumerate(session.sets) if e.exercise == name)]
        session.duration_min = estimated_minutes(session.sets)


def _one_rep_off(
    sessions: list[Session],
    volume_of: Callable[[SetEntry, Session], float],
    fewest: int | None,
) -> bool:
    """Take one rep off the bodyweight set (no logged load) that moves the most, if one has
    more than `fewest`; False when none can give one."""
    if fewest is None:
        return False
    found = [
        (volume_of(e, s), si, ei)
        for si, s in enumerate(sessions)
        for ei, e in enumerate(s.sets)
        if e.is_working and e.weight_kg is None and (e.reps or 0) > fewest and volume_of(e, s) > 0
    ]
    if not found:
        return False
    _volume, si, ei = max(found)
    entry = sessions[si].sets[ei]
    reps = (entry.reps or 0) - 1
    target = reps if entry.target_reps == entry.reps else entry.target_reps
    sessions[si].sets[ei] = replace(entry, reps=reps, target_reps=target)
    return True
