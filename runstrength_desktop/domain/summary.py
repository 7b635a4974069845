"""Short human descriptions and totals of sessions, shared by the calendar, the editor, the
progress tab and the CLI. Pure: the caller picks the unit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .enums import Muscle, Region, Side, Status, WeightUnit
from .exercise import Catalogue
from .metrics import set_volume
from .session import Session, SetEntry
from .units import distance_unit_for, format_distance, format_number, format_weight, kg_to


def describe_sets(sets: list[SetEntry], unit: WeightUnit) -> str:
    """'3 x 8 @ 60 kg', '2 x 45 s', '8, 8, 6 @ 60 kg' for one exercise's working sets."""
    work = [s for s in sets if s.is_working] or sets
    if not work:
        return ""
    if all(s.reps is None and s.seconds for s in work):
        amounts = [f"{format_number(s.seconds or 0)} s" for s in work]
    else:
        amounts = [str(s.reps) if s.reps is not None else "?" for s in work]
    amount = f"{len(work)} x {amounts[0]}" if len(set(amounts)) == 1 else ", ".join(amounts)
    loads = {s.weight_kg for s in work if s.weight_kg}
    if len(loads) == 1:
        amount += f" @ {format_weight(loads.pop(), unit)}"
    elif loads:
        amount += f" @ {format_number(kg_to(min(loads), unit))}-{format_weight(max(loads), unit)}"
    return amount + (" each side" if all(s.side is Side.EACH for s in work) else "")


def by_exercise(session: Session) -> dict[str, list[SetEntry]]:
    grouped: dict[str, list[SetEntry]] = defaultdict(list)
    for entry in session.sets:
        grouped[entry.exercise].append(entry)
    return dict(grouped)


def session_headline(session: Session, unit: WeightUnit) -> str:
    """One line for a list or a calendar chip."""
    if session.is_run:
        kind = session.run_type.value.capitalize() if session.run_type else "Run"
        parts = [kind, format_distance(session.distance_km, distance_unit_for(unit))]
        if session.duration_min:
            parts.append(f"{format_number(session.duration_min, 0)} min")
        return " ".join(p for p in parts if p)
    names = session.exercise_names()
    title = session.title or ", ".join(names[:2]) or "Strength"
    return f"{title} ({len(session.working_sets())} sets)"


@dataclass
class YearTotals:
    year: int
    runs: int = 0
    run_km: float = 0.0
    strength_sessions: int = 0
    working_sets: int = 0
    volume_kg: float = 0.0
    calf_sets: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def strength_per_week(self) -> float:
        """Over the weeks the logbook covers that year, not all 52 (a first or current year
        is partial)."""
        if self.first is None or self.last is None:
            return 0.0
        weeks = max(1.0, ((self.last - self.first).days + 1) / 7)
        return self.strength_sessions / weeks


def year_totals(sessions: list[Session], calf_names: set[str]) -> list[YearTotals]:
    """Done sessions per calendar year, newest year first."""
    totals: dict[int, YearTotals] = {}
    for s in sessions:
        if s.status is not Status.DONE:
            continue
        t = totals.setdefault(s.date.year, YearTotals(s.date.year))
        t.first = min(t.first or s.date, s.date)
        t.last = max(t.last or s.date, s.date)
        if s.is_run:
            t.runs += 1
            t.run_km += s.distance_km or 0.0
        elif s.working_sets():
            work = s.working_sets()
            t.strength_sessions += 1
            t.working_sets += len(work)
            t.volume_kg += sum(set_volume(e) for e in work)
            t.calf_sets += sum(1 for e in work if e.exercise in calf_names)
    return sorted(totals.values(), key=lambda t: t.year, reverse=True)


@dataclass
class WeekTotals:
    runs: int = 0
    km: float = 0.0
    strength: int = 0
    calves: bool = False
    upper: bool = False
    core: bool = False


def week_totals(sessions: list[Session], catalogue: Catalogue) -> WeekTotals:
    """What a week's column shows: running, strength sessions, and whether calves, upper body
    and core got working sets (planned and done sessions; skipped ones do not count)."""
    totals = WeekTotals()
    for s in sessions:
        if s.status is Status.SKIPPED:
            continue
        if s.is_run:
            totals.runs += 1
            totals.km += s.distance_km or 0.0
            continue
        work = s.working_sets()
        if not work:
            continue
        totals.strength += 1
        for entry in work:
            exercise = catalogue.resolve(entry.exercise)
            if exercise is None:
                continue
            totals.calves |= exercise.is_calf
            totals.upper |= exercise.region is Region.UPPER
            totals.core |= exercise.region is Region.CORE or Muscle.CORE in exercise.muscles
    return totals
