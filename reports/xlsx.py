"""Spreadsheets (openpyxl, write-only: fast and small): one assessment in several sheets, and a
portfolio with one row per assessment. Text that a spreadsheet would run as a formula is
neutralised (reports.tabular.safe_cell); numbers are written as numbers."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reports.answer_text import answer_label
from reports.catalogue import LANGUAGE_NAMES, text
from reports.report_data import ReportOptions, check_pair
from reports.tabular import PortfolioEntry, portfolio_table, safe_cell
from scoring.model import Questionnaire

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet(workbook: Workbook, title: str, header: Sequence[str], widths: Sequence[float]) -> WriteOnlyWorksheet:
    # Sheet names: at most 31 characters, none of []:*?/\ (ours are catalogue texts, never user input).
    sheet: WriteOnlyWorksheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    cells = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(name))
        cell.font = _BOLD
        cells.append(cell)
    sheet.append(cells)
    return sheet


def _append(sheet: WriteOnlyWorksheet, row: Sequence[Any], wrap: frozenset[int] = frozenset()) -> None:
    """One row; text neutralised, numbers kept; the columns in `wrap` (0-based) wrap long text."""
    if not wrap:
        sheet.append([safe_cell(value) for value in row])
        return
    cells: list[Any] = []
    for index, value in enumerate(row):
        if index in wrap:
            cell = WriteOnlyCell(sheet, value=safe_cell(value))
            cell.alignment = _WRAP
            cells.append(cell)
        else:
            cells.append(safe_cell(value))
    sheet.append(cells)


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _answer_cell(questionnaire: Questionnaire, question: dict[str, Any], lang: str) -> Any:
    """A number answer stays a number (a spreadsheet can sum it); everything else as the respondent saw it."""
    answer = question["answer"]
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return answer
    return "" if answer is None else answer_label(questionnaire, question["id"], answer, lang)


def report_xlsx(
    questionnaire: Questionnaire,
    result: dict[str, Any],
    options: ReportOptions | None = None,
    previous: dict[str, Any] | None = None,
) -> bytes:
    """Summary, answers, question scores, section scores and the action plan, in the result's language.
    With `previous` (an earlier result of the same company) the section sheet shows the change."""
    check_pair(questionnaire, result)
    options = options or ReportOptions()
    lang = result["language"]
    meta = result.get("meta") or {}
    titles = {s["id"]: s["title"] for s in result["sections"]}
    workbook = Workbook(write_only=True)

    summary = _sheet(workbook, text("xlsx.summary", lang), [text("col.item", lang), text("col.value", lang)], [34, 70])
    maturity = result.get("maturity") or {}
    for key, value in (
        ("col.company", options.company if options.company is not None else meta.get("company") or ""),
        ("col.date", options.date or meta.get("date") or ""),
        ("cover.questionnaire", questionnaire.title.get(lang)),
        ("col.version", questionnaire.version),
        ("col.language", LANGUAGE_NAMES.get(lang, lang)),
        ("col.overall", result["overall"]),
        ("col.maturity", maturity.get("level")),
        ("col.maturity_name", maturity.get("name") or ""),
        ("col.completion", result["completion"]),
        ("cover.adviser", options.adviser or ""),
        ("cover.comment", options.comment or ""),
    ):
        _append(summary, [text(key, lang), value], wrap=frozenset({1}))

    answers = _sheet(
        workbook,
        text("xlsx.answers", lang),
        [
            text("col.section", lang),
            text("col.question_id", lang),
            text("col.question", lang),
            text("col.answer", lang),
        ],
        [28, 22, 70, 50],
    )
    for q in result["questions"]:
        if q["status"] != "hidden":
            row = [titles.get(q["section"], q["section"]), q["id"], q["text"], _answer_cell(questionnaire, q, lang)]
            _append(answers, row, wrap=frozenset({2, 3}))

    scores = _sheet(
        workbook,
        text("xlsx.questions", lang),
        [
            text("col.section", lang),
            text("col.question_id", lang),
            text("col.question", lang),
            text("col.status", lang),
            text("col.score", lang),
            text("col.weight", lang),
            text("col.points", lang),
            text("col.max_points", lang),
        ],
        [28, 22, 70, 16, 9, 9, 9, 12],
    )
    for q in result["questions"]:
        if q["status"] == "hidden":
            continue
        row = [
            titles.get(q["section"], q["section"]),
            q["id"],
            q["text"],
            _status(q["status"], lang),
            q["score"],
            q["weight"],
            q["contribution"],
            q["max_contribution"],
        ]
        _append(scores, row, wrap=frozenset({2}))

    _section_sheet(workbook, result, previous, lang)
    _plan_sheet(workbook, result, lang)
    return _saved(workbook)


def _status(status: str, lang: str) -> str:
    return text(f"status.{status}", lang)


def _section_sheet(workbook: Workbook, result: dict[str, Any], previous: dict[str, Any] | None, lang: str) -> None:
    header = [
        text("col.section_id", lang),
        text("col.section", lang),
        text("col.status", lang),
        text("col.score", lang),
        text("col.raw_score", lang),
        text("col.cap", lang),
        text("col.weight", lang),
        text("col.answered", lang),
        text("col.visible", lang),
    ]
    if previous is not None:
        header += [text("col.previous", lang), text("col.change", lang)]
    sheet = _sheet(workbook, text("xlsx.sections", lang), header, [22, 40, 16, 9, 12, 8, 8, 9, 9, 10, 10])
    earlier = {s["id"]: s["score"] for s in (previous or {}).get("sections", [])}
    for section in result["sections"]:
        if section["status"] == "unscored":
            continue
        row: list[Any] = [
            section["id"],
            section["title"],
            _status(section["status"], lang),
            section["score"],
            section["raw_score"],
            section["cap"],
            section["weight"],
            section["answered"],
            section["visible"],
        ]
        if previous is not None:
            before = earlier.get(section["id"])
            change = None if before is None or section["score"] is None else round(section["score"] - before, 2)
            row += [before, change]
        _append(sheet, row)


def _plan_sheet(workbook: Workbook, result: dict[str, Any], lang: str) -> None:
    sheet = _sheet(
        workbook,
        text("xlsx.plan", lang),
        [
            text("col.rank", lang),
            text("col.title", lang),
            text("col.action", lang),
            text("plan.priority", lang),
            text("plan.effort", lang),
            text("plan.gain", lang),
            text("plan.quick_win", lang),
            text("col.services", lang),
        ],
        [7, 40, 80, 11, 11, 9, 11, 50],
    )
    for number, rec in enumerate(result["recommendations"], start=1):
        services = "; ".join(
            f"{s['name']} ({s['provider']})" + (f" {s['url']}" if s["url"] else "") for s in rec["services"]
        )
        row = [
            number,
            rec["title"],
            rec["action"],
            text(f"level.{rec['priority']}", lang),
            text(f"level.{rec['effort']}", lang),
            rec["gain"],
            text("answer.yes" if rec["quick_win"] else "answer.no", lang),
            services,
        ]
        _append(sheet, row, wrap=frozenset({1, 2, 7}))


def portfolio_xlsx(questionnaire: Questionnaire, entries: Sequence[PortfolioEntry], lang: str) -> bytes:
    """One row per assessment; the same columns as the portfolio CSV."""
    header, rows = portfolio_table(questionnaire, entries, lang)
    workbook = Workbook(write_only=True)
    widths = [24, 30, 12, 10, 9, 10, 10, 14, 10, 12, 10, 10, 40] + [14] * (len(header) - 13)
    sheet = _sheet(workbook, text("xlsx.portfolio", lang), header, widths)
    for row in rows:
        _append(sheet, row)
    return _saved(workbook)
