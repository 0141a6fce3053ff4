"""The signed-in adviser's or staff member's own account: who is signed in, change password, sign out."""

from __future__ import annotations

import streamlit as st

from storage.accounts import MIN_PASSWORD_LENGTH, AccountError, change_password
from storage.db import session_scope
from ui import state
from ui.auth import require_role, sign_out
from ui.i18n import t

RESULT = "account_change_result"  # (ok, message key) of the last change

lang = state.lang()
user = require_role("adviser", "staff")


def change() -> None:
    current = st.session_state.get("current_password", "")
    new, repeat = st.session_state.get("new_password", ""), st.session_state.get("repeat_password", "")
    if new != repeat:
        st.session_state[RESULT] = (False, "account.error.mismatch")
        return
    try:
        with session_scope() as session:
            change_password(session, user.user_id, current, new)
    except AccountError as exc:
        st.session_state[RESULT] = (False, f"account.error.{exc.code}")
        return
    st.session_state[RESULT] = (True, "account.changed")


st.title(t("account.title", lang))
role = t(f"account.role.{user.role}", lang)
st.markdown(t("account.summary", lang, name=user.display_name or user.email, email=user.email, role=role))
st.caption(t("account.session", lang))
st.button(t("auth.sign_out", lang), key="account_sign_out", on_click=sign_out, args=("auth.signed_out.by_you",))

if not user.single_sign_on:
    st.subheader(t("account.change_title", lang))
    outcome = st.session_state.pop(RESULT, None)
    if outcome is not None:
        ok, key = outcome
        (st.success if ok else st.error)(t(key, lang, min=MIN_PASSWORD_LENGTH))
    with st.form("change_password", clear_on_submit=True):
        st.text_input(t("account.current_password", lang), type="password", key="current_password")
        st.text_input(
            t("account.new_password", lang),
            type="password",
            key="new_password",
            help=t("account.password_rule", lang, min=MIN_PASSWORD_LENGTH),
        )
        st.text_input(t("account.repeat_password", lang), type="password", key="repeat_password")
        st.form_submit_button(t("account.change_submit", lang), type="primary", on_click=change)
