"""Rules about the weeks: inconsistent, no_calf_work, no_upper_or_core."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..domain.session import iso_week, monday_of
from .calendar import Calendar
from .flags import Flag, Severity, make_flag
from .plan_input import WEEK
from .repeats import Finding, runs
from .text import count_text, day_text


def _week_day(cal: Calendar, monday: dt.date) -> dt.date:
    """The day a week's flag sits on: its last strength session, else its Monday."""
    sessions = cal.strength_week(monday)
    return sessions[-1].date if sessions else monday


def inconsistent(cal: Calendar) -> Iterator[Flag]:
    """003 mistake 9 and 002: at least two sessions a week, no gap over 9 days, and not one
    week in the gym and one week out. One flag per week saying all of what it found there
    (too few sessions, a gap that ends in it, on/off weeks that end with it); it names the
    week's own sessions, its severity is the worst of them. Weeks in a row with the same
    warnings are one flag (repeats.runs); an error keeps its own week."""
    mondays = cal.window_mondays()
    # The weeks a run of the window's weeks may reach: back to the start of the month of
    # its first week, and the week after it.
    low = mondays[0].replace(day=1)
    parts = _found(cal, low, mondays[-1] + WEEK)
    return runs(cal, lambda monday: _inconsistent_week(cal, monday, parts.get(monday)))


Part = tuple[Severity, str, str, str]  # severity, what was found, advice, its reason


def _found(cal: Calendar, low: dt.date, high: dt.date) -> dict[dt.date, list[Part]]:
    """What each judged week from `low` to `high` has: too few sessions, a gap that ends in
    it, on/off weeks that end with it."""
    st = cal.settings
    found: dict[dt.date, list[Part]] = defaultdict(list)
    for monday in cal.judged_mondays(low, high):
        sessions = cal.strength_week(monday)
        if cal.is_recovery(monday):
            needed, kind = st.min_sessions_recovery, "a recovery week"
        elif cal.is_taper(monday):
            needed, kind = st.min_sessions_taper, "a taper week"
        else:
            needed, kind = st.min_sessions, "a week"
        if len(sessions) < needed:
            found[monday].append(
                (
                    Severity.ERROR if not sessions else Severity.WARNING,
                    f"{count_text(len(sessions), 'strength session')}; {kind} needs at least "
                    f"{needed}",
                    f"lift at least {st.min_sessions} times a week ({st.min_sessions_taper} in "
                    "a taper week): strength, like running endurance, comes from consistency",
                    f"fewer strength sessions than {kind} needs",
                )
            )
    for monday, part in _gaps(cal, low, high):
        if low <= monday <= high:
            found[monday].append(part)
    for monday, part in _on_off(cal, low, high):
        if low <= monday <= high:
            found[monday].append(part)
    return found


def _inconsistent_week(cal: Calendar, monday: dt.date, parts: list[Part] | None) -> Finding | None:
    if not parts:
        return None
    worst = min(parts, key=lambda p: p[0].rank)[0]
    advice = "; ".join(dict.fromkeys(p[2] for p in parts))
    flag = make_flag(
        "inconsistent",
        worst,
        _week_day(cal, monday),
        f"{iso_week(monday)}: " + "; ".join(p[1] for p in parts) + ".",
        advice[0].upper() + advice[1:] + ".",
        cal.keys(cal.strength_week(monday)),
    )
    reason = "; ".join(dict.fromkeys(p[3] for p in parts))
    return Finding(None if worst is Severity.ERROR else reason, flag)


def _gaps(cal: Calendar, low: dt.date, high: dt.date) -> Iterator[tuple[dt.date, Part]]:
    """The gaps that end in a week from `low` to `high` (or just after: the caller keeps
    those whose Monday is in them)."""
    limit = cal.settings.max_gap_days
    dates = cal.strength_days
    start = max(1, bisect.bisect_left(dates, low))  # a gap's Monday is on or before its end
    end = bisect.bisect_right(dates, high + WEEK)
    strength = cal.strength
    for earlier, later in zip(strength[start - 1 : end - 1], strength[start:end]):
        days = (later.date - earlier.date).days
        if days > limit:
            yield (
                monday_of(later.date),
                (
                    Severity.WARNING,
                    f"{days} days without strength work, from {day_text(earlier.date)} to "
                    f"{day_text(later.date)} (at most {limit})",
                    f"keep gaps to {limit} days or less; after a break, come back lighter",
                    f"gaps of more than {limit} days",
                ),
            )


def _on_off(cal: Calendar, low: dt.date, high: dt.date) -> Iterator[tuple[dt.date, Part]]:
    """Each judged week up to `high` that ends `alternating_weeks` weeks alternating
    between lifting and not lifting at all (the first strength week counts as on), from the
    weeks that may end in `low` on."""
    needed = cal.settings.alternating_weeks
    mondays = cal.judged_mondays(low - needed * WEEK, high)
    if not mondays:
        return
    # The week before the first judged one starts the count (the first strength week).
    first = cal.first_strength_monday
    before = [mondays[0] - WEEK] if first is not None and mondays[0] == first + WEEK else []
    weeks = [*before, *mondays]
    on = [bool(cal.strength_week(m)) for m in weeks]
    for end in range(needed - 1, len(weeks)):
        start = end - needed + 1
        run = weeks[start : end + 1]
        if any(on[i] == on[i + 1] for i in range(start, end)):
            continue
        pattern = ", ".join("on" if on[i] else "off" for i in range(start, end + 1))
        yield (
            run[-1],
            (
                Severity.ERROR,
                f"{needed} weeks from {iso_week(run[0])} to {iso_week(run[-1])} alternate "
                f"between lifting and not lifting ({pattern})",
                "one week in the gym and one week out detrains you and leaves you sore; lift "
                "every week, even if only once in a busy one",
                "",
            ),
        )


def no_calf_work(cal: Calendar) -> Iterator[Flag]:
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
    return bool(sessions) and not any(cal.summary(s).calf for s in sessions)


def no_upper_or_core(cal: Calendar) -> Iterator[Flag]:
    """003 mistake 8: the upper body and core keep the running form when you tire. Weeks in a
    row missing the same are one flag (repeats.runs)."""
    return runs(cal, lambda monday: _upper_or_core_week(cal, monday))


def _upper_or_core_week(cal: Calendar, monday: dt.date) -> Finding | None:
    sessions = cal.strength_week(monday)
    if not sessions:
        return None
    done = [cal.summary(s) for s in sessions]
    missing = [
        part
        for part, found in (
            ("upper-body", any(w.upper for w in done)),
            ("core", any(w.core for w in done)),
        )
        if not found
    ]
    if not missing:
        return None
    what = " or ".join(missing)
    flag = make_flag(
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
    return Finding(f"no {what} exercise", flag)
