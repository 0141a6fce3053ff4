"""Breaking text into lines: at spaces between Latin words, between any two CJK characters (not before
closing or after opening punctuation), and anywhere inside a word too long for the line (outside text:
URLs, long names), so nothing runs past the margin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reports.direct_pdf.canvas import Colour, rgb
from reports.direct_pdf.fonts import Face

INK = rgb("#1d2b2f")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
NO_START = set("，。、：；！？）」』】〉》〕…‧·,.;:!?)]}%")
NO_END = set("（「『【〈《〔([{")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    colour: Colour = INK
    size: float | None = None  # the paragraph's size when None
    badge: bool = False  # white on green, never broken
    url: str = ""


@dataclass(slots=True)
class Piece:
    text: str
    span: Span
    width: float  # with its trailing space
    bare: float  # without it


Line = list[Piece]


def is_wide(char: str) -> bool:
    return _WIDE.match(char) is not None


def tokens(text: str) -> list[str]:
    """Pieces between which a line may break; a Latin word keeps its trailing space."""
    out: list[str] = []
    current = ""
    for char in text:
        if (
            current
            and char != " "
            and char not in NO_START
            and current[-1] not in NO_END
            and (current[-1] == " " or is_wide(char) or is_wide(current[-1]))
        ):
            out.append(current)
            current = char
        else:
            current += char
    if current:
        out.append(current)
    return out


def _pieces(spans: list[Span], size: float, faces: tuple[Face, Face], pre: bool) -> list[Piece | None]:
    """Measured pieces; None marks a forced line break (a newline in pre-line text)."""
    found: list[Piece | None] = []
    for span in spans:
        face = faces[span.bold]
        span_size = span.size or size
        paragraphs = span.text.split("\n") if pre else [span.text.replace("\n", " ")]
        for number, text in enumerate(paragraphs):
            if number:
                found.append(None)
            text = _SPACES.sub(" ", text)
            if pre:
                text = text.lstrip(" ")
            for token in [text] if span.badge else tokens(text):
                width = face.width(token, span_size)
                bare = width - face.width(" ", span_size) * (len(token) - len(token.rstrip(" ")))
                pad = 2 * 1.5 * 72 / 25.4 if span.badge else 0.0
                found.append(Piece(token, span, width + pad, bare + pad))
    return found


def _split_long(piece: Piece, face: Face, size: float, width: float) -> list[Piece]:
    """A word wider than the line, cut between characters."""
    parts: list[Piece] = []
    current, used = "", 0.0
    for char in piece.text:
        advance = face.advance(char) * size / 1000
        if current and used + advance > width:
            parts.append(Piece(current, piece.span, used, used))
            current, used = "", 0.0
        current += char
        used += advance
    parts.append(Piece(current, piece.span, used, face.width(current.rstrip(" "), size)))
    return parts


def wrap(spans: list[Span], size: float, width: float, faces: tuple[Face, Face], pre: bool = False) -> list[Line]:
    lines: list[Line] = []
    line: Line = []
    used = 0.0
    for piece in _pieces(spans, size, faces, pre):
        if piece is None:
            lines.append(line)
            line, used = [], 0.0
            continue
        if line and used + piece.bare > width:
            lines.append(line)
            line, used = [], 0.0
        if not line and piece.text.startswith(" "):
            piece = Piece(piece.text.lstrip(" "), piece.span, piece.width, piece.bare)
        if piece.bare > width and not piece.span.badge:
            parts = _split_long(piece, faces[piece.span.bold], piece.span.size or size, width)
            for part in parts[:-1]:
                lines.append([*line, part])
                line, used = [], 0.0
            piece = parts[-1]
        line.append(piece)
        used += piece.width
    if line or not lines:
        lines.append(line)
    return lines


def line_width(line: Line) -> float:
    return sum(p.width for p in line[:-1]) + (line[-1].bare if line else 0.0)
