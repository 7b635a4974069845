"""A fix to apply: for a flag with one obvious fix, the edit of the plan that removes it, as
plain data with a preview text, which the GUI applies as one undoable step.

- lift_before_hard_run: move the leg session to the hard run's day, after the run (003: lift
  on hard days, after running), or else to two days or more before the run.
- run_after_lift: put the run first on that day.
- no_calf_work: add calf work (with its target from history; 001's 3 x 10 single-leg heel
  raises to start) to the week's lower-body session.
- no_deload: make the week a recovery week with deload sets (000: about 60 % of the e1RM,
  half the reps; half the sets of bodyweight work).
- taper: drop to one session in the taper week (003), keeping the one that may stay.

Only planned sessions from today on are edited (what was done happened). A fix is offered
only when, tried on the plan, the flag is gone and no new error or warning comes up in its
weeks. `fix_for` is pure: it reads the plan input and says what to change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..domain.enums import Phase, RunType, Status
from ..domain.session import Session, SetEntry, iso_week, monday_of
from .calendar import Calendar
from .engine import check
from .flags import Flag, Severity
from .plan_input import DAY, WEEK, PlanInput, required_today
from .progression import Target, deload_target, target_in
from .settings import DEFAULT_SETTINGS, PlanSettings
from .text import day_text, session_name, sets_text


@dataclass(frozen=True)
class SessionEdit:
    """What changes in one stored session (its database id): the session as it will be, or
    None to delete it."""

    session_id: int
    after: Session | None


@dataclass(frozen=True)
class Fix:
    rule: str
    text: str  # the preview: one line per change
    edits: tuple[SessionEdit, ...] = ()
    # ISO week -> Phase (or None): week phases
    phases: dict[str, Phase | None] = field(default_factory=dict)

    @property
    def saved(self) -> list[Session]:
        return [e.after for e in self.edits if e.after is not None]

    @property
    def deleted(self) -> list[int]:
        return [e.session_id for e in self.edits if e.after is None]


def fix_for(
    plan: PlanInput,
    flag: Flag,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
) -> Fix | None:
    """The fix for `flag`, or None when it has no obvious one (or none that works)."""
    today = required_today(today)
    make = _FIXES.get(flag.rule)
    if make is None:
        return None
    monday = monday_of(flag.date)
    cal = Calendar(plan, settings, today, monday - WEEK, monday + 2 * WEEK - DAY)
    for fix in make(cal, flag):
        if fix is not None and _works(plan, settings, today, flag, fix):
            return fix
    return None


def apply_fix(plan: PlanInput, fix: Fix) -> PlanInput:
    """The plan as it will be once `fix` is applied."""
    edits = {e.session_id: e.after for e in fix.edits}
    changed = [edits.get(s.id, s) if s.id is not None else s for s in plan.sessions]
    sessions = [s for s in changed if s is not None]
    phases = dict(plan.phases)
    for week, phase in fix.phases.items():
        if phase is None:
            phases.pop(week, None)
        else:
            phases[week] = phase
    return PlanInput(
        sessions, plan.races, phases, catalogue=plan.catalogue, body_weights=plan.body_weights
    )


def _works(plan: PlanInput, settings: PlanSettings, today: dt.date, flag: Flag, fix: Fix) -> bool:
    """Tried on the plan: the flag's rule says nothing more about its week, and no error or
    warning comes up in the weeks around it (and its run's weeks) that was not there
    before. A flag that says a run of weeks counts in each of them: a fix of the run's
    latest week that leaves the weeks before it flagged on their own brings up nothing new."""
    monday = monday_of(flag.date)
    first, last = monday_of(flag.since or flag.date) - WEEK, monday + 2 * WEEK - DAY

    def bad(p: PlanInput) -> set[tuple[str, str]]:
        return {
            (f.rule, week)
            for f in check(p, settings, today, first, last)
            if f.severity is not Severity.INFO
            for week in _weeks_of(f)
        }

    before, after = bad(plan), bad(apply_fix(plan, fix))
    return (flag.rule, flag.week) not in after and after <= before


def _weeks_of(flag: Flag) -> list[str]:
    """The ISO weeks a flag is about: its own, and those of its run since `since`."""
    monday, weeks = monday_of(flag.since or flag.date), []
    while monday <= flag.date:
        weeks.append(iso_week(monday))
        monday += WEEK
    return weeks


def _edit(session: Session, after: Session | None) -> SessionEdit:
    """A change to a stored session: fixes change only those (_planned's positive keys)."""
    if session.id is None:
        raise ValueError(f"a fix may change only a stored session, not {session}")
    return SessionEdit(session.id, after)


def _planned(cal: Calendar, key: int) -> Session | None:
    """The session of the flag with this id, when it is a planned one the fix may change."""
    for session in cal.plan.sessions:
        if cal.key(session) == key and key > 0:
            ok = session.status is Status.PLANNED and session.date >= cal.today
            return session if ok else None
    return None


def _by_key(cal: Calendar, keys: Iterable[int]) -> list[Session]:
    wanted = set(keys)
    return [s for s in cal.plan.sessions if cal.key(s) in wanted]


def _after_runs(cal: Calendar, day: dt.date, moving: Session) -> int:
    """An order that puts a session last on `day`."""
    orders = [s.order for s in cal.plan.sessions if s.date == day and s is not moving]
    return max(orders, default=-1) + 1


def _short(day: dt.date) -> str:
    return f"{day:%a %d %b}"


# ---- the fixes ------------------------------------------------------------------------------


def _move_leg_session(cal: Calendar, flag: Flag) -> Iterator[Fix]:
    sessions = _by_key(cal, flag.session_ids)
    lifts = [s for s in sessions if s.is_strength and _planned(cal, cal.key(s))]
    runs = [s for s in sessions if s.is_hard_run]
    if len(lifts) != 1 or not runs:
        return
    lift, run = lifts[0], runs[0]
    name = session_name(lift)
    taken = {s.date for s in cal.strength if s is not lift} | _near_races(cal)
    if run.run_type is not RunType.RACE and run.date >= cal.today and run.date not in taken:
        moved = replace(lift, date=run.date, start=None, order=_after_runs(cal, run.date, lift))
        yield Fix(
            flag.rule,
            f"Move {name} from {_short(lift.date)} to {_short(run.date)}, after "
            f"{session_name(run)}: legs on the hard day, after the run (003).",
            (_edit(lift, moved),),
        )
    for days_before in (2, 3):
        day = run.date - days_before * DAY
        if day >= cal.today and day not in taken and day != lift.date:
            moved = replace(lift, date=day, start=None, order=_after_runs(cal, day, lift))
            yield Fix(
                flag.rule,
                f"Move {name} from {_short(lift.date)} to {_short(day)}, {days_before} days "
                f"before {session_name(run)} (003: 24-48 h of recovery before a hard run).",
                (_edit(lift, moved),),
            )


def _near_races(cal: Calendar) -> set[dt.date]:
    """Days no leg session moves to: a race and the days just before it (003's taper)."""
    days = cal.settings.taper_no_lower_days
    return {race.date - i * DAY for race in cal.plan.races for i in range(days + 1)}


def _run_first(cal: Calendar, flag: Flag) -> Iterator[Fix]:
    sessions = _by_key(cal, flag.session_ids)
    lifts = [s for s in sessions if s.is_strength and _planned(cal, cal.key(s))]
    runs = [s for s in sessions if s.is_run]
    if len(lifts) != 1 or not runs:
        return
    lift, run = lifts[0], runs[-1]
    start = None
    if run.start is not None:
        end = dt.datetime.combine(run.date, run.start) + dt.timedelta(
            minutes=run.duration_min or 45
        )
        start = end.time() if end.date() == run.date else None
    moved = replace(lift, start=start, order=_after_runs(cal, lift.date, lift))
    when = f" at {start:%H:%M}" if start else ""
    yield Fix(
        flag.rule,
        f"Do {session_name(lift)} after {session_name(run)} on {_short(lift.date)}{when}: "
        "run first, on fresh legs (002).",
        (_edit(lift, moved),),
    )


def _add_calves(cal: Calendar, flag: Flag) -> Iterator[Fix]:
    monday = monday_of(flag.date)
    week = [s for s in cal.strength_week(monday) if _planned(cal, cal.key(s))]
    if not week:
        return
    lower = [s for s in week if cal.is_lower_body(s)]
    target_session = (lower or week)[0]
    target = _calf_target(cal, target_session.date)
    sets = [*target_session.sets, *target.set_entries()]
    added = replace(target_session, sets=sets)
    yield Fix(
        flag.rule,
        f"Add {sets_text(target.exercise, target.set_entries(), cal.settings.unit)} to "
        f"{session_name(target_session)} on {_short(target_session.date)} ({target.reason}).",
        (_edit(target_session, added),),
    )


def _calf_target(cal: Calendar, day: dt.date) -> Target:
    """The calf exercise done most lately, with its next target; else 001's start."""
    for session in reversed(cal.strength):
        if session.date < day and session.status is Status.DONE:
            for entry in cal.work(session):
                if cal.facts(entry.exercise).calf:
                    found = target_in(cal, entry.exercise, day)
                    if found is not None:
                        return found
    return Target("Single-leg heel raise", 3, 10, None, reason="001: 3 x 10 to start")


def _deload_week(cal: Calendar, flag: Flag) -> Iterator[Fix | None]:
    """The first week of the flag's run whose sessions are all planned (the 5th hard week,
    when it is still to come) becomes the deload; a later one when that one is past."""
    monday = monday_of(flag.since or flag.date)
    while monday <= flag.date:
        yield _deload(cal, monday)
        monday += WEEK


def _deload(cal: Calendar, monday: dt.date) -> Fix | None:
    week = cal.strength_week(monday)
    if not week or not all(_planned(cal, cal.key(s)) for s in week):
        return None
    st = cal.settings
    edits: list[SessionEdit] = []
    shown: list[str] = []
    for session in week:
        sets: list[SetEntry] = []
        for name in dict.fromkeys(cal.facts(e.exercise).name for e in cal.work(session)):
            own = [e for e in cal.work(session) if cal.facts(e.exercise).name == name]
            best = cal.current_e1rm(name, session.date - DAY)
            top = max(own, key=lambda e: (e.weight_kg or 0.0, e.reps or 0))
            if best and top.weight_kg:
                target = deload_target(name, best, top.reps or st.rep_range_low, len(own), st)
                new = target.set_entries()
            else:  # no load to lighten: half the sets
                new = [replace(e, id=None) for e in own[: max(1, len(own) // 2)]]
            sets.extend(new)
            if len(shown) < 3:
                shown.append(sets_text(name, new, st.unit))
        edits.append(
            _edit(
                session,
                replace(session, sets=sets, title=_deload_title(session_name(session))),
            )
        )
    return Fix(
        "no_deload",
        f"Make {iso_week(monday)} a recovery week with deload sets: {', '.join(shown)}, ... "
        f"(000: about {round(st.deload_load_fraction * 100)} % of your max, half the reps).",
        tuple(edits),
        {iso_week(monday): Phase.RECOVERY},
    )


def _deload_title(title: str) -> str:
    return title if "deload" in title.lower() else f"{title} (deload)"


def _one_taper_session(cal: Calendar, flag: Flag) -> Iterator[Fix]:
    monday = monday_of(flag.date)
    week = cal.strength_week(monday)
    if len(week) <= cal.settings.taper_max_sessions:
        return
    race = cal.race_ahead(monday)
    if race is None:
        return

    def may_stay(session: Session) -> tuple[bool, bool, dt.date]:
        legs_close = cal.is_lower_body(session) and (
            (race.date - session.date).days <= cal.settings.taper_no_lower_days
        )
        return (legs_close, not cal.is_lower_body(session), session.date)

    keep = min(week, key=may_stay)
    dropped = [s for s in week if s is not keep]
    if not all(_planned(cal, cal.key(s)) for s in dropped):
        return
    yield Fix(
        flag.rule,
        "Drop "
        + ", ".join(f"{session_name(s)} on {_short(s.date)}" for s in dropped)
        + f": one session in the taper week before {race.name} on {day_text(race.date)}, "
        f"{session_name(keep)} on {_short(keep.date)} stays (003).",
        tuple(_edit(s, None) for s in dropped),
    )


_FIXES: dict[str, Callable[[Calendar, Flag], Iterator[Fix | None]]] = {
    "lift_before_hard_run": _move_leg_session,
    "run_after_lift": _run_first,
    "no_calf_work": _add_calves,
    "no_deload": _deload_week,
    "taper": _one_taper_session,
}
