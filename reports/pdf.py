"""The PDF score report, written straight to PDF from the report's data (reports/direct_pdf), and
HTML to PDF with WeasyPrint for the printable questionnaire.

WeasyPrint is imported on first use: it takes a moment and needs Debian's pango, which the other
outputs do not.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from typing import Any

from reports.errors import ReportError
from reports.fonts import require_print_font
from reports.report_data import ReportOptions, report_data
from scoring.model import Questionnaire

PANGO_HINT = "install Debian's libpango-1.0-0 and libpangoft2-1.0-0"
_KEEP = 8  # reports kept: a Streamlit rerun or a second click asks for the same one again
_recent: OrderedDict[tuple[str, str], bytes] = OrderedDict()


@functools.cache
def _weasyprint() -> Any:
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as exc:  # OSError: the pango library is missing
        raise ReportError([f"PDF output is not available: {exc} ({PANGO_HINT})"]) from None
    # One font configuration for the process: fonts found and loaded once, not per PDF.
    return weasyprint, FontConfiguration()


def _remember(key: tuple[str, str], make: Any) -> bytes:
    if key in _recent:
        _recent.move_to_end(key)
        return _recent[key]
    pdf: bytes = make()
    _recent[key] = pdf
    while len(_recent) > _KEEP:
        _recent.popitem(last=False)
    return pdf


def html_to_pdf(html: str, lang: str, *, cached: bool = True) -> bytes:
    """The PDF of `html` (WeasyPrint). The same HTML asked again gets the PDF made last time."""
    if cached:
        return _remember(("html", html + lang), lambda: _render(html, lang))
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
    """The score report as an A4 PDF in the result's language. The same report asked again (same data,
    so the same content) gets the PDF made last time."""
    from reports.direct_pdf.report import render

    data = report_data(questionnaire, result, options or ReportOptions())
    if cached:
        return _remember(("report", repr(data)), lambda: render(data))
    return render(data)
