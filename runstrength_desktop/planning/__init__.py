"""The planner: flags the overload mistakes in plans and history, suggests next targets and
fixes, and builds week plans. Pure Python (no Qt, no peewee, no files, no clock: the caller
passes the catalogue and today); the rules, their thresholds and the flag fields are those of
docs/planning-rules.md (version 2).

The API, for the GUI and the CLI
--------------------------------

Input, built once per change of the logbook (the repository's read of what the planner
judges, Repository.sessions_to_judge: about 50 ms CPU for ten years)::

    plan = PlanInput.from_repository(repo)        # or PlanInput(sessions, races, phases,
                                                  #              catalogue=catalogue)
    settings = PlanSettings(unit=WeightUnit.LB)   # every threshold; to_dict() / from_dict()
    settings = PlanSettings.for_profile(RunnerProfile(new_to_lifting=True))

Flags (each a Flag: rule, severity, date, week, message, advice, source, session_ids,
since)::

    check(plan, settings, today)                          # whole logbook, plans included
    check(plan, settings, today, first=monday, last=sunday)   # one week (reads a slice)
    check_spanning(plan, settings, today, monday, sunday) # and the runs of weeks reaching it
    check_session(plan, edited_session, settings, today)  # live, as the user types
    notes(plan, settings, today, first, last)             # what could not be judged
    check_with_notes(plan, settings, today, first, last)  # both, from one view (the CLI)

`check` over ten years takes about 0.15-0.2 s CPU (each session's working sets worked out
once: session_work.py); a week or `check_session` about 2 ms, as only the weeks judged are
walked (the half-year before them is context).

`check_session` judges `plan` with the edited session in place of its stored version (same
id) or added (no id) and returns the flags whose session_ids contain it; its id in flags is
`plan.key_of(session)` (the database id, or a negative stand-in while unsaved). Flags come
sorted by date, then severity (error, warning, info); `Flag.to_dict()` is the JSON object.
What repeats is said once (repeats.py): a session rule once a week, and a run of weeks with
the same finding once, on its latest week, with `since` its first day (errors and calf
warnings keep their own weeks).

Suggestions::

    next_target(repo.exercise_history(name), unit)        # Target: sets, reps, weight_kg
    targets_for_session(plan, session, settings, today)   # {exercise: Target} for the editor
    deload_target(name, e1rm_kg, reps, sets, settings)    # 60 % of e1RM, half the reps
    taper_guide(plan.races, day, settings)                # TaperGuide or None
    fix_for(plan, flag, settings, today)                  # Fix (edits + preview) or None
    apply_fix(plan, fix)                                  # the plan as the fix leaves it

Week plan (planned sessions without ids, for the caller to save, e.g. as one undo step)::

    week_plan(plan, any_day_of_the_week, settings, today) -> WeekPlan (placements, reasons)
    plan_week(plan, any_day_of_the_week, settings, today) -> list[Session]

Modules: settings (PlanSettings, RunnerProfile), flags (Flag, Severity, rule ids), sources
(the articles and each rule's citation), calendar (PlanInput, the Calendar view and the words
of the rules page), session_work (a session's working sets and what follows from them,
worked out once), exercises (what an exercise counts as), season (002's phases), grouping
(one flag per rule per session), repeats (what repeats said once: a week, a run of weeks),
rules_load, rules_consistency, rules_timing, rules_progress, rules_balance (the rules), engine
(check, notes), loads (plate rounding), progression (targets), fixes, workouts (session
content), weekplan (placement), text (message phrases)."""

import importlib
from typing import TYPE_CHECKING, Any

from .engine import RULES, check, check_session, check_spanning, check_with_notes, notes
from .flags import RULE_IDS, WEEK_RULES, Flag, Severity, sort_flags
from .plan_input import PlanInput
from .settings import DEFAULT_SETTINGS, PlanSettings, RunnerProfile

if TYPE_CHECKING:
    from .fixes import Fix, SessionEdit, apply_fix, fix_for
    from .progression import (
        TaperGuide,
        Target,
        deload_target,
        next_target,
        taper_guide,
        targets_for_session,
    )
    from .weekplan import Placement, WeekPlan, plan_week, week_plan

# Suggestions, fixes and week plans are loaded when first asked for: `check` on the command
# line needs none of them, and they are a third of the planner's start-up.
_LATER = {
    "Fix": "fixes",
    "SessionEdit": "fixes",
    "apply_fix": "fixes",
    "fix_for": "fixes",
    "TaperGuide": "progression",
    "Target": "progression",
    "deload_target": "progression",
    "next_target": "progression",
    "taper_guide": "progression",
    "targets_for_session": "progression",
    "Placement": "weekplan",
    "WeekPlan": "weekplan",
    "plan_week": "weekplan",
    "week_plan": "weekplan",
}


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value


__all__ = [
    "DEFAULT_SETTINGS",
    "RULES",
    "RULE_IDS",
    "WEEK_RULES",
    "Fix",
    "Flag",
    "Placement",
    "PlanInput",
    "PlanSettings",
    "RunnerProfile",
    "SessionEdit",
    "Severity",
    "TaperGuide",
    "Target",
    "WeekPlan",
    "apply_fix",
    "check",
    "check_session",
    "check_spanning",
    "check_with_notes",
    "deload_target",
    "fix_for",
    "next_target",
    "notes",
    "plan_week",
    "sort_flags",
    "taper_guide",
    "targets_for_session",
    "week_plan",
]
