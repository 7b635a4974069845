"""What the three parsers share: walking the records with progress, checking each row's width,
grouping rows into workouts, and collecting the rows they skip."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .csv_source import CsvTable, split_line
from .detect import DELIMITERS, Detected
from .records import PROGRESS_EVERY, ImportProblem, ParsedExport, Progress, Skipped, WorkoutRecord


class Collector:
    def __init__(self, detected: Detected, table: CsvTable, progress: Progress | None) -> None:
        self.detected = detected
        self.table = table
        self.progress = progress
        self.width = max(detected.columns.values()) + 1
        self.workouts: dict[str, WorkoutRecord] = {}
        self.skipped: list[Skipped] = []
        self.data_rows = 0
        self.pseudo_rows = 0
        self.units: Counter = Counter()  # weight units of the rows that carry a weight

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """The data records, each as (line, fields)."""
        line, fields = 0, list[str]()
        for line, fields in self.table.records():
            self.data_rows += 1
            if self.progress is not None and self.data_rows % PROGRESS_EVERY == 0:
                self.progress(line, self.table.total_lines)
            yield line, fields
        if fields and len(fields) < self.width and not self.table.text.endswith(("\n", "\r")):
            # A last row cut short: importing the rest would leave its workout incomplete,
            # and a later complete export could not fix it (the workout would be known).
            raise ImportProblem(
                f"the file ends in the middle of a row (line {line}): it looks "
                "cut short; export it again"
            )

    def width_problem(self, line: int, fields: list[str]) -> str | None:
        """Why a record's field count is wrong, or None. Raises ImportProblem for a row that
        uses another delimiter than the header: such a file was edited or pasted together."""
        if len(fields) == self.width:
            return None
        names = {",": "commas", ";": "semicolons", "\t": "tabs"}
        ours = self.detected.delimiter
        text = ours.join(fields)
        for other in DELIMITERS:
            if other != ours and other in text and len(split_line(text, other)) == self.width:
                raise ImportProblem(
                    f"line {line} is separated by {names[other]} but the header "
                    f"by {names[ours]}: the file mixes delimiters"
                )
        return (
            f"has {len(fields)} field{'s' if len(fields) != 1 else ''} where the header has "
            f"{self.width} (fields are separated by {names[ours]})"
        )

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Skipped(line, reason))

    def workout(self, key: str, make) -> WorkoutRecord:
        """The workout under key, made by make() the first time the key is seen."""
        found = self.workouts.get(key)
        if found is None:
            found = self.workouts[key] = make()
        return found

    def result(self, unit: str | None = None) -> ParsedExport:
        if self.progress is not None:
            self.progress(self.table.total_lines, self.table.total_lines)
        if self.data_rows == 0:
            raise ImportProblem("the file has a header but no rows")
        if unit is None and self.units:
            unit = self.units.most_common(1)[0][0]
        d = self.detected
        return ParsedExport(
            d.format,
            d.dialect,
            d.description,
            unit,
            list(self.workouts.values()),
            self.skipped,
            self.data_rows,
            self.pseudo_rows,
        )
