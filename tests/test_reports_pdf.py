"""The PDF score report in three languages: what an adviser's client reads, what poppler renders."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from reports.pdf import report_pdf
from reports.report_data import ReportOptions
from tests.report_support import (
    INJECTION,
    LANGS,
    bundled,
    page_count,
    page_images,
    pdf_fonts,
    pdf_text,
    sample_result,
    squeeze,
)

COMPANY = {"en": "Harbour Lights Trading Limited", "zh-Hant": "海港燈飾貿易有限公司", "zh-Hans": "湾区灯饰贸易有限公司"}
# The face decides the glyph forms: Hong Kong forms for Traditional, Mainland forms for Simplified.
FACE = {"en": "Noto-Sans-CJK-HK", "zh-Hant": "Noto-Sans-CJK-HK", "zh-Hans": "Noto-Sans-CJK-SC"}


@pytest.fixture(scope="module", params=LANGS)
def report(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], bytes]:
    lang = request.param
    result = sample_result(lang, company=COMPANY[lang])
    options = ReportOptions(adviser="Chan Tai Man", comment="Start with the contractor assignments.")
    return lang, result, report_pdf(bundled(), result, options)


def test_text_holds_company_score_sections_top_action_and_every_answered_question(report) -> None:
    lang, result, pdf = report
    text = squeeze(pdf_text(pdf))
    expected = [COMPANY[lang], f"{result['overall']:.2f}", result["recommendations"][0]["title"], "Chan Tai Man"]
    expected += [s["title"] for s in result["sections"] if s["status"] != "hidden"]
    expected += [q["text"] for q in result["questions"] if q["status"] not in ("hidden", "unanswered")]
    missing = [item for item in expected if squeeze(item) not in text]
    assert not missing, missing
    assert len(expected) > 70


def test_every_font_is_embedded_and_chinese_uses_the_face_of_its_region(report) -> None:
    lang, _, pdf = report
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    names = {name.split("+")[-1] for name, _ in fonts}
    assert any(name.startswith(FACE[lang]) for name in names), names
    other = "Noto-Sans-CJK-SC" if FACE[lang].endswith("HK") else "Noto-Sans-CJK-HK"
    assert not any(name.startswith(other) for name in names), names


def test_every_page_renders_and_none_is_blank(report) -> None:
    _, _, pdf = report
    images = page_images(pdf)
    assert len(images) == page_count(pdf) >= 10
    for number, data in enumerate(images, start=1):
        page = Image.open(io.BytesIO(data))
        # Inside the margins only: a page with nothing but its footer is blank to a reader.
        width, height = page.size
        body = page.crop((0, round(height * 17 / 297), width, round(height * (297 - 19) / 297)))
        histogram = body.histogram()
        inked = sum(histogram[:160]) / sum(histogram)
        assert inked > 0.002, f"page {number} is (nearly) blank: {inked:.4f} of its pixels are inked"


def test_a_script_in_the_company_name_and_comment_stays_text() -> None:
    result = sample_result("en", company=INJECTION)
    pdf = report_pdf(bundled(), result, ReportOptions(comment=f"Note {INJECTION} & more"))
    text = squeeze(pdf_text(pdf))
    assert squeeze(INJECTION) in text
    assert squeeze(f"Note {INJECTION} & more") in text
