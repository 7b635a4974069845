"""What an import of activity files did (or, in a dry run, would do): the CLI prints it and
the GUI previews it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...domain import Session

SHOWN = 20


@dataclass
class RunsReport:
    files: int = 0
    kinds: Counter = field(default_factory=Counter)  # files by format (Batch.kinds)
    runs: int = 0  # runs added (new sessions)
    matched_planned: int = 0  # planned runs the import completed
    duplicates_skipped: int = 0  # already in the logbook, or twice in the batch
    not_runs: Counter = field(default_factory=Counter)  # other sports, by name
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unreadable files
    warnings: list[tuple[str, str]] = field(default_factory=list)  # files read in part
    dry_run: bool = False
    sessions: list[Session] = field(default_factory=list)  # what is added, for the preview
    matches: list[tuple[Session, Session]] = field(default_factory=list)  # (planned, done)

    def as_json(self) -> dict:
        return {
            "format": "activities",
            "files": self.files,
            "runs": self.runs,
            "not_runs": dict(sorted(self.not_runs.items())),
            "duplicates_skipped": self.duplicates_skipped,
            "matched_planned": self.matched_planned,
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "warnings": [{"file": f, "reason": r} for f, r in self.warnings],
            "dry_run": self.dry_run,
        }

    def lines(self) -> list[str]:
        verb = "would add" if self.dry_run else "added"
        out = [
            f"activity files: {self.files} read; {verb} {self.runs} runs, "
            f"completed {self.matched_planned} planned runs"
        ]
        kinds = Counter(str(s.run_type) for s in self.sessions)
        if kinds:
            out.append("  types: " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
        if self.not_runs:
            total = sum(self.not_runs.values())
            shown = ", ".join(f"{n} {k}" for k, n in self.not_runs.most_common())
            out.append(f"{total} other activities are not runs and were left out: {shown}")
        if self.duplicates_skipped:
            out.append(
                f"{self.duplicates_skipped} runs were already in the logbook (or twice in the "
                "files) and were left as they are"
            )
        for title, items in (("could not be read", self.skipped), ("read in part", self.warnings)):
            if items:
                out.append(f"{len(items)} files {title}:")
                out.extend(f"  {f}: {r}" for f, r in items[:SHOWN])
                if len(items) > SHOWN:
                    out.append(f"  … and {len(items) - SHOWN} more (--json lists them all)")
        if self.dry_run:
            out.append("dry run: nothing was written")
        return out
