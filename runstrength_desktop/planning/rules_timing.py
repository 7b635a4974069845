"""Rules about when lifting happens around the runs: lift_before_hard_run, run_after_lift,
lift_too_soon_after_hard_run, hard_days_apart, legs_before_long_run, short_recovery, taper."""

from __future__ import annotations

import datetime as dt
import math

from ..domain.enums import Phase, RunType
from ..domain.session import Session, iso_week, monday_of
from .calendar import DAY, Calendar
from .flags import Severity, make_flag
from .text import count_text, day_text, hours_text, session_name, when_text

EASY_RUNS = (RunType.EASY, RunType.RECOVERY)


def _before(cal: Calendar, first: Session, second: Session) -> bool:
    """`first` comes before `second` on their day: by start time, else by order in the day."""
    if first.start and second.start and first.start != second.start:
        return first.start < second.start
    day = cal.day(first.date)
    position = {id(s): i for i, s in enumerate(day)}
    return position.get(id(first), -1) < position.get(id(second), -1)


def _hours(first: Session, second: Session) -> float | None:
    """Hours from the start of `first` to the start of `second`, when both times are set."""
    if first.start is None or second.start is None:
        return None
    return (second.starts_at() - first.starts_at()).total_seconds() / 3600


def _lower_sessions(cal: Calendar) -> list[Session]:
    return [s for s in cal.window_strength() if cal.is_lower_body(s)]


def lift_before_hard_run(cal: Calendar):
    """003 mistake 2: never lift legs within 24 h before a hard running workout."""
    limit = cal.settings.lift_before_hard_run_hours
    reach = math.ceil(limit / 24)
    for lift in _lower_sessions(cal):
        for ahead in range(reach + 1):
            for run in cal.runs_on(lift.date + ahead * DAY):
                if not run.is_hard_run:
                    continue
                hours = _hours(lift, run)
                if ahead == 0 and not _before(cal, lift, run):
                    continue
                if hours is not None and hours >= limit:
                    continue
                if hours is None and (ahead - 1) * 24 >= limit:
                    continue  # dates only: the day before (or the same day) is too close
                gap = (
                    f"{hours_text(hours)} before"
                    if hours is not None
                    else "earlier on the same day as"
                    if ahead == 0
                    else "the day before"
                )
                yield make_flag(
                    "lift_before_hard_run",
                    Severity.ERROR,
                    lift.date,
                    f"{session_name(lift)}, a lower-body session on {when_text(lift)}, is "
                    f"{gap} {session_name(run)} on {when_text(run)} (at least "
                    f"{hours_text(limit)} needed).",
                    "Move the leg work to after the hard run on its day, or at least "
                    f"{hours_text(limit)} before it; upper body and core can stay.",
                    cal.keys([lift, run]),
                )


def run_after_lift(cal: Calendar):
    """002 (ACSM) and 003: when both happen on one day, run first."""
    for day in sorted(d for d in cal.by_day if cal.in_window(d)):
        sessions = cal.day(day)
        runs = [s for s in sessions if s.is_run]
        lifts = [s for s in sessions if s.is_strength and s.working_sets()]
        pairs = [(lift, run) for lift in lifts for run in runs if _before(cal, lift, run)]
        if not pairs:
            continue
        lift, run = pairs[0]
        yield make_flag(
            "run_after_lift",
            Severity.WARNING,
            day,
            f"On {day_text(day)}, {session_name(lift)}"
            f"{' at ' + format(lift.start, '%H:%M') if lift.start else ''} comes before "
            f"{session_name(run)}{' at ' + format(run.start, '%H:%M') if run.start else ''}.",
            "Run first and lift afterwards: the run goes better on fresh legs and the legs are "
            "warm for the lifting.",
            cal.keys([s for pair in pairs for s in pair]),
        )


def lift_too_soon_after_hard_run(cal: Calendar):
    """003: wait 3 h after a hard workout before lifting (only when both times are known)."""
    wait = cal.settings.wait_after_hard_run_hours
    for lift in cal.window_strength():
        if lift.start is None:
            continue
        for run in cal.runs_on(lift.date):
            if not run.is_hard_run or run.start is None or _before(cal, lift, run):
                continue
            rest = _hours(run, lift) - (run.duration_min or 0) / 60
            if rest >= wait:
                continue
            yield make_flag(
                "lift_too_soon_after_hard_run",
                Severity.INFO,
                lift.date,
                f"{session_name(lift)} at {lift.start:%H:%M} starts "
                f"{hours_text(max(rest, 0))} after {session_name(run)} ended on "
                f"{day_text(lift.date)} (wait {hours_text(wait)}).",
                f"Leave about {hours_text(wait)} between the end of a hard run and lifting.",
                cal.keys([run, lift]),
            )


def hard_days_apart(cal: Calendar):
    """003 and its comments: outside a base phase, lift on the hard days and keep the easy
    days easy, rather than stacking a leg day onto the day after a hard run."""
    hard_weeks: dict[dt.date, bool] = {}
    for lift in _lower_sessions(cal):
        monday = monday_of(lift.date)
        if cal.phase(monday) is Phase.BASE:
            continue
        if monday not in hard_weeks:
            hard_weeks[monday] = any(
                r.is_hard_run for i in range(7) for r in cal.runs_on(monday + i * DAY)
            )
        if not hard_weeks[monday] or any(r.is_hard_run for r in cal.runs_on(lift.date)):
            continue
        after = [r for r in cal.runs_on(lift.date - DAY) if r.is_hard_run]
        easy = [r for r in cal.runs_on(lift.date) if r.run_type in EASY_RUNS]
        if not after and not easy:
            continue
        where = (
            (f"the day after {session_name(after[0])}" if after else "")
            + (" and " if after and easy else "")
            + ("an easy-run day" if easy else "")
        )
        yield make_flag(
            "hard_days_apart",
            Severity.INFO,
            lift.date,
            f"{session_name(lift)}, a lower-body session on {day_text(lift.date)}, falls on "
            f"{where} in a week with hard runs.",
            "Outside a base phase, lift legs on a hard day after the hard run, so the easy "
            "days stay easy and the legs recover before the next hard run.",
            cal.keys([lift, *after, *easy]),
        )


def legs_before_long_run(cal: Calendar):
    """004: no leg days right before long runs."""
    for lift in _lower_sessions(cal):
        for run in cal.runs_on(lift.date + DAY):
            if run.run_type is RunType.LONG:
                yield make_flag(
                    "legs_before_long_run",
                    Severity.INFO,
                    lift.date,
                    f"{session_name(lift)}, a lower-body session on {day_text(lift.date)}, is "
                    f"the day before {session_name(run)} on {day_text(run.date)}.",
                    "Move the leg day away from the day before the long run, or keep it light.",
                    cal.keys([lift, run]),
                )


def short_recovery(cal: Calendar):
    """003: let muscles rest at least 48 h between sessions that load them."""
    limit = cal.settings.muscle_rest_hours
    reach = math.ceil(limit / 24)
    loading = [(s, cal.leg_muscles(s)) for s in cal.strength]
    loading = [(s, legs) for s, legs in loading if legs]
    for index, (later, legs) in enumerate(loading):
        if not cal.in_window(later.date):
            continue
        for earlier, earlier_legs in reversed(loading[max(0, index - 8) : index]):
            days = (later.date - earlier.date).days
            if days > reach:
                break
            common = legs & earlier_legs
            hours = _hours(earlier, later)
            too_close = hours < limit if hours is not None else days * 24 < limit
            if not common or not too_close:
                continue
            apart = (
                hours_text(hours)
                if hours is not None
                else ("the same day" if days == 0 else f"{count_text(days, 'day')}")
            )
            muscles = ", ".join(sorted(m.value.replace("_", " ") for m in common))
            yield make_flag(
                "short_recovery",
                Severity.WARNING,
                later.date,
                f"{session_name(earlier)} ({when_text(earlier)}) and {session_name(later)} "
                f"({when_text(later)}) both load {muscles}, {apart} apart (rest "
                f"{hours_text(limit)}).",
                f"Leave at least {hours_text(limit)} between sessions that work the same leg "
                "muscles, or make one of them upper body and core.",
                cal.keys([earlier, later]),
            )


def taper(cal: Calendar):
    """003: one session a week in the last two weeks before a race, no legs in the last days."""
    st = cal.settings
    for race in cal.plan.races:
        monday = monday_of(race.date)
        while (race.date - monday).days < st.race_window_days:
            sessions = cal.strength_week(monday)
            if len(sessions) > st.taper_max_sessions and not (
                monday > cal.last or monday + 6 * DAY < cal.first
            ):
                yield make_flag(
                    "taper",
                    Severity.WARNING,
                    sessions[-1].date,
                    f"{iso_week(monday)} has {count_text(len(sessions), 'strength session')} "
                    f"in the taper before {race.name} on {day_text(race.date)} (at most "
                    f"{st.taper_max_sessions}).",
                    f"In the two weeks before a race, drop to {st.taper_max_sessions} session a "
                    "week to arrive fresh.",
                    cal.keys(sessions),
                )
            monday -= 7 * DAY
        for day_before in range(st.taper_no_lower_days + 1):  # race day included
            day = race.date - day_before * DAY
            if not cal.in_window(day):
                continue
            for lift in cal.day(day):
                if cal.is_lower_body(lift):
                    yield make_flag(
                        "taper",
                        Severity.WARNING,
                        day,
                        f"{session_name(lift)}, a lower-body session on {day_text(day)}, is "
                        + (
                            f"{count_text(day_before, 'day')} before"
                            if day_before
                            else "on the day of"
                        )
                        + f" {race.name}.",
                        f"No leg work in the last {st.taper_no_lower_days} days before a race; "
                        "upper body and core are fine.",
                        cal.keys([lift]),
                    )
