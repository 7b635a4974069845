"""The only package that knows SQL. Everything else goes through Repository."""

from .errors import LogbookError, StoreError, display_path
from .file_lock import LogbookInUse, WindowLock, lock_logbook, lock_path_for, resolve_logbook
from .repository import Repository

__all__ = [
    "LogbookError",
    "LogbookInUse",
    "Repository",
    "StoreError",
    "WindowLock",
    "display_path",
    "lock_logbook",
    "lock_path_for",
    "resolve_logbook",
]
