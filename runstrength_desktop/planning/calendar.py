"""What the rules read: the logbook as plain objects (PlanInput) and, for one check, the view
of it that counts the right sessions and knows each week's phase (Calendar).

Words as planning-rules.md defines them, and the judgement calls the page leaves open:

- A session *counts* when it is done, or planned for today or later. History is judged by
  what was done, plans by what is planned; a planned session left in the past was not done,
  and a skipped one never counts.
- A *working set* is one not marked as a warm-up and not an unmarked warm-up either: before
  the top sets of an exercise in a session, sets under `ramp_fraction` (65 %) of that
  session's top set of the exercise are the ramp to it (people rarely mark their warm-ups).
  `Calendar.work` gives a session's working sets; every rule counts those.
- What an exercise counts as (lower body, upper body, core, calves, single-leg, ...) is in
  exercises.py.
- A bodyweight exercise (push-ups, pull-ups, dips, lunges: domain/body_load.py) lifts its
  share of the body weight of the day (the latest logged on or before it) plus the load
  added: that is its sets' load in the week's volume and in its e1RM for too_light. Without
  a body weight logged, its sets count their added load only, as before.
- Planning reads no files: the caller passes the catalogue (the repository's, or the shipped
  exercises plus a backup's own) and the body weights."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, Protocol

from ..domain.body_load import BodyWeightLog, moved_kg
from ..domain.durations import plausible_minutes
from ..domain.enums import Muscle, Phase, SetType, Side, Status
from ..domain.exercise import Catalogue, Exercise
from ..domain.metrics import e1rm
from ..domain.session import (
    BodyWeight,
    Logbook,
    Race,
    Session,
    SetEntry,
    monday_of,
    week_monday,
)
from .exercises import ExerciseFacts, facts_for
from .settings import PlanSettings

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)


# A session's working sets worked out once: (the session, the ramp fraction, its working sets,
# their volume, the set objects they came from, the body weights the volume was worked out
# with).
_Work = tuple[Session, float, list[SetEntry], float, tuple[SetEntry, ...], BodyWeightLog | None]


class LogbookReads(Protocol):
    """What PlanInput.from_repository reads: store.Repository has it (planning imports no
    store)."""

    def all_sessions(self) -> list[Session]: ...

    def races(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Race]: ...

    def week_phases(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[str, Phase]: ...

    def catalogue(self) -> Catalogue: ...

    def body_weight_rows(self) -> list[tuple[dt.date, float]]: ...


class PlanInput:
    """Sessions (sorted as the calendar shows them), races, week phases, the catalogue and
    the body weights ((day, kg) pairs, or BodyWeight entries). Build it once per change of
    the logbook; checks and slices of it are cheap."""

    def __init__(
        self,
        sessions: Iterable[Session] = (),
        races: Iterable[Race] = (),
        phases: dict[str, Phase] | None = None,
        *,
        catalogue: Catalogue,
        body_weights: BodyWeightLog | Iterable[BodyWeight | tuple[dt.date, float]] = (),
        work: dict[int, _Work] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.body_weights = (
            body_weights
            if isinstance(body_weights, BodyWeightLog)
            else BodyWeightLog(
                (b.date, b.weight_kg) if isinstance(b, BodyWeight) else b for b in body_weights
            )
        )
        self.races: list[Race] = sorted(races, key=lambda r: r.date)
        self.phases: dict[str, Phase] = dict(phases or {})
        self._phase_mondays: dict[dt.date, Phase] | None = None
        self._facts: dict[str, ExerciseFacts] = {}
        self._stand_ins: dict[int, int] = {}
        # id(session) -> (the session, ramp fraction, its work, their volume, its sets): see
        # work_of. A caller that builds inputs again and again over the same session objects
        # (the GUI's planner, after each change) passes its own, kept across inputs.
        self._work: dict[int, _Work] = {} if work is None else work
        self.origin = self  # the whole input a slice was cut from
        self._set_sessions(sorted(sessions, key=Session.sort_key))

    def _set_sessions(self, sessions: list[Session]) -> None:
        self.sessions = sessions
        self._dates = [s.date for s in sessions]
        for session in sessions:
            self.key_of(session)

    @classmethod
    def from_logbook(cls, logbook: Logbook, shipped: Iterable[Exercise]) -> PlanInput:
        """From a Logbook (a backup's contents), whose exercises are its custom ones: `shipped`
        are the exercises the app ships (the caller reads them)."""
        return cls(
            logbook.sessions,
            logbook.races,
            {w.week: w.phase for w in logbook.weeks},
            catalogue=Catalogue([*shipped, *logbook.exercises]),
            body_weights=logbook.body_weights,
        )

    @classmethod
    def from_repository(cls, repo: LogbookReads) -> PlanInput:
        """From anything with the Repository's read API (planning never imports the store)."""
        return cls(
            repo.all_sessions(),
            repo.races(),
            repo.week_phases(),
            catalogue=repo.catalogue(),
            body_weights=repo.body_weight_rows(),
        )

    def moved(self, entry: SetEntry, day: dt.date) -> float | None:
        """The load a set moves: a bodyweight exercise's share of the body weight of `day`
        plus its added load; any other set's logged load (domain/body_load.py)."""
        share = self.facts(entry.exercise).body_share
        if not share or not self.body_weights:
            return entry.weight_kg
        return moved_kg(entry.weight_kg, share, self.body_weights.on(day))

    def set_volume(self, entry: SetEntry, day: dt.date) -> float:
        """Load moved x reps of a working set (twice for a set done on each side, as
        domain.metrics.set_volume); 0 without a load (a bodyweight set before any body
        weight is logged), for timed sets and warm-ups."""
        load = self.moved(entry, day)
        if not entry.is_working or not load or load <= 0 or not entry.reps:
            return 0.0
        return load * entry.reps * (2 if entry.side is Side.EACH else 1)

    def phase_mondays(self) -> dict[dt.date, Phase]:
        """The phases by the Monday of their week, parsed once for this input and its
        slices (a phase stored under a malformed week names no week to judge)."""
        if self._phase_mondays is None:
            found = {}
            for week, phase in self.phases.items():
                try:
                    found[week_monday(week)] = phase
                except ValueError:
                    continue
            self._phase_mondays = found
        return self._phase_mondays

    def work_of(self, session: Session, ramp_fraction: float) -> tuple[list[SetEntry], float]:
        """(the session's working sets, their volume), worked out once for this input and
        its slices: the window checks the same sessions again at every click. The session is
        kept with its entry, so its id cannot be reused by another object while it is here,
        and so are its set objects: a set replaced since (an edit) is worked out again, and
        so is the volume of a session worked out with other body weights (bodyweight work
        lifts a share of them: the caller passes one log until they change)."""
        found = self._work.get(id(session))
        sets = session.sets
        body = self.body_weights or None  # no weights logged: any empty log is the same
        if (
            found is None
            or found[0] is not session
            or found[1] != ramp_fraction
            or found[5] is not body
            or len(found[4]) != len(sets)
            or not all(map(operator.is_, found[4], sets))  # in C: called for every lookup
        ):
            work = working_sets(session, ramp_fraction)
            volume = float(sum(self.set_volume(e, session.date) for e in work))
            found = (session, ramp_fraction, work, volume, tuple(sets), body)
            self._work[id(session)] = found
        return found[2], found[3]

    def key_of(self, session: Session) -> int:
        """The session's database id; a session not saved yet gets a negative stand-in that
        stays the same for as long as this input (and its slices) hold the session."""
        if session.id is not None:
            return session.id
        return self._stand_ins.setdefault(id(session), -1 - len(self._stand_ins))

    def facts(self, name: str) -> ExerciseFacts:
        found = self._facts.get(name)
        if found is None:
            found = self._facts[name] = facts_for(self.catalogue.resolve(name), name)
        return found

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the logbook holds (sessions, plans and races)."""
        days = (
            self._dates[:1]
            + self._dates[-1:]
            + [r.date for r in self.races[:1]]
            + [r.date for r in self.races[-1:]]
        )
        return (min(days), max(days)) if days else None

    def _derived(self, sessions: list[Session]) -> PlanInput:
        """Another input over other sessions that shares the catalogue, facts and stand-ins."""
        other = object.__new__(PlanInput)
        other.catalogue, other.races, other.phases = self.catalogue, self.races, self.phases
        other.body_weights = self.body_weights
        other._phase_mondays = self.phase_mondays()
        other._facts, other._stand_ins, other._work = self._facts, self._stand_ins, self._work
        other.origin = self.origin
        other._set_sessions(sessions)
        return other

    def plan_end(self, today: dt.date) -> dt.date:
        """The last day of the plan: the latest planned session from `today` on, else today."""
        for session in reversed(self.sessions):
            if session.date < today:
                break
            if session.status is Status.PLANNED:
                return session.date
        return today

    def slice(self, first: dt.date, last: dt.date, today: dt.date | None = None) -> PlanInput:
        """The sessions from `first` to `last`, plus the last strength session before `first`
        that counts as of `today` (any not skipped, without it), so that a long gap into the
        slice and the weeks since the first strength session stay as they were."""
        low = bisect.bisect_left(self._dates, first)
        high = bisect.bisect_right(self._dates, last)
        before = next(
            (
                s
                for s in reversed(self.sessions[:low])
                if s.is_strength and s.working_sets() and _counts(s, today)
            ),
            None,
        )
        return self._derived(([before] if before else []) + self.sessions[low:high])

    def with_session(self, session: Session) -> PlanInput:
        """This input with `session` in place of the stored session of the same id (or added
        when it has no id): what the editor shows while the user types."""
        kept = [
            s
            for s in self.sessions
            if s is not session and (session.id is None or s.id != session.id)
        ]
        bisect.insort(kept, session, key=Session.sort_key)
        return self._derived(kept)


def required_today(today: dt.date | None) -> dt.date:
    """The planner never reads the clock: its callers say what day it is (runstrength_desktop
    .clock), so a check gives the same flags whenever it runs."""
    if today is None:
        raise TypeError("today is required: pass the caller's clock.today()")
    return today


def _counts(session: Session, today: dt.date | None) -> bool:
    """Done, or planned for `today` or later (any planned one when today is None)."""
    if session.status is Status.DONE:
        return True
    return session.status is Status.PLANNED and (today is None or session.date >= today)


class Calendar:
    """One check's view: which sessions count, by day and by week, each week's phase and
    volume, and the exercises' e1RM. `first`..`last` is the window flags are wanted for;
    everything before it is context (e1RM, the 4 weeks before, the weeks in a row)."""

    def __init__(
        self,
        plan: PlanInput,
        settings: PlanSettings,
        today: dt.date,
        first: dt.date,
        last: dt.date,
        always_counts: Session | None = None,
    ) -> None:
        self.plan, self.settings, self.today = plan, settings, today
        self.first, self.last = first, last
        self._always = always_counts
        self.by_day: dict[dt.date, list[Session]] = defaultdict(list)
        self.strength: list[Session] = []
        self.by_week: dict[dt.date, list[Session]] = defaultdict(list)
        self.volume: dict[dt.date, float] = defaultdict(float)
        self.week_sets: dict[dt.date, int] = defaultdict(int)
        self.run_mondays: set[dt.date] = set()
        # What a rule works out about a session once per check (rules_progress's points).
        self.memo: dict[str, dict[int, Any]] = {}
        # The rules ask it some 100,000 times a whole-history check: bound, not a method.
        self.facts: Callable[[str], ExerciseFacts] = plan.facts
        self._works: dict[int, list[SetEntry]] = {}  # id(session) -> work(session)
        self._window_weeks = (monday_of(first), monday_of(last) + WEEK)
        # Weeks are judged to the end of the whole plan, also when this view is a slice.
        self.planned_until = plan.origin.plan_end(today)
        for session in plan.sessions:
            if not self.counts(session):
                continue
            self.by_day[session.date].append(session)
            if session.status is Status.PLANNED:
                self.planned_until = max(self.planned_until, session.date)
            if session.is_run:
                self.run_mondays.add(monday_of(session.date))
            if session.is_strength and session.sets and session.working_sets():
                monday = monday_of(session.date)
                work, volume = plan.work_of(session, settings.ramp_fraction)
                self._works[id(session)] = work
                self.strength.append(session)
                self.by_week[monday].append(session)
                self.volume[monday] += volume
                self.week_sets[monday] += len(work)
        self.phase_by_monday = plan.phase_mondays()
        # with the body weight or not -> exercise -> (days, best e1RM of each day's session)
        self._e1rm: dict[bool, dict[str, tuple[list[dt.date], list[float]]]] | None = None
        self.light_weeks: dict[dt.date, bool] = {}  # rules_progress.is_light_week, memoised
        self._race_ahead: dict[dt.date, Race | None] = {}

    # ---- which sessions ---------------------------------------------------------------
    def counts(self, session: Session) -> bool:
        if session is self._always:
            return session.status is not Status.SKIPPED
        return _counts(session, self.today)

    def key(self, session: Session) -> int:
        return self.plan.key_of(session)

    def keys(self, sessions: Iterable[Session]) -> list[int]:
        return [self.plan.key_of(s) for s in sessions]

    def day(self, day: dt.date) -> list[Session]:
        return self.by_day.get(day, [])

    def runs_on(self, day: dt.date) -> list[Session]:
        return [s for s in self.by_day.get(day, ()) if s.is_run]

    def runs_near(self, monday: dt.date) -> bool:
        """Runs are logged in this week or the weeks next to it: the rules about when to lift
        around the runs can judge it. Without, they are quiet (the logbook cannot know)."""
        return bool({monday - WEEK, monday, monday + WEEK} & self.run_mondays)

    def strength_week(self, monday: dt.date) -> list[Session]:
        return self.by_week.get(monday, [])

    def in_window(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def in_window_weeks(self, day: dt.date) -> bool:
        """The day is in a week the window touches (the weeks a rule said once a week
        judges whole)."""
        start, end = self._window_weeks
        return start <= day < end

    def week_in_window(self, monday: dt.date) -> bool:
        return monday <= self.last and monday + 6 * DAY >= self.first

    def window_strength(self) -> list[Session]:
        return [s for s in self.strength if self.first <= s.date <= self.last]

    def window_mondays(self) -> list[dt.date]:
        monday, last = monday_of(self.first), monday_of(self.last)
        mondays = []
        while monday <= last:
            mondays.append(monday)
            monday += WEEK
        return mondays

    @cached_property
    def strength_days(self) -> list[dt.date]:
        """The days of `strength`, in its order (by date): for bisecting it."""
        return [s.date for s in self.strength]

    @cached_property
    def first_strength_monday(self) -> dt.date | None:
        return monday_of(self.strength[0].date) if self.strength else None

    @cached_property
    def last_judged_monday(self) -> dt.date:
        """Weeks are judged up to today, or to the end of the plan when it reaches further."""
        return monday_of(self.planned_until)

    def judged_mondays(self) -> list[dt.date]:
        """The weeks after the first strength session's week, up to today or the end of the
        plan: the weeks the counting rules judge."""
        start = self.first_strength_monday
        if start is None:
            return []
        mondays, monday = [], start + WEEK
        while monday <= self.last_judged_monday:
            mondays.append(monday)
            monday += WEEK
        return mondays

    # ---- exercises ----------------------------------------------------------------------
    def work(self, session: Session) -> list[SetEntry]:
        """The session's working sets: not marked as warm-ups, and not the unmarked ramp
        before an exercise's top sets either."""
        found = self._works.get(id(session))  # the plan holds the session: its id stays
        if found is None:
            found = self._works[id(session)] = self.plan.work_of(
                session, self.settings.ramp_fraction
            )[0]
        return found

    @staticmethod
    def minutes(session: Session) -> float | None:
        """The session's duration; for a strength session logged as longer than a session can
        last (a timer left running: imports hold "24h 1m"), the estimate from its sets
        (domain/durations.py), as the load chart judges it too."""
        return plausible_minutes(session) or None

    def is_lower_body(self, session: Session) -> bool:
        return session.is_strength and any(
            self.plan.facts(e.exercise).lower for e in self.work(session)
        )

    def leg_muscles(self, session: Session) -> frozenset[Muscle]:
        found: set[Muscle] = set()
        for entry in self.work(session):
            found.update(self.plan.facts(entry.exercise).leg_muscles)
        return frozenset(found)

    def current_e1rm(self, name: str, day: dt.date, with_body: bool = False) -> float | None:
        """The best set e1RM of `name` in the `e1rm_weeks` weeks up to `day` (page: Words).
        `with_body`: of the load moved (a bodyweight exercise's share of the body weight plus
        its added load, PlanInput.moved), as too_light judges it; without, of the load
        logged, which the suggestions add to or take from."""
        with_body = with_body and bool(self.plan.body_weights)  # else the same timeline
        if self._e1rm is None:
            self._e1rm = {}
        if with_body not in self._e1rm:
            self._e1rm[with_body] = self._build_e1rm(with_body)
        found = self._e1rm[with_body].get(self.plan.facts(name).name)
        if not found:
            return None
        days, values = found
        low = bisect.bisect_right(days, day - self.settings.e1rm_weeks * WEEK)
        high = bisect.bisect_right(days, day)
        return max(values[low:high], default=None)

    def _build_e1rm(self, with_body: bool) -> dict[str, tuple[list[dt.date], list[float]]]:
        timeline: dict[str, tuple[list[dt.date], list[float]]] = {}
        for session in self.strength:
            best: dict[str, float] = {}
            for entry in self.work(session):
                load = self.plan.moved(entry, session.date) if with_body else entry.weight_kg
                value = e1rm(load, entry.reps)
                if value is not None:
                    name = self.plan.facts(entry.exercise).name
                    best[name] = max(best.get(name, 0.0), value)
            for name, value in best.items():
                days, values = timeline.setdefault(name, ([], []))
                days.append(session.date)
                values.append(value)
        return timeline

    # ---- weeks --------------------------------------------------------------------------
    def phase(self, monday: dt.date) -> Phase | None:
        return self.phase_by_monday.get(monday)

    def race_ahead(self, monday: dt.date) -> Race | None:
        """The race this week starts shortly before (within race_window_days), if any."""
        if monday not in self._race_ahead:
            window = self.settings.race_window_days
            self._race_ahead[monday] = next(
                (r for r in self.plan.races if 0 <= (r.date - monday).days < window), None
            )
        return self._race_ahead[monday]

    def is_recovery(self, monday: dt.date) -> bool:
        return self.phase(monday) is Phase.RECOVERY

    def is_taper(self, monday: dt.date) -> bool:
        return self.phase(monday) is Phase.TAPER or self.race_ahead(monday) is not None

    def is_beginner_week(self, monday: dt.date) -> bool:
        """One of a new lifter's first weeks (the profile's beginner_weeks), counted from the
        week of the first strength session: judged on building up, not on too_light."""
        start = self.first_strength_monday
        weeks = self.settings.beginner_weeks
        return bool(weeks) and start is not None and monday < start + weeks * WEEK

    def is_easy_week(self, monday: dt.date) -> bool:
        """A recovery or taper week: lighter work is the point, not a mistake."""
        return self.is_recovery(monday) or self.is_taper(monday)

    def _weeks_before(
        self, monday: dt.date, wanted: Callable[[dt.date], bool]
    ) -> list[dt.date] | None:
        """The last `baseline_weeks` weeks before `monday` (within twice that many) that are
        not recovery or taper weeks and pass `wanted`; None when fewer are found."""
        weeks = self.settings.baseline_weeks
        found: list[dt.date] = []
        week = monday - WEEK
        while len(found) < weeks and week >= monday - 2 * weeks * WEEK:
            if not self.is_easy_week(week) and wanted(week):
                found.append(week)
            week -= WEEK
        return found if len(found) == weeks else None

    def baseline_volume(self, monday: dt.date) -> float | None:
        """The mean strength volume (kg lifted) of the last `baseline_weeks` weeks before
        `monday` that lifted loads, within twice that many weeks. Recovery and taper weeks
        are left out (light on purpose: the page's own deload and taper would otherwise make
        every return to normal training a "spike"), and so are weeks without loaded work: a
        blank week is no training the body got used to (counted as zero, it made a light taper
        week a spike), and bodyweight weeks before any body weight is logged lift no load to
        compare with (with one, they lift their share of it: PlanInput.moved). None when fewer
        such weeks are found: a beginner's first loaded weeks, or the first weeks back after
        a break, are no spike."""
        found = self._weeks_before(monday, lambda w: self.volume.get(w, 0.0) > 0)
        return sum(self.volume[w] for w in found) / len(found) if found else None

    def baseline_sets(self, monday: dt.date) -> float | None:
        """The mean working sets of the last `baseline_weeks` lifting weeks before `monday`
        (as baseline_volume chooses them, bodyweight weeks included)."""
        found = self._weeks_before(monday, lambda w: bool(self.by_week.get(w)))
        return sum(self.week_sets.get(w, 0) for w in found) / len(found) if found else None


def working_sets(session: Session, ramp_fraction: float) -> list[SetEntry]:
    """The sets of `session` that count as work: not marked warm-up, and not one of the
    lighter sets before an exercise's top sets (under `ramp_fraction` of its heaviest set in
    the session), which are the ramp to them. Drop sets and sets after the top ones stay."""
    marked = [e for e in session.sets if e.is_working]
    tops: dict[str, float] = {}
    for entry in marked:
        if entry.weight_kg:
            tops[entry.exercise] = max(tops.get(entry.exercise, 0.0), entry.weight_kg)
    reached: set[str] = set()
    work = []
    for entry in marked:
        top = tops.get(entry.exercise)
        if (
            top
            and entry.exercise not in reached
            and entry.set_type is SetType.WORKING
            and entry.weight_kg
            and entry.weight_kg < ramp_fraction * top
        ):
            continue  # still ramping up
        if entry.weight_kg:
            reached.add(entry.exercise)
        work.append(entry)
    return work
