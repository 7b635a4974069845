"""The load a set counts with for records (analysis.records.lifted_set), the one rule of the
Progress records table and the editor's "New record" mark."""

from __future__ import annotations

import pytest

from runstrength_desktop.analysis.records import lifted_set, new_records


def test_a_pull_up_lifts_the_body_and_the_belt_and_other_lifts_their_load():
    assert lifted_set(5, 10.0, None, 1.0, 80.0) == (5, 90.0, None)
    assert lifted_set(5, None, None, 1.0, 80.0) == (5, 80.0, None)  # no belt: the body
    assert lifted_set(5, 10.0, None, 1.0, None) == (5, 10.0, None)  # no weight logged yet
    assert lifted_set(5, 60.0, None, 0.0, 80.0) == (5, 60.0, None)  # a barbell's own load
    assert lifted_set(None, None, 30.0, 1.0, 80.0) == (None, None, 30.0)  # a hang: no reps
    before = [lifted_set(5, 5.0, None, 1.0, 80.0)]
    beaten = new_records(before, [lifted_set(5, 10.0, None, 1.0, 80.0)])
    assert [(r.label, r.kg) for r in beaten] == [
        ("1 rep", 90.0),
        ("3 reps", 90.0),
        ("5 reps", 90.0),
        ("e1RM", pytest.approx(105.0)),
    ]
    # +15 kg at 70 kg moves 85 kg: no record, though its belt is heavier than +10 kg's.
    assert (
        new_records([lifted_set(5, 10.0, None, 1.0, 80.0)], [lifted_set(5, 15.0, None, 1.0, 70.0)])
        == []
    )
