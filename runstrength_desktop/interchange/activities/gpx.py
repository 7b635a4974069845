"""GPX tracks read with gpxpy, its XML parsed by defusedxml (no DTDs, no entities). GPX has
no laps, totals or standard sport: distance is the 2-D great-circle sum over the points,
moving time gpxpy's estimate from point speeds, and the sport is trk/type (Strava writes a
number: 9 run, 1 ride, 4 hike) or, without one, a run."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import gpxpy
import gpxpy.gpx
import gpxpy.parser
from defusedxml import ElementTree as DefusedElementTree

from .model import Activity, Unreadable, local_from_utc
from .samples import SampleSummary
from .tcx import parse_xml


class _DefusedEtree:
    """The two functions gpxpy's parser takes from ElementTree, with defusedxml's parser:
    gpxpy parses the file once, and an entity or a DTD is refused."""

    XML = staticmethod(DefusedElementTree.XML)
    register_namespace = staticmethod(ElementTree.register_namespace)


gpxpy.parser.mod_etree = _DefusedEtree


def _heart_rate(point) -> float | None:
    for extension in point.extensions:
        for element in extension.iter():
            if element.tag.rsplit("}", 1)[-1] in ("hr", "heartrate") and element.text:
                try:
                    return float(element.text)
                except ValueError:
                    return None
    return None


def read_gpx(data: bytes, name: str, zone: dt.tzinfo | None = None) -> list[Activity]:
    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except gpxpy.gpx.GPXXMLSyntaxException as exc:
        parse_xml(data)  # says why: entities refused, or where the XML breaks
        raise Unreadable(f"not a GPX file ({exc})") from None
    except gpxpy.gpx.GPXException as exc:
        raise Unreadable(f"not a GPX file ({exc})") from None
    activities = [_track(track, gpx, name, zone) for track in gpx.tracks if track.get_points_no()]
    if not activities:
        raise Unreadable("no track points in the file")
    return activities


def _track(track, gpx, name: str, zone) -> Activity:
    bounds = track.get_time_bounds()
    if bounds.start_time is None:
        raise Unreadable("no timestamps: the track points have no time")
    start = bounds.start_time.astimezone(dt.UTC)
    moving = track.get_moving_data()
    climb = track.get_uphill_downhill()
    summary = SampleSummary()
    travelled = 0.0
    for segment in track.segments:
        previous = None
        for point in segment.points:
            if previous is not None:
                travelled += point.distance_2d(previous) or 0.0
            previous = point
            seconds = point.time.timestamp() if point.time else None
            summary.add(seconds, _heart_rate(point) if point.extensions else None, travelled)
    activity = Activity(
        sport=(track.type or "running").strip().lower(),
        source="gpx",
        file=name,
        start_utc=start,
        start_local=local_from_utc(start, zone),
        elapsed_s=(bounds.end_time - bounds.start_time).total_seconds(),
        moving_s=moving.moving_time or None,
        distance_m=track.length_2d(),
        ascent_m=round(climb.uphill, 1) if climb.uphill else None,
        name=(track.name or gpx.name or "").strip(),
        description=(track.description or gpx.description or "").strip(),
    )
    activity.take_samples(summary.out)
    return activity
