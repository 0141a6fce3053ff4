"""The scoring engine. `scoring/README.md` explains every rule here in plain words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from scoring.answers import AnswersError, AnswerValue, Meta, Special, check_answers
from scoring.model import Dimension, Questionnaire
from scoring.plan import PRIORITY_WEIGHT, ItemPlan, MaturityPlan, Plan, SectionPlan, plan_for
from scoring.result import (
    CriticalFlag,
    QuestionResult,
    RecommendationResult,
    Result,
    SectionResult,
)

QUICK_WIN_MIN_GAIN = 1.0  # points of the overall score
NA, DONT_KNOW = Special.not_applicable, Special.dont_know
_DEFAULT_META: dict[str, Any] = Meta().model_dump(mode="json")


def score(
    questionnaire: Questionnaire,
    answers: Mapping[str, AnswerValue],
    *,
    language: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Result:
    """Score one assessment. Raises AnswersError listing every answer (or meta field) that does not fit."""
    problems = check_answers(questionnaire, answers)
    meta_dict = _DEFAULT_META if meta is None else _checked_meta(meta, problems)
    if problems:
        raise AnswersError(problems)
    plan = plan_for(questionnaire)
    lang = language or (meta or {}).get("language") or ""
    if lang not in questionnaire.languages:
        lang = questionnaire.languages[0]
    # A fresh copy each time: a caller may change the result's meta.
    return _score(plan, answers, lang, {**meta_dict, "profile": dict(meta_dict.get("profile") or {})})


def _checked_meta(meta: Mapping[str, Any], problems: list[str]) -> dict[str, Any]:
    try:
        return Meta.model_validate(dict(meta)).model_dump(mode="json")
    except ValidationError as exc:
        problems.extend(f"meta.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return {}


@dataclass(slots=True)
class _Section:
    """A section's running sums, kept to work out what fixing an answer would gain."""

    result: SectionResult
    weighted: float = 0.0  # sum of weight x score
    weights: float = 0.0
    caps: dict[str, float] = field(default_factory=dict)  # question id -> cap
    scored: list[QuestionResult] = field(default_factory=list)
    # Advice triggered by an answer in this section, with that answer's question.
    advised: list[tuple[QuestionResult, ItemPlan]] = field(default_factory=list)


@dataclass(slots=True)
class _Run:
    """What one pass over the questionnaire collects besides the section scores."""

    answers: Mapping[str, AnswerValue]
    lang: str
    effective: dict[str, AnswerValue] = field(default_factory=dict)  # answers to shown questions
    questions: list[QuestionResult] = field(default_factory=list)
    hidden_answers: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    required: int = 0
    flags: list[CriticalFlag] = field(default_factory=list)


def _score(plan: Plan, answers: Mapping[str, AnswerValue], lang: str, meta: dict[str, Any]) -> Result:
    run = _Run(answers, lang)
    # One pass in document order: conditions only look at earlier answers.
    states = [_score_section(run, sp) for sp in plan.sections]
    assessed = [s for s in states if s.result.status == "assessed"]
    total = sum(s.result.weight for s in assessed)
    overall = sum(s.result.weight * s.result.score for s in assessed) / total if total else None  # type: ignore[operator]
    dimensions = _contributions(assessed, total)
    level = _maturity(plan, overall)
    required, missing = run.required, run.missing
    return Result(
        questionnaire_id=plan.questionnaire.id,
        questionnaire_version=plan.questionnaire.version,
        language=lang,
        meta=meta,
        overall=overall,
        maturity_level=level.level if level else None,
        maturity_name=level.name[lang] if level else None,
        maturity_description=level.description[lang] if level else None,
        complete=not missing,
        completion=(required - len(missing)) / required if required else 1.0,
        missing_required=missing,
        sections=[s.result for s in states],
        dimensions=dimensions,
        questions=run.questions,
        critical_flags=run.flags,
        knowledge_gaps=[q.id for q in run.questions if q.status == "dont_know"],
        hidden_answers=run.hidden_answers,
        recommendations=_recommendations(plan, run, assessed, total, overall),
    )


def _score_section(run: _Run, sp: SectionPlan) -> _Section:
    lang, answers, effective, questions = run.lang, run.answers, run.effective, run.questions
    section_id = sp.id
    result = SectionResult(section_id, sp.title[lang], sp.weight, "hidden" if sp.scored else "unscored")
    state = _Section(result)
    section_shown = sp.visible(effective)
    unanswered = answered = visible = 0
    weighted = weights = 0.0
    advised = state.advised
    for qp in sp.questions:
        q_id = qp.id
        value = answers.get(q_id)
        if not (section_shown and qp.visible(effective)):
            if value is not None:
                run.hidden_answers.append(q_id)
            questions.append(QuestionResult(q_id, section_id, qp.text[lang], qp.dimension, "hidden", value))
            continue
        if qp.required:
            run.required += 1
            if value is None:
                run.missing.append(q_id)
        if value is not None:
            effective[q_id] = value
        if not qp.scored:
            status = "unanswered" if value is None else "unscored"
            questions.append(QuestionResult(q_id, section_id, qp.text[lang], qp.dimension, status, value))
            continue
        visible += 1
        weight = qp.weight
        if value is None or value is NA:
            if value is None:
                status, unanswered = "unanswered", unanswered + 1
            else:
                status, answered = "not_applicable", answered + 1
            questions.append(QuestionResult(q_id, section_id, qp.text[lang], qp.dimension, status, value, None, weight))
            continue
        answered += 1
        if value is DONT_KNOW:
            status, points, flagged = "dont_know", 0.0, qp.dont_know_red_flag
        else:
            status, points = "answered", qp.score(value)
            red_flag = qp.red_flag
            flagged = red_flag is not None and red_flag(value)
        q_result = QuestionResult(q_id, section_id, qp.text[lang], qp.dimension, status, value, points, weight)
        if value is DONT_KNOW:
            for item in qp.dont_know_advice:
                advised.append((q_result, item))
        else:
            for advice in qp.advice:
                if advice.applies(value):
                    advised.append((q_result, advice.item))
        questions.append(q_result)
        state.scored.append(q_result)
        weighted += weight * points
        weights += weight
        if flagged:
            state.caps[q_id] = qp.cap  # type: ignore[assignment]
            run.flags.append(CriticalFlag(q_id, section_id, qp.cap, qp.cap_message[lang]))  # type: ignore[arg-type]
    result.visible, result.answered = visible, answered
    state.weighted, state.weights = weighted, weights
    if sp.scored and visible:
        if weights:
            result.status = "assessed"
            result.raw_score = weighted / weights
            result.cap = min(state.caps.values()) if state.caps else None
            result.score = result.raw_score if result.cap is None else min(result.raw_score, result.cap)
        else:
            result.status = "unanswered" if unanswered else "not_applicable"
    return state


def _contributions(assessed: list[_Section], total: float) -> dict[str, float | None]:
    """Each scored answer's share of the overall score, in points (before caps); and the dimensions,
    which weigh each question score by that same share."""
    sums = {d.value: [0.0, 0.0] for d in Dimension}
    for state in assessed:
        scale = state.result.weight / state.weights / total
        for q in state.scored:
            share = q.weight * scale
            q.max_contribution = 100.0 * share
            q.contribution = q.score * share  # type: ignore[operator]
            if q.dimension is not None:
                pair = sums[q.dimension]
                pair[0] += q.contribution
                pair[1] += q.max_contribution
    return {d: (100.0 * got / best if best else None) for d, (got, best) in sums.items()}


def _maturity(plan: Plan, overall: float | None) -> MaturityPlan | None:
    """The highest level reached, judged on the overall score as shown (2 decimals)."""
    if overall is None:
        return None
    shown = round(overall, 2)
    return next((lv for lv in plan.levels if lv.min_score <= shown), None)


# ---------------------------------------------------------------- recommendations


def _gain(states: Iterable[_Section], raised: set[str], total: float) -> float:
    """Points the overall score would rise if the `raised` questions got their best answer (100),
    all other answers staying as they are."""
    gain = 0.0
    for state in states:
        lift = sum(q.weight * (100.0 - q.score) for q in state.scored if q.id in raised)  # type: ignore[operator]
        if not lift and not raised.intersection(state.caps):
            continue
        new = (state.weighted + lift) / state.weights
        other_caps = [cap for q_id, cap in state.caps.items() if q_id not in raised]
        if other_caps:
            new = min(new, *other_caps)
        gain += (new - state.result.score) * state.result.weight / total  # type: ignore[operator]
    return gain


def _gain_one(state: _Section, q: QuestionResult, total: float) -> float:
    """`_gain` for one question, without the general bookkeeping (this runs for most advice)."""
    new = (state.weighted + q.weight * (100.0 - q.score)) / state.weights  # type: ignore[operator]
    if state.caps:
        other_caps = [cap for q_id, cap in state.caps.items() if q_id != q.id]
        if other_caps:
            new = min(new, *other_caps)
    return (new - state.result.score) * state.result.weight / total  # type: ignore[operator]


def _recommendations(
    plan: Plan, run: _Run, assessed: list[_Section], total: float, overall: float | None
) -> list[RecommendationResult]:
    lang = run.lang
    found: dict[str, RecommendationResult] = {}
    for state in assessed:
        for q, item in state.advised:
            if item.id not in found:
                found[item.id] = _recommendation(item, lang, q.id, q.section, _gain_one(state, q, total))
    by_id: dict[str, SectionResult] | None = None
    for rp in plan.recommendations:
        item = rp.item
        if item.id in found:
            continue
        if rp.when is not None:
            if rp.when(run.effective):
                gain = _gain(assessed, set(rp.questions), total) if total else 0.0
                found[item.id] = _recommendation(item, lang, None, None, gain)
        elif rp.band_section == "overall":
            if overall is not None and round(overall, 2) < rp.band_below:
                found[item.id] = _recommendation(item, lang, None, None, rp.band_below - overall)
        elif rp.band_section is not None:
            if by_id is None:
                by_id = {s.result.id: s.result for s in assessed}
            section = by_id.get(rp.band_section)
            if section is not None and round(section.score, 2) < rp.band_below:  # type: ignore[arg-type]
                gain = (rp.band_below - section.score) * section.weight / total  # type: ignore[operator]
                found[item.id] = _recommendation(item, lang, None, section.id, gain)
    return sorted(found.values(), key=_rank_order)


def _rank_order(rec: RecommendationResult) -> tuple[float, float, float, str]:
    """Highest rank first; on a tie, higher priority, then larger gain, then by id."""
    return (-rec.rank, -PRIORITY_WEIGHT[rec.priority], -rec.gain, rec.id)


def _recommendation(
    item: ItemPlan, lang: str, question: str | None, section: str | None, gain: float
) -> RecommendationResult:
    gain = max(gain, 0.0)
    quick_win = False
    if item.effort == "low":
        # Judged on the gain as shown (2 decimals), so the plan and the rule agree.
        quick_win = round(gain, 2) >= QUICK_WIN_MIN_GAIN
    return RecommendationResult(
        item.id,
        question,
        section,
        item.title[lang],
        item.action[lang],
        item.priority,
        item.effort,
        gain,
        # One point is added so that advice with no direct score effect still ranks by its priority.
        item.rank_weight * (1.0 + gain),
        quick_win,
        item.services[lang],
    )
