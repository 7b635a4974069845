"""Every number the planner judges by, and the runner it judges for, in one object the user
can change.

The defaults are those of docs/planning-rules.md; each field's comment names the rule or
suggestion that uses it. A RunnerProfile (training for a race or not, new to lifting or not,
sessions a week wanted) changes which rules apply and some defaults: `PlanSettings.for_profile`
gives the defaults for a profile, and a user's own changes go on top. The GUI stores the
object with `to_dict()` and reads it back with `PlanSettings.from_dict()`, which names the
field of a bad value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..domain.enums import WeightUnit


@dataclass(frozen=True)
class RunnerProfile:
    """Who the planner judges for. The defaults judge exactly as docs/planning-rules.md says.

    - `race`: training for a race (the default). Without one the runner is in 003's "base or
      maintenance phase", where when to lift around the runs matters less: hard_days_apart
      is quiet.
    - `new_to_lifting`: 003 and 004's "start with bodyweight and low weights, build up": the
      first `beginner_weeks` weeks are judged on building up (no_progression), not on
      too_light, and the week plan starts with bodyweight.
    - `sessions_per_week`: what the runner wants, 1 to 4. One is allowed when wanted (003:
      "if you only have time for one session, do it anyway"); four short ones are 002's mini
      sessions. The week plan places this many."""

    race: bool = True
    new_to_lifting: bool = False
    sessions_per_week: int = 2

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunnerProfile:
        if not isinstance(data, dict):
            raise ValueError(f"profile: must be an object, not {data!r}")
        changes = {}
        for key, value in data.items():
            if key in ("race", "new_to_lifting"):
                if not isinstance(value, bool):
                    raise ValueError(f"profile.{key}: must be true or false, not {value!r}")
            elif key == "sessions_per_week":
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
                    raise ValueError(
                        f"profile.sessions_per_week: must be a whole number from 1 to 4, "
                        f"not {value!r}"
                    )
            else:
                raise ValueError(f"profile.{key}: not a profile setting")
            changes[key] = value
        return cls(**changes)


@dataclass(frozen=True)
class PlanSettings:
    # Messages show loads in this unit, and targets round to its plate step (2.5 kg, 5 lb).
    unit: WeightUnit = WeightUnit.KG

    # too_light: 12+ reps, or under 65 % of the best e1RM of the last 8 weeks (003).
    too_light_reps: int = 12
    too_light_fraction: float = 0.65
    e1rm_weeks: int = 8
    # 002's season: in a build week, light sets of this many reps or fewer are power work.
    power_reps: int = 6
    # An unmarked set under this share of the exercise's top set in a session, before it,
    # is a warm-up (a ramp to the top sets), not a working set.
    ramp_fraction: float = 0.65
    # New to lifting: the first weeks are judged on building up, not on too_light.
    beginner_weeks: int = 0

    # inconsistent: sessions a week (normal, taper, recovery), longest gap, on/off weeks.
    min_sessions: int = 2
    min_sessions_taper: int = 1
    min_sessions_recovery: int = 0
    max_gap_days: int = 9
    alternating_weeks: int = 4

    # A week that starts this many days or fewer before a race is a taper week (003).
    race_window_days: int = 14

    # Timing (003): 24 h from legs to a hard run, 3 h from a hard run to lifting,
    # 48 h between sessions on the same leg muscles.
    lift_before_hard_run_hours: float = 24.0
    wait_after_hard_run_hours: float = 3.0
    muscle_rest_hours: float = 48.0

    # too_much_volume (003; the spike ratio from the acute:chronic workload literature).
    max_exercises: int = 6
    max_working_sets: int = 18
    max_session_minutes: float = 60.0
    max_week_sessions: int = 3
    max_week_minutes: float = 120.0
    volume_spike_ratio: float = 1.5
    baseline_weeks: int = 4

    # no_progression (000): this many sessions over this many weeks without a better best set.
    progression_sessions: int = 4
    progression_weeks: int = 3

    # no_deload (000): the 5th hard week in a row should have been a deload; a week at or
    # under this share of the volume (bodyweight work: of the working sets) of the 4 weeks
    # before is light.
    deload_after_weeks: int = 5
    light_week_fraction: float = 0.6

    # taper (003): sessions a week in the two weeks before a race; no legs in the last days.
    taper_max_sessions: int = 1
    taper_no_lower_days: int = 4

    # missed_reps (004): this many reps short of the target.
    missed_reps: int = 3

    # short_session (003's lower bounds, info): a complete session has about 6 exercises of
    # 2-3 sets and lasts 30 minutes; fewer than these is short.
    min_exercises: int = 4
    min_sets_per_exercise: int = 2
    min_session_minutes: float = 30.0

    # injury_prevention (000, 001, 002, info): a month of lifting in at least this many weeks
    # without single-leg, plyometric or hip abductor/adductor work.
    injury_prevention_weeks: int = 3

    # Suggestions: the rep range of loaded work (003), of bodyweight work (004), about 5 %
    # more load at the top of the range (000), the load 003 recommends (75 % of max), the
    # deload week at 60 % with half the reps (000), and 5 s more per timed hold.
    rep_range_low: int = 8
    rep_range_high: int = 10
    bodyweight_reps_low: int = 10
    bodyweight_reps_high: int = 15
    overload_fraction: float = 0.05
    working_fraction: float = 0.75
    deload_load_fraction: float = 0.6
    deload_reps_fraction: float = 0.5
    hold_step_seconds: float = 5.0
    # A season's peak weeks (002: endurance, 15+ reps, as the race approaches): the loaded
    # lifts in sets of this many reps at this share of the e1RM.
    endurance_reps: int = 15
    endurance_load_fraction: float = 0.6

    # Who the rules judge for (see RunnerProfile).
    profile: RunnerProfile = field(default_factory=RunnerProfile)

    @classmethod
    def for_profile(cls, profile: RunnerProfile, **changes: Any) -> PlanSettings:
        """The defaults for `profile`, with `changes` on top."""
        wanted = profile.sessions_per_week
        defaults: dict[str, Any] = {
            "profile": profile,
            "min_sessions": min(cls.min_sessions, wanted),
            "max_week_sessions": max(cls.max_week_sessions, wanted),
            "beginner_weeks": 4 if profile.new_to_lifting else 0,
        }
        return cls(**(defaults | changes))

    def defaults(self) -> PlanSettings:
        """The defaults this object's profile and unit start from."""
        return PlanSettings.for_profile(self.profile, unit=self.unit)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["unit"] = self.unit.value
        data["profile"] = self.profile.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanSettings:
        """Settings from a dict such as to_dict() wrote; missing keys keep the defaults of the
        profile (itself a nested object). ValueError naming the field for an unknown key or
        a value of the wrong kind."""
        known = {f.name: f for f in fields(cls)}
        profile = RunnerProfile.from_dict(data.get("profile", {}))
        changes = {}
        for key, value in data.items():
            if key not in known:
                raise ValueError(f"{key}: not a planning setting")
            if key == "profile":
                continue
            if key == "unit":
                try:
                    changes[key] = WeightUnit(value)
                except ValueError:
                    raise ValueError(f"unit: must be kg or lb, not {value!r}") from None
                continue
            default = getattr(cls, key)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{key}: must be a number, not {value!r}")
            if value < 0 or (isinstance(default, int) and value != int(value)):
                raise ValueError(
                    f"{key}: must be a {'whole ' if isinstance(default, int) else ''}"
                    f"number of at least 0, not {value!r}"
                )
            changes[key] = type(default)(value)
        return cls.for_profile(profile, **changes)


DEFAULT_SETTINGS = PlanSettings()
