"""Small timing helpers: the median of several runs, after a warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    name: str
    seconds: float  # or a ratio, when unit is "x"
    goal: float | None  # None: shown for comparison, no goal
    unit: str = "s"

    @property
    def ok(self) -> bool:
        return self.goal is None or self.seconds <= self.goal

    def shown(self, value: float) -> str:
        return f"{value:.2f}x" if self.unit == "x" else format_seconds(value)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def median_seconds(action: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def format_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def table(measurements: list[Measurement]) -> str:
    rows = [("benchmark", "measured", "goal", "")]
    rows += [
        (
            m.name,
            m.shown(m.seconds),
            "" if m.goal is None else f"<= {m.shown(m.goal)}",
            "" if m.goal is None else "ok" if m.ok else "SLOW",
        )
        for m in measurements
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
