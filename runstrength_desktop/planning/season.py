"""002's season: what the strength work is for in each phase a runner sets on a week.

002 ("Endurance vs strength"): "program your strength training over the course of a year,
leading up to your target season or event. Begin with strength, then power, then be working
on endurance as you approach your target", endurance meaning 15 or more repetitions. With
the phases of the calendar: a base week is for strength (heavy, few reps: 003's advice, and
what too_light asks everywhere else), a build week for power (explosive work: light loads
moved fast, few reps), a peak week, close to the target, for endurance (15+ reps). Taper and
recovery weeks are light on purpose and judged by their own rules.

Where the runner set a build or peak phase, too_light follows it instead of fighting it:
light, fast sets of a few reps are power work in a build week, and in a peak week high reps
are the point.

`season_weeks` lays out a season to a race with these phases: base, build and peak before
the taper, a recovery week every 4th or 5th week (000), the taper (003), and recovery after
the race. seasonplan.py fills its weeks with sessions."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from ..domain.enums import Phase, StrEnum
from ..domain.session import Race, monday_of
from .settings import PlanSettings

_Cost = tuple[int, int, int]  # (runs over the limit, recovery weeks and short blocks, -lateness)
_Chosen = tuple[tuple[dt.date, int], ...]  # the recovery weeks, with the hard run before each


class Emphasis(StrEnum):
    STRENGTH = "strength"
    POWER = "power"
    ENDURANCE = "endurance"


_BY_PHASE = {
    Phase.BASE: Emphasis.STRENGTH,
    Phase.BUILD: Emphasis.POWER,
    Phase.PEAK: Emphasis.ENDURANCE,
}


def emphasis(phase: Phase | None) -> Emphasis:
    """What a week of `phase` trains for; strength when no phase is set (003)."""
    return _BY_PHASE.get(phase, Emphasis.STRENGTH) if phase is not None else Emphasis.STRENGTH


# ---- a season's weeks, from the start to the race and the week after it -------------------

WEEK = dt.timedelta(days=7)
HARD = frozenset({Phase.BASE, Phase.BUILD, Phase.PEAK})
REASONS = {
    Phase.BASE: (
        "Base, for strength (002: begin with strength): heavy sets of 8 to 10 at about 75 % of "
        "your max (003), a little more each week (000)."
    ),
    Phase.BUILD: (
        "Build, for power (002: then power): the loads keep rising (000) and every leg day "
        "has jumps beside its hip work."
    ),
    Phase.PEAK: (
        "Peak, for endurance (002: endurance as you approach your target): the loaded lifts "
        "in sets of {reps} at about {share} % of your max."
    ),
}


@dataclass(frozen=True)
class WeekChoice:
    """A week of the season: its phase and why."""

    monday: dt.date
    phase: Phase
    reason: str
    given: bool = False  # the runner set this phase: kept as it is


def season_weeks(
    first_monday: dt.date,
    race: Race,
    settings: PlanSettings,
    *,
    hard_before: int = 0,
    given: dict[dt.date, Phase] | None = None,
    other_races: tuple[Race, ...] = (),
) -> list[WeekChoice]:
    """The phases of the weeks from `first_monday` to the week after `race`: base, build
    and peak before the taper (the weeks that start within the race window before the race,
    003), a recovery week every 4th or 5th week (000; `hard_before` hard weeks in a row end
    before `first_monday`), recovery in the week after the race. `given` phases are the
    runner's and stay; another race's taper weeks are taper weeks too."""
    given = given or {}
    race_monday = monday_of(race.date)
    mondays = []
    monday = first_monday
    while monday <= race_monday + WEEK:
        mondays.append(monday)
        monday += WEEK
    window = settings.race_window_days
    training = [m for m in mondays if (race.date - m).days >= window]
    forced: dict[dt.date, tuple[Phase, str, bool]] = {}
    for m in training:
        if m in given:
            forced[m] = (given[m], "Set by you: kept as it is.", True)
            continue
        other = next((r for r in other_races if 0 <= (r.date - m).days < window), None)
        if other is not None:
            forced[m] = (
                Phase.TAPER,
                f"A short taper before {other.name} on {other.date:%a %d %b}: one session, "
                "no leg work in its last days (003).",
                False,
            )
    count = len(training)
    peak = 2 if count >= 8 else 1 if count >= 4 else 0
    peak_weeks = {m for m in training[count - peak :] if m not in forced}
    recovery = _recovery_weeks(training, forced, peak_weeks, hard_before, settings)
    labels = _labels(training, forced, peak_weeks, recovery)
    choices = []
    for m in training:
        if m in forced:
            phase, reason, by_runner = forced[m]
            choices.append(WeekChoice(m, phase, reason, by_runner))
        elif m in recovery:
            run = recovery[m]
            choices.append(
                WeekChoice(
                    m,
                    Phase.RECOVERY,
                    f"Recovery after {run} hard week{'s' if run != 1 else ''} in a row (000: a "
                    f"deload every 4th or 5th week at about "
                    f"{settings.deload_load_fraction * 100:.0f} % of your max with half the reps).",
                )
            )
        else:
            phase = labels[m]
            text = REASONS[phase].format(
                reps=settings.endurance_reps,
                share=f"{settings.endurance_load_fraction * 100:.0f}",
            )
            choices.append(WeekChoice(m, phase, text))
    for m in mondays[len(training) :]:
        if m in given:
            choices.append(WeekChoice(m, given[m], "Set by you: kept as it is.", True))
        elif m <= race_monday:
            choices.append(
                WeekChoice(
                    m,
                    Phase.TAPER,
                    f"Taper before {race.name} on {race.date:%a %d %b}: "
                    f"{settings.taper_max_sessions} session a week, the same loads with fewer "
                    f"sets, no strength work in the last {settings.taper_no_lower_days} days "
                    "(003).",
                )
            )
        else:
            choices.append(
                WeekChoice(
                    m,
                    Phase.RECOVERY,
                    f"Recovery after {race.name}: light work while the legs come back from "
                    "the race (000's deload).",
                )
            )
    return choices


def _recovery_weeks(
    training: list[dt.date],
    forced: dict[dt.date, tuple[Phase, str, bool]],
    peak_weeks: set[dt.date],
    hard_before: int,
    settings: PlanSettings,
) -> dict[dt.date, int]:
    """Which training weeks are recovery weeks, with the hard weeks in a row before each.

    No more than `deload_after_weeks` - 1 hard weeks in a row (no_deload), as few recovery
    weeks as that allows, no block of fewer than 3 hard weeks where it can be helped, no
    recovery in the week before the taper, and the recovery weeks as late as they can be
    (a longer first block). A dynamic programme over (week, hard weeks in a row)."""
    most = max(1, settings.deload_after_weeks - 1)
    start = min(hard_before, most)
    # best[run] = (cost, recovery weeks chosen as (monday, run before it))
    best: dict[int, tuple[_Cost, _Chosen]] = {start: ((0, 0, 0), ())}
    last = len(training) - 1
    for index, monday in enumerate(training):
        following: dict[int, tuple[_Cost, _Chosen]] = {}
        offer = functools.partial(_offer, following)
        for run, (cost, chosen) in best.items():
            phase = forced.get(monday, (None,))[0]
            if phase is not None:
                if phase in HARD:  # the runner's hard week: kept, even past the limit
                    over = 1 if run + 1 > most else 0
                    offer(min(run + 1, most), (cost[0] + over, cost[1], cost[2]), chosen)
                else:
                    offer(0, cost, chosen)
                continue
            if run + 1 <= most:
                offer(run + 1, cost, chosen)
            if monday not in peak_weeks:
                short = (run < 3) + (index == last)
                offer(0, (cost[0], cost[1] + 1 + short, cost[2] - index), (*chosen, (monday, run)))
        best = following
    if not best:
        return {}
    _cost, chosen = min(best.values())
    return dict(chosen)


def _offer(
    states: dict[int, tuple[_Cost, _Chosen]], run: int, cost: _Cost, chosen: _Chosen
) -> None:
    """Keep the cheaper way of reaching `run` hard weeks in a row."""
    if run not in states or cost < states[run][0]:
        states[run] = (cost, chosen)


def _labels(
    training: list[dt.date],
    forced: dict[dt.date, tuple[Phase, str, bool]],
    peak_weeks: set[dt.date],
    recovery: dict[dt.date, int],
) -> dict[dt.date, Phase]:
    """Base, then build, then peak (002). The base ends at the recovery week nearest the
    middle of the hard weeks before the peak; without one, at the middle; a run-up of two
    weeks or fewer is all build."""
    hard = [m for m in training if m not in forced and m not in recovery and m not in peak_weeks]
    labels = dict.fromkeys(peak_weeks, Phase.PEAK)
    if len(hard) <= 2:
        labels.update(dict.fromkeys(hard, Phase.BUILD))
        return labels
    middle = len(hard) / 2
    cut = (len(hard) + 1) // 2
    splits = [sum(1 for h in hard if h < r) for r in recovery]
    near = [s for s in splits if 0.35 * len(hard) <= s <= 0.65 * len(hard)]
    if near:
        cut = min(near, key=lambda s: (abs(s - middle), -s))
    for position, monday in enumerate(hard):
        labels[monday] = Phase.BASE if position < cut else Phase.BUILD
    return labels
