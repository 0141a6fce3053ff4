"""The resume code and link: shown prominently once after starting, then in the sidebar."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from storage.db import session_scope
from storage.repository import find_by_code
from ui import state
from ui.i18n import t

SHOW_ONCE = "show_code_once"


def resume_link(code: str) -> str:
    """A link to the start page that opens this assessment; the app removes the code from the address bar."""
    try:
        parts = urlsplit(st.context.url or "")
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    except (AttributeError, RuntimeError):
        origin = ""
    return f"{origin}/?resume={code}"


def show_resume_code(lang: str, *, compact: bool) -> None:
    code = st.session_state.get(state.CODE)
    if not code:
        return
    if compact:
        with st.expander(t("code.title", lang)):
            st.code(code, language=None)
            st.caption(t("code.explain", lang))
        return
    if st.session_state.get(SHOW_ONCE) != code:
        return
    with st.container(border=True):
        st.markdown(f"**{t('code.title', lang)}**")
        st.code(code, language=None)
        st.markdown(f"{t('code.link', lang)}: `{resume_link(code)}`")
        st.caption(t("code.explain", lang))
        if st.button(t("code.noted", lang), key="code_noted"):
            st.session_state.pop(SHOW_ONCE, None)
            st.rerun()


def resume_form(lang: str, target: str = "app_pages/questionnaire.py") -> None:
    """Type a resume code to reopen an assessment; after a reload this is the way back in."""
    with st.form("resume", border=False):
        code = st.text_input(t("start.resume_label", lang), max_chars=40, placeholder="XXXX-XXXX-XXXX-XXXX-XXXX")
        submitted = st.form_submit_button(t("start.resume_button", lang))
    if submitted or st.session_state.pop(state.RESUME_ERROR, False):
        with session_scope() as session:
            found = find_by_code(session, code) if submitted else None
            found_id = found.id if found else None
        if found_id is None:
            st.error(t("start.resume_invalid", lang))
        else:
            state.open_assessment(found_id, code)
            st.switch_page(target)


def require_assessment(lang: str, here: str) -> int:
    """The open assessment's id; without one, say so, offer the resume form, and stop the page."""
    assessment_id = state.assessment_id()
    if assessment_id is None:
        st.info(t("no_assessment", lang))
        resume_form(lang, here)
        st.page_link("app_pages/start.py", label=t("go_start", lang))
        st.stop()
    return assessment_id
