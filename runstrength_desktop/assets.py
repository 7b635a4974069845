"""Finding shipped files (the exercise catalogue, icons) wherever the app runs from: the
source tree, an installed wheel, or a PyInstaller bundle."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from .domain.enums import Category, Measure, Muscle, Region
from .domain.exercise import Exercise


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parent
    candidates = []
    if bundle := getattr(sys, "_MEIPASS", None):  # PyInstaller one-folder bundle
        candidates.append(Path(bundle) / "resources")
    candidates.append(package / "resources")  # installed wheel (package data)
    candidates.append(package.parent / "resources")  # source tree
    for folder in candidates:
        if (folder / "exercises.json").is_file():
            return folder
    raise FileNotFoundError("exercises.json not found in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def exercise_from_dict(item: dict, custom: bool = False) -> Exercise:
    return Exercise(
        name=item["name"],
        region=Region(item["region"]),
        category=Category(item["category"]),
        muscles=tuple(Muscle(m) for m in item.get("muscles", ())),
        equipment=item.get("equipment", "bodyweight"),
        measure=Measure(item.get("measure", "reps")),
        per_side=bool(item.get("per_side", False)),
        aliases=tuple(item.get("aliases", ())),
        custom=custom,
        needs_review=bool(item.get("needs_review", False)),
    )


@cache
def shipped_exercises() -> tuple[Exercise, ...]:
    with open(resource_path("exercises.json"), encoding="utf-8") as handle:
        document = json.load(handle)
    return tuple(exercise_from_dict(item) for item in document["exercises"])
