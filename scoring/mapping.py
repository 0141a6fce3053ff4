"""Carry answers from one questionnaire version to another, by question id."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.answers import Answers, answer_problem
from scoring.model import QuestionBase, Questionnaire, Scale


@dataclass(frozen=True, slots=True)
class Dropped:
    question: str
    reason: str


def map_answers(old: Questionnaire, new: Questionnaire, answers: Answers) -> tuple[Answers, list[Dropped]]:
    """The answers that still fit `new`, and those that could not be carried over, with why.

    An answer is kept when `new` has a question with the same id and kind, the answer is valid
    for it (the option still exists, the number is in range, "don't know" is still offered ...)
    and, for a scale, the steps are the same (a 5 out of 5 is not a 5 out of 10).
    """
    old_questions = {q.id: q for _, q in old.all_questions()}
    new_questions = {q.id: q for _, q in new.all_questions()}
    kept: Answers = {}
    dropped: list[Dropped] = []
    for question_id, value in answers.items():
        question = new_questions.get(question_id)
        if question is None:
            dropped.append(Dropped(question_id, f"the question is not in {new.id} {new.version}"))
            continue
        reason = _changed(old_questions.get(question_id), question) or answer_problem(question, value)
        if reason:
            dropped.append(Dropped(question_id, reason))
        else:
            kept[question_id] = value
    return kept, dropped


def _changed(old: QuestionBase | None, new: QuestionBase) -> str | None:
    """Why an answer to `old` means something else for `new`, or None."""
    if old is None:
        return None
    old_kind, new_kind = getattr(old, "kind", None), getattr(new, "kind", None)
    if old_kind != new_kind:
        return f"the question changed from {old_kind} to {new_kind}"
    if isinstance(old, Scale) and isinstance(new, Scale) and (old.min, old.max) != (new.min, new.max):
        return f"the scale changed from {old.min}-{old.max} to {new.min}-{new.max}"
    return None
