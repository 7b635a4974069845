"""Rules about what is on the bar: too_light, missed_reps, too_much_volume."""

from __future__ import annotations

from collections import defaultdict

from ..domain.session import iso_week, monday_of
from ..domain.units import format_number
from .calendar import Calendar
from .flags import Severity, make_flag
from .loads import round_load
from .text import (
    count_text,
    day_text,
    percent_text,
    reps_text,
    session_name,
    weight_text,
    weights_text,
)


def _by_exercise(cal: Calendar, sets) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for entry in sets:
        grouped[cal.facts(entry.exercise).name].append(entry)
    return grouped


def too_light(cal: Calendar):
    """003 mistake 1: a loaded set of 12+ reps, or under 65 % of the current e1RM; one flag
    per session and exercise. Recovery and taper weeks are light on purpose."""
    st, unit = cal.settings, cal.settings.unit
    for session in cal.window_strength():
        if cal.is_easy_week(monday_of(session.date)):
            continue
        loaded = [
            e
            for e in session.sets
            if e.is_working and e.weight_kg and e.weight_kg > 0 and cal.facts(e.exercise).loaded
        ]
        for name, sets in _by_exercise(cal, loaded).items():
            best = cal.current_e1rm(name, session.date)
            many = [e for e in sets if e.reps is not None and e.reps >= st.too_light_reps]
            light = [e for e in sets if best and e.weight_kg < st.too_light_fraction * best]
            flagged = [e for e in sets if e in many or e in light]
            if not flagged:
                continue
            reps = [e.reps for e in flagged if e.reps is not None]
            amount = f"{reps_text(reps)} reps" if reps else "timed work"
            message = (
                f"{count_text(len(flagged), 'set')} of {amount} on {name} at "
                f"{weights_text([e.weight_kg for e in flagged], unit)}"
            )
            reasons = []
            if many:
                reasons.append(
                    f"{st.too_light_reps} or more reps builds endurance the running already gives"
                )
            if light:
                share = max(e.weight_kg for e in light) / best
                reasons.append(
                    f"{percent_text(share)} of its current e1RM of "
                    f"{weight_text(best, unit)} (under "
                    f"{percent_text(st.too_light_fraction)})"
                )
            message += f" on {day_text(session.date)}: " + "; ".join(reasons) + "."
            if best:
                target = round_load(st.working_fraction * best, unit)
                advice = (
                    f"Lift heavier for at most {st.rep_range_high} reps: about "
                    f"{percent_text(st.working_fraction)} of your max, "
                    f"{weight_text(target, unit)} for {st.rep_range_low}-"
                    f"{st.rep_range_high} reps."
                )
            else:
                advice = (
                    f"Pick a load you can lift at most {st.rep_range_high} times with good "
                    f"form, for 3 sets of {st.rep_range_low}-{st.rep_range_high}."
                )
            yield make_flag(
                "too_light", Severity.WARNING, session.date, message, advice, [cal.key(session)]
            )


def missed_reps(cal: Calendar):
    """004: 3 or more reps short of a set's target means the weight is too heavy."""
    st, unit = cal.settings, cal.settings.unit
    for session in cal.window_strength():
        short = [
            e
            for e in session.sets
            if e.is_working
            and e.target_reps
            and e.reps is not None
            and e.target_reps - e.reps >= st.missed_reps
        ]
        for name, sets in _by_exercise(cal, short).items():
            worst = min(sets, key=lambda e: e.reps - e.target_reps)
            load = f" at {weight_text(worst.weight_kg, unit)}" if worst.weight_kg else ""
            message = (
                f"{count_text(len(sets), 'set')} of {name} on {day_text(session.date)} "
                f"fell {st.missed_reps} or more reps short: {worst.reps} of "
                f"{worst.target_reps}{load}."
            )
            if worst.weight_kg:
                lighter = round_load(worst.weight_kg * 0.9, unit, below=worst.weight_kg)
                advice = (
                    f"Take the load down to about {weight_text(lighter, unit)} until every "
                    f"set reaches {worst.target_reps} reps with good form."
                )
            else:
                advice = (
                    f"Aim for {worst.reps + 1}-{worst.reps + 2} reps next time and build "
                    f"back up to {worst.target_reps} with good form."
                )
            yield make_flag(
                "missed_reps", Severity.INFO, session.date, message, advice, [cal.key(session)]
            )


def too_much_volume(cal: Calendar):
    """003 mistake 3: 30-60 min, about 6 exercises of 2-3 sets, about 2 h a week; and no
    sudden jump over the weeks before."""
    st = cal.settings
    for session in cal.window_strength():
        work = session.working_sets()
        exercises = len({cal.facts(e.exercise).name for e in work})
        problems = []
        if exercises > st.max_exercises:
            problems.append(f"{exercises} exercises (at most {st.max_exercises})")
        if len(work) > st.max_working_sets:
            problems.append(f"{len(work)} working sets (at most {st.max_working_sets})")
        if session.duration_min and session.duration_min > st.max_session_minutes:
            problems.append(
                f"{format_number(session.duration_min, 0)} min (at most "
                f"{format_number(st.max_session_minutes, 0)})"
            )
        if problems:
            yield make_flag(
                "too_much_volume",
                Severity.WARNING,
                session.date,
                f"{session_name(session)} on {day_text(session.date)} has "
                + ", ".join(problems)
                + ".",
                f"Keep a session to {format_number(st.max_session_minutes, 0)} min: about "
                f"{st.max_exercises} exercises of 2-3 sets; split the rest over another day.",
                [cal.key(session)],
            )
    for monday in cal.window_mondays():
        sessions = cal.strength_week(monday)
        if not sessions:
            continue
        problems = []
        if len(sessions) > st.max_week_sessions:
            problems.append(f"{len(sessions)} strength sessions (at most {st.max_week_sessions})")
        minutes = sum(s.duration_min or 0 for s in sessions)
        if minutes > st.max_week_minutes:
            problems.append(
                f"{format_number(minutes, 0)} min of strength work (at most "
                f"{format_number(st.max_week_minutes, 0)})"
            )
        baseline = cal.baseline_volume(monday)
        volume = cal.volume.get(monday, 0.0)
        if baseline and volume > st.volume_spike_ratio * baseline:
            problems.append(
                f"a volume of {weight_text(volume, st.unit)} lifted, "
                f"{format_number(volume / baseline, 2)} x the mean of the "
                f"{st.baseline_weeks} weeks before (at most "
                f"{format_number(st.volume_spike_ratio, 1)} x)"
            )
        if problems:
            last = sessions[-1]
            yield make_flag(
                "too_much_volume",
                Severity.WARNING,
                last.date,
                f"The week {iso_week(monday)} has " + ", ".join(problems) + ".",
                f"Keep to 2-{st.max_week_sessions} sessions and about "
                f"{format_number(st.max_week_minutes / 60, 0)} h a week, and raise the weekly "
                "volume gradually.",
                cal.keys(sessions),
            )
