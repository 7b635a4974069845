"""Rules about when lifting happens around the runs: lift_before_hard_run, run_after_lift,
lift_too_soon_after_hard_run, hard_days_apart, legs_before_long_run, short_recovery, taper.

They need the runs: with no run logged in a week or the weeks next to it, the logbook cannot
say when the runner ran, and these rules (but short_recovery and taper, which need no runs)
have nothing to judge; the plan panel says once that runs are needed (engine.notes). Pairs
that share a session are told in one flag (grouping.py), so a session gets at most one flag
of each rule. Every rule looks at the whole view and the engine keeps the flags dated in the
window, so a week's check says what the whole check says about that week."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator

from ..domain.enums import Phase, RunType
from ..domain.session import Session, iso_week, monday_of
from .calendar import Calendar
from .flags import Flag, Severity, make_flag
from .grouping import groups, sessions_of
from .plan_input import DAY
from .text import count_text, day_text, hours_text, list_text, session_name, when_text

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
    start, end = (
        dt.datetime.combine(s.date, t) for s, t in ((first, first.start), (second, second.start))
    )
    return (end - start).total_seconds() / 3600


def _lower_sessions(cal: Calendar, within: bool = False) -> list[Session]:
    """The lower-body sessions of the view (`within`: of the window's days, for a rule
    whose flags sit on the day of their lift and judge only the days next to it)."""
    return [
        s for s in cal.strength if (not within or cal.in_window(s.date)) and cal.summary(s).lower
    ]


def lift_before_hard_run(cal: Calendar) -> Iterator[Flag]:
    """003 mistake 2: never lift legs within 24 h before a hard running workout."""
    limit = cal.settings.lift_before_hard_run_hours
    reach = math.ceil(limit / 24)
    pairs = []
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
                pairs.append((lift, run, f"{gap} {session_name(run)} on {when_text(run)}"))
    for group in groups(pairs):
        lifts = list(dict.fromkeys(id(g[0]) for g in group))
        first = group[0][0]
        said = "; ".join(
            f"{session_name(lift)} ({when_text(lift)}) is {list_text(parts)}"
            for lift, parts in _by_first(group)
        )
        yield make_flag(
            "lift_before_hard_run",
            Severity.ERROR,
            first.date,
            f"Lower-body work less than {hours_text(limit)} before a hard run: {said}.",
            "Move the leg work to after the hard run on its day, or at least "
            f"{hours_text(limit)} before it; upper body and core can stay."
            + (" Both leg sessions need moving." if len(lifts) > 1 else ""),
            cal.keys(sessions_of(group)),
        )


def _by_first(group: Iterable[tuple[Session, Session, str]]) -> list[tuple[Session, list[str]]]:
    """The group's pairs by their first session: (session, what each of its pairs says)."""
    found: dict[int, tuple[Session, list[str]]] = {}
    for first, _second, text in group:
        found.setdefault(id(first), (first, []))[1].append(text)
    return list(found.values())


def run_after_lift(cal: Calendar) -> Iterator[Flag]:
    """002 (ACSM), 003 and 004: when a hard or long run and a lift share a day, run first.
    003's comments: an easy recovery run in the evening after a session is fine, so easy
    and recovery runs after a lift are not flagged."""
    for day in cal.lift_and_run_days:
        sessions = cal.day(day)
        runs = [s for s in sessions if s.is_hard_run or s.run_type is RunType.LONG]
        lifts = [s for s in sessions if s.is_strength and cal.work(s)]
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
            "warm for the lifting. An easy run after lifting is fine.",
            cal.keys([s for pair in pairs for s in pair]),
        )


def lift_too_soon_after_hard_run(cal: Calendar) -> Iterator[Flag]:
    """003: wait 3 h after a hard workout before lifting (only when both times are known)."""
    wait = cal.settings.wait_after_hard_run_hours
    for day in cal.lift_and_run_days:
        pairs = []
        for lift in (s for s in cal.day(day) if s.is_strength and cal.work(s) and s.start):
            for run in cal.runs_on(day):
                if not run.is_hard_run or run.start is None or _before(cal, lift, run):
                    continue
                rest = (_hours(run, lift) or 0.0) - (run.duration_min or 0) / 60
                if rest < wait:
                    pairs.append((run, lift, rest))
        if not pairs:
            continue
        run, lift, rest = pairs[0]
        yield make_flag(
            "lift_too_soon_after_hard_run",
            Severity.INFO,
            day,
            f"{session_name(lift)} at {lift.start:%H:%M} starts "
            f"{hours_text(max(rest, 0))} after {session_name(run)} ended on "
            f"{day_text(day)} (wait {hours_text(wait)}).",
            f"Leave about {hours_text(wait)} between the end of a hard run and lifting.",
            cal.keys([s for pair in pairs for s in pair[:2]]),
        )


def hard_days_apart(cal: Calendar) -> Iterator[Flag]:
    """003 and its comments: lift on the hard days and keep the easy days easy, rather than
    stacking a leg day onto the day after a hard run. It judges only weeks with a hard run
    that are not set to base, and only for a runner training for a race (003: timing matters
    less in a base or maintenance phase, when the running is easy)."""
    if not cal.settings.profile.race:
        return
    hard_weeks: dict[dt.date, bool] = {}
    by_day: dict[dt.date, list[tuple[Session, list[Session], list[Session]]]] = {}
    for lift in _lower_sessions(cal, within=True):
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
        if after or easy:
            by_day.setdefault(lift.date, []).append((lift, after, easy))
    for day, found in sorted(by_day.items()):
        lift, after, easy = found[0]
        where = (
            (f"the day after {session_name(after[0])}" if after else "")
            + (" and " if after and easy else "")
            + ("an easy-run day" if easy else "")
        )
        involved = [s for lift, after, easy in found for s in (lift, *after, *easy)]
        yield make_flag(
            "hard_days_apart",
            Severity.INFO,
            day,
            f"{session_name(lift)}, a lower-body session on {day_text(day)}, falls on "
            f"{where} in {iso_week(day)}, a week with hard runs.",
            "Lift legs on a hard day after the hard run, so the easy days stay easy and the "
            "legs recover before the next hard run. (Weeks set to base, weeks without a hard "
            "run and a runner not training for a race are not judged.)",
            cal.keys(involved),
        )


def legs_before_long_run(cal: Calendar) -> Iterator[Flag]:
    """004: no leg days right before long runs; one flag per long run."""
    pairs = [
        (lift, run, "")
        for lift in _lower_sessions(cal, within=True)
        for run in cal.runs_on(lift.date + DAY)
        if run.run_type is RunType.LONG
    ]
    for group in groups(pairs):
        lift, run, _ = group[0]
        lifts = list(dict.fromkeys(session_name(g[0]) for g in group))
        yield make_flag(
            "legs_before_long_run",
            Severity.INFO,
            lift.date,
            f"{list_text(lifts)}, lower-body work on {day_text(lift.date)}, "
            f"{'is' if len(lifts) == 1 else 'are'} the day before {session_name(run)} on "
            f"{day_text(run.date)}.",
            "Move the leg day away from the day before the long run, or keep it light.",
            cal.keys(sessions_of(group)),
        )


def short_recovery(cal: Calendar) -> Iterator[Flag]:
    """003: let muscles rest at least 48 h between sessions that load them. Rest is counted
    in days (48 h: two days), as a runner plans: Monday evening's legs and Wednesday's are
    two days apart even if Wednesday's start at five, not six (47 h is no warning). Sessions
    in a row that load the same muscles are one flag."""
    limit = cal.settings.muscle_rest_hours
    reach = math.ceil(limit / 24)
    loading = [(s, cal.leg_muscles(s)) for s in cal.strength]
    loading = [(s, legs) for s, legs in loading if legs]
    pairs = []
    for index, (later, legs) in enumerate(loading):
        for earlier, earlier_legs in reversed(loading[max(0, index - 8) : index]):
            days = (later.date - earlier.date).days
            if days > reach:
                break
            common = legs & earlier_legs
            if common and days * 24 < limit:
                pairs.append((earlier, later, (days, common)))
    for group in groups(pairs):
        sessions = sessions_of(group)
        later = group[0][1]
        muscles = frozenset().union(*(g[2][1] for g in group))
        apart = [
            f"{session_name(a)} ({when_text(a)}) and {session_name(b)} ({when_text(b)}) "
            + ("the same day" if days == 0 else f"{count_text(days, 'day')} apart")
            for a, b, (days, _m) in group
        ]
        yield make_flag(
            "short_recovery",
            Severity.WARNING,
            later.date,
            f"Sessions that load {', '.join(sorted(m.value.replace('_', ' ') for m in muscles))} "
            f"too close together (rest {hours_text(limit)}): {'; '.join(apart)}.",
            f"Leave at least {hours_text(limit)} between sessions that work the same leg "
            "muscles, or make one of them upper body and core.",
            cal.keys(sessions),
        )


def taper(cal: Calendar) -> Iterator[Flag]:
    """003: one session a week in the last two weeks before a race, no legs in the last days.
    One flag per week of a taper, saying both."""
    st = cal.settings
    found: dict[dt.date, tuple[list[str], list[Session]]] = {}
    reach = dt.timedelta(days=st.race_window_days + 7)
    for race in cal.plan.races:
        if not cal.first - reach <= race.date <= cal.last + reach:
            continue  # its taper weeks are far from the days judged
        monday = monday_of(race.date)
        while (race.date - monday).days < st.race_window_days:
            sessions = cal.strength_week(monday)
            if len(sessions) > st.taper_max_sessions:
                parts, involved = found.setdefault(monday, ([], []))
                parts.append(
                    f"{count_text(len(sessions), 'strength session')} in the taper before "
                    f"{race.name} on {day_text(race.date)} (at most {st.taper_max_sessions})"
                )
                involved.extend(sessions)
            monday -= 7 * DAY
        for day_before in range(st.taper_no_lower_days + 1):  # race day included
            day = race.date - day_before * DAY
            for lift in cal.day(day):
                if cal.is_lower_body(lift):
                    parts, involved = found.setdefault(monday_of(day), ([], []))
                    parts.append(
                        f"{session_name(lift)}, lower-body work on {day_text(day)}, is "
                        + (
                            f"{count_text(day_before, 'day')} before"
                            if day_before
                            else "on the day of"
                        )
                        + f" {race.name}"
                    )
                    involved.append(lift)
    for monday, (parts, involved) in sorted(found.items()):
        involved = list({id(s): s for s in involved}.values())
        involved.sort(key=Session.sort_key)
        yield make_flag(
            "taper",
            Severity.WARNING,
            involved[-1].date,
            f"{iso_week(monday)}: " + "; ".join(dict.fromkeys(parts)) + ".",
            f"In the two weeks before a race, drop to {st.taper_max_sessions} session a week "
            f"and no leg work in the last {st.taper_no_lower_days} days, to arrive fresh; "
            "upper body and core are fine.",
            cal.keys(involved),
        )
