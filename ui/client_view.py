"""The client page's pieces: history, change between two assessments, private notes and report downloads."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from reports.downloads import MIME, REPORT_FORMATS
from reports.filenames import report_filename
from scoring.model import Questionnaire
from storage.db import session_scope
from storage.portfolio import HistoryEntry, SharedResult, change_between
from storage.repository import StorageError
from storage.sharing import note_of, save_note
from ui.i18n import t
from ui.portfolio_export import report_file
from ui.portfolio_view import Labels, score_column

NOTE_SAVED = "client_note_saved"
FORMAT_LABELS = {
    "pdf": "r.download_pdf",
    "html": "r.download_html",
    "xlsx": "r.download_xlsx",
    "csv": "r.download_csv",
    "json": "r.download_result",
}


def client_key_asked(value: object) -> int | None:
    """A client key from the address bar or the session; anything else is no client."""
    try:
        key = int(str(value))
    except (TypeError, ValueError):
        return None
    return key if 0 < key < 2**31 else None


def entry_label(number: int, entry: HistoryEntry, labels: Labels) -> str:
    return t("cl.assessment", labels.lang, number=number, date=entry.started.date(), status=labels.status(entry.status))


def history_section(history: Sequence[HistoryEntry], labels: Labels) -> None:
    lang = labels.lang
    st.subheader(t("cl.history", lang))
    table = pd.DataFrame(
        {
            t("cl.col.number", lang): list(range(1, len(history) + 1)),
            t("pf.col.started", lang): [h.started.date() for h in history],
            t("pf.col.completed", lang): [h.completed.date() if h.completed else None for h in history],
            t("pf.col.status", lang): [labels.status(h.status) for h in history],
            t("pf.col.score", lang): [h.overall_score for h in history],
            t("pf.col.maturity", lang): [labels.level(h.maturity_level) for h in history],
        }
    )
    st.dataframe(table, hide_index=True, column_config=score_column(lang))
    scored = [(number, h) for number, h in enumerate(history, start=1) if h.overall_score is not None]
    if len(scored) >= 2:  # one point is no trend; the table says it all
        st.markdown(f"**{t('cl.chart', lang)}**")
        points = pd.DataFrame(
            {
                "number": [number for number, _ in scored],
                "score": [h.overall_score for _, h in scored],
                "date": [(h.completed or h.updated).date().isoformat() for _, h in scored],
            }
        )
        chart = (
            alt.Chart(points)
            .mark_line(point=True)
            .encode(
                x=alt.X("number:O", title=t("cl.col.number", lang), axis=alt.Axis(labelAngle=0)),
                y=alt.Y("score:Q", title=t("pf.col.score", lang), scale=alt.Scale(domain=[0, 100])),
                tooltip=[
                    alt.Tooltip("date:N", title=t("pf.col.completed", lang)),
                    alt.Tooltip("score:Q", format=".1f"),
                ],
            )
        )
        st.altair_chart(chart)


def change_section(history: Sequence[HistoryEntry], questionnaire: Questionnaire | None, labels: Labels) -> None:
    lang = labels.lang
    st.subheader(t("cl.change_title", lang))
    numbered = {number: h for number, h in enumerate(history, start=1) if h.overall_score is not None}
    if len(numbered) < 2:
        st.caption(t("cl.need_two", lang))
        return
    options = list(numbered)
    left, right = st.columns(2)
    earlier = left.selectbox(
        t("cl.from", lang), options, index=len(options) - 2, format_func=lambda n: entry_label(n, numbered[n], labels)
    )
    later = right.selectbox(
        t("cl.to", lang), options, index=len(options) - 1, format_func=lambda n: entry_label(n, numbered[n], labels)
    )
    sections = [s for s in questionnaire.sections if s.scored] if questionnaire else []
    titles = {s.id: s.title.get(lang) for s in sections}
    changes = change_between(numbered[earlier], numbered[later], [s.id for s in sections])
    before, after = numbered[earlier].overall_score, numbered[later].overall_score
    rows = [
        {
            t("r.col_section", lang): titles.get(c.section_id, c.section_id),
            t("r.col_previous", lang): c.before,
            t("r.col_score", lang): c.after,
            t("r.col_change", lang): c.change,
        }
        for c in changes
    ]
    rows.append(
        {
            t("r.col_section", lang): t("r.overall", lang),
            t("r.col_previous", lang): before,
            t("r.col_score", lang): after,
            t("r.col_change", lang): None if before is None or after is None else round(after - before, 1),
        }
    )
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config=_one_decimal(lang))


def _one_decimal(lang: str) -> dict[str, object]:
    keys = ("r.col_previous", "r.col_score", "r.col_change")
    return {t(key, lang): st.column_config.NumberColumn(format="%.1f") for key in keys}


def notes_section(lang: str, adviser_id: int, client_key: int) -> None:
    st.subheader(t("cl.notes_title", lang))
    st.caption(t("cl.notes_help", lang))
    with session_scope() as session:
        stored = note_of(session, adviser_id, client_key)
    with st.form(f"notes:{client_key}", border=False):
        body = st.text_area(t("cl.notes_label", lang), value=stored, height=160, max_chars=20_000)
        saved = st.form_submit_button(t("cl.notes_save", lang))
    if saved:
        try:
            with session_scope() as session:
                save_note(session, adviser_id, client_key, body)
        except StorageError as exc:
            st.error(t("cl.notes_error", lang, reason=str(exc)))
        else:
            st.success(t("cl.notes_saved", lang))


def downloads_section(
    lang: str, adviser_id: int, history: Sequence[HistoryEntry], results: Sequence[SharedResult], labels: Labels
) -> None:
    st.subheader(t("cl.downloads", lang))
    by_id = {r.assessment_id: r for r in results}
    numbered = [(n, h) for n, h in enumerate(history, start=1) if h.assessment_id in by_id]
    if not numbered:
        st.caption(t("cl.no_completed", lang))
        return
    for number, entry in reversed(numbered):
        shared = by_id[entry.assessment_id]
        meta = shared.snapshot.get("meta") or {}
        with st.container(border=True):
            st.markdown(f"**{entry_label(number, entry, labels)}**")
            # Three to a row: five labels side by side get cut off.
            columns = [*st.columns(3), *st.columns(3)]
            for column, fmt in zip(columns, REPORT_FORMATS, strict=False):
                column.download_button(
                    t(FORMAT_LABELS[fmt], lang),
                    data=_builder(adviser_id, entry.assessment_id, fmt, lang),
                    file_name=report_filename(meta.get("company") or shared.company, meta.get("date"), fmt),
                    mime=MIME[fmt],
                    on_click="ignore",
                    key=f"client_download:{entry.assessment_id}:{fmt}",
                    width="stretch",
                )


def _builder(adviser_id: int, assessment_id: int, fmt: str, lang: str):  # noqa: ANN202 - a download callback
    def build() -> bytes:
        """Built on click; the share is checked again, so a withdrawn assessment gives nothing."""
        with session_scope() as session:
            made = report_file(session, adviser_id, assessment_id, fmt, lang)
        return made.data if made is not None else b""

    return build
