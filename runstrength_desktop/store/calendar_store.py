"""The repository's part for what sits on the calendar beside the sessions: races, the
phase of each training week, and the body weights logged. A mixin of store.Repository (its
public methods run under the repository's guard: own database, StoreError, news after the
commit)."""

from __future__ import annotations

import datetime as dt

from ..domain import BodyWeight, Phase, Race, iso_week
from ..domain.changes import Change
from ..domain.validation import ValidationError, body_weight_errors, race_errors
from . import reading
from .convert import body_weight_from_row, race_from_row
from .core import StoreCore, as_date
from .models import BodyWeightRow, RaceRow, WeekPhaseRow


class CalendarStore(StoreCore):
    def races(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Race]:
        """The races, by date (those from `first` to `last` when given)."""
        rows = self.db.execute_sql(
            "SELECT id, date, name, distance_km FROM race WHERE date >= ? AND date <= ? "
            "ORDER BY date",
            (reading.day_param(first or dt.date.min), reading.day_param(last or dt.date.max)),
        )
        return [Race(as_date(day), name, km, id=race_id) for race_id, day, name, km in rows]

    def save_race(self, race: Race) -> Race:
        if errors := race_errors(race):
            raise ValidationError(errors)
        fields = dict(date=race.date, name=race.name, distance_km=race.distance_km)
        with self.db.atomic():
            if race.id is None:
                race_id = RaceRow.insert(fields).execute()
            else:
                RaceRow.update(fields).where(RaceRow.id == race.id).execute()
                race_id = race.id
        self._note(Change(races=True, what=f"race {race.name}"))
        return race_from_row(RaceRow.get_by_id(race_id))

    def delete_race(self, race_id: int) -> None:
        with self.db.atomic():
            RaceRow.delete().where(RaceRow.id == race_id).execute()
        self._note(Change(races=True, what="delete race"))

    def week_phases(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[str, Phase]:
        """ISO week -> phase (the weeks from `first`'s to `last`'s when given: ISO week names
        sort as the weeks do)."""
        rows = self.db.execute_sql(
            "SELECT week, phase FROM week_phase WHERE week >= ? AND week <= ?",
            (iso_week(first) if first else "", iso_week(last) if last else "~"),
        )
        return {week: Phase(phase) for week, phase in rows}

    def set_week_phase(self, week: str, phase: Phase | None) -> None:
        with self.db.atomic():
            if phase is None:
                WeekPhaseRow.delete().where(WeekPhaseRow.week == week).execute()
            else:
                WeekPhaseRow.replace(week=week, phase=phase.value).execute()
        self._note(Change(phases=(week,), what=f"phase of {week}"))

    def body_weights(self) -> list[BodyWeight]:
        return [
            body_weight_from_row(r) for r in BodyWeightRow.select().order_by(BodyWeightRow.date)
        ]

    def save_body_weight(self, entry: BodyWeight) -> None:
        """Log (or replace) the body weight of a day; ValidationError for one no person has."""
        if errors := body_weight_errors(entry):
            raise ValidationError(errors)
        with self.db.atomic():
            BodyWeightRow.replace(date=entry.date, weight_kg=entry.weight_kg).execute()
        self._note(Change(body_weights=True, what="body weight"))

    def delete_body_weight(self, day: dt.date) -> None:
        """Take out the body weight logged on `day` (the undo of logging it)."""
        with self.db.atomic():
            BodyWeightRow.delete().where(BodyWeightRow.date == day).execute()
        self._note(Change(body_weights=True, what="delete body weight"))
