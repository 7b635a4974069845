"""Working sets per week for each muscle group the seeds name, against a weekly target.

A working set counts once for every muscle group its exercise lists (a squat is a set for
the quads and one for the glutes), as long as the exercise is resistance work (strength,
plyometric, core hold; not mobility or cardio), as on the Balance chart.

Targets, in working sets a week:
- quads, hamstrings, glutes and calves, the running muscles: 6, three sets at least twice a
  week (003: "do three sets and lift at least two times a week"; glutes, hamstrings, quads
  and calves are the muscles it names; calves every week, its mistake 7: "the powerhouse
  muscles for distance runners", rule no_calf_work);
- hip flexors (000), hip abductors and adductors (002: injury prevention), core, upper back,
  shoulders and arms (003 mistake 8, ignoring upper body and core; 000's upper-body
  workout): 2, one exercise of 2-3 sets a week (003: about 6 exercises of 2-3 sets)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..domain import Catalogue, Muscle
from .balance import COUNTED, WeekWork
from .timeline import week_centres, week_count

# Group -> the catalogue's muscles it gathers, in the order the chart lists them.
GROUPS: dict[str, tuple[Muscle, ...]] = {
    "Calves": (Muscle.CALVES,),
    "Glutes": (Muscle.GLUTES,),
    "Hamstrings": (Muscle.HAMSTRINGS,),
    "Quads": (Muscle.QUADS,),
    "Hip flexors": (Muscle.HIP_FLEXORS,),
    "Hip abductors and adductors": (Muscle.ABDUCTORS, Muscle.ADDUCTORS),
    "Core": (Muscle.CORE, Muscle.LOWER_BACK),
    "Upper back": (Muscle.UPPER_BACK,),
    "Shoulders": (Muscle.SHOULDERS,),
    "Arms": (Muscle.ARMS,),
}
RUNNING_MUSCLES = ("Calves", "Glutes", "Hamstrings", "Quads")
TARGETS = {group: 6 if group in RUNNING_MUSCLES else 2 for group in GROUPS}


def exercise_groups(catalogue: Catalogue, name: str) -> tuple[str, ...]:
    """The groups a working set of `name` counts for (none for unknown exercises and for
    work that is not resistance work)."""
    exercise = catalogue.resolve(name)
    if exercise is None or exercise.category not in COUNTED:
        return ()
    return tuple(group for group, muscles in GROUPS.items() if set(muscles) & set(exercise.muscles))


@dataclass(frozen=True)
class WeeklyMuscles:
    first_monday: dt.date
    sets: np.ndarray  # (groups, weeks): working sets, groups in GROUPS order
    lifted: np.ndarray  # weeks with any working set of resistance work

    @property
    def weeks(self) -> int:
        return int(self.sets.shape[1])

    @property
    def x(self) -> np.ndarray:
        return week_centres(self.first_monday, self.weeks)

    def monday(self, week: int) -> dt.date:
        return self.first_monday + dt.timedelta(weeks=week)

    def week_of(self, day: dt.date) -> int | None:
        week = (day - self.first_monday).days // 7
        return week if 0 <= week < self.weeks else None

    def ranking(self, week: int) -> list[tuple[str, int, int]]:
        """(group, sets, target) of one week, the fewest sets against the target first:
        what most needs work comes to the top."""
        rows = [(group, int(self.sets[i, week]), TARGETS[group]) for i, group in enumerate(GROUPS)]
        order = {group: i for i, group in enumerate(GROUPS)}
        return sorted(rows, key=lambda row: (row[1] / row[2], order[row[0]]))

    def weeks_on_target(self, group: str, weeks: int) -> tuple[int, int]:
        """Of the last `weeks` weeks with strength work, how many met the group's target."""
        lifted = self.lifted[-weeks:]
        row = self.sets[list(GROUPS).index(group), -weeks:]
        return int((lifted & (row >= TARGETS[group])).sum()), int(lifted.sum())


def weekly_muscles(weeks: Mapping[dt.date, WeekWork], catalogue: Catalogue) -> WeeklyMuscles | None:
    lifted_weeks = [monday for monday, work in weeks.items() if work]
    if not lifted_weeks:
        return None
    first = min(lifted_weeks)
    count = week_count(first, max(lifted_weeks))
    sets = np.zeros((len(GROUPS), count), dtype=np.int64)
    lifted = np.zeros(count, dtype=bool)
    index = {group: i for i, group in enumerate(GROUPS)}
    groups: dict[str, tuple[str, ...]] = {}
    for monday in lifted_weeks:
        week = (monday - first).days // 7
        for name, (n, _volume) in weeks[monday].items():
            if name not in groups:
                groups[name] = exercise_groups(catalogue, name)
            for group in groups[name]:
                sets[index[group], week] += n
            lifted[week] |= bool(groups[name]) and n > 0
    return WeeklyMuscles(first, sets, lifted)
