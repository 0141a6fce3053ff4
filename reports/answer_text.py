"""Answers as a reader sees them: option labels, not codes; "don't know", not `dont_know`."""

from __future__ import annotations

from typing import Any

from reports.catalogue import text
from scoring.compiled import once_per_questionnaire
from scoring.model import MultipleChoice, Number, QuestionBase, Questionnaire, Scale, SingleChoice, YesNo


@once_per_questionnaire
def questions_by_id(questionnaire: Questionnaire) -> dict[str, QuestionBase]:
    return {question.id: question for _, question in questionnaire.all_questions()}


def number_text(value: float) -> str:
    """12.0 -> "12", 2.5 -> "2.5": how a person writes a number."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def option_label(question: QuestionBase | None, code: Any, lang: str) -> str:
    """The label of one option code (a yes/no answer, a choice); the code itself if unknown."""
    if isinstance(question, (SingleChoice, MultipleChoice)):
        for option in question.options:
            if option.value == code:
                return option.label.get(lang)
    if isinstance(question, YesNo) and code in ("yes", "no"):
        custom = question.yes_label if code == "yes" else question.no_label
        return custom.get(lang) if custom else text(f"answer.{code}", lang)
    if isinstance(question, Scale) and isinstance(code, (int, float)):
        return text("answer.scale", lang, value=number_text(code), min=question.min, max=question.max)
    if isinstance(code, (int, float)) and not isinstance(code, bool):
        unit = question.unit.get(lang) if isinstance(question, Number) and question.unit else ""
        return f"{number_text(code)} {unit}".strip()
    return str(code)


def answer_label(questionnaire: Questionnaire, question_id: str, answer: Any, lang: str) -> str:
    """An answer from the result (`ipready.result/1`) as the respondent saw it."""
    if answer is None:
        return text("answer.none", lang)
    if isinstance(answer, dict) and "special" in answer:
        return text("answer.na" if answer["special"] == "not_applicable" else "answer.dont_know", lang)
    question = questions_by_id(questionnaire).get(question_id)
    if isinstance(answer, list):
        return "; ".join(option_label(question, code, lang) for code in answer)
    return option_label(question, answer, lang)
