"""The repository's catalogue writes beyond adding an exercise: keeping the shipped entries as
the app ships them, and what the exercise manager does (edit a custom exercise, hide one,
merge one into another and take the merge back). A mixin of Repository: each public method
runs under its guard (one database binding, StoreError, news after the commit)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from peewee import JOIN, fn

from ..domain import Exercise
from ..domain.changes import Change
from ..domain.exercise import ExerciseMerge
from ..domain.validation import FieldError, ValidationError, exercise_errors
from .bulk_insert import insert_rows, insert_sql
from .convert import exercise_fields, exercise_from_row
from .core import StoreCore, as_date, tuples
from .models import ExerciseRow, SessionRow, SetRow

_BATCH = 500
# What a newer app may change in a shipped entry; the user's own columns (hidden, their
# spellings) are left alone.
SHIPPED_FACTS = (
    "region",
    "category",
    "muscles",
    "equipment",
    "measure",
    "per_side",
    "aliases",
    "family",
    "variant",
)


class ExerciseStore(StoreCore):
    def add_exercise(self, exercise: Exercise) -> Exercise:
        """Add a user's own exercise (custom=True); its name must be new."""
        if self.catalogue().get(exercise.name):
            raise ValidationError([FieldError("name", f"{exercise.name!r} already exists")])
        if errors := exercise_errors(exercise):
            raise ValidationError(errors)
        with self.db.atomic():
            fields = exercise_fields(exercise) | {"custom": True}
            new_id = ExerciseRow.insert(fields).execute()
        self._catalogue = None
        self._note(Change(catalogue=True, what=f"add exercise {exercise.name}"))
        return exercise_from_row(ExerciseRow.get_by_id(new_id))

    def _sync_shipped(self, shipped: tuple[Exercise, ...]) -> None:
        """Seed a new logbook, give an old one the exercises a newer app ships, and bring
        the shipped entries it has up to date (a family's variants take their spellings
        away from the family's own exercise)."""
        # As dicts: every open compares the whole catalogue, and a model object per row
        # cost more than the rest of the comparison.
        rows: dict[str, dict[str, Any]] = {row["name"]: row for row in _dicts(ExerciseRow.select())}
        missing, changed = [], []
        for fields in _shipped_fields(shipped):
            row = rows.get(fields["name"])
            if row is None:
                missing.append(tuple(fields[key] for key in _EXERCISE_KEYS))
            elif not row["custom"] and any(row[name] != fields[name] for name in SHIPPED_FACTS):
                changed.append((row["id"], {name: fields[name] for name in SHIPPED_FACTS}))
        if missing or changed:
            with self.db.atomic():
                # In bulk: a new logbook takes the whole catalogue, which peewee's query
                # builder took longer to write out than SQLite to store.
                insert_rows(self.db.cursor(), _EXERCISE_SQL, missing)
                for row_id, fields in changed:
                    ExerciseRow.update(fields).where(ExerciseRow.id == row_id).execute()
            self._catalogue = None

    # -- reads -------------------------------------------------------------------------------

    def exercise_set_counts(self) -> dict[str, int]:
        """Every exercise's number of sets in the logbook, counted by SQL."""
        query = (
            ExerciseRow.select(ExerciseRow.name, fn.COUNT(SetRow.id))
            .join(SetRow, on=(SetRow.exercise == ExerciseRow.id), join_type=JOIN.LEFT_OUTER)
            .group_by(ExerciseRow.id)
        )
        counts: dict[str, int] = dict(tuples(query))
        return counts

    def _sessions_using(self, exercise_id: int) -> tuple[tuple[int, dt.date], ...]:
        query = SessionRow.select(SessionRow.id, SessionRow.date).where(
            SessionRow.id.in_(SetRow.select(SetRow.session).where(SetRow.exercise == exercise_id))
        )
        return tuple((i, as_date(d)) for i, d in tuples(query))

    def _row_of(self, name: str, field: str = "name") -> ExerciseRow:
        row = ExerciseRow.get_or_none(ExerciseRow.name == name)
        if row is None:
            raise ValidationError([FieldError(field, f"unknown exercise {name!r}")])
        return row

    # -- writes ------------------------------------------------------------------------------

    def update_exercise(self, name: str, exercise: Exercise) -> Exercise:
        """Change a custom exercise (its name too); the sessions that use it are news, as
        their sets now read the new name and facts."""
        row = self._row_of(name)
        if not row.custom:
            raise ValidationError([FieldError("name", f"{name!r} is shipped with the app")])
        if errors := exercise_errors(exercise):
            raise ValidationError(errors)
        if exercise.name != name and ExerciseRow.get_or_none(ExerciseRow.name == exercise.name):
            raise ValidationError([FieldError("name", f"{exercise.name!r} already exists")])
        if exercise.family and self.catalogue().get(exercise.family) is None:
            raise ValidationError([FieldError("family", f"unknown exercise {exercise.family!r}")])
        with self.db.atomic():
            fields = exercise_fields(exercise) | {"custom": True}
            ExerciseRow.update(fields).where(ExerciseRow.id == row.id).execute()
            sessions = self._sessions_using(row.id)
        self._catalogue = None
        self._note(Change(changed=sessions, catalogue=True, what=f"edit exercise {name}"))
        return exercise_from_row(ExerciseRow.get_by_id(row.id))

    def set_exercise_hidden(self, name: str, hidden: bool) -> None:
        """Leave an exercise out of the lists to pick from (its sets stay), or show it."""
        row = self._row_of(name)
        with self.db.atomic():
            ExerciseRow.update(hidden=hidden).where(ExerciseRow.id == row.id).execute()
        self._catalogue = None
        verb = "hide" if hidden else "show"
        self._note(Change(catalogue=True, what=f"{verb} exercise {name}"))

    def merge_exercise(self, source: str, target: str) -> ExerciseMerge:
        """Move every set of the custom exercise `source` to `target` and remove `source`,
        whose spellings `target` keeps (a later import of the same name lands on it). What
        is returned takes the merge back (undo_merge)."""
        row, into = self._row_of(source, "source"), self._row_of(target, "target")
        if not row.custom:
            raise ValidationError([FieldError("source", f"{source!r} is shipped with the app")])
        if row.id == into.id:
            raise ValidationError([FieldError("target", "an exercise cannot merge into itself")])
        moved = self._sessions_using(row.id)
        set_ids = tuple(
            i for (i,) in tuples(SetRow.select(SetRow.id).where(SetRow.exercise == row.id))
        )
        before = tuple(json.loads(into.user_aliases))
        gone = exercise_from_row(row)
        spellings = [s for s in gone.spellings if s not in before and s != into.name]
        with self.db.atomic():
            SetRow.update(exercise=into.id).where(SetRow.exercise == row.id).execute()
            ExerciseRow.update(
                user_aliases=json.dumps([*before, *spellings], ensure_ascii=False)
            ).where(ExerciseRow.id == into.id).execute()
            ExerciseRow.delete().where(ExerciseRow.id == row.id).execute()
        self._catalogue = None
        self._note(Change(changed=moved, catalogue=True, what=f"merge {source} into {target}"))
        return ExerciseMerge(gone, target, before, set_ids)

    def undo_merge(self, merge: ExerciseMerge) -> None:
        """Put a merged exercise back with its id, its sets and the target's spellings."""
        into = self._row_of(merge.target, "target")
        source_id = merge.source.id
        if source_id is None:  # a merge keeps the id of the exercise it took out
            raise ValidationError([FieldError("source", "the merged exercise has no id")])
        with self.db.atomic():
            ExerciseRow.insert(
                exercise_fields(merge.source) | {"id": source_id, "custom": True}
            ).execute()
            for start in range(0, len(merge.set_ids), _BATCH):
                batch = merge.set_ids[start : start + _BATCH]
                SetRow.update(exercise=source_id).where(SetRow.id.in_(batch)).execute()
            ExerciseRow.update(
                user_aliases=json.dumps(list(merge.target_user_aliases), ensure_ascii=False)
            ).where(ExerciseRow.id == into.id).execute()
            moved = self._sessions_using(source_id)
        self._catalogue = None
        self._note(Change(changed=moved, catalogue=True, what=f"undo merge {merge.source.name}"))


# Every column but the id, in the table's order (exercise_fields gives each of them).
_EXERCISE_KEYS = tuple(name for name in ExerciseRow._meta.sorted_field_names if name != "id")
_EXERCISE_SQL = insert_sql(ExerciseRow, _EXERCISE_KEYS)
_shipped_seen: list[tuple[tuple[Exercise, ...], list[dict[str, Any]]]] = []


def _shipped_fields(shipped: tuple[Exercise, ...]) -> list[dict[str, Any]]:
    """exercise_fields of each shipped exercise, worked out once for the catalogue the app
    ships (assets.shipped_exercises, the same tuple for the whole process): every logbook
    opened compares against them."""
    if not _shipped_seen or _shipped_seen[0][0] is not shipped:
        _shipped_seen[:] = [(shipped, [exercise_fields(e) for e in shipped])]
    return _shipped_seen[0][1]


def _dicts(query: Any) -> Iterator[dict[str, Any]]:
    """A peewee query's rows as dicts (peewee's stubs type .dicts() rows as models)."""
    return iter(query.dicts())
