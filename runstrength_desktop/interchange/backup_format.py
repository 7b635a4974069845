"""The JSON backup's contract (docs/backup-format.md): its format name and version, and the
error a file that cannot be imported raises."""

from __future__ import annotations

FORMAT = "runstrength-backup"
# Version 2 adds what a run recorded by a watch keeps: elapsed_min, avg_hr, max_hr,
# elevation_gain_m, run_type_reason, source_file, start_utc and laps[]. Version 1 files
# read as before; an app that knows only version 1 refuses a version 2 file rather than
# silently dropping its laps.
VERSION = 2
MAX_ORDER = 100_000


class BackupError(ValueError):
    """A backup that cannot be imported; `path` is a JSON path ("" for the whole document)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)
