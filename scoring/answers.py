"""Answers: the values a respondent gives, the answers file, and checking answers against a questionnaire."""

from __future__ import annotations

import datetime as dt
import json
import math
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from scoring.model import QuestionBase, Questionnaire
from scoring.profile import PROFILE_CODES

ANSWERS_FORMAT = "ipready.answers/1"


class Special(StrEnum):
    """Answers that are not a value: they are stored as {"special": "..."} in JSON."""

    not_applicable = "not_applicable"
    dont_know = "dont_know"


# A plain answer value: an option code (single choice, yes/no), codes (multiple choice),
# a number (scale, number) or text (free text). Or a Special.
AnswerValue = str | list[str] | int | float | Special
Answers = dict[str, AnswerValue]


class AnswersError(ValueError):
    """Answers that do not fit the questionnaire; carries one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# ---------------------------------------------------------------- the answers file


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SpecialAnswer(_Frozen):
    special: Special


class QuestionnaireRef(_Frozen):
    id: str
    version: str


class Profile(_Frozen):
    sector: Literal[PROFILE_CODES["sector"]] | None = None  # type: ignore[valid-type]
    size_band: Literal[PROFILE_CODES["size_band"]] | None = None  # type: ignore[valid-type]
    region: Literal[PROFILE_CODES["region"]] | None = None  # type: ignore[valid-type]


class Meta(_Frozen):
    company: Annotated[str, StringConstraints(max_length=200)] = ""
    language: Literal["en", "zh-Hant", "zh-Hans"] = "en"
    date: dt.date | None = None
    profile: Profile = Field(default_factory=Profile)


JsonAnswer = SpecialAnswer | Annotated[str, StringConstraints(max_length=20000)] | list[str] | int | float


class AnswersFile(_Frozen):
    """The answers file: the same JSON for the CLI, the app's downloads and the reports."""

    format: Literal["ipready.answers/1"] = ANSWERS_FORMAT
    questionnaire: QuestionnaireRef
    meta: Meta = Field(default_factory=Meta)
    answers: dict[str, JsonAnswer] = Field(default_factory=dict)

    def values(self) -> Answers:
        return {key: from_json_value(value) for key, value in self.answers.items()}


def from_json_value(value: Any) -> AnswerValue:
    if isinstance(value, SpecialAnswer):
        return value.special
    if isinstance(value, dict) and set(value) == {"special"}:
        return Special(value["special"])
    return value  # type: ignore[no-any-return]


def to_json_value(value: AnswerValue) -> Any:
    return {"special": value.value} if isinstance(value, Special) else value


def parse_answers_file(text: str | bytes) -> AnswersFile:
    """Read an answers file; raises AnswersError with one line per problem."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AnswersError([f"answers file: not valid JSON ({exc})"]) from None
    try:
        return AnswersFile.model_validate(data)
    except ValidationError as exc:
        raise AnswersError(
            [f"answers file: {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in exc.errors()]
        ) from None


def answers_file(
    questionnaire: Questionnaire,
    answers: Answers,
    *,
    company: str = "",
    language: str = "en",
    date: dt.date | None = None,
) -> dict[str, Any]:
    """An answers file as JSON-ready data, with the profile summary filled in from the answers."""
    return {
        "format": ANSWERS_FORMAT,
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "meta": {
            "company": company,
            "language": language,
            "date": (date or dt.date.today()).isoformat(),
            "profile": profile_of(questionnaire, answers),
        },
        "answers": {key: to_json_value(value) for key, value in answers.items()},
    }


def profile_of(questionnaire: Questionnaire, answers: Answers) -> dict[str, str]:
    """The reserved profile fields (sector, size band, region) as answered."""
    profile: dict[str, str] = {}
    for _, question in questionnaire.all_questions():
        value = answers.get(question.id)
        if question.profile_field is not None and isinstance(value, str):
            profile[question.profile_field.value] = value
    return profile


# ---------------------------------------------------------------- checking answers


def check_answers(questionnaire: Questionnaire, answers: Answers) -> list[str]:
    """Every problem with the answers, one line each; empty when they all fit."""
    questions = {q.id: q for _, q in questionnaire.all_questions()}
    problems = []
    for key, value in answers.items():
        question = questions.get(key)
        if question is None:
            problems.append(f"answers.{key}: no question has this id in {questionnaire.id} {questionnaire.version}")
            continue
        problem = answer_problem(question, value)
        if problem:
            problems.append(f"answers.{key}: {problem}")
    return problems


def answer_problem(question: QuestionBase, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    if isinstance(value, Special):
        if value is Special.not_applicable and not question.allow_na:
            return '"not applicable" is not offered for this question'
        if value is Special.dont_know and not question.allow_dont_know:
            return '"don\'t know" is not offered for this question'
        return None
    kind = getattr(question, "kind", None)
    if kind in ("single_choice", "yes_no"):
        codes = _codes_of(question)
        if not isinstance(value, str) or value not in codes:
            return f"{value!r} is not one of the answers {sorted(codes)}"
    elif kind == "multiple_choice":
        codes = _codes_of(question)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"must be a list of answer codes, not {value!r}"
        unknown = [v for v in value if v not in codes]
        if unknown:
            return f"{unknown!r} not among the answers {sorted(codes)}"
        if len(set(value)) != len(value):
            return "an answer is chosen twice"
        exclusive = {o.value for o in question.options if o.exclusive}  # type: ignore[attr-defined]
        if len(value) > 1 and exclusive & set(value):
            return f"{sorted(exclusive & set(value))[0]!r} cannot be combined with other answers"
    elif kind in ("scale", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return f"must be a number, not {value!r}"
        low, high = question.min, question.max  # type: ignore[attr-defined]
        if kind == "scale" and value != int(value):
            return f"must be a whole number from {low} to {high}"
        if (low is not None and value < low) or (high is not None and value > high):
            return f"{value:g} is outside the range {_range(low, high)}"
    elif kind == "text":
        if not isinstance(value, str):
            return f"must be text, not {value!r}"
        if len(value) > question.max_length:  # type: ignore[attr-defined]
            return f"is longer than {question.max_length} characters"  # type: ignore[attr-defined]
    return None


def _codes_of(question: QuestionBase) -> set[str]:
    if getattr(question, "kind", None) == "yes_no":
        return {"yes", "no"}
    return {o.value for o in question.options}  # type: ignore[attr-defined]


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g} to {high:g}"
    return f"at least {low:g}" if low is not None else f"at most {high:g}"
