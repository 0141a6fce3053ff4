"""Answers and scores as rows, and as CSV. Text cells that a spreadsheet would run as a formula
are neutralised; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "section_id",
    "section",
    "question_id",
    "question",
    "status",
    "answer",
    "score",
    "weight",
    "points",
    "max_points",
)


def safe_cell(value: Any) -> Any:
    """A leading =, +, -, @ makes spreadsheets evaluate text; a quote in front keeps it text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _answer_text(answer: Any) -> str:
    if answer is None:
        return ""
    if isinstance(answer, dict) and "special" in answer:
        return str(answer["special"])
    if isinstance(answer, list):
        return "; ".join(str(item) for item in answer)
    if isinstance(answer, str):
        return answer
    return json.dumps(answer)


def question_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    titles = {s["id"]: s["title"] for s in result["sections"]}
    return [
        {
            "section_id": q["section"],
            "section": titles.get(q["section"], q["section"]),
            "question_id": q["id"],
            "question": q["text"],
            "status": q["status"],
            "answer": _answer_text(q["answer"]),
            "score": q["score"],
            "weight": q["weight"],
            "points": q["contribution"],
            "max_points": q["max_contribution"],
        }
        for q in result["questions"]
    ]


def answers_csv(result: dict[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in question_rows(result):
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    # A byte-order mark lets spreadsheet programs open Chinese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
