"""One import of another app's export from start to end, shared by the CLI and the GUI so both
behave alike: read the file, detect its format by its header, parse, map names to exercises,
and write everything in one transaction (or, in a dry run, nothing)."""

from __future__ import annotations

from pathlib import Path

from ..domain import WeightUnit
from ..domain.validation import ValidationError
from ..store import Repository, StoreError, display_path
from . import csv_source
from .csv_source import decode_text
from .detect import detect
from .files import read_input
from .fitnotes import parse_fitnotes
from .hevy import parse_hevy
from .mapping import ImportPlan, build_plan
from .records import ImportProblem, ParsedExport, Progress
from .report import ImportReport
from .strong import parse_strong

FORMATS = ("auto", "strong", "hevy", "fitnotes", "json")
FILE_FILTER = "Workout exports (*.csv *.txt *.json);;All files (*)"


def read_file(path: Path) -> bytes:
    """The export's bytes: a regular file of at most MAX_FILE_BYTES, refused before a byte
    is read otherwise (a device, a FIFO, a file too large; files.read_input)."""
    try:
        return read_input(Path(path), csv_source.MAX_FILE_BYTES, "workout export")
    except OSError as exc:
        raise ImportProblem(f"cannot read {display_path(path)}: {exc.strerror or exc}") from None


def looks_like_json(data: bytes) -> bool:
    """A JSON backup starts with '{' (or '[' for a broken one): no CSV header does."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


def parse_export(
    data: bytes,
    wanted: str = "auto",
    unit: WeightUnit | str | None = None,
    progress: Progress | None = None,
) -> ParsedExport:
    """Strong, Hevy or FitNotes rows grouped into workouts. `unit` is the unit of a Strong
    file that does not say it: a WeightUnit, AUTO (what its loads surely say) or None.
    Raises ImportProblem (UnitNeeded, with the loads' guess, when that unit is not known)."""
    text = decode_text(data)
    detected = detect(text, wanted)
    if detected.format == "strong":
        return parse_strong(text, detected, unit, progress)
    if detected.format == "hevy":
        parsed = parse_hevy(text, detected, progress)
    else:
        parsed = parse_fitnotes(text, detected, progress)
    parsed.unit_source = "file"
    return parsed


def plan_import(
    repo: Repository, parsed: ParsedExport, choices: dict[str, str] | None = None
) -> ImportPlan:
    """What the import would add to this logbook; ImportProblem when the file has nothing."""
    plan = build_plan(parsed, repo.catalogue(), repo.source_keys(parsed.format), choices)
    if not plan.sessions and not plan.report.duplicates_skipped:
        raise ImportProblem(nothing_readable(plan.report))
    return plan


def nothing_readable(report: ImportReport) -> str:
    if not report.skipped:
        return "the file has no sets or runs (only rest timers and notes)"
    shown = "; ".join(f"line {s.line}: {s.reason}" for s in report.skipped[:3])
    more = f" (and {len(report.skipped) - 3} more)" if len(report.skipped) > 3 else ""
    return f"none of its {report.data_rows} rows could be read: {shown}{more}"


def write_plan(repo: Repository, plan: ImportPlan) -> ImportReport:
    """Writes the plan in one transaction; the report then says what was really added."""
    try:
        counts = repo.import_sessions(plan.sessions, plan.new_exercises)
    except ValidationError as exc:
        raise ImportProblem(f"a session could not be saved ({exc})") from None
    except StoreError as exc:
        raise ImportProblem(f"the logbook refused the write ({exc})") from None
    report = plan.report
    # Nothing else writes between plan and write (one thread), so this stays 0 in practice.
    report.duplicates_skipped += counts["duplicates_skipped"]
    report.sessions = counts["sessions"]
    report.new_exercises = counts["exercises"]
    return report


def import_file(
    repo: Repository,
    path: Path,
    wanted: str = "auto",
    unit: WeightUnit | str | None = None,
    dry_run: bool = False,
    choices: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a Strong, Hevy or FitNotes export. ImportProblem names the file and means that
    nothing was written."""
    try:
        parsed = parse_export(read_file(path), wanted, unit, progress)
        plan = plan_import(repo, parsed, choices)
        if dry_run:
            plan.report.dry_run = True
            return plan.report
        return write_plan(repo, plan)
    except ImportProblem as exc:
        raise type(exc)(f"{display_path(path)}: {exc}; nothing was imported") from None
