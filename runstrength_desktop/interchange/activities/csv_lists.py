"""What the Strava and Garmin activity lists share: their rows read as text by the csv module
(Excel's quoting), headers normalised for matching by meaning (case, accents, punctuation),
and numbers, durations and dates as each service writes them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata

from ..csv_source import decode_text
from ..records import ImportProblem
from .model import Unreadable

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ß": "ss", "œ": "oe", "ð": "d"})


def normalise(header: str) -> str:
    """'Ø Herzfrequenz' -> 'herzfrequenz', 'Type d'activité' -> 'type d activite'."""
    text = unicodedata.normalize("NFKD", header.strip().lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", text).split())


def table(data: bytes) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a CSV list; Unreadable when it is not text or has no rows."""
    try:
        text = decode_text(data)
    except ImportProblem as exc:
        raise Unreadable(str(exc)) from None
    delimiter = ";" if text[:2000].count(";") > text[:2000].count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise Unreadable("the file is empty")
    return rows[0], rows[1:]


def number(text: str | None) -> float | None:
    """'1,234.5', '5,23' (a decimal comma), '--' (missing) -> float or None."""
    if text is None:
        return None
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not text or text in ("--", "-", "—"):
        return None
    if "," in text and "." in text:
        text = (
            text.replace(",", "")
            if text.rfind(".") > text.rfind(",")
            else text.replace(".", "").replace(",", ".")
        )
    elif re.fullmatch(r"-?\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def duration_s(text: str | None) -> float | None:
    """'1:05:18', '38:02', '00:39:16.5' or plain seconds -> seconds."""
    if text is None or not text.strip() or text.strip() in ("--", "-"):
        return None
    parts = text.strip().split(":")
    try:
        values = [float(p.replace(",", ".")) for p in parts]
    except ValueError:
        return None
    if len(values) > 3:
        return None
    seconds = 0.0
    for value in values:
        seconds = seconds * 60 + value
    return seconds


DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S",
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
)


def moment(text: str) -> dt.datetime | None:
    """A naive date and time in one of the forms the services write."""
    text = " ".join(text.strip().split())
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    return None
