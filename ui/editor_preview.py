"""A draft questionnaire as respondents see it, drawn with the same kinds of widgets but disabled: nothing
is answered or saved. Built from the printable questionnaire's data, so conditions read the same."""

from __future__ import annotations

import streamlit as st

from reports.printable import PrintedQuestion, printed_sections
from scoring.model import Questionnaire


def preview(questionnaire: Questionnaire, lang: str, key: str) -> None:
    for section in printed_sections(questionnaire, lang):
        with st.expander(f"{section.number}. {section.title}", expanded=section.number == 1):
            if section.condition:
                st.caption(f":material/call_split: {section.condition}")
            if section.intro:
                st.write(section.intro)
            for question in section.questions:
                _question(question, f"{key}:{question.number}")


def _question(question: PrintedQuestion, key: str) -> None:
    label = f"{question.number} {question.text}"
    if question.condition:
        st.caption(f":material/call_split: {question.condition}")
    if question.write_in:
        st.text_input(label, key=key, disabled=True, help=question.help or None, placeholder=question.how)
    elif question.round_boxes:
        options = [text for text, _ in question.options] + question.extra
        st.radio(label, options, index=None, key=key, disabled=True, help=question.help or None)
        st.caption(question.how)
    else:
        st.markdown(f"**{label}**")
        if question.help:
            st.caption(question.help)
        for index, (text, _alone) in enumerate(question.options):
            st.checkbox(text, key=f"{key}:{index}", disabled=True)
        for index, text in enumerate(question.extra):
            st.checkbox(text, key=f"{key}:extra{index}", disabled=True)
