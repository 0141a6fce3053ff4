"""Answers: the values a respondent gives, the answers file, and checking answers against a questionnaire."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from scoring.compiled import once_per_questionnaire
from scoring.model import FreeText, MultipleChoice, Number, QuestionBase, Questionnaire, Scale, SingleChoice, YesNo
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
    except RecursionError:
        raise AnswersError(["answers file: nested too deeply"]) from None
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

Check = Callable[[Any], str | None]


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[str]:
    """Every problem with the answers, one line each; empty when they all fit."""
    checks = _checks_for(questionnaire)
    problems = []
    for key, value in answers.items():
        check = checks.get(key)
        if check is None:
            problems.append(f"answers.{key}: no question has this id in {questionnaire.id} {questionnaire.version}")
            continue
        problem = check(value)
        if problem:
            problems.append(f"answers.{key}: {problem}")
    return problems


@once_per_questionnaire
def _checks_for(questionnaire: Questionnaire) -> dict[str, Check]:
    return {q.id: compile_answer_check(q) for _, q in questionnaire.all_questions()}


def answer_problem(question: QuestionBase, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    return compile_answer_check(question)(value)


def compile_answer_check(question: QuestionBase) -> Check:
    """A function telling why a value is not a valid answer to `question` (None when it is).

    Built once per question, so that checking an assessment costs one call per answer; the usual
    case (a plain valid value) is tested first.
    """
    offered = {Special.not_applicable: question.allow_na, Special.dont_know: question.allow_dont_know}

    def special(value: Special) -> str | None:
        if offered[value]:
            return None
        if value is Special.not_applicable:
            return '"not applicable" is not offered for this question'
        return '"don\'t know" is not offered for this question'

    if isinstance(question, (SingleChoice, YesNo)):
        return _choice_check(question, special)
    if isinstance(question, MultipleChoice):
        return _multiple_check(question, special)
    if isinstance(question, (Scale, Number)):
        return _number_check(question, special)
    if isinstance(question, FreeText):
        return _text_check(question, special)
    return lambda value: "this kind of question cannot be answered"


SpecialCheck = Callable[[Special], str | None]


def _choice_check(question: SingleChoice | YesNo, special: SpecialCheck) -> Check:
    codes = frozenset(("yes", "no")) if isinstance(question, YesNo) else frozenset(o.value for o in question.options)

    def one_of(value: Any) -> str | None:
        if type(value) is str and value in codes:
            return None
        if isinstance(value, Special):
            return special(value)
        return f"{value!r} is not one of the answers {sorted(codes)}"

    return one_of


def _multiple_check(question: MultipleChoice, special: SpecialCheck) -> Check:
    codes = frozenset(o.value for o in question.options)
    exclusive = frozenset(o.value for o in question.options if o.exclusive)

    def several(value: Any) -> str | None:
        if type(value) is not list:
            return special(value) if isinstance(value, Special) else f"must be a list of answer codes, not {value!r}"
        if not all(type(v) is str for v in value):
            return f"must be a list of answer codes, not {value!r}"
        if not codes.issuperset(value):
            return f"{[v for v in value if v not in codes]!r} not among the answers {sorted(codes)}"
        if len(set(value)) != len(value):
            return "an answer is chosen twice"
        if len(value) > 1 and not exclusive.isdisjoint(value):
            return f"{sorted(exclusive.intersection(value))[0]!r} cannot be combined with other answers"
        return None

    return several


def _number_check(question: Scale | Number, special: SpecialCheck) -> Check:
    low, high = question.min, question.max
    whole = isinstance(question, Scale)

    def number(value: Any) -> str | None:
        if type(value) not in (int, float):  # bool, str and Special are not numbers
            return special(value) if isinstance(value, Special) else f"must be a number, not {value!r}"
        if not math.isfinite(value):
            return f"must be a number, not {value!r}"
        if whole and value != int(value):
            return f"must be a whole number from {low} to {high}"
        if (low is not None and value < low) or (high is not None and value > high):
            return _out_of_range(value, low, high)
        return None

    return number


def _text_check(question: FreeText, special: SpecialCheck) -> Check:
    limit = question.max_length

    def text(value: Any) -> str | None:
        if type(value) is not str:
            return special(value) if isinstance(value, Special) else f"must be text, not {value!r}"
        return f"is longer than {limit} characters" if len(value) > limit else None

    return text


def _out_of_range(value: float, low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{value:g} is outside the range {low:g} to {high:g}"
    return f"{value:g} is below the minimum {low:g}" if low is not None else f"{value:g} is above the maximum {high:g}"
