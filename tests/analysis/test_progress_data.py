"""The cache behind the progress tab: series are computed once and a saved session is
patched in."""

from __future__ import annotations

from analysis_builders import day, lift, work

from runstrength_desktop.analysis.progress_data import ProgressData
from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain.exercise import Catalogue


def test_series_are_cached_until_a_session_changes():
    first = lift(day(0), *work("Back squat", 5, 60))
    data = ProgressData([first], Catalogue(shipped_exercises()))
    squat = data.progress("Back squat")
    assert data.progress("Back squat") is squat and data.consistency() is data.consistency()
    assert data.exercises() == ["Back squat"] and data.default_exercise() == "Back squat"
    heavier = lift(day(2), *work("Back squat", 5, 80), *work("Deadlift", 5, 100))
    data.replace_session(heavier.id, heavier)
    assert list(data.progress("Back squat").best_load_kg) == [60, 80]
    assert data.exercises() == ["Back squat", "Deadlift"]
    edited = lift(day(2), *work("Back squat", 5, 85))
    edited.id = heavier.id
    data.replace_session(heavier.id, edited)
    assert list(data.progress("Back squat").best_load_kg) == [60, 85]
    data.replace_session(first.id, None)  # deleted
    assert list(data.progress("Back squat").best_load_kg) == [85]
