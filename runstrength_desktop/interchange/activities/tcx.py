"""TCX (Garmin Training Center XML), parsed by the standard library behind defusedxml, which
refuses DTDs and entities (billion laughs, external entities). One activity per Activity
element, whatever its sport; laps as the file gives them."""

from __future__ import annotations

import datetime as dt

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ...domain import Lap
from .model import Activity, Unreadable, finite, local_from_utc
from .samples import SampleSummary


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element, name: str):
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element, *path: str) -> str | None:
    for name in path:
        if element is None:
            return None
        element = _child(element, name)
    return element.text.strip() if element is not None and element.text else None


def parse_instant(text: str | None) -> dt.datetime | None:
    """An XML time (2012-12-26T21:29:53Z, with or without fractions or an offset) in UTC."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def parse_xml(data: bytes):
    try:
        return fromstring(data)
    except DefusedXmlException as exc:
        raise Unreadable(
            f"refused: the XML declares entities or a DTD ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise Unreadable(f"not valid XML ({exc})") from None


def read_tcx(data: bytes, name: str, zone: dt.tzinfo | None = None) -> list[Activity]:
    root = parse_xml(data)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise Unreadable("not a TCX file (no TrainingCenterDatabase)")
    activities_element = _child(root, "Activities")
    found = [] if activities_element is None else list(activities_element)
    activities = [
        _activity(element, name, zone) for element in found if _local(element.tag) == "Activity"
    ]
    if not activities:
        raise Unreadable("no activity in the file")
    return activities


def _activity(element, name: str, zone) -> Activity:
    summary = SampleSummary()
    laps, lap_hr, first, last = [], [], None, None
    for lap_element in element:
        if _local(lap_element.tag) != "Lap":
            continue
        seconds = finite(_text(lap_element, "TotalTimeSeconds"))
        metres = finite(_text(lap_element, "DistanceMeters"))
        avg = finite(_text(lap_element, "AverageHeartRateBpm", "Value"))
        laps.append(
            Lap(
                distance_km=None if metres is None else round(metres / 1000, 5),
                seconds=seconds,
                avg_hr=avg,
                max_hr=finite(_text(lap_element, "MaximumHeartRateBpm", "Value")),
                intensity=(_text(lap_element, "Intensity") or "").lower(),
                trigger=(_text(lap_element, "TriggerMethod") or "").lower(),
            )
        )
        if avg and seconds:
            lap_hr.append((avg, seconds))
        first = first or parse_instant(lap_element.get("StartTime"))
        for track in lap_element:
            if _local(track.tag) != "Track":
                continue
            for point in track:
                moment = parse_instant(_text(point, "Time"))
                if moment is None:
                    continue
                first = first or moment
                last = moment
                summary.add(
                    moment.timestamp(),
                    finite(_text(point, "HeartRateBpm", "Value")),
                    finite(_text(point, "DistanceMeters")),
                    finite(_text(point, "AltitudeMeters")),
                )
    start = parse_instant(_text(element, "Id")) or first
    if start is None:
        raise Unreadable("no timestamps: the activity has no Id, lap start or track point time")
    moving = sum(lap.seconds or 0.0 for lap in laps) or None
    elapsed = (last - start).total_seconds() if last else moving  # the track's span
    distance = sum((lap.distance_km or 0.0) for lap in laps) * 1000 or None
    activity = Activity(
        sport=(element.get("Sport") or "unknown").lower(),
        source="tcx",
        file=name,
        start_utc=start,
        start_local=local_from_utc(start, zone),
        elapsed_s=elapsed,
        moving_s=moving or elapsed,
        distance_m=distance,
        avg_hr=(
            round(sum(hr * s for hr, s in lap_hr) / sum(s for _, s in lap_hr), 1)
            if lap_hr
            else None
        ),
        max_hr=max((lap.max_hr for lap in laps if lap.max_hr), default=None),
        name=_text(element, "Training", "Plan", "Name") or "",
        description=_text(element, "Notes") or "",
        laps=laps,
    )
    activity.take_samples(summary.out)
    return activity
