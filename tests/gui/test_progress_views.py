"""The Progress views of issue 18: every series recomputed here in plain Python from what the
test put in the logbook and compared with what the plot items hold; long views drawing
aggregates; the axes refitted; records; body weight logged and undone; saved charts that say
what they are."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from collections import defaultdict

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    BodyWeight,
    Phase,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    WeightUnit,
    monday_of,
)
from runstrength_desktop.domain.units import KG_PER_LB
from tests.helpers import DEFAULT_DAY

START = dt.date(2024, 1, 1)  # a Monday
DAY = 86400.0
SECTION = {
    "strength": 0,
    "consistency": 1,
    "volume": 2,
    "muscles": 3,
    "balance": 4,
    "body": 5,
    "load": 6,
}


def epoch(day: dt.date) -> float:
    return (day - dt.date(1970, 1, 1)).days * DAY


def lift(day, *sets, status=Status.DONE, minutes=None, rpe=None) -> Session:
    return Session(
        day, SessionKind.STRENGTH, status, sets=list(sets), duration_min=minutes, rpe=rpe
    )


def sets(name, n, reps, kg=None):
    return [SetEntry(name, reps=reps, weight_kg=kg) for _ in range(n)]


def xy(item):
    x, y = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else item.getData()
    return (np.array([]), np.array([])) if x is None else (np.asarray(x), np.asarray(y))


@pytest.fixture
def tab(qtbot, context):
    from runstrength_desktop.gui.progress_tab import ProgressTab

    widget = ProgressTab(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    return widget


def show(qtbot, tab, section: str):
    tab.sections.setCurrentRow(SECTION[section])
    tab.show()
    qtbot.waitExposed(tab)
    return tab.current_page


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


# -- a ten-year logbook, made once -------------------------------------------------------------


@pytest.fixture(scope="module")
def ten_years_file(tmp_path_factory):
    from runstrength_desktop.demo import generate_demo
    from runstrength_desktop.store import Repository

    path = tmp_path_factory.mktemp("ten") / "demo.sqlite"
    repo = Repository.open(path, auto_backup=False)
    try:
        repo.import_logbook(generate_demo(10, 1, DEFAULT_DAY))
    finally:
        repo.close()
    return path


@pytest.fixture
def ten_years(tmp_path, ten_years_file, settings, qtbot, make_context):
    """A Progress tab over a copy of the ten-year demo logbook."""
    from runstrength_desktop.gui.progress_tab import ProgressTab
    from runstrength_desktop.store import Repository

    path = tmp_path / "ten.sqlite"
    shutil.copy(ten_years_file, path)
    repo = Repository.open(path, auto_backup=False)
    widget = ProgressTab(make_context(repo, settings))
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    yield widget, repo
    widget.close()
    repo.close()


def test_consistency_over_ten_years_draws_the_4_week_mean_not_520_bars(qtbot, ten_years):
    tab, repo = ten_years
    page = show(qtbot, tab, "consistency")
    click(qtbot, page.range_buttons.buttons[None])
    assert len(page.strength_bars.opts["x"]) == 0 and len(page.run_bars.opts["x"]) == 0
    x, mean = xy(page.strength_mean)
    # The weeks, recomputed from the sessions: done strength sessions with a working set.
    weeks = defaultdict(int)
    for session in repo.all_sessions():
        if session.status is Status.DONE and session.is_strength and session.working_sets():
            weeks[monday_of(session.date)] += 1
    done_weeks = [
        monday_of(s.date)
        for s in repo.all_sessions()
        if s.status is Status.DONE and (s.is_run or s.working_sets())
    ]
    first, last = min(done_weeks), max(done_weeks)
    counts = [weeks[first + dt.timedelta(weeks=i)] for i in range((last - first).days // 7 + 1)]
    assert len(counts) > 500 and len(x) == len(counts)
    expected = [np.mean(counts[max(0, i - 3) : i + 1]) for i in range(len(counts))]
    np.testing.assert_allclose(mean, expected)
    assert x[0] == epoch(first) + 3.5 * DAY
    assert "4-week mean" in page.legend.items[0][1].text
    click(qtbot, page.range_buttons.buttons[365])  # a year: bars again, the line emptied
    left, right = page.strength_plot.vb.viewRange()[0]
    assert (right - left) / DAY == pytest.approx(365) and len(xy(page.strength_mean)[0]) == 0
    assert page.strength_bars.opts["height"].tolist() == counts


def test_strength_over_ten_years_draws_monthly_bests_and_sessions_when_zoomed(qtbot, ten_years):
    tab, repo = ten_years
    page = show(qtbot, tab, "strength")
    name = page.picker.currentText()
    rows = []  # (day, best e1RM) of each done session with working sets of the exercise
    for session in repo.exercise_history(name):
        values = [
            e.weight_kg * (1 + e.reps / 30)
            for e in session.sets
            if e.is_working and e.weight_kg and e.reps and 1 <= e.reps <= 10
        ]
        if values:
            rows.append((session.date, max(values)))
    months = defaultdict(list)
    for day, value in rows:
        months[day.replace(day=1)].append(value)
    assert page.series.level == "month"
    x, e1rm = xy(page.e1rm_curve)
    assert len(x) == len(months) < 130
    for month, (at, value) in zip(sorted(months), zip(x, e1rm)):
        nxt = (month + dt.timedelta(days=32)).replace(day=1)
        assert at == (epoch(month) + epoch(nxt)) / 2
        assert value == pytest.approx(max(months[month]))
    click(qtbot, page.range_buttons.buttons[365])
    assert page.series.level == "session"
    x, e1rm = xy(page.e1rm_curve)
    assert x.tolist() == [epoch(day) for day, _ in rows]
    np.testing.assert_allclose(e1rm, [value for _, value in rows])
    assert "sessions" in page.note.text() and "monthly" not in page.note.text()


def session_e1rms(repo, name) -> list[tuple[dt.date, float | None]]:
    """(day, best set e1RM or None) of each done session with working sets of `name`."""
    found = []
    for session in repo.exercise_history(name):
        work = [e for e in session.sets if e.is_working and e.exercise == name]
        if work:
            values = [
                e.weight_kg * (1 + e.reps / 30) if e.reps > 1 else e.weight_kg
                for e in work
                if e.weight_kg and e.reps and 1 <= e.reps <= 10
            ]
            found.append((session.date, max(values) if values else None))
    return found


def trend_of(rows) -> list[tuple[dt.date, float]]:
    """The current e1RM at each session: the best of the 56 days up to and including its
    day; sessions with none in those days have no point."""
    out = []
    for day, _ in rows:
        window = [v for d, v in rows if v is not None and 0 <= (day - d).days < 56]
        if window:
            out.append((day, max(window)))
    return out


def test_the_trend_line_is_the_best_e1rm_of_the_last_eight_weeks_as_drawn(
    qtbot, tab, repo, ten_years
):
    seed_squats(repo)
    # A light technique day 51 days after the heaviest: the trend stays up, the
    # session's own point drops.
    repo.save_session(lift(START + dt.timedelta(60), *sets("Back squat", 3, 5, 40)))
    page = show(qtbot, tab, "strength")
    assert page.picker.currentText() == "Back squat" and page.series.level == "session"
    expected = trend_of(session_e1rms(repo, "Back squat"))
    x, trend = xy(page.trend_curve)
    assert x.tolist() == [epoch(day) for day, _ in expected]
    np.testing.assert_allclose(trend, [value for _, value in expected])
    light = x.tolist().index(epoch(START + dt.timedelta(60)))
    assert trend[light] == pytest.approx(88.0)  # 80 kg x 3 on day 9, not the day's 46.7
    # Ten years at months: each month's point is the trend at its last session.
    big, big_repo = ten_years
    page = show(qtbot, big, "strength")
    name = page.picker.currentText()
    assert page.series.level == "month"
    monthly = {}
    for day, value in trend_of(session_e1rms(big_repo, name)):
        monthly[day.replace(day=1)] = value  # the month's last session wins
    x, trend = xy(page.trend_curve)
    assert len(x) == len(monthly) > 100
    np.testing.assert_allclose(trend, [monthly[m] for m in sorted(monthly)])


# -- strength: axes, records, relative strength ------------------------------------------------

SQUAT = [  # (days after START, [(reps, kg)])
    (0, [(5, 60), (5, 60)]),
    (4, [(8, 62.5), (12, 70)]),
    (9, [(3, 80), (1, 85)]),
    (15, [(5, 70), (10, 55)]),
    (200, [(2, 90)]),
    (420, [(15, 50)]),
]


def seed_squats(repo):
    for offset, work in SQUAT:
        entries = [SetEntry("Back squat", reps=r, weight_kg=kg) for r, kg in work]
        repo.save_session(lift(START + dt.timedelta(offset), *entries))


def test_the_volume_toggle_refits_the_axis_both_ways(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab, "strength")
    e1rm_top = max(xy(page.e1rm_curve)[1])
    page.volume_toggle.setChecked(True)
    QApplication.processEvents()
    bottom, top = page.plot.vb.viewRange()[1]
    volume = xy(page.volume_curve)[1]
    assert bottom <= 0 and top >= volume.max() and top < 1.2 * volume.max()
    page.volume_toggle.setChecked(False)
    QApplication.processEvents()
    bottom, top = page.plot.vb.viewRange()[1]
    low = min(xy(page.load_curve)[1])
    assert low * 0.9 <= top and bottom <= low and top >= e1rm_top and top < 1.2 * e1rm_top
    assert bottom > 0  # not the volume's axis, nor a fill down to zero


def test_records_table_lists_the_best_load_per_rep_count_and_the_e1rm(qtbot, tab, repo):
    seed_squats(repo)
    page = show(qtbot, tab, "strength")
    expected = []
    for reps in (1, 3, 5, 8, 10):
        best = None
        for offset, work in SQUAT:
            for r, kg in work:
                if r >= reps and (best is None or kg > best[0]):
                    best = (kg, START + dt.timedelta(offset))
        expected.append((f"{reps} rep{'s' if reps > 1 else ''}", f"{best[0]:g} kg", best[1]))
    e1rms = [
        (kg * (1 + r / 30), START + dt.timedelta(offset))
        for offset, work in SQUAT
        for r, kg in work
        if 1 <= r <= 10
    ]
    best_e1rm = max(e1rms, key=lambda pair: pair[0])
    rows = page.records.texts()
    for (label, load, day), row in zip(expected, rows):
        assert row == (label, load, f"{day.day} {day:%b %Y}")
    assert rows[-1][0] == "e1RM" and rows[-1][1] == f"{round(best_e1rm[0], 1):g} kg"
    assert "90 kg x 2" in page.records.item(5, 0).toolTip()
    tab.context.set_unit(WeightUnit.LB)
    assert page.records.texts()[0][1] == f"{round(90 / KG_PER_LB, 1):g} lb"


def test_strength_relative_to_body_weight(qtbot, tab, repo):
    seed_squats(repo)
    for offset, kg in ((0, 70.0), (100, 72.5)):
        repo.save_body_weight(BodyWeight(START + dt.timedelta(offset), kg))
    page = show(qtbot, tab, "strength")
    page.relative_toggle.setChecked(True)
    _x, ratio = xy(page.e1rm_curve)
    expected = []
    for offset, work in SQUAT:
        values = [kg * (1 + r / 30) for r, kg in work if 1 <= r <= 10]
        if values:
            expected.append(max(values) / (70.0 if offset < 100 else 72.5))
    np.testing.assert_allclose(ratio, expected)
    assert "x body weight" in page.plot.getAxis("left").labelText


# -- volume ----------------------------------------------------------------------------------


def test_weekly_volume_by_region_and_the_spike_limit(qtbot, tab, repo, context):
    # Four steady weeks, a recovery week that the mean leaves out, then a spike.
    plan = {0: 1000, 7: 1000, 14: 1200, 21: 800, 28: 300, 35: 2000}
    for offset, squat in plan.items():
        repo.save_session(
            lift(
                START + dt.timedelta(offset),
                *sets("Back squat", 2, 5, squat / 10),
                *sets("Standing calf raise", 1, 10, 10),
            )
        )
    repo.set_week_phase("2024-W05", Phase.RECOVERY)  # the week of day 28
    page = show(qtbot, tab, "volume")
    weeks = sorted(plan)
    lower = [plan[o] for o in weeks]
    calves = [100.0] * len(weeks)
    bars = page.bars
    assert bars["lower"].opts["height"].tolist() == lower
    assert bars["calves"].opts["height"].tolist() == calves
    assert bars["calves"].opts["y0"].tolist() == lower  # stacked on the lower body
    total = [a + b for a, b in zip(lower, calves)]
    # The limit: 1.5 x the mean of the 4 weeks before that are not recovery weeks.
    limits = []
    for i in range(len(weeks)):
        before = [total[j] for j in range(i - 1, -1, -1) if weeks[j] != 28][:4]
        limits.append(1.5 * sum(before) / 4 if len(before) == 4 else math.nan)
    edges, drawn = xy(page.limit_curve)
    np.testing.assert_allclose(drawn, limits)
    assert edges[0] == epoch(START) and len(edges) == len(weeks) + 1
    over_x, _ = xy(page.over_markers)
    assert over_x.tolist() == [epoch(START + dt.timedelta(35)) + 3.5 * DAY]  # 2100 > 1650
    assert "1 of 6 weeks above 1.5 x" in page.note.text()
    page.picker.setCurrentIndex(page.picker.findText("Back squat"))
    assert bars["all"].opts["height"].tolist() == lower
    assert len(xy(page.limit_curve)[0]) == len(weeks) + 1
    assert np.isnan(xy(page.limit_curve)[1]).all()  # the rule is about whole weeks
    context.set_unit(WeightUnit.LB)
    np.testing.assert_allclose(bars["all"].opts["height"], [v / KG_PER_LB for v in lower])


# -- muscles ---------------------------------------------------------------------------------


def test_muscle_groups_per_week_against_their_targets(qtbot, tab, repo):
    from runstrength_desktop.analysis.muscles import GROUPS, TARGETS
    from runstrength_desktop.gui.charts.muscles_chart import MET, NONE, NOT_LIFTED, SOME

    repo.save_session(
        lift(
            START,
            *sets("Back squat", 6, 5, 60),
            *sets("Standing calf raise", 2, 12, 20),
            *sets("Plank", 3, None),
        )
    )
    repo.save_session(lift(START + dt.timedelta(14), *sets("Push-up", 2, 10)))
    page = show(qtbot, tab, "muscles")
    catalogue = repo.catalogue()
    expected = np.zeros((len(GROUPS), 3), dtype=int)
    for week, entries in (
        (0, {"Back squat": 6, "Standing calf raise": 2, "Plank": 3}),
        (2, {"Push-up": 2}),
    ):
        for name, n in entries.items():
            muscles = set(catalogue.get(name).muscles)
            for row, (_group, members) in enumerate(GROUPS.items()):
                if muscles & set(members):
                    expected[row, week] += n
    assert page.weekly.sets.tolist() == expected.tolist()
    cells = page.image.image
    for row, group in enumerate(GROUPS):
        for week in range(3):
            n = expected[row, week]
            want = NOT_LIFTED if week == 1 else MET if n >= TARGETS[group] else SOME if n else NONE
            assert cells[row, week] == want, (group, week)
    # The last week with work is ranked: what is furthest from its target first.
    assert page.week == 2
    ranked = [page.rank_plot.getAxis("left")._tickLevels[0][i][1] for i in range(len(GROUPS))]
    assert ranked[0].startswith("Calves  0/6")
    upper = list(GROUPS).index("Upper back")
    assert f"Upper back  {expected[upper, 2]}/2" in ranked
    # A click on the grid's first week ranks that week.
    point = page.grid_plot.vb.mapViewToScene(QPointF(epoch(START) + 3 * DAY, 2.5))
    view_point = page.graphics.mapFromScene(point)
    qtbot.mouseClick(page.graphics.viewport(), Qt.MouseButton.LeftButton, pos=view_point)
    assert page.week == 0 and "Week of Mon 1 Jan 2024" in page.week_title.text
    widths = page.rank_bars.opts["width"]
    assert sorted(widths.tolist()) == sorted(expected[:, 0].tolist())


# -- body weight -----------------------------------------------------------------------------


def test_body_weight_is_logged_charted_and_undone(qtbot, tab, repo, context):
    today = clock.today()
    for days, kg in ((40, 71.0), (20, 72.0), (10, 70.0)):
        repo.save_body_weight(BodyWeight(today - dt.timedelta(days), kg))
    page = show(qtbot, tab, "body")
    page.weight_edit.setValue(69.4)
    click(qtbot, page.log_button)
    assert [(b.date, b.weight_kg) for b in repo.body_weights()][-1] == (today, 69.4)
    _x, kg = xy(page.mean_curve)
    entries = [
        (today - dt.timedelta(40), 71.0),
        (today - dt.timedelta(20), 72.0),
        (today - dt.timedelta(10), 70.0),
        (today, 69.4),
    ]
    means = [np.mean([w for d, w in entries if 0 <= (day - d).days < 28]) for day, _ in entries]
    np.testing.assert_allclose(kg, means)
    assert xy(page.points)[0].tolist() == [epoch(d) for d, _ in entries]
    tab.undo.undo()
    assert [b.date for b in repo.body_weights()] == [d for d, _ in entries[:3]]
    assert len(xy(page.points)[0]) == 3
    tab.undo.redo()
    context.set_unit(WeightUnit.LB)
    np.testing.assert_allclose(xy(page.points)[1][-1], 69.4 / KG_PER_LB)
    assert page.weight_edit.suffix() == " lb"


# -- training load: form ---------------------------------------------------------------------


def test_form_is_fitness_minus_fatigue_and_estimated_loads_are_drawn_apart(qtbot, tab, repo):
    from runstrength_desktop.domain.metrics import load_of

    runs = [(0, 60, 5), (2, 40, 8), (9, 90, None)]  # the last without RPE: estimated
    saved = []
    for offset, minutes, rpe in runs:
        saved.append(
            repo.save_session(
                Session(
                    clock.today() - dt.timedelta(days=30 - offset),
                    SessionKind.RUN,
                    Status.DONE,
                    run_type=RunType.EASY,
                    duration_min=minutes,
                    rpe=rpe,
                )
            )
        )
    page = show(qtbot, tab, "load")
    first = saved[0].date
    days = (clock.today() - first).days + 1
    daily = np.zeros(days)
    for session in saved:
        daily[(session.date - first).days] += load_of(session).value
    fitness = fatigue = 0.0
    form = []
    for value in daily:
        fitness = fitness * math.exp(-1 / 42) + value * (1 - math.exp(-1 / 42))
        fatigue = fatigue * math.exp(-1 / 7) + value * (1 - math.exp(-1 / 7))
        form.append(fitness - fatigue)
    np.testing.assert_allclose(xy(page.form_curve)[1], form)
    assert "form" in page.note.text()
    estimated = load_of(saved[2])
    assert estimated.estimated
    heights = page.run_estimated_bars.opts["height"].tolist()
    assert heights == [0.0, 0.0, estimated.value]  # only the run without RPE is striped
    assert page.run_estimated_bars.opts["y0"].tolist()[2] == 0.0
    labels = [label.text for _sample, label in page.legends[0].items]
    assert "Estimated (no RPE)" in labels


# -- saved charts say what they are ----------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_saved_chart_has_its_title_exercise_range_and_unit(
    qtbot, tab, repo, tmp_path, monkeypatch, suffix
):
    seed_squats(repo)
    target = tmp_path / f"chart{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = show(qtbot, tab, "strength")
    assert page.title_label.text == "" and page.title_label.maximumHeight() == 0
    page.save_button.save_as(suffix)
    first, last = START, START + dt.timedelta(420)
    words = ["Strength", "Back squat", "(kg)", f"{first.day} {first:%b %Y}", f"{last:%b %Y}"]
    if suffix == ".svg":
        text = target.read_text()
        title = text.split("<title>", 1)[1].split("</title>", 1)[0]
    else:
        title = QImage(str(target)).text("Title")
    for word in words:
        assert word in title, (word, title)
    assert page.title_label.text == "" and page.title_label.maximumHeight() == 0


# -- the editor marks a record as it is logged -----------------------------------------------


def test_the_editor_marks_a_new_record_as_the_set_is_typed(qtbot, context, repo):
    from runstrength_desktop.gui.editor.sets_model import LOAD, REPS
    from runstrength_desktop.gui.session_tab import SessionTab

    seed_squats(repo)
    editor = SessionTab(context)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    day = clock.today()
    saved = repo.save_session(lift(day, *sets("Back squat", 1, 5, 60)))
    editor.open_session(saved.id)
    assert editor.panel.record_texts() == []  # 60 x 5 is no record (70 x 5 on day 15)
    editor.model.setData(editor.model.index(0, LOAD), "75")
    texts = editor.panel.record_texts()
    assert texts == ["★ New record, Back squat: 5 reps 75 kg"]  # 75 x 5: e1RM 87.5 < 90 x 2
    editor.model.setData(editor.model.index(0, LOAD), "85")
    editor.model.setData(editor.model.index(0, REPS), "6")  # e1RM 102 beats 90 x 2 (96)
    assert editor.panel.record_texts() == [
        "★ New record, Back squat: 3 reps 85 kg, 5 reps 85 kg, e1RM 102 kg"
    ]
    editor.undo.clear()


def test_bodyweight_work_charts_its_share_of_the_body_weight_once_one_is_logged(qtbot, tab, repo):
    """Push-ups lift 64 % of the body weight of their day, pull-ups all of it plus the belt:
    the volume and strength charts count it once a weight is logged, and the caches follow
    the news when one is logged or taken out."""
    repo.save_session(lift(START, *sets("Push-up", 3, 10), *sets("Back squat", 3, 5, 100)))
    repo.save_session(lift(START + dt.timedelta(7), *sets("Pull-up", 3, 5, 10.0)))
    page = show(qtbot, tab, "volume")
    assert "bodyweight work counts only its added load: log your body weight" in page.note.text()
    source = tab.source
    before = source.volume()
    assert before.total[:2].tolist() == [1500.0, 150.0]  # push-ups lift nothing yet
    repo.save_body_weight(BodyWeight(START - dt.timedelta(1), 80.0))
    QApplication.processEvents()
    after = source.volume()
    expected = [1500 + 0.64 * 80 * 30, (80 + 10) * 15]
    np.testing.assert_allclose(after.total[:2], expected)
    assert page.weekly is after  # the chart drew the new weeks
    assert "bodyweight work counts its share of your body weight" in page.note.text()
    page = show(qtbot, tab, "strength")
    page.picker.setCurrentIndex(page.picker.findText("Pull-up"))
    QApplication.processEvents()
    _x, e1rm = xy(page.e1rm_curve)
    np.testing.assert_allclose(e1rm, [90 * (1 + 5 / 30)])  # the body and the belt
    assert "loads include 100% of your body weight" in page.note.text()
    x, y = xy(page.e1rm_curve)
    assert page.hover_at(page.plot.vb.mapViewToScene(QPointF(float(x[0]), float(y[0])))) == 0
    text = page.hover.textItem.toPlainText()
    assert "Best set: 90 kg x 5 (100% of the body weight included)" in text, text
    repo.delete_body_weight(START - dt.timedelta(1))
    assert source.volume().total[:2].tolist() == [1500.0, 150.0]
    QApplication.processEvents()
    np.testing.assert_allclose(xy(page.e1rm_curve)[1], [10 * (1 + 5 / 30)])
    assert "log your body weight to count it" in page.note.text()


def test_the_volume_toggle_refits_the_axis_of_a_zoomed_view(qtbot, tab, repo):
    """Volume on and off again, three months in view: the axis fits the e1RM in view, not
    the volume's scale (the chart had stayed flattened on the volume's axis)."""
    for week in range(52):
        sets = [SetEntry("Back squat", reps=5, weight_kg=60 + week / 2)] * 3
        repo.save_session(lift(START + dt.timedelta(weeks=week), *sets))
    page = show(qtbot, tab, "strength")
    page.range_buttons.buttons[91].click()
    QApplication.processEvents()
    (left, right), (bottom, top) = page.plot.vb.viewRange()
    x, e1rm = xy(page.e1rm_curve)
    shown = e1rm[(x >= left) & (x <= right)]
    assert bottom <= shown.min() and shown.max() <= top < 1.2 * shown.max()
    page.volume_toggle.setChecked(True)
    QApplication.processEvents()
    assert page.plot.vb.viewRange()[1][1] > 500  # the sessions' volume: 3 x 5 x 80-some kg
    page.volume_toggle.setChecked(False)
    QApplication.processEvents()
    assert page.plot.vb.viewRange()[1] == [bottom, top]
