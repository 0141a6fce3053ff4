"""Sample answers for a questionnaire: the best, the worst, or random (seeded) answers."""

from __future__ import annotations

import random
from typing import Literal

from scoring.answers import Answers, AnswerValue, Special
from scoring.model import FreeText, MultipleChoice, Number, QuestionBase, Questionnaire, Scale, SingleChoice, YesNo
from scoring.plan import QuestionPlan, plan_for

SampleProfile = Literal["best", "worst", "random"]
SAMPLE_TEXT = "Sample answer"


def sample_answers(questionnaire: Questionnaire, profile: SampleProfile, seed: int = 0) -> Answers:
    """Answers to every question that is visible given the answers before it.

    `best` and `worst` give each scored question its best (100) or worst (0) answer. Unscored
    questions (the company profile) are answered so that as much of the questionnaire as possible
    is shown: the first option, "yes", every option. `random` also skips optional questions and
    uses "not applicable" / "don't know" where they are offered.
    """
    rng = random.Random(seed)
    answers: Answers = {}
    for section_plan in plan_for(questionnaire).sections:
        if not section_plan.visible(answers):
            continue
        for qp in section_plan.questions:
            if not qp.visible(answers):
                continue
            value = _random_answer(qp.question, rng) if profile == "random" else _fixed_answer(qp, profile)
            if value is not None:
                answers[qp.id] = value
    return answers


def _fixed_answer(qp: QuestionPlan, profile: SampleProfile) -> AnswerValue | None:
    if qp.scored:
        return qp.best if profile == "best" else qp.worst  # type: ignore[no-any-return]
    question = qp.question
    if isinstance(question, SingleChoice):
        return question.options[0].value
    if isinstance(question, MultipleChoice):
        return [o.value for o in question.options if not o.exclusive]
    if isinstance(question, YesNo):
        return "yes"
    if isinstance(question, (Scale, Number)):
        return _in_range(question, question.min if question.min is not None else 0)
    if isinstance(question, FreeText):
        return SAMPLE_TEXT[: question.max_length]
    return None


def _random_answer(question: QuestionBase, rng: random.Random) -> AnswerValue | None:
    roll = rng.random()
    if not question.required and roll < 0.1:
        return None
    if question.allow_na and roll > 0.93:
        return Special.not_applicable
    if question.allow_dont_know and 0.86 < roll <= 0.93:
        return Special.dont_know
    if isinstance(question, SingleChoice):
        return rng.choice(question.options).value
    if isinstance(question, MultipleChoice):
        plain = [o.value for o in question.options if not o.exclusive]
        exclusive = [o.value for o in question.options if o.exclusive]
        if exclusive and rng.random() < 0.2:
            return [rng.choice(exclusive)]
        return [v for v in plain if rng.random() < 0.5]
    if isinstance(question, YesNo):
        return rng.choice(["yes", "no"])
    if isinstance(question, Scale):
        return rng.randint(question.min, question.max)
    if isinstance(question, Number):
        return _random_number(question, rng)
    if isinstance(question, FreeText):
        return SAMPLE_TEXT[: question.max_length]
    return None


def _random_number(question: Number, rng: random.Random) -> int | float:
    """A number in range, preferably whole, from a span reaching past the bands on either side."""
    starts = [b.at_least for b in question.bands] or [0.0]
    low, high = question.min, question.max
    if low is None:
        low = min(starts[0], high if high is not None else starts[0]) - 100
    if high is None:
        high = max(low, starts[-1] * 2) + 100
    value = rng.uniform(low, high)
    whole = round(value)
    return whole if low <= whole <= high else value


def _in_range(question: Scale | Number, value: float) -> int | float:
    if question.min is not None:
        value = max(value, question.min)
    if question.max is not None:
        value = min(value, question.max)
    return int(value) if float(value).is_integer() else value
