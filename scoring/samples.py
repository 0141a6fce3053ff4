"""Sample answers for a questionnaire: the best, the worst, or random (seeded) answers."""

from __future__ import annotations

import random
from typing import Literal

from scoring.answers import Answers, AnswerValue, Special
from scoring.model import FreeText, MultipleChoice, Number, QuestionBase, Questionnaire, Scale, SingleChoice, YesNo
from scoring.plan import plan_for

SampleProfile = Literal["best", "worst", "random"]


def sample_answers(questionnaire: Questionnaire, profile: SampleProfile, seed: int = 0) -> Answers:
    """Answers to every question that is visible given the answers before it.

    Profile questions (unscored) are answered so that as much of the questionnaire as possible
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
            value = _answer(qp.question, qp.scored, profile, rng)
            if value is not None:
                answers[qp.question.id] = value
    return answers


def _answer(question: QuestionBase, scored: bool, profile: SampleProfile, rng: random.Random) -> AnswerValue | None:
    if profile == "random":
        roll = rng.random()
        if not question.required and roll < 0.1:
            return None
        if question.allow_na and roll > 0.93:
            return Special.not_applicable
        if question.allow_dont_know and 0.86 < roll <= 0.93:
            return Special.dont_know
        return _random_value(question, rng)
    want_best = profile == "best" or not scored
    if isinstance(question, SingleChoice):
        if not scored:
            return question.options[0].value
        pick = max if want_best else min
        return pick(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        if want_best:
            return [o.value for o in question.options if not o.exclusive]
        return []
    if isinstance(question, YesNo):
        if not scored:
            return "yes"
        return "yes" if (question.yes_score >= question.no_score) == want_best else "no"
    if isinstance(question, Scale):
        return question.max if want_best else question.min
    if isinstance(question, Number):
        return _number_for(question, want_best)
    if isinstance(question, FreeText):
        return "Sample answer"
    return None


def _number_for(question: Number, best: bool) -> float:
    if question.bands:
        band = (max if best else min)(question.bands, key=lambda b: (b.score, -b.at_least if best else b.at_least))
        value = band.at_least
    else:
        value = question.min if question.min is not None else 0.0
    if question.min is not None:
        value = max(value, question.min)
    if question.max is not None:
        value = min(value, question.max)
    return int(value) if float(value).is_integer() else value


def _random_value(question: QuestionBase, rng: random.Random) -> AnswerValue:
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
        low = question.min if question.min is not None else 0.0
        high = (
            question.max if question.max is not None else max([low + 100.0, *(b.at_least * 2 for b in question.bands)])
        )
        return rng.randint(int(low), int(high)) if float(low).is_integer() else rng.uniform(low, high)
    return "Sample answer"
