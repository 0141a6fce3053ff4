"""The numbers behind every chart, computed once from a result and shared by the on-screen plotly
charts and the static charts of printed reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DIMENSIONS = ("protection", "management", "exploitation")


@dataclass(frozen=True, slots=True)
class Point:
    key: str
    label: str
    score: float | None  # None: not assessed


def section_points(result: dict[str, Any]) -> list[Point]:
    """Scored sections the respondent saw, in questionnaire order."""
    return [
        Point(s["id"], s["title"], s["score"])
        for s in result["sections"]
        if s["status"] in ("assessed", "not_applicable", "unanswered")
    ]


def dimension_points(result: dict[str, Any], labels: dict[str, str]) -> list[Point]:
    scores = {d["id"]: d["score"] for d in result["dimensions"]}
    return [Point(d, labels.get(d, d), scores.get(d)) for d in DIMENSIONS]
