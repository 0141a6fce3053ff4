"""Which scores a number question's answers can get, from its bands and its min..max range.

An answer scores the band with the highest `at_least` it reaches; an answer below every band
counts in the lowest band (as in `plan.py`). Bands outside min..max can never be reached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from scoring.raw import as_dict, as_list, as_num

INF = math.inf


@dataclass(frozen=True, slots=True)
class Bands:
    starts: list[float]  # at_least of each band, rising
    scores: list[float]
    low: float  # min, or -inf
    high: float  # max, or +inf

    def reached(self, low: float, high: float, *, high_open: bool = False) -> list[int]:
        """The bands that answers in low..high (high excluded when `high_open`) fall in."""
        found = []
        for i in range(len(self.scores)):
            start = self.starts[i] if i else -INF
            end = self.starts[i + 1] if i + 1 < len(self.starts) else INF
            lowest = max(low, start)
            if lowest < end and (lowest < high if high_open else lowest <= high):
                found.append(i)
        return found

    def reachable(self) -> list[int]:
        return self.reached(self.low, self.high)


def read_bands(question: dict[str, Any]) -> Bands | None:
    """The bands when every start and score is a number, the starts rise and min < max; else None
    (what is wrong is reported elsewhere)."""
    bands = [as_dict(b) for b in as_list(question.get("bands"))]
    starts = [n for b in bands if (n := as_num(b.get("at_least"))) is not None]
    scores = [n for b in bands if (n := as_num(b.get("score"))) is not None]
    if not bands or len(starts) != len(bands) or len(scores) != len(bands):
        return None
    if any(b <= a for a, b in pairwise(starts)):
        return None
    low = as_num(question.get("min"))
    high = as_num(question.get("max"))
    low = -INF if low is None else low
    high = INF if high is None else high
    if low >= high:
        return None
    return Bands(starts, scores, low, high)
