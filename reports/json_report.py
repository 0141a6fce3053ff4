"""The JSON download: the result format itself (`ipready.result/1`), readable and in UTF-8."""

from __future__ import annotations

import json
from typing import Any

from reports.errors import ReportError
from scoring.result import RESULT_FORMAT


def result_json(result: dict[str, Any]) -> bytes:
    if result.get("format") != RESULT_FORMAT:
        raise ReportError([f"not a result in the {RESULT_FORMAT} format"])
    return (json.dumps(result, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
