"""The portfolio page's pieces: labels for stored codes, invitations, filters and the clients table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from scoring.model import Questionnaire
from scoring.profile import PROFILE_CODES
from storage.db import session_scope
from storage.portfolio import SORTS, PortfolioFilter, PortfolioRow
from storage.repository import STATUSES, StorageError, latest_version, questionnaire_of
from storage.sharing import create_invitation, invitation_link, list_invitations, revoke_invitation
from ui.i18n import t

NEW_INVITATION = "new_invitation_code"  # shown once, then forgotten


def current_questionnaire() -> Questionnaire | None:
    """The newest stored version of the app's questionnaire: its labels name stored codes."""
    questionnaire_id = st.session_state.get("questionnaire_id")
    if not questionnaire_id:
        return None
    with session_scope() as session:
        version = latest_version(session, questionnaire_id)
        return questionnaire_of(version) if version is not None else None


class Labels:
    """How stored codes read in the interface language: profile answers, maturity levels, statuses."""

    def __init__(self, questionnaire: Questionnaire | None, lang: str) -> None:
        self.lang = lang
        self.profile: dict[str, dict[str, str]] = {field: {} for field in PROFILE_CODES}
        self.maturity: dict[int, str] = {}
        if questionnaire is None:
            return
        for _, question in questionnaire.all_questions():
            field = question.profile_field.value if question.profile_field is not None else None
            if field in self.profile:
                for option in getattr(question, "options", []):
                    self.profile[field][option.value] = option.label.get(lang)
        self.maturity = {level.level: level.name.get(lang) for level in questionnaire.maturity_levels}

    def code(self, field: str, value: str | None) -> str:
        return "" if value is None else self.profile.get(field, {}).get(value, value)

    def level(self, value: int | None) -> str:
        if value is None:
            return ""
        name = self.maturity.get(value)
        return f"{value} · {name}" if name else str(value)

    def status(self, value: str) -> str:
        return t(f"status.{value}", self.lang) if value in STATUSES else value


def origin() -> str:
    try:
        parts = urlsplit(st.context.url or "")
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    except (AttributeError, RuntimeError):
        return ""


def invitations_section(lang: str, adviser_id: int) -> None:
    with st.expander(t("pf.invite_title", lang), expanded=NEW_INVITATION in st.session_state):
        with st.form("invite", border=False):
            label = st.text_input(t("pf.invite_label", lang), max_chars=200, key="invite_label")
            days = st.number_input(t("pf.invite_days", lang), min_value=1, max_value=365, value=30, step=1)
            created = st.form_submit_button(t("pf.invite_button", lang), type="primary")
        if created:
            try:
                with session_scope() as session:
                    st.session_state[NEW_INVITATION] = create_invitation(session, adviser_id, label, int(days))
            except StorageError as exc:
                st.error(str(exc))
        code = st.session_state.pop(NEW_INVITATION, None)
        if code:
            st.success(t("pf.invite_created", lang))
            st.code(invitation_link(origin(), code), language=None)
            st.caption(t("pf.invite_code", lang))
            st.code(code, language=None)
        _active_invitations(lang, adviser_id)


def _active_invitations(lang: str, adviser_id: int) -> None:
    st.markdown(f"**{t('pf.invitations_title', lang)}**")
    with session_scope() as session:
        invitations = list_invitations(session, adviser_id)
    if not invitations:
        st.caption(t("pf.no_invitations", lang))
    for invitation in invitations:
        left, right = st.columns([4, 1])
        label = invitation.label or t("pf.no_label", lang)
        left.markdown(
            t(
                "pf.invitation_row",
                lang,
                label=label,
                expires=invitation.expires_at.date().isoformat(),
                uses=invitation.uses,
            )
        )
        if right.button(t("pf.revoke", lang), key=f"revoke:{invitation.id}"):
            with session_scope() as session:
                revoke_invitation(session, adviser_id, invitation.id)
            st.toast(t("pf.revoked", lang))
            st.rerun()


def filters_section(lang: str, labels: Labels) -> PortfolioFilter:
    search = st.text_input(t("pf.search", lang), max_chars=200, key="pf_search")
    with st.expander(t("pf.filters", lang)):
        left, right = st.columns(2)
        sectors = left.multiselect(
            t("pf.f_sector", lang), PROFILE_CODES["sector"], format_func=lambda c: labels.code("sector", c)
        )
        sizes = right.multiselect(
            t("pf.f_size", lang), PROFILE_CODES["size_band"], format_func=lambda c: labels.code("size_band", c)
        )
        regions = left.multiselect(
            t("pf.f_region", lang), PROFILE_CODES["region"], format_func=lambda c: labels.code("region", c)
        )
        levels = right.multiselect(t("pf.f_maturity", lang), sorted(labels.maturity) or [1, 2, 3, 4, 5])
        statuses = left.multiselect(t("pf.f_status", lang), STATUSES, format_func=labels.status)
        dates = right.columns(2)
        updated_from = dates[0].date_input(t("pf.f_from", lang), value=None, key="pf_from")
        updated_to = dates[1].date_input(t("pf.f_to", lang), value=None, key="pf_to")
    left, right = st.columns([2, 1])
    sort = left.selectbox(t("pf.sort", lang), SORTS, format_func=lambda s: t(f"pf.sort.{s}", lang), key="pf_sort")
    descending = right.toggle(t("pf.descending", lang), value=sort != "company", key=f"pf_desc:{sort}")
    return PortfolioFilter(
        sectors=sectors,
        size_bands=sizes,
        regions=regions,
        maturity_levels=levels,
        statuses=statuses,
        updated_from=updated_from if isinstance(updated_from, dt.date) else None,
        updated_to=updated_to if isinstance(updated_to, dt.date) else None,
        search=search,
        sort=sort,
        descending=descending,
    )


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def clients_frame(rows: Sequence[PortfolioRow], labels: Labels) -> pd.DataFrame:
    lang = labels.lang
    columns = {
        t("pf.col.company", lang): [r.company for r in rows],
        t("pf.col.sector", lang): [labels.code("sector", r.sector) for r in rows],
        t("pf.col.size", lang): [labels.code("size_band", r.size_band) for r in rows],
        t("pf.col.region", lang): [labels.code("region", r.region) for r in rows],
        t("pf.col.status", lang): [labels.status(r.status) for r in rows],
        t("pf.col.score", lang): [r.overall_score for r in rows],
        t("pf.col.maturity", lang): [labels.level(r.maturity_level) for r in rows],
        t("pf.col.started", lang): [_day(r.started) for r in rows],
        t("pf.col.updated", lang): [_day(r.updated) for r in rows],
        t("pf.col.completed", lang): [_day(r.completed) for r in rows],
        t("pf.col.shared", lang): [r.shared_count for r in rows],
    }
    return pd.DataFrame(columns)


def score_column(lang: str) -> dict[str, object]:
    return {t("pf.col.score", lang): st.column_config.NumberColumn(format="%.1f")}
