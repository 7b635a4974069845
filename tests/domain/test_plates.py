"""The plate calculator's arithmetic (domain/plates.py), checked against brute force."""

from __future__ import annotations

from hypothesis import strategies as st

from runstrength_desktop.domain.enums import WeightUnit
from runstrength_desktop.domain.plates import (
    DEFAULT_PLATES,
    describe,
    parse_plates,
    plates_for,
)

KG_PLATES = parse_plates(DEFAULT_PLATES[WeightUnit.KG])
sizes = st.sampled_from([25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25, 0.5, 45.0, 35.0])
owned_plates = st.dictionaries(sizes, st.integers(0, 6), max_size=4)


def test_a_gyms_plates_make_every_load_on_the_step():
    load = plates_for(100, 20, KG_PLATES)
    assert load.per_side == (25, 15) and load.total == 100 and load.short_by == 0
    assert describe(load, WeightUnit.KG) == "100 kg: bar 20 + 25, 15 a side"
