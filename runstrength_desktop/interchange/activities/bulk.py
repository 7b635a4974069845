"""A batch of activity files: one file, a folder (and its subfolders), or a zip (also a zip
inside a zip, as in Garmin's export archive), read one file at a time so memory stays flat.
Each file's format is found from its content; a file that cannot be read is listed with its
reason and the batch goes on. A Strava export's activities.csv is joined with the files its
rows name; a Garmin Connect Activities.csv gives one activity a row."""

from __future__ import annotations

import datetime as dt
import functools
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .csv_lists import table
from .fit import read_fit
from .garmin_csv import GarminRow, is_garmin
from .gpx import read_gpx
from .model import MAX_FILE_BYTES, MAX_UNPACKED_BYTES, Activity, Unreadable
from .sniff import gunzip, is_gzip, is_zip, sniff
from .strava import StravaRow, is_strava, merge
from .tcx import read_tcx

READERS = {"fit": read_fit, "tcx": read_tcx, "gpx": read_gpx}
# progress(done, total, file name); it may raise ImportCancelled.
BatchProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Entry:
    name: str  # shown in reports: the path inside the folder or the zip
    size: int
    read: Callable[[], bytes]


@dataclass
class Batch:
    files: int = 0
    activities: list[Activity] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # read in part
    kinds: Counter = field(default_factory=Counter)  # files by what they hold: fit, tcx, csv...


def _read_capped(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _zip_entries(archive: zipfile.ZipFile, prefix: str, depth: int = 0) -> Iterator[Entry]:
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in parts):
            continue
        name = f"{prefix}{info.filename}"

        def read(info=info) -> bytes:
            if info.file_size > MAX_UNPACKED_BYTES:
                raise Unreadable(f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
            with archive.open(info) as member:
                return member.read(MAX_UNPACKED_BYTES + 1)

        if depth == 0 and info.filename.lower().endswith(".zip"):
            try:
                inner = zipfile.ZipFile(_BytesSource(read()))
            except (zipfile.BadZipFile, Unreadable, OSError) as exc:
                yield Entry(name, info.file_size, _raiser(f"a damaged zip inside ({exc})"))
                continue
            yield from _zip_entries(inner, f"{name}/", depth + 1)
            continue
        yield Entry(name, info.file_size, read)


def _BytesSource(data: bytes):
    import io

    return io.BytesIO(data)


def _raiser(reason: str) -> Callable[[], bytes]:
    def read() -> bytes:
        raise Unreadable(reason)

    return read


def entries(path: Path) -> list[Entry]:
    """Every file of a batch, in a stable order. Unreadable when the path is neither."""
    path = Path(path)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        out = []
        for file in files:
            if file.suffix.lower() == ".zip":
                out.extend(_open_zip(file, f"{file.relative_to(path).as_posix()}/"))
            else:
                out.append(
                    Entry(
                        file.relative_to(path).as_posix(),
                        file.stat().st_size,
                        functools.partial(_read_capped, file),
                    )
                )
        return out
    if not path.is_file():
        raise Unreadable(f"{path} is neither a file nor a folder")
    with open(path, "rb") as handle:
        head = handle.read(4)
    if is_zip(head):
        return _open_zip(path, "")
    return [Entry(path.name, path.stat().st_size, lambda: _read_capped(path))]


def _open_zip(path: Path, prefix: str) -> list[Entry]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return [Entry(prefix.rstrip("/") or path.name, 0, _raiser(f"a damaged zip ({exc})"))]
    return list(_zip_entries(archive, prefix))


def _content(entry: Entry) -> bytes:
    if entry.size > MAX_FILE_BYTES:
        raise Unreadable(f"{entry.size // 2**20} MB: larger than any activity file")
    data = entry.read()
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable(f"larger than any activity file ({MAX_FILE_BYTES // 2**20} MB at most)")
    if is_gzip(data):
        data = gunzip(data)
    return data


def read_batch(
    path: Path | list[Path],
    wanted: str = "auto",
    zone: dt.tzinfo | None = None,
    progress: BatchProgress | None = None,
) -> Batch:
    """Read one path, or several (files dropped on the window, a watched folder's new
    files), as one batch."""
    batch = Batch()
    paths = path if isinstance(path, (list, tuple)) else [path]
    listed = [entry for one in paths for entry in entries(one)]
    strava_rows: list[tuple[Activity, str]] = []
    by_name: dict[str, int] = {}  # file path -> index of its first activity
    for done, entry in enumerate(listed):
        if progress is not None:
            progress(done, len(listed), entry.name)
        batch.files += 1
        try:
            data = _content(entry)
            kind = sniff(data)
            if kind:
                batch.kinds[kind] += 1
            if kind == "csv":
                _read_list(data, entry.name, wanted, zone, batch, strava_rows)
                continue
            if not kind:
                raise Unreadable("not an activity file (FIT, TCX, GPX or an activity list)")
            if wanted not in ("auto", kind, "strava", "garmin"):
                raise Unreadable(f"a {kind.upper()} file, not {wanted.upper()}")
            found = READERS[kind](data, entry.name, zone)
        except Unreadable as exc:
            batch.skipped.append((entry.name, str(exc)))
            continue
        except (MemoryError, RecursionError):
            batch.skipped.append((entry.name, "too complex to read"))
            continue
        if found[0].warning:
            batch.warnings.append((entry.name, found[0].warning))
        by_name.setdefault(entry.name.lower(), len(batch.activities))
        batch.activities.extend(found)
    if progress is not None:
        progress(len(listed), len(listed), "")
    _join_strava(batch, strava_rows, by_name)
    return batch


def _read_list(data, name, wanted, zone, batch: Batch, strava_rows) -> None:
    header, rows = table(data)
    if is_strava(header) and wanted in ("auto", "strava"):
        reader = StravaRow(header)
        for line, row in enumerate(rows, start=2):
            activity, file, reason = reader.activity(row, line, zone)
            if activity is None:
                batch.skipped.append((name, reason))
            else:
                activity.file = f"{name} line {line}"
                strava_rows.append((activity, file))
        return
    if is_garmin(header) and wanted in ("auto", "garmin"):
        garmin = GarminRow(header)
        for line, row in enumerate(rows, start=2):
            activity, reason = garmin.activity(row, line)
            if activity is None:
                batch.skipped.append((name, reason))
            else:
                activity.file = f"{name} line {line}"
                batch.activities.append(activity)
        return
    raise Unreadable(
        "a CSV file that is neither a Strava activities.csv nor a Garmin Activities.csv "
        f"(header {', '.join(header[:4])}…)"
    )


def _join_strava(batch: Batch, rows, by_name: dict[str, int]) -> None:
    """Each Strava row takes the activity its file holds (its file is then not a separate
    activity); a row without a file (a manual entry) stands alone."""
    if not rows:
        return
    taken: set[int] = set()
    joined = []
    for row, file in rows:
        index = _find(by_name, file) if file else None
        if index is None or index in taken:
            joined.append(row)
            continue
        taken.add(index)
        joined.append(merge(row, batch.activities[index]))
    batch.activities = [a for i, a in enumerate(batch.activities) if i not in taken] + joined


def _find(by_name: dict[str, int], file: str) -> int | None:
    wanted = file.lower().lstrip("./")
    for name, index in by_name.items():
        if name == wanted or name.endswith("/" + wanted):
            return index
    stem = wanted.removesuffix(".gz")
    for name, index in by_name.items():
        if name.removesuffix(".gz").endswith(stem):
            return index
    return None
