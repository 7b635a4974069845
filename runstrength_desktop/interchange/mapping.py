"""A parsed export becomes sessions of the logbook: each exercise name resolves through the
catalogue (aliases, then the normaliser: case, spaces, equipment in parentheses, plurals) or
through the user's choice in the import preview; the rest become custom exercises with a
guessed region and muscles, marked for review. Rows of running exercises become runs; other
cardio rows stay distance or time sets. Sessions the logbook already has (same source and
key) are left out, so importing a file twice adds nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import (
    Catalogue,
    Exercise,
    Measure,
    Session,
    SessionKind,
    SetEntry,
    Status,
    normalise_name,
)
from ..domain.validation import MAX_NAME_LENGTH, MAX_NOTES_LENGTH, name_problem
from .guess import Guesser, describe, is_running
from .records import ParsedExport, RowRecord, Skipped, WorkoutRecord, join_notes
from .report import ImportReport


@dataclass(frozen=True)
class Unmapped:
    """A name of the file that the catalogue does not know, and what it would become."""

    name: str
    rows: int
    guess: Exercise
    basis: str  # why the guess: "like Bench press", "from the name", ...

    @property
    def description(self) -> str:
        return describe(self.guess)


@dataclass
class ImportPlan:
    sessions: list[Session]  # only those the logbook does not have yet
    new_exercises: list[Exercise]  # custom exercises the sessions need
    unmapped: list[Unmapped]
    report: ImportReport


class _NameStats:
    __slots__ = ("category", "distance", "reps", "rows", "seconds")

    def __init__(self) -> None:
        self.rows, self.category = 0, ""
        self.reps = self.distance = self.seconds = False

    def add(self, row: RowRecord) -> None:
        self.rows += 1
        self.category = self.category or row.category
        self.reps |= row.reps is not None
        self.distance |= row.distance_km is not None
        self.seconds |= row.seconds is not None

    @property
    def measure(self) -> Measure | None:
        if self.reps:
            return Measure.REPS
        if self.distance:
            return Measure.DISTANCE
        return Measure.SECONDS if self.seconds else None


def _resolve_names(parsed: ParsedExport, catalogue: Catalogue, choices: dict[str, str]):
    """name -> Exercise, names that are not valid -> reason, the unmapped names, and the new
    exercises made for them."""
    stats: dict[str, _NameStats] = {}
    for workout in parsed.workouts:
        for row in workout.rows:
            stats.setdefault(row.exercise, _NameStats()).add(row)
    guesser = Guesser(catalogue)
    resolved: dict[str, Exercise] = {}
    invalid: dict[str, str] = {}
    unmapped: list[Unmapped] = []
    new_by_key: dict[str, Exercise] = {}
    for name, stat in stats.items():
        if problem := name_problem(name):
            invalid[name] = f"exercise name: {problem}"
            continue
        known = catalogue.resolve(name)
        chosen = catalogue.get(choices.get(name) or "")
        if known is None:
            key = normalise_name(name)
            guess = guesser.guess(name, stat.category, stat.measure)
            # Two spellings of one new name ('Chest Flys', 'chest fly') share one exercise.
            new = new_by_key.setdefault(key, guess.exercise)
            unmapped.append(
                Unmapped(
                    name,
                    stat.rows,
                    new,
                    guess.basis if new is guess.exercise else f"same as {new.name}",
                )
            )
            known = new
        resolved[name] = chosen or known
    return resolved, invalid, unmapped, list(new_by_key.values())


def build_plan(
    parsed: ParsedExport,
    catalogue: Catalogue,
    existing_keys=frozenset(),
    choices: dict[str, str] | None = None,
) -> ImportPlan:
    """The sessions to add. `existing_keys` are the source keys the logbook already has for
    this source; `choices` maps a name of the file to a catalogue exercise's name."""
    resolved, invalid, unmapped, guessed = _resolve_names(parsed, catalogue, choices or {})
    report = ImportReport(
        parsed.format,
        parsed.dialect,
        parsed.description,
        parsed.unit,
        data_rows=parsed.data_rows,
        pseudo_rows=parsed.pseudo_rows,
    )
    skipped = list(parsed.skipped)
    sessions: list[Session] = []
    for workout in sorted(parsed.workouts, key=lambda w: (w.date, w.start or dt.time(), w.key)):
        made = _sessions_of(workout, parsed.format, resolved, invalid, skipped)
        fresh = [s for s in made if s.source_key not in existing_keys]
        report.duplicates_skipped += len(made) - len(fresh)
        if fresh:
            report.workouts += 1
        sessions.extend(fresh)
    used = {entry.exercise for session in sessions for entry in session.sets}
    new_exercises = [e for e in guessed if e.name in used]
    report.sessions = len(sessions)
    report.sets = sum(len(s.sets) for s in sessions)
    report.runs = sum(1 for s in sessions if s.is_run)
    report.exercises = len(used)
    report.new_exercises = len(new_exercises)
    report.skipped = sorted(skipped, key=lambda s: s.line)
    return ImportPlan(sessions, new_exercises, unmapped, report)


def _sessions_of(
    workout: WorkoutRecord,
    source: str,
    resolved: dict[str, Exercise],
    invalid: dict[str, str],
    skipped: list[Skipped],
) -> list[Session]:
    start = workout.start.replace(second=0) if workout.start else None  # the store keeps HH:MM
    sets: list[SetEntry] = []
    runs: list[Session] = []
    for row in workout.rows:
        if row.exercise in invalid:
            skipped.append(Skipped(row.line, invalid[row.exercise]))
            continue
        exercise = resolved[row.exercise]
        if is_running(exercise):
            if row.distance_km is None and row.seconds is None:
                skipped.append(
                    Skipped(row.line, f"{row.exercise}: a run with neither distance nor time")
                )
                continue
            notes = "\n".join(workout.exercise_notes.get(row.exercise, ()))[:MAX_NOTES_LENGTH]
            runs.append(
                Session(
                    workout.date,
                    SessionKind.RUN,
                    Status.DONE,
                    start=start,
                    order=len(runs) + 1,
                    title=row.exercise[:MAX_NAME_LENGTH],
                    distance_km=row.distance_km,
                    duration_min=round(row.seconds / 60, 2) if row.seconds else None,
                    notes=notes,
                    source=source,
                    source_key=f"{workout.key} run {len(runs) + 1}",
                )
            )
        elif row.is_empty:
            skipped.append(
                Skipped(row.line, f"{row.exercise}: the set has no reps, weight, distance or time")
            )
        else:
            sets.append(
                SetEntry(
                    exercise.name,
                    row.set_type,
                    reps=row.reps,
                    weight_kg=row.weight_kg,
                    seconds=row.seconds,
                    distance_km=row.distance_km,
                    rpe=row.rpe,
                )
            )
    ran = {run.title for run in runs}
    if not sets:
        if runs and workout.notes.strip():  # the workout's notes go with its only sessions
            runs[0].notes = "\n".join(filter(None, (workout.notes.strip(), runs[0].notes)))
        return runs
    return [
        Session(
            workout.date,
            SessionKind.STRENGTH,
            Status.DONE,
            start=start,
            title=workout.title[:MAX_NAME_LENGTH],
            duration_min=workout.duration_min,
            notes=join_notes(workout, MAX_NOTES_LENGTH, leave_out=ran),
            sets=sets,
            source=source,
            source_key=workout.key,
        )
    ] + runs
