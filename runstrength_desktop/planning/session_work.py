"""What the rules ask of one session's working sets, worked out in one pass over them
(SessionWork): its working sets, their volume, what its exercises count as, each exercise's
points and best e1RM, its loaded sets. A whole-history check asks these some 100,000 times;
the window asks them again at every click, so PlanInput.work_of keeps them per session."""

from __future__ import annotations

import operator
from collections.abc import Callable

from ..domain.body_load import BodyWeightLog, moved_kg
from ..domain.enums import Muscle, SetType, Side
from ..domain.metrics import E1RM_MAX_REPS
from ..domain.session import Session, SetEntry, monday_of
from .exercises import ExerciseFacts

Point = tuple[float, float]  # (load in kg, reps or seconds) of one working set


class SessionWork:
    """One session's working sets and what follows from them, with the catalogue's facts
    and the body weight of the session's day. Working sets: not marked as warm-ups, and not
    one of the lighter sets before an exercise's top sets (under `ramp_fraction` of its
    heaviest set in the session), which are the ramp to them; drop sets and sets after the
    top ones stay."""

    __slots__ = (
        "best",
        "best_moved",
        "body",
        "calf",
        "core",
        "day",
        "exercises",
        "hip",
        "leg_muscles",
        "loaded",
        "lower",
        "monday",
        "names",
        "plyometric",
        "points",
        "ramp",
        "session",
        "sets",
        "single_leg",
        "strength_exercises",
        "strength_sets",
        "upper",
        "volume",
        "work",
    )

    def __init__(
        self,
        session: Session,
        ramp_fraction: float,
        facts: Callable[[str], ExerciseFacts],
        body: BodyWeightLog | None,
    ) -> None:
        day = session.date
        self.session, self.day, self.ramp, self.body = session, day, ramp_fraction, body
        self.monday = monday_of(day)
        sets = self.sets = tuple(session.sets)
        # The top set of each exercise first.
        warmup, working, drop, each = SetType.WARMUP, SetType.WORKING, SetType.DROP, Side.EACH
        tops: dict[str, float] = {}
        for entry in sets:
            weight = entry.weight_kg
            if weight and entry.set_type is not warmup:
                written = entry.exercise
                tops[written] = max(tops.get(written, 0.0), weight)
        reached: set[str] = set()
        work: list[SetEntry] = []
        body_kg = body.on(day) if body else None
        volume = 0.0
        kinds: dict[str, ExerciseFacts] = {}  # by the exercise as written
        # What the loop asks of an exercise, by the exercise as written: its name, body
        # share, whether its sets are loaded sets, whether it is strength work.
        asked: dict[str, tuple[str, float, bool, bool]] = {}
        points: dict[str, list[Point]] = {}
        best: dict[str, float] = {}
        best_moved: dict[str, float] = {}
        loaded: dict[str, list[tuple[SetEntry, float]]] = {}
        strength_sets = 0
        # One pass, the arithmetic of PlanInput.set_volume and metrics.e1rm written out: a
        # whole-history check works out every set of the logbook here.
        for entry in sets:
            set_type = entry.set_type
            if set_type is warmup:
                continue
            written, weight, reps = entry.exercise, entry.weight_kg, entry.reps
            if weight and written not in reached:
                top = tops[written]
                if top and set_type is working and weight < ramp_fraction * top:
                    continue  # still ramping up
                reached.add(written)
            work.append(entry)
            facts_of = asked.get(written)
            if facts_of is None:
                found = kinds[written] = facts(written)
                facts_of = asked[written] = (
                    found.name,
                    found.body_share,
                    found.loaded,
                    found.lower or found.upper or found.core,
                )
            name, share, is_loaded, is_work = facts_of
            load = weight if not share or body_kg is None else moved_kg(weight, share, body_kg)
            if reps:
                if load and load > 0:
                    volume += load * reps * (2 if entry.side is each else 1)
                if reps <= E1RM_MAX_REPS and reps >= 1:
                    if weight and weight > 0:
                        value = weight if reps == 1 else weight * (1 + reps / 30)
                        if value > best.get(name, 0.0):
                            best[name] = value
                    if body is not None and load and load > 0:
                        value = load if reps == 1 else load * (1 + reps / 30)
                        if value > best_moved.get(name, 0.0):
                            best_moved[name] = value
            amount = reps if reps is not None else entry.seconds
            if amount is not None:
                point = (round(weight, 3) if weight else 0.0, amount)
                if name in points:
                    points[name].append(point)
                else:
                    points[name] = [point]
            if is_loaded and weight and weight > 0 and set_type is not drop:
                if name in loaded:
                    loaded[name].append((entry, load or 0.0))
                else:
                    loaded[name] = [(entry, load or 0.0)]
            if is_work:
                strength_sets += 1
        by_name = {f.name: f for f in kinds.values()}
        self.work, self.volume = work, volume
        self.points, self.best, self.loaded = points, best, loaded
        self.best_moved = best_moved if body is not None else best
        self.names = tuple(by_name)
        self.exercises = len(by_name)
        self.strength_sets = strength_sets
        self.strength_exercises = sum(1 for f in by_name.values() if f.lower or f.upper or f.core)
        every = by_name.values()
        self.lower = any(f.lower for f in every)
        self.upper = any(f.upper for f in every)
        self.core = any(f.core for f in every)
        self.calf = any(f.calf for f in every)
        self.single_leg = any(f.single_leg for f in every)
        self.plyometric = any(f.plyometric for f in every)
        self.hip = any(f.hip for f in every)
        legs: set[Muscle] = set()
        for f in every:
            legs.update(f.leg_muscles)
        self.leg_muscles = frozenset(legs)

    def holds(self, session: Session, ramp_fraction: float, body: BodyWeightLog | None) -> bool:
        """Still this session as it was worked out: the same object on the same day, with
        the same set objects, ramp and body weights (a set replaced since, an edit, is
        worked out again)."""
        sets = session.sets
        return (
            self.session is session
            and self.day == session.date
            and self.ramp == ramp_fraction
            and self.body is body
            and len(self.sets) == len(sets)
            and all(map(operator.is_, self.sets, sets))  # in C: called for every lookup
        )
