"""The scoring engine. `scoring/README.md` explains every rule here in plain words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.answers import AnswersError, AnswerValue, Special, check_answers
from scoring.model import Dimension, Questionnaire, Recommendation
from scoring.plan import Plan, QuestionPlan, plan_for
from scoring.result import (
    CriticalFlag,
    QuestionResult,
    RecommendationResult,
    Result,
    SectionResult,
    ServiceRef,
)

PRIORITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}
QUICK_WIN_MIN_GAIN = 1.0  # points of the overall score


def score(
    questionnaire: Questionnaire,
    answers: Mapping[str, AnswerValue],
    *,
    language: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Result:
    """Score one assessment. Raises AnswersError listing every answer that does not fit."""
    problems = check_answers(questionnaire, dict(answers))
    if problems:
        raise AnswersError(problems)
    lang = language or (meta or {}).get("language") or questionnaire.languages[0]
    return _Scoring(plan_for(questionnaire), answers, lang, meta or {}).run()


class _Scoring:
    def __init__(self, plan: Plan, answers: Mapping[str, AnswerValue], lang: str, meta: dict[str, Any]) -> None:
        self.plan = plan
        self.answers = answers
        self.lang = lang
        self.meta = meta
        self.effective: dict[str, AnswerValue] = {}
        self.visible: dict[str, bool] = {}
        self.hidden_answers: list[str] = []

    def run(self) -> Result:
        self._resolve_visibility()
        sections, questions, flags = self._score_sections()
        total_weight = sum(s.weight for s in sections if s.status == "assessed")
        overall = None
        if total_weight:
            overall = sum(s.weight * (s.score or 0.0) for s in sections if s.status == "assessed") / total_weight
        self._contributions(sections, questions, total_weight)
        level = self._maturity(overall)
        required = [
            qp.question.id
            for qp in self.plan.questions.values()
            if self.visible[qp.question.id] and qp.question.required
        ]
        missing = [q for q in required if q not in self.effective]
        q_lang = self.lang
        return Result(
            questionnaire_id=self.plan.questionnaire.id,
            questionnaire_version=self.plan.questionnaire.version,
            language=q_lang,
            meta=self.meta,
            overall=overall,
            maturity_level=level.level if level else None,
            maturity_name=level.name.get(q_lang) if level else None,
            maturity_description=level.description.get(q_lang) if level else None,
            complete=not missing,
            completion=(len(required) - len(missing)) / len(required) if required else 1.0,
            missing_required=missing,
            sections=sections,
            dimensions=self._dimensions(questions),
            questions=questions,
            critical_flags=flags,
            knowledge_gaps=[q.id for q in questions if q.status == "dont_know"],
            hidden_answers=self.hidden_answers,
            recommendations=self._recommendations(sections, questions, total_weight),
        )

    def _resolve_visibility(self) -> None:
        """One pass in document order: conditions only look at earlier answers."""
        for section_plan in self.plan.sections:
            section_visible = section_plan.visible(self.effective)
            for qp in section_plan.questions:
                q_id = qp.question.id
                shown = section_visible and qp.visible(self.effective)
                self.visible[q_id] = shown
                value = self.answers.get(q_id)
                if value is None:
                    continue
                if shown:
                    self.effective[q_id] = value
                else:
                    self.hidden_answers.append(q_id)

    def _score_sections(self) -> tuple[list[SectionResult], list[QuestionResult], list[CriticalFlag]]:
        sections: list[SectionResult] = []
        questions: list[QuestionResult] = []
        flags: list[CriticalFlag] = []
        for section_plan in self.plan.sections:
            section = section_plan.section
            result = SectionResult(
                section.id, section.title.get(self.lang), section.weight, "unscored" if not section.scored else "hidden"
            )
            weighted = weights = 0.0
            caps: list[float] = []
            unanswered = 0
            for qp in section_plan.questions:
                question_result = self._score_question(qp)
                questions.append(question_result)
                if not qp.scored or question_result.status == "hidden":
                    continue
                result.visible += 1
                if question_result.status == "unanswered":
                    unanswered += 1
                    continue
                result.answered += 1
                if question_result.score is None:
                    continue  # not applicable
                weighted += qp.question.weight * question_result.score
                weights += qp.question.weight
                value = self.effective[qp.question.id]
                if qp.red_flag is not None and qp.red_flag(value):
                    critical = qp.question.critical
                    assert critical is not None
                    caps.append(critical.cap)
                    flags.append(
                        CriticalFlag(qp.question.id, section.id, critical.cap, critical.message.get(self.lang))
                    )
            if section.scored and result.visible:
                if weights:
                    result.status = "assessed"
                    result.raw_score = weighted / weights
                    result.score = min([result.raw_score, *caps])
                    result.cap = min(caps) if caps else None
                else:
                    result.status = "unanswered" if unanswered else "not_applicable"
            sections.append(result)
        return sections, questions, flags

    def _score_question(self, qp: QuestionPlan) -> QuestionResult:
        question = qp.question
        q_id = question.id
        result = QuestionResult(
            q_id,
            qp.section.id,
            question.text.get(self.lang),
            question.dimension.value if question.dimension else None,
            "unanswered",
            answer=self.answers.get(q_id),
            weight=question.weight,
        )
        if not self.visible[q_id]:
            result.status = "hidden"
        elif not qp.scored:
            result.status = "unscored" if q_id in self.effective else "unanswered"
        elif q_id in self.effective:
            value = self.effective[q_id]
            if value is Special.not_applicable:
                result.status = "not_applicable"
            elif value is Special.dont_know:
                result.status, result.score = "dont_know", 0.0
            else:
                result.status, result.score = "answered", qp.score(value)
        return result

    def _contributions(self, sections: list[SectionResult], questions: list[QuestionResult], total: float) -> None:
        """Each scored answer's share of the overall score, in points (before caps)."""
        if not total:
            return
        weights: dict[str, float] = {}
        for q in questions:
            if q.score is not None:
                weights[q.section] = weights.get(q.section, 0.0) + q.weight
        section_weight = {s.id: s.weight for s in sections if s.status == "assessed"}
        for q in questions:
            if q.score is None or q.section not in section_weight:
                continue
            share = section_weight[q.section] * q.weight / weights[q.section] / total
            q.max_contribution = 100.0 * share
            q.contribution = q.score * share

    def _dimensions(self, questions: list[QuestionResult]) -> dict[str, float | None]:
        """Mean of each dimension's question scores, weighted by their share of the overall score."""
        sums = {d.value: [0.0, 0.0] for d in Dimension}
        for q in questions:
            if q.score is not None and q.dimension in sums and q.max_contribution:
                sums[q.dimension][0] += q.contribution
                sums[q.dimension][1] += q.max_contribution
        return {d: (100.0 * got / best if best else None) for d, (got, best) in sums.items()}

    def _maturity(self, overall: float | None) -> Any:
        if overall is None:
            return None
        levels = [lv for lv in self.plan.questionnaire.maturity_levels if lv.min_score <= overall + 1e-9]
        return max(levels, key=lambda lv: lv.min_score) if levels else None

    # ------------------------------------------------------------ recommendations

    def _recommendations(
        self, sections: list[SectionResult], questions: list[QuestionResult], total: float
    ) -> list[RecommendationResult]:
        by_id = {q.id: q for q in questions}
        section_by_id = {s.id: s for s in sections}
        found: dict[str, RecommendationResult] = {}
        for q in questions:
            if q.status not in ("answered", "dont_know"):
                continue
            qp = self.plan.questions[q.id]
            value = self.effective[q.id]
            gain = q.max_contribution - q.contribution
            section = section_by_id[q.section]
            if qp.red_flag is not None and qp.red_flag(value) and total and section.raw_score is not None:
                gain += (section.raw_score - (section.score or 0.0)) * section.weight / total
            if value is Special.dont_know:
                advice = list(qp.dont_know_advice)
            else:
                advice = [a.advice for a in qp.advice if a.applies(value)]
            for item in advice:
                if item.id not in found:
                    found[item.id] = self._recommendation(item, q.id, q.section, gain)
        for rp in self.plan.recommendations:
            rec = rp.recommendation
            if rec.id in found:
                continue
            gain: float | None = None  # type: ignore[no-redef]
            if rp.applies is not None:
                if rp.applies(self.effective):
                    gain = sum(by_id[q].max_contribution - by_id[q].contribution for q in rp.questions)
            elif rec.score_below is not None:
                gain = self._band_gain(rec, section_by_id, total)
            if gain is not None:
                target = rec.score_below.section if rec.score_below and rec.score_below.section != "overall" else None
                found[rec.id] = self._recommendation(rec, None, target, gain)
        return sorted(found.values(), key=lambda r: (-r.rank, -PRIORITY_WEIGHT[r.priority], -r.gain, r.id))

    def _band_gain(self, rec: Recommendation, sections: dict[str, SectionResult], total: float) -> float | None:
        band = rec.score_below
        assert band is not None
        if band.section == "overall":
            overall = sum(s.weight * (s.score or 0.0) for s in sections.values() if s.status == "assessed")
            if not total or overall / total >= band.below:
                return None
            return band.below - overall / total
        section = sections.get(band.section)
        if section is None or section.status != "assessed" or section.score is None or section.score >= band.below:
            return None
        return (band.below - section.score) * section.weight / total

    def _recommendation(
        self, item: Any, question: str | None, section: str | None, gain: float
    ) -> RecommendationResult:
        services = {s.id: s for s in self.plan.questionnaire.services}
        priority, effort = item.priority.value, item.effort.value
        return RecommendationResult(
            id=item.id,
            question=question,
            section=section,
            title=item.title.get(self.lang),
            action=item.action.get(self.lang),
            priority=priority,
            effort=effort,
            gain=gain,
            # One point is added so advice with no direct score effect still ranks by its priority.
            rank=PRIORITY_WEIGHT[priority] * (1.0 + gain),
            quick_win=effort == "low" and gain >= QUICK_WIN_MIN_GAIN,
            services=[
                ServiceRef(s.id, s.name.get(self.lang), s.provider.get(self.lang), s.region.value, s.url)
                for s in (services[sid] for sid in item.services if sid in services)
            ],
        )
