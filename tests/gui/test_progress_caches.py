"""What the Progress tab keeps between drawings (the axes' pictures, the grid's ticks, the
cached series) never shows anything but what a fresh tab would: after exercise and unit
switches and a save, each chart holds the data and paints the picture of a tab built
afresh on the same logbook."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, WeightUnit

START = dt.date(2019, 1, 7)  # a Monday; years of data, so long views draw monthly bests


def lift(day: dt.date, name: str, kg: float, reps: int = 5) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry(name, reps=reps, weight_kg=kg)] * 3,
        duration_min=45,
        rpe=7,
    )


def new_tab(qtbot, context):
    from runstrength_desktop.gui.progress_tab import ProgressTab

    tab = ProgressTab(context)
    qtbot.addWidget(tab)
    tab.resize(1366, 720)
    tab.show()
    qtbot.waitExposed(tab)
    QApplication.processEvents()
    return tab


def seed(repo) -> list[Session]:
    saved = []
    for week in range(0, 300, 2):
        day = START + dt.timedelta(weeks=week)
        saved.append(repo.save_session(lift(day, "Back squat", 60 + week / 4)))
        saved.append(repo.save_session(lift(day + dt.timedelta(days=2), "Deadlift", 90 + week / 5)))
    return saved


def drawn(tab) -> dict:
    page = tab.strength
    data = {}
    for name in ("e1rm_curve", "load_curve", "trend_curve", "pr_markers"):
        item = getattr(page, name)
        x, y = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
        data[name] = (np.asarray(x).tolist(), np.round(np.asarray(y), 9).tolist())
    data["view"] = [np.round(r, 3).tolist() for r in page.plot.vb.viewRange()]
    data["note"] = page.note.text()
    data["records"] = page.records.texts()
    data["axis"] = page.plot.getAxis("left").labelText
    return data


def picture(tab):
    return tab.strength.graphics.grab().toImage()


def test_after_switches_and_a_save_the_chart_is_a_fresh_tabs(qtbot, repo, context):
    sessions = seed(repo)
    tab = new_tab(qtbot, context)
    page = tab.strength
    for name in ("Back squat", "Deadlift", "Back squat", "Deadlift"):
        page.picker.setCurrentIndex(page.picker.findText(name))
        QApplication.processEvents()
    for unit in (WeightUnit.LB, WeightUnit.KG, WeightUnit.LB):
        context.set_unit(unit)
        QApplication.processEvents()
    # A save that raises the last deadlift: the same axes' ranges seen before, other data.
    last = next(s for s in reversed(sessions) if s.sets[0].exercise == "Deadlift")
    last.sets = [SetEntry("Deadlift", reps=3, weight_kg=150.0)] * 3
    repo.save_session(last)
    QApplication.processEvents()
    fresh = new_tab(qtbot, context)
    fresh.strength.picker.setCurrentIndex(fresh.strength.picker.findText("Deadlift"))
    QApplication.processEvents()
    assert "(lb)" in fresh.strength.plot.getAxis("left").labelText
    assert drawn(tab) == drawn(fresh)
    assert picture(tab) == picture(fresh)
    # Back to a unit and an exercise whose axes were drawn before the save.
    for current in (tab, fresh):
        current.strength.picker.setCurrentIndex(current.strength.picker.findText("Back squat"))
    context.set_unit(WeightUnit.KG)
    QApplication.processEvents()
    assert drawn(tab) == drawn(fresh)
    assert picture(tab) == picture(fresh)


@pytest.mark.parametrize("width", [1366, 1024, 860])
def test_the_strength_chart_fits_its_view_at_any_width(qtbot, repo, context, width):
    """A legend wider than the chart made the plot wider than its view: at 1024x600 the
    last year was cut off on the right. The legend takes fewer columns instead."""
    seed(repo)
    tab = new_tab(qtbot, context)
    tab.sections.setCurrentRow(3)  # resized while another section is in front
    tab.resize(width - 10, 560)
    QApplication.processEvents()
    tab.sections.setCurrentRow(0)
    QApplication.processEvents()
    page = tab.strength
    view = page.graphics
    assert view.ci.geometry().width() <= view.width()
    scene_right = view.mapToScene(view.viewport().rect()).boundingRect().right()
    for _sample, label in page.legend.items:
        assert label.sceneBoundingRect().right() <= scene_right, label.text
    assert page.plot.vb.sceneBoundingRect().right() <= scene_right
    assert len(page.legend.items) == 4 and page.legend.columnCount >= (4 if width > 1300 else 1)


def test_a_save_patches_the_series_shown_and_it_is_a_fresh_tabs(qtbot, repo, context, monkeypatch):
    """After a save, only the saved session's rows are worked out again; what the chart
    draws (points, records, stars, current e1RM, note) is a fresh tab's, in lb and in kg:
    an old session raised to a record (later stars go), one deleted, one added."""
    from runstrength_desktop.analysis import strength
    from runstrength_desktop.gui import progress_source

    sessions = seed(repo)
    tab = new_tab(qtbot, context)
    tab.strength.picker.setCurrentIndex(tab.strength.picker.findText("Back squat"))
    QApplication.processEvents()
    worked: list[int] = []  # the sessions each series was worked out from
    real = strength.exercise_progress

    def counting(name, rows):
        worked.append(len({row[0] for row in rows}))
        return real(name, rows)

    for module in (strength, progress_source):  # a patch, and a series afresh
        monkeypatch.setattr(module, "exercise_progress", counting)
    squats = [s for s in sessions if s.sets[0].exercise == "Back squat"]
    old = squats[20]
    old.sets = [SetEntry("Back squat", reps=2, weight_kg=140.0)] * 2
    repo.save_session(old)
    repo.delete_sessions([squats[40].id])
    repo.save_session(lift(squats[60].date + dt.timedelta(days=1), "Back squat", 61.0))
    QApplication.processEvents()
    assert worked == [1, 0, 1]  # each save's session, not the history
    monkeypatch.undo()
    for unit in (WeightUnit.LB, WeightUnit.KG):
        context.set_unit(unit)
        QApplication.processEvents()
        fresh = new_tab(qtbot, context)
        fresh.strength.picker.setCurrentIndex(fresh.strength.picker.findText("Back squat"))
        QApplication.processEvents()
        assert drawn(tab) == drawn(fresh)
        assert f"({unit.value})" in drawn(tab)["axis"]
        assert "Back squat" in drawn(tab)["note"]
        fresh.close()


def test_a_switch_fits_the_value_axis_once(qtbot, repo, context, monkeypatch):
    """An exercise or unit switch fits the y axis to what is in view once: pyqtgraph's view
    took its own transform's move for new data and fitted the same data a second time."""
    seed(repo)
    tab = new_tab(qtbot, context)
    page = tab.strength
    fits: list[int] = []
    real = type(page.plot.vb).updateAutoRange

    def counting(vb):
        fits.append(1)
        return real(vb)

    monkeypatch.setattr(page.plot.vb, "updateAutoRange", lambda: counting(page.plot.vb))
    for name in ("Back squat", "Deadlift"):
        fits.clear()
        page.picker.setCurrentIndex(page.picker.findText(name))
        QApplication.processEvents()
        assert page.exercise == name and len(fits) == 1
    fits.clear()
    context.set_unit(WeightUnit.LB)
    QApplication.processEvents()
    assert len(fits) == 1
    fresh = new_tab(qtbot, context)
    fresh.strength.picker.setCurrentIndex(fresh.strength.picker.findText("Deadlift"))
    QApplication.processEvents()
    assert drawn(tab) == drawn(fresh)


def test_grid_lines_stand_at_the_axes_ticks_after_switches_between_spans(qtbot, repo, context):
    """The grid draws at the ticks the axes worked out and kept (axis_cache.py): after
    switches between years of one lift and weeks of another (other date zoom levels, other
    labels) and back, each grid line stands at a tick of its axis, and the chart is a fresh
    tab's."""
    seed(repo)
    for week in range(6):
        repo.save_session(lift(START + dt.timedelta(weeks=300 + week), "Overhead press", 40))
    tab = new_tab(qtbot, context)
    page = tab.strength
    for name in ("Overhead press", "Back squat", "Overhead press", "Deadlift", "Back squat"):
        page.picker.setCurrentIndex(page.picker.findText(name))
        QApplication.processEvents()
        page.graphics.grab()
        for axis_name in ("bottom", "left"):
            axis = page.plot.getAxis(axis_name)
            low, high = sorted(axis.range)
            span = axis.tick_span()
            assert span == (axis.height() if axis_name == "left" else axis.width()) + 2
            ticks = {float(v) for _s, values in axis.tickValues(low, high, span) for v in values}
            lines = {
                float(v)
                for _level, values in page.plot.grid._lines(axis_name, low, high)
                for v in values
            }
            assert lines and lines <= ticks
    fresh = new_tab(qtbot, context)
    fresh.strength.picker.setCurrentIndex(fresh.strength.picker.findText("Back squat"))
    QApplication.processEvents()
    assert drawn(tab) == drawn(fresh)
    assert picture(tab) == picture(fresh)
    for current in (tab, fresh):
        current.strength.picker.setCurrentIndex(current.strength.picker.findText("Overhead press"))
    QApplication.processEvents()
    assert drawn(tab) == drawn(fresh)
    assert picture(tab) == picture(fresh)
