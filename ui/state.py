"""Session state of one browser tab. Answers live in their own dict here and in the database, never
only in widget keys: Streamlit forgets a widget's value when the widget is not drawn."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from scoring.answers import Answers, AnswerValue
from scoring.model import Questionnaire
from storage.db import database_url, session_scope
from storage.repository import answers_of, find_by_code, get_assessment, questionnaire_of, save_answer
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

ASSESSMENT = "assessment_id"
ANSWERS = "answers"
LANG = "lang"
CODE = "resume_code"
SAVED_AT = "saved_at"
SECTION = "section"
RESUME_ERROR = "resume_error"
SAVE_ERROR = "save_error"
VERSION = "questionnaire_version_id"
COMPANY = "company_name"


def lang() -> str:
    value = st.session_state.get(LANG)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_lang(value: str) -> None:
    if value not in LANGUAGES:
        return
    st.session_state[LANG] = value
    assessment_id = st.session_state.get(ASSESSMENT)
    if assessment_id is not None:
        try:
            with session_scope() as session:
                get_assessment(session, assessment_id).language = value
        except SQLAlchemyError:
            pass  # the language of the stored record is a convenience; the answers are untouched


def assessment_id() -> int | None:
    value = st.session_state.get(ASSESSMENT)
    return value if isinstance(value, int) else None


def open_assessment(assessment_id: int, code: str | None) -> None:
    """Make `assessment_id` this tab's assessment, with its stored answers."""
    with session_scope() as session:
        assessment = get_assessment(session, assessment_id)
        st.session_state[ANSWERS] = answers_of(session, assessment_id)
        st.session_state[LANG] = assessment.language if assessment.language in LANGUAGES else lang()
        st.session_state[SECTION] = assessment.current_section
        st.session_state[VERSION] = assessment.questionnaire_version_id
        st.session_state[COMPANY] = assessment.company_name
    st.session_state[ASSESSMENT] = assessment_id
    st.session_state[CODE] = code
    st.session_state.pop(SAVED_AT, None)


def close_assessment() -> None:
    for key in (ASSESSMENT, ANSWERS, CODE, SAVED_AT, SECTION, VERSION, COMPANY):
        st.session_state.pop(key, None)


def exchange_resume_parameter() -> bool:
    """`?resume=CODE` opens that assessment; the code is then removed from the address bar.
    Returns whether an assessment was opened."""
    code = st.query_params.get("resume")
    if code is None:
        return False
    del st.query_params["resume"]
    with session_scope() as session:
        found = find_by_code(session, code)
        found_id = found.id if found else None
    if found_id is None:
        st.session_state[RESUME_ERROR] = True
        return False
    open_assessment(found_id, code)
    return True


def answers() -> Answers:
    if ANSWERS not in st.session_state:
        st.session_state[ANSWERS] = {}
    return st.session_state[ANSWERS]


def record_answer(question_id: str, value: AnswerValue | None) -> None:
    """Keep the answer in the tab at once and store it; a failed save is shown, never lost from the tab."""
    current = answers()
    if value is None:
        current.pop(question_id, None)
    else:
        current[question_id] = value
    target = assessment_id()
    if target is None:
        return
    try:
        with session_scope() as session:
            save_answer(session, target, question_id, value)
    except SQLAlchemyError:
        st.session_state[SAVE_ERROR] = True
        return
    st.session_state[SAVE_ERROR] = False
    st.session_state[SAVED_AT] = dt.datetime.now().strftime("%H:%M:%S")


def save_company(name: str) -> None:
    name = (name or "").strip()[:200]
    st.session_state[COMPANY] = name
    target = assessment_id()
    if target is None:
        return
    try:
        with session_scope() as session:
            get_assessment(session, target).company_name = name
    except SQLAlchemyError:
        st.session_state[SAVE_ERROR] = True
        return
    st.session_state[SAVED_AT] = dt.datetime.now().strftime("%H:%M:%S")


@st.cache_resource(show_spinner=False)
def _questionnaire_by_version(version_id: int, url: str) -> Questionnaire:
    from storage.models import QuestionnaireVersion

    with session_scope(url) as session:
        row = session.get(QuestionnaireVersion, version_id)
        assert row is not None
        return questionnaire_of(row)


def questionnaire() -> Questionnaire:
    """The questionnaire version this tab's assessment was started on (never a newer one)."""
    return _questionnaire_by_version(st.session_state[VERSION], database_url())
