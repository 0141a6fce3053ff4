"""One call per download, for the app's buttons and the CLI: the bytes, a safe file name and the MIME type.

The app calls these with a result it already has (`ipready.result/1`); nothing here touches Streamlit or
the database. PDF takes about a second: build it when the user asks for it, not on every rerun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reports.filenames import report_filename
from reports.html_report import report_html
from reports.json_report import result_json
from reports.pdf import report_pdf
from reports.printable import questionnaire_html, questionnaire_pdf
from reports.report_data import ReportOptions
from reports.tabular import PortfolioEntry, answers_csv, portfolio_csv
from reports.xlsx import portfolio_xlsx, report_xlsx
from scoring.model import Questionnaire

MIME = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}
REPORT_FORMATS = ("pdf", "html", "xlsx", "csv", "json")
PORTFOLIO_FORMATS = ("xlsx", "csv")
QUESTIONNAIRE_FORMATS = ("html", "pdf")


@dataclass(frozen=True, slots=True)
class Download:
    data: bytes
    file_name: str
    mime: str


def report_download(
    fmt: str,
    questionnaire: Questionnaire,
    result: dict[str, Any],
    options: ReportOptions | None = None,
    previous: dict[str, Any] | None = None,
) -> Download:
    """The score report of one assessment in `fmt` (pdf, html, xlsx, csv or json), in the result's language."""
    options = options or ReportOptions()
    if fmt == "pdf":
        data = report_pdf(questionnaire, result, options)
    elif fmt == "html":
        data = report_html(questionnaire, result, options).encode("utf-8")
    elif fmt == "xlsx":
        data = report_xlsx(questionnaire, result, options, previous)
    elif fmt == "csv":
        data = answers_csv(result)
    elif fmt == "json":
        data = result_json(result)
    else:
        raise ValueError(f"unknown report format: {fmt!r}")
    meta = result.get("meta") or {}
    company = options.company if options.company is not None else meta.get("company") or ""
    return Download(data, report_filename(company, options.date or meta.get("date"), fmt), MIME[fmt])


def portfolio_download(
    fmt: str, questionnaire: Questionnaire, entries: Sequence[PortfolioEntry], lang: str, name: str = ""
) -> Download:
    """One row per assessment, as xlsx or csv."""
    if fmt == "xlsx":
        data = portfolio_xlsx(questionnaire, entries, lang)
    elif fmt == "csv":
        data = portfolio_csv(questionnaire, entries, lang)
    else:
        raise ValueError(f"unknown portfolio format: {fmt!r}")
    return Download(data, report_filename(name, None, fmt, kind="ip-ready-portfolio"), MIME[fmt])


def questionnaire_download(fmt: str, questionnaire: Questionnaire, lang: str) -> Download:
    """The printable questionnaire, as html or pdf."""
    if fmt == "html":
        data = questionnaire_html(questionnaire, lang).encode("utf-8")
    elif fmt == "pdf":
        data = questionnaire_pdf(questionnaire, lang)
    else:
        raise ValueError(f"unknown questionnaire format: {fmt!r}")
    name = f"{questionnaire.id}-{questionnaire.version}-{lang}"
    return Download(data, report_filename(name, None, fmt, kind="ip-ready-questionnaire"), MIME[fmt])
