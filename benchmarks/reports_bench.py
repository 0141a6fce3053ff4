"""Report goals: PDF (warm) <= 0.5 s, HTML <= 50 ms, XLSX <= 100 ms, a 1,000-assessment portfolio XLSX <= 2 s."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import Measurement, median_seconds
from reports.html_report import report_html
from reports.pdf import report_pdf
from reports.printable import questionnaire_pdf
from reports.tabular import PortfolioEntry
from reports.xlsx import portfolio_xlsx, report_xlsx
from scoring.engine import score
from scoring.loader import load_questionnaire
from scoring.samples import sample_answers

BUNDLED = Path(__file__).resolve().parent.parent / "questionnaires" / "ip_readiness.yaml"


def run() -> list[Measurement]:
    questionnaire = load_questionnaire(BUNDLED)
    meta = {"company": "Benchmark Trading Limited", "language": "en", "date": "2026-03-02"}

    def result(seed: int, lang: str = "en") -> dict:
        answers = sample_answers(questionnaire, "random", seed)
        return score(questionnaire, answers, language=lang, meta={**meta, "language": lang}).to_dict()

    english, chinese = result(3), result(3, "zh-Hant")
    entries = [PortfolioEntry(f"assessment-{seed}.json", result(seed)) for seed in range(1000)]
    return [
        # Warm: the font faces are opened by the warm-up run; cached=False makes the whole PDF every run.
        Measurement(
            "report PDF, English (warm)",
            median_seconds(lambda: report_pdf(questionnaire, english, cached=False), 3),
            0.5,
        ),
        Measurement(
            "report PDF, Traditional Chinese (warm)",
            median_seconds(lambda: report_pdf(questionnaire, chinese, cached=False), 3),
            0.5,
        ),
        Measurement(
            "report PDF, the same report asked again (cached)",
            median_seconds(lambda: report_pdf(questionnaire, english), 5),
            None,
        ),
        Measurement("report HTML", median_seconds(lambda: report_html(questionnaire, english), 21), 0.050),
        Measurement("report XLSX", median_seconds(lambda: report_xlsx(questionnaire, english), 11), 0.100),
        Measurement(
            "portfolio XLSX, 1,000 assessments",
            median_seconds(lambda: portfolio_xlsx(questionnaire, entries, "en"), 3),
            2.0,
        ),
        Measurement(
            "printable questionnaire PDF (warm)",
            median_seconds(lambda: questionnaire_pdf(questionnaire, "en", cached=False), 3),
            None,
        ),
    ]
