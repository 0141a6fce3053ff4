"""IP Ready: the Streamlit entry point. It sets up the page, checks start-up, and routes."""

from __future__ import annotations

import streamlit as st

from storage.db import database_url
from ui import state
from ui.bootstrap import Startup, bundled_file, start
from ui.i18n import LANGUAGES, t

st.set_page_config(page_title="IP Ready", page_icon=":material/verified_user:", layout="centered")


@st.cache_resource(show_spinner=False)
def startup(url: str, questionnaire_file: str, modified: float) -> Startup:
    """Once per process and questionnaire file version; an unusable start is not cached."""
    return start(url)


file = bundled_file()
ready = startup(database_url(), str(file), file.stat().st_mtime if file.is_file() else 0.0)
if not ready.ok:
    startup.clear()
    lang = state.lang()
    st.title(t("app.name", lang))
    if ready.database_unreachable:
        st.error(t("error.database", lang))
    elif ready.schema_outdated:
        st.error(t("error.schema", lang))
    else:
        st.error(t("error.questionnaire", lang))
        detail = [p.format() for p in ready.problems] or [ready.conflict or f"{ready.missing_file}: not found"]
        st.code("\n".join(detail), language="text")
    st.stop()

st.session_state["questionnaire_id"] = ready.questionnaire_id
opened = state.exchange_resume_parameter()
lang = state.lang()

with st.sidebar:
    st.selectbox(
        t("language", lang),
        list(LANGUAGES),
        index=list(LANGUAGES).index(lang),
        format_func=LANGUAGES.__getitem__,
        key=f"language_picker:{lang}",
        on_change=lambda: state.set_lang(st.session_state[f"language_picker:{lang}"]),
    )

pages = {
    "start": st.Page("app_pages/start.py", title=t("nav.start", lang), icon=":material/home:", default=True),
    "questionnaire": st.Page(
        "app_pages/questionnaire.py", title=t("nav.questionnaire", lang), icon=":material/edit_note:"
    ),
    "results": st.Page("app_pages/results.py", title=t("nav.results", lang), icon=":material/insights:"),
}
navigation = st.navigation(list(pages.values()))
if opened:
    st.switch_page(pages["questionnaire"])
navigation.run()
