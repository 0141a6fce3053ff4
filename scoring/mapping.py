"""Carry answers from one questionnaire version to another, by question id."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.answers import Answers, answer_problem
from scoring.model import Questionnaire


@dataclass(frozen=True, slots=True)
class Dropped:
    question: str
    reason: str


def map_answers(old: Questionnaire, new: Questionnaire, answers: Answers) -> tuple[Answers, list[Dropped]]:
    """The answers that still fit `new`, and those that could not be carried over, with why.

    An answer is kept when `new` has a question with the same id and kind and the answer is valid
    for it (the option still exists, the number is in range, "don't know" is still offered ...).
    """
    old_kinds = {q.id: getattr(q, "kind", None) for _, q in old.all_questions()}
    new_questions = {q.id: q for _, q in new.all_questions()}
    kept: Answers = {}
    dropped: list[Dropped] = []
    for question_id, value in answers.items():
        question = new_questions.get(question_id)
        if question is None:
            dropped.append(Dropped(question_id, f"the question is not in {new.id} {new.version}"))
            continue
        old_kind, new_kind = old_kinds.get(question_id), getattr(question, "kind", None)
        if old_kind is not None and old_kind != new_kind:
            dropped.append(Dropped(question_id, f"the question changed from {old_kind} to {new_kind}"))
            continue
        problem = answer_problem(question, value)
        if problem:
            dropped.append(Dropped(question_id, problem))
            continue
        kept[question_id] = value
    return kept, dropped
