"""The message for a logbook file that cannot be opened: it names the file and the backups
folder, so the runner knows what was refused and where the safe copies are."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from ...store import LogbookError, LogbookInUse, display_path

log = logging.getLogger(__name__)


def show_logbook_error(parent: QWidget | None, error: LogbookError) -> None:
    log.error("%s", error)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Cannot open the logbook",
        f"The logbook\n{display_path(error.path)}\ncannot be opened: {error.problem}.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("logbookErrorDialog")
    if isinstance(error, LogbookInUse):  # nothing is wrong with the file itself
        box.setIcon(QMessageBox.Icon.Information)
        box.setInformativeText(
            "Two windows on one logbook would overwrite each other's "
            "changes, so this one was not opened."
        )
    else:
        box.setInformativeText(
            "The file was not changed. Automatic backups are kept in\n"
            f"{display_path(error.backups_dir)}"
        )
    box.exec()
