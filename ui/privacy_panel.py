"""The SME's privacy controls on "My data and sharing": what is kept, download everything, delete for good."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from storage.db import session_scope
from storage.privacy import delete_for_good, draft_retention, export_data, export_file_name
from storage.repository import StorageError
from ui import state
from ui.i18n import t

T = TypeVar("T")
DELETED = "privacy_deleted"  # how many assessments the last deletion removed, shown once


def deletion_notice(lang: str) -> None:
    """The confirmation after a deletion; the page calls it before it asks for an open assessment."""
    count = st.session_state.pop(DELETED, None)
    if count == 1:
        st.success(t("privacy.deleted_one", lang))
    elif count:
        st.success(t("privacy.deleted", lang, count=count))


def _stored(lang: str, action: Callable[[Session], T]) -> T | None:
    """`action` in one transaction; None, with the reason shown, when it could not be done."""
    try:
        with session_scope() as session:
            return action(session)
    except StorageError:
        state.close_assessment()  # deleted elsewhere: nothing left to show or save
        st.error(t("privacy.gone", lang))
    except SQLAlchemyError:
        st.error(t("privacy.failed", lang))
    return None


def privacy_panel(lang: str) -> None:
    assessment_id = state.assessment_id()
    if assessment_id is None:
        return
    st.subheader(t("privacy.title", lang))
    st.markdown(t("privacy.stored", lang))
    st.caption(_retention_text(lang))
    data = _stored(lang, lambda session: export_data(session, assessment_id))
    if data is None:
        return
    st.caption(t("privacy.download.explain", lang))
    st.download_button(
        t("privacy.download.button", lang),
        data=json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
        file_name=export_file_name(data),
        mime="application/json",
        icon=":material/download:",
        key="privacy_download",
    )
    _delete_form(lang, assessment_id, len(data["earlier_assessments"]))


def _retention_text(lang: str) -> str:
    try:
        retention = draft_retention()
    except StorageError:
        retention = None  # a mistyped setting: the purge does not run either
    if retention is None:
        return t("privacy.retention_off", lang)
    return t("privacy.retention", lang, days=retention.days)


def _delete_form(lang: str, assessment_id: int, earlier: int) -> None:
    st.subheader(t("privacy.delete.title", lang))
    st.warning(t("privacy.delete.warning", lang), icon=":material/warning:")
    label = t("privacy.delete.earlier_one", lang) if earlier == 1 else t("privacy.delete.earlier", lang, count=earlier)
    include_earlier = bool(earlier) and st.checkbox(label, key="privacy_delete_earlier")
    confirmed = st.checkbox(t("privacy.delete.confirm", lang), key="privacy_delete_confirm")
    if not st.button(t("privacy.delete.button", lang), type="primary", disabled=not confirmed, key="privacy_delete"):
        return
    deleted = _stored(lang, lambda session: delete_for_good(session, assessment_id, include_earlier=include_earlier))
    if deleted is None:
        return
    state.close_assessment()
    for key in ("privacy_delete_earlier", "privacy_delete_confirm"):
        st.session_state.pop(key, None)
    st.session_state[DELETED] = deleted
    st.rerun()
