"""The process the crash-safety test kills: it saves sessions into a logbook as fast as it
can, forever, and prints one line for each save as soon as save_session has returned.

    python crash_writer.py LOGBOOK SEED

Lines: "ready" once the logbook is open; "saved ID N" for a new session with N sets;
"updated ID N REV" for an existing session rewritten with N sets. Every set of a save has
N reps and every session's title is "sets=N", so a session left with part of its sets (or a
mix of old and new ones) shows up as a count that disagrees with its title."""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.store import Repository

EXERCISES = [
    "Back squat",
    "Romanian deadlift",
    "Standing calf raise",
    "Dumbbell row",
    "Pallof press",
    "Push-up",
]


def sets(rng: random.Random, count: int) -> list[SetEntry]:
    return [
        SetEntry(rng.choice(EXERCISES), reps=count, weight_kg=rng.randint(0, 400) / 4)
        for _ in range(count)
    ]


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    repo = Repository.open(path)
    print("ready", flush=True)
    ids = [s.id for s in repo.sessions_between(dt.date(2000, 1, 1), dt.date(2100, 1, 1))]
    while True:
        count = rng.randint(1, 12)
        if ids and rng.random() < 0.3:
            session = repo.session(rng.choice(ids))
            session.title, session.sets = f"sets={count}", sets(rng, count)
            session.notes = str(time.time_ns())  # later rewrites carry larger numbers
            repo.save_session(session)
            print(f"updated {session.id} {count} {session.notes}", flush=True)
        else:
            day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
            saved = repo.save_session(
                Session(
                    day,
                    SessionKind.STRENGTH,
                    Status.DONE,
                    title=f"sets={count}",
                    notes="0",
                    sets=sets(rng, count),
                )
            )
            ids.append(saved.id)
            print(f"saved {saved.id} {count}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
