"""What the progress charts read, as a cache of the store's aggregates that the change news
patches (no Qt here).

Nothing reads the whole logbook as sessions. The exercise list is one probe per catalogue
exercise; an exercise's sets are read when its chart is first shown; the weekly and daily
aggregates when a chart of weeks or days is first shown. After that, a change re-reads only
what it names: the weeks and days it touched, and, for the exercises already read, the sets
of the sessions it touched. Each area has a version, bumped only when what was re-read
differs, so a chart redraws only when its data really changed (moving a planned session
changes nothing the charts show, and costs a few small queries).

The series computed from the cache (analysis/) are kept until their area's version moves."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from .. import clock
from ..analysis.balance import WeeklyBalance, weekly_balance
from ..analysis.body import BodyWeights, body_weights, relative_progress, with_body_load
from ..analysis.compliance import WeeklyCompliance, weekly_compliance
from ..analysis.consistency import WeeklyConsistency, WeekTotals, weekly_consistency
from ..analysis.load import DayLoads, TrainingLoad, day_loads, training_load
from ..analysis.muscles import WeeklyMuscles, weekly_muscles
from ..analysis.strength import (
    ExerciseProgress,
    default_exercise,
    exercise_progress,
    patched_progress,
)
from ..analysis.volume import WeeklyVolume, easy_mondays, weekly_volume
from ..domain import Catalogue, Phase, monday_of
from ..domain.body_load import body_share
from ..domain.changes import Change
from ..domain.compliance import DayTally

if TYPE_CHECKING:
    from ..store import Repository

DEFAULT_WINDOW = dt.timedelta(days=365)  # the default exercise is what the last year holds


class ProgressSource:
    def __init__(self, repo: Callable[[], Repository]) -> None:
        self._repo = repo
        self._epoch = 0
        self._counters: dict[Hashable, int] = defaultdict(int)
        self._clear()

    def _clear(self) -> None:
        self._epoch += 1
        self._counters.clear()
        self._catalogue: Catalogue | None = None
        self._shares: dict[str, float] = {}  # exercise -> the body weight share it moves
        self._names: list[str] | None = None
        self._default: str | None = None
        self._lifts: dict[str, list[tuple]] = {}  # exercise -> its set rows, by session
        self._lifted_in: dict[str, set[int]] = {}  # exercise -> the sessions of its rows
        # exercise -> the sessions whose rows changed since its series was last worked out
        self._patched: dict[str, set[int]] = {}
        # exercise -> its series, with the versions of its rows and body weights behind it
        self._series: dict[str, tuple[tuple[Hashable, Hashable], ExerciseProgress]] = {}
        self._weeks: dict[dt.date, WeekTotals] | None = None
        self._work: dict[dt.date, dict[str, tuple[int, float]]] | None = None
        self._loads: dict[dt.date, DayLoads] | None = None
        self._tallies: dict[dt.date, list[DayTally]] | None = None  # plan against done
        self._tallies_today: dt.date | None = None  # what was due depends on the day
        self._phases: tuple[dict[str, Phase], list[dt.date]] | None = None
        self._body: BodyWeights | None = None
        self._any_body: bool | None = None
        self._memo: dict[Hashable, tuple[Hashable, Any]] = {}
        self._reset = False
        self._ids: set[int] = set()
        self._days: set[dt.date] = set()

    # -- news --------------------------------------------------------------------------------

    def take_news(self, change: Change) -> None:
        """Note what changed; the next read catches up (a hidden tab pays nothing)."""
        if change.replaced or change.catalogue:
            self._reset = True  # another logbook, or regions and muscles may have changed
            return
        if change.touches_sessions:
            self._ids |= change.session_ids
            self._days |= change.days
        if change.phases or change.races:
            self._phases = None
            self._bump("calendar")
        if change.body_weights:
            # Bodyweight work lifts its share of the body weight: its volume of every week
            # after the day may change (one query reads the weeks again).
            self._body = self._any_body = None
            self._bump("body")
            if self._work is not None:
                self._work = None
                self._bump("work")

    def _catch_up(self) -> None:
        if self._reset:
            self._clear()
            return
        if not self._ids:
            return
        repo, ids, days = self._repo(), self._ids, self._days
        self._ids, self._days = set(), set()
        lifted_now = repo.exercises_lifted_in(ids)
        for name, rows in self._lifts.items():
            held = self._lifted_in[name]
            if name not in lifted_now and held.isdisjoint(ids):
                continue  # neither had nor has sets in these sessions: its rows stay unread
            old = [row for row in rows if row[0] in ids] if not held.isdisjoint(ids) else []
            fresh = repo.exercise_sets(name, ids)
            if sorted(fresh, key=repr) != sorted(old, key=repr):
                self._lifts[name] = [row for row in rows if row[0] not in ids] + fresh
                self._lifted_in[name] = (held - ids) | {row[0] for row in fresh}
                self._patched.setdefault(name, set()).update(ids)
                self._bump(("lifts", name))
        if self._names is not None:
            names = sorted(repo.lifted_exercises(), key=str.lower)
            if names != self._names:
                self._names = names
                self._bump("exercises")
        mondays = {monday_of(day) for day in days}
        if self._weeks is not None:
            totals = {monday: tuple(rest) for monday, *rest in repo.week_totals(mondays)}
            if self._patch(self._weeks, mondays, totals):
                self._bump("weeks")
        if self._work is not None:
            work = self._group_work(repo.week_exercise_work(mondays))
            if self._patch(self._work, mondays, work):
                self._bump("work")
        if self._loads is not None and self._patch(
            self._loads, days, day_loads(repo.load_rows(days))
        ):
            self._bump("loads")
        if self._tallies is not None and self._tallies_today is not None and days:
            tallies = self._by_day(repo.day_tallies(min(days), max(days), self._tallies_today))
            if self._patch(self._tallies, days, tallies):
                self._bump("tallies")

    @staticmethod
    def _patch(cache: dict, keys: set, fresh: dict) -> bool:
        """Put `fresh` in place of the entries under `keys`; True when anything differs."""
        changed = False
        for key in keys:
            old, new = cache.get(key), fresh.get(key)
            if old != new:
                changed = True
                if new is None:
                    del cache[key]
                else:
                    cache[key] = new
        return changed

    def _share(self, name: str) -> float:
        """The share of the body weight a rep of `name` moves (0 for loaded lifts)."""
        if name not in self._shares:
            if self._catalogue is None:
                self._catalogue = self._repo().catalogue()
            self._shares[name] = body_share(self._catalogue.resolve(name))
        return self._shares[name]

    def _group_work(self, rows) -> dict[dt.date, dict[str, tuple[int, float]]]:
        """(sets, volume) by week and exercise; a bodyweight exercise's volume counts its
        share of the body weight of each set's day (store: body kg x reps)."""
        work: dict[dt.date, dict[str, tuple[int, float]]] = defaultdict(dict)
        for monday, name, sets, volume, body in rows:
            share = self._share(name) if body else 0.0
            work[monday][name] = (sets, volume + share * body)
        return dict(work)

    def _bump(self, area: Hashable) -> None:
        self._counters[area] += 1

    def version(self, area: Hashable) -> Hashable:
        """Changes whenever the data behind `area` changed: "exercises", ("lifts", name),
        "weeks", "work" or "loads"."""
        self._catch_up()
        return (self._epoch, self._counters[area])

    def _cached(self, key: Hashable, version: Hashable, compute: Callable[[], Any]) -> Any:
        held = self._memo.get(key)
        if held is None or held[0] != version:
            held = (version, compute())
            self._memo[key] = held
        return held[1]

    # -- reads -------------------------------------------------------------------------------

    @property
    def catalogue(self) -> Catalogue:
        self._catch_up()
        if self._catalogue is None:
            self._catalogue = self._repo().catalogue()
        return self._catalogue

    def exercises(self) -> list[str]:
        """Exercises with working sets in done sessions, alphabetically."""
        self._catch_up()
        if self._names is None:
            self._names = sorted(self._repo().lifted_exercises(), key=str.lower)
        return self._names

    def default_exercise(self) -> str | None:
        """The most-logged loaded lower-body lift of the year up to the last lifting session
        (of the whole logbook when that year has no loaded lift). It stays the default while
        it is still in the logbook, so a save never swaps the chart for another exercise."""
        names = self.exercises()
        if self._default is None or self._default not in names:
            repo = self._repo()
            last = repo.last_lifting_day()
            counts = {} if last is None else repo.loaded_session_counts(last - DEFAULT_WINDOW, last)
            self._default = default_exercise(counts, self.catalogue) or (
                default_exercise(repo.loaded_session_counts(), self.catalogue) if last else None
            )
        return self._default

    def _lifts_of(self, name: str) -> list[tuple]:
        self._catch_up()
        if name not in self._lifts:
            self._lifts[name] = rows = self._repo().exercise_sets(name)
            self._lifted_in[name] = {row[0] for row in rows}
        return self._lifts[name]

    def progress(self, name: str) -> ExerciseProgress:
        """The exercise's series; a bodyweight exercise's loads are what its sets move, its
        share of the body weight plus the load added (as the planner judges them), once a
        body weight is logged. After a save, the series held is patched: only the sessions
        whose rows changed are worked out again (analysis.strength.patched_progress)."""
        rows = self._lifts_of(name)
        share = self.body_share(name)
        weights = self.body_weights() if share else None
        version = (self.version(("lifts", name)), self.version("body") if share else None)
        held = self._series.get(name)
        if held is not None and held[0] == version:
            return held[1]
        changed = self._patched.pop(name, None)

        def loads(rows: list[tuple]) -> list[tuple]:
            return rows if weights is None else with_body_load(rows, share, weights)

        if held is not None and changed and held[0][1] == version[1]:
            progress = patched_progress(
                held[1], changed, loads([row for row in rows if row[0] in changed])
            )
        else:
            progress = exercise_progress(name, loads(rows))
        self._series[name] = (version, progress)
        return progress

    def moves_the_body(self, name: str) -> bool:
        """`name` is bodyweight work whose load is a share of the body weight."""
        return bool(self._share(name))

    def body_share(self, name: str) -> float:
        """The share of the body weight `name`'s loads include on the charts: 0 for a
        loaded lift, and for every exercise while no body weight is logged."""
        return self._share(name) if self.has_body_weights() else 0.0

    def relative_progress(self, name: str) -> ExerciseProgress:
        """The exercise's e1RM and loads as multiples of body weight."""
        progress, weights = self.progress(name), self.body_weights()
        return self._cached(
            ("relative", name),
            (self.version(("lifts", name)), self.version("body")),
            lambda: relative_progress(progress, weights),
        )

    def weeks(self) -> dict[dt.date, WeekTotals]:
        self._catch_up()
        if self._weeks is None:
            self._weeks = {monday: tuple(rest) for monday, *rest in self._repo().week_totals()}
        return self._weeks

    def work(self) -> dict[dt.date, dict[str, tuple[int, float]]]:
        self._catch_up()
        if self._work is None:
            self._work = self._group_work(self._repo().week_exercise_work())
        return self._work

    def sessions_on(self, day: dt.date) -> list:
        """One day's sessions (what the load chart's hover describes)."""
        return self._repo().sessions_between(day, day)

    def daily_loads(self) -> dict[dt.date, DayLoads]:
        self._catch_up()
        if self._loads is None:
            self._loads = day_loads(self._repo().load_rows())
        return self._loads

    @staticmethod
    def _by_day(tallies: list[DayTally]) -> dict[dt.date, list[DayTally]]:
        found: dict[dt.date, list[DayTally]] = defaultdict(list)
        for tally in tallies:
            found[tally.day].append(tally)
        return dict(found)

    def day_tallies(self) -> dict[dt.date, list[DayTally]]:
        """Each day's plan and what was done of it (the store counts them); read again when
        the day changes, since what is due depends on it."""
        self._catch_up()
        today = clock.today()
        if self._tallies is None or self._tallies_today != today:
            if self._tallies is not None:
                self._bump("tallies")
            self._tallies_today = today
            self._tallies = self._by_day(self._repo().day_tallies(dt.date.min, dt.date.max, today))
        return self._tallies

    def compliance(self) -> WeeklyCompliance | None:
        tallies = self.day_tallies()
        return self._cached(
            "compliance",
            self.version("tallies"),
            lambda: weekly_compliance(t for day in tallies.values() for t in day),
        )

    def easy_weeks(self, race_window_days: int) -> set[dt.date]:
        """Mondays of recovery and taper weeks (the phases set, and the weeks before races)."""
        self._catch_up()
        if self._phases is None:
            repo = self._repo()
            self._phases = (repo.week_phases(), [race.date for race in repo.races()])
        phases, races = self._phases
        return self._cached(
            ("easy", race_window_days),
            self.version("calendar"),
            lambda: easy_mondays(phases, races, race_window_days),
        )

    def body_weights(self) -> BodyWeights:
        self._catch_up()
        if self._body is None:
            self._body = body_weights(self._repo().body_weight_rows())
        return self._body

    def has_body_weights(self) -> bool:
        """Whether any weight is logged, without reading them (Strength's toggle asks)."""
        self._catch_up()
        if self._body is not None:
            return len(self._body) > 0
        if self._any_body is None:
            self._any_body = self._repo().has_body_weights()
        return self._any_body

    def consistency(self) -> WeeklyConsistency | None:
        weeks = self.weeks()
        return self._cached("consistency", self.version("weeks"), lambda: weekly_consistency(weeks))

    def balance(self) -> WeeklyBalance | None:
        work, catalogue = self.work(), self.catalogue
        return self._cached(
            "balance", self.version("work"), lambda: weekly_balance(work, catalogue)
        )

    def volume(self, exercise: str | None = None) -> WeeklyVolume | None:
        work, catalogue = self.work(), self.catalogue
        return self._cached(
            ("volume", exercise),
            self.version("work"),
            lambda: weekly_volume(work, catalogue, exercise),
        )

    def muscles(self) -> WeeklyMuscles | None:
        work, catalogue = self.work(), self.catalogue
        return self._cached(
            "muscles", self.version("work"), lambda: weekly_muscles(work, catalogue)
        )

    def load(self) -> TrainingLoad | None:
        loads, today = self.daily_loads(), clock.today()
        return self._cached(
            "load", (self.version("loads"), today), lambda: training_load(loads, today)
        )
