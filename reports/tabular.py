"""Answers and scores as rows, and as CSV. Text cells that a spreadsheet would run as a formula
are neutralised; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reports.catalogue import text
from scoring.model import Questionnaire

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
DIMENSIONS = ("protection", "management", "exploitation")


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


def _csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    # A byte-order mark lets spreadsheet programs open Chinese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def answers_csv(result: dict[str, Any]) -> bytes:
    rows = question_rows(result)
    return _csv(COLUMNS, [[row[key] for key in COLUMNS] for row in rows])


# ---------------------------------------------------------------- portfolio: one row per assessment


@dataclass(frozen=True, slots=True)
class PortfolioEntry:
    source: str  # where the assessment came from: a file name, an assessment number
    result: dict[str, Any]


def portfolio_table(
    questionnaire: Questionnaire, entries: Sequence[PortfolioEntry], lang: str
) -> tuple[list[str], list[list[Any]]]:
    """Header and rows: who, when, overall, maturity, then one column per scored section and dimension.

    Sections are the questionnaire's, by id, so that results of several versions line up; a section a
    result does not have stays empty."""
    sections = [s for s in questionnaire.sections if s.scored]
    header = [
        text("col.source", lang),
        text("col.company", lang),
        text("col.date", lang),
        text("col.version", lang),
        text("col.language", lang),
        text("col.overall", lang),
        text("col.maturity", lang),
        text("col.maturity_name", lang),
        text("col.complete", lang),
        text("col.completion", lang),
        text("col.flags", lang),
        text("col.gaps", lang),
        text("col.top_action", lang),
        *(s.title.get(lang) for s in sections),
        *(text(f"dim.{d}", lang) for d in DIMENSIONS),
    ]
    rows = []
    for entry in entries:
        result = entry.result
        maturity = result.get("maturity") or {}
        scores = {s["id"]: s["score"] for s in result["sections"]}
        dimensions = {d["id"]: d["score"] for d in result["dimensions"]}
        recs = result["recommendations"]
        rows.append(
            [
                entry.source,
                (result.get("meta") or {}).get("company") or "",
                (result.get("meta") or {}).get("date") or "",
                result["questionnaire"]["version"],
                result["language"],
                result["overall"],
                maturity.get("level"),
                maturity.get("name") or "",
                text("answer.yes" if result["complete"] else "answer.no", lang),
                result["completion"],
                len(result["critical_flags"]),
                len(result["knowledge_gaps"]),
                recs[0]["title"] if recs else "",
                *(scores.get(s.id) for s in sections),
                *(dimensions.get(d) for d in DIMENSIONS),
            ]
        )
    return header, rows


def portfolio_csv(questionnaire: Questionnaire, entries: Sequence[PortfolioEntry], lang: str) -> bytes:
    header, rows = portfolio_table(questionnaire, entries, lang)
    return _csv(header, rows)
