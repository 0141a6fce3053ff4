"""Static charts as inline SVG, drawn from reports/chart_data (the numbers behind the app's plotly
charts), so the HTML and the PDF show the same chart with no browser and no image files.

Every text that comes from outside (section titles) is escaped here: the SVG goes into the page as is.
"""

from __future__ import annotations

import math
import unicodedata
from html import escape

from reports.chart_data import Point

COLOUR = "#0b5f73"  # the app's chart colour
GRID = "#c9d3d6"
INK = "#1d2b2f"
MUTED = "#5d6d72"


def _width(text: str) -> float:
    """Approximate width in em: CJK characters are square, Latin letters about half as wide."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.56 for c in text)


def wrap(text: str, max_em: float, max_lines: int = 3) -> list[str]:
    """Break at spaces (Latin) or between any two characters (CJK); the last line ends in … if cut."""
    lines: list[str] = []
    line = ""
    tokens = _tokens(text)
    for token in tokens:
        if line and _width(line + token) > max_em:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,、，") + "…"
    return lines


def _tokens(text: str) -> list[str]:
    """Latin words keep their following space; each CJK character is a token of its own."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
            if char == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


def _text_lines(x: float, y: float, lines: list[str], anchor: str, size: float) -> str:
    """Lines centred vertically on y."""
    first = y - (len(lines) - 1) * size * 1.2 / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * size * 1.2:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" dominant-baseline="middle" font-size="{size}" fill="{INK}">{spans}</text>'


def _open(width: int, height: int, label: str, font: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}" font-family="{escape(font)}">'
        f"<title>{escape(label)}</title>"
    )


def radar_svg(points: list[Point], label: str, font: str) -> str:
    """A radar of the scored points (at least three), 0 at the centre, 100 at the rim."""
    shown = [p for p in points if p.score is not None]
    width, height, radius = 600, 380, 125
    cx, cy = width / 2, height / 2
    count = len(shown)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return cx + radius * value / 100 * math.cos(angle), cy + radius * value / 100 * math.sin(angle)

    parts = [_open(width, height, label, font)]
    for ring in (20, 40, 60, 80, 100):
        corners = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(i, ring) for i in range(count)))
        parts.append(f'<polygon points="{corners}" fill="none" stroke="{GRID}" stroke-width="1"/>')
        parts.append(
            f'<text x="{cx + 3:.1f}" y="{cy - radius * ring / 100 - 2:.1f}" font-size="9" fill="{MUTED}">{ring}</text>'
        )
    for i in range(count):
        x, y = at(i, 100)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
    shape = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(i, p.score or 0.0) for i, p in enumerate(shown)))
    parts.append(
        f'<polygon points="{shape}" fill="{COLOUR}" fill-opacity="0.22" stroke="{COLOUR}" stroke-width="2.2"/>'
    )
    for i, point in enumerate(shown):
        x, y = at(i, point.score or 0.0)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{COLOUR}"/>')
        lx, ly = at(i, 118)
        anchor = "middle" if abs(lx - cx) < 12 else "start" if lx > cx else "end"
        lines = wrap(point.label, 13.5)
        lines.append(f"{point.score:.0f}")
        if anchor == "middle":
            # Above the top spoke the lines grow upwards, below the bottom one downwards.
            ly += -(len(lines) - 1) * 6.6 if ly < cy else (len(lines) - 1) * 6.6
        parts.append(_text_lines(lx, ly, lines, anchor, 11))
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(points: list[Point], label: str, font: str, not_assessed: str) -> str:
    """Horizontal bars, one per point, 0 to 100, the score written at the end of each bar."""
    label_width, bar_width, row = 190, 330, 34
    width, height = label_width + bar_width + 60, 24 + row * len(points)
    parts = [_open(width, height, label, font)]
    for tick in (0, 20, 40, 60, 80, 100):
        x = label_width + bar_width * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="8" x2="{x:.1f}" y2="{height - 14}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{height - 2}" font-size="9" text-anchor="middle" fill="{MUTED}">{tick}</text>'
        )
    for i, point in enumerate(points):
        y = 10 + i * row
        parts.append(_text_lines(label_width - 8, y + row / 2 - 2, wrap(point.label, 15.5, 2), "end", 11))
        if point.score is None:
            parts.append(
                f'<text x="{label_width + 6}" y="{y + row / 2 - 2:.1f}" dominant-baseline="middle" font-size="10" '
                f'fill="{MUTED}">{escape(not_assessed)}</text>'
            )
            continue
        length = bar_width * point.score / 100
        parts.append(
            f'<rect x="{label_width}" y="{y + 5}" width="{length:.1f}" height="{row - 14}" fill="{COLOUR}" rx="2"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + row / 2 - 2:.1f}" dominant-baseline="middle" '
            f'font-size="11" font-weight="bold" fill="{INK}">{point.score:.0f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def section_chart_svg(points: list[Point], label: str, font: str, not_assessed: str) -> str:
    """A radar needs three spokes to mean anything; with fewer scored sections bars say it more clearly."""
    if sum(p.score is not None for p in points) >= 3:
        return radar_svg(points, label, font)
    return bars_svg(points, label, font, not_assessed)
