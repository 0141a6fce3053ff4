"""HTML to PDF with WeasyPrint: one pipeline, so the PDF is the HTML report on A4.

WeasyPrint is imported on first use: it takes a moment and needs Debian's pango, which the HTML,
XLSX, CSV and JSON reports do not.
"""

from __future__ import annotations

import functools
from typing import Any

from reports.errors import ReportError
from reports.fonts import require_print_font
from reports.html_report import report_html
from reports.report_data import ReportOptions
from scoring.model import Questionnaire

PANGO_HINT = "install Debian's libpango-1.0-0 and libpangoft2-1.0-0"


@functools.cache
def _weasyprint() -> Any:
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: the pango library is missing
        raise ReportError([f"PDF output is not available: {exc} ({PANGO_HINT})"]) from None
    # One font configuration for the process: fonts found and loaded once, not per PDF.
    return weasyprint, FontConfiguration()


def html_to_pdf(html: str, lang: str, *, cached: bool = True) -> bytes:
    """The PDF of `html`. A page that asks again for the same report (a Streamlit rerun, a second click)
    gets the PDF made last time: laying out a full report takes over a second."""
    return _cached(html, lang) if cached else _render(html, lang)


@functools.lru_cache(maxsize=8)
def _cached(html: str, lang: str) -> bytes:
    return _render(html, lang)


def _render(html: str, lang: str) -> bytes:
    require_print_font(lang)
    weasyprint, fonts = _weasyprint()
    # No base URL: the report is self-contained and must not fetch files or addresses.
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=_no_fetch)
    pdf: bytes = document.write_pdf(font_config=fonts)
    return pdf


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"reports fetch nothing: {url}")


def report_pdf(
    questionnaire: Questionnaire, result: dict[str, Any], options: ReportOptions | None = None, *, cached: bool = True
) -> bytes:
    return html_to_pdf(report_html(questionnaire, result, options), result["language"], cached=cached)
