"""Who is signed in. SME respondents never sign in (their resume code is their key); advisers and staff do.

A sign-in lives in this browser tab's Streamlit session on the server: a page reload starts a new session
and asks for the password again (see README, "Accounts and sign-in"). Nothing about it is kept in the browser.
Every run re-reads the account (`revalidate`), so disabling, deleting, resetting or changing the role of an
account signs it out of open sessions at their next click.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.errors import StreamlitSecretNotFoundError

from storage.accounts import Account, SignInResult, get_user, sign_in_external
from storage.db import session_scope
from ui import state
from ui.i18n import t

SIGNED_IN = "signed_in_user"
LAST_SEEN = "signed_in_last_seen"  # time.time() of the signed-in user's last run
LANDING = "landing_page"  # set at sign-in and sign-out: app.py then opens that page once
NOTICE = "signed_out_notice"  # the message key saying why a session was signed out, shown once
ROLES = ("adviser", "staff")
# Signed out after this long without a click. A working day; a reload or a closed tab signs out anyway.
IDLE_LIMIT = dt.timedelta(hours=8)
DEFAULT_PAGE = {"adviser": "portfolio", "staff": "dashboard"}
HONG_KONG = dt.timezone(dt.timedelta(hours=8), "HKT")  # also Beijing time: the users' clock


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    email: str
    display_name: str
    role: str  # adviser | staff
    single_sign_on: bool = False


def current_user() -> SignedIn | None:
    user = st.session_state.get(SIGNED_IN)
    return user if isinstance(user, SignedIn) else None


def signed_in_as(account: Account, single_sign_on: bool = False) -> SignedIn:
    return SignedIn(account.id, account.email, account.display_name, account.role, single_sign_on)


def sign_in(user: SignedIn) -> None:
    """Sign in this session; the next run opens the role's default page."""
    st.session_state[SIGNED_IN] = user
    st.session_state[LAST_SEEN] = time.time()
    st.session_state[LANDING] = DEFAULT_PAGE[user.role]
    st.session_state.pop(NOTICE, None)


def sign_out(notice: str | None = None) -> None:
    """Sign out this session; the next run opens the sign-in page, with `notice` (a message key) saying why."""
    user = current_user()
    for key in (SIGNED_IN, LAST_SEEN):
        st.session_state.pop(key, None)
    st.session_state[LANDING] = "login"
    if notice:
        st.session_state[NOTICE] = notice
    if user is not None and user.single_sign_on and _provider_signed_in():
        st.logout()  # or the provider's sign-in would sign this session in again at once


def take_landing() -> str | None:
    """The page to open once, right after signing in or out (a page name in app.py's navigation)."""
    return st.session_state.pop(LANDING, None)


def take_notice() -> str | None:
    return st.session_state.pop(NOTICE, None)


def revalidate() -> SignedIn | None:
    """Called by app.py at the start of every run: the signed-in user as the database has them now, or None
    (signed out) when the account was disabled, deleted, reset or given another role, or after IDLE_LIMIT."""
    user = current_user()
    if user is None:
        return _adopt_single_sign_on()
    last_seen = st.session_state.get(LAST_SEEN)
    if not isinstance(last_seen, float) or time.time() - last_seen > IDLE_LIMIT.total_seconds():
        sign_out("auth.signed_out.idle")
        return None
    try:
        with session_scope() as session:
            account = get_user(session, user.user_id)
    except SQLAlchemyError:
        # Fail closed: a session that cannot be checked is not trusted.
        sign_out("auth.signed_out.unchecked")
        return None
    if account is None or account.disabled or account.role != user.role or account.must_change_password:
        sign_out("auth.signed_out.changed")
        return None
    fresh = signed_in_as(account, user.single_sign_on)
    if fresh != user:
        st.session_state[SIGNED_IN] = fresh  # a new display name or email
    st.session_state[LAST_SEEN] = time.time()
    return fresh


def require_role(*roles: str) -> SignedIn:
    """The signed-in user when their role is one of `roles`; otherwise a message, and the page stops here.
    Navigation already hides such pages; this guards a page opened by its address."""
    user = current_user()
    lang = state.lang()
    if user is None:
        st.warning(t("auth.required", lang))
        st.stop()
    if user.role not in roles:
        st.error(t("auth.forbidden", lang))
        st.stop()
    return user


def local_time(moment: dt.datetime, with_date: bool = False) -> str:
    return moment.astimezone(HONG_KONG).strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


# ---------------------------------------------------------------- single sign-on (optional)


def single_sign_on_configured() -> bool:
    """Whether `.streamlit/secrets.toml` has an [auth] section (Streamlit's OpenID Connect settings)."""
    try:
        return "auth" in st.secrets
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False


def _provider_signed_in() -> bool:
    return single_sign_on_configured() and bool(st.user.get("is_logged_in"))


def single_sign_on_result() -> SignInResult | None:
    """For a person the identity provider signed in: their account's sign-in result (the role always comes
    from the database). None when single sign-on is not configured or nobody is signed in there."""
    if not _provider_signed_in():
        return None
    email = st.user.get("email")
    if not isinstance(email, str) or not email:
        return SignInResult(None, "unknown_account")
    with session_scope() as session:
        return sign_in_external(session, email)


def _adopt_single_sign_on() -> SignedIn | None:
    try:
        result = single_sign_on_result()
    except SQLAlchemyError:
        return None
    if result is None or result.account is None:
        return None  # the sign-in page says why
    user = signed_in_as(result.account, single_sign_on=True)
    sign_in(user)
    return user
