"""The report's charts as vector shapes, drawn from the same points (reports/chart_data) and with the
same geometry, colours and label wrapping as the SVG charts of the HTML report (reports/svg_charts)."""

from __future__ import annotations

import math

from reports.chart_data import Point
from reports.direct_pdf.canvas import rgb
from reports.direct_pdf.layout import LEFT, RIGHT, Flow
from reports.svg_charts import COLOUR, GRID, INK, MUTED, wrap

_COLOUR, _GRID, _INK, _MUTED = rgb(COLOUR), rgb(GRID), rgb(INK), rgb(MUTED)


class _Chart:
    """An SVG-sized drawing area, its CSS pixels at 0.75 pt as in the HTML report, centred."""

    def __init__(self, flow: Flow, width: float, height: float) -> None:
        self.flow = flow
        self.scale = min(0.75, (RIGHT - LEFT) / width)
        self.x0 = LEFT + ((RIGHT - LEFT) - width * self.scale) / 2
        flow.ensure(height * self.scale)
        self.y0 = flow.y
        flow.y += height * self.scale

    def at(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + x * self.scale, self.y0 + y * self.scale

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.flow.page.line(self.at(x1, y1), self.at(x2, y2), self.scale, _GRID)

    def text(self, x: float, y: float, text: str, size: float, anchor: str, *, bold: bool = False) -> None:
        """One line whose middle is at y (SVG dominant-baseline: middle)."""
        flow = self.flow
        px, py = self.at(x, y)
        size *= self.scale
        face = flow.faces[bold]
        width = face.width(text, size)
        left = px - width if anchor == "end" else px - width / 2 if anchor == "middle" else px
        font = flow.doc.bold if bold else flow.doc.regular
        colour = _INK if size > 9.5 * self.scale else _MUTED
        flow.page.text(left, py + 0.35 * size, text, font, size=size, colour=colour)

    def lines(self, x: float, y: float, lines: list[str], anchor: str, size: float) -> None:
        first = y - (len(lines) - 1) * size * 1.2 / 2
        for number, line in enumerate(lines):
            self.text(x, first + number * size * 1.2, line, size, anchor)


def radar(flow: Flow, points: list[Point]) -> None:
    shown = [p for p in points if p.score is not None]
    width, height, radius = 600, 380, 125
    cx, cy = width / 2, height / 2
    count = len(shown)
    chart = _Chart(flow, width, height)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * value / 100 * math.cos(angle), cy + radius * value / 100 * math.sin(angle)

    for ring in (20, 40, 60, 80, 100):
        flow.page.polygon([chart.at(*at(i, ring)) for i in range(count)], stroke=_GRID, width=chart.scale)
        chart.text(cx + 3, cy - radius * ring / 100 - 5, str(ring), 9, "start")
    for i in range(count):
        chart.line(cx, cy, *at(i, 100))
    shape = [chart.at(*at(i, p.score or 0.0)) for i, p in enumerate(shown)]
    flow.page.polygon(shape, fill=_COLOUR, translucent=True)
    flow.page.polygon(shape, stroke=_COLOUR, width=2.2 * chart.scale)
    for i, point in enumerate(shown):
        flow.page.circle(*chart.at(*at(i, point.score or 0.0)), 3.2 * chart.scale, _COLOUR)
        lx, ly = at(i, 118)
        anchor = "middle" if abs(lx - cx) < 12 else "start" if lx > cx else "end"
        lines = [*wrap(point.label, 13.5), f"{point.score:.0f}"]
        if anchor == "middle":
            # Above the top spoke the lines grow upwards, below the bottom one downwards.
            ly += -(len(lines) - 1) * 6.6 if ly < cy else (len(lines) - 1) * 6.6
        chart.lines(lx, ly, lines, anchor, 11)


def bars(flow: Flow, points: list[Point], not_assessed: str) -> None:
    label_width, bar_width, row = 190, 330, 34
    width, height = label_width + bar_width + 60, 24 + row * len(points)
    chart = _Chart(flow, width, height)
    for tick in (0, 20, 40, 60, 80, 100):
        x = label_width + bar_width * tick / 100
        chart.line(x, 8, x, height - 14)
        chart.text(x, height - 5, str(tick), 9, "middle")
    for i, point in enumerate(points):
        y = 10 + i * row
        chart.lines(label_width - 8, y + row / 2 - 2, wrap(point.label, 15.5, 2), "end", 11)
        if point.score is None:
            chart.text(label_width + 6, y + row / 2 - 2, not_assessed, 9.4, "start")
            continue
        length = bar_width * point.score / 100
        x, top = chart.at(label_width, y + 5)
        flow.page.rect(x, top, length * chart.scale, (row - 14) * chart.scale, _COLOUR)
        chart.text(label_width + length + 6, y + row / 2 - 2, f"{point.score:.0f}", 11, "start", bold=True)


def section_chart(flow: Flow, points: list[Point], not_assessed: str) -> None:
    """A radar needs three spokes to mean anything; with fewer scored sections, bars."""
    if sum(p.score is not None for p in points) >= 3:
        radar(flow, points)
    else:
        bars(flow, points, not_assessed)
