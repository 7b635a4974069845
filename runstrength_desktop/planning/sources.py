"""Where the planner's advice comes from: the five articles the product is built on, by title
(each article's first line), and for every rule the point of the article it applies. A flag's
`source` is one of these texts, so `check` and its JSON cite the article a runner can look up.

One table, so a rule's citation is written once and docs/planning-rules.md can list them."""

from __future__ import annotations

from dataclasses import dataclass

# The articles, by the first line of each (the seeds' README describes what each adds).
ARTICLES = {
    "000": "Weight Training For Runners – Top 7 Exercises (2023 Update)",
    "001": "Why do runners need strength training?",
    "002": "Running Tips – Strength Training to be a Better Runner",
    "003": "The Complete Guide To Weightlifting for Runners",
    "004": "Should I Strength Train if I Want To Improve My Running?",
}


@dataclass(frozen=True)
class Source:
    article: str  # a key of ARTICLES
    point: str  # what the article says that the rule applies

    @property
    def title(self) -> str:
        return ARTICLES[self.article]

    def text(self) -> str:
        """'The Complete Guide To Weightlifting for Runners, mistake 1: ...'."""
        return f"{self.title}, {self.point}"


# Every rule's citation (rule id: source); some rules cite a second point for one of their
# cases (rule id + "." + case).
SOURCES = {
    "too_light": Source(
        "003", "mistake 1: lifting too light (weights you can do 12+ reps); lift about 75 % of max"
    ),
    "inconsistent": Source("003", "mistake 9: lifting inconsistently, one week in and one out"),
    "no_calf_work": Source(
        "003", "mistake 7: not strengthening the calves, the powerhouse of distance runners"
    ),
    "no_upper_or_core": Source(
        "003", "mistake 8: ignoring the upper body and core, which keep your form when tired"
    ),
    "lift_before_hard_run": Source(
        "003", "mistake 2: lifting within 24 hours before a hard running workout"
    ),
    "run_after_lift": Source("002", "on a day with both, run first: your running wants fresh legs"),
    "lift_too_soon_after_hard_run": Source(
        "003", "wait 3 hours before lifting weights after a hard workout"
    ),
    "hard_days_apart": Source(
        "003", "lift on hard running days, not on easy days unless in a base phase"
    ),
    "legs_before_long_run": Source("004", "avoid leg days right before long runs"),
    "short_recovery": Source("003", "allow your muscles to rest at least 48 hours"),
    "too_much_volume": Source(
        "003", "mistake 3: too much volume; 30-60 min of about 6 exercises, 2 hours a week"
    ),
    "no_progression": Source(
        "000", "progressive overload: more weight or more reps with the same weight"
    ),
    "no_deload": Source(
        "000", "a recovery week every 4th or 5th week at about 60 % of 1RM, half the reps"
    ),
    "taper": Source("003", "taper by dropping to one session a week for the last 2 weeks"),
    "missed_reps": Source("004", "too heavy when you can only do 6 or 7 of 10 reps"),
    "short_session": Source(
        "003", "each session 30-60 minutes of about 6 exercises with 2-3 sets of 10 reps"
    ),
    "injury_prevention": Source(
        "002", "injury prevention: do not ignore the hip abductors and adductors"
    ),
    "injury_prevention.single_leg": Source(
        "000",
        "single-leg deadlifts and pistols for balance; squats and single-leg hops "
        "reduce lower-body injuries",
    ),
    "injury_prevention.plyometric": Source(
        "001", "jump squats and one-legged hops for power, ankles and calves"
    ),
}


def source_text(key: str) -> str:
    return SOURCES[key].text()
