"""What one check sees (Calendar): the logbook (plan_input.PlanInput) as the view of it that
counts the right sessions and knows each week's phase.

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
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

from ..domain.durations import plausible_minutes
from ..domain.enums import Muscle, Phase, SessionKind, Status
from ..domain.session import (
    Race,
    Session,
    SetEntry,
    monday_of,
)
from .exercises import ExerciseFacts
from .plan_input import DAY, WEEK, PlanInput, _counts
from .session_work import SessionWork
from .settings import PlanSettings

_NONE: list[Session] = []  # no runs on a day (never changed)


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
        self.runs_by_day: dict[dt.date, list[Session]] = defaultdict(list)
        # What a rule works out about a session once per check (rules_progress's points).
        self.memo: dict[str, dict[int, Any]] = {}
        # The rules ask it some 100,000 times a whole-history check: bound, not a method.
        self.facts: Callable[[str], ExerciseFacts] = plan.facts
        self._works: dict[int, SessionWork] = {}  # id(session) -> summary(session)
        # The days of the weeks the window touches: from its first Monday to the Monday after.
        self.window_weeks = (monday_of(first), monday_of(last) + WEEK)
        # Weeks are judged to the end of the whole plan, also when this view is a slice.
        self.planned_until = plan.origin.plan_end(today)
        # Every check of the window starts here, over the half-year it reads: one pass.
        ramp, work_of, works = settings.ramp_fraction, plan.work_of, self._works
        for session in plan.sessions:
            if not self.counts(session):
                continue
            day, kind = session.date, session.kind
            self.by_day[day].append(session)
            if session.status is Status.PLANNED and day > self.planned_until:
                self.planned_until = day
            if kind is SessionKind.RUN:
                self.run_mondays.add(monday_of(day))
                self.runs_by_day[day].append(session)
            elif kind is SessionKind.STRENGTH and session.sets:
                found = work_of(session, ramp)
                if found.work:  # any set not marked as a warm-up (the top set is work)
                    monday = found.monday
                    works[id(session)] = found
                    self.strength.append(session)
                    self.by_week[monday].append(session)
                    self.volume[monday] += found.volume
                    self.week_sets[monday] += len(found.work)
        self.phase_by_monday = plan.phase_mondays()
        # with the body weight or not -> exercise -> (days, best e1RM of each day's session)
        self._e1rm: dict[bool, dict[str, tuple[list[dt.date], list[float]]]] | None = None
        self.light_weeks: dict[dt.date, bool] = {}  # rules_progress.is_light_week, memoised
        self._easy: dict[dt.date, bool] = {}
        self._baselines: dict[tuple[bool, dt.date], float | None] = {}
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
        return self.runs_by_day.get(day, _NONE)

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
        start, end = self.window_weeks
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
    def lift_and_run_days(self) -> list[dt.date]:
        """The window's days with both a lift (a strength session with working sets) and a
        run, in order: the days the rules about lifting and running on one day judge (a
        decade has some 3,000 days of sessions, and a few hundred of both)."""
        runs = self.runs_by_day
        return sorted({s.date for s in self.strength if s.date in runs and self.in_window(s.date)})

    @cached_property
    def race_days(self) -> list[dt.date]:
        return [r.date for r in self.plan.races]

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

    def judged_mondays(
        self, low: dt.date | None = None, high: dt.date | None = None
    ) -> list[dt.date]:
        """The weeks after the first strength session's week, up to today or the end of the
        plan: the weeks the counting rules judge (those from `low` to `high`: a check of a
        few weeks judges those, not the years to today)."""
        start = self.first_strength_monday
        if start is None:
            return []
        mondays, monday = [], start + WEEK
        if low is not None and monday < low:
            monday += -(-(low - monday).days // 7) * WEEK  # the first Monday from low on
        last = self.last_judged_monday if high is None else min(high, self.last_judged_monday)
        while monday <= last:
            mondays.append(monday)
            monday += WEEK
        return mondays

    # ---- exercises ----------------------------------------------------------------------
    def work(self, session: Session) -> list[SetEntry]:
        """The session's working sets: not marked as warm-ups, and not the unmarked ramp
        before an exercise's top sets either."""
        return self.summary(session).work

    def monday(self, session: Session) -> dt.date:
        return self.summary(session).monday

    def summary(self, session: Session) -> SessionWork:
        """The session's working sets and what follows from them (session_work.py)."""
        found = self._works.get(id(session))  # the plan holds the session: its id stays
        if found is None:
            found = self._works[id(session)] = self.plan.work_of(
                session, self.settings.ramp_fraction
            )
        return found

    @staticmethod
    def minutes(session: Session) -> float | None:
        """The session's duration; for a strength session logged as longer than a session can
        last (a timer left running: imports hold "24h 1m"), the estimate from its sets
        (domain/durations.py), as the load chart judges it too."""
        return plausible_minutes(session) or None

    def is_lower_body(self, session: Session) -> bool:
        return session.is_strength and self.summary(session).lower

    def leg_muscles(self, session: Session) -> frozenset[Muscle]:
        return self.summary(session).leg_muscles

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
            found = self.summary(session)
            best = found.best_moved if with_body else found.best
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
            # The first race from the Monday on (races are sorted by day): a logbook of
            # decades has a hundred, asked about for every week judged.
            races = self.plan.races
            index = bisect.bisect_left(self.race_days, monday)
            found = races[index] if index < len(races) else None
            if (
                found is not None
                and not (found.date - monday).days < self.settings.race_window_days
            ):
                found = None
            self._race_ahead[monday] = found
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
        found = self._easy.get(monday)
        if found is None:
            found = self._easy[monday] = self.is_recovery(monday) or self.is_taper(monday)
        return found

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
        key = (True, monday)
        if key not in self._baselines:
            found = self._weeks_before(monday, lambda w: self.volume.get(w, 0.0) > 0)
            self._baselines[key] = (
                sum(self.volume[w] for w in found) / len(found) if found else None
            )
        return self._baselines[key]

    def baseline_sets(self, monday: dt.date) -> float | None:
        """The mean working sets of the last `baseline_weeks` lifting weeks before `monday`
        (as baseline_volume chooses them, bodyweight weeks included)."""
        key = (False, monday)
        if key not in self._baselines:
            found = self._weeks_before(monday, lambda w: bool(self.by_week.get(w)))
            self._baselines[key] = (
                sum(self.week_sets.get(w, 0) for w in found) / len(found) if found else None
            )
        return self._baselines[key]
