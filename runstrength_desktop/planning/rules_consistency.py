"""Rules about the weeks: inconsistent, no_calf_work, no_upper_or_core."""

from __future__ import annotations

import datetime as dt

from ..domain.session import iso_week
from .calendar import DAY, WEEK, Calendar
from .flags import Severity, make_flag
from .text import count_text, day_text


def _week_day(cal: Calendar, monday: dt.date) -> dt.date:
    """The day a week's flag sits on: its last strength session, else its Monday."""
    sessions = cal.strength_week(monday)
    return sessions[-1].date if sessions else monday


def inconsistent(cal: Calendar):
    """003 mistake 9 and 002: at least two sessions a week, no gap over 9 days, and not one
    week in the gym and one week out."""
    st = cal.settings
    mondays = cal.judged_mondays()
    for monday in mondays:
        if monday > cal.last or monday + 6 * DAY < cal.first:
            continue
        sessions = cal.strength_week(monday)
        if cal.is_recovery(monday):
            needed, kind = st.min_sessions_recovery, "a recovery week"
        elif cal.is_taper(monday):
            needed, kind = st.min_sessions_taper, "a taper week"
        else:
            needed, kind = st.min_sessions, "a week"
        if len(sessions) >= needed:
            continue
        severity = Severity.ERROR if not sessions else Severity.WARNING
        yield make_flag(
            "inconsistent",
            severity,
            _week_day(cal, monday),
            f"{iso_week(monday)} has {count_text(len(sessions), 'strength session')}; "
            f"{kind} needs at least {needed}.",
            f"Lift at least {st.min_sessions} times a week ({st.min_sessions_taper} in a taper "
            "week): strength, like running endurance, comes from consistency.",
            cal.keys(sessions),
        )
    yield from _gaps(cal)
    yield from _on_off(cal, mondays)


def _gaps(cal: Calendar):
    limit = cal.settings.max_gap_days
    for earlier, later in zip(cal.strength, cal.strength[1:]):
        days = (later.date - earlier.date).days
        if days > limit and cal.in_window(later.date):
            yield make_flag(
                "inconsistent",
                Severity.WARNING,
                later.date,
                f"{days} days without strength work, from {day_text(earlier.date)} to "
                f"{day_text(later.date)} (at most {limit}).",
                f"Keep gaps to {limit} days or less; after a break, come back lighter.",
                cal.keys([earlier, later]),
            )


def _on_off(cal: Calendar, mondays: list[dt.date]):
    """A flag on each week that ends `alternating_weeks` weeks alternating between lifting
    and not lifting at all (the first strength week counts as on)."""
    needed = cal.settings.alternating_weeks
    if not mondays:
        return
    weeks = [mondays[0] - WEEK, *mondays]
    on = [bool(cal.strength_week(m)) for m in weeks]
    for end in range(needed - 1, len(weeks)):
        start = end - needed + 1
        run = weeks[start : end + 1]
        if not cal.in_window(run[-1]) or any(on[i] == on[i + 1] for i in range(start, end)):
            continue
        pattern = ", ".join("on" if on[i] else "off" for i in range(start, end + 1))
        yield make_flag(
            "inconsistent",
            Severity.ERROR,
            run[-1],
            f"{needed} weeks from {iso_week(run[0])} to {iso_week(run[-1])} alternate between "
            f"lifting and not lifting ({pattern}).",
            "One week in the gym and one week out detrains you and leaves you sore; lift "
            "every week, even if only once in a busy one.",
            cal.keys([s for m in run for s in cal.strength_week(m)]),
        )


def no_calf_work(cal: Calendar):
    """003 mistake 7: the calves are the powerhouse of distance runners."""
    for monday in cal.window_mondays():
        if not _calfless(cal, monday):
            continue
        sessions = cal.strength_week(monday)
        twice = _calfless(cal, monday - WEEK)
        again = " for the second week in a row" if twice else ""
        yield make_flag(
            "no_calf_work",
            Severity.ERROR if twice else Severity.WARNING,
            _week_day(cal, monday),
            f"{iso_week(monday)} has {count_text(len(sessions), 'strength session')} but no "
            f"calf exercise{again}.",
            "Add calf raises or single-leg heel raises (3 x 10) to one session a week.",
            cal.keys(sessions),
        )


def _calfless(cal: Calendar, monday: dt.date) -> bool:
    """The week has strength sessions and not one working set on a calf exercise."""
    sessions = cal.strength_week(monday)
    return bool(sessions) and not any(
        cal.facts(e.exercise).calf for s in sessions for e in s.sets if e.is_working
    )


def no_upper_or_core(cal: Calendar):
    """003 mistake 8: the upper body and core keep the running form when you tire."""
    for monday in cal.window_mondays():
        sessions = cal.strength_week(monday)
        if not sessions:
            continue
        names = [cal.facts(e.exercise) for s in sessions for e in s.sets if e.is_working]
        missing = [
            part
            for part, found in (
                ("upper-body", any(f.upper for f in names)),
                ("core", any(f.core for f in names)),
            )
            if not found
        ]
        if not missing:
            continue
        what = " or ".join(missing)
        yield make_flag(
            "no_upper_or_core",
            Severity.WARNING,
            _week_day(cal, monday),
            f"{iso_week(monday)} has {count_text(len(sessions), 'strength session')} but no "
            f"{what} exercise.",
            "Add "
            + " and ".join(
                {
                    "upper-body": "a push and a pull (push-ups, rows)",
                    "core": "a core exercise (plank, dead bug)",
                }[m]
                for m in missing
            )
            + " to one session this week.",
            cal.keys(sessions),
        )
