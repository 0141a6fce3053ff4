"""Who is signed in. SME respondents never sign in (their resume code is their key); advisers and staff do.

A sign-in lives in this browser tab's Streamlit session on the server: a page reload starts a new session
and asks for the password again (see README, "Accounts"). Nothing about it is kept in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui import state
from ui.i18n import t

SIGNED_IN = "signed_in_user"
ROLES = ("adviser", "staff")


@dataclass(frozen=True)
class SignedIn:
    user_id: int
    email: str
    display_name: str
    role: str  # adviser | staff


def current_user() -> SignedIn | None:
    user = st.session_state.get(SIGNED_IN)
    return user if isinstance(user, SignedIn) else None


def sign_in(user: SignedIn) -> None:
    st.session_state[SIGNED_IN] = user


def sign_out() -> None:
    st.session_state.pop(SIGNED_IN, None)


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
