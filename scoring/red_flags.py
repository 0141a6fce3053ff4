"""Red flags (`critical:`) sit on the lowest-scoring answers.

A red flag caps its section. On an answer that scores more than one that is not a red flag,
moving up to the better answer would lower the section score, and a best answer could be capped
below 100. So a red-flag answer may not score more than any answer that is not a red flag; on a
multiple-choice question only an exclusive option can be one (ticked with others it would cap
better answers too); `below:` on a number or scale flags the lowest-scoring range.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scoring.anchors import best_and_worst
from scoring.bands import read_bands
from scoring.problems import KeyPath
from scoring.raw import Found, as_dict, as_flag, as_list, as_num

RULE = "a red flag may not score more than any answer that is not one, or a better answer would cap the section"
BEST = "a best answer may not be a red flag, or the best answers could not reach 100"
EVERY = "so even the best answer caps the section; flag only the lowest-scoring answers"


def check_red_flag(question: dict[str, Any], path: KeyPath) -> Iterator[Found]:
    """`path`: the question's `critical`. Runs when it has exactly one trigger (else reported elsewhere)."""
    critical = as_dict(question.get("critical"))
    kind = question.get("kind")
    if "answers" in critical and "below" not in critical and kind in ("single_choice", "multiple_choice", "yes_no"):
        yield from _flagged_answers(question, as_list(critical["answers"]), path)
    elif "below" in critical and "answers" not in critical and kind in ("scale", "number"):
        below = as_num(critical["below"])
        if below is not None:
            yield from _flagged_range(question, below, (*path, "below"))


def _answers(question: dict[str, Any]) -> dict[str, tuple[float, bool]] | None:
    """Each answer code: (score, exclusive); None when a score is missing or invalid (reported elsewhere)."""
    if question.get("kind") == "yes_no":
        yes, no = as_num(question.get("yes_score", 100)), as_num(question.get("no_score", 0))
        return None if yes is None or no is None else {"yes": (yes, False), "no": (no, False)}
    found: dict[str, tuple[float, bool]] = {}
    for option in map(as_dict, as_list(question.get("options"))):
        score = as_num(option.get("score"))
        if score is None:
            return None
        found.setdefault(str(option.get("value")), (score, as_flag(option.get("exclusive"), False)))
    return found


def _flagged_answers(question: dict[str, Any], codes: list[Any], path: KeyPath) -> Iterator[Found]:
    answers = _answers(question)
    if not answers:
        return
    several = question.get("kind") == "multiple_choice"
    flagged = {str(code) for code in codes}
    others = [(repr(code), score) for code, (score, _) in answers.items() if code not in flagged]
    if several:
        others.append(("ticking no option", 0.0))  # an empty answer is valid and raises no flag
    elif not others:
        yield (*path, "answers"), "error", f"every answer is a red flag, {EVERY}"
        return
    name, lowest = min(others, key=lambda other: other[1])
    best = best_and_worst(question)[0]
    for i, code in enumerate(map(str, codes)):
        if code not in answers:
            continue  # not an answer of this question: reported by the trigger check
        score, exclusive = answers[code]
        if several and not exclusive:
            message = (
                f"{code!r} can be ticked together with other options, so its red flag would cap better answers "
                "too; only an exclusive option (such as 'none of these') can be a red flag"
            )
            yield (*path, "answers", i), "error", message
        elif best is not None and score >= best:
            yield (*path, "answers", i), "error", f"the red-flag answer {code!r} is a best answer ({score:g}); {BEST}"
        elif score > lowest:
            message = f"the red-flag answer {code!r} scores {score:g}, more than {name} ({lowest:g}); {RULE}"
            yield (*path, "answers", i), "error", message


def _flagged_range(question: dict[str, Any], below: float, path: KeyPath) -> Iterator[Found]:
    scale = question.get("kind") == "scale"
    low, high = as_num(question.get("min")), as_num(question.get("max"))
    if scale:
        low, high = (1.0 if low is None else low), (5.0 if high is None else high)
    if low is not None and high is not None and low >= high:
        return  # reported as a range error
    if low is not None and below <= low:
        yield path, "error", f"this red flag never applies: no answer is below {below:g} (min is {low:g})"
    elif high is not None and below > high:
        yield path, "error", f"every answer is below {below:g} (max is {high:g}), {EVERY}"
    elif not scale:  # a scale scores evenly upwards, so its lowest answers are always the lowest-scoring
        bands = read_bands(question)
        if bands is None:
            return
        flagged = [bands.scores[i] for i in bands.reached(bands.low, below, high_open=True)]
        other = min(bands.reached(below, bands.high), key=lambda i: bands.scores[i])
        best = max(bands.scores[i] for i in bands.reachable())
        if max(flagged) >= best:
            yield (
                path,
                "error",
                f"answers below {below:g} are red flags, yet some score {best:g}, the best score; {BEST}",
            )
        elif max(flagged) > bands.scores[other]:
            example = max(below, bands.starts[other])
            message = (
                f"answers below {below:g} are red flags, yet some score {max(flagged):g}, more than the answer "
                f"{example:g} ({bands.scores[other]:g} points), which is not a red flag; {RULE}"
            )
            yield path, "error", message
