"""Every number the planner judges by, in one object the user can change.

The defaults are those of ../shared/docs/planning-rules.md; each field's comment names the
rule or suggestion that uses it. The GUI stores the object with `to_dict()` and reads it back
with `PlanSettings.from_dict()`, which names the field of a bad value."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from ..domain.enums import WeightUnit


@dataclass(frozen=True)
class PlanSettings:
    # Messages show loads in this unit, and targets round to its plate step (2.5 kg, 5 lb).
    unit: WeightUnit = WeightUnit.KG

    # too_light: 12+ reps, or under 65 % of the best e1RM of the last 8 weeks (003).
    too_light_reps: int = 12
    too_light_fraction: float = 0.65
    e1rm_weeks: int = 8

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

    # no_deload (000): hard weeks in a row; a week at or under this share of the 4 weeks
    # before is light.
    deload_after_weeks: int = 6
    light_week_fraction: float = 0.6

    # taper (003): sessions a week in the two weeks before a race; no legs in the last days.
    taper_max_sessions: int = 1
    taper_no_lower_days: int = 4

    # missed_reps (004): this many reps short of the target.
    missed_reps: int = 3

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

    def to_dict(self) -> dict:
        data = asdict(self)
        data["unit"] = self.unit.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> PlanSettings:
        """Settings from a dict such as to_dict() wrote; missing keys keep their defaults.
        ValueError naming the field for an unknown key or a value of the wrong kind."""
        known = {f.name: f for f in fields(cls)}
        changes = {}
        for key, value in data.items():
            if key not in known:
                raise ValueError(f"{key}: not a planning setting")
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
        return replace(cls(), **changes)


DEFAULT_SETTINGS = PlanSettings()
