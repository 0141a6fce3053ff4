"""Scores stay comparable: in a scored question the best possible answer scores 100 and the worst 0.

"Possible" counts: a band outside a number question's min..max is never reached, so it cannot
be what anchors the question at 0 or 100.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scoring.bands import Bands, read_bands
from scoring.problems import KeyPath
from scoring.raw import Found, as_dict, as_flag, as_list, as_num

CHOICE_KINDS = ("single_choice", "multiple_choice")
BEST = "the best answer must score 100 so that scores are comparable (the best here scores {:g})"
WORST = "the worst answer must score 0 so that scores are comparable (the worst here scores {:g})"


def check_anchors(question: dict[str, Any], q_path: KeyPath) -> Iterator[Found]:
    if question.get("kind") == "number":
        yield from _check_band_order(question, q_path)
        bands = read_bands(question)
        if bands is not None:
            yield from _number_anchors(bands, q_path)
            return
    best, worst = best_and_worst(question)
    if best is not None and best != 100:
        yield q_path, "error", BEST.format(best)
    if worst is not None and worst != 0:
        yield q_path, "error", WORST.format(worst)


def best_and_worst(question: dict[str, Any]) -> tuple[float | None, float | None]:
    """Best and worst possible scores; (None, None) when a score is missing or invalid (reported elsewhere)."""
    kind = question.get("kind")
    options = [as_dict(o) for o in as_list(question.get("options"))]
    given = [o.get("score") for o in options]
    given += [as_dict(b).get("score") for b in as_list(question.get("bands"))]
    given += [question[key] for key in ("yes_score", "no_score") if key in question]
    if any((n := as_num(score)) is None or not 0 <= n <= 100 for score in given if score is not None):
        return None, None
    if kind in CHOICE_KINDS:
        scored = [(o, s) for o in options if (s := as_num(o.get("score"))) is not None]
        if not scored:
            return None, None
        if kind == "multiple_choice":
            # Ticked together, or one exclusive option alone ("none of these" may be the best answer);
            # ticking nothing scores 0.
            together = min(100.0, sum(s for o, s in scored if not as_flag(o.get("exclusive"), False)))
            alone = [s for o, s in scored if as_flag(o.get("exclusive"), False)]
            return max([together, *alone]), 0.0
        scores = [s for _, s in scored]
        return max(scores), min(scores)
    if kind == "yes_no":
        yes = as_num(question.get("yes_score"))
        no = as_num(question.get("no_score"))
        yes = 100.0 if yes is None else yes
        no = 0.0 if no is None else no
        return max(yes, no), min(yes, no)
    if kind == "number":
        scores = [s for b in as_list(question.get("bands")) if (s := as_num(as_dict(b).get("score"))) is not None]
        return (max(scores), min(scores)) if scores else (None, None)
    return 100.0, 0.0  # scale: linear from 0 to 100


def _check_band_order(question: dict[str, Any], q_path: KeyPath) -> Iterator[Found]:
    bands = as_list(question.get("bands"))
    if not bands:
        yield (*q_path, "bands"), "error", "a scored number question needs bands (at_least: ..., score: ...)"
    previous: float | None = None
    for b_index, band in enumerate(bands):
        at_least = as_num(as_dict(band).get("at_least"))
        if at_least is None:
            continue
        if previous is not None and at_least <= previous:
            yield (
                (*q_path, "bands", b_index, "at_least"),
                "error",
                f"bands must rise: {at_least:g} is not above {previous:g}",
            )
        previous = at_least
    low = as_num(question.get("min"))
    first = as_num(as_dict(bands[0]).get("at_least")) if bands else None
    if low is not None and first is not None and first > low:
        yield (
            (*q_path, "bands", 0, "at_least"),
            "error",
            f"the first band must cover min ({low:g}); it starts at {first:g}",
        )


def _number_anchors(bands: Bands, q_path: KeyPath) -> Iterator[Found]:
    """Anchors among the bands an answer within min..max can reach; say which limit cuts off 0 or 100."""
    reach = bands.reachable()
    scores = bands.scores
    best, worst = max(scores[i] for i in reach), min(scores[i] for i in reach)
    unreached_above = unreached_below = True  # still to be warned about, band by band
    if best != 100 and max(scores) == 100:
        start = min(bands.starts[i] for i, s in enumerate(scores) if s == 100)
        message = (
            f"no answer can score 100: the band scoring 100 starts at {start:g}, above max ({bands.high:g}); "
            "raise max or lower that band's at_least"
        )
        yield (*q_path, "max"), "error", message
        unreached_above = False
    elif best != 100:
        yield q_path, "error", BEST.format(best)
    if worst != 0 and min(scores) == 0:
        end = bands.starts[max(i for i, s in enumerate(scores) if s == 0) + 1]
        message = (
            f"no answer can score 0: the band scoring 0 ends where the next band starts ({end:g}), "
            f"and min is {bands.low:g}; lower min or raise the next band's at_least"
        )
        yield (*q_path, "min"), "error", message
        unreached_below = False
    elif worst != 0:
        yield q_path, "error", WORST.format(worst)
    for i in range(len(scores)):
        if i in reach:
            continue
        above = i and bands.starts[i] > bands.high
        if above and unreached_above:
            message = f"no answer can reach this band: it starts above max ({bands.high:g})"
            yield (*q_path, "bands", i, "at_least"), "warning", message
        elif not above and unreached_below:
            following = bands.starts[i + 1]
            message = (
                f"no answer falls in this band: the next band starts at {following:g}, not above min ({bands.low:g})"
            )
            yield (*q_path, "bands", i, "at_least"), "warning", message
