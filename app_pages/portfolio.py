"""The adviser's clients: invitations, the filtered table, opening a client, and bulk exports."""

from __future__ import annotations

import streamlit as st

from reports.downloads import MIME
from reports.filenames import report_filename
from storage.db import session_scope
from storage.portfolio import client_count, portfolio_rows
from ui import state
from ui.auth import require_role
from ui.i18n import t
from ui.portfolio_export import ZIP_MIME, pdf_zip, portfolio_xlsx
from ui.portfolio_view import (
    Labels,
    clients_frame,
    current_questionnaire,
    filters_section,
    invitations_section,
    score_column,
)

ZIP_READY = "portfolio_zip"
CLIENT = "adviser_client"

lang = state.lang()
adviser = require_role("adviser")
st.title(t("nav.portfolio", lang))
invitations_section(lang, adviser.user_id)

questionnaire = current_questionnaire()
labels = Labels(questionnaire, lang)
chosen = filters_section(lang, labels)
with session_scope() as session:
    total = client_count(session, adviser.user_id)
    rows = portfolio_rows(session, adviser.user_id, chosen) if total else []
if not total:
    st.info(t("pf.empty", lang))
    st.stop()
if not rows:
    st.info(t("pf.no_match", lang))
    st.stop()

st.caption(t("pf.count", lang, shown=len(rows), total=total) + " · " + t("pf.select_hint", lang))
table = st.dataframe(
    clients_frame(rows, labels),
    hide_index=True,
    on_select="rerun",
    selection_mode="multi-row",
    column_config=score_column(lang),
    key="portfolio_table",
)
selected = [rows[i] for i in table.selection.rows if i < len(rows)]  # type: ignore[attr-defined]

by_key = {row.client_key: row for row in rows}
left, right = st.columns([3, 1], vertical_alignment="bottom")
first = selected[0].client_key if selected else None
opened = left.selectbox(
    t("pf.open_label", lang),
    list(by_key),
    index=list(by_key).index(first) if first in by_key else 0,
    format_func=lambda key: by_key[key].company or f"#{key}",
    key=f"pf_open:{first}",
)
if right.button(t("pf.open_button", lang), type="primary", width="stretch"):
    st.session_state[CLIENT] = opened
    st.switch_page("app_pages/client.py", query_params={"client": str(opened)})

st.subheader(t("pf.export_title", lang))
shown_ids = [row.assessment_id for row in rows]
adviser_id = adviser.user_id


def build_xlsx() -> bytes:
    """Built on click, on Streamlit's download thread; the shares are checked again then."""
    assert questionnaire is not None
    with session_scope() as session:
        made = portfolio_xlsx(session, adviser_id, shown_ids, questionnaire, lang)
    return made.data if made is not None else b""


if questionnaire is not None and any(row.overall_score is not None for row in rows):
    st.download_button(
        t("pf.export_xlsx", lang),
        data=build_xlsx,
        file_name=report_filename("", None, "xlsx", kind="ip-ready-portfolio"),
        mime=MIME["xlsx"],
        on_click="ignore",
        key="export_xlsx",
    )
else:
    st.caption(t("pf.export_none", lang))

if not selected:
    st.caption(t("pf.zip_none_selected", lang))
else:
    selected_ids = tuple(row.assessment_id for row in selected)
    if st.button(t("pf.zip_build", lang, count=len(selected)), key="zip_build"):
        bar = st.progress(0.0)

        def advance(done: int, total_reports: int) -> None:
            bar.progress(done / total_reports, text=t("pf.zip_progress", lang, done=done, total=total_reports))

        with session_scope() as session:
            archive, skipped = pdf_zip(session, adviser_id, selected_ids, lang, advance)
        st.session_state[ZIP_READY] = (selected_ids, archive, skipped)
    ready = st.session_state.get(ZIP_READY)
    if ready is not None and ready[0] == selected_ids:
        _, archive, skipped = ready
        st.success(t("pf.zip_ready", lang, count=len(selected_ids) - skipped, skipped=skipped))
        st.download_button(
            t("pf.zip_download", lang), data=archive.data, file_name=archive.file_name, mime=ZIP_MIME, key="zip_get"
        )
