"""What kind of run an activity was, and why, in the issue's order of evidence: explicit data
(Strava's workout type, a structured workout on the watch, laps the watch marked as rest),
then the name, then a race in the calendar that day, then the laps' shape, then heart rate
and pace variability, then the week (long), else easy. Pure logic: no Qt, no peewee.

The first three are "clear": they may override the type of a planned run the import
completes; the rest are guesses that never do."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from ...domain import Lap, RunType
from ...domain.metrics import MAX_HR
from ...domain.units import format_pace
from .model import Activity

LONG_MINUTES = 90.0
LONG_WEEK_SHARE = 0.30
LONG_WEEK_RUNS = 3  # a share of the week means little in a week of one or two runs
HARD_HR_SHARE = 0.88  # of the maximum heart rate
HARD_HR_MINUTES = 20
PACE_SPREAD = 0.10  # work laps at least this much faster than recovery laps
TEMPO_GAIN = 0.08  # a tempo block this much faster than the laps around it
TEMPO_MINUTES = 15.0
HILL_CLIMB_M_PER_KM = 40.0
VARIABLE_PACE = 0.25  # coefficient of variation of minute-by-minute speed

_WORDS = {
    # Strava's default names ("Lauf am Morgen", "Carrera matutina", "Course à pied le matin",
    # "Corsa mattutina", "Corrida matinal") say only "run": no such word counts as a race.
    RunType.RACE: r"race|racing|parkrun|marathon|halbmarathon|semi[- ]?marathon|marat[oó]n|"
    r"maratona|wettkampf|volkslauf|competici[oó]n|gara|wedstrijd|kapl[øo]b|lopp(et)?|"
    r"prova|comp[eé]tition|\d+ ?k race",
    RunType.HILLS: r"hill repeats|hill sprints|hills?|bergl[äa]ufe?|bergsprints?|h[üu]gel|c[oô]tes|"
    r"cuestas|salite|heuvels?|bakker?|backar|backe|subidas|ladeiras",
    RunType.INTERVALS: r"intervals?|intervall(e|en|er)?|intervalos?|intervalli|interval(les)?|"
    r"repeats|reps|fartlek|v[o0]2 ?max|bahntraining|track workout|s[eé]ries|"
    r"\d+ ?[x×] ?\d+(?:[.,]\d+)? ?(?:m|k|km|mi|min|s|')?",
    RunType.TEMPO: r"tempo|threshold|lactate|schwelle(nlauf)?|seuil|umbral|soglia|drempel|"
    r"terskel|tr[öo]skel|limiar|cruise intervals|steady state",
    RunType.LONG: r"long run|long|langer lauf|lange[rs]? |sortie longue|longue|tirada larga|"
    r"largo|lungo|lange duurloop|duurloop|langtur|l[åa]ngpass|long[ãa]o|longo",
    RunType.RECOVERY: r"recovery|regeneration|regenerativ|r[ée]cup(ération)?|"
    r"recuperaci[oó]n|recupero|herstel|restitusjon|[åa]terh[äa]mtning|recupera[çc][ãa]o|"
    r"shake ?out",
    RunType.EASY: r"easy|locker|ruhig|facile|f[áa]cil|suave|rustig|rolig|lugn|leve|"
    r"jog(ging)?|footing|base run|grundlage",
}
_PATTERNS = {
    kind: re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z])", re.IGNORECASE)
    for kind, words in _WORDS.items()
}


@dataclass(frozen=True)
class Classified:
    run_type: RunType
    reason: str
    clear: bool  # explicit data, the name or the calendar: strong enough to override a plan


@dataclass(frozen=True)
class Context:
    race_name: str | None = None  # a race in the calendar on the run's day
    week_km: float = 0.0  # the week's running distance, this run included
    week_runs: int = 0


Named = tuple[RunType, str] | None  # a run type the name gives, with the words that say it
Found = tuple[RunType, str] | None  # what a rule found, with its reason


def by_name(text: str) -> Named:
    for kind, pattern in _PATTERNS.items():
        if found := pattern.search(text):
            return kind, found.group(0).strip()
    return None


def classify(activity: Activity, context: Context = Context()) -> Classified:
    minutes = (activity.moving_s or activity.elapsed_s or 0.0) / 60
    text = f"{activity.name} {activity.description}".strip()
    named = by_name(text) if text else None
    for rule in (_explicit, _named, _calendar):
        if found := rule(activity, named, context):
            return Classified(*found, clear=True)
    for measured in (_lap_shape, _heart_and_pace):
        if found := measured(activity):
            return Classified(*found, clear=False)
    if minutes >= LONG_MINUTES:
        return Classified(
            RunType.LONG, f"{minutes:.0f} minutes: at least {LONG_MINUTES:.0f}", False
        )
    km = (activity.distance_m or 0.0) / 1000
    if (
        context.week_runs >= LONG_WEEK_RUNS
        and context.week_km > 0
        and km >= LONG_WEEK_SHARE * context.week_km
    ):
        share = 100 * km / context.week_km
        return Classified(
            RunType.LONG, f"{share:.0f} % of the week's {context.week_km:.1f} km", False
        )
    return Classified(RunType.EASY, "no sign of hard work in the file", False)


def _explicit(activity: Activity, named: Named, context: Context) -> Found:
    refined = named[0] if named and named[0] in (RunType.TEMPO, RunType.HILLS) else None
    said = named[1] if named else ""
    if activity.workout_type == "race":
        return RunType.RACE, "Strava's workout type: race"
    if activity.workout_type == "long":
        return RunType.LONG, "Strava's workout type: long run"
    if activity.workout_type == "workout":
        return refined or RunType.INTERVALS, "Strava's workout type: workout" + (
            f" (named '{said}')" if refined else ""
        )
    if activity.workout_steps >= 3:
        return refined or RunType.INTERVALS, (
            f"a structured workout on the watch ({activity.workout_steps} steps)"
        )
    marks = [lap.intensity for lap in activity.laps]
    rests = sum(1 for m in marks if m in ("rest", "recovery", "resting"))
    work = sum(1 for m in marks if m in ("active", "interval"))
    if rests >= 2 and work >= 3 and _alternates([m in ("active", "interval") for m in marks]):
        return RunType.INTERVALS, f"the watch marked {work} work laps and {rests} rest laps"
    return None


def _named(activity: Activity, named: Named, context: Context) -> Found:
    if named is None:
        return None
    return named[0], f"the name says '{named[1]}'"


def _calendar(activity: Activity, named: Named, context: Context) -> Found:
    if context.race_name:
        return RunType.RACE, f"a race in the calendar that day: {context.race_name}"
    return None


def _alternates(flags: list[bool]) -> bool:
    """At least three work laps, each but the last followed by a recovery lap."""
    changes = sum(1 for a, b in itertools.pairwise(flags) if a and not b)
    return sum(flags) >= 3 and changes >= 2


def _timed(laps: list[Lap]) -> list[Lap]:
    return [lap for lap in laps if lap.pace_s_per_km and (lap.distance_km or 0) >= 0.1]


def _lap_shape(activity: Activity) -> Found:
    laps = _timed(activity.laps)
    if len(laps) < 3:
        return None
    climbs = [
        lap
        for lap in laps
        if (lap.ascent_m or 0) >= HILL_CLIMB_M_PER_KM * (lap.distance_km or 0)
        and (lap.ascent_m or 0) >= 15
    ]
    if len(climbs) >= 3 and _alternates([lap in climbs for lap in laps]):
        return RunType.HILLS, f"{len(climbs)} laps climbing {HILL_CLIMB_M_PER_KM:.0f}+ m a km"
    paces = [lap.pace_s_per_km or 0.0 for lap in laps]  # _timed laps all have a pace
    ordered = sorted(paces)
    third = max(1, len(paces) // 3)
    fast, slow = statistics.mean(ordered[:third]), statistics.mean(ordered[-third:])
    if slow > 0 and (slow - fast) / slow >= PACE_SPREAD and len(laps) >= 5:
        cut = (fast + slow) / 2
        flags = [pace <= cut for pace in paces]
        if _alternates(flags):
            return RunType.INTERVALS, (
                f"{sum(flags)} fast laps ({format_pace(fast)}) alternating with slow ones "
                f"({format_pace(slow)})"
            )
    middle = laps[1:-1]
    around = statistics.mean([paces[0], paces[-1]])
    block = [lap for lap, pace in zip(laps[1:-1], paces[1:-1]) if pace <= around * (1 - TEMPO_GAIN)]
    block_minutes = sum(lap.seconds or 0 for lap in block) / 60
    if block and len(block) == len(middle) and block_minutes >= TEMPO_MINUTES:
        pace = sum(lap.seconds or 0 for lap in block) / sum(lap.distance_km or 0 for lap in block)
        return RunType.TEMPO, (
            f"a sustained fast middle: {block_minutes:.0f} min at {format_pace(pace)} against "
            f"{format_pace(around)} before and after"
        )
    return None


def _heart_and_pace(activity: Activity) -> Found:
    top = max(MAX_HR, activity.max_hr or 0.0)
    hard = sum(1 for hr in activity.hr_values if hr >= HARD_HR_SHARE * top)
    if hard >= HARD_HR_MINUTES and hard >= len(activity.hr_values) / 2:
        return RunType.TEMPO, (
            f"heart rate: {hard} minutes above {HARD_HR_SHARE:.0%} of {top:.0f} beats a minute"
        )
    speeds = [s for s in activity.window_speeds if s > 0.5]
    km = (activity.distance_m or 0) / 1000
    flat = km and (activity.ascent_m or 0) / km < 20
    if len(speeds) >= 10 and flat:
        spread = statistics.pstdev(speeds) / statistics.mean(speeds)
        if spread >= VARIABLE_PACE:
            return RunType.INTERVALS, f"pace varied a lot from minute to minute ({spread:.0%})"
    return None
