"""Exercise names as other apps and people write them, reduced to words that can be compared.

'Standing DB Curls', 'Curl (Dumbbell), standing' and 'standing dumbbell curl' become the same
set of words: case, punctuation, word order, hyphens and spaces inside a word ('pull-up',
'pullup', 'pull up'), plurals and the usual abbreviations do not matter, 'sitting' is
'seated'. Words that say an equipment or grip variant (cable, dumbbell, smith machine, wide
grip, underhand, ...) become one canonical word each, so a variant can be told from the lift
it is a variant of. Pure functions, cached: the same few hundred names come back on every
import."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

_NON_WORD = re.compile(r"[^a-z0-9]+")

# Written as one word or two: both become the one word.
COMPOUNDS = {
    ("each", "side"): "eachside",
    ("per", "side"): "eachside",
    ("pull", "up"): "pullup",
    ("push", "up"): "pushup",
    ("press", "up"): "pushup",
    ("chin", "up"): "chinup",
    ("sit", "up"): "situp",
    ("pull", "down"): "pulldown",
    ("push", "down"): "pushdown",
    ("press", "down"): "pushdown",
    ("pressdown", None): "pushdown",
    ("step", "up"): "stepup",
    ("skull", "crusher"): "skullcrusher",
    ("dead", "hang"): "deadhang",
    ("dead", "lift"): "deadlift",
    ("pull", "over"): "pullover",
    ("kick", "back"): "kickback",
    ("cross", "over"): "crossover",
    ("hyper", "extension"): "hyperextension",
    ("body", "weight"): "bodyweight",
    ("ez", "bar"): "ezbar",
    ("t", "bar"): "tbar",
    ("v", "bar"): "vbar",
    ("v", "up"): "vup",
    ("trap", "bar"): "trapbar",
    ("hex", "bar"): "trapbar",
    ("roll", "out"): "rollout",
    ("bent", "over"): "bentover",
    ("smith", "machine"): "smith",
    ("plate", "loaded"): "machine",
    ("machine", "plate"): "machine",
    ("hammer", "strength"): "machine",
    ("iso", "lateral"): "machine",
    ("resistance", "band"): "band",
    ("single", "arm"): "singlearm",
    ("one", "arm"): "singlearm",
    ("single", "leg"): "singleleg",
    ("one", "leg"): "singleleg",
    ("one", "legged"): "singleleg",
    ("single", "legged"): "singleleg",
}
# One written word that stands for others ('DB' -> dumbbell, 'RDL' -> romanian deadlift).
ABBREVIATIONS = {
    "db": ("dumbbell",),
    "dbs": ("dumbbell",),
    "bb": ("barbell",),
    "kb": ("kettlebell",),
    "kbs": ("kettlebell",),
    "bw": ("bodyweight",),
    "sl": ("singleleg",),
    "sa": ("singlearm",),
    "rdl": ("romanian", "deadlift"),
    "sldl": ("singleleg", "deadlift"),
    "ohp": ("overhead", "press"),
    "ez": ("ezbar",),
    "ghr": ("glute", "ham", "raise"),
    "bss": ("bulgarian", "split", "squat"),
    "sitting": ("seated",),
    "sat": ("seated",),
    "narrow": ("close",),
    "underhand": ("reverse",),
    "supinated": ("reverse",),
    "hammergrip": ("neutral",),
    "banded": ("band",),
    "lever": ("machine",),
    "technogym": ("machine",),
    "panatta": ("machine",),
    "cybex": ("machine",),
    "nautilus": ("machine",),
    "flye": ("fly",),
    "flie": ("fly",),
    "dumbell": ("dumbbell",),
    "raize": ("raise",),
    "tricep": ("triceps",),
    "bicep": ("biceps",),
    "calve": ("calf",),
}
IRREGULAR_PLURALS = {
    "calves": "calf",
    "ups": "up",
    "flies": "fly",
    "flyes": "fly",
    "triceps": "triceps",
    "biceps": "biceps",
    "abs": "abs",
    "press": "press",
    "cross": "cross",
    "glutes": "glute",
    "lats": "lat",
    "traps": "trap",
    "quads": "quad",
    "delts": "delt",
}
# Words that say nothing about which exercise a set was: left out on both sides.
NOISE = frozenset(
    {"eachside", "weighted", "with", "the", "a", "of", "and", "grip", "bar", "overhand"}
    | {"pronated", "hard", "easy", "exercise"}
)
# Words of how one stands or sits: 'Standing dumbbell curl' is a dumbbell curl. Left out
# only when the name is not known with them ('Seated calf raise' is its own exercise).
POSTURE = frozenset(
    {"standing", "seated", "lying", "kneeling", "flat", "strict", "bentover", "alternating"}
    | {"alternate", "slow", "pause", "paused", "tempo"}
)
EQUIPMENT_WORDS = {
    "cable": "cable",
    "dumbbell": "dumbbell",
    "barbell": "barbell",
    "machine": "machine",
    "smith": "smith machine",
    "band": "band",
    "bodyweight": "bodyweight",
    "kettlebell": "kettlebell",
    "ezbar": "EZ bar",
    "assisted": "assisted",
    "plate": "plate",
}
GRIP_WORDS = {
    "wide": "wide grip",
    "close": "close grip",
    "neutral": "neutral grip",
    "reverse": "reverse grip",
}
VARIANT_WORDS = {**EQUIPMENT_WORDS, **GRIP_WORDS}
# The equipment an exercise of a variant uses; a grip variant keeps its family's.
EQUIPMENT_OF = {"assisted": "machine", "smith": "smith machine", "ezbar": "EZ bar"}
CALF_NAME = re.compile(r"calf|calve|heel raise|toe raise", re.IGNORECASE)


def _singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word  # "abs", "press", "hiit", "chorus"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "ss")):
        return word[:-2]  # "pushes", "crunches", "presses"
    return word[:-1] if word.endswith("s") else word  # "raises", "lunges", "twists"


def _join_compounds(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = (words[i], words[i + 1]) if i + 1 < len(words) else None
        if pair in COMPOUNDS:
            out.append(COMPOUNDS[pair])
            i += 2
            continue
        out.append(COMPOUNDS.get((words[i], None), words[i]))
        i += 1
    return out


@lru_cache(maxsize=8192)
def words_of(name: str) -> tuple[str, ...]:
    """The name's words, canonical and in their order, noise left out."""
    raw = _NON_WORD.sub(" ", name.lower().replace("'", "")).split()
    words = _join_compounds([_singular(w) for w in raw])
    expanded: list[str] = []
    for word in words:
        expanded.extend(ABBREVIATIONS.get(word, (word,)))
    # An abbreviation may have made a compound ('one legged' -> singleleg, 'ez' + 'bar').
    return tuple(w for w in _join_compounds(expanded) if w not in NOISE)


def bag(words: Iterable[str]) -> str:
    """An order-free key of words: 'curl dumbbell standing'."""
    return " ".join(sorted(set(words)))


def split_variant(words: Iterable[str], grips: bool) -> tuple[frozenset[str], tuple[str, ...]]:
    """(variant words, the other words): equipment words always, grip words when asked
    (a 'Reverse curl' is its own lift, a 'reverse grip row' is a row)."""
    kinds = VARIANT_WORDS if grips else EQUIPMENT_WORDS
    words = tuple(words)
    variant = frozenset(w for w in words if w in kinds)
    return variant, tuple(w for w in words if w not in kinds)


def variant_label(words: Iterable[str]) -> str:
    """'cable', 'band, reverse grip': equipment before grip, each in one fixed spelling."""
    order = list(VARIANT_WORDS)
    return ", ".join(VARIANT_WORDS[w] for w in sorted(set(words), key=order.index))


def variant_words(label: str) -> frozenset[str]:
    """The canonical words of a variant label ('smith machine, wide grip')."""
    return frozenset(w for w in words_of(label) if w in VARIANT_WORDS)


def variant_equipment(words: Collection[str], family_equipment: str) -> str:
    equipment = [w for w in VARIANT_WORDS if w in words and w in EQUIPMENT_WORDS]
    if not equipment:
        return family_equipment
    return EQUIPMENT_OF.get(equipment[0], equipment[0])


def is_calf_name(name: str) -> bool:
    """Every name with 'calf', 'heel raise' or 'toe raise' in it works the calves."""
    return CALF_NAME.search(name) is not None


def one_edit_apart(a: str, b: str) -> bool:
    """True when b is a with one letter changed, added, dropped or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]
