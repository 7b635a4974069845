"""Runs from the watch: FIT, TCX and GPX files (also gzipped), folders and zips of them, a
Strava bulk export and a Garmin Connect activity list. One call for the CLI and the GUI:
read the batch, keep the runs, classify them, match planned runs, write in one
transaction (or, in a dry run, nothing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ... import clock
from ...domain import monday_of
from ...domain.validation import ValidationError
from ...store import Repository, StoreError
from ..records import ImportProblem
from .bulk import Batch, BatchProgress, read_batch
from .model import Unreadable
from .plan import RunPlan, plan_runs
from .report import RunsReport
from .sniff import FORMATS

ACTIVITY_SUFFIXES = (".fit", ".tcx", ".gpx", ".fit.gz", ".tcx.gz", ".gpx.gz", ".zip")
ACTIVITY_FILTER = "Activity files (*.fit *.fit.gz *.tcx *.tcx.gz *.gpx *.gpx.gz *.zip *.csv)"

__all__ = [
    "ACTIVITY_FILTER",
    "FORMATS",
    "RunPlan",
    "RunsReport",
    "import_activities",
    "looks_like_activities",
    "plan_activities",
    "write_runs",
]


def looks_like_activities(path: Path) -> bool:
    """A folder, a zip, or a file that is FIT, TCX, GPX (maybe gzipped) or an activity list
    (Strava's or Garmin's): what File > Import and the CLI send here."""
    from .csv_lists import table
    from .garmin_csv import is_garmin
    from .sniff import gunzip, is_gzip, is_zip, sniff
    from .strava import is_strava

    path = Path(path)
    if path.is_dir() or path.name.lower().endswith(ACTIVITY_SUFFIXES):
        return True  # a damaged .fit still gets the activity reader's message
    if not path.is_file():
        return False  # a FIFO or a device is not opened here: read_input refuses it at once
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
        if is_zip(head):
            return True
        if is_gzip(head):
            head = gunzip(Path(path).read_bytes())[: 1 << 16]
        kind = sniff(head)
        if kind != "csv":
            return bool(kind)
        header, _rows = table(head.split(b"\n", 1)[0] + b"\n")
        return is_strava(header) or is_garmin(header)
    except (OSError, Unreadable):
        return False


def plan_activities(
    repo: Repository,
    path: Path | list[Path],
    wanted: str = "auto",
    progress: BatchProgress | None = None,
) -> RunPlan:
    """What importing `path` would do; ImportProblem when a single file cannot be read."""
    try:
        paths = [Path(p) for p in path] if isinstance(path, (list, tuple)) else Path(path)
        batch = read_batch(paths, wanted, clock.zone(), progress)
    except Unreadable as exc:
        raise ImportProblem(f"{path}: {exc}; nothing was imported") from None
    if batch.files == 1 and not batch.activities and batch.skipped:
        name, reason = batch.skipped[0]
        raise ImportProblem(f"{name}: {reason}; nothing was imported")
    return plan_runs(batch, _around(repo, batch), repo.races())


def _around(repo: Repository, batch: Batch):
    days = [a.start_local.date() for a in batch.activities if a.start_local is not None]
    if not days:
        return []
    first = monday_of(min(days)) - dt.timedelta(days=1)
    last = monday_of(max(days)) + dt.timedelta(days=7)
    return repo.runs_between(first, last)


def write_runs(repo: Repository, plan: RunPlan) -> RunsReport:
    try:
        counts = repo.import_runs(plan.new, plan.completed)
    except ValidationError as exc:
        raise ImportProblem(f"a run could not be saved ({exc}); nothing was imported") from None
    except StoreError as exc:
        raise ImportProblem(
            f"the logbook refused the write ({exc}); nothing was imported"
        ) from None
    report = plan.report
    report.duplicates_skipped += counts["duplicates_skipped"]
    report.runs = counts["runs"]
    return report


def import_activities(
    repo: Repository,
    path: Path | list[Path],
    wanted: str = "auto",
    dry_run: bool = False,
    progress: BatchProgress | None = None,
) -> RunsReport:
    plan = plan_activities(repo, path, wanted, progress)
    if dry_run:
        plan.report.dry_run = True
        return plan.report
    return write_runs(repo, plan)
