"""A parsed export becomes sessions of the logbook. Each exercise name resolves through the
catalogue: a name or alias, else the matcher (domain/exercise_match.py). A sure match is
applied (a variant the catalogue lacks becomes a new exercise of its family, with the
family's region and muscles); an unsure one is only proposed, and the name becomes a custom
exercise with a guessed region and muscles, marked for review, unless the user maps it in
the import preview. Rows of running exercises become runs; other cardio rows stay distance
or time sets. Sessions the logbook already has (same source and key) are left out, so
importing a file twice adds nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

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
from ..domain.durations import duration_looks_wrong
from ..domain.exercise_names import variant_equipment, variant_words
from ..domain.validation import MAX_NAME_LENGTH, MAX_NOTES_LENGTH, name_problem
from .guess import Guesser, describe, is_running
from .records import ParsedExport, RowRecord, Skipped, WorkoutRecord, join_notes
from .report import ImportReport, NameLine

SURE, VARIANT, NEW = "sure", "new variant", "new exercise"
KEEP_NEW = ""  # a choice: the name becomes an exercise of its own, whatever it matched


@dataclass(frozen=True)
class Unmapped:
    """A name of the file that is not a catalogue spelling, and what its sets land on:
    a catalogue exercise it surely means (SURE), a new variant of a family (VARIANT), or a
    new custom exercise (NEW) with, perhaps, an unsure `proposal`."""

    name: str
    rows: int
    guess: Exercise
    basis: str  # why: "cable variant of Lateral raise", "like Bench press", ...
    kind: str = NEW
    proposal: Exercise | None = None

    @property
    def description(self) -> str:
        return describe(self.guess)

    @property
    def creates(self) -> bool:
        return self.kind != SURE


@dataclass
class ImportPlan:
    sessions: list[Session]  # only those the logbook does not have yet
    new_exercises: list[Exercise]  # custom exercises the sessions need
    unmapped: list[Unmapped]  # every name that is not a catalogue spelling, most sets first
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


def new_variant(family: Exercise, label: str) -> Exercise:
    """A variant of a family the catalogue lacks: the family's facts, its own records."""
    equipment = variant_equipment(variant_words(label), family.equipment)
    return replace(
        family,
        name=f"{family.name} ({label})",
        family=family.name,
        variant=label,
        equipment=equipment,
        aliases=(),
        user_aliases=(),
        custom=True,
        needs_review=False,
        hidden=False,
        id=None,
    )


class _Names:
    """What each name of the file becomes, sharing one new exercise between spellings."""

    def __init__(self, catalogue: Catalogue, choices: dict[str, str]) -> None:
        self.catalogue, self.choices = catalogue, choices
        self.guesser = Guesser(catalogue)
        self.new: dict[str, Exercise] = {}  # new exercises by name (variants) or key
        self.unmapped: list[Unmapped] = []

    def resolve(self, name: str, stat: _NameStats) -> Exercise:
        catalogue, chosen = self.catalogue, self.choices.get(name)
        picked = catalogue.get(chosen) if chosen else None
        exact = catalogue.resolve_spelling(name)
        if exact is not None and chosen != KEEP_NEW:
            return picked or exact
        found = None if exact is not None else catalogue.match(name)
        if found is not None and found.sure and chosen != KEEP_NEW:
            if found.exercise is not None:
                unmapped = Unmapped(name, stat.rows, found.exercise, found.basis, SURE)
            elif found.family is not None:
                made = new_variant(found.family, found.variant)

                made = catalogue.get(made.name) or self.new.setdefault(made.name, made)
                unmapped = Unmapped(name, stat.rows, made, found.basis, VARIANT)
        else:
            guess = self.guesser.guess(name, stat.category, stat.measure)
            made = self.new.setdefault(normalise_name(name), guess.exercise)
            basis = guess.basis if made is guess.exercise else f"same as {made.name}"
            # An unsure match is proposed; so is a sure one the user chose to keep apart.
            proposal = exact if exact is not None else found.target if found is not None else None
            unmapped = Unmapped(name, stat.rows, made, basis, NEW, proposal)
        self.unmapped.append(unmapped)
        return picked or unmapped.guess


def _resolve_names(parsed: ParsedExport, catalogue: Catalogue, choices: dict[str, str]):
    """name -> Exercise, names that are not valid -> reason, the names that are not
    catalogue spellings, and the new exercises made for them."""
    stats: dict[str, _NameStats] = {}
    for workout in parsed.workouts:
        for row in workout.rows:
            stats.setdefault(row.exercise, _NameStats()).add(row)
    names = _Names(catalogue, choices)
    resolved: dict[str, Exercise] = {}
    invalid: dict[str, str] = {}
    for name, stat in stats.items():
        if problem := name_problem(name):
            invalid[name] = f"exercise name: {problem}"
            continue
        resolved[name] = names.resolve(name, stat)
    unmapped = sorted(names.unmapped, key=lambda u: (-u.rows, u.name.lower()))
    return resolved, invalid, unmapped, list(names.new.values())


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
        unit_source=parsed.unit_source,
        notes=list(parsed.notes),
    )
    if parsed.unit_guess is not None:
        report.unit_reason = parsed.unit_guess.reason
        report.unit_sure = parsed.unit_guess.sure
    report.names = [
        NameLine(
            u.name, u.rows, u.guess.name, u.kind, u.basis, u.proposal.name if u.proposal else None
        )
        for u in unmapped
    ]
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
    report.durations_look_wrong = sum(1 for s in sessions if duration_looks_wrong(s))
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
