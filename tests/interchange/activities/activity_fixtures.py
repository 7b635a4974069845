"""Small activity files written by the tests: TCX and GPX text with exactly the quirks a test
needs, and activity lists with a chosen header."""

from __future__ import annotations

import datetime as dt

TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def tcx_lap(
    start: dt.datetime,
    seconds: float,
    metres: float,
    hr=None,
    intensity="Active",
    points: int = 3,
    climb: float = 0.0,
) -> str:
    times = [start + dt.timedelta(seconds=seconds * i / (points - 1)) for i in range(points)]
    track = "".join(
        f"<Trackpoint><Time>{times[i].isoformat()}"
        f"</Time><DistanceMeters>{metres * i / (points - 1):.1f}</DistanceMeters>"
        f"<AltitudeMeters>{100 + climb * i / (points - 1):.1f}</AltitudeMeters>"
        + (f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm>" if hr else "")
        + "</Trackpoint>"
        for i in range(points)
    )
    heart = f"<AverageHeartRateBpm><Value>{hr}</Value></AverageHeartRateBpm>" if hr else ""
    return (
        f'<Lap StartTime="{start.isoformat()}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters>{heart}<Intensity>{intensity}</Intensity>"
        f"<TriggerMethod>Manual</TriggerMethod><Track>{track}</Track></Lap>"
    )


def tcx(*activities: tuple[str, dt.datetime, list[str]], name: str = "") -> bytes:
    body = "".join(
        f'<Activity Sport="{sport}"><Id>{start.isoformat()}</Id>{"".join(laps)}'
        + (f"<Training><Plan><Name>{name}</Name></Plan></Training>" if name else "")
        + "</Activity>"
        for sport, start, laps in activities
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="{TCX_NS}">'
        f"<Activities>{body}</Activities></TrainingCenterDatabase>"
    ).encode()


def intervals_tcx(start: dt.datetime, reps: int = 5, name: str = "") -> bytes:
    """Warm-up, `reps` x (400 m fast, 90 s jog), cool-down."""
    laps, at = [], start
    plan = [(600, 1800, 140, "Active")]
    for _ in range(reps):
        plan += [(80, 400, 175, "Active"), (90, 200, 150, "Resting")]
    plan.append((600, 1800, 140, "Active"))
    for seconds, metres, hr, intensity in plan:
        laps.append(tcx_lap(at, seconds, metres, hr, intensity))
        at += dt.timedelta(seconds=seconds)
    return tcx(("Running", start, laps), name=name)


def gpx(
    points: list[tuple[float, float, float, dt.datetime, int | None]],
    name="Morning Run",
    sport="running",
) -> bytes:
    rows = "".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{t.isoformat()}</time>'
        + (
            "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>"
            f"{hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"
            if hr
            else ""
        )
        + "</trkpt>"
        for lat, lon, ele, t, hr in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>{name}</name><type>{sport}</type><trkseg>{rows}</trkseg></trk></gpx>"
    ).encode()


def straight_run(start: dt.datetime, minutes: int, metres_a_minute: float = 200.0, hr=None):
    """Points a minute apart heading north (0.0018 degrees of latitude is about 200 m)."""
    step = metres_a_minute / 111_195.0
    return [
        (45.0 + i * step, 6.0, 400.0, start + dt.timedelta(minutes=i), hr)
        for i in range(minutes + 1)
    ]
