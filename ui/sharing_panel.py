"""The SME's side of sharing: an adviser's invitation link, who sees this assessment, withdrawing, sharing by code."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.orm import Session

from storage.db import session_scope
from storage.repository import StorageError
from storage.sharing import (
    INVITE_PARAMETER,
    adviser_name,
    invitation_by_code,
    share_assessment,
    shares_of,
    usable_invitation,
    withdraw_share,
)
from ui import state
from ui.i18n import t

INVITATION = "invitation"  # {"id": invitation id, "adviser": name} while the SME has not started yet
INVITATION_ERROR = "invitation_error"
SHARE_WITH_INVITER = "share_with_inviter"
CONFIRM_WITHDRAW = "confirm_withdraw"
SHARE_MESSAGE = "share_message"


def exchange_invite_parameter() -> None:
    """`?invite=CODE` keeps the invitation in this tab and removes the code from the address bar."""
    code = st.query_params.get(INVITE_PARAMETER)
    if code is None:
        return
    del st.query_params[INVITE_PARAMETER]
    with session_scope() as session:
        found = invitation_by_code(session, code)
        kept = {"id": found.id, "adviser": adviser_name(session, found.adviser_id)} if found else None
    if kept is None:
        st.session_state.pop(INVITATION, None)
        st.session_state[INVITATION_ERROR] = True
    else:
        st.session_state[INVITATION] = kept
        st.session_state.pop(INVITATION_ERROR, None)


def invitation_notice(lang: str) -> None:
    """On the start page: who invited this SME, and a box (ticked) to share the new assessment with them."""
    if st.session_state.pop(INVITATION_ERROR, False):
        st.warning(t("invite.invalid", lang))
    invitation = st.session_state.get(INVITATION)
    if not invitation:
        return
    st.info(t("invite.notice", lang, adviser=invitation["adviser"]))
    st.checkbox(t("invite.share_box", lang, adviser=invitation["adviser"]), value=True, key=SHARE_WITH_INVITER)


def attach_invitation(session: Session, assessment_id: int) -> None:
    """Share a just-created assessment with the inviting adviser when the SME left the box ticked.
    The invitation is checked again: it may have expired or been revoked since the link was opened."""
    invitation = st.session_state.get(INVITATION)
    if not invitation or not st.session_state.get(SHARE_WITH_INVITER, True):
        return
    found = usable_invitation(session, invitation["id"])
    if found is not None:
        share_assessment(session, assessment_id, found.adviser_id, found.id)


def invitation_used() -> None:
    st.session_state.pop(INVITATION, None)


def sharing_panel(lang: str) -> None:
    """On "My data and sharing": the advisers who see this assessment, with Withdraw, and share by code."""
    assessment_id = state.assessment_id()
    if assessment_id is None:
        return
    st.subheader(t("share.title", lang))
    message = st.session_state.pop(SHARE_MESSAGE, None)
    if message:
        st.success(message)
    with session_scope() as session:
        shares = shares_of(session, assessment_id)
    if not shares:
        st.caption(t("share.none", lang))
    for share in shares:
        _share_row(lang, assessment_id, share.adviser_id, share.adviser_name, share.since.date().isoformat())
    _share_by_code(lang, assessment_id)


def _share_row(lang: str, assessment_id: int, adviser_id: int, name: str, since: str) -> None:
    with st.container(border=True):
        left, right = st.columns([3, 1])
        left.markdown(f"**{name}**  \n{t('share.since', lang, date=since)}")
        if st.session_state.get(CONFIRM_WITHDRAW) != adviser_id:
            if right.button(t("share.withdraw", lang), key=f"withdraw:{adviser_id}"):
                st.session_state[CONFIRM_WITHDRAW] = adviser_id
                st.rerun()
            return
        st.warning(t("share.confirm", lang, adviser=name))
        yes, no = st.columns(2)
        if yes.button(t("share.confirm_yes", lang), key=f"withdraw_yes:{adviser_id}", type="primary"):
            with session_scope() as session:
                withdraw_share(session, assessment_id, adviser_id)
            st.session_state.pop(CONFIRM_WITHDRAW, None)
            st.session_state[SHARE_MESSAGE] = t("share.withdrawn", lang, adviser=name)
            st.rerun()
        if no.button(t("share.cancel", lang), key=f"withdraw_no:{adviser_id}"):
            st.session_state.pop(CONFIRM_WITHDRAW, None)
            st.rerun()


def _share_by_code(lang: str, assessment_id: int) -> None:
    with st.form("share_by_code"):
        st.markdown(f"**{t('share.add_title', lang)}**")
        code = st.text_input(t("share.code_label", lang), max_chars=300, key="share_code")
        agreed = st.checkbox(t("share.consent", lang), key="share_consent")
        submitted = st.form_submit_button(t("share.add_button", lang))
    if not submitted:
        return
    if not agreed:
        st.error(t("share.need_consent", lang))
        return
    try:
        with session_scope() as session:
            found = invitation_by_code(session, code)
            if found is None:
                st.error(t("share.code_invalid", lang))
                return
            share_assessment(session, assessment_id, found.adviser_id, found.id)
            name = adviser_name(session, found.adviser_id)
    except StorageError:
        st.error(t("share.code_invalid", lang))
        return
    st.session_state[SHARE_MESSAGE] = t("share.added", lang, adviser=name)
    st.rerun()
