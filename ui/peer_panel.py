"""The results page's peer comparison: opt in, then percentiles and the group's distribution with "you are here".

Give-to-get: the comparison is shown to companies that take part (benchmark_opt_in), as in most peer
benchmarking schemes: a company sees others' anonymous scores only when its own count for them too.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from scoring.benchmarks import BINS, Benchmark, bin_bounds
from scoring.model import Questionnaire, SingleChoice
from storage.db import session_scope
from storage.insights import peer_benchmark
from storage.repository import get_assessment, update_assessment
from ui.charts import COLOUR, FONT, TEMPLATE
from ui.i18n import t

HIGHLIGHT = "#d9822b"
OPT_IN_KEY = "peer_opt_in"


def profile_label(questionnaire: Questionnaire, field: str, code: str | None, lang: str) -> str:
    """A sector, size band or region as the questionnaire's profile question words it."""
    if code is None:
        return t("peer.unknown", lang)
    for _, question in questionnaire.all_questions():
        if isinstance(question, SingleChoice) and question.profile_field and question.profile_field.value == field:
            labels = {option.value: option.label.get(lang) for option in question.options}
            if code in labels:
                return labels[code]
    return code.replace("_", " ").capitalize()  # a questionnaire without this profile question


def group_label(questionnaire: Questionnaire, benchmark: Benchmark, lang: str) -> str:
    if not benchmark.group.criteria:
        return t("peer.group_all", lang)
    parts = []
    for field, code in benchmark.group.criteria:
        name = profile_label(questionnaire, field, code, lang)
        parts.append(t("peer.size", lang, size=name) if field == "size_band" else name)
    return ", ".join(parts) if lang == "en" else "、".join(parts)


def bin_label(index: int) -> str:
    low, high = bin_bounds(index)
    return f"{low}–{high}"


def distribution_figure(benchmark: Benchmark, lang: str) -> go.Figure:
    labels = [bin_label(i) for i in range(BINS)]
    colours = [HIGHLIGHT if i == benchmark.own_bin else COLOUR for i in range(BINS)]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=list(benchmark.distribution),
            marker={"color": colours},
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    figure.add_annotation(
        x=labels[benchmark.own_bin],
        y=benchmark.distribution[benchmark.own_bin],
        text=f"{t('peer.you_are_here', lang)} ({benchmark.overall.score:.1f})",
        showarrow=True,
        arrowhead=2,
        arrowcolor=HIGHLIGHT,
        ax=0,
        ay=-40,
        font={"color": HIGHLIGHT},
    )
    figure.update_layout(
        template=TEMPLATE,
        xaxis={"title": t("peer.axis_score", lang), "type": "category"},
        yaxis={
            "title": t("peer.axis_companies", lang),
            "rangemode": "tozero",
            "dtick": 1 if max(benchmark.distribution) < 8 else None,
        },
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=320,
        showlegend=False,
        font={"family": FONT},
    )
    return figure


def _set_opt_in(assessment_id: int) -> None:
    with session_scope() as session:
        update_assessment(session, assessment_id, benchmark_opt_in=bool(st.session_state[OPT_IN_KEY]))


def peer_panel(lang: str, assessment_id: int, result: dict[str, Any], questionnaire: Questionnaire) -> None:
    st.subheader(t("peer.title", lang))
    with session_scope() as session:
        opted_in = get_assessment(session, assessment_id).benchmark_opt_in
        benchmark = peer_benchmark(session, assessment_id, result) if opted_in else None
    if not opted_in:
        st.info(t("peer.invite", lang))
    st.toggle(
        t("peer.opt_in", lang),
        value=opted_in,
        key=OPT_IN_KEY,
        help=t("peer.opt_in_help", lang),
        on_change=_set_opt_in,
        args=(assessment_id,),
    )
    if not opted_in:
        return
    if benchmark is None:
        st.info(t("peer.empty", lang))
        return
    show_benchmark(lang, benchmark, result, questionnaire)


def show_benchmark(lang: str, benchmark: Benchmark, result: dict[str, Any], questionnaire: Questionnaire) -> None:
    overall = benchmark.overall
    st.markdown(t("peer.group", lang, group=group_label(questionnaire, benchmark, lang), count=overall.peers))
    if len(benchmark.group.criteria) < 3:
        st.caption(t("peer.widened", lang))
    percent = f"{overall.percentile:.0f}"
    st.metric(t("peer.percentile", lang), percent)
    st.write(t("peer.higher_than", lang, percent=percent, count=overall.peers))
    st.markdown(f"**{t('peer.chart', lang)}**")
    st.plotly_chart(distribution_figure(benchmark, lang), config={"displayModeBar": False}, key="peer_distribution")
    with st.expander(t("r.chart_table", lang)):
        table = {
            t("peer.col_range", lang): [bin_label(i) for i in range(BINS)],
            t("peer.col_companies", lang): list(benchmark.distribution),
            t("peer.col_you", lang): [f"{overall.score:.1f}" if i == benchmark.own_bin else "" for i in range(BINS)],
        }
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    st.markdown(f"**{t('peer.sections', lang)}**")
    rows = [
        {
            t("peer.col_section", lang): section["title"],
            t("peer.col_you", lang): f"{benchmark.sections[section['id']].score:.1f}",
            t("peer.col_percentile", lang): f"{benchmark.sections[section['id']].percentile:.0f}",
            t("peer.col_compared", lang): benchmark.sections[section["id"]].peers,
        }
        for section in result["sections"]
        if section["id"] in benchmark.sections
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    scored = [s for s in result["sections"] if isinstance(s.get("score"), int | float)]
    if len(rows) < len(scored):
        st.caption(t("peer.sections_hidden", lang))
