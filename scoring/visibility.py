"""Which sections and questions a respondent sees, given the answers so far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring.answers import AnswerValue
from scoring.model import Questionnaire
from scoring.plan import plan_for


@dataclass(frozen=True, slots=True)
class Visibility:
    sections: dict[str, bool]
    questions: dict[str, bool]

    def visible_sections(self) -> list[str]:
        return [section for section, shown in self.sections.items() if shown]


def visibility(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> Visibility:
    """One pass in document order, as the engine scores: a hidden question's answer is kept but
    counts as unanswered for the conditions after it."""
    effective: dict[str, AnswerValue] = {}
    sections: dict[str, bool] = {}
    questions: dict[str, bool] = {}
    for section_plan in plan_for(questionnaire).sections:
        section_shown = section_plan.visible(effective)
        sections[section_plan.id] = section_shown
        for qp in section_plan.questions:
            shown = section_shown and qp.visible(effective)
            questions[qp.id] = shown
            value = answers.get(qp.id)
            if shown and value is not None:
                effective[qp.id] = value
    return Visibility(sections, questions)


def missing_required(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]) -> list[str]:
    """Visible required questions without an answer, in document order."""
    shown = visibility(questionnaire, answers).questions
    return [
        question.id
        for _, question in questionnaire.all_questions()
        if shown[question.id] and question.required and answers.get(question.id) is None
    ]
