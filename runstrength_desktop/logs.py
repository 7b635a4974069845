"""Logging: the package logger writes a rotating file in the platform's log folder; the
console only with --debug. peewee's SQL logger stays at INFO (it would log every query).
The log names logbooks and sessions, so it is private like the logbook: the folder 0700,
the files 0600 (rotated ones too)."""

from __future__ import annotations

import logging
import logging.handlers
import os

from .config import log_dir

LOG_FILE_NAME = "runstrength-desktop.log"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    def _open(self):
        handle = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # an older log may have been made 0644
        return os.fdopen(handle, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(debug: bool = False) -> None:
    logger = logging.getLogger("runstrength_desktop")
    if logger.handlers:
        return
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("peewee").setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = PrivateRotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(fmt)
        logger.addHandler(handler)
    except OSError:
        pass  # a read-only home must not stop the app; the console handler below still works
    if debug:
        console = logging.StreamHandler()
        console.setFormatter(fmt)
        logger.addHandler(console)


def log_file():
    return log_dir() / LOG_FILE_NAME
