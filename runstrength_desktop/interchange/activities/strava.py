"""A Strava bulk export: activities.csv (current header, with its repeated columns, or the
short lower-case header of 2018 and before) and the files it points to in activities/.
Each row is one activity; its file, when there is one, adds laps, heart rate and the exact
track, and Strava's own totals (distance, moving and elapsed time) are kept."""

from __future__ import annotations

import datetime as dt

from .csv_lists import duration_s, moment, normalise, number
from .model import Activity, local_from_utc

WORKOUT_TYPES = {
    "1": "race",
    "2": "long",
    "3": "workout",
    "race": "race",
    "long run": "long",
    "workout": "workout",
    "11": "race",
    "12": "workout",
}  # 1x: rides


def is_strava(header: list[str]) -> bool:
    names = {normalise(h) for h in header}
    current = {"activity id", "activity date", "activity type", "filename"} <= names
    old = {"id", "date", "name", "type", "elapsed time", "distance", "filename"} <= names
    return current or old


class StravaRow:
    """Positions of the columns by meaning; the later of two same-named columns is in the
    export's base units (seconds, metres)."""

    def __init__(self, header: list[str]) -> None:
        self.names = [normalise(h) for h in header]
        self.current = "activity id" in self.names

    def _find(self, row: list[str], *names: str, last: bool = False) -> str | None:
        for name in names:
            found = [i for i, n in enumerate(self.names) if n == name]
            if found:
                index = found[-1] if last else found[0]
                return row[index] if index < len(row) else None
        return None

    def activity(self, row: list[str], line: int, zone) -> tuple[Activity | None, str, str]:
        """(activity or None, its file or "", the reason when None)."""
        when = moment(self._find(row, "activity date", "date") or "")
        if when is None:
            return None, "", f"line {line}: no date Strava writes ('Activity Date')"
        start = when.replace(tzinfo=dt.UTC)  # Strava writes UTC
        distance = number(self._find(row, "distance", last=True))
        if self.current and self.names.count("distance") < 2 and distance is not None:
            distance *= 1000  # only the km (or mile) column: taken as km
        sport = (self._find(row, "activity type", "type") or "unknown").strip()
        kind = (self._find(row, "workout type", "workout_type") or "").strip().lower()
        activity = Activity(
            sport=sport.lower(),
            source="strava",
            file=f"activities.csv line {line}",
            start_utc=start,
            start_local=local_from_utc(start, zone),
            elapsed_s=duration_s(self._find(row, "elapsed time", "elapsed_time", last=True)),
            moving_s=duration_s(self._find(row, "moving time", "moving_time")),
            distance_m=distance,
            avg_hr=number(self._find(row, "average heart rate")),
            max_hr=number(self._find(row, "max heart rate", last=True)),
            ascent_m=number(self._find(row, "elevation gain")),
            name=(self._find(row, "activity name", "name") or "").strip(),
            description=(self._find(row, "activity description", "description") or "").strip(),
            workout_type=WORKOUT_TYPES.get(kind.split(".")[0], ""),
        )
        if activity.moving_s is None:
            activity.moving_s = activity.elapsed_s
        return activity, (self._find(row, "filename") or "").strip(), ""


def merge(row: Activity, recorded: Activity) -> Activity:
    """The row's own values win (they are what Strava shows); the file adds the rest."""
    recorded.source = "strava"
    recorded.file = f"{recorded.file} ({row.file})"
    recorded.sport = row.sport
    for name in ("elapsed_s", "moving_s", "distance_m", "avg_hr", "max_hr", "ascent_m"):
        value = getattr(row, name)
        if value is not None:
            setattr(recorded, name, value)
    recorded.name = row.name or recorded.name
    recorded.description = row.description or recorded.description
    recorded.workout_type = row.workout_type
    return recorded
