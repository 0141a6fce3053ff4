"""The longest realistic texts stay inside the page: company and adviser names at their limits, a
5,000-character comment, a 2,000-character free-text answer, long titles, options and URLs."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reports.catalogue import text as report_text
from reports.pdf import report_pdf
from reports.report_data import MAX_ADVISER, MAX_COMMENT, MAX_COMPANY, ReportOptions
from scoring import score
from tests.report_support import long_strings, squeeze, word_boxes

MM = 72 / 25.4  # points per millimetre
SIDE_MARGIN = 16 * MM  # reports/templates/report.css: @page margin
# Unbroken: a browser or PDF renderer that cannot break these pushes them past the edge.
TOKEN = "https://www.example.org/" + "x" * 260
COMPANY = (
    "Guangdong-Hong Kong-Macao Greater Bay Area International Intellectual Property Trading Services "
    "Company Limited " + "ABCDEFGHIJ" * 10
)[:MAX_COMPANY]
NOTES = ("We licence our lighting designs to three manufacturers in Dongguan. " * 25 + TOKEN)[:2000]


def body_text(pdf: bytes, lang: str) -> str:
    """The text without what repeats on every page: the footer ("<report title> · <company>… <n> / <pages>",
    after the cover) and the header row of a table that continues."""
    pages = [squeeze(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    title = squeeze(report_text("report.title", lang))
    text = "".join(page[: page.rindex(title)] if n else page for n, page in enumerate(pages))
    return text.replace(squeeze(report_text("col.question", lang) + report_text("col.answer", lang)), "")


def long_result(lang: str) -> dict:
    answers = {"notes": NOTES, "long_choice": "none", "budget": 25}
    meta = {"company": COMPANY, "language": lang, "date": "2026-03-02"}
    return score(long_strings(), answers, language=lang, meta=meta).to_dict()


@pytest.mark.parametrize(
    ("lang", "comment"),
    [
        ("en", ("The company has made a good start on trade marks. " * 120 + TOKEN)[:MAX_COMMENT]),
        ("zh-Hant", ("貴公司在商標方面已有良好開始，但仍需處理外判合約的知識產權轉讓。" * 200)[:MAX_COMMENT]),
    ],
)
def test_every_word_stays_inside_the_side_margins_and_on_the_page(lang: str, comment: str) -> None:
    options = ReportOptions(adviser=("Dr. Chan Tai Man, Registered Patent Agent " * 10)[:MAX_ADVISER], comment=comment)
    pdf = report_pdf(long_strings(), long_result(lang), options)
    pages, words = word_boxes(pdf)
    assert words
    outside = [
        (word[:30], page + 1, round(x0), round(x1))
        for word, x0, y0, x1, y1, page in words
        if x0 < SIDE_MARGIN - 1 or x1 > pages[page][0] - SIDE_MARGIN + 1 or y0 < 0 or y1 > pages[page][1]
    ]
    assert not outside, outside[:10]
    # Nothing was cut off to fit: the long texts are all there (read without the page footers, which
    # come between the two halves of a text that continues on the next page).
    text = body_text(pdf, lang)
    for expected in (COMPANY, TOKEN, comment[:300], NOTES[:300]):
        assert squeeze(expected) in text
