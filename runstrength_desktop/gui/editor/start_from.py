"""Starting a strength session from a template or from the last session of a title: its
sets arrive as suggestions, each filled with today's target for its exercise (the planner's)
or, without one, with last time's numbers, for the runner to mark done or type over."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...domain import Session, SetEntry
from ...domain.templates import TEMPLATES, Template

LIMIT = 12  # titles of past sessions offered


def fill_choices(tab) -> None:
    """The templates and the titles of the latest strength sessions; the titles are read
    again only after the logbook's sessions changed (not at every session opened)."""
    if not tab._titles_stale:
        return
    tab._titles_stale = False
    titles = tab.context.repo.strength_titles(limit=LIMIT)
    if titles == tab._start_titles:
        return
    tab._start_titles = titles
    combo = tab.start_from
    combo.clear()
    combo.addItem("Start from…")
    for template in TEMPLATES:
        combo.addItem(f"Template: {template.title}", ("template", template))
    for title in titles:
        combo.addItem(f"Last “{title}”", ("last", title))


def chosen(tab, index: int) -> None:
    choice = tab.start_from.itemData(index)
    tab.start_from.setCurrentIndex(0)
    if not choice:
        return
    kind, value = choice
    if kind == "template":
        start_from_template(tab, value)
        return
    last = tab.context.repo.last_session_titled(value, before=_day(tab) + dt.timedelta(1))
    if last is not None:
        start_with(tab, value, [replace(e, id=None) for e in last.sets])


def start_from_template(tab, template: Template) -> None:
    start_with(tab, template.title, tab.model.with_default_sides(template.sets()))


def start_with(tab, title: str, sets: list[SetEntry]) -> None:
    """The editor's sets replaced by `sets`, prefilled, as one undo step; the cursor on the
    first set, ready for Space."""
    sets = prefilled(tab, sets, _day(tab))
    tab.undo.beginMacro(f"Start from {title}")
    tab.model.remove_rows(0, tab.model.rowCount())
    for position, entry in enumerate(sets):
        tab.model.insert_row(position, entry, done=False)
    if not tab.form.title.text():
        tab.form.title.setText(title)
        tab.form._commit("title")
    tab.undo.endMacro()
    if sets:
        tab.table.setCurrentIndex(tab.model.index(0, 2))  # the first set's reps
        tab.table.setFocus()


def prefilled(tab, sets: list[SetEntry], day: dt.date) -> list[SetEntry]:
    """Each working set with today's target for its exercise, else last time's numbers;
    the target columns say what was suggested."""
    draft = Session(day, tab.session.kind, tab.session.status, sets=sets)
    targets = tab.context.planner.targets(draft)
    out = []
    for entry in sets:
        e = replace(entry, id=None)
        target = targets.get(e.exercise)
        last = None if target else tab._last_working_set(e.exercise, day)
        if e.is_working and target is not None:
            e.reps, e.weight_kg = target.reps, target.weight_kg
            e.seconds = target.seconds if target.seconds is not None else e.seconds
        elif e.is_working and last is not None:
            e.reps, e.weight_kg = last.reps, last.weight_kg
            e.seconds = last.seconds if last.seconds is not None else e.seconds
        if e.is_working and (e.reps is not None or e.weight_kg is not None):
            e.target_reps, e.target_weight_kg = e.reps, e.weight_kg
        out.append(e)
    return out


def suggestion(tab, name: str) -> SetEntry | None:
    """A new set of `name` (a row renamed from nothing): today's target, else last time."""
    day = _day(tab)
    draft = tab.draft()
    draft.sets = [*draft.sets, SetEntry(name)]
    target = tab.context.planner.targets(draft).get(name)
    if target is not None:
        return SetEntry(name, reps=target.reps, weight_kg=target.weight_kg, seconds=target.seconds)
    return tab._last_working_set(name, day)


def _day(tab) -> dt.date:
    if tab.form.problems():
        return tab.session.date
    return tab.form.apply_to(tab.session.copy()).date
