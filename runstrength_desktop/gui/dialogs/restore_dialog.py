"""File > Restore from backup: the logbook's backups with their dates and session counts; the
chosen one replaces the logbook in one step, after the logbook as it stands is copied aside
(store/restore.py). A damaged backup is listed with its problem and cannot be chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...store import StoreError
from ...store.backup import backups_dir_for
from ...store.restore import BackupInfo, RestoreError, list_backups, restore_backup
from ..theme import text_colour
from ..widgets.fit import resize_within

COLUMNS = ["Made", "Kind", "Sessions", "File"]


def sessions_text(count: int) -> str:
    return f"{count:,} session{'' if count == 1 else 's'}"


class RestoreDialog(QDialog):
    def __init__(
        self, backups: list[BackupInfo], current_sessions: int, folder, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        self.backups = backups
        self.chosen: BackupInfo | None = None
        self.intro = QLabel(
            f"Pick the copy to put back. The logbook as it is now "
            f"({sessions_text(current_sessions)}) is first copied into {folder}, so a "
            "restore can itself be undone by restoring that copy."
            if backups
            else f"There are no backups in {folder} yet. One is made each day the app starts, "
            "and File > Backup now makes one at any time.",
            objectName="restoreIntro",
        )
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(COLUMNS), objectName="backupTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, backup in enumerate(backups):
            self._fill_row(row, backup)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(objectName="restoreNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_button.click())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        resize_within(self, 760, 420, parent)
        if any(not b.problem for b in backups):
            self.select_row(next(i for i, b in enumerate(backups) if not b.problem))

    def _fill_row(self, row: int, backup: BackupInfo) -> None:
        sessions = str(backup.sessions) if backup.sessions is not None else "damaged"
        texts = [f"{backup.made:%a %d %b %Y %H:%M}", backup.kind, sessions, backup.path.name]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if backup.problem:
                item.setForeground(QBrush(text_colour(self.palette(), "error")))
                item.setToolTip(f"Cannot be restored: {backup.problem}")
            self.table.setItem(row, column, item)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        self.chosen = self.backups[rows.pop()] if len(rows) == 1 else None
        chosen = self.chosen
        usable = chosen is not None and not chosen.problem
        self.restore_button.setEnabled(usable)
        if chosen is not None and chosen.problem:
            self.note.setText(f"{chosen.path.name} cannot be restored: {chosen.problem}.")
        elif chosen is not None:
            self.note.setText(
                f"Restore puts back the {sessions_text(chosen.sessions)} "
                f"of {chosen.made:%d %b %Y %H:%M}."
            )
        else:
            self.note.setText("")


def restore_from_backup(window) -> bool:
    """The whole File > Restore from backup flow for the main window: unsaved edits first,
    then the choice, the restore, and every tab reloaded. False when nothing was restored."""
    if not window.session_tab.maybe_save():
        return False
    repo = window.repo
    dialog = RestoreDialog(
        list_backups(repo.path), repo.count_sessions(), backups_dir_for(repo.path), window
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    try:
        restored = restore_backup(repo, dialog.chosen.path)
    except (RestoreError, StoreError) as error:
        message = (
            str(error)
            if isinstance(error, RestoreError)
            else (
                f"Not restored: the logbook refused the write ({error}). The logbook was not "
                "changed."
            )
        )
        window.statusBar().showMessage(message, 15000)
        QMessageBox.warning(window, "Restore refused", message)
        return False
    window.statusBar().showMessage(
        f"Restored {sessions_text(restored.sessions)} from {restored.backup.name}; the "
        f"logbook as it was is kept in {restored.aside.name}",
        15000,
    )
    return True
