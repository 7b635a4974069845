"""From a batch of activities to what the logbook gets: runs only (other sports counted),
each activity once (the same start within a tolerance, whichever file or export brought
it), its type and the reason, and a planned run on the same day completed by it."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...domain import Race, RunType, Session, SessionKind, Status, iso_week
from ...domain.validation import MAX_NAME_LENGTH, MAX_NOTES_LENGTH
from .bulk import Batch
from .classify import Classified, Context, classify
from .model import Activity
from .report import RunsReport

SAME_START_S = 120.0  # two records of one activity start this close (watch, Strava, Garmin)
RUN_SOURCES = ("fit", "tcx", "gpx", "strava", "garmin")


@dataclass
class RunPlan:
    new: list[Session] = field(default_factory=list)
    completed: list[Session] = field(default_factory=list)
    report: RunsReport = field(default_factory=RunsReport)


def _instant(activity: Activity) -> float | None:
    return activity.start_utc.timestamp() if activity.start_utc else None


def _local_seconds(moment: dt.datetime | None) -> float | None:
    return None if moment is None else moment.replace(tzinfo=dt.UTC).timestamp()


def _same(a_utc, a_local, b_utc, b_local) -> bool:
    """The same activity: the same UTC start when both know it, else the same local one."""
    if a_utc is not None and b_utc is not None:
        return abs(a_utc - b_utc) <= SAME_START_S
    return a_local is not None and b_local is not None and abs(a_local - b_local) <= SAME_START_S


def session_local_start(session: Session) -> dt.datetime | None:
    """A recorded run's local start to the second (its key), else its day and HH:MM."""
    if session.source in RUN_SOURCES and session.source_key:
        try:
            return dt.datetime.fromisoformat(session.source_key)
        except ValueError:
            pass
    return session.starts_at()


def _unique(runs: list[Activity]) -> tuple[list[Activity], int]:
    """One activity of each group read twice in the batch (the FIT and the TCX of one race):
    the one that says most is kept."""
    ordered = sorted(runs, key=lambda a: _local_seconds(a.start_local) or 0.0)
    kept: list[Activity] = []
    dropped = 0
    for activity in ordered:
        twin = next(
            (
                i
                for i in range(len(kept) - 1, max(-1, len(kept) - 6), -1)
                if _same(
                    _instant(kept[i]),
                    _local_seconds(kept[i].start_local),
                    _instant(activity),
                    _local_seconds(activity.start_local),
                )
            ),
            None,
        )
        if twin is None:
            kept.append(activity)
            continue
        dropped += 1
        if activity.richness > kept[twin].richness:
            kept[twin] = activity
    return kept, dropped


def _start(activity: Activity) -> dt.datetime:
    """The wall-clock start of a run that passed _plausible (which wants one)."""
    if activity.start_local is None:
        raise ValueError(f"{activity.file}: a run without a start time")
    return activity.start_local


def to_session(activity: Activity, classified: Classified) -> Session:
    local = _start(activity)
    moving = activity.moving_s or activity.elapsed_s
    return Session(
        date=local.date(),
        kind=SessionKind.RUN,
        status=Status.DONE,
        start=local.time().replace(second=0, microsecond=0),
        title=(activity.name or "Run")[:MAX_NAME_LENGTH],
        run_type=classified.run_type,
        distance_km=None if activity.distance_m is None else round(activity.distance_m / 1000, 5),
        duration_min=None if moving is None else round(moving / 60, 6),
        notes=activity.description[:MAX_NOTES_LENGTH],
        source=activity.source,
        source_key=local.isoformat(timespec="seconds"),
        elapsed_min=None if activity.elapsed_s is None else round(activity.elapsed_s / 60, 6),
        avg_hr=None if activity.avg_hr is None else round(activity.avg_hr, 1),
        max_hr=activity.max_hr,
        elevation_gain_m=activity.ascent_m,
        run_type_reason=classified.reason,
        source_file=activity.file[: MAX_NOTES_LENGTH // 10],
        start_utc=activity.start_utc,
        laps=list(activity.laps),
    )


def _plausible(activity: Activity) -> str:
    """Why a run cannot become a logbook run ("" when it can)."""
    if activity.start_local is None:
        return "no start time"
    if not activity.moving_s and not activity.elapsed_s and not activity.distance_m:
        return "no time and no distance"
    if (activity.moving_s or 0) > 86400 or (activity.distance_m or 0) > 1_000_000:
        return "longer than a day or 1,000 km: not a run"
    return ""


def plan_runs(batch: Batch, existing: list[Session], races: list[Race]) -> RunPlan:
    """`existing`: the logbook's runs around the batch's days (Repository.runs_between)."""
    plan = RunPlan()
    report = plan.report
    report.files, report.skipped, report.warnings = batch.files, batch.skipped, batch.warnings
    report.kinds = Counter(batch.kinds)
    runs = []
    for activity in batch.activities:
        if not activity.is_run:
            report.not_runs[activity.sport_label] += 1
        elif problem := _plausible(activity):
            report.skipped.append((activity.file, problem))
        else:
            runs.append(activity)
    runs, twins = _unique(runs)
    report.duplicates_skipped += twins
    recorded = [
        (s.start_utc.timestamp() if s.start_utc else None, _local_seconds(session_local_start(s)))
        for s in existing
        if s.is_recorded or s.source in RUN_SOURCES
    ]
    fresh = []
    for activity in runs:
        key = (_instant(activity), _local_seconds(activity.start_local))
        if any(_same(*key, *other) for other in recorded):
            report.duplicates_skipped += 1
        else:
            fresh.append(activity)
    race_on = {race.date: race.name for race in races}
    week_km: dict[str, float] = defaultdict(float)
    week_runs: Counter[str] = Counter()
    for session in existing:
        if session.status is Status.DONE:
            week_km[session.week] += session.distance_km or 0.0
            week_runs[session.week] += 1
    for activity in fresh:
        week = iso_week(_start(activity).date())
        week_km[week] += (activity.distance_m or 0.0) / 1000
        week_runs[week] += 1
    planned_by_day: dict[dt.date, list[Session]] = defaultdict(list)
    for session in existing:
        if session.status is Status.PLANNED and not session.is_recorded:
            planned_by_day[session.date].append(session)
    for activity in fresh:
        day = _start(activity).date()
        week = iso_week(day)
        classified = classify(activity, Context(race_on.get(day), week_km[week], week_runs[week]))
        done = to_session(activity, classified)
        if planned_by_day.get(day):
            planned = planned_by_day[day].pop(0)
            plan.completed.append(complete(planned, done, classified))
            report.matches.append((planned, plan.completed[-1]))
        else:
            plan.new.append(done)
            report.sessions.append(done)
    report.runs = len(plan.new)
    report.matched_planned = len(plan.completed)
    return plan


def complete(planned: Session, done: Session, classified: Classified) -> Session:
    """The planned run, done with the file's numbers; it keeps its planned type unless the
    file clearly says otherwise, and says which."""
    merged = done.copy()
    merged.take_identity(planned)
    merged.source, merged.source_key = done.source, done.source_key
    merged.source_file, merged.start_utc = done.source_file, done.start_utc
    merged.title = planned.title or done.title
    merged.notes = "\n".join(n for n in (planned.notes, done.notes) if n)[:MAX_NOTES_LENGTH]
    merged.rpe = planned.rpe if planned.rpe is not None else None
    planned_type = planned.run_type or RunType.EASY
    if planned.run_type is None or planned_type is classified.run_type:
        merged.run_type = classified.run_type
        merged.run_type_reason = f"planned as {planned_type}; {classified.reason}"
    elif classified.clear:
        merged.run_type = classified.run_type
        merged.run_type_reason = (
            f"planned as {planned_type}, but the file says {classified.run_type}: "
            f"{classified.reason}"
        )
    else:
        merged.run_type = planned_type
        merged.run_type_reason = (
            f"planned as {planned_type} (kept; the file alone suggests "
            f"{classified.run_type}: {classified.reason})"
        )
    return merged
