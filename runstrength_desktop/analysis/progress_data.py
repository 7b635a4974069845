"""The logbook as the progress charts see it: the sessions and the catalogue, loaded once,
patched when one session is saved, and every series computed at most once until the
sessions change (switching exercise or unit back and forth costs nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from ..domain import Catalogue, Session
from .balance import WeeklyBalance, weekly_balance
from .consistency import WeeklyConsistency, weekly_consistency
from .load import TrainingLoad, training_load
from .strength import (
    ExerciseIndex,
    ExerciseProgress,
    default_exercise,
    exercise_index,
    exercise_progress,
)

T = TypeVar("T")


class ProgressData:
    def __init__(
        self, sessions: list[Session], catalogue: Catalogue, today: dt.date | None = None
    ) -> None:
        self._sessions = sorted(sessions, key=Session.sort_key)
        self.catalogue = catalogue
        self.today = today
        self._memo: dict[tuple, object] = {}

    @property
    def sessions(self) -> list[Session]:
        return self._sessions

    def replace_session(self, session_id: int, session: Session | None) -> None:
        """Swap in one saved session (or drop it, when None: it was deleted)."""
        kept = [s for s in self._sessions if s.id != session_id]
        if session is not None:
            kept.append(session)
        self._sessions = sorted(kept, key=Session.sort_key)
        self._memo.clear()

    def _cached(self, key: tuple, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    # -- strength ----------------------------------------------------------------------------

    def index(self) -> ExerciseIndex:
        return self._cached(("index",), lambda: exercise_index(self._sessions))

    def exercises(self) -> list[str]:
        """Exercises with working sets in done sessions, alphabetically."""
        return sorted(self.index(), key=str.lower)

    def default_exercise(self) -> str | None:
        return self._cached(("default",), lambda: default_exercise(self.index(), self.catalogue))

    def progress(self, name: str) -> ExerciseProgress:
        return self._cached(
            ("progress", name), lambda: exercise_progress(name, self.index().get(name, []))
        )

    # -- weeks and load ----------------------------------------------------------------------

    def consistency(self) -> WeeklyConsistency | None:
        return self._cached(("consistency",), lambda: weekly_consistency(self._sessions))

    def balance(self) -> WeeklyBalance | None:
        return self._cached(("balance",), lambda: weekly_balance(self._sessions, self.catalogue))

    def load(self) -> TrainingLoad | None:
        return self._cached(("load",), lambda: training_load(self._sessions, self.today))
