"""The printable questionnaire (HTML and PDF): every section, question and option, numbered, with
"asked if ..." in words where a question or section depends on earlier answers, so that an SME can
gather its answers before filling in the questionnaire online."""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.catalogue import LANGUAGE_NAMES, text
from reports.conditions_text import condition_text
from reports.fonts import font_stack
from reports.pdf import html_to_pdf
from reports.templating import render, stylesheet, translator
from scoring.model import (
    FreeText,
    MultipleChoice,
    Number,
    QuestionBase,
    Questionnaire,
    Scale,
    SingleChoice,
    YesNo,
)


@dataclass(slots=True)
class PrintedQuestion:
    number: str
    text: str
    help: str
    optional: bool
    condition: str
    how: str
    options: list[tuple[str, bool]] = field(default_factory=list)  # (label, cannot be combined)
    round_boxes: bool = True
    write_in: bool = False
    extra: list[str] = field(default_factory=list)  # "not applicable", "don't know"


@dataclass(slots=True)
class PrintedSection:
    number: int
    title: str
    intro: str
    condition: str
    questions: list[PrintedQuestion]


def _question(
    questionnaire: Questionnaire, question: QuestionBase, number: str, numbers: dict[str, str], lang: str
) -> PrintedQuestion:
    printed = PrintedQuestion(
        number=number,
        text=question.text.get(lang),
        help=question.help.get(lang) if question.help else "",
        optional=not question.required,
        condition=text(
            "print.question_if", lang, condition=condition_text(questionnaire, question.show_if, lang, numbers)
        )
        if question.show_if
        else "",
        how="",
    )
    if isinstance(question, SingleChoice):
        printed.how = text("print.choose_one", lang)
        printed.options = [(o.label.get(lang), False) for o in question.options]
    elif isinstance(question, MultipleChoice):
        printed.how = text("print.choose_any", lang)
        printed.options = [(o.label.get(lang), o.exclusive) for o in question.options]
        printed.round_boxes = False
    elif isinstance(question, YesNo):
        printed.how = text("print.choose_one", lang)
        printed.options = [
            (question.yes_label.get(lang) if question.yes_label else text("answer.yes", lang), False),
            (question.no_label.get(lang) if question.no_label else text("answer.no", lang), False),
        ]
    elif isinstance(question, Scale):
        printed.how = text("print.scale", lang, min=question.min, max=question.max)
        labels = {question.min: question.min_label, question.max: question.max_label}
        printed.options = [
            (f"{step}" + (f" – {labels[step].get(lang)}" if labels.get(step) else ""), False)  # type: ignore[union-attr]
            for step in range(question.min, question.max + 1)
        ]
    elif isinstance(question, Number):
        unit = question.unit.get(lang) if question.unit else ""
        printed.how = text("print.number_unit", lang, unit=unit) if unit else text("print.number", lang)
        printed.write_in = True
    elif isinstance(question, FreeText):
        printed.how = text("print.text", lang)
        printed.write_in = True
    if question.allow_na:
        printed.extra.append(text("answer.na", lang))
    if question.allow_dont_know:
        printed.extra.append(text("answer.dont_know", lang))
    return printed


def printed_sections(questionnaire: Questionnaire, lang: str) -> list[PrintedSection]:
    numbers = {
        question.id: f"{s}.{q}"
        for s, section in enumerate(questionnaire.sections, start=1)
        for q, question in enumerate(section.questions, start=1)
    }
    return [
        PrintedSection(
            number=s,
            title=section.title.get(lang),
            intro=section.intro.get(lang) if section.intro else "",
            condition=text(
                "print.section_if", lang, condition=condition_text(questionnaire, section.show_if, lang, numbers)
            )
            if section.show_if
            else "",
            questions=[
                _question(questionnaire, question, numbers[question.id], numbers, lang)
                for question in section.questions
            ],
        )
        for s, section in enumerate(questionnaire.sections, start=1)
    ]


def questionnaire_html(questionnaire: Questionnaire, lang: str) -> str:
    sections = printed_sections(questionnaire, lang)
    return render(
        "questionnaire.html.j2",
        lang=lang,
        t=translator(lang),
        css=stylesheet(font_stack(lang)),
        title=questionnaire.title.get(lang),
        version=questionnaire.version,
        language_name=LANGUAGE_NAMES.get(lang, lang),
        description=questionnaire.description.get(lang) if questionnaire.description else "",
        disclaimer=questionnaire.disclaimer.get(lang) if questionnaire.disclaimer else text("notice.default", lang),
        sections=sections,
        count=sum(len(s.questions) for s in sections),
    )


def questionnaire_pdf(questionnaire: Questionnaire, lang: str, *, cached: bool = True) -> bytes:
    return html_to_pdf(questionnaire_html(questionnaire, lang), lang, cached=cached)
