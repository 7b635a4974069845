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
    "unit_source",
    "unit_reason",
    "unit_sure",
    "notes",
    "durations_look_wrong",
)
SHOWN_SKIPS = 20
SHOWN_NAMES = 10


@dataclass(frozen=True)
class NameLine:
    """One name of the file that is not a catalogue spelling, for the report."""

    name: str
    sets: int
    becomes: str  # the exercise its sets land on
    how: str  # "sure", "new variant", "new exercise"
    basis: str
    proposal: str | None = None  # an unsure match, not applied

    def as_json(self) -> dict:
        out = {"name": self.name, "sets": self.sets, "becomes": self.becomes, "how": self.how}
        out["basis"] = self.basis
        if self.proposal:
            out["proposal"] = self.proposal
        return out


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
    unit_source: str = ""  # "file", "option" (--unit) or "guess" (the loads said it)
    unit_reason: str = ""  # why the loads say the unit they say
    unit_sure: bool | None = None  # whether they say it for sure (None: nothing guessed)
    notes: list[str] = field(default_factory=list)  # how values without a unit were read
    names: list[NameLine] = field(default_factory=list)  # most sets first
    durations_look_wrong: int = 0  # sessions over 4 h: kept, judged by their sets

    def as_json(self) -> dict:
        out = {name: getattr(self, name) for name in JSON_FIELDS}
        out["skipped"] = [{"line": s.line, "reason": s.reason} for s in self.skipped]
        out["unmapped"] = [n.as_json() for n in self.names if n.how != "sure"]
        out["matched"] = [n.as_json() for n in self.names if n.how == "sure"]
        return out

    def lines(self) -> list[str]:
        """The report for people: what was read, what was added, what was left out and why."""
        verb = "would add" if self.dry_run else "added"
        unit = f", weights in {self.unit}" if self.unit else ""
        if self.unit_source == "guess":
            unit += f" (from the loads: {self.unit_reason})"
        out = [
            f"{self.format} export: {self.description}{unit}",
            f"{verb} {self.workouts} workouts: {self.sets} sets and {self.runs} runs on "
            f"{self.exercises} exercises ({self.new_exercises} new)",
        ]
        out.extend(self.notes)
        if self.durations_look_wrong:
            out.append(
                f"{self.durations_look_wrong} sessions last over 4 h (a timer left running?): "
                "kept as recorded, marked 'duration looks wrong'; the planner and the load "
                "chart use an estimate from their sets"
            )
        new = [n for n in self.names if n.how != "sure"]
        if new:
            out.append(f"{len(new)} names are not in the catalogue (sets: what they become):")
            out.extend(
                f"  {n.name} ({n.sets}): {n.how} {n.becomes}"
                + (f", perhaps {n.proposal}?" if n.proposal else "")
                for n in new[:SHOWN_NAMES]
            )
            if len(new) > SHOWN_NAMES:
                out.append(f"  … and {len(new) - SHOWN_NAMES} more (--json lists them all)")
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
