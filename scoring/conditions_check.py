"""A condition's test must fit the question it looks at, or it could never be true.

Answers to scale and number questions are numbers (`conditions.py` compares them as numbers), so
`equals: high` on a scale never matches, nor `equals: 7` on a 1-5 scale.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scoring.problems import KeyPath
from scoring.raw import Found, as_dict, as_list, as_num

CHOICE_KINDS = ("single_choice", "multiple_choice")
NUMBER_KINDS = ("scale", "number")
COMPARISONS = ("gt", "gte", "lt", "lte")
CODE_TESTS = ("equals", "not_equals", "in", "not_in")


def answer_codes(question: dict[str, Any]) -> set[str] | None:
    """The answer codes a question accepts, or None when any number/text goes (or the kind is unknown)."""
    kind = question.get("kind")
    if kind in CHOICE_KINDS:
        values = (as_dict(o).get("value") for o in as_list(question.get("options")))
        return {value for value in values if isinstance(value, str) and value}
    if kind == "yes_no":
        return {"yes", "no"}
    return None


def codes_text(allowed: set[str]) -> str:
    return ", ".join(repr(code) for code in sorted(allowed))


def check_operator(
    question: dict[str, Any], operator: str, condition: dict[str, Any], path: KeyPath
) -> Iterator[Found]:
    kind = question.get("kind")
    q_id = question.get("id")
    if operator == "contains" and kind != "multiple_choice":
        yield (*path, operator), "error", f"contains: only works on multiple-choice questions; {q_id!r} is {kind}"
        return
    if operator in COMPARISONS and kind not in NUMBER_KINDS:
        yield (*path, operator), "error", f"{operator}: only works on number and scale questions; {q_id!r} is {kind}"
        return
    if operator in CODE_TESTS and kind == "multiple_choice":
        yield (*path, operator), "error", f"use contains: for the multiple-choice question {q_id!r}"
        return
    if operator not in CODE_TESTS:
        return
    codes = as_list(condition.get(operator)) if operator in ("in", "not_in") else [condition.get(operator)]
    allowed = answer_codes(question)
    for i, code in enumerate(codes):
        where = (*path, operator, i) if operator in ("in", "not_in") else (*path, operator)
        if code is None:
            continue  # the model reports an empty code
        if kind in NUMBER_KINDS:
            if (message := _never_a_number_answer(question, str(code))) is not None:
                yield where, "error", message
        elif allowed and str(code) not in allowed:
            yield where, "error", f"{code!r} is not an answer of question {q_id!r} (use one of {codes_text(allowed)})"


def _never_a_number_answer(question: dict[str, Any], code: str) -> str | None:
    """Why `code` can never be an answer of this scale or number question, or None when it can."""
    q_id, kind = question.get("id"), question.get("kind")
    value = as_num(code)
    if value is None:
        return (
            f"{code!r} is not a number, but the {kind} question {q_id!r} is answered with numbers, so this "
            "test is never true; write a number (or use gt:, gte:, lt:, lte:)"
        )
    low, high = as_num(question.get("min")), as_num(question.get("max"))
    if kind == "scale":
        low, high = (1.0 if low is None else low), (5.0 if high is None else high)
        if not value.is_integer() or not low <= value <= high:
            whole = f"whole numbers from {low:g} to {high:g}"
            return f"{code} is never an answer of the scale {q_id!r}: its answers are {whole}"
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        limits = " and ".join(
            f"{name} is {limit:g}" for name, limit in (("min", low), ("max", high)) if limit is not None
        )
        return f"{code} is never an answer of the number question {q_id!r}: {limits}"
    return None
