"""Reading the plain data from YAML defensively, for checks that run even when the structure is wrong.

Each reader gives a neutral value where the data has the wrong shape: the model reports the shape.
"""

from __future__ import annotations

import math
from typing import Any

from scoring.problems import KeyPath

# (where, "error" | "warning", message[, where the same thing was first given: the loader names its line])
Found = tuple[KeyPath, str, str] | tuple[KeyPath, str, str, KeyPath]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_num(value: Any) -> float | None:
    """A finite number, or None (the model reports text, nan and inf)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    return str(value).strip().lower() in ("true", "yes", "on", "1", "y", "t")


def item_id(item: Any) -> str | None:
    value = as_dict(item).get("id")
    return value if isinstance(value, str) and value else None
