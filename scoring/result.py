"""The scored result: plain data classes, and their one JSON form (`ipready.result/1`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scoring.answers import Special

RESULT_FORMAT = "ipready.result/1"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass(slots=True)
class QuestionResult:
    id: str
    section: str
    text: str
    dimension: str | None
    # answered | not_applicable | dont_know | unanswered | hidden | unscored
    status: str
    answer: Any = None
    score: float | None = None
    weight: float = 0.0
    # Points of the overall score this answer earns, and could earn at best (before caps).
    contribution: float = 0.0
    max_contribution: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        score, answer = self.score, self.answer
        return {
            "id": self.id,
            "section": self.section,
            "text": self.text,
            "dimension": self.dimension,
            "status": self.status,
            "answer": {"special": answer.value} if isinstance(answer, Special) else answer,
            "score": None if score is None else round(score, 2),
            "weight": self.weight,
            "contribution": round(self.contribution, 2),
            "max_contribution": round(self.max_contribution, 2),
        }


@dataclass(slots=True)
class CriticalFlag:
    question: str
    section: str
    cap: float
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "section": self.section, "cap": self.cap, "message": self.message}


@dataclass(slots=True)
class SectionResult:
    id: str
    title: str
    weight: float
    # assessed | not_applicable | unanswered | hidden | unscored
    status: str
    score: float | None = None
    raw_score: float | None = None  # before a critical cap
    cap: float | None = None
    answered: int = 0
    visible: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "weight": self.weight,
            "status": self.status,
            "score": _round(self.score),
            "raw_score": _round(self.raw_score),
            "cap": self.cap,
            "answered": self.answered,
            "visible": self.visible,
        }


@dataclass(frozen=True, slots=True)
class ServiceRef:
    id: str
    name: str
    provider: str
    region: str
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "provider": self.provider, "region": self.region, "url": self.url}


@dataclass(slots=True)
class RecommendationResult:
    id: str
    question: str | None
    section: str | None
    title: str
    action: str
    priority: str
    effort: str
    gain: float  # expected points of overall score
    rank: float
    quick_win: bool
    services: tuple[ServiceRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "section": self.section,
            "title": self.title,
            "action": self.action,
            "priority": self.priority,
            "effort": self.effort,
            "gain": _round(self.gain),
            "rank": _round(self.rank),
            "quick_win": self.quick_win,
            "services": [s.to_dict() for s in self.services],
        }


@dataclass(slots=True)
class Result:
    questionnaire_id: str
    questionnaire_version: str
    language: str
    meta: dict[str, Any]
    overall: float | None
    maturity_level: int | None
    maturity_name: str | None
    maturity_description: str | None
    complete: bool
    completion: float
    missing_required: list[str]
    sections: list[SectionResult]
    dimensions: dict[str, float | None]
    questions: list[QuestionResult]
    critical_flags: list[CriticalFlag]
    knowledge_gaps: list[str]
    hidden_answers: list[str]
    recommendations: list[RecommendationResult]

    def section(self, section_id: str) -> SectionResult:
        return next(s for s in self.sections if s.id == section_id)

    def question(self, question_id: str) -> QuestionResult:
        return next(q for q in self.questions if q.id == question_id)

    def shown(self) -> set[str]:
        """The ids of the questions shown to the respondent."""
        return {q.id for q in self.questions if q.status != "hidden"}

    def to_dict(self) -> dict[str, Any]:
        maturity = None
        if self.maturity_level is not None:
            maturity = {
                "level": self.maturity_level,
                "name": self.maturity_name,
                "description": self.maturity_description,
            }
        return {
            "format": RESULT_FORMAT,
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            "language": self.language,
            "meta": self.meta,
            "overall": _round(self.overall),
            "maturity": maturity,
            "complete": self.complete,
            "completion": round(self.completion, 4),
            "missing_required": self.missing_required,
            "sections": [s.to_dict() for s in self.sections],
            "dimensions": [{"id": key, "score": _round(value)} for key, value in self.dimensions.items()],
            "questions": [q.to_dict() for q in self.questions],
            "critical_flags": [f.to_dict() for f in self.critical_flags],
            "knowledge_gaps": self.knowledge_gaps,
            "hidden_answers": self.hidden_answers,
            "recommendations": [r.to_dict() for r in self.recommendations],
        }
