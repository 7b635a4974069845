"""The JSON backup: a whole logbook in one file (contract: docs/backup-format.md).

Reading (backup_reader.py, key by key with backup_checks.py) checks the whole document
before returning anything, so an import is all or nothing, and each problem is a BackupError
naming its JSON path (`sessions[12].sets[3].reps`) with the session editor's own messages
(domain.validation). The first problem is reported: list items in index order, an object's
keys in the order dump_backup writes them (JSON objects are unordered, so a hand-written
file's key order does not count). Writing is backup_writer.py."""

from .backup_format import FORMAT, MAX_ORDER, VERSION, BackupError
from .backup_reader import loads_backup, parse_backup
from .backup_writer import dump_backup, dumps_backup

__all__ = [
    "FORMAT",
    "MAX_ORDER",
    "VERSION",
    "BackupError",
    "dump_backup",
    "dumps_backup",
    "loads_backup",
    "parse_backup",
]
