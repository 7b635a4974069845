"""A realistic demo logbook: years of a runner's training with strength work, races, week
phases and body weight, plus about two weeks of plan, so every screen has something to show.

Pure Python (stdlib + domain), deterministic for a given (years, seed, today): all chance
goes through one random.Random(seed). The history deliberately repeats the mistakes that
docs/planning-rules.md teaches the planner to find (too light, no calves, lifting the day
before intervals, a three-week gap, too much volume, running after lifting), because a
demo in which the planner finds nothing demonstrates nothing."""

from __future__ import annotations

import datetime as dt
import math
import random

from . import clock
from .demo_strength import DELOAD, LIGHT, LONG, NORMAL, TAPER, StrengthCoach
from .domain.enums import Phase, RunType, SessionKind, Status
from .domain.session import BodyWeight, Logbook, Race, Session, WeekPhase, iso_week, monday_of

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)
PLAN_DAYS = 14  # how far the plan reaches past today

RACE_KINDS = {
    "5k": (5.0, "5K"),
    "10k": (10.0, "10K"),
    "half": (21.0975, "Half Marathon"),
    "marathon": (42.195, "Marathon"),
}  # kind: (distance km, name suffix)
RACE_PLACES = (
    "Riverside",
    "Harbour",
    "Old Town",
    "Parkland",
    "Lakeside",
    "Castle",
    "Coastal",
    "Forest",
    "Valley",
    "City",
    "Capital",
)
# Race pace relative to easy pace (min/km): the shorter the race, the faster.
RACE_PACE_GAIN = {"5k": 1.45, "10k": 1.25, "half": 1.0, "marathon": 0.6}
RUN_PACE_GAIN = {
    RunType.EASY: 0.0,
    RunType.RECOVERY: -0.35,
    RunType.LONG: -0.1,
    RunType.TEMPO: 0.9,
    RunType.INTERVALS: 0.5,
    RunType.HILLS: 0.0,
}
RUN_RPE = {
    RunType.EASY: (3, 4),
    RunType.RECOVERY: (2, 3),
    RunType.LONG: (5, 6),
    RunType.TEMPO: (6, 7),
    RunType.INTERVALS: (8, 8),
    RunType.HILLS: (7, 7),
    RunType.RACE: (9, 9),
}
RUN_TITLES = {
    RunType.EASY: ("Easy run",),
    RunType.RECOVERY: ("Recovery jog",),
    RunType.LONG: ("Long run",),
    RunType.TEMPO: ("Tempo 20 min", "Tempo 3 x 10 min", "Progression run"),
    RunType.INTERVALS: (
        "Intervals 6 x 800 m",
        "Intervals 5 x 1 km",
        "Intervals 10 x 400 m",
        "Intervals 4 x 1200 m",
    ),
    RunType.HILLS: ("Hills 8 x 60 s", "Hill repeats 10 x 45 s"),
}
RUN_NOTES = (
    "Windy.",
    "Legs heavy.",
    "Great run!",
    "Hot and humid.",
    "Rain the whole way.",
    "New shoes.",
    "Ran with the club.",
    "Treadmill, bad weather.",
)
SKIP_NOTES = ("Sick.", "Work ran late.", "Knee niggle, rested.", "Family day.", "Travelling.")
# Mistakes and how many weeks a year get each (the gap comes every other year).
MISTAKES_PER_YEAR = {
    "too_light": 2,
    "no_calf": 3,
    "lift_before_intervals": 2,
    "run_after_lift": 2,
    "too_much": 1,
}


def generate_demo(years: int, seed: int, today: dt.date | None = None) -> Logbook:
    """`years` of history ending at `today` (default: the real today) and a plan for the next
    two weeks. The same (years, seed, today) always gives the same logbook."""
    if years < 0:
        raise ValueError("years must not be negative")
    today = today or clock.today()
    return _Demo(years, random.Random(seed), today).build()


def _years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _clock(minutes: float) -> dt.time:
    minutes = int(min(max(minutes, 0), 23 * 60 + 55)) // 5 * 5
    return dt.time(minutes // 60, minutes % 60)


class _Demo:
    def __init__(self, years: int, rng: random.Random, today: dt.date) -> None:
        self.rng, self.today = rng, today
        self.first = monday_of(_years_ago(today, years))
        self.last = monday_of(today + dt.timedelta(days=PLAN_DAYS)) + 6 * DAY
        self.mondays = [
            self.first + i * WEEK for i in range((self.last - self.first).days // 7 + 1)
        ]
        self.coach = StrengthCoach(rng)
        self.legs_trained: dt.datetime | None = None  # start of the last leg session
        self.book = Logbook()

    def build(self) -> Logbook:
        self._plan_races()
        self._plan_phases()
        mistakes = self._plan_mistakes()
        gap_left = 0
        for index, monday in enumerate(self.mondays):
            mistake = mistakes.get(index, "")
            if mistake == "gap":
                gap_left = 3
            self._week(index, monday, mistake, gap_left > 0)
            gap_left -= 1
            if gap_left == 0:
                self.coach.detrain()
        self._body_weights()
        self.book.sessions.sort(key=Session.sort_key)
        return self.book

    # ---- the season: races and week phases ----------------------------------------------
    def _years_in(self, day: dt.date) -> float:
        return (day - self.first).days / 365.25

    def _fitness(self, day: dt.date) -> float:
        """Running fitness: 0 for the runner at the start, towards 1 after many years."""
        return 1 - math.exp(-self._years_in(day) / 3)

    def _plan_races(self) -> None:
        rng, last_marathon = self.rng, self.first
        sunday = self.first + 6 * DAY + WEEK * rng.randint(10, 16)
        while sunday <= self.last:
            # Marathons only after a year of running, and at most about one a year.
            ready = self._years_in(sunday) >= 1 and (sunday - last_marathon).days > 300
            weights = [2, 3, 3, 3 * self._fitness(sunday) + 1 if ready else 0]
            kind = rng.choices(list(RACE_KINDS), weights)[0]
            km, suffix = RACE_KINDS[kind]
            self.book.races.append(Race(sunday, f"{rng.choice(RACE_PLACES)} {suffix}", km))
            if kind == "marathon":
                last_marathon = sunday
            # A marathon needs a longer build (and recovery) than a 10K.
            sunday += WEEK * (rng.randint(14, 20) if kind == "marathon" else rng.randint(8, 14))
        self.race_by_day = {race.date: race for race in self.book.races}

    def _next_race(self, day: dt.date) -> Race | None:
        return next((r for r in self.book.races if r.date >= day), None)

    def _plan_phases(self) -> None:
        """Base, build, peak by the weeks to the next race; the two weeks before a race are a
        taper; a recovery week after a long race and after every 3 or 4 loading weeks (000:
        a deload every 4th or 5th week)."""
        self.phase: list[Phase] = []
        loading, cycle = 0, self.rng.choice((3, 4))
        for monday in self.mondays:
            race = self._next_race(monday)
            after = self.race_by_day.get(monday - DAY)
            weeks_to = (race.date - monday).days // 7 if race else 99
            if race and (race.date - monday).days < 14:
                phase, loading = Phase.TAPER, 0
            elif after and (after.distance_km or 0) > 20:
                phase, loading = Phase.RECOVERY, 0
            elif loading >= cycle:
                phase, loading, cycle = Phase.RECOVERY, 0, self.rng.choice((3, 4))
            else:
                loading += 1
                build_weeks = 12 if race and (race.distance_km or 0) > 40 else 8
                phase = (
                    Phase.PEAK
                    if weeks_to <= 4
                    else Phase.BUILD
                    if weeks_to <= build_weeks
                    else Phase.BASE
                )
            self.phase.append(phase)
            self.book.weeks.append(WeekPhase(iso_week(monday), phase))

    def _plan_mistakes(self) -> dict[int, str]:
        """Which past loading weeks get which mistake, about a year's worth at a time."""
        rng, chosen = self.rng, {}
        past = [
            i
            for i, monday in enumerate(self.mondays)
            if monday + 6 * DAY <= self.today
            and i >= 4
            and self.phase[i] in (Phase.BASE, Phase.BUILD, Phase.PEAK)
        ]
        for year_index, start in enumerate(range(0, len(self.mondays), 52)):
            pool = [i for i in past if start <= i < start + 52 and i not in chosen]
            if year_index % 2 == 0:  # a three-week gap every other year: holiday, injury
                gaps = [
                    i
                    for i in pool
                    if i + 2 < len(self.phase)
                    and all(self.phase[j] is not Phase.TAPER for j in (i + 1, i + 2))
                    and i + 2 in past
                ]
                if gaps:
                    gap = rng.choice(gaps)
                    chosen[gap] = "gap"
                    pool = [i for i in pool if not gap - 1 <= i <= gap + 3]
            for mistake, count in MISTAKES_PER_YEAR.items():
                # Light high-rep work is a mistake outside the peak weeks; in them it is
                # 002's endurance work before the race.
                fits = [
                    i for i in pool if mistake != "too_light" or self.phase[i] is not Phase.PEAK
                ]
                for i in rng.sample(fits, min(count, len(fits))):
                    chosen[i] = mistake
                    pool.remove(i)
        return chosen

    # ---- one week --------------------------------------------------------------------
    def _week(self, index: int, monday: dt.date, mistake: str, no_gym: bool) -> None:
        rng, phase = self.rng, self.phase[index]
        self.coach.set_years(self._years_in(monday))
        race = self._next_race(monday)
        race_week = race is not None and race.date <= monday + 6 * DAY
        # runs: weekday -> run type; strength: weekday -> (kind, mode)
        runs: dict[int, RunType] = {1: RunType.EASY, 3: RunType.EASY, 6: RunType.LONG}
        strength: dict[int, tuple[str, str]] = {}
        if phase in (Phase.BUILD, Phase.PEAK):
            runs[1], runs[3] = RunType.INTERVALS, RunType.TEMPO
        elif phase is Phase.BASE and rng.random() < 0.4:
            runs[3] = RunType.HILLS
        if phase in (Phase.BASE, Phase.BUILD, Phase.PEAK):
            if rng.random() < 0.4 + 0.3 * self._fitness(monday):
                runs[2] = rng.choice((RunType.EASY, RunType.RECOVERY))
            if rng.random() < 0.5:
                runs[5] = RunType.EASY
            # 004's sample week: upper body on a rest day, lower body after the hard run.
            strength[1] = ("lower", NORMAL)
            if rng.random() < 0.75:
                strength[0] = ("upper", NORMAL)
            if rng.random() < 0.35 or 0 not in strength:
                strength[3] = ("full", NORMAL)
        elif phase is Phase.RECOVERY:
            if rng.random() < 0.5:
                runs[5] = RunType.EASY
            strength[1] = ("full", DELOAD)
            if rng.random() < 0.5:
                strength[0] = ("upper", DELOAD)
        else:  # 003: one session a week for two weeks, after the hard run, 5+ days out
            runs[1] = RunType.TEMPO if race_week else RunType.INTERVALS
            strength[1] = ("full", TAPER)
            if rng.random() < 0.5:
                runs[5] = RunType.EASY
        if race_week and race is not None:
            runs[race.date.weekday()] = RunType.RACE
        strength, runs, evening_run = self._apply_mistake(mistake, strength, runs)
        if no_gym:
            strength = {}
        for weekday in range(7):
            self._day(
                monday + weekday * DAY,
                phase,
                runs.get(weekday),
                strength.get(weekday),
                weekday == evening_run,
                mistake,
                no_gym,
            )

    def _apply_mistake(self, mistake: str, strength: dict, runs: dict):
        """Bend a good week into one with the given mistake; returns the weekday whose run
        goes to the evening after a morning lift (run_after_lift: the long run), or None."""
        if mistake == "too_light":
            strength = {d: (kind, LIGHT) for d, (kind, _) in strength.items()}
        elif mistake == "lift_before_intervals":  # leg day moved to the evening before
            runs[1] = RunType.INTERVALS
            strength.pop(1, None)
            strength[0] = ("lower", NORMAL)
        elif mistake == "run_after_lift":  # gym in the morning, the long run after it
            # (an easy run after a lift is fine: 003's comments; a long or hard one is not)
            strength.pop(0, None)
            strength[6] = ("upper", NORMAL)
            return strength, runs, 6
        elif mistake == "too_much":
            if self.rng.random() < 0.5:
                strength[1] = ("lower", LONG)
            else:
                strength.update({0: ("upper", NORMAL), 3: ("full", NORMAL), 4: ("upper", NORMAL)})
        return strength, runs, None

    # ---- one day ---------------------------------------------------------------------
    def _status(self, day: dt.date, can_skip: bool) -> Status:
        if day > self.today:
            return Status.PLANNED
        return Status.SKIPPED if can_skip and self.rng.random() < 0.04 else Status.DONE

    def _day(
        self,
        day: dt.date,
        phase: Phase,
        run_type: RunType | None,
        lift: tuple[str, str] | None,
        evening_run: bool,
        mistake: str,
        no_gym: bool,
    ) -> None:
        rng, sessions = self.rng, []
        run = None
        if run_type is not None:
            if evening_run:
                start = rng.randint(18 * 60 + 15, 19 * 60)
            elif run_type is RunType.RACE:
                start = 9 * 60 if day.weekday() == 6 else 8 * 60 + 30
            elif day.weekday() >= 5:
                start = rng.randint(7 * 60 + 30, 9 * 60)
            elif rng.random() < 0.8:
                start = rng.randint(6 * 60 + 30, 7 * 60 + 30)
            else:
                start = rng.randint(17 * 60 + 30, 18 * 60 + 45)
            run = self._run(day, phase, run_type, _clock(start), mistake, no_gym)
            sessions.append(run)
        if lift is not None:
            kind, mode = lift
            lift_start: float
            if evening_run:
                lift_start = rng.randint(6 * 60 + 15, 7 * 60)
            elif run is not None and run.start is not None:  # after the run, in the evening
                run_end = run.start.hour * 60 + run.start.minute + (run.duration_min or 45)
                lift_start = max(rng.randint(18 * 60, 19 * 60), run_end + 20)
            else:
                lift_start = (
                    rng.randint(18 * 60, 19 * 60 + 30)
                    if rng.random() < 0.8
                    else rng.randint(6 * 60 + 30, 7 * 60)
                )
            if kind != "upper" and self.legs_trained is not None:
                # 003: rest the legs 48 h, so Thursday's session starts no earlier than
                # Tuesday's did.
                rested = self.legs_trained + dt.timedelta(hours=48)
                if rested.date() == day:
                    lift_start = max(lift_start, rested.hour * 60 + rested.minute)
            lift_session = self._lift(day, kind, mode, _clock(lift_start), mistake)
            if kind != "upper" and lift_session.status is not Status.SKIPPED:
                self.legs_trained = lift_session.starts_at()
            sessions.append(lift_session)
        sessions.sort(key=lambda s: s.start or dt.time())
        for order, session in enumerate(sessions):
            session.order = order
        self.book.sessions.extend(sessions)

    def _run(
        self,
        day: dt.date,
        phase: Phase,
        run_type: RunType,
        start: dt.time,
        mistake: str,
        no_gym: bool,
    ) -> Session:
        rng, fit = self.rng, self._fitness(day)
        race = self.race_by_day.get(day) if run_type is RunType.RACE else None
        km = {
            RunType.EASY: rng.uniform(6, 10),
            RunType.RECOVERY: rng.uniform(5, 7),
            RunType.TEMPO: rng.uniform(8, 12),
            RunType.INTERVALS: rng.uniform(8, 11),
            RunType.HILLS: rng.uniform(7, 10),
        }.get(run_type, 0.0)
        if run_type is RunType.LONG:
            km = self._long_km(day, phase)
        elif phase is Phase.TAPER:
            km *= 0.75
        elif phase is Phase.RECOVERY:
            km *= 0.85
        if race:
            km = race.distance_km or km
        easy_pace = 6.4 - 1.1 * fit + rng.gauss(0, 0.1)
        gain = RACE_PACE_GAIN[self._race_kind(race)] if race else RUN_PACE_GAIN[run_type]
        minutes = km * (easy_pace - gain)
        status = self._status(day, can_skip=race is None and not mistake)
        done = status is Status.DONE
        notes = ""
        if race and done:
            seconds = round(minutes * 60)
            notes = f"Finished in {seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}."
        elif status is Status.SKIPPED:
            notes = rng.choice(SKIP_NOTES)
        elif no_gym and day.weekday() == 1:
            notes = "No gym this week, away from home."
        elif done and rng.random() < 0.08:
            notes = rng.choice(RUN_NOTES)
        return Session(
            day,
            SessionKind.RUN,
            status,
            start=start,
            title=race.name if race else rng.choice(RUN_TITLES[run_type]),
            run_type=run_type,
            distance_km=round(km, 2 if race else 1),
            duration_min=round(minutes, 1),
            rpe=float(rng.randint(*RUN_RPE[run_type])) if done else None,
            notes=notes,
        )

    def _race_kind(self, race: Race) -> str:
        return next(k for k, (km, *_rest) in RACE_KINDS.items() if km == race.distance_km)

    def _long_km(self, day: dt.date, phase: Phase) -> float:
        """Long runs grow with fitness, and towards 30 km (22 km) in a marathon (half)
        build."""
        km = 14 + 6 * self._fitness(day) + self.rng.uniform(-1, 1)
        race = self._next_race(day)
        if race and (race.distance_km or 0) > 20 and phase in (Phase.BUILD, Phase.PEAK):
            top = 30 if (race.distance_km or 0) > 40 else 22

            ramp = min(1.0, max(0.0, (12 - (race.date - day).days / 7) / 9))
            km = max(km, km + (top - km) * ramp)
        if phase is Phase.TAPER:
            km *= 0.6
        elif phase is Phase.RECOVERY:
            km *= 0.7
        return km

    def _lift(self, day: dt.date, kind: str, mode: str, start: dt.time, mistake: str) -> Session:
        # A mistake week's sessions are never skipped: the mistake must be in the log.
        status = self._status(day, can_skip=not mistake)
        planned = status is not Status.DONE  # skipped sessions keep what was planned
        title, sets, minutes, rpe, notes = self.coach.session(
            kind, mode, no_calf=mistake == "no_calf", planned=planned
        )
        if status is Status.SKIPPED:
            notes = self.rng.choice(SKIP_NOTES)
        return Session(
            day,
            SessionKind.STRENGTH,
            status,
            start=start,
            title=title,
            duration_min=minutes,
            rpe=rpe,
            notes=notes,
            sets=sets,
        )

    # ---- body weight -----------------------------------------------------------------
    def _body_weights(self) -> None:
        """Weighed about once a week: a slow random walk that drifts down a little as the
        runner gets fitter, with day-to-day noise on top."""
        rng = self.rng
        trend = rng.uniform(66, 80)
        day = self.first + rng.randint(0, 3) * DAY
        while day <= self.today:
            trend += rng.gauss(-0.01, 0.12)
            weight = trend + rng.gauss(0, 0.35)
            self.book.body_weights.append(BodyWeight(day, round(weight, 1)))
            day += rng.randint(5, 9) * DAY
