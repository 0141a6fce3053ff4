"""Programme staff: every adviser and staff account; add, disable or enable, unlock, reset a password."""

from __future__ import annotations

import streamlit as st

from storage.accounts import (
    ROLES,
    Account,
    AccountError,
    create_user,
    list_users,
    new_temporary_password,
    reset_password,
    set_disabled,
    unlock,
)
from storage.db import session_scope
from ui import state
from ui.auth import local_time, require_role
from ui.i18n import t

TEMPORARY = "users_temporary_password"  # (email, password) until the staff member confirms noting it
OUTCOME = "users_outcome"  # (ok, message key, values) of the last action

lang = state.lang()
me = require_role("staff")


def add() -> None:
    email, name = st.session_state.get("new_user_email", ""), st.session_state.get("new_user_name", "")
    temporary = new_temporary_password()
    try:
        with session_scope() as session:
            account = create_user(
                session, email, st.session_state["new_user_role"], temporary, name, must_change_password=True
            )
    except AccountError as exc:
        st.session_state[OUTCOME] = (False, f"account.error.{exc.code}", {})
        return
    st.session_state[TEMPORARY] = (account.email, temporary)


def act(action: str, account: Account) -> None:
    if action == "disable" and account.id == me.user_id:
        st.session_state[OUTCOME] = (False, "account.error.self", {})
        return
    try:
        with session_scope() as session:
            if action == "reset":
                st.session_state[TEMPORARY] = (account.email, reset_password(session, account.id))
                return
            if action == "unlock":
                unlock(session, account.id)
            else:
                set_disabled(session, account.id, action == "disable")
    except AccountError as exc:
        st.session_state[OUTCOME] = (False, f"account.error.{exc.code}", {})
        return
    st.session_state[OUTCOME] = (True, f"users.done.{action}", {"email": account.email})


def status(account: Account) -> str:
    if account.disabled:
        return t("users.status.disabled", lang)
    if account.locked() and account.locked_until is not None:
        return t("users.status.locked", lang, time=local_time(account.locked_until))
    return t("users.status.must_change" if account.must_change_password else "users.status.active", lang)


st.title(t("users.title", lang))
st.caption(t("users.intro", lang))

temporary = st.session_state.get(TEMPORARY)
if temporary:
    email, password = temporary
    with st.container(border=True):
        st.warning(t("users.temporary", lang, email=email))
        st.code(password, language=None)
        if st.button(t("users.temporary_done", lang), key="temporary_noted"):
            st.session_state.pop(TEMPORARY, None)
            st.rerun()
outcome = st.session_state.pop(OUTCOME, None)
if outcome:
    ok, key, values = outcome
    (st.success if ok else st.error)(t(key, lang, **values))

with session_scope() as session:
    accounts = list_users(session)
never = t("users.never", lang)
st.dataframe(
    [
        {
            t("users.col.email", lang): a.email,
            t("users.col.name", lang): a.display_name,
            t("users.col.role", lang): t(f"account.role.{a.role}", lang),
            t("users.col.status", lang): status(a),
            t("users.col.last", lang): local_time(a.last_login_at, with_date=True) if a.last_login_at else never,
        }
        for a in accounts
    ],
    hide_index=True,
    width="stretch",
)

left, right = st.columns(2)
with left, st.form("add_user", clear_on_submit=True):
    st.markdown(f"**{t('users.add_title', lang)}**")
    st.text_input(t("users.add_email", lang), key="new_user_email")
    st.text_input(t("users.add_name", lang), key="new_user_name")
    st.selectbox(
        t("users.add_role", lang), ROLES, key="new_user_role", format_func=lambda r: t(f"account.role.{r}", lang)
    )
    st.form_submit_button(t("users.add_submit", lang), type="primary", on_click=add)

with right, st.container(border=True):
    st.markdown(f"**{t('users.manage_title', lang)}**")
    by_id = {a.id: a for a in accounts}
    chosen_id = st.selectbox(
        t("users.pick", lang), list(by_id), key="manage_user", format_func=lambda i: by_id[i].email
    )
    chosen = by_id.get(chosen_id) if chosen_id is not None else None
    if chosen is not None:
        toggle = "enable" if chosen.disabled else "disable"
        with st.container(horizontal=True):
            st.button(t(f"users.{toggle}", lang), key="user_toggle", on_click=act, args=(toggle, chosen))
            locked = chosen.locked()
            st.button(
                t("users.unlock", lang), key="user_unlock", on_click=act, args=("unlock", chosen), disabled=not locked
            )
            st.button(t("users.reset", lang), key="user_reset", on_click=act, args=("reset", chosen))
    st.caption(t("users.manage_help", lang))
