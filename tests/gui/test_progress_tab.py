"""The progress tab's charts. Every series is recomputed here from what the test put in the
logbook, with plain Python, and compared with what the plot items hold."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import sys
from collections import defaultdict

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Status,
    WeightUnit,
)
from runstrength_desktop.domain.units import KG_PER_LB, KM_PER_MI

START = dt.date(2024, 1, 1)  # a Monday
DAY = 86400.0
# Back squat sessions: (days after START, [(reps, kg, working)]).
SQUAT = [
    (0, [(5, 40, False), (5, 60, True), (5, 60, True)]),
    (4, [(8, 62.5, True), (12, 70, True)]),
    (9, [(3, 80, True)]),
    (15, [(5, 70, True)]),
    (200, [(2, 90, True)]),
    (420, [(15, 50, True)]),
]


def epoch(day: dt.date) -> float:
    return float(calendar.timegm(day.timetuple()))


def squat_session(offset, sets, status=Status.DONE) -> Session:
    entries = [
        SetEntry(
            "Back squat", SetType.WORKING if working else SetType.WARMUP, reps=reps, weight_kg=kg
        )
        for reps, kg, working in sets
    ]
    return Session(
        START + dt.timedelta(days=offset),
        SessionKind.STRENGTH,
        status,
        sets=entries,
        duration_min=45,
        rpe=7,
    )


def expected_squat():
    """(x, e1RM, best load, volume) per done session, from SQUAT alone."""
    rows = []
    for offset, sets in SQUAT:
        work = [(r, kg) for r, kg, working in sets if working]
        e1rms = [kg * (1 + r / 30) for r, kg in work if 1 <= r <= 10]
        rows.append(
            (
                epoch(START + dt.timedelta(days=offset)),
                max(e1rms) if e1rms else None,
                max(kg for _, kg in work),
                sum(r * kg for r, kg in work),
            )
        )
    return rows


@pytest.fixture
def tab(qtbot, context):
    from runstrength_desktop.gui.progress_tab import ProgressTab

    widget = ProgressTab(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    return widget


def show(qtbot, tab, section: int = 0):
    tab.sections.setCurrentRow(section)
    tab.show()
    qtbot.waitExposed(tab)
    return tab.current_page


def seed_squats(repo):
    for offset, sets in SQUAT:
        repo.save_session(squat_session(offset, sets))
    repo.save_session(squat_session(500, [(1, 200, True)], status=Status.PLANNED))


def xy(item):
    """The series an item holds (a curve's getData() is what is drawn at the present zoom,
    which pyqtgraph may clip)."""
    x, y = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
    return (np.array([]), np.array([])) if x is None else (np.asarray(x), np.asarray(y))


def test_strength_series_match_the_logbook(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab)
    assert page.picker.currentText() == "Back squat"
    rows = expected_squat()
    x, e1rm = xy(page.e1rm_curve)
    assert x.tolist() == [r[0] for r in rows if r[1] is not None]
    np.testing.assert_allclose(e1rm, [r[1] for r in rows if r[1] is not None])
    x, load = xy(page.load_curve)
    assert x.tolist() == [r[0] for r in rows] and load.tolist() == [r[2] for r in rows]
    # A record beats every earlier e1RM: 62.5 x 8 on day 4, 80 x 3 on day 9, 90 x 2 on day 200.
    best, records = -math.inf, []
    for x_, value, _load, _volume in rows:
        if value is not None:
            if best > -math.inf and value > best:
                records.append(x_)
            best = max(best, value)
    assert xy(page.pr_markers)[0].tolist() == records
    assert records == [epoch(START + dt.timedelta(days)) for days in (4, 9, 200)]
    assert "6 sessions" in page.note.text() and "3 personal records" in page.note.text()
    page.volume_toggle.setChecked(True)  # filled when shown
    x, volume = xy(page.volume_curve)
    assert volume.tolist() == [r[3] for r in rows]


def test_range_buttons_zoom_to_the_last_months_and_back(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab)
    first, last = expected_squat()[0][0], expected_squat()[-1][0]
    left, right = page.plot.vb.viewRange()[0]
    assert left <= first and right >= last  # strength opens on everything
    qtbot.mouseClick(page.range_buttons.buttons[91], Qt.MouseButton.LeftButton)
    left, right = page.plot.vb.viewRange()[0]
    assert right - left == pytest.approx(91 * DAY) and last <= right <= last + 7 * DAY
    qtbot.mouseClick(page.range_buttons.buttons[365], Qt.MouseButton.LeftButton)
    left, right = page.plot.vb.viewRange()[0]
    assert right - left == pytest.approx(365 * DAY)
    page.plot.vb.translateBy(x=-30 * DAY)  # a pan, as with the mouse
    page.plot.vb.sigRangeChangedManually.emit([True, False])
    assert page.range_buttons.current() is False
    qtbot.mouseClick(page.range_buttons.buttons[None], Qt.MouseButton.LeftButton)
    assert page.plot.vb.viewRange()[0][0] <= first


def test_loads_follow_the_unit(qtbot, tab, repo, context):
    seed_squats(repo)
    page = show(qtbot, tab)
    context.set_unit(WeightUnit.LB)
    rows = expected_squat()
    np.testing.assert_allclose(xy(page.load_curve)[1], [r[2] / KG_PER_LB for r in rows])
    page.volume_toggle.setChecked(True)
    np.testing.assert_allclose(xy(page.volume_curve)[1], [r[3] / KG_PER_LB for r in rows])
    page.volume_toggle.setChecked(False)
    assert "(lb)" in page.plot.getAxis("left").labelText
    context.set_unit(WeightUnit.KG)
    assert xy(page.load_curve)[1].tolist() == [r[2] for r in rows]


def test_saving_a_session_updates_the_existing_items(qtbot, tab, repo, context):
    seed_squats(repo)
    page = show(qtbot, tab)
    curve, items = page.e1rm_curve, list(page.plot.items)
    saved = repo.save_session(squat_session(430, [(3, 100, True)]))
    x, e1rm = xy(curve)
    assert x[-1] == epoch(START + dt.timedelta(430)) and e1rm[-1] == pytest.approx(110)
    assert xy(page.pr_markers)[0][-1] == x[-1]  # 110 beats 90 x 2 (96)
    assert page.e1rm_curve is curve and list(page.plot.items) == items
    # Editing it again replaces the point rather than adding one.
    saved.sets[0].weight_kg = 50
    repo.save_session(saved)
    assert len(xy(curve)[0]) == len(x) and xy(curve)[1][-1] == pytest.approx(55)
    assert tab.consistency.stale  # off screen: catches up later


def test_typing_an_exercise_switches_the_chart_and_hover_describes_a_session(qtbot, tab, repo):
    seed_squats(repo)
    repo.save_session(
        Session(
            START + dt.timedelta(days=2),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Deadlift", reps=5, weight_kg=100)] * 2,
        )
    )
    page = show(qtbot, tab)
    assert [page.picker.itemText(i) for i in range(page.picker.count())] == [
        "Back squat",
        "Deadlift",
    ]
    page.picker.lineEdit().selectAll()
    qtbot.keyClicks(page.picker.lineEdit(), "Deadlift")
    qtbot.keyClick(page.picker.lineEdit(), Qt.Key.Key_Return)
    assert page.exercise == "Deadlift"
    x, e1rm = xy(page.e1rm_curve)
    assert x.tolist() == [epoch(START + dt.timedelta(2))]
    assert e1rm.tolist() == [pytest.approx(100 * (1 + 5 / 30))]
    page.picker.setCurrentIndex(page.picker.findText("Back squat"))
    qtbot.mouseClick(page.range_buttons.buttons[None], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    day_200 = epoch(START + dt.timedelta(200))
    scene = page.plot.vb.mapViewToScene(QPointF(day_200, 90 * (1 + 2 / 30)))
    assert page.hover_at(scene) == 4
    text = page.hover.textItem.toPlainText()
    assert "Fri 19 Jul 2024" in text and "Best set: 90 kg x 2" in text
    assert "e1RM: 96 kg" in text and "Personal record" in text
    assert page.hover_at(QPointF(-50, -50)) is None and not page.hover.isVisible()


def test_volume_toggle_swaps_the_curves_and_the_legend(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab)
    page.volume_toggle.setChecked(True)
    assert page.volume_curve.isVisible() and not page.e1rm_curve.isVisible()
    assert [label.text for _s, label in page.legend.items] == ["Volume per session"]
    assert page.plot.getAxis("left").labelText == "Volume (kg)"
    assert "most volume 1,340 kg" in page.note.text()


def weekly(sessions_by_offset, first_monday):
    return epoch(first_monday) + 3.5 * DAY + 7 * DAY * np.arange(len(sessions_by_offset))


def test_consistency_bars_count_each_iso_week(qtbot, tab, repo, context):
    runs = {1: 10.0, 3: 5.5, 22: 21.1}
    for offset, km in runs.items():
        repo.save_session(
            Session(
                START + dt.timedelta(offset),
                SessionKind.RUN,
                Status.DONE,
                run_type=RunType.EASY,
                distance_km=km,
            )
        )
    for offset in (0, 2, 4, 23):
        repo.save_session(squat_session(offset, [(5, 60, True)]))
    page = show(qtbot, tab, 1)
    strength_by_week, km_by_week = defaultdict(int), defaultdict(float)
    for offset in (0, 2, 4, 23):
        strength_by_week[offset // 7] += 1
    for offset, km in runs.items():
        km_by_week[offset // 7] += km
    centres = epoch(START) + 3.5 * DAY + 7 * DAY * np.arange(4)
    assert page.strength_bars.opts["x"].tolist() == centres.tolist()
    assert page.strength_bars.opts["height"].tolist() == [strength_by_week[w] for w in range(4)]
    np.testing.assert_allclose(page.run_bars.opts["height"], [km_by_week[w] for w in range(4)])
    assert page.target_band.getRegion() == (2, 3)
    context.set_unit(WeightUnit.LB)
    np.testing.assert_allclose(
        page.run_bars.opts["height"], [km_by_week[w] / KM_PER_MI for w in range(4)]
    )
    assert "mi" in page.run_plot.getAxis("left").labelText
    assert page.run_plot.vb.linkedView(0) is page.strength_plot.vb  # one time axis


def test_balance_stacks_working_sets_by_region(qtbot, tab, repo):
    sets = {
        "Back squat": 3,
        "Standing calf raise": 2,
        "Push-up": 4,
        "Plank": 1,
        "Kettlebell swing": 2,
        "Cobra stretch": 3,
    }
    region = {
        "Back squat": "lower",
        "Kettlebell swing": "lower",
        "Standing calf raise": "calves",
        "Push-up": "upper",
        "Plank": "core",
    }  # Cobra stretch: mobility
    entries = [
        SetEntry(name, reps=8, weight_kg=20) for name, n in sets.items() for _ in range(n)
    ] + [SetEntry("Back squat", SetType.WARMUP, reps=5)]
    repo.save_session(Session(START, SessionKind.STRENGTH, Status.DONE, sets=entries))
    repo.save_session(
        Session(
            START + dt.timedelta(8),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Push-up", reps=10)] * 2,
        )
    )
    page = show(qtbot, tab, 4)
    per_week = [defaultdict(int), defaultdict(int)]
    for name, n in sets.items():
        if name in region:
            per_week[0][region[name]] += n
    per_week[1]["upper"] += 2
    bottom = np.zeros(2)
    for name in ("lower", "calves", "upper", "core"):
        bars = page.bars[name].opts
        height = [per_week[w][name] for w in range(2)]
        assert bars["x"].tolist() == (epoch(START) + 3.5 * DAY + 7 * DAY * np.arange(2)).tolist()
        assert bars["height"].tolist() == height and bars["y0"].tolist() == bottom.tolist()
        bottom += height
    assert "1 of the 2 weeks you lifted had no calf work" in page.note.text()


def test_load_chart_series_match_the_logbook(qtbot, tab, repo):
    sessions = [
        (0, True, 50, 4),
        (0, False, 40, 7),
        (3, True, 90, 6),
        (5, False, 30, 8),
        (40, True, 30, 3),
        (41, True, 45, None),
    ]  # a run without RPE: estimated from its type (easy: 3 x minutes)
    for offset, is_run, minutes, rpe in sessions:
        kind = SessionKind.RUN if is_run else SessionKind.STRENGTH
        repo.save_session(
            Session(
                START + dt.timedelta(offset),
                kind,
                Status.DONE,
                duration_min=minutes,
                rpe=rpe,
                run_type=RunType.EASY if is_run else None,
            )
        )
    page = show(qtbot, tab, 6)
    days = (clock.today() - START).days + 1  # rest days up to today lower fitness
    run, lift = np.zeros(days), np.zeros(days)
    for offset, is_run, minutes, rpe in sessions:
        if rpe is not None:
            (run if is_run else lift)[offset] += minutes * rpe
        elif is_run:
            run[offset] += minutes * 3
    centre = epoch(START) + DAY / 2 + DAY * np.arange(days)
    assert page.run_bars.opts["x"].tolist() == centre[run > 0].tolist()
    assert page.run_bars.opts["height"].tolist() == run[run > 0].tolist()
    assert page.lift_bars.opts["y0"].tolist() == run[lift > 0].tolist()  # stacked
    page.stack_toggle.setChecked(False)
    assert page.lift_bars.opts["y0"].tolist() == [0, 0]
    assert page.lift_bars.opts["x"].tolist() == (centre[lift > 0] + 0.2 * DAY).tolist()
    total, fitness, fatigue, level42, level7 = run + lift, [], [], 0.0, 0.0
    for value in total:
        level42 = level42 * math.exp(-1 / 42) + value * (1 - math.exp(-1 / 42))
        level7 = level7 * math.exp(-1 / 7) + value * (1 - math.exp(-1 / 7))
        fitness.append(level42)
        fatigue.append(level7)
    assert xy(page.fitness_curve)[0].tolist() == centre.tolist()
    np.testing.assert_allclose(xy(page.fitness_curve)[1], fitness)
    np.testing.assert_allclose(xy(page.fatigue_curve)[1], fatigue)
    acute = [total[max(0, i - 6) : i + 1].sum() for i in range(days)]
    chronic = [total[max(0, i - 27) : i + 1].sum() / 4 for i in range(days)]
    np.testing.assert_allclose(xy(page.acute_curve)[1], acute)
    np.testing.assert_allclose(xy(page.chronic_curve)[1], chronic)
    ratio = xy(page.ratio_curve)[1]
    assert np.isnan(ratio[:27]).all()
    assert ratio[41] == pytest.approx(acute[41] / chronic[41])
    assert page.ratio_band.getRegion() == (0.8, 1.3)


@pytest.mark.parametrize(
    "section, words",
    [
        (0, "Log a strength session with a loaded lift"),
        (1, "Log your runs and strength sessions"),
        (4, "Log a strength session with its sets"),
        (6, "session RPE"),
    ],
)
def test_empty_logbook_says_what_to_log(qtbot, tab, section, words):
    page = show(qtbot, tab, section)
    assert page.empty.isVisible() and words in page.empty.text()
    assert not page.graphics.isVisible() and not page.save_button.isEnabled()


def test_a_bodyweight_exercise_says_why_there_is_no_chart(qtbot, tab, repo):
    seed_squats(repo)
    repo.save_session(
        Session(START, SessionKind.STRENGTH, Status.DONE, sets=[SetEntry("Push-up", reps=12)] * 3)
    )
    page = show(qtbot, tab)
    assert page.picker.currentText() == "Back squat"  # Push-up has no load to chart
    page.picker.setCurrentIndex(page.picker.findText("Push-up"))
    assert "Push-up has no logged load" in page.empty.text() and page.empty.isVisible()
    page.picker.setCurrentIndex(page.picker.findText("Back squat"))
    assert page.graphics.isVisible() and not page.empty.isVisible()


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_each_chart_saves_as_png_or_svg(qtbot, tab, repo, tmp_path, monkeypatch, suffix):
    seed_squats(repo)
    target = tmp_path / "charts" / "squat"  # the suffix is added when missing
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = show(qtbot, tab)
    action = page.save_button.menu().findChild(
        type(page.save_button.menu().actions()[0]), f"saveChart{suffix[1:].upper()}"
    )
    action.trigger()
    saved = target.with_suffix(suffix)
    assert saved.exists() and str(saved) in page.note.text()
    if suffix == ".png":
        image = QImage(str(saved))
        assert image.width() >= page.graphics.width() and image.height() > 100
    else:
        text = saved.read_text()
        assert text.lstrip().startswith("<?xml") and "<svg" in text and "e1RM" in text


def test_a_note_that_needs_more_lines_gets_them_and_gives_them_back(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab)
    QApplication.processEvents()  # the layout, as before the first paint
    one_line = page.note.height()
    assert page.note.box.height() == one_line and one_line >= page.note.fontMetrics().height()
    page.note.setText("Saved the chart to " + "/a long folder name" * 40 + "/squat.png")
    QApplication.processEvents()
    assert page.note.height() >= 3 * page.note.fontMetrics().height()
    assert page.note.height() == page.note.heightForWidth(page.note.width())
    assert page.note.geometry() == page.note.box.rect()  # all of it shown
    assert page.note.box.geometry().bottom() <= page.rect().bottom()
    page.picker.setCurrentIndex(page.picker.findText("Back squat"))
    page.relative_toggle.toggle()  # drawn again: the note says the sessions again
    QApplication.processEvents()
    assert "6 sessions" in page.note.text() and page.note.height() == one_line
    font = page.note.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    page.note.setFont(font)  # the same text, taller
    QApplication.processEvents()
    assert page.note.height() >= 2 * one_line and page.note.geometry() == page.note.box.rect()


def test_a_chart_that_cannot_be_written_says_where(
    qtbot, tab, repo, tmp_path, monkeypatch, dialogs
):
    seed_squats(repo)
    target = tmp_path / "missing folder" / "chart.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = show(qtbot, tab)
    assert page.save_button.save_as(".svg") is None
    assert dialogs and str(target) in dialogs[-1][1] and not target.exists()


def test_charts_follow_a_dark_palette(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab)
    light = page.graphics.backgroundBrush().color()
    app = QApplication.instance()
    original = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        QApplication.processEvents()
        assert page.graphics.backgroundBrush().color() == QColor("#1e1e1e")
        assert page.theme.dark and page.theme.foreground == QColor("#e8e8e8")
    finally:
        app.setPalette(original)
    QApplication.processEvents()
    assert page.graphics.backgroundBrush().color() == light


def test_sections_catch_up_when_picked_and_an_import_reloads(qtbot, tab, repo, context):
    page = show(qtbot, tab)
    assert page.empty.isVisible()
    seed_squats(repo)
    assert len(xy(page.e1rm_curve)[0]) == 5 and tab.balance.stale
    tab.sections.setCurrentRow(4)
    assert not tab.balance.stale and tab.balance.bars["lower"].opts["height"].sum() == 8
    assert context.settings.value("progress/section") == 4


def test_the_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 under Python 3.11 drops a reference to None on each call of a Qt method
    returning void; the charts make thousands and the app dies (pyproject excludes it)."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 10
