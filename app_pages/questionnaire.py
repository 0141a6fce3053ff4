"""Questionnaire: one section at a time, a progress bar, a section list to jump back and amend."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from scoring.model import Section
from scoring.visibility import Visibility, missing_required, visibility
from storage.db import session_scope
from storage.repository import update_assessment
from ui import state
from ui.i18n import t
from ui.resume import require_assessment, show_resume_code
from ui.widgets import render_question

lang = state.lang()
assessment_id = require_assessment(lang, "app_pages/questionnaire.py")
questionnaire = state.questionnaire()
NAV_SIGNATURE = "nav_signature"


def go_to(section_id: str) -> None:
    st.session_state[state.SECTION] = section_id
    st.session_state.pop("show_missing", None)
    try:
        with session_scope() as session:
            update_assessment(session, assessment_id, current_section=section_id)
    except SQLAlchemyError:
        pass  # where the respondent was is a convenience; answers are saved separately


def layout() -> tuple[list[Section], dict[str, bool], tuple[object, ...], Visibility]:
    """Visible sections, which are complete, a signature of everything drawn outside the fragment,
    and what is shown."""
    answers = state.answers()
    shown = visibility(questionnaire, answers)
    sections = [s for s in questionnaire.sections if shown.sections[s.id]]
    if st.session_state.get(state.SECTION) not in {s.id for s in sections}:
        st.session_state[state.SECTION] = sections[0].id
    done = {
        s.id: all(answers.get(q.id) is not None for q in s.questions if shown.questions[q.id] and q.required)
        for s in sections
    }
    return sections, done, (tuple(done.items()), lang), shown


sections, done, signature, _ = layout()
st.session_state[NAV_SIGNATURE] = signature

with st.sidebar:
    # Buttons, not a radio: a radio whose labels change (the ✓ marks) loses its selection.
    st.markdown(f"**{t('q.sections', lang)}**")
    for section in sections:
        st.button(
            f"{section.title.get(lang)}{'  ✓' if done[section.id] else ''}",
            key=f"nav:{section.id}",
            on_click=go_to,
            args=(section.id,),
            width="stretch",
        )
    show_resume_code(lang, compact=True)

show_resume_code(lang, compact=False)
dropped = st.session_state.get("carried_over_dropped")
if dropped:
    st.info(t("q.carried_over", lang) + "\n" + "\n".join(f"- {line}" for line in dropped))


@st.fragment
def current_section() -> None:
    """Answers and moves between sections rerun only this part; the whole page reruns when the
    section list in the sidebar must change (a section shown, hidden or completed)."""
    visible, _, signature_now, shown = layout()
    if signature_now != st.session_state.get(NAV_SIGNATURE):
        st.rerun(scope="app")
    answers = state.answers()
    current = next(s for s in visible if s.id == st.session_state[state.SECTION])
    position = [s.id for s in visible].index(current.id)
    required = [q for _, q in questionnaire.all_questions() if shown.questions[q.id] and q.required]
    answered = sum(1 for q in required if answers.get(q.id) is not None)
    st.progress(
        answered / len(required) if required else 1.0,
        text=f"{position + 1} / {len(visible)} · {t('q.progress', lang, answered=answered, total=len(required))}",
    )
    st.header(current.title.get(lang))
    if current.intro:
        st.write(current.intro.get(lang))
    if current.id == visible[0].id:
        st.text_input(
            t("q.company", lang),
            value=st.session_state.get("company_name", ""),
            max_chars=200,
            key=f"company:{assessment_id}",
            on_change=lambda: state.save_company(st.session_state[f"company:{assessment_id}"]),
        )
    for question in current.questions:
        if shown.questions[question.id]:
            with st.container(border=True):
                render_question(question, lang)
    if st.session_state.get(state.SAVE_ERROR):
        st.error(t("error.storage", lang))
    elif st.session_state.get(state.SAVED_AT):
        st.caption(f"✓ {t('q.saved', lang, time=st.session_state[state.SAVED_AT])}")
    else:
        st.caption(t("q.not_saved_yet", lang))
    left, right = st.columns(2)
    if position > 0:
        left.button(t("q.previous", lang), on_click=go_to, args=(visible[position - 1].id,), width="stretch")
    if position < len(visible) - 1:
        right.button(
            t("q.next", lang), on_click=go_to, args=(visible[position + 1].id,), type="primary", width="stretch"
        )
    elif right.button(t("q.finish", lang), type="primary", width="stretch"):
        if missing_required(questionnaire, state.answers()):
            st.session_state["show_missing"] = True
        else:
            st.switch_page("app_pages/results.py")

    missing = missing_required(questionnaire, state.answers()) if st.session_state.get("show_missing") else []
    if missing:
        by_id = {s.id: s for s in visible}
        section_of = {q.id: s for s in visible for q in s.questions}
        st.warning(t("q.missing_title", lang))
        for question_id in missing:
            section = section_of[question_id]
            question = next(q for q in section.questions if q.id == question_id)
            st.markdown(f"- {section.title.get(lang)}: {question.text.get(lang)}")
        for section_id in dict.fromkeys(section_of[q].id for q in missing):
            st.button(
                t("q.go_to", lang, section=by_id[section_id].title.get(lang)),
                on_click=go_to,
                args=(section_id,),
                key=f"goto:{section_id}",
            )


current_section()
st.caption(t("disclaimer", lang))
