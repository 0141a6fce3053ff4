"""Landing page: what the tool does and takes, the privacy notice, start or resume."""

from __future__ import annotations

import streamlit as st

from storage.db import session_scope
from storage.repository import StorageError, create_assessment, latest_version
from ui import state
from ui.i18n import t
from ui.resume import SHOW_ONCE, resume_form
from ui.sharing_panel import attach_invitation, invitation_notice, invitation_used

lang = state.lang()
st.title(t("app.name", lang))
st.subheader(t("app.tagline", lang))
st.write(t("start.intro", lang))
st.info(t("start.time", lang))

if state.assessment_id() is not None and st.button(t("start.continue_open", lang), type="primary"):
    st.switch_page("app_pages/questionnaire.py")

with st.container(border=True):
    st.markdown(f"#### {t('start.new', lang)}")
    st.markdown(f"**{t('start.privacy_title', lang)}**")
    st.caption(t("start.privacy", lang))
    consent = st.checkbox(t("start.consent", lang), key="consent")
    opt_in = st.checkbox(t("start.benchmark", lang), key="benchmark_opt_in", value=False)
    invitation_notice(lang)
    if st.button(t("start.new", lang), type="primary", key="start_new"):
        if not consent:
            st.error(t("start.need_consent", lang))
        else:
            questionnaire_id = st.session_state["questionnaire_id"]
            try:
                with session_scope() as session:
                    version = latest_version(session, questionnaire_id)
                    assert version is not None, "bootstrap stores the bundled questionnaire"
                    assessment, code = create_assessment(
                        session, version, language=lang, consent=True, benchmark_opt_in=opt_in
                    )
                    new_id = assessment.id
                    attach_invitation(session, new_id)
            except StorageError as exc:
                st.error(str(exc))
            else:
                invitation_used()
                state.open_assessment(new_id, code)
                st.session_state[SHOW_ONCE] = code
                st.switch_page("app_pages/questionnaire.py")

with st.container(border=True):
    st.markdown(f"#### {t('start.resume_title', lang)}")
    resume_form(lang)

st.caption(t("disclaimer", lang))
