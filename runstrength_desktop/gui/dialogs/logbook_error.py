"""The message for a logbook file that cannot be opened: it names the file and the backups
folder, so the runner knows what was refused and where the safe copies are."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...store import LogbookError
from ..logbook_lock import LogbookInUse


def show_logbook_error(parent: QWidget | None, error: LogbookError) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Cannot open the logbook",
        f"The logbook\n{error.path}\ncannot be opened: {error.problem}.",
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
            f"The file was not changed. Automatic backups are kept in\n{error.backups_dir}"
        )
    box.exec()
