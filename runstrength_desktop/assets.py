"""Finding shipped files (the exercise catalogue, icons) wherever the app runs from: the
source tree, an installed wheel, or a PyInstaller bundle."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

from .domain.enums import Category, Measure, Muscle, Region
from .domain.exercise import Exercise
from .domain.exercise_names import variant_equipment, variant_label, variant_words


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
        family=item.get("family", ""),
        variant=item.get("variant", "") or base_variant(item.get("equipment", "")),
    )


def variants_of(base: Exercise, items: list[dict]) -> list[Exercise]:
    """The variants a family entry lists: each is its own exercise named 'Family (variant)',
    with the family's facts except where the entry refines them."""
    out = []
    for item in items:
        label = item["variant"]
        words = variant_words(label)
        out.append(
            replace(
                base,
                name=f"{base.name} ({label})",
                family=base.name,
                variant=label,
                equipment=item.get("equipment") or variant_equipment(words, base.equipment),
                aliases=tuple(item.get("aliases", ())),
                muscles=tuple(Muscle(m) for m in item["muscles"])
                if "muscles" in item
                else base.muscles,
                region=Region(item["region"]) if "region" in item else base.region,
                measure=Measure(item["measure"]) if "measure" in item else base.measure,
                per_side=bool(item.get("per_side", base.per_side)),
            )
        )
    return out


def base_variant(equipment: str) -> str:
    """A family's own exercise is the variant of its equipment ('Lateral raise' is the
    dumbbell one), when that equipment is a variant word."""
    words = variant_words(equipment)
    return variant_label(words) if words else ""


@cache
def shipped_exercises() -> tuple[Exercise, ...]:
    with open(resource_path("exercises.json"), encoding="utf-8") as handle:
        document = json.load(handle)
    out: list[Exercise] = []
    for item in document["exercises"]:
        base = exercise_from_dict(item)
        out.append(base)
        out.extend(variants_of(base, item.get("variants", ())))
    return tuple(out)
