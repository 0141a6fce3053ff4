"""Sign-in for advisers and programme staff; a first sign-in with a temporary password asks for a new one."""

from __future__ import annotations

import streamlit as st

from storage.accounts import MIN_PASSWORD_LENGTH, AccountError, authenticate, replace_temporary_password
from storage.db import session_scope
from ui import state
from ui.auth import local_time, sign_in, signed_in_as, single_sign_on_configured, single_sign_on_result, take_notice
from ui.i18n import t

PENDING = "login_pending_user"  # the account whose temporary password was just checked
PROBLEM = "login_problem"  # (message key, values) from the last attempt

lang = state.lang()


def attempt() -> None:
    email = st.session_state.get("login_email", "")
    password = st.session_state.get("login_password", "")
    if not email.strip() or not password:
        st.session_state[PROBLEM] = ("login.missing", {})
        return
    with session_scope() as session:
        result = authenticate(session, email, password)
    if result.reason == "must_change_password" and result.account is not None:
        st.session_state[PENDING] = result.account.id
    elif result.ok and result.account is not None:
        sign_in(signed_in_as(result.account))
    elif result.reason == "locked" and result.locked_until is not None:
        st.session_state[PROBLEM] = ("login.locked", {"time": local_time(result.locked_until)})
    elif result.reason == "disabled":
        st.session_state[PROBLEM] = ("login.disabled", {})
    else:
        st.session_state[PROBLEM] = ("login.wrong", {})


def choose_password() -> None:
    new, repeat = st.session_state.get("first_new_password", ""), st.session_state.get("first_repeat_password", "")
    if new != repeat:
        st.session_state[PROBLEM] = ("account.error.mismatch", {})
        return
    try:
        with session_scope() as session:
            account = replace_temporary_password(session, st.session_state[PENDING], new)
    except AccountError as exc:
        st.session_state[PROBLEM] = (f"account.error.{exc.code}", {"min": MIN_PASSWORD_LENGTH})
        if exc.code in {"not_allowed", "not_found"}:
            st.session_state.pop(PENDING, None)
        return
    st.session_state.pop(PENDING, None)
    sign_in(signed_in_as(account))


def show_problem() -> None:
    problem = st.session_state.pop(PROBLEM, None)
    if problem:
        key, values = problem
        st.error(t(key, lang, **values))


st.title(t("login.title", lang))
notice = take_notice()
if notice:
    st.info(t(notice, lang))

if st.session_state.get(PENDING) is not None:
    st.subheader(t("login.change_title", lang))
    st.write(t("login.change_intro", lang, min=MIN_PASSWORD_LENGTH))
    show_problem()
    with st.form("first_password", clear_on_submit=True):
        st.text_input(t("account.new_password", lang), type="password", key="first_new_password")
        st.text_input(t("account.repeat_password", lang), type="password", key="first_repeat_password")
        st.form_submit_button(t("login.change_submit", lang), type="primary", on_click=choose_password)
    if st.button(t("login.change_cancel", lang), key="first_password_cancel"):
        st.session_state.pop(PENDING, None)
        st.rerun()
    st.stop()

st.caption(t("login.intro", lang))
show_problem()
with st.form("login", clear_on_submit=True):
    st.text_input(t("login.email", lang), key="login_email", autocomplete="username")
    st.text_input(t("login.password", lang), type="password", key="login_password", autocomplete="current-password")
    st.form_submit_button(t("login.submit", lang), type="primary", on_click=attempt)

if single_sign_on_configured():
    st.write(t("login.sso_or", lang))
    refused = single_sign_on_result()
    if refused is not None and refused.account is None:
        key = "login.sso_disabled" if refused.reason == "disabled" else "login.sso_unknown"
        st.warning(t(key, lang, email=st.user.get("email") or "?"))
        if st.button(t("login.sso_sign_out", lang), key="sso_sign_out"):
            st.logout()
    elif st.button(t("login.sso_button", lang), key="sso_sign_in"):
        st.login()
