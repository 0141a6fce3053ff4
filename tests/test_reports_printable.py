"""The printable questionnaire: every question and option, conditions in words, in three languages."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from reports.conditions_text import condition_text
from reports.printable import questionnaire_html, questionnaire_pdf
from scoring.model import AllOf, AnyOf, Atom, MultipleChoice, NotOf, Questionnaire, SingleChoice
from tests.report_support import LANGS, bundled, pdf_fonts, pdf_text, squeeze


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_and_option_is_printed(lang: str) -> None:
    questionnaire = bundled()
    html = questionnaire_html(questionnaire, lang)
    assert f'<html lang="{lang}">' in html
    text = visible_text(html)
    missing = []
    for section, question in questionnaire.all_questions():
        expected = [section.title.get(lang), question.text.get(lang)]
        if isinstance(question, (SingleChoice, MultipleChoice)):
            expected += [option.label.get(lang) for option in question.options]
        missing += [item for item in expected if item not in text]
    assert not missing, missing[:5]


def test_conditional_sections_and_questions_say_when_they_are_asked() -> None:
    questionnaire = bundled()
    text = visible_text(questionnaire_html(questionnaire, "en"))
    conditional = [s for s in questionnaire.sections if s.show_if] + [
        q for _, q in questionnaire.all_questions() if q.show_if
    ]
    assert len(conditional) > 10
    assert text.count("This section is asked if") == sum(1 for s in questionnaire.sections if s.show_if)
    assert text.count("Asked if") == sum(1 for _, q in questionnaire.all_questions() if q.show_if)
    # The patent section depends on question 1.5 ("What does the company create?") including technology.
    assert "This section is asked if the answers to question 1.5 include “New technology" in text


def test_conditions_in_words_for_every_operator(mini: Questionnaire) -> None:
    q = bundled()
    create = Atom(question="creates", contains="software")
    region = Atom(question="region", equals="hong_kong")
    assert condition_text(q, create, "en") == (
        "the answers to “What does the company create or develop itself?” include “Software, apps, websites or "
        "digital platforms”"
    )
    numbers = {"region": "1.3", "creates": "1.5", "size_band": "1.2"}
    both = AllOf(all=[region, NotOf(not_=create)])
    assert condition_text(q, both, "en", numbers) == (
        "the answer to question 1.3 is “Hong Kong” and it is not the case that the answers to question 1.5 include "
        "“Software, apps, websites or digital platforms”"
    )
    either = AnyOf(any=[region, Atom(question="region", equals="macao"), create])
    assert condition_text(q, either, "zh-Hant", numbers) == (
        "第 1.3 題的答案是「香港特區」或「澳門特區」，或第 1.5 題的答案包括「軟件、應用程式、網站或數碼平台」"
    )
    assert condition_text(q, Atom(question="region", not_in=["hong_kong", "macao"]), "en", numbers) == (
        "the answer to question 1.3 is neither “Hong Kong” nor “Macao”"
    )
    assert condition_text(q, Atom(question="size_band", answered=False), "zh-Hans", numbers) == "未回答第 1.2 题"
    # On a scale or a number the code is a number, said as one.
    assert condition_text(mini, Atom(question="searches", gte=3), "en") == (
        "the answer to “How often do you search patents?” is at least 3"
    )
    assert condition_text(mini, Atom(question="searches", in_=["4", "5"]), "zh-Hans", {"searches": "3.1"}) == (
        "第 3.1 题的答案是“4”或“5”"
    )
    assert condition_text(mini, Atom(question="budget", lt=10.5), "zh-Hant") == (
        "「知識產權預算（千港元）」的答案小於 10.5"
    )


def test_the_printable_pdf_holds_every_question_in_embedded_fonts() -> None:
    questionnaire = bundled()
    pdf = questionnaire_pdf(questionnaire, "zh-Hant")
    text = squeeze(pdf_text(pdf))
    missing = [q.id for _, q in questionnaire.all_questions() if squeeze(q.text.get("zh-Hant")) not in text]
    assert not missing, missing
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all("CJK-HK" in name for name, _ in fonts), fonts
