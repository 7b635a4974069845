"""What an import did (or, in a dry run, would do): the CLI prints it, the GUI previews it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import Skipped

JSON_FIELDS = (
    "format",
    "dialect",
    "workouts",
    "sets",
    "runs",
    "exercises",
    "new_exercises",
    "duplicates_skipped",
    "skipped",
    "unit",
)
SHOWN_SKIPS = 20


@dataclass
class ImportReport:
    format: str
    dialect: str
    description: str = ""
    unit: str | None = None
    workouts: int = 0  # workouts that add at least one session
    sessions: int = 0  # sessions added: a workout's strength session and its runs
    sets: int = 0  # sets added
    runs: int = 0  # run sessions added (from running exercises)
    exercises: int = 0  # distinct exercises the added sets use
    new_exercises: int = 0  # custom exercises created for names the catalogue lacks
    duplicates_skipped: int = 0  # sessions the logbook already had (same source and start)
    skipped: list[Skipped] = field(default_factory=list)
    data_rows: int = 0
    pseudo_rows: int = 0  # rest timers and notes, which are not sets
    dry_run: bool = False

    def as_json(self) -> dict:
        out = {name: getattr(self, name) for name in JSON_FIELDS}
        out["skipped"] = [{"line": s.line, "reason": s.reason} for s in self.skipped]
        return out

    def lines(self) -> list[str]:
        """The report for people: what was read, what was added, what was left out and why."""
        verb = "would add" if self.dry_run else "added"
        unit = f", weights in {self.unit}" if self.unit else ""
        out = [
            f"{self.format} export: {self.description}{unit}",
            f"{verb} {self.workouts} workouts: {self.sets} sets and {self.runs} runs on "
            f"{self.exercises} exercises ({self.new_exercises} new, marked for review)",
        ]
        if self.duplicates_skipped:
            out.append(
                f"{self.duplicates_skipped} sessions were already in the logbook and "
                "were left as they are"
            )
        if self.skipped:
            out.append(f"{len(self.skipped)} rows skipped:")
            out.extend(f"  line {s.line}: {s.reason}" for s in self.skipped[:SHOWN_SKIPS])
            if len(self.skipped) > SHOWN_SKIPS:
                out.append(
                    f"  … and {len(self.skipped) - SHOWN_SKIPS} more (--json lists them all)"
                )
        if self.dry_run:
            out.append("dry run: nothing was written")
        return out
