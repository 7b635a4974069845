"""The main window: three tabs over one logbook, the menus, and the status bar naming the
logbook (other programs' writes to it: gui/outside_watch.py; unsaved work: unsaved_work.py;
imports and exports: window_transfers.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from .. import APP_NAME, __version__
from ..domain import WeightUnit
from ..store import LogbookError, Repository, StoreError, WindowLock, display_path, lock_logbook
from . import settings_keys as keys
from . import theme
from .calendar_tab import CalendarTab
from .context import AppContext
from .demo_logbook import demo_path_beside, is_demo, make_demo
from .dialogs.logbook_error import show_logbook_error
from .focus import focus_kept
from .outside_watch import OutsideWatch
from .progress_tab import ProgressTab
from .session_tab import SessionTab
from .status_bar import StatusBar
from .unsaved_work import DraftOffer, LeavingTheEditor
from .widgets.window_tabs import WindowTabs
from .window_transfers import IMPORT_FILTER, Transfers

if TYPE_CHECKING:
    from .dialogs.exercise_manager import ExerciseManager

log = logging.getLogger(__name__)

LOGBOOK_FILTER = "RunStrength logbook (*.sqlite *.db);;All files (*)"


class MainWindow(Transfers):
    def __init__(
        self,
        repo: Repository,
        settings: QSettings,
        parent: QWidget | None = None,
        lock: WindowLock | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.lock = lock  # this window's hold on the logbook (store/file_lock.py)
        # Before any widget is built: a theme applied later would restyle every one of them.
        theme.apply_theme(self._theme_setting(settings))
        self.exercise_manager: ExerciseManager | None = None  # made on Edit > Exercises…
        self._quiet = False  # closing on SIGTERM: ask nothing, save nothing
        self.context = AppContext(repo, settings, self)
        # The planner's cache must hear of a change before the tabs that read it refresh:
        # Qt calls slots in the order they were connected.
        _ = self.context.planner
        # A change inside a tab repaints what changed, not the whole window (window_tabs.py).
        self.tabs = WindowTabs(objectName="mainTabs")
        self.calendar_tab = CalendarTab(self.context)
        self.session_tab = SessionTab(self.context)
        self.progress_tab = ProgressTab(self.context)
        self.tabs.addTab(self.calendar_tab, "&Calendar")
        self.tabs.addTab(self.session_tab, "&Session")
        self.tabs.addTab(self.progress_tab, "&Progress")
        self.setCentralWidget(self.tabs)
        self.undo_group = QUndoGroup(self)
        self.status_bar = StatusBar(self)
        self.setStatusBar(self.status_bar)
        self.logbook_label = self.status_bar.logbook_label
        self._build_menus()
        welcome = self.calendar_tab.welcome
        welcome.importRequested.connect(self.import_file)
        welcome.runsRequested.connect(self.import_file)
        welcome.planRequested.connect(self.calendar_tab.plan_this_week)
        welcome.demoRequested.connect(self.open_demo)
        welcome.offer_runs(any(f"*.{ext}" in IMPORT_FILTER for ext in ("fit", "gpx", "tcx")))
        # One Edit > Undo for the app: it acts on the stack of the tab in front.
        for tab in (self.calendar_tab, self.session_tab, self.progress_tab):
            self.undo_group.addStack(tab.undo)
        self.tabs.currentChanged.connect(self._activate_undo_stack)
        self._activate_undo_stack()
        for signal in (self.context.bus.sessionSelected, self.context.bus.newSessionRequested):
            signal.connect(lambda *_: self.tabs.setCurrentWidget(self.session_tab))
        self.context.news.changed.connect(self._take_news)
        self.context.bus.writeFailed.connect(self._write_failed)
        self.session_tab.modifiedChanged.connect(self.setWindowModified)
        self.leaving = LeavingTheEditor(self)  # asks before leaving the Session tab
        self._show_logbook()
        self._restore_settings()
        self._show_open_warnings()
        self.setAcceptDrops(True)  # activity files dropped on the window are imported
        from .watched_folder import WatchedFolder

        self.watched = WatchedFolder(self.context, self)
        self.watched.imported.connect(lambda note: self.statusBar().showMessage(note, 15000))
        # After the first paint: a watched folder's new files are read once the window shows.
        # Timed on the watcher, so a window closed before then does not call into its deleted
        # children (PySide then keeps the cancelled call's method, and so the window).
        QTimer.singleShot(0, self.watched, self.watched.start)
        self.drafts = DraftOffer(self)  # a session a crash left unsaved, offered on show
        self.outside = OutsideWatch(self)  # other programs' writes, the lock note
        from .plan_feed import PlanFeed

        self.plan_feed = PlanFeed(self.context, self)
        self.plan_feed.failed.connect(lambda note: self.statusBar().showMessage(note, 15000))
        QTimer.singleShot(0, self.plan_feed, self.plan_feed.write_now)

    # -- menus -------------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self, objectName=name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu,
            "&New logbook…",
            self.new_logbook,
            QKeySequence.StandardKey.New,
            "actionNewLogbook",
        )
        self._action(
            file_menu,
            "&Open logbook…",
            self.choose_logbook,
            QKeySequence.StandardKey.Open,
            "actionOpenLogbook",
        )
        self._action(file_menu, "&Backup now", self.backup_now, "Ctrl+Shift+B", "actionBackupNow")
        self._action(
            file_menu,
            "&Restore from backup…",
            self.restore_from_backup,
            None,
            "actionRestoreBackup",
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Import…", self.import_file, "Ctrl+I", "actionImport")
        self._action(
            file_menu, "Import a &folder of runs…", self.import_folder, None, "actionImportFolder"
        )
        self._action(
            file_menu, "&Watch a folder for runs…", self.choose_watched, None, "actionWatchFolder"
        )
        self._action(
            file_menu, "&Export backup (JSON)…", self.export_backup, "Ctrl+E", "actionExport"
        )
        self._action(file_menu, "Export sets (&CSV)…", self.export_csv, None, "actionExportCsv")
        self._action(
            file_menu, "Export plan (i&Calendar)…", self.export_calendar, None, "actionExportIcs"
        )
        self._action(
            file_menu,
            "&Keep the plan in a calendar file…",
            self.choose_plan_file,
            None,
            "actionPlanFeed",
        )
        file_menu.addSeparator()
        quit_action = self._action(file_menu, "&Quit", self.close, None, "actionQuit")
        # Ctrl+Q whatever the platform: some themes (Windows, offscreen) give Quit no key.
        quit_keys = {QKeySequence(QKeySequence.StandardKey.Quit).toString(), "Ctrl+Q"}
        quit_action.setShortcuts([QKeySequence(k) for k in sorted(quit_keys) if k])

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("actionUndo")
        redo = self.undo_group.createRedoAction(self, "&Redo")
        # Ctrl+Shift+Z and Ctrl+Y both, whatever the platform calls standard.
        keys = {QKeySequence(QKeySequence.StandardKey.Redo).toString(), "Ctrl+Shift+Z", "Ctrl+Y"}
        redo.setShortcuts([QKeySequence(k) for k in sorted(keys) if k])
        redo.setObjectName("actionRedo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(
            edit_menu, "E&xercises…", self.show_exercises, "Ctrl+Shift+X", "actionExercises"
        )

        view_menu = self.menuBar().addMenu("&View")
        units = view_menu.addMenu("&Units")
        group = QActionGroup(self)
        self.unit_actions: dict[WeightUnit, QAction] = {}
        for unit, label in (
            (WeightUnit.KG, "&Kilograms and kilometres"),
            (WeightUnit.LB, "&Pounds and miles"),
        ):
            action = QAction(label, self, checkable=True, objectName=f"actionUnit{unit.value}")
            action.setChecked(unit is self.context.unit)
            action.triggered.connect(lambda _checked, u=unit: self.context.set_unit(u))
            group.addAction(action)
            units.addAction(action)
            self.unit_actions[unit] = action

        themes = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, label in theme.THEMES.items():
            action = QAction(label, self, checkable=True, objectName=f"actionTheme{name}")
            action.setChecked(name == self._theme_setting(self.context.settings))
            action.triggered.connect(lambda _checked, n=name: self.set_theme(n))
            group.addAction(action)
            themes.addAction(action)
            self.theme_actions[name] = action

        view_menu.addSeparator()
        self._action(
            view_menu, "&Planner settings…", self.edit_thresholds, None, "actionThresholds"
        )

        help_menu = self.menuBar().addMenu("&Help")
        for text, page, shortcut in (
            ("&Keys", "keys", QKeySequence.StandardKey.HelpContents),
            ("Planning &rules", "rules", None),
            ("Where your &data lives", "data", None),
        ):
            self._action(
                help_menu,
                text,
                lambda _c=False, p=page: self.show_help(p),
                shortcut,
                f"help_{page}",
            )
        help_menu.addSeparator()
        self._action(help_menu, "&About", self.show_about, None, "actionAbout")

    # -- logbook files -----------------------------------------------------------------------

    def _show_logbook(self, *_args) -> None:
        demo = is_demo(self.repo.path)
        marked = " (demo logbook)" if demo else ""
        # [*] is where Qt shows the unsaved mark (setWindowModified).
        self.setWindowTitle(f"{display_path(self.repo.path.name)}{marked}[*] — {APP_NAME}")
        count = self.repo.count_sessions()
        self.status_bar.show_logbook(self.repo.path, count, demo)
        self.calendar_tab.welcome.show_for(count == 0)

    def _show_open_warnings(self) -> None:
        """What the open had to say (a backup that could not be made)."""
        if warnings := self.repo.take_warnings():
            self.statusBar().showMessage(" ".join(warnings), 15000)

    def quit_quietly(self) -> None:
        """SIGTERM or SIGINT: close asking nothing, saving nothing (the draft journal keeps it)."""
        self._quiet = True
        self.session_tab.drafts.write()
        self.close()

    def _take_news(self, change) -> None:
        if change.touches_sessions:
            self._show_logbook()

    def _activate_undo_stack(self, *_args) -> None:
        current = self.tabs.currentWidget()
        if isinstance(stack := getattr(current, "undo", None), QUndoStack):
            self.undo_group.setActiveStack(stack)

    def open_logbook(self, path: Path) -> bool:
        """Switch to another logbook file; on failure keep the current one and say why."""
        if Path(os.path.realpath(path)) == self.repo.path:  # through any link
            self.statusBar().showMessage(f"{display_path(self.repo.path)} is already open", 5000)
            return True
        if not self.session_tab.maybe_save():
            return False
        try:
            new_lock = lock_logbook(path)
        except LogbookError as error:
            show_logbook_error(self, error)
            return False
        try:
            new_repo = Repository.open(new_lock.path)
        except LogbookError as error:
            new_lock.release()
            show_logbook_error(self, error)
            return False
        self.repo.close()
        if self.lock is not None:
            self.lock.release()
        self.lock = new_lock
        self.context.settings.setValue(keys.LAST_LOGBOOK, str(new_repo.path))
        self.session_tab.drafts.armed = False  # the new logbook's draft is offered first
        self.context.repo = new_repo  # news: everything changed
        self.statusBar().showMessage(f"Opened {display_path(new_repo.path)}", 5000)
        self._show_logbook()
        self._show_open_warnings()
        self.drafts.offer()
        return True

    def open_demo(self) -> bool:
        """A demo logbook in a file of its own beside this one (made the first time)."""
        path = demo_path_beside(self.repo.path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            make_demo(path)
        except (StoreError, LogbookError, OSError) as error:
            QMessageBox.warning(self, "No demo logbook", f"{path}: {error}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if not self.open_logbook(path):
            return False
        self.statusBar().showMessage(
            f"This is a demo logbook of made-up training ({path.name}); File > Open logbook "
            "takes you back to yours.",
            15000,
        )
        return True

    def new_logbook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New logbook", str(self.repo.path.parent), LOGBOOK_FILTER
        )
        if path:
            if Path(path).exists():
                QMessageBox.warning(
                    self, "New logbook", f"{path} already exists; choose Open logbook to use it."
                )
                return
            self.open_logbook(Path(path))

    def choose_logbook(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open logbook", str(self.repo.path.parent), LOGBOOK_FILTER
        )
        if path:
            self.open_logbook(Path(path))

    def backup_now(self) -> None:
        try:
            made = self.repo.backup_now()
        except (StoreError, OSError) as error:
            self._write_failed(f"No backup made: {error}")
            return
        self.statusBar().showMessage(f"Backed up to {made}", 8000)

    def restore_from_backup(self) -> None:
        from .dialogs.restore_dialog import restore_from_backup

        with focus_kept():
            restore_from_backup(self)

    def _write_failed(self, message: str) -> None:
        """The logbook refused a change (disk full, file replaced): say so where it shows."""
        log.warning("%s", message)
        self.statusBar().showMessage(message, 15000)
        QMessageBox.warning(self, "The logbook refused the change", message)

    def show_exercises(self, *_args, to_review: bool = False):
        """The exercise manager (one per window, kept while the window lives)."""
        from .dialogs.exercise_manager import ExerciseManager
        from .dialogs.exercise_table import CUSTOM, REVIEW, SHOWN

        if self.exercise_manager is None:
            self.exercise_manager = ExerciseManager(self.context, self)
        manager = self.exercise_manager
        show = SHOWN
        if to_review:
            reviewed = any(e.needs_review for e in self.repo.catalogue())
            show = REVIEW if reviewed else CUSTOM
        manager.open_on(show)
        return manager

    def edit_thresholds(self) -> None:
        from .dialogs.thresholds_dialog import edit_thresholds

        with focus_kept():
            saved = edit_thresholds(self.context, self)
        if saved:
            self.statusBar().showMessage(
                "Runner and planner thresholds saved; flags updated.", 5000
            )

    def show_help(self, page: str) -> None:
        from .dialogs.help_dialog import show_help

        with focus_kept():
            show_help(self, page)

    def set_theme(self, name: str) -> None:
        self.context.settings.setValue(keys.THEME, name)
        theme.apply_theme(name)
        self.theme_actions[name].setChecked(True)

    @staticmethod
    def _theme_setting(settings: QSettings) -> str:
        name = settings.value(keys.THEME, theme.DEFAULT_THEME)
        return name if name in theme.THEMES else theme.DEFAULT_THEME

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<p>A strength-training logbook for "
            "runners: plan the lifts around the runs, log them, and see the "
            f"progress.</p><p>Logbook: {self.repo.path}</p>",
        )

    # -- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = self.context.settings
        geometry = settings.value(keys.WINDOW_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        tab = settings.value(keys.WINDOW_TAB, 0)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else 0)
        self._restore_session()

    def _restore_session(self) -> None:
        """The session the runner left in the editor, when this is the logbook it was in."""
        path, _, session_id = str(self.context.settings.value(keys.LAST_SESSION, "")).rpartition(
            "|"
        )
        if path == str(self.repo.path) and session_id.isdigit():
            self.session_tab.open_session(int(session_id))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quiet and not self.session_tab.maybe_save():
            event.ignore()
            return
        self.outside.stop()
        settings = self.context.settings
        settings.setValue(keys.WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(keys.WINDOW_TAB, self.tabs.currentIndex())
        session_id = self.session_tab.session_id
        settings.setValue(
            keys.LAST_SESSION, f"{self.repo.path}|{session_id}" if session_id is not None else ""
        )
        settings.sync()
        self.repo.close()
        if self.lock is not None:
            self.lock.release()
        super().closeEvent(event)
