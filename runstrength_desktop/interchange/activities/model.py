"""What a reader hands on about one activity of a file or an export: plain numbers in metres,
seconds and beats a minute, before it becomes a logbook run. No Qt, no peewee."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ...domain import Lap
from ..records import ImportProblem

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 24-hour FIT file with every sensor is about 10 MB
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # what one .gz or zip member may unpack to


class Unreadable(ImportProblem):
    """A file that gives no activity: its reason is listed, and the batch goes on."""


# Sports by the words the formats use (FIT enum names, TCX Sport, Strava and Garmin types,
# lower case). Anything not a run is counted under its own name and not written.
RUNNING_WORDS = frozenset(
    {
        "running",
        "run",
        "trail run",
        "trail running",
        "treadmill running",
        "virtual run",
        "track running",
        "street running",
        "indoor running",
        "ultra run",
        "9",
    }
)


@dataclass
class Samples:
    """A few numbers from the records, kept small: heart rate and pace only as summaries."""

    hr_sum: float = 0.0
    hr_count: int = 0
    hr_max: float = 0.0
    hr_values: list[float] = field(default_factory=list)  # one a minute at most (zones)
    window_speeds: list[float] = field(default_factory=list)  # m/s over ~60 s windows
    ascent_m: float = 0.0

    @property
    def avg_hr(self) -> float | None:
        return self.hr_sum / self.hr_count if self.hr_count else None


@dataclass
class Activity:
    sport: str  # the file's word, lower case ("running", "cycling", "Trail Running" -> ...)
    source: str  # fit, tcx, gpx, strava, garmin
    file: str  # the file's name (inside the folder or zip), or the export and its row
    start_utc: dt.datetime | None = None  # aware, UTC
    start_local: dt.datetime | None = None  # naive wall-clock time where it was run
    elapsed_s: float | None = None
    moving_s: float | None = None  # timer (or moving) time: the logbook's duration
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    ascent_m: float | None = None
    name: str = ""
    description: str = ""
    laps: list[Lap] = field(default_factory=list)
    workout_type: str = ""  # Strava's: race, long, workout
    workout_steps: int = 0  # a structured workout on the watch (FIT workout_step messages)
    hr_values: list[float] = field(default_factory=list)  # per-minute heart rate
    window_speeds: list[float] = field(default_factory=list)
    warning: str = ""  # read in part: what was wrong with the file

    @property
    def is_run(self) -> bool:
        return self.sport.lower().replace("_", " ") in RUNNING_WORDS

    @property
    def sport_label(self) -> str:
        return {"9": "run", "1": "ride", "4": "hike", "10": "walk"}.get(
            self.sport, self.sport
        ) or "unknown"

    @property
    def richness(self) -> int:
        """Which of two copies of one activity to keep: the one that says most."""
        return {"fit": 4, "tcx": 3, "gpx": 2}.get(self.source, 1) + (1 if self.laps else 0)

    def take_samples(self, samples: Samples) -> None:
        if self.avg_hr is None:
            self.avg_hr = samples.avg_hr
        if self.max_hr is None and samples.hr_max:
            self.max_hr = samples.hr_max
        if self.ascent_m is None and samples.ascent_m:
            self.ascent_m = round(samples.ascent_m, 1)
        self.hr_values = samples.hr_values
        self.window_speeds = samples.window_speeds


def local_from_utc(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """Wall-clock time of a UTC moment in `zone`, or in the machine's zone (None)."""
    return moment.astimezone(zone).replace(tzinfo=None)


def finite(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371008.8 * math.asin(min(1.0, math.sqrt(a)))
