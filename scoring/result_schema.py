"""The result JSON (`ipready.result/1`) as a pydantic model: the source of its JSON Schema, and a
check that what `Result.to_dict()` produces is what the schema promises."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from scoring.answers import Meta, QuestionnaireRef, SpecialAnswer

Points = Annotated[float, Field(ge=0, le=100)]
# An answer as in the answers file: a code, codes, a number, text or {"special": ...}.
AnswerDoc = SpecialAnswer | str | list[str] | int | float


class _Doc(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MaturityDoc(_Doc):
    level: int = Field(ge=1)
    name: str
    description: str


class SectionDoc(_Doc):
    id: str
    title: str
    weight: float = Field(gt=0)
    status: Literal["assessed", "not_applicable", "unanswered", "hidden", "unscored"]
    score: Points | None
    raw_score: Points | None
    cap: Points | None
    answered: int = Field(ge=0)
    visible: int = Field(ge=0)


class DimensionDoc(_Doc):
    id: Literal["protection", "management", "exploitation"]
    score: Points | None


class QuestionDoc(_Doc):
    id: str
    section: str
    text: str
    dimension: Literal["protection", "management", "exploitation"] | None
    status: Literal["answered", "not_applicable", "dont_know", "unanswered", "hidden", "unscored"]
    answer: AnswerDoc | None
    score: Points | None
    weight: float = Field(ge=0)  # 0 for questions that are not scored or not shown
    contribution: Points
    max_contribution: Points


class CriticalFlagDoc(_Doc):
    question: str
    section: str
    cap: Points
    message: str


class ServiceDoc(_Doc):
    id: str
    name: str
    provider: str
    region: str
    url: str | None


class RecommendationDoc(_Doc):
    id: str
    question: str | None
    section: str | None
    title: str
    action: str
    priority: Literal["high", "medium", "low"]
    effort: Literal["low", "medium", "high"]
    gain: float = Field(ge=0)
    rank: float = Field(ge=0)
    quick_win: bool
    services: list[ServiceDoc]


class ResultDoc(_Doc):
    """One scored assessment."""

    format: Literal["ipready.result/1"]
    questionnaire: QuestionnaireRef
    language: Literal["en", "zh-Hant", "zh-Hans"]
    meta: Meta
    overall: Points | None
    maturity: MaturityDoc | None
    complete: bool
    completion: float = Field(ge=0, le=1)
    missing_required: list[str]
    sections: list[SectionDoc]
    dimensions: list[DimensionDoc]
    questions: list[QuestionDoc]
    critical_flags: list[CriticalFlagDoc]
    knowledge_gaps: list[str]
    hidden_answers: list[str]
    recommendations: list[RecommendationDoc]
