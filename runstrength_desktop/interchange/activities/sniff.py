"""Which format a file is, by its content (never by its name): FIT by its header's ".FIT",
TCX and GPX by their root element, the Strava and Garmin lists by their CSV header; gzip
and zip are opened, with their unpacked size capped."""

from __future__ import annotations

import zlib

from .model import MAX_UNPACKED_BYTES, Unreadable

FORMATS = ("auto", "fit", "tcx", "gpx", "strava", "garmin")


def gunzip(data: bytes, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """A .gz file's content; Unreadable if damaged or larger than `limit` unpacked."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise Unreadable(f"damaged gzip data ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise Unreadable(f"unpacks to more than {limit // 2**20} MB")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def sniff(data: bytes) -> str:
    """fit, tcx, gpx, csv (an activity list), or "" for anything else."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"<TrainingCenterDatabase" in head:
            return "tcx"
        if b"<gpx" in head:
            return "gpx"
        return ""
    line = head.split(b"\n", 1)[0]
    if b"," in line or b";" in line:
        return "csv"
    return ""
