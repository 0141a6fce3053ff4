"""A questionnaire compiled for scoring: conditions and scoring rules turned into functions once,
so that scoring an assessment is a single pass over plain Python objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scoring.answers import Special
from scoring.conditions import Test, compile_condition, referenced_questions
from scoring.model import (
    Advice,
    MultipleChoice,
    Number,
    QuestionBase,
    Questionnaire,
    Recommendation,
    Scale,
    Section,
    SingleChoice,
    YesNo,
)

Scorer = Callable[[Any], float]
Trigger = Callable[[Any], bool]


@dataclass(frozen=True, slots=True)
class AdvicePlan:
    advice: Advice
    applies: Trigger


@dataclass(frozen=True, slots=True)
class QuestionPlan:
    question: QuestionBase
    section: Section
    visible: Test
    scored: bool
    score: Scorer
    red_flag: Trigger | None
    advice: tuple[AdvicePlan, ...]
    # Advice for a "don't know" answer: its own, or else what the worst answer would get.
    dont_know_advice: tuple[Advice, ...]


@dataclass(frozen=True, slots=True)
class SectionPlan:
    section: Section
    visible: Test
    questions: tuple[QuestionPlan, ...]


@dataclass(frozen=True, slots=True)
class RecommendationPlan:
    recommendation: Recommendation
    applies: Test | None  # for `when`
    questions: tuple[str, ...]  # the scored questions `when` depends on


@dataclass(frozen=True, slots=True)
class Plan:
    questionnaire: Questionnaire
    sections: tuple[SectionPlan, ...]
    questions: dict[str, QuestionPlan]
    recommendations: tuple[RecommendationPlan, ...]


_cache: dict[int, tuple[Questionnaire, Plan]] = {}


def plan_for(questionnaire: Questionnaire) -> Plan:
    """The compiled plan, built once per questionnaire object (they are immutable)."""
    cached = _cache.get(id(questionnaire))
    if cached is not None and cached[0] is questionnaire:
        return cached[1]
    plan = _compile(questionnaire)
    if len(_cache) > 64:
        _cache.clear()
    _cache[id(questionnaire)] = (questionnaire, plan)
    return plan


def _compile(questionnaire: Questionnaire) -> Plan:
    sections = []
    questions: dict[str, QuestionPlan] = {}
    for section in questionnaire.sections:
        plans = []
        for question in section.questions:
            plan = _compile_question(question, section)
            plans.append(plan)
            questions[question.id] = plan
        sections.append(SectionPlan(section, compile_condition(section.show_if), tuple(plans)))
    recommendations = tuple(
        RecommendationPlan(
            rec,
            compile_condition(rec.when) if rec.when is not None else None,
            tuple(q for q in dict.fromkeys(referenced_questions(rec.when)) if q in questions and questions[q].scored),
        )
        for rec in questionnaire.recommendations
    )
    return Plan(questionnaire, tuple(sections), questions, recommendations)


def _compile_question(question: QuestionBase, section: Section) -> QuestionPlan:
    scored = section.scored and question.scored and getattr(question, "kind", "text") != "text"
    scorer = _scorer(question)
    advice = tuple(
        AdvicePlan(a, _trigger(question, a.answers, a.below, a.missing, a.dont_know)) for a in question.advice
    )
    red_flag = None
    if question.critical is not None:
        red_flag = _trigger(question, question.critical.answers, question.critical.below, None, False)
    return QuestionPlan(
        question=question,
        section=section,
        visible=compile_condition(question.show_if),
        scored=scored,
        score=scorer,
        red_flag=red_flag,
        advice=advice,
        dont_know_advice=_dont_know_advice(question, advice, scorer) if scored else (),
    )


def _scorer(question: QuestionBase) -> Scorer:
    if isinstance(question, SingleChoice):
        table = {o.value: float(o.score or 0.0) for o in question.options}
        return lambda value: table[value]
    if isinstance(question, MultipleChoice):
        table = {o.value: float(o.score or 0.0) for o in question.options}
        return lambda value: min(100.0, sum(table[v] for v in value))
    if isinstance(question, YesNo):
        table = {"yes": question.yes_score, "no": question.no_score}
        return lambda value: table[value]
    if isinstance(question, Scale):
        low, span = question.min, question.max - question.min
        return lambda value: (value - low) * 100.0 / span
    if isinstance(question, Number):
        bands = sorted(((b.at_least, b.score) for b in question.bands), reverse=True)
        first = bands[-1][1] if bands else 0.0

        def band_score(value: float) -> float:
            for at_least, score in bands:
                if value >= at_least:
                    return score
            return first

        return band_score
    return lambda value: 0.0


def _trigger(
    question: QuestionBase,
    answers: list[str] | None,
    below: float | None,
    missing: list[str] | None,
    dont_know: bool,
) -> Trigger:
    if dont_know:
        return lambda value: value is Special.dont_know
    if below is not None:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool) and value < below
    if missing is not None:
        wanted = frozenset(missing)
        return lambda value: isinstance(value, list) and not wanted <= set(value)
    codes = frozenset(answers or ())
    if isinstance(question, MultipleChoice):
        return lambda value: isinstance(value, list) and not codes.isdisjoint(value)
    return lambda value: isinstance(value, str) and value in codes


def _dont_know_advice(question: QuestionBase, advice: tuple[AdvicePlan, ...], scorer: Scorer) -> tuple[Advice, ...]:
    own = tuple(a.advice for a in advice if a.advice.dont_know)
    if own:
        return own
    worst = _worst_answer(question, scorer)
    if worst is None:
        return ()
    return tuple(a.advice for a in advice if a.applies(worst))


def _worst_answer(question: QuestionBase, scorer: Scorer) -> Any:
    if isinstance(question, SingleChoice):
        return min(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        return []
    if isinstance(question, YesNo):
        return "yes" if question.yes_score < question.no_score else "no"
    if isinstance(question, Scale):
        return question.min
    if isinstance(question, Number):
        if not question.bands:
            return None
        worst_band = min(question.bands, key=lambda b: b.score)
        return worst_band.at_least
    return None
