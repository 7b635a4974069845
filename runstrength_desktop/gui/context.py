"""What every tab is handed in its constructor: the repository, the change news, the
navigation bus and the preferences. Tabs read `context.repo` when they refresh, so opening
another logbook swaps it in one place (and is news: everything changed)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QUndoStack

from ..domain import WeightUnit
from ..domain.changes import Change
from ..domain.units import distance_unit_for
from ..store import Repository, StoreError
from . import settings_keys as keys
from .bus import Bus
from .news import ChangeNews


class AppContext:
    def __init__(self, repo: Repository, settings: QSettings, owner: QObject | None = None) -> None:
        """`owner`: the window. Its news, bus and plan undo stack are the owner's children,
        so they go with it: the views connect lambdas and methods that hold the window to
        them, a cycle through Qt's connections that Python's collector cannot see, and
        parentless they kept every closed window alive (a new logbook or test opens one)."""
        self.settings = settings
        self.bus = Bus(owner)
        self.news = ChangeNews(owner)
        self._repo = repo
        self._data_version = self._version_now()
        self.news.watch(repo)
        # The undo history of the plan (the calendar's edits, the planner's fixes, also
        # when the editor applies one), so one Edit > Undo on the calendar takes any back.
        self.plan_undo = QUndoStack(owner)
        # The planner is a cache of the news: built here so that it is registered before
        # any view (gui/planner.py; it imports nothing of this module at run time).
        from .planner import Planner

        self.planner = Planner(self)

    @property
    def repo(self) -> Repository:
        return self._repo

    @repo.setter
    def repo(self, repo: Repository) -> None:
        """Another logbook (File > Open): every cache and view starts again."""
        self._repo = repo
        self._data_version = self._version_now()
        self.news.watch(repo)
        self.news.publish(Change.everything(f"open {repo.path.name}"))

    # -- writes by other programs ------------------------------------------------------------

    def _version_now(self) -> int | None:
        try:
            return self._repo.data_version()
        except StoreError:  # the file is gone or unreadable: the next write says so
            return None

    def changed_outside(self) -> bool:
        """Has another program (the command line's `import --replace`, say) committed to the
        logbook since the window last looked? Nothing is announced (safe inside an undo)."""
        version = self._version_now()
        return version is not None and version != self._data_version

    def notice_outside_changes(self) -> bool:
        """If another program wrote to the logbook, tell every cache and view (they reload,
        and the calendar's undo history, which may name sessions that are gone, is cleared;
        an editor with unsaved changes keeps them). True when it had."""
        version = self._version_now()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self.repo.announce(Change.everything("changed by another program"))
        return True

    @property
    def unit(self) -> WeightUnit:
        value = self.settings.value(keys.WEIGHT_UNIT, WeightUnit.KG.value)
        return WeightUnit(value) if value in WeightUnit.values() else WeightUnit.KG

    @property
    def distance_unit(self):
        return distance_unit_for(self.unit)

    def set_unit(self, unit: WeightUnit) -> None:
        if unit is not self.unit:
            self.settings.setValue(keys.WEIGHT_UNIT, unit.value)
            self.news.settings_changed("unit")
