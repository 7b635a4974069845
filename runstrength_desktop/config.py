"""Where things live. Every path can be overridden: --db, then RUNSTRENGTH_DB, then the
platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from . import APP_NAME

ENV_DB = "RUNSTRENGTH_DB"
APP_AUTHOR = "RunStrength"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "logbook.sqlite"


def resolve_db_path(cli_value: str | None) -> Path:
    chosen = cli_value or os.environ.get(ENV_DB) or default_db_path()
    return Path(chosen).expanduser()


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
