"""Garmin Connect's Activities.csv, in the language the account exports in: its columns are
found by meaning (English, German, French, Spanish, Italian, Dutch, Danish, Swedish,
Norwegian, Portuguese headers), its dates are local time, '--' marks a missing value, and
distances are in kilometres."""

from __future__ import annotations

import re

from .csv_lists import duration_s, moment, normalise, number
from .model import Activity

COLUMNS = {
    "type": {
        "activity type",
        "aktivitatstyp",
        "aktivitatsart",
        "type d activite",
        "tipo de actividad",
        "tipo di attivita",
        "activiteittype",
        "activiteitstype",
        "type activiteit",
        "aktivitetstype",
        "aktivitetstyp",
        "tipo de atividade",
        "type",
    },
    "date": {"date", "datum", "fecha", "data", "dato", "date de debut", "startzeit"},
    "title": {
        "title",
        "titel",
        "titre",
        "titulo",
        "titolo",
        "naam",
        "navn",
        "namn",
        "nome",
        "tittel",
        "name",
    },
    "distance": {
        "distance",
        "distanz",
        "entfernung",
        "strecke",
        "distancia",
        "distanza",
        "afstand",
        "distans",
        "avstand",
        "distanse",
        "distancia km",
    },
    "time": {
        "time",
        "zeit",
        "temps",
        "tiempo",
        "tempo",
        "tijd",
        "tid",
        "dauer",
        "duree",
        "duracion",
        "durata",
        "duur",
        "varighet",
        "varaktighet",
        "duracao",
    },
    "avg_hr": {
        "avg hr",
        "herzfrequenz",
        "o herzfrequenz",
        "durchschnittliche herzfrequenz",
        "fc moy",
        "fc moyenne",
        "frequence cardiaque moyenne",
        "fc media",
        "frecuencia cardiaca media",
        "frequenza cardiaca media",
        "gem hartslag",
        "gemiddelde hartslag",
        "gns puls",
        "gennemsnitlig puls",
        "genomsnittlig puls",
        "snittpuls",
        "gjennomsnittlig puls",
        "frequencia cardiaca media",
        "fc med",
    },
    "max_hr": {
        "max hr",
        "max herzfrequenz",
        "maximale herzfrequenz",
        "fc max",
        "fc maximale",
        "frequence cardiaque maximale",
        "fc maxima",
        "frecuencia cardiaca maxima",
        "fc massima",
        "frequenza cardiaca massima",
        "max hartslag",
        "maximale hartslag",
        "maks puls",
        "max puls",
        "maksimal puls",
        "frequencia cardiaca maxima",
    },
    "ascent": {
        "total ascent",
        "anstieg gesamt",
        "gesamtanstieg",
        "aufstieg gesamt",
        "ascension totale",
        "d+",
        "ascenso total",
        "ascesa totale",
        "salita totale",
        "totale stijging",
        "totale klatring",
        "samlet stigning",
        "total stigning",
        "total ascensao",
        "subida total",
        "ascensao total",
        "total klatring",
    },
    "moving": {
        "moving time",
        "bewegungszeit",
        "temps de deplacement",
        "temps en mouvement",
        "tiempo en movimiento",
        "tempo in movimento",
        "bewegingstijd",
        "tid i bevaegelse",
        "tid i rorelse",
        "tid i bevegelse",
        "tempo em movimento",
    },
    "elapsed": {
        "elapsed time",
        "verstrichene zeit",
        "gesamtzeit",
        "temps ecoule",
        "tiempo transcurrido",
        "tempo trascorso",
        "verstreken tijd",
        "forlobet tid",
        "forlopt tid",
        "medgatt tid",
        "tempo decorrido",
        "tempo total",
        "gesamte zeit",
    },
}

# Running activity types in the same languages (normalised): a name holding one of these
# words is a run; the rest are other sports, counted by their own name.
RUN_WORDS = frozenset(
    {
        "running",
        "run",
        "runs",
        "laufen",
        "lauf",
        "trailrunning",
        "traillauf",
        "laufband",
        "course",
        "trail",
        "correr",
        "carrera",
        "corsa",
        "hardlopen",
        "traillopen",
        "loopband",
        "lob",
        "lobe",
        "traillob",
        "lobebaand",
        "lopning",
        "traillopning",
        "lopband",
        "loping",
        "terrengloping",
        "tredemolle",
        "corrida",
        "esteira",
        "footing",
        "jogging",
    }
)
NOT_RUN_WORDS = frozenset({"orientering", "orienteering", "ski", "skiing", "velo", "bike"})


def columns(header: list[str]) -> dict[str, int]:
    names = [normalise(h) for h in header]
    found: dict[str, int] = {}
    for meaning, spellings in COLUMNS.items():
        for index, name in enumerate(names):
            if name in spellings:
                found.setdefault(meaning, index)
                break
    return found


def is_garmin(header: list[str]) -> bool:
    return {"type", "date", "distance", "time"} <= columns(header).keys()


def running_type(text: str) -> bool:
    words = set(re.split(r"\s+", normalise(text)))
    return bool(words & RUN_WORDS) and not words & NOT_RUN_WORDS


class GarminRow:
    def __init__(self, header: list[str]) -> None:
        self.at = columns(header)

    def _get(self, row: list[str], meaning: str) -> str | None:
        index = self.at.get(meaning)
        return row[index] if index is not None and index < len(row) else None

    def activity(self, row: list[str], line: int) -> tuple[Activity | None, str]:
        when = moment(self._get(row, "date") or "")
        if when is None:
            return None, f"line {line}: no date in the Date column"
        label = (self._get(row, "type") or "").strip()
        distance = number(self._get(row, "distance"))
        timer = duration_s(self._get(row, "time"))
        return (
            Activity(
                sport="running" if running_type(label) else label.lower() or "unknown",
                source="garmin",
                file=f"Activities.csv line {line}",
                start_utc=None,  # Garmin writes local time without its zone
                start_local=when,
                elapsed_s=duration_s(self._get(row, "elapsed")) or timer,
                moving_s=timer or duration_s(self._get(row, "moving")),
                distance_m=None if distance is None else distance * 1000,
                avg_hr=number(self._get(row, "avg_hr")) or None,
                max_hr=number(self._get(row, "max_hr")) or None,
                ascent_m=number(self._get(row, "ascent")),
                name=(self._get(row, "title") or "").strip(),
            ),
            "",
        )
