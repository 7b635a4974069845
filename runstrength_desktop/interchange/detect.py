"""Which app and which of its header forms wrote a file: decided by the header's column names,
never by column positions (the apps add, drop and reorder columns between versions).

The dialects are those of ../shared/data/imports/README.md:
Strong comma (10, 11 or 12 columns, weights without a unit), Strong semicolon (a unit column
per row), Strong 2018 (each line wrapped in quotes, unit in the header), Strong 6 (Workout #,
seconds, kilograms, metres), Hevy (kg or lb, km or mi), FitNotes (unit column or unit in the
header, with or without Comment)."""

from __future__ import annotations

from dataclasses import dataclass

from .csv_source import CsvTable, first_line, split_line
from .records import ImportProblem

FORMATS = ("strong", "hevy", "fitnotes")
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Detected:
    format: str
    dialect: str
    description: str
    delimiter: str
    quoted_lines: bool
    columns: dict[str, int]  # lower-case column name -> position

    def table(self, text: str) -> CsvTable:
        return CsvTable(text, self.delimiter, self.quoted_lines)

    def has(self, name: str) -> bool:
        return name in self.columns


def _strong(names: set[str]) -> tuple[str, str] | None:
    base = {
        "date",
        "workout name",
        "exercise name",
        "set order",
        "reps",
        "seconds",
        "notes",
        "workout notes",
    }
    if not base <= names:
        return None
    if {"workout #", "duration (sec)", "weight (kg)", "distance (meters)"} <= names:
        return "strong6", "Strong 6 (Workout #, kilograms, metres)"
    if {"weight", "weight unit", "distance", "distance unit"} <= names:
        return "semicolon", "Strong with a unit column per row"
    if names & {"lbs", "kgs", "kg"} and names & {"mi.", "mi", "km"}:
        return "quoted-2018", "Strong 2018 (unit in the header)"
    if {"weight", "distance"} <= names and "weight unit" not in names:
        return "comma", "Strong without units (kg or lb as set in the app)"
    return None


def _hevy(names: set[str]) -> tuple[str, str] | None:
    base = {
        "title",
        "start_time",
        "end_time",
        "exercise_title",
        "set_index",
        "set_type",
        "reps",
        "duration_seconds",
    }
    if not base <= names:
        return None
    weight = "kg" if "weight_kg" in names else "lb" if "weight_lbs" in names else None
    distance = "km" if "distance_km" in names else "mi" if "distance_miles" in names else None
    if weight is None or distance is None:
        return None
    return f"{weight}-{distance}", f"Hevy ({weight}, {distance})"


def _fitnotes(names: set[str]) -> tuple[str, str] | None:
    base = {"date", "exercise", "category", "reps", "distance", "distance unit", "time"}
    if not base <= names:
        return None
    comment = "comment" in names
    if {"weight", "weight unit"} <= names:
        form = "comment" if comment else "no-comment"
        text = "with Comment" if comment else "without Comment"
    elif names & {"weight (kgs)", "weight (lbs)"}:
        form, text = "unit-in-header", "unit in the header"
    else:
        return None
    return form, f"FitNotes ({text})"


_MATCHERS = {"strong": _strong, "hevy": _hevy, "fitnotes": _fitnotes}
_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}


def _candidates(header_line: str):
    """(fields, delimiter, quoted_lines) for each way of splitting the header."""
    for delimiter in DELIMITERS:
        fields = split_line(header_line, delimiter)
        if len(fields) == 1 and delimiter in fields[0]:
            # Strong 2018: the whole line is one quoted field; its contents are the header.
            yield split_line(fields[0], delimiter), delimiter, True
        elif len(fields) > 1:
            yield fields, delimiter, False


def detect(text: str, wanted: str = "auto") -> Detected:
    """The dialect of an export, or ImportProblem quoting the header it saw."""
    header_line = first_line(text)
    if not header_line:
        raise ImportProblem("the file is empty")
    formats = FORMATS if wanted == "auto" else (wanted,)
    for fields, delimiter, quoted in _candidates(header_line):
        names = [f.strip().lstrip("\ufeff").lower() for f in fields]
        for fmt in formats:
            found = _MATCHERS[fmt](set(names))
            if found is not None:
                dialect, description = found
                separator = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
                columns: dict[str, int] = {}
                for position, name in enumerate(names):
                    columns.setdefault(name, position)
                # Strong 2018 rows are unwrapped even when its header was written bare.
                quoted = quoted or dialect == "quoted-2018"
                return Detected(
                    fmt,
                    dialect,
                    f"{description}, {separator}, {len(names)} columns",
                    delimiter,
                    quoted,
                    columns,
                )
    shown = header_line[:200] + ("…" if len(header_line) > 200 else "")
    expected = (
        "a Strong, Hevy or FitNotes export" if wanted == "auto" else f"a {_NAMES[wanted]} export"
    )
    raise ImportProblem(
        f"unknown header {shown!r}: expected {expected} "
        "(see the README for the forms this app reads)"
    )
