"""The planner as the GUI uses it: flags for the weeks on screen, live flags and targets for
the session being edited, and week plans.

A check of a few weeks needs only the half-year before them (planning.engine.LOOKBACK) and
the last strength session before that, so the inputs are read from the repository for that
stretch alone, and kept until the change news says the logbook changed. A whole ten-year
logbook is never loaded for a click."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from .. import clock
from ..domain import Session, monday_of
from ..planning import (
    Flag,
    PlanInput,
    PlanSettings,
    Target,
    check,
    check_session,
    plan_week,
    targets_for_session,
)
from ..planning.engine import LOOKAHEAD, LOOKBACK
from . import settings_keys as keys

if TYPE_CHECKING:
    from ..domain.changes import Change
    from .context import AppContext


class Planner:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self._inputs: dict[tuple[dt.date, dt.date], PlanInput] = {}
        context.news.add_cache(self.take_news)

    def take_news(self, change: Change) -> None:
        if change.touches_plan or change.settings:
            self.forget()

    def forget(self) -> None:
        self._inputs.clear()

    @property
    def settings(self) -> PlanSettings:
        """The thresholds: the rules page's defaults, with the user's changes kept in
        QSettings (planning/settings, a JSON object of PlanSettings fields)."""
        saved = self.context.settings.value(keys.PLANNER_THRESHOLDS, "")
        values = {}
        if saved:
            try:
                values = json.loads(saved)
            except ValueError:
                values = {}
        values["unit"] = self.context.unit.value
        try:
            return PlanSettings.from_dict(values)
        except (TypeError, ValueError):
            return PlanSettings(unit=self.context.unit)

    def plan_input(self, first: dt.date, last: dt.date) -> PlanInput:
        """What a check dated first..last reads: the sessions around it and the context."""
        key = (first, last)
        if key not in self._inputs:
            repo = self.context.repo
            start = monday_of(first) - LOOKBACK
            sessions = repo.sessions_between(start, last + LOOKAHEAD)
            before = repo.last_strength_before(start, clock.today())
            if before is not None:
                sessions.insert(0, before)
            self._inputs[key] = PlanInput(
                sessions, repo.races(), repo.week_phases(), repo.catalogue()
            )
        return self._inputs[key]

    def flags(self, first: dt.date, last: dt.date) -> list[Flag]:
        return check(self.plan_input(first, last), self.settings, clock.today(), first, last)

    def _around(self, day: dt.date) -> PlanInput:
        monday = monday_of(day)
        return self.plan_input(monday - dt.timedelta(days=7), monday + dt.timedelta(days=13))

    def session_flags(self, session: Session) -> list[Flag]:
        """Flags about the session being edited, judged with it as it now stands."""
        return check_session(self._around(session.date), session, self.settings, clock.today())

    def targets(self, session: Session) -> dict[str, Target]:
        return targets_for_session(
            self._around(session.date), session, self.settings, clock.today()
        )

    def plan_week(self, day: dt.date) -> list[Session]:
        return plan_week(self._around(day), monday_of(day), self.settings, clock.today())
