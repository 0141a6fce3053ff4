"""Programme dashboard for staff: assessments started and completed, drop-off by section, maturity spread.
Programme-wide aggregates only: no company names."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from storage.db import session_scope
from storage.insights import activity, date_span, drop_off, maturity_spread, summary
from storage.repository import latest_version, questionnaire_of
from ui import state
from ui.auth import require_role
from ui.dashboard_charts import (
    activity_figure,
    activity_table,
    drop_off_figure,
    drop_off_table,
    spread_figure,
    spread_table,
)
from ui.i18n import t

require_role("staff")
lang = state.lang()
questionnaire_id = st.session_state.get("questionnaire_id")

st.title(t("dash.title", lang))
st.caption(t("dash.intro", lang))

with session_scope() as session:
    span = date_span(session, questionnaire_id)
    version = latest_version(session, questionnaire_id) if questionnaire_id else None
    questionnaire = questionnaire_of(version) if version else None
if span is None or questionnaire is None:
    st.info(t("dash.empty", lang))
    st.stop()

today = dt.datetime.now(dt.UTC).date()
left, right = st.columns([2, 1])
chosen = left.date_input(t("dash.dates", lang), value=(span[0], max(span[1], today)), key="dash_dates")
period = right.radio(
    t("dash.period", lang),
    ["week", "month"],
    format_func=lambda value: t(f"dash.{value}", lang),
    horizontal=True,
    key="dash_period",
)
# While a range is being picked the widget holds only its first day.
start, end = (chosen[0], chosen[-1]) if isinstance(chosen, tuple) and chosen else (span[0], today)

with session_scope() as session:
    totals = summary(session, start, end, questionnaire_id)
    over_time = activity(session, start, end, period, questionnaire_id)
    stopped = drop_off(session, start, end, [s.id for s in questionnaire.sections], questionnaire_id)
    by_sector = maturity_spread(session, "sector", start, end, questionnaire_id)
    by_region = maturity_spread(session, "region", start, end, questionnaire_id)

metrics = st.columns(4)
metrics[0].metric(t("dash.started", lang), totals.started)
metrics[1].metric(t("dash.completed", lang), totals.completed, help=t("dash.completed_help", lang))
rate = "–" if totals.completion_rate is None else f"{totals.completion_rate:.0%}"
metrics[2].metric(t("dash.rate", lang), rate, help=t("dash.rate_help", lang))
metrics[3].metric(t("dash.in_progress", lang), totals.in_progress)

if totals.started == 0 and totals.completed == 0:
    st.info(t("dash.empty_range", lang))
    st.stop()


def chart_and_table(figure: object, table: pd.DataFrame, key: str) -> None:
    """A chart and the same numbers as a table, for screen readers and printing."""
    st.plotly_chart(figure, config={"displayModeBar": False}, key=key)
    with st.expander(t("r.chart_table", lang)):
        st.dataframe(table, hide_index=True, width="stretch")


st.subheader(t("dash.over_time", lang))
chart_and_table(activity_figure(over_time, lang), activity_table(over_time, lang), "dash_activity")

st.subheader(t("dash.drop_off", lang))
st.caption(t("dash.drop_off_intro", lang))
stopped_table = drop_off_table(stopped, questionnaire, lang)
chart_and_table(drop_off_figure(stopped_table, lang), stopped_table, "dash_drop_off")

for title, field, rows in (("dash.by_sector", "sector", by_sector), ("dash.by_region", "region", by_region)):
    st.subheader(t(title, lang))
    st.caption(t("dash.spread_intro", lang))
    if not rows:
        st.info(t("dash.empty_range", lang))
        continue
    chart_and_table(
        spread_figure(rows, field, questionnaire, lang),
        spread_table(rows, field, questionnaire, lang),
        f"dash_{field}",
    )
