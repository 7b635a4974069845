"""Logging: the package logger writes a rotating file in the platform's log folder; the
console only with --debug. peewee's SQL logger stays at INFO (it would log every query)."""

from __future__ import annotations

import logging
import logging.handlers

from .config import log_dir

LOG_FILE_NAME = "runstrength-desktop.log"


def setup_logging(debug: bool = False) -> None:
    logger = logging.getLogger("runstrength_desktop")
    if logger.handlers:
        return
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("peewee").setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
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
