"""The direct PDF writer: line breaking in Latin and Chinese, every part of the report present, links,
A4 pages with numbers, the same bytes for the same report, and a clear error without the font."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reports.catalogue import text as report_text
from reports.direct_pdf.fonts import _locate, face
from reports.direct_pdf.text import NO_START, Span, line_width, wrap
from reports.errors import ReportError
from reports.pdf import report_pdf
from reports.report_data import ReportOptions
from tests.report_support import LANGS, bundled, pdf_text, sample_result, squeeze

CHINESE = "貴公司在商標方面已有良好開始，但仍需處理外判合約的知識產權轉讓。請先檢查合約（包括顧問合約）！" * 6
FACES = (face("Noto Sans CJK HK", False), face("Noto Sans CJK HK", True))


def lines_of(text: str, width: float, *, pre: bool = False) -> list[str]:
    return ["".join(p.text for p in line) for line in wrap([Span(text)], 10, width, FACES, pre)]


def test_chinese_breaks_between_characters_but_never_before_closing_punctuation() -> None:
    lines = wrap([Span(CHINESE)], 10, 150, FACES)
    assert len(lines) > 5
    for line in lines:
        assert line_width(line) <= 150 + 0.01
    texts = ["".join(p.text for p in line) for line in lines]
    assert "".join(texts) == CHINESE
    assert not [t for t in texts[1:] if t[0] in NO_START]


def test_latin_breaks_at_spaces_and_a_word_too_long_for_the_line_is_cut() -> None:
    token = "https://www.example.org/" + "x" * 200
    lines = lines_of(f"Contact the adviser at {token} today", 200)
    assert lines[0].rstrip() == "Contact the adviser at"
    assert squeeze("".join(lines)) == squeeze(f"Contact the adviser at {token} today")
    assert all(FACES[0].width(line.rstrip(), 10) <= 200 + 0.01 for line in lines)


def test_pre_line_text_keeps_its_line_breaks_and_other_text_does_not() -> None:
    assert lines_of("First line\nSecond line", 400, pre=True) == ["First line", "Second line"]
    assert lines_of("First line\nSecond line", 400) == ["First line Second line"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_part_of_the_report_is_there_on_numbered_a4_pages(lang: str) -> None:
    result = sample_result(lang)
    pdf = report_pdf(bundled(), result, ReportOptions(adviser="Chan Tai Man", comment="Begin here."), cached=False)
    text = squeeze(pdf_text(pdf))
    keys = ["summary.title", "charts.title", "sections.title", "plan.title", "appendix.title", "method.title"]
    keys += ["notice.title", "summary.strongest", "flags.title", "gaps.title", "cover.comment", "method.levels"]
    missing = [key for key in keys if squeeze(report_text(key, lang)) not in text]
    assert not missing
    reader = PdfReader(io.BytesIO(pdf))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(595, 842)}
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        assert squeeze(page.extract_text()).endswith(f"{number}/{total}")


def test_services_with_an_address_are_links() -> None:
    result = sample_result("en")
    pdf = report_pdf(bundled(), result, cached=False)
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for annotation in page.get("/Annots") or []
    }
    wanted = {s["url"] for r in result["recommendations"][:10] for s in r["services"] if s.get("url")}
    assert wanted and wanted <= links


def test_the_same_report_gives_the_same_bytes() -> None:
    result = sample_result("zh-Hant")
    assert report_pdf(bundled(), result, cached=False) == report_pdf(bundled(), result, cached=False)


def test_a_missing_face_is_refused_rather_than_replaced() -> None:
    with pytest.raises(ReportError, match="not installed"):
        _locate("Noto Sans CJK XX", False)
