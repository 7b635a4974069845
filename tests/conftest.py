"""Test setup that never blocks: offscreen Qt, a fresh logbook and settings per test, modal
dialogs replaced by recorders."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import datetime as dt

import pytest

from runstrength_desktop import clock
from tests.helpers import DEFAULT_DAY, PINNED_DAYS


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("dates") and "today" in metafunc.fixturenames:
        metafunc.parametrize("today", PINNED_DAYS, indirect=True, ids=str)


@pytest.fixture(autouse=True)
def today(request, monkeypatch) -> dt.date:
    """The day the app thinks it is, for this test (and the processes it starts)."""
    day = getattr(request, "param", DEFAULT_DAY)
    monkeypatch.setenv(clock.ENV_TODAY, day.isoformat())
    with clock.pinned(day):
        yield day


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Logs, the default logbook and QSettings go into the test's own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("RUNSTRENGTH_DB", raising=False)


class UnexpectedDialog(AssertionError):
    """A modal dialog the test did not expect: it would block the run forever."""


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(monkeypatch):
    """Any modal dialog a test has not replaced fails that test instead of hanging it."""
    try:
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
    except ImportError:
        return

    def refuse(*args, **kwargs):
        shown = [a for a in args if isinstance(a, str)]
        raise UnexpectedDialog(f"a modal dialog would block the test: {shown[:2]}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "logbook.sqlite"


@pytest.fixture
def repo(db_path):
    from runstrength_desktop.store import Repository

    repository = Repository.open(db_path)
    yield repository
    repository.close()


@pytest.fixture
def settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_context(qapp):
    """make_context(repo, settings): the window's shared state for a tab tested on its own,
    owned by a QObject deleted after the test. As in the window, the owner takes the news,
    bus and undo stack with it; left parentless, the tab's connections to them kept every
    such tab alive to the end of the run."""
    import shiboken6
    from PySide6.QtCore import QObject

    from runstrength_desktop.gui.context import AppContext

    owners = []

    def make(repository, settings):
        owners.append(QObject())
        return AppContext(repository, settings, owners[-1])

    yield make
    for owner in owners:
        shiboken6.delete(owner)


@pytest.fixture
def context(make_context, repo, settings):
    return make_context(repo, settings)


@pytest.fixture
def dialogs(monkeypatch):
    """Every message box is recorded instead of shown; tests read what the user would see."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind):
        def fake(parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Ok

        return fake

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))

    def fake_exec(box):
        shown.append(("exec", f"{box.windowTitle()}: {box.text()} {box.informativeText()}"))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def window(qtbot, db_path, settings):
    from PySide6.QtWidgets import QApplication

    from runstrength_desktop.app import create_window

    win = create_window(db_path, settings)
    # No warm-up of the Progress charts after the first paint (about a second of CPU here,
    # in every test that lasts 150 ms): a test that shows the tab or asks for a chart has
    # them built then, as a click on the tab does before the warm-up.
    QApplication.instance().removeEventFilter(win.progress_tab)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # keyboard tests need a focus widget
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None or win.isActiveWindow())
    yield win
    # Closed here rather than by qtbot, after the test's own checks: an editor left with
    # unsaved changes must not stop the close at "Save changes?".
    win.session_tab.discard()
    win.close()
    win.deleteLater()
