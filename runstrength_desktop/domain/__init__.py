"""Plain-Python domain: no Qt, no peewee. Everything above it speaks these types."""

from .enums import (
    Category,
    DistanceUnit,
    Measure,
    Muscle,
    Phase,
    Region,
    RunType,
    SessionKind,
    SetType,
    Side,
    Status,
    WeightUnit,
)
from .exercise import Catalogue, Exercise, normalise_name
from .session import (
    BodyWeight,
    Logbook,
    Race,
    Session,
    SetEntry,
    WeekPhase,
    iso_week,
    monday_of,
    week_monday,
)
from .validation import FieldError, ValidationError

__all__ = [
    "BodyWeight",
    "Catalogue",
    "Category",
    "DistanceUnit",
    "Exercise",
    "FieldError",
    "Logbook",
    "Measure",
    "Muscle",
    "Phase",
    "Race",
    "Region",
    "RunType",
    "Session",
    "SessionKind",
    "SetEntry",
    "SetType",
    "Side",
    "Status",
    "ValidationError",
    "WeekPhase",
    "WeightUnit",
    "iso_week",
    "monday_of",
    "normalise_name",
    "week_monday",
]
