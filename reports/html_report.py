"""The score report as one self-contained HTML file: inline CSS and SVG, no scripts, no outside files."""

from __future__ import annotations

from typing import Any

from reports.report_data import ReportOptions, report_data
from reports.templating import render, stylesheet, translator
from scoring.model import Questionnaire


def report_html(questionnaire: Questionnaire, result: dict[str, Any], options: ReportOptions | None = None) -> str:
    """The report in the result's language. Raises ReportError when the result and the questionnaire differ."""
    data = report_data(questionnaire, result, options or ReportOptions())
    return render("report.html.j2", d=data, t=translator(data.lang), css=stylesheet(data.font))
