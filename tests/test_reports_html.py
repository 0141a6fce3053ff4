"""The HTML score report: one self-contained file, language set, user text inert."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from reports.chart_data import Point
from reports.html_report import report_html
from reports.report_data import ReportOptions
from reports.svg_charts import bars_svg, radar_svg
from tests.report_support import INJECTION, LANGS, bundled, sample_result


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_declares_its_language_and_needs_no_other_file(lang: str) -> None:
    html = report_html(bundled(), sample_result(lang))
    tags = parsed(html).tags
    assert tags[0] == ("html", {"lang": lang})
    # Self-contained: no scripts, no stylesheets, images or frames from elsewhere; charts are inline SVG.
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img", "iframe", "object")]
    assert not [attrs for _, attrs in tags if "src" in attrs]
    assert sum(tag == "svg" for tag, _ in tags) == 2
    assert "@page" in html and "@media print" in html


def test_a_script_as_company_name_or_comment_stays_text() -> None:
    result = sample_result("en", company=INJECTION)
    html = report_html(
        bundled(), result, ReportOptions(adviser=INJECTION, comment=f'"{INJECTION}" & <img src=x onerror=alert(2)>')
    )
    page = parsed(html)
    assert not [tag for tag, _ in page.tags if tag in ("script", "img")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert sum(INJECTION in text for text in page.text) >= 3  # cover, adviser, comment, title...


def test_chart_labels_are_escaped() -> None:
    points = [Point(f"s{i}", f"<b>Section {i}</b> & co", 50.0 + i) for i in range(4)]
    for svg in (radar_svg(points, "<t>", "Noto Sans"), bars_svg(points, "<t>", "Noto Sans", "n/a")):
        assert "<b>" not in svg and "&lt;b&gt;Section" in svg
        assert svg.startswith("<svg") and svg.endswith("</svg>")


def test_the_report_text_is_in_the_report_language_only() -> None:
    html = report_html(bundled(), sample_result("zh-Hans"))
    text = " ".join(parsed(html).text)
    # Report words in Simplified Chinese; no English heading or label slipped through.
    for english in ("Executive summary", "Action plan", "How the score is calculated", "Overall score"):
        assert english not in text
    assert "行动计划" in text and "评分如何计算" in text
