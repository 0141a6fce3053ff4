"""One client of the adviser: history of shared assessments, change between two, notes, every report."""

from __future__ import annotations

import streamlit as st

from storage.db import session_scope
from storage.portfolio import client_history, shared_results
from ui import state
from ui.auth import require_role
from ui.client_view import (
    change_section,
    client_key_asked,
    downloads_section,
    history_section,
    notes_section,
)
from ui.i18n import t
from ui.portfolio_export import questionnaire_of_version
from ui.portfolio_view import Labels, current_questionnaire

CLIENT = "adviser_client"

lang = state.lang()
adviser = require_role("adviser")
asked = client_key_asked(st.query_params.get("client") or st.session_state.get(CLIENT))

# Whatever the address bar says, only a client shared with this adviser now is shown.
with session_scope() as session:
    history = client_history(session, adviser.user_id, asked) if asked is not None else []
    results = shared_results(session, adviser.user_id, [h.assessment_id for h in history])
    questionnaire = (
        questionnaire_of_version(session, results[-1].questionnaire_version_id) if results else None
    ) or current_questionnaire()

if asked is None or not history:
    st.title(t("nav.client", lang))
    st.error(t("cl.not_found", lang))
    st.page_link("app_pages/portfolio.py", label=t("cl.back", lang), icon=":material/arrow_back:")
    st.stop()

st.session_state[CLIENT] = asked
st.query_params["client"] = str(asked)
labels = Labels(questionnaire, lang)
latest = history[-1]
st.page_link("app_pages/portfolio.py", label=t("cl.back", lang), icon=":material/arrow_back:")
st.title(latest.company or t("nav.client", lang))
facts = [labels.status(latest.status)]
if latest.overall_score is not None:
    facts.append(f"{t('pf.col.score', lang)}: {latest.overall_score:.1f}")
if latest.maturity_level is not None:
    facts.append(f"{t('pf.col.maturity', lang)}: {labels.level(latest.maturity_level)}")
st.caption(" · ".join(facts))

history_section(history, labels)
change_section(history, questionnaire, labels)
notes_section(lang, adviser.user_id, asked)
downloads_section(lang, adviser.user_id, history, results, labels)
