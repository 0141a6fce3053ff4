"""The resume code and link: shown prominently once after starting, then in the sidebar."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

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
