#!/usr/bin/env bash
# CI's check of the frozen bundle: it starts, paints, and every lazily imported part is in it.
#   packaging/check_bundle.sh [dist/runstrength-desktop/runstrength-desktop]
# Fails (non-zero) if any step crashes. Runs offscreen, in a throw-away home.
set -euo pipefail
shopt -s inherit_errexit   # a failure inside $(...) fails the script too
cd "$(dirname "$0")/.."
bin="${1:-dist/runstrength-desktop/runstrength-desktop}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_CONFIG_HOME="$work/config" \
       XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
unset RUNSTRENGTH_DB
db="$work/demo.sqlite"
step() { echo "bundle check: $*"; }

expected="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' runstrength_desktop/__init__.py)"
version="$("$bin" --version)"
[ "$version" = "runstrength-desktop $expected" ] || { echo "--version said '$version', expected $expected" >&2; exit 1; }
step "--version: $version"

"$bin" --db "$db" demo --years 2 --seed 1
smoke() {   # a modal dialog would hang, so a time limit; a crash exits non-zero (fatal hook)
    local out
    out="$(timeout 120 "$bin" --db "$db" --smoke)" || { echo "--smoke failed ($?)" >&2; exit 1; }
    case "$out" in *'"startup_s"'*) ;; *) echo "--smoke printed no startup time: $out" >&2; exit 1 ;; esac
    echo "$out"
}
step "--smoke on the calendar: $(smoke)"
# Opened on the Progress tab, the window builds the charts (pyqtgraph, NumPy) before its
# first paint, so the smoke run covers them too.
mkdir -p "$XDG_CONFIG_HOME/RunStrength"
printf '[window]\ntab=2\n' > "$XDG_CONFIG_HOME/RunStrength/RunStrength Desktop.conf"
step "--smoke on the progress charts: $(smoke)"

# The commands import their modules lazily: the planner, the exporters (icalendar), the
# importers.
"$bin" --db "$db" check --json > "$work/flags.json"
step "check: $(grep -c '"rule"' "$work/flags.json" || true) flags"
"$bin" --db "$db" export "$work/plan.ics" --format ics --from 2000-01-01 --to 2100-01-01
"$bin" --db "$db" export "$work/sets.csv" --format csv
"$bin" --db "$db" export "$work/backup.json"
"$bin" --db "$work/restored.sqlite" import "$work/backup.json" > /dev/null
cat > "$work/strong.csv" <<'CSV'
Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
2024-03-04 18:00:00,Legs,45m,Squat (Barbell),1,80,5,0,0,,,
2024-03-04 18:00:00,Legs,45m,Seated Calf Raise (Machine),1,40,12,0,0,,,
CSV
"$bin" --db "$work/strong.sqlite" import "$work/strong.csv" --unit kg --json > "$work/strong.json"
grep -q '"sets": 2' "$work/strong.json" || { echo "Strong import: $(cat "$work/strong.json")" >&2; exit 1; }
step "exports (ics, csv, json), JSON restore and Strong import: ok"
step "passed"
