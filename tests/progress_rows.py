"""The rows the store's progress queries return (store/progress_queries.py), built from
sessions in plain Python: the analysis tests compute series from them without a database,
and the store's tests check that its SQL gives these same rows."""

from __future__ import annotations

import datetime as dt

from runstrength_desktop.domain import Status, monday_of
from runstrength_desktop.domain.metrics import load_of, set_volume


def _lifting(sessions):
    return [s for s in sessions if s.status is Status.DONE and s.is_strength]


def exercise_rows(sessions, name: str) -> list[tuple]:
    """(session id, day, start, position, reps, kg, longest seconds, sets) of name's working
    sets, alike sets of a session (same reps and kg) in one row, ordered as SQLite orders
    them: by session, then reps and kg, None first."""
    rows: dict[tuple, list] = {}
    for s in sorted(_lifting(sessions), key=lambda s: s.id):
        start = s.start.strftime("%H:%M") if s.start else None
        for e in s.sets:
            if e.exercise == name and e.is_working:
                row = rows.setdefault(
                    (s.id, e.reps, e.weight_kg),
                    [s.id, s.date, start, s.order, e.reps, e.weight_kg, None, 0],
                )
                if e.seconds is not None and (row[6] is None or e.seconds > row[6]):
                    row[6] = e.seconds
                row[7] += 1

    def order(key: tuple) -> tuple:
        session, reps, kg = key
        return (session, reps is not None, reps or 0, kg is not None, kg or 0)

    return [tuple(rows[key]) for key in sorted(rows, key=order)]


def loaded_counts(sessions) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in _lifting(sessions):
        for name in {e.exercise for e in s.working_sets() if e.weight_kg and e.weight_kg > 0}:
            counts[name] = counts.get(name, 0) + 1
    return counts


def week_totals(sessions) -> dict[dt.date, tuple[int, int, float]]:
    weeks: dict[dt.date, list] = {}
    for s in sessions:
        if s.status is not Status.DONE or not (s.is_run or s.working_sets()):
            continue
        week = weeks.setdefault(monday_of(s.date), [0, 0, 0.0])
        if s.is_run:
            week[1] += 1
            week[2] += s.distance_km or 0.0
        else:
            week[0] += 1
    return {monday: tuple(values) for monday, values in weeks.items()}


def week_work(sessions) -> dict[dt.date, dict[str, tuple[int, float]]]:
    weeks: dict[dt.date, dict[str, tuple[int, float]]] = {}
    for s in _lifting(sessions):
        week = weeks.setdefault(monday_of(s.date), {})
        for e in s.working_sets():
            sets, volume = week.get(e.exercise, (0, 0.0))
            week[e.exercise] = (sets + 1, volume + set_volume(e))
    return weeks


def daily_loads(sessions) -> dict[dt.date, tuple[float, float, float, float]]:
    """Day -> (run load, lift load, their estimated parts), by domain.metrics.load_of."""
    days: dict[dt.date, list[float]] = {}
    for s in sessions:
        if s.status is Status.DONE and (load := load_of(s)) is not None:
            totals = days.setdefault(s.date, [0.0, 0.0, 0.0, 0.0])
            column = 0 if s.is_run else 1
            totals[column] += load.value
            if load.estimated:
                totals[column + 2] += load.value
    return {day: tuple(values) for day, values in days.items()}


def load_rows(sessions) -> list[tuple]:
    """(day, kind, run type, minutes, RPE, average and maximum heart rate, distance, working
    sets, their mean RPE) of done sessions, as store.progress_queries.load_rows gives them."""
    rows = []
    for s in sessions:
        if s.status is not Status.DONE:
            continue
        work = s.working_sets()
        rated = [e.rpe for e in work if e.rpe]
        rows.append(
            (
                s.date,
                s.kind.value,
                s.run_type.value if s.run_type else None,
                s.duration_min,
                s.rpe,
                s.avg_hr,
                s.max_hr,
                s.distance_km,
                len(work),
                sum(rated) / len(rated) if rated else None,
            )
        )
    return rows
