"""What the rules read: the logbook as plain objects (PlanInput), each session's working
sets worked out once, and what the planner is told rather than reads (today, the catalogue,
the body weights). The words it uses are defined in calendar.py's docstring."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Protocol

from ..domain.body_load import BodyWeightLog, moved_kg
from ..domain.enums import Phase, Side, Status
from ..domain.exercise import Catalogue, Exercise
from ..domain.session import (
    BodyWeight,
    Logbook,
    Race,
    Session,
    SetEntry,
    week_monday,
)
from .exercises import ExerciseFacts, facts_for
from .session_work import SessionWork

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)


class LogbookReads(Protocol):
    """What PlanInput.from_repository reads: store.Repository has it (planning imports no
    store)."""

    def sessions_to_judge(self) -> list[Session]: ...

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
        work: dict[int, SessionWork] | None = None,
        facts: dict[str, ExerciseFacts] | None = None,
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
        # What each exercise counts as (see facts), by its name as written: kept across
        # inputs by a caller that passes its own, as long as the catalogue stays the same.
        self._facts: dict[str, ExerciseFacts] = {} if facts is None else facts
        self._stand_ins: dict[int, int] = {}
        # id(session) -> its SessionWork: see work_of. A caller that builds inputs again and
        # again over the same session objects (the GUI's planner, after each change) passes
        # its own, kept across inputs.
        self._work: dict[int, SessionWork] = {} if work is None else work
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
        """From anything with the Repository's read API (planning never imports the store):
        the sessions with what the planner judges of them (sessions_to_judge, without their
        notes and origins), so a fix's sessions are for its preview; the GUI's planner reads
        whole sessions (gui/planner.py)."""
        return cls(
            repo.sessions_to_judge(),
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

    def work_of(self, session: Session, ramp_fraction: float) -> SessionWork:
        """The session's working sets and what follows from them (session_work.py), worked
        out once for this input and its slices: the window checks the same sessions again at
        every click. The session is kept with its entry, so its id cannot be reused by
        another object while it is here, and so are its set objects: a set replaced since
        (an edit) is worked out again, and so is a session worked out with other body
        weights (bodyweight work lifts a share of them: the caller passes one log until they
        change)."""
        found = self._work.get(id(session))
        body = self.body_weights or None  # no weights logged: any empty log is the same
        if found is None or not found.holds(session, ramp_fraction, body):
            found = SessionWork(session, ramp_fraction, self.facts, body)
            self._work[id(session)] = found
        return found

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
