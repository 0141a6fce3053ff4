"""Figures and tables of the programme dashboard. Every figure sets its template: importing Streamlit changes
plotly's default."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from scoring.model import Questionnaire
from storage.insights import PeriodCounts, SpreadCount
from ui.charts import COLOUR, FONT, TEMPLATE
from ui.i18n import t
from ui.peer_panel import profile_label

STARTED_COLOUR = "#9ecae1"
# One colour per maturity level, the same in every chart: from starting (red) to strategic (green).
LEVEL_COLOURS = {1: "#d73027", 2: "#fc8d59", 3: "#fee08b", 4: "#91cf60", 5: "#1a9850"}
NO_LEVEL = "#bdbdbd"


def _layout(figure: go.Figure, height: int, **layout: object) -> go.Figure:
    figure.update_layout(
        template=TEMPLATE,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=height,
        font={"family": FONT},
        legend={"orientation": "h", "y": -0.2},
        **layout,
    )
    return figure


def activity_figure(rows: Sequence[PeriodCounts], lang: str) -> go.Figure:
    periods = [row.period for row in rows]
    figure = go.Figure(
        [
            go.Bar(
                name=t("dash.started", lang), x=periods, y=[r.started for r in rows], marker={"color": STARTED_COLOUR}
            ),
            go.Bar(name=t("dash.completed", lang), x=periods, y=[r.completed for r in rows], marker={"color": COLOUR}),
        ]
    )
    # A date axis: plotly spaces the labels itself, so they never overlap.
    return _layout(figure, 340, barmode="group", xaxis={"type": "date"}, yaxis={"rangemode": "tozero"})


def activity_table(rows: Sequence[PeriodCounts], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("dash.col_period", lang): [row.period.isoformat() for row in rows],
            t("dash.started", lang): [row.started for row in rows],
            t("dash.completed", lang): [row.completed for row in rows],
        }
    )


def section_title(questionnaire: Questionnaire, section_id: str, lang: str) -> str:
    section = next((s for s in questionnaire.sections if s.id == section_id), None)
    return section.title.get(lang) if section else section_id


def drop_off_table(rows: Sequence[tuple[str, int]], questionnaire: Questionnaire, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("dash.col_section", lang): [section_title(questionnaire, section_id, lang) for section_id, _ in rows],
            t("dash.col_count", lang): [count for _, count in rows],
        }
    )


def drop_off_figure(table: pd.DataFrame, lang: str) -> go.Figure:
    labels, counts = table.columns
    figure = go.Figure(
        go.Bar(x=table[counts], y=table[labels], orientation="h", marker={"color": COLOUR}, text=table[counts])
    )
    return _layout(figure, 60 + 36 * len(table), yaxis={"autorange": "reversed"}, xaxis={"rangemode": "tozero"})


def level_name(questionnaire: Questionnaire, level: int | None, lang: str) -> str:
    found = next((m for m in questionnaire.maturity_levels if m.level == level), None)
    if found is None:
        return t("peer.unknown", lang)
    return t("dash.level", lang, level=found.level, name=found.name.get(lang))


def spread_table(rows: Sequence[SpreadCount], field: str, questionnaire: Questionnaire, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("dash.col_group", lang): [profile_label(questionnaire, field, row.code, lang) for row in rows],
            t("dash.col_level", lang): [level_name(questionnaire, row.level, lang) for row in rows],
            t("dash.col_count", lang): [row.count for row in rows],
        }
    )


def spread_figure(rows: Sequence[SpreadCount], field: str, questionnaire: Questionnaire, lang: str) -> go.Figure:
    """Stacked bars: one bar per sector or region, one colour per maturity level."""
    groups = list(dict.fromkeys(profile_label(questionnaire, field, row.code, lang) for row in rows))
    levels = sorted({row.level for row in rows}, key=lambda level: (level is None, level or 0))
    bars = []
    for level in levels:
        counts = dict.fromkeys(groups, 0)
        for row in rows:
            if row.level == level:
                counts[profile_label(questionnaire, field, row.code, lang)] += row.count
        bars.append(
            go.Bar(
                name=level_name(questionnaire, level, lang),
                y=groups,
                x=[counts[group] for group in groups],
                orientation="h",
                marker={"color": LEVEL_COLOURS.get(level or 0, NO_LEVEL)},
            )
        )
    figure = go.Figure(bars)
    return _layout(
        figure, 120 + 40 * len(groups), barmode="stack", yaxis={"autorange": "reversed"}, legend_traceorder="normal"
    )
