"""Work done once per questionnaire, kept for the next assessment: scoring runs thousands of times
on the same (immutable) questionnaire object."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from scoring.model import Questionnaire

T = TypeVar("T")
_MAX_KEPT = 64


def once_per_questionnaire(build: Callable[[Questionnaire], T]) -> Callable[[Questionnaire], T]:
    """Cache `build` by questionnaire identity; the questionnaire is kept so that its id is not reused."""
    kept: dict[int, tuple[Questionnaire, T]] = {}

    @functools.wraps(build)
    def get(questionnaire: Questionnaire) -> T:
        hit = kept.get(id(questionnaire))
        if hit is not None and hit[0] is questionnaire:
            return hit[1]
        value = build(questionnaire)
        if len(kept) >= _MAX_KEPT:
            kept.clear()
        kept[id(questionnaire)] = (questionnaire, value)
        return value

    return get
