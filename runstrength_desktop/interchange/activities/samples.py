"""Heart rate, pace and climb summarised while the points stream past: the readers keep a
number a minute instead of every record, so a batch of a thousand files stays flat in memory."""

from __future__ import annotations

from .model import Samples

WINDOW_S = 60.0
CLIMB_STEP_M = 3.0  # altitude changes smaller than this are GPS or barometer noise


class SampleSummary:
    def __init__(self) -> None:
        self.out = Samples()
        self._window_start: tuple[float, float] | None = None  # (seconds, metres)
        self._last_minute_hr = -1.0
        self._ground: float | None = None

    def add(
        self,
        seconds: float | None,
        heart_rate: float | None = None,
        distance_m: float | None = None,
        altitude_m: float | None = None,
    ) -> None:
        out = self.out
        if heart_rate:
            out.hr_sum += heart_rate
            out.hr_count += 1
            if heart_rate > out.hr_max:
                out.hr_max = heart_rate
            if seconds is not None and seconds - self._last_minute_hr >= WINDOW_S:
                out.hr_values.append(heart_rate)
                self._last_minute_hr = seconds
        if seconds is not None and distance_m is not None:
            if self._window_start is None:
                self._window_start = (seconds, distance_m)
            elif seconds - self._window_start[0] >= WINDOW_S:
                start_s, start_m = self._window_start
                out.window_speeds.append(max(distance_m - start_m, 0.0) / (seconds - start_s))
                self._window_start = (seconds, distance_m)
        if altitude_m is not None:
            if self._ground is None:
                self._ground = altitude_m
            elif altitude_m - self._ground >= CLIMB_STEP_M:
                out.ascent_m += altitude_m - self._ground
                self._ground = altitude_m
            elif self._ground - altitude_m >= CLIMB_STEP_M:
                self._ground = altitude_m
