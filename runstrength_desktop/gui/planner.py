"""The planner as the GUI uses it: flags for the weeks on screen, live flags and targets for
the session being edited, and week plans.

A check of a few weeks needs only the half-year before them and a few weeks after
(planning.engine.reach: LOOKBACK before, LOOKAHEAD or the rest of the month after), so the
planner keeps the logbook's sessions by week, read when a week is first needed, and the flags
it found, by week. Both are caches of the change news: a change re-reads only the weeks it
touched, and forgets the flags of the weeks whose check reads those days (from LOOKAHEAD, or
the start of the month, before to LOOKBACK after; and every week of the plan when a planned
day changed, since weeks are judged up to the plan's end). A month switch then checks only
the weeks it has not seen, and a ten-year logbook is never read for a click."""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import clock
from ..domain import Phase, Race, Session, Status, iso_week, monday_of
from ..domain.body_load import BodyWeightLog
from ..domain.exercise import Catalogue
from ..planning import (
    Fix,
    Flag,
    PlanInput,
    PlanSettings,
    Target,
    WeekPlan,
    check,
    check_session,
    fix_for,
    notes,
    sort_flags,
    targets_for_session,
    week_plan,
)
from ..planning.engine import LOOKAHEAD, LOOKBACK, reach
from ..planning.exercises import ExerciseFacts
from ..planning.repeats import run_reach
from ..planning.seasonplan import SeasonPlan, season_from_repository
from ..planning.session_work import SessionWork
from . import settings_keys as keys

if TYPE_CHECKING:
    from ..domain.changes import Change
    from .context import AppContext

WEEK = dt.timedelta(days=7)


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    monday, found = monday_of(first), []
    while monday <= last:
        found.append(monday)
        monday += WEEK
    return found


class Planner:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self._weeks: dict[dt.date, list[Session]] = {}  # monday -> the week's sessions
        self._flags: dict[dt.date, list[Flag]] = {}  # monday -> the week's flags
        self._before: dict[dt.date, Session | None] = {}  # slice start -> last lift before
        self._races: list[Race] | None = None
        self._phases: dict[str, Phase] | None = None
        self._phase_weeks: list[str] = []  # the keys of _phases, sorted
        self._body_weights: BodyWeightLog | None = None  # few: read whole, once
        self._inputs: dict[tuple[dt.date, dt.date], PlanInput] = {}  # (start, end) -> input
        self._notes: dict[tuple[dt.date, dt.date], list[str]] = {}
        self._settings: PlanSettings | None = None
        # The sessions' working sets, kept across the inputs built after each change (see
        # PlanInput.work_of): only the sessions of the weeks a change read again are
        # worked out again.
        self._work: dict[int, SessionWork] = {}
        self._facts: dict[str, ExerciseFacts] = {}  # what the exercises count as, in
        self._facts_of: Catalogue | None = None  # this catalogue
        context.news.add_cache(self.take_news)

    # -- the news ----------------------------------------------------------------------------

    def take_news(self, change: Change) -> None:
        if change.touches_plan or change.settings:
            self._inputs.clear()
            self._notes.clear()
        if change.replaced or change.catalogue:
            self.forget()
            return
        if change.settings:
            self._settings = None
            self._flags.clear()
        if change.races or change.phases:
            self._races = self._phases = None
            self._flags.clear()
        if change.body_weights:  # the load of bodyweight work, in every week after it
            self._body_weights = None
            self._inputs.clear()
            self._notes.clear()
            self._flags.clear()
        if change.touches_sessions:
            self._sessions_changed(change.days)
        self._keep_work_of_held_sessions()

    def _keep_work_of_held_sessions(self) -> None:
        """Forget the working sets of sessions no longer held (a week read again, a draft
        the editor checked): entries keep their sessions alive, so they are pruned here."""
        held = {id(s) for week in self._weeks.values() for s in week}
        held.update(id(s) for s in self._before.values() if s is not None)
        for key in [k for k in self._work if k not in held]:
            del self._work[key]

    def _sessions_changed(self, days: Iterable[dt.date]) -> None:
        days = sorted(days)
        today = clock.today()
        for monday in {monday_of(d) for d in days}:
            if monday in self._weeks:
                del self._weeks[monday]  # read again when next needed
        self._before.clear()
        stale: set[dt.date] = set()
        for day in days:
            # A week's check reads from LOOKBACK before it to LOOKAHEAD, or its month's end,
            # after it (engine.reach).
            since = min(day - LOOKAHEAD - WEEK, monday_of(day.replace(day=1)) - WEEK)
            stale.update(m for m in self._flags if since < m <= day + LOOKBACK)
        if days and days[-1] >= today:  # the plan changed: weeks are judged to its end
            stale.update(m for m in self._flags if m >= monday_of(today))
        for monday in stale:
            del self._flags[monday]

    def forget(self) -> None:
        self._work.clear()
        self._facts.clear()
        self._weeks.clear()
        self._flags.clear()
        self._before.clear()
        self._inputs.clear()
        self._notes.clear()
        self._races = self._phases = None
        self._body_weights = None
        self._settings = None

    # -- the thresholds ----------------------------------------------------------------------

    @property
    def settings(self) -> PlanSettings:
        """The thresholds: the defaults of the runner's profile, with the user's changes,
        both kept in QSettings (JSON objects of RunnerProfile and PlanSettings fields)."""
        if self._settings is None:
            values = self._saved(keys.PLANNER_THRESHOLDS)
            values["profile"] = self._saved(keys.PLANNER_PROFILE)
            values["unit"] = self.context.unit.value
            try:
                self._settings = PlanSettings.from_dict(values)
            except (TypeError, ValueError):
                try:  # a bad threshold: keep the profile at least
                    profile = {"profile": values["profile"], "unit": values["unit"]}
                    self._settings = PlanSettings.from_dict(profile)
                except (TypeError, ValueError):
                    self._settings = PlanSettings(unit=self.context.unit)
        return self._settings

    def _saved(self, key: str) -> dict:
        saved = self.context.settings.value(key, "")
        try:
            values = json.loads(str(saved)) if saved else {}
        except ValueError:
            return {}
        return values if isinstance(values, dict) else {}

    # -- what a check reads ------------------------------------------------------------------

    def _sessions(self, first: dt.date, last: dt.date) -> list[Session]:
        """The sessions of the weeks from first's to last's, reading the weeks not held."""
        mondays = _mondays(first, last)
        missing = [m for m in mondays if m not in self._weeks]
        if missing:
            repo = self.context.repo
            for monday in missing:
                self._weeks[monday] = []
            # One read for the whole stretch of missing weeks (they are mostly contiguous).
            for session in repo.sessions_between(missing[0], missing[-1] + WEEK - dt.timedelta(1)):
                week = self._weeks.get(monday_of(session.date))
                if week is not None and monday_of(session.date) in missing:
                    week.append(session)
        return [s for m in mondays for s in self._weeks[m]]

    def sessions(self, first: dt.date, last: dt.date) -> list[Session]:
        """The logbook's sessions of first..last, in its order, from the weeks held for the
        checks (the calendar shows the weeks its flags are checked on: read once for both).
        They are shared: never change one in place."""
        return [s for s in self._sessions(first, last) if first <= s.date <= last]

    def plan_input(self, first: dt.date, last: dt.date) -> PlanInput:
        """What a check dated first..last reads: the sessions around it and the context."""
        repo = self.context.repo
        start, end = reach(first, last)
        if (start, end) in self._inputs:  # the editor asks for the same weeks at each key
            return self._inputs[(start, end)]
        sessions = self._sessions(start, end)
        if start not in self._before:
            self._before[start] = repo.last_strength_before(start, clock.today())
        if (before := self._before[start]) is not None:
            sessions.insert(0, before)
        if self._races is None or self._phases is None:
            self._races, self._phases = repo.races(), repo.week_phases()
            self._phase_weeks = sorted(self._phases)
        # Only the phases of the weeks read: a 30-year logbook has 1,500 of them to parse,
        # and to walk through at each change (ISO week names sort as the weeks do).
        weeks = self._phase_weeks
        low = bisect.bisect_left(weeks, iso_week(start))
        high = bisect.bisect_right(weeks, iso_week(end))
        phases = {w: self._phases[w] for w in weeks[low:high]}
        if self._body_weights is None:
            self._body_weights = BodyWeightLog(repo.body_weight_rows())
        catalogue = repo.catalogue()
        if catalogue is not self._facts_of:  # the facts are its own
            self._facts.clear()
            self._facts_of = catalogue
        found = PlanInput(
            sessions,
            self._races,
            phases,
            catalogue=catalogue,
            body_weights=self._body_weights,
            work=self._work,
            facts=self._facts,
        )
        self._inputs[(start, end)] = found
        return found

    def flags(self, first: dt.date, last: dt.date) -> list[Flag]:
        """The flags dated first..last: those of the weeks already checked, and one check for
        the stretch of weeks not checked yet."""
        mondays = _mondays(first, last)
        missing = [m for m in mondays if m not in self._flags]
        if missing:
            span_first, span_last = missing[0], missing[-1] + WEEK - dt.timedelta(1)
            found = check(
                self.plan_input(span_first, span_last),
                self.settings,
                clock.today(),
                span_first,
                span_last,
            )
            for monday in _mondays(span_first, span_last):
                self._flags[monday] = []
            for flag in found:
                self._flags[monday_of(flag.date)].append(flag)
        return [f for m in mondays for f in self._flags[m] if first <= f.date <= last]

    def flags_spanning(self, first: dt.date, last: dt.date) -> list[Flag]:
        """The flags about first..last: those dated in them, and those dated later that say
        a run of weeks reaching into them (planning.check_spanning: at most to the end of
        the month of last's week)."""
        found = self.flags(first, max(last, run_reach(last)))
        return [f for f in found if f.spans(first, last)]

    def _around(self, day: dt.date) -> PlanInput:
        monday = monday_of(day)
        return self.plan_input(monday - WEEK, monday + 2 * WEEK - dt.timedelta(1))

    def session_flags(self, session: Session, stored: bool = False) -> list[Flag]:
        """Flags about the session being edited, judged with it as it now stands. `stored`:
        it is the logbook's session unchanged (just opened), so its flags are those of its
        weeks' check that name it, kept by week for the calendar too (a planned session on
        a past day is the exception: the editor judges it, a week's check does not count
        it)."""
        today = clock.today()
        past_plan = session.status is Status.PLANNED and session.date < today
        if stored and session.id is not None and not past_plan:
            monday = monday_of(session.date)
            found = self.flags(monday - WEEK, monday + 2 * WEEK - dt.timedelta(1))
            return sort_flags([f for f in found if session.id in f.session_ids])
        return check_session(self._around(session.date), session, self.settings, today)

    def targets(self, session: Session) -> dict[str, Target]:
        return targets_for_session(
            self._around(session.date), session, self.settings, clock.today()
        )

    def plan_week(self, day: dt.date) -> list[Session]:
        return self.week_plan(day).sessions

    def week_plan(self, day: dt.date) -> WeekPlan:
        """The week's plan with the reason for each placement, before it is written."""
        return week_plan(self._around(day), monday_of(day), self.settings, clock.today())

    def season(self, race, start: dt.date, replace_own: bool = False) -> SeasonPlan:
        """The season from `start` to `race` and the week after it, before it is written (it
        reads the half-year before and the season's weeks: about a second)."""
        return season_from_repository(
            self.context.repo,
            race,
            self.settings,
            clock.today(),
            start=start,
            replace_own=replace_own,
        )

    def fix(self, flag: Flag) -> Fix | None:
        """The fix for a flag on screen, tried on the weeks around it (None: no fix)."""
        return fix_for(self._around(flag.date), flag, self.settings, clock.today())

    def notes(self, first: dt.date, last: dt.date) -> list[str]:
        """What the check of first..last could not judge (no runs near its weeks); kept with
        the inputs, as the panel asks again at every selected day."""
        key = (first, last)
        if key not in self._notes:
            self._notes[key] = notes(
                self.plan_input(first, last), self.settings, clock.today(), first, last
            )
        return self._notes[key]
