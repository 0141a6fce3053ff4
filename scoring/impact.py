"""What a questionnaire change would do to assessments already completed: compared result by result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SectionShift:
    section_id: str
    before_mean: float | None
    after_mean: float | None
    compared: int  # assessments with a score for the section both before and after

    @property
    def shift(self) -> float | None:
        if self.before_mean is None or self.after_mean is None:
            return None
        return round(self.after_mean - self.before_mean, 2)


@dataclass(frozen=True)
class Impact:
    assessments: int
    level_up: int
    level_down: int
    overall_before: float | None
    overall_after: float | None
    sections: list[SectionShift] = field(default_factory=list)
    answers_dropped: int = 0  # answers that no longer fit the draft (see scoring.mapping)

    @property
    def level_changed(self) -> int:
        return self.level_up + self.level_down


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _level(result: dict[str, Any]) -> int | None:
    maturity = result.get("maturity") or {}
    level = maturity.get("level")
    return level if isinstance(level, int) else None


def _section_scores(result: dict[str, Any]) -> dict[str, float]:
    return {s["id"]: float(s["score"]) for s in result.get("sections") or [] if isinstance(s.get("score"), int | float)}


def compare(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], answers_dropped: int = 0) -> Impact:
    """Each pair is (the stored result, the result of the same answers under the draft)."""
    up = down = count = 0
    before_overall: list[float] = []
    after_overall: list[float] = []
    before_sections: dict[str, list[float]] = {}
    after_sections: dict[str, list[float]] = {}
    order: list[str] = []
    for before, after in pairs:
        count += 1
        old_level, new_level = _level(before), _level(after)
        if old_level is not None and new_level is not None:
            up += new_level > old_level
            down += new_level < old_level
        if isinstance(before.get("overall"), int | float) and isinstance(after.get("overall"), int | float):
            before_overall.append(float(before["overall"]))
            after_overall.append(float(after["overall"]))
        old_scores, new_scores = _section_scores(before), _section_scores(after)
        for section_id in [*new_scores, *old_scores]:
            if section_id not in order:
                order.append(section_id)
        for section_id in old_scores.keys() & new_scores.keys():
            before_sections.setdefault(section_id, []).append(old_scores[section_id])
            after_sections.setdefault(section_id, []).append(new_scores[section_id])
    sections = [
        SectionShift(
            section_id,
            _mean(before_sections.get(section_id, [])),
            _mean(after_sections.get(section_id, [])),
            len(before_sections.get(section_id, [])),
        )
        for section_id in order
    ]
    return Impact(count, up, down, _mean(before_overall), _mean(after_overall), sections, answers_dropped)
