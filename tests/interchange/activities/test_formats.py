"""Each format's quirks on small files the tests write: TCX with several activities and
gzipped, GPX with heart rate in extensions, entity tricks refused, zips in zips, the old
and new Strava headers, and Garmin's list in ten languages."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zipfile

import pytest

from runstrength_desktop.domain import RunType
from runstrength_desktop.interchange.activities import import_activities, looks_like_activities
from runstrength_desktop.interchange.activities.bulk import read_batch
from runstrength_desktop.interchange.activities.garmin_csv import GarminRow, is_garmin
from runstrength_desktop.interchange.activities.model import MAX_FILE_BYTES
from runstrength_desktop.interchange.records import ImportProblem
from tests.interchange.activities.activity_fixtures import (
    gpx,
    intervals_tcx,
    straight_run,
    tcx,
    tcx_lap,
)

START = dt.datetime(2026, 11, 3, 6, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "UTC")


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_tcx_file_with_a_run_and_a_ride_brings_the_run(repo, tmp_path):
    data = tcx(
        ("Running", START, [tcx_lap(START, 1500, 5000, 150), tcx_lap(START, 1500, 5000, 160)]),
        ("Biking", START + dt.timedelta(hours=3), [tcx_lap(START, 3600, 30000)]),
    )
    report = import_activities(repo, write(tmp_path, "two.tcx.gz", gzip.compress(data)))
    assert report.runs == 1 and report.not_runs == {"biking": 1}
    (run,) = repo.all_sessions()
    assert run.distance_km == 10.0 and run.duration_min == 50.0 and run.avg_hr == 155.0
    assert [lap.trigger for lap in run.laps] == ["manual", "manual"]


def test_a_gpx_track_gives_distance_heart_rate_and_its_name(repo, tmp_path):
    points = straight_run(START, 30, hr=150)
    import_activities(repo, write(tmp_path, "track.gpx.gz", gzip.compress(gpx(points))))
    (run,) = repo.all_sessions()
    assert run.title == "Morning Run" and run.avg_hr == 150.0
    assert run.distance_km == pytest.approx(6.0, rel=0.01)
    assert run.elapsed_min == 30.0 and run.start == dt.time(6, 30)
    assert run.source_file == "track.gpx.gz"


def test_runs_are_dated_in_the_zone_the_runner_lives_in(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "Pacific/Auckland")
    late = dt.datetime(2026, 11, 3, 20, 0, tzinfo=dt.UTC)  # 09:00 the next day in Auckland
    import_activities(repo, write(tmp_path, "late.gpx", gpx(straight_run(late, 20))))
    (run,) = repo.all_sessions()
    assert (run.date, run.start) == (dt.date(2026, 11, 4), dt.time(9, 0))


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


@pytest.mark.parametrize(
    "name, data",
    [
        ("bomb.gpx", BOMB + b'<gpx version="1.1"><trk><name>&lol2;</name></trk></gpx>'),
        ("bomb.tcx", BOMB + b"<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>"),
        (
            "external.tcx",
            b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<TrainingCenterDatabase>&x;</TrainingCenterDatabase>",
        ),
    ],
)
def test_xml_entity_tricks_are_refused(repo, tmp_path, name, data):
    good = write(tmp_path / "batch", "good.gpx", gpx(straight_run(START, 10)))
    write(tmp_path / "batch", name, data)
    report = import_activities(repo, good.parent)
    assert report.runs == 1
    ((file, reason),) = report.skipped
    assert file == name and "refused" in reason


def test_one_bad_file_never_stops_a_batch(repo, tmp_path):
    folder = tmp_path / "watch"
    for day in range(3):
        start = START + dt.timedelta(days=day)
        write(folder, f"run{day}.gpx", gpx(straight_run(start, 20)))
    write(folder, "broken.gpx", b"<gpx><trk><trkseg><trkpt")
    write(folder, "empty.fit", b"")
    write(folder, "notes.txt", b"shoes: 420 km")
    write(folder, "huge.gpx", b"<gpx>")
    (folder / "huge.gpx").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    report = import_activities(repo, folder)
    assert report.runs == 3 and report.files == 7
    reasons = dict(report.skipped)
    assert set(reasons) == {"broken.gpx", "empty.fit", "notes.txt", "huge.gpx"}
    assert "larger than any activity file" in reasons["huge.gpx"]
    assert "not valid XML" in reasons["broken.gpx"]


def test_a_zip_with_a_zip_inside_as_garmin_exports_it(repo, tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("UploadedFiles/a.tcx", intervals_tcx(START))
        archive.writestr("UploadedFiles/b.gpx", gpx(straight_run(START + dt.timedelta(1), 30)))
    outer = tmp_path / "export.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("DI_CONNECT/Part1.zip", inner.getvalue())
        archive.writestr("__MACOSX/._a.tcx", b"junk")
    assert looks_like_activities(outer)
    report = import_activities(repo, outer)
    assert report.runs == 2 and not report.skipped
    assert {s.source_file for s in repo.all_sessions()} == {
        "DI_CONNECT/Part1.zip/UploadedFiles/a.tcx",
        "DI_CONNECT/Part1.zip/UploadedFiles/b.gpx",
    }


def test_detection_is_by_content_not_by_name(repo, tmp_path):
    disguised = write(tmp_path, "export.txt", intervals_tcx(START))
    assert looks_like_activities(disguised)
    assert import_activities(repo, disguised).runs == 1
    with pytest.raises(ImportProblem, match=r"x\.gpx: a GPX file, not TCX; nothing was imported"):
        import_activities(repo, write(tmp_path, "x.gpx", gpx(straight_run(START, 9))), "tcx")


NEW_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Filename,Elapsed Time,Moving Time,"
    "Distance,Average Heart Rate,Elevation Gain,Workout Type\n"
)


def test_strava_new_header_rows_with_and_without_files(repo, tmp_path):
    export = tmp_path / "export"
    write(export / "activities", "11.gpx.gz", gzip.compress(gpx(straight_run(START, 40))))
    rows = [
        '11,"Nov 3, 2026, 6:30:00 AM",Sunday,Run,,2400,8.1,170,40,false,activities/11.gpx.gz,'
        "2400,2350,8100.5,151,12,1",
        '12,"Nov 4, 2026, 6:30:00 AM",Treadmill,Run,,1800,5.0,,,false,,1800,1800,5000,,,',
        '13,"Nov 5, 2026, 5:00:00 PM",Commute,Ride,,1200,9.0,,,true,,1200,1100,9000,,,',
    ]
    write(export, "activities.csv", (NEW_HEADER + "\n".join(rows) + "\n").encode())
    report = import_activities(repo, export)
    assert report.runs == 2 and report.not_runs == {"ride": 1}
    sunday, treadmill = repo.all_sessions()
    assert sunday.distance_km == pytest.approx(
        8.1005
    ) and sunday.duration_min * 60 == pytest.approx(2350)
    assert sunday.run_type is RunType.RACE and sunday.run_type_reason == (
        "Strava's workout type: race"
    )
    assert sunday.avg_hr == 151 and sunday.max_hr == 170 and sunday.source == "strava"
    assert treadmill.distance_km == 5.0 and treadmill.source_file.endswith("line 3")


def test_strava_old_header_in_metres(repo, tmp_path):
    text = (
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
        "7,2017-06-07 16:26:15,Evening Run,Run,,2040,2855.3,false,,\n"
    )
    import_activities(repo, write(tmp_path, "activities.csv", text.encode()))
    (run,) = repo.all_sessions()
    assert run.distance_km == 2.8553 and run.elapsed_min * 60 == 2040
    assert run.date == dt.date(2017, 6, 7) and run.start == dt.time(16, 26)


GARMIN_HEADERS = {
    "en": "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Total Ascent",
    "de": "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø Herzfrequenz,"
    "Maximale Herzfrequenz,Anstieg gesamt",
    "fr": "Type d'activité,Date,Favori,Titre,Distance,Calories,Temps,Fréquence cardiaque "
    "moyenne,Fréquence cardiaque maximale,Ascension totale",
    "es": "Tipo de actividad,Fecha,Favorito,Título,Distancia,Calorías,Tiempo,Frecuencia "
    "cardiaca media,Frecuencia cardiaca máxima,Ascenso total",
    "it": "Tipo di attività,Data,Preferito,Titolo,Distanza,Calorie,Tempo,Frequenza cardiaca "
    "media,Frequenza cardiaca massima,Ascesa totale",
    "nl": "Activiteittype,Datum,Favoriet,Titel,Afstand,Calorieën,Tijd,Gemiddelde hartslag,"
    "Maximale hartslag,Totale stijging",
    "da": "Aktivitetstype,Dato,Favorit,Titel,Distance,Kalorier,Tid,Gennemsnitlig puls,"
    "Max puls,Samlet stigning",
    "sv": "Aktivitetstyp,Datum,Favorit,Titel,Distans,Kalorier,Tid,Genomsnittlig puls,"
    "Max puls,Total stigning",
    "no": "Aktivitetstype,Dato,Favoritt,Tittel,Distanse,Kalorier,Tid,Gjennomsnittlig puls,"
    "Maks puls,Total klatring",
    "pt": "Tipo de atividade,Data,Favorito,Título,Distância,Calorias,Tempo,Frequência "
    "cardíaca média,Frequência cardíaca máxima,Subida total",
}
GARMIN_TYPES = {
    "en": ("Trail Running", "Walking"),
    "de": ("Laufen", "Gehen"),
    "fr": ("Course à pied", "Marche"),
    "es": ("Carrera", "Caminar"),
    "it": ("Corsa", "Camminata"),
    "nl": ("Hardlopen", "Wandelen"),
    "da": ("Løb", "Gang"),
    "sv": ("Löpning", "Promenad"),
    "no": ("Løping", "Gåing"),
    "pt": ("Corrida", "Caminhada"),
}


@pytest.mark.parametrize("language", sorted(GARMIN_HEADERS))
def test_garmin_lists_in_ten_languages_map_their_columns_by_meaning(repo, tmp_path, language):
    run_type, walk_type = GARMIN_TYPES[language]
    text = (
        GARMIN_HEADERS[language]
        + f"\n{run_type},2026-11-03 07:15:00,false,Tempo 8 km,8.12,600,00:40:06,162,181,45"
        + f"\n{walk_type},2026-11-03 12:00:00,false,Lunch,2.00,100,00:25:00,95,110,--\n"
    )
    header = GARMIN_HEADERS[language].split(",")
    assert is_garmin(header)
    assert {"type", "date", "title", "distance", "time", "avg_hr", "max_hr", "ascent"} <= set(
        GarminRow(header).at
    ), language
    report = import_activities(repo, write(tmp_path, "Activities.csv", text.encode("utf-8")))
    assert report.runs == 1 and report.not_runs == {walk_type.lower(): 1}
    (run,) = repo.all_sessions()
    assert (run.date, run.start, run.title) == (dt.date(2026, 11, 3), dt.time(7, 15), "Tempo 8 km")
    assert run.distance_km == 8.12 and run.duration_min * 60 == pytest.approx(2406)
    assert (run.avg_hr, run.max_hr, run.elevation_gain_m) == (162, 181, 45)
    assert run.run_type is RunType.TEMPO and run.run_type_reason == "the name says 'Tempo'"


def test_the_batch_reads_one_file_at_a_time(tmp_path):
    """Nothing but the summaries stays: no file's bytes are kept by the batch."""
    folder = tmp_path / "many"
    for i in range(20):
        write(folder, f"{i}.gpx", gpx(straight_run(START + dt.timedelta(days=i), 60)))
    calls = []
    batch = read_batch(folder, progress=lambda done, total, name: calls.append((done, total)))
    assert len(batch.activities) == 20 and calls[0] == (0, 20) and calls[-1] == (20, 20)
    assert all(len(a.window_speeds) <= 61 and not hasattr(a, "data") for a in batch.activities)
