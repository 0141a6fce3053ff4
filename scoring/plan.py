"""A questionnaire compiled for scoring: conditions, scoring rules and texts turned into plain Python
objects once, so that scoring an assessment is a single pass with no model look-ups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scoring.compiled import once_per_questionnaire
from scoring.conditions import Test, compile_condition, referenced_questions
from scoring.model import (
    LANGUAGES,
    Advice,
    MultipleChoice,
    Number,
    QuestionBase,
    Questionnaire,
    Recommendation,
    Scale,
    SingleChoice,
    Text,
    YesNo,
)
from scoring.result import ServiceRef

Scorer = Callable[[Any], float]
Trigger = Callable[[Any], bool]
ByLanguage = dict[str, str]

PRIORITY_WEIGHT: dict[str, float] = {"high": 3.0, "medium": 2.0, "low": 1.0}


def texts(text: Text | None) -> ByLanguage:
    """The text in every language the engine can be asked for (with the model's fallbacks)."""
    return {lang: (text.get(lang) if text is not None else "") for lang in LANGUAGES}


@dataclass(frozen=True, slots=True)
class ItemPlan:
    """Advice of a question, or a top-level recommendation, with its texts ready."""

    id: str
    priority: str
    effort: str
    rank_weight: float  # from the priority
    title: ByLanguage
    action: ByLanguage
    services: dict[str, tuple[ServiceRef, ...]]


@dataclass(frozen=True, slots=True)
class AdvicePlan:
    item: ItemPlan
    applies: Trigger


@dataclass(frozen=True, slots=True)
class QuestionPlan:
    id: str
    section: str
    question: QuestionBase
    text: ByLanguage
    dimension: str | None
    weight: float
    required: bool
    visible: Test
    scored: bool
    score: Scorer
    red_flag: Trigger | None
    cap: float | None
    cap_message: ByLanguage
    advice: tuple[AdvicePlan, ...]  # triggered by answers (not by "don't know")
    # "Don't know" counts as the worst answer: its cap (when that answer is a red flag) and its advice.
    dont_know_red_flag: bool
    dont_know_advice: tuple[ItemPlan, ...]
    best: Any  # the best answer, None for unscored questions
    worst: Any


@dataclass(frozen=True, slots=True)
class SectionPlan:
    id: str
    title: ByLanguage
    weight: float
    scored: bool
    visible: Test
    questions: tuple[QuestionPlan, ...]


@dataclass(frozen=True, slots=True)
class RecommendationPlan:
    item: ItemPlan
    when: Test | None
    questions: tuple[str, ...]  # the scored questions `when` depends on
    band_section: str | None  # `score_below`: a section id or "overall"
    band_below: float


@dataclass(frozen=True, slots=True)
class MaturityPlan:
    level: int
    min_score: float
    name: ByLanguage
    description: ByLanguage


@dataclass(frozen=True, slots=True)
class Plan:
    questionnaire: Questionnaire
    sections: tuple[SectionPlan, ...]
    questions: dict[str, QuestionPlan]
    recommendations: tuple[RecommendationPlan, ...]
    levels: tuple[MaturityPlan, ...]  # highest threshold first


@once_per_questionnaire
def plan_for(questionnaire: Questionnaire) -> Plan:
    """The compiled plan, built once per questionnaire object (they are immutable)."""
    services = {
        s.id: {
            lang: ServiceRef(s.id, s.name.get(lang), s.provider.get(lang), s.region.value, s.url) for lang in LANGUAGES
        }
        for s in questionnaire.services
    }
    sections = []
    questions: dict[str, QuestionPlan] = {}
    for section in questionnaire.sections:
        plans = []
        for question in section.questions:
            plan = _compile_question(question, section.id, section.scored, services)
            plans.append(plan)
            questions[question.id] = plan
        sections.append(
            SectionPlan(
                section.id,
                texts(section.title),
                section.weight,
                section.scored,
                compile_condition(section.show_if),
                tuple(plans),
            )
        )
    recommendations = tuple(_compile_recommendation(rec, questions, services) for rec in questionnaire.recommendations)
    levels = tuple(
        MaturityPlan(lv.level, lv.min_score, texts(lv.name), texts(lv.description))
        for lv in sorted(questionnaire.maturity_levels, key=lambda lv: lv.min_score, reverse=True)
    )
    return Plan(questionnaire, tuple(sections), questions, recommendations, levels)


def _item(item: Advice | Recommendation, services: dict[str, dict[str, ServiceRef]]) -> ItemPlan:
    ids = [sid for sid in dict.fromkeys(item.services) if sid in services]  # each service listed once
    return ItemPlan(
        item.id,
        item.priority.value,
        item.effort.value,
        PRIORITY_WEIGHT[item.priority.value],
        texts(item.title),
        texts(item.action),
        {lang: tuple(services[sid][lang] for sid in ids) for lang in LANGUAGES},
    )


def _compile_recommendation(
    rec: Recommendation, questions: dict[str, QuestionPlan], services: dict[str, dict[str, ServiceRef]]
) -> RecommendationPlan:
    depends = tuple(q for q in dict.fromkeys(referenced_questions(rec.when)) if q in questions and questions[q].scored)
    band = rec.score_below
    return RecommendationPlan(
        _item(rec, services),
        compile_condition(rec.when) if rec.when is not None else None,
        depends,
        band.section if band is not None else None,
        band.below if band is not None else 0.0,
    )


def _compile_question(
    question: QuestionBase, section_id: str, section_scored: bool, services: dict[str, dict[str, ServiceRef]]
) -> QuestionPlan:
    scored = section_scored and question.scored and getattr(question, "kind", "text") != "text"
    scorer = _scorer(question)
    advice = tuple(
        AdvicePlan(_item(a, services), _trigger(question, a.answers, a.below, a.missing))
        for a in question.advice
        if not a.dont_know
    )
    critical = question.critical
    red_flag = _trigger(question, critical.answers, critical.below, None) if critical else None
    best = worst = None
    if scored:
        best, worst = _best_answer(question, scorer, red_flag), _worst_answer(question, scorer)
    own = tuple(_item(a, services) for a in question.advice if a.dont_know)
    worst_advice = tuple(a.item for a in advice if a.applies(worst)) if worst is not None else ()
    return QuestionPlan(
        id=question.id,
        section=section_id,
        question=question,
        text=texts(question.text),
        dimension=question.dimension.value if question.dimension else None,
        weight=question.weight,
        required=question.required,
        visible=compile_condition(question.show_if),
        scored=scored,
        score=scorer,
        red_flag=red_flag,
        cap=critical.cap if critical else None,
        cap_message=texts(critical.message if critical else None),
        advice=advice,
        dont_know_red_flag=bool(red_flag is not None and worst is not None and red_flag(worst)),
        dont_know_advice=own or worst_advice,
        best=best,
        worst=worst,
    )


def _scorer(question: QuestionBase) -> Scorer:
    if isinstance(question, SingleChoice):
        table = {o.value: float(o.score or 0.0) for o in question.options}
        return table.__getitem__
    if isinstance(question, MultipleChoice):
        table = {o.value: float(o.score or 0.0) for o in question.options}
        return lambda value: min(100.0, sum(map(table.__getitem__, value)))
    if isinstance(question, YesNo):
        table = {"yes": float(question.yes_score), "no": float(question.no_score)}
        return table.__getitem__
    if isinstance(question, Scale):
        low, span = question.min, question.max - question.min
        return lambda value: (value - low) * 100.0 / span
    if isinstance(question, Number):
        bands = sorted(((b.at_least, float(b.score)) for b in question.bands), reverse=True)
        # A value below every band counts as in the lowest band (the validator makes it cover `min`).
        lowest = bands[-1][1] if bands else 0.0

        def band_score(value: float) -> float:
            for at_least, score in bands:
                if value >= at_least:
                    return score
            return lowest

        return band_score
    return lambda value: 0.0


def _trigger(
    question: QuestionBase, answers: list[str] | None, below: float | None, missing: list[str] | None
) -> Trigger:
    """A test of a plain, valid answer (the engine deals with "not applicable" and "don't know" itself)."""
    if below is not None:
        return lambda value: value < below
    if missing is not None:
        wanted = frozenset(missing)
        return lambda value: not wanted.issubset(value)
    codes = frozenset(answers or ())
    if isinstance(question, MultipleChoice):
        return lambda value: not codes.isdisjoint(value)
    return codes.__contains__


def _number_candidates(question: Scale | Number) -> list[float]:
    """Answers worth trying for the best and worst: the range ends and each band's start, in range."""
    if isinstance(question, Scale):
        return [question.min, question.max]
    low, high = question.min, question.max
    values = [b.at_least for b in question.bands] + [v for v in (low, high) if v is not None]
    clamped = {min(max(v, low if low is not None else v), high if high is not None else v) for v in values}
    return sorted(int(v) if float(v).is_integer() else v for v in clamped)


def _worst_answer(question: QuestionBase, scorer: Scorer) -> Any:
    """The lowest-scoring answer (the first listed when several tie)."""
    if isinstance(question, SingleChoice):
        return min(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        # An exclusive "none of these" scoring 0 is what a respondent would pick; else no option at all.
        nothing = [o for o in question.options if o.exclusive and not o.score]
        return [nothing[0].value] if nothing else []
    if isinstance(question, YesNo):
        return "yes" if question.yes_score < question.no_score else "no"
    if isinstance(question, (Scale, Number)):
        return min(_number_candidates(question), key=scorer, default=None)
    return None


def _best_answer(question: QuestionBase, scorer: Scorer, red_flag: Trigger | None) -> Any:
    """The highest-scoring answer (the first listed when several tie)."""
    if isinstance(question, SingleChoice):
        return max(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        # Every option that adds points and raises no red flag, unless one exclusive option does better.
        combined = [o.value for o in question.options if not o.exclusive and o.score]
        combined = [v for v in combined if red_flag is None or not red_flag([v])]
        alone = [[o.value] for o in question.options if o.exclusive]
        return max([combined, *alone], key=scorer)
    if isinstance(question, YesNo):
        return "yes" if question.yes_score >= question.no_score else "no"
    if isinstance(question, (Scale, Number)):
        return max(_number_candidates(question), key=scorer, default=None)
    return None
