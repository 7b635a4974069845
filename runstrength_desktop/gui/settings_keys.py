"""Every QSettings key the window uses, in one place: a key spelled twice is a preference
that silently stops being kept."""

WEIGHT_UNIT = "units/weight"  # "kg" or "lb"; distances follow (km or mi)
PLANNER_THRESHOLDS = "planning/settings"  # a JSON object of PlanSettings fields
PLANNER_PROFILE = "planning/profile"  # a JSON object of RunnerProfile fields
PROGRESS_SECTION = "progress/section"  # the Progress tab's section, by row
WINDOW_GEOMETRY = "window/geometry"
WINDOW_TAB = "window/tab"
LAST_LOGBOOK = "logbook/last"
WATCHED_FOLDER = "runs/watched_folder"  # a folder whose new activity files are imported
WATCHED_SEEN = "runs/watched_seen"  # JSON {file: [size, mtime]} of files already read there
LAST_SESSION = "window/session"  # "<logbook path>|<session id>": the editor's, at close
THEME = "view/theme"  # "system", "light" or "dark" (gui/theme.py)
PLAN_FEED = "plan/calendar_file"  # an .ics file the plan is written to after every change
# The plate calculator (gui/editor/plate_calculator.py): the bar and the plates the runner
# owns, per unit: "20" and "25 x4, 20 x2, ..." (domain/plates.py reads them).
BAR_WEIGHT = {"kg": "plates/bar_kg", "lb": "plates/bar_lb"}
PLATES_OWNED = {"kg": "plates/owned_kg", "lb": "plates/owned_lb"}
