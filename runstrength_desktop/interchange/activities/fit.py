"""FIT activity files (also several FIT files joined, and multisport files: one activity per
session message) read with fitdecode. Tolerant: what was read before damage (a bad checksum,
an early end, a broken second header) is kept and the damage named; a file whose session
message never came is rebuilt from its laps and records."""

from __future__ import annotations

import datetime as dt
import io
from array import array
from bisect import bisect_left, bisect_right

import fitdecode

from ...domain import Lap
from .model import Activity, Unreadable, finite, local_from_utc
from .samples import SampleSummary

RELATIVE_LIMIT = 0x10000000  # FIT times below this count from the watch's power-on
MAX_OFFSET_S = 14 * 3600  # a local time further than this from UTC is not a time zone


def _seconds(value) -> float | None:
    if isinstance(value, dt.datetime):
        return value.timestamp()
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # a relative time (the file has no absolute one)
    return None


def _damage(exc: Exception) -> str:
    if isinstance(exc, fitdecode.FitCRCError):
        return "bad checksum"
    if isinstance(exc, fitdecode.FitEOFError):
        return "truncated: the file ends early"
    if isinstance(exc, fitdecode.FitHeaderError):
        return "a damaged FIT header"
    return f"damaged data ({exc})"


class _FitFile:
    def __init__(self) -> None:
        self.file_type = None
        self.sessions: list[dict] = []
        self.laps: list[dict] = []
        self.sports: list[dict] = []
        self.activity: dict | None = None
        self.workout_steps = 0
        self.workout_name = ""
        self.times = array("d")
        self.heart = array("d")
        self.distance = array("d")
        self.altitude = array("d")
        self.records = 0

    def read(self, data: bytes) -> str:
        """Read every frame; returns the damage found ("" for a sound file)."""
        nan = float("nan")
        try:
            reader = fitdecode.FitReader(
                io.BytesIO(data),
                check_crc=fitdecode.CrcCheck.RAISE,
                keep_raw_chunks=False,
            )
            with reader:
                for frame in reader:
                    if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                        continue
                    name = frame.name
                    if name == "record":
                        t = hr = d = a = None
                        for f in frame.fields:
                            n = f.name
                            if n == "timestamp":
                                t = f.value
                            elif n == "heart_rate":
                                hr = f.value
                            elif n == "distance":
                                d = f.value
                            elif n == "enhanced_altitude" or (n == "altitude" and a is None):
                                a = f.value
                        seconds = _seconds(t)
                        if seconds is None:
                            continue
                        self.records += 1
                        self.times.append(seconds)
                        self.heart.append(hr if isinstance(hr, (int, float)) else nan)
                        self.distance.append(d if isinstance(d, (int, float)) else nan)
                        self.altitude.append(a if isinstance(a, (int, float)) else nan)
                    elif name in ("session", "lap", "sport", "activity", "file_id", "workout"):
                        values = {f.name: f.value for f in frame.fields if f.value is not None}
                        if name == "session":
                            self.sessions.append(values)
                        elif name == "lap":
                            self.laps.append(values)
                        elif name == "sport":
                            self.sports.append(values)
                        elif name == "activity":
                            self.activity = values
                        elif name == "file_id":
                            self.file_type = self.file_type or values.get("type")
                        else:
                            self.workout_name = str(values.get("wkt_name") or "")
                    elif name == "workout_step":
                        self.workout_steps += 1
        except fitdecode.FitError as exc:
            return _damage(exc)
        return ""

    def local_offset(self):
        """(utc_offset_seconds | None, relative_to_local | None) from the activity message."""
        act = self.activity or {}
        stamp, local = act.get("timestamp"), act.get("local_timestamp")
        if not isinstance(local, dt.datetime):
            return None, None
        if isinstance(stamp, dt.datetime):
            offset = (local - stamp).total_seconds()
            return (offset if abs(offset) <= MAX_OFFSET_S else None), None
        if isinstance(stamp, int) and stamp < RELATIVE_LIMIT:
            return None, local.timestamp() - stamp  # local seconds = relative + this
        return None, None


def _lap(values: dict) -> Lap:
    distance = finite(values.get("total_distance"))
    seconds = finite(values.get("total_timer_time", values.get("total_elapsed_time")))
    return Lap(
        distance_km=None if distance is None else round(distance / 1000, 5),
        seconds=seconds,
        avg_hr=finite(values.get("avg_heart_rate")),
        max_hr=finite(values.get("max_heart_rate")),
        intensity=str(values.get("intensity") or ""),
        trigger=str(values.get("lap_trigger") or ""),
        ascent_m=finite(values.get("total_ascent")),
    )


def _session_from_records(fit: _FitFile) -> dict:
    """A summary for a file whose session message was lost."""
    first, last = fit.times[0], fit.times[-1]
    distances = [d for d in fit.distance if d == d]
    lap_sport = next((lap.get("sport") for lap in fit.laps if lap.get("sport")), None)
    sport = fit.sports[0].get("sport") if fit.sports else lap_sport
    start = fit.laps[0].get("start_time") if fit.laps else None
    return {
        "start_time": start if start is not None else first,
        "total_elapsed_time": last - first,
        "total_timer_time": sum(finite(lap.get("total_timer_time")) or 0.0 for lap in fit.laps)
        or last - first,
        "total_distance": distances[-1] if distances else None,
        "sport": sport or "unknown",
    }


def read_fit(data: bytes, name: str, zone: dt.tzinfo | None = None) -> list[Activity]:
    fit = _FitFile()
    damage = fit.read(data)
    if fit.file_type is None and not fit.sessions and not fit.records:
        raise Unreadable(damage or "not a FIT file")
    if fit.file_type not in (None, "activity"):
        raise Unreadable(f"not an activity: a FIT {fit.file_type} file")
    sessions = fit.sessions
    warning = damage
    if not sessions:
        if not fit.records:
            raise Unreadable(damage or "no activity in the file (no session, no records)")
        sessions = [_session_from_records(fit)]
        warning = f"{damage or 'no summary'}: the activity was rebuilt from its records"
    elif damage:
        warning = f"{damage}; what came before the damage was kept"
    offset, relative = fit.local_offset()
    lap_starts = [_seconds(lap.get("start_time")) for lap in fit.laps]
    activities = []
    for index, values in enumerate(sessions):
        activities.append(
            _activity(fit, values, index, lap_starts, offset, relative, name, zone, warning)
        )
    return activities


def _activity(fit, values, index, lap_starts, offset, relative, name, zone, warning) -> Activity:
    start = values.get("start_time")
    start_s = _seconds(start)
    if start_s is None:
        raise Unreadable("no timestamps: the session has no start time")
    timer = finite(values.get("total_timer_time"))
    elapsed = finite(values.get("total_elapsed_time"))
    if elapsed is None or (timer is not None and elapsed < timer):
        elapsed = timer  # an elapsed time shorter than the timer's cannot be right
    span_end = start_s + (elapsed or 0.0) + 1.0
    if isinstance(start, dt.datetime):
        start_utc = start.astimezone(dt.UTC)
        if offset is not None:
            start_local = (start_utc + dt.timedelta(seconds=offset)).replace(tzinfo=None)
        else:
            start_local = local_from_utc(start_utc, zone)
    elif relative is not None:
        start_utc = None
        start_local = dt.datetime.fromtimestamp(start_s + relative, dt.UTC).replace(tzinfo=None)
    else:
        raise Unreadable(
            "no timestamps: its times count from the watch's power-on and it has no local time"
        )
    sport = str(values.get("sport") or "unknown")
    profile = values.get("sport_profile_name")
    if not profile and len(fit.sports) == len(fit.sessions) and index < len(fit.sports):
        profile = fit.sports[index].get("name")
    first_lap, lap_count = values.get("first_lap_index"), values.get("num_laps")
    if isinstance(first_lap, int) and isinstance(lap_count, int) and lap_count > 0:
        laps = [_lap(lap) for lap in fit.laps[first_lap : first_lap + lap_count]]
    else:  # by time: the laps that start within the session
        laps = [
            _lap(lap)
            for lap, lap_start in zip(fit.laps, lap_starts)
            if lap_start is not None and start_s - 1.0 <= lap_start < span_end - 1.5
        ]
    summary = SampleSummary()
    times = fit.times
    for i in range(bisect_left(times, start_s), bisect_right(times, span_end)):
        hr, d, a = fit.heart[i], fit.distance[i], fit.altitude[i]
        hr, d, a = (None if v != v else v for v in (hr, d, a))  # NaN: not recorded
        summary.add(times[i], hr, d, a)
    activity = Activity(
        sport=sport,
        source="fit",
        file=name,
        start_utc=start_utc,
        start_local=start_local,
        elapsed_s=elapsed,
        moving_s=timer if timer is not None else elapsed,
        distance_m=finite(values.get("total_distance")),
        avg_hr=finite(values.get("avg_heart_rate")),
        max_hr=finite(values.get("max_heart_rate")),
        ascent_m=finite(values.get("total_ascent")),
        name=fit.workout_name or str(profile or ""),
        laps=laps,
        workout_steps=fit.workout_steps,
        warning=warning,
    )
    activity.take_samples(summary.out)
    return activity
