"""The window's change news: the repository's reports of what each committed write changed,
and the window's own preference changes, handed first to the caches and then to the views.

Caches (the planner's inputs, the progress data, the editor's history) are plain callables
registered with add_cache(); they are told before any view, so a view that refreshes on the
news never reads a cache that has not heard it yet. Views connect to `changed`. Nobody else
emits data news: undo commands, dialogs and imports call the repository, and the repository
reports what it wrote."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..domain.changes import Change

Cache = Callable[[Change], None]


class ChangeNews(QObject):
    changed = Signal(object)  # a domain.changes.Change, after every cache has taken it in

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._caches: list[Cache] = []
        self._repo = None

    def add_cache(self, cache: Cache) -> None:
        self._caches.append(cache)

    def watch(self, repo) -> None:
        """Report `repo`'s writes (and stop reporting the previous repository's)."""
        if self._repo is not None:
            self._repo.unsubscribe(self.publish)
        self._repo = repo
        repo.subscribe(self.publish)

    def publish(self, change: Change) -> None:
        for cache in self._caches:
            cache(change)
        self.changed.emit(change)

    def settings_changed(self, *names: str) -> None:
        self.publish(Change(settings=names, what="settings"))
