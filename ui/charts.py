"""On-screen charts (plotly), each with an explicit template: importing Streamlit changes plotly's default."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from reports.chart_data import Point

TEMPLATE = "plotly_white"
COLOUR = "#0b5f73"
FONT = "Noto Sans CJK TC, Noto Sans CJK SC, Noto Sans, Arial, sans-serif"


def wrap(label: str, width: int = 22) -> str:
    """Break a long axis label over lines (plotly cuts it off at the edge otherwise)."""
    if " " not in label:  # Chinese: no spaces, about half as many characters fit
        step = max(1, width // 2)
        return "<br>".join(label[i : i + step] for i in range(0, len(label), step))
    return "<br>".join(textwrap.wrap(label, width))


def radar(points: list[Point], name: str) -> go.Figure:
    shown = [p for p in points if p.score is not None]
    labels = [wrap(p.label) for p in shown]
    scores = [round(p.score or 0.0, 1) for p in shown]
    figure = go.Figure(
        go.Scatterpolar(
            r=[*scores, scores[0]] if scores else [],
            theta=[*labels, labels[0]] if labels else [],
            fill="toself",
            name=name,
            line={"color": COLOUR},
            text=[p.label for p in shown] + ([shown[0].label] if shown else []),
            hovertemplate="%{text}: %{r}<extra></extra>",
        )
    )
    figure.update_layout(
        template=TEMPLATE,
        polar={"radialaxis": {"range": [0, 100], "tickvals": [20, 40, 60, 80, 100]}},
        showlegend=False,
        margin={"l": 60, "r": 60, "t": 30, "b": 30},
        height=420,
        font={"family": FONT},
    )
    return figure


def bars(points: list[Point]) -> go.Figure:
    figure = go.Figure(
        go.Bar(
            x=[round(p.score, 1) if p.score is not None else 0 for p in points],
            y=[p.label for p in points],
            orientation="h",
            marker={"color": COLOUR},
            text=[f"{p.score:.0f}" if p.score is not None else "–" for p in points],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        template=TEMPLATE,
        xaxis={"range": [0, 105], "title": None},
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        height=60 + 50 * len(points),
        font={"family": FONT},
    )
    return figure
