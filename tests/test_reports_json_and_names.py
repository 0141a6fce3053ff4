"""The JSON download is the result format (checked against its schema), and download names are safe."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from reports.downloads import MIME, report_download
from reports.errors import ReportError
from reports.filenames import report_filename, safe_filename
from reports.json_report import result_json
from scoring.schemas_export import ROOT
from tests.report_support import LANGS, bundled, sample_result

SCHEMA = Draft202012Validator(
    json.loads((ROOT / "scoring" / "schemas" / "result.v1.schema.json").read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_json_report_is_a_valid_result(lang: str) -> None:
    result = sample_result(lang)
    document = json.loads(result_json(result).decode("utf-8"))
    assert document == result
    assert list(SCHEMA.iter_errors(document)) == []


def test_the_schema_rejects_a_malformed_result() -> None:
    result = sample_result("en")
    for damage in (
        lambda r: r.update(overall="high"),
        lambda r: r.pop("sections"),
        lambda r: r["recommendations"][0].update(priority="urgent"),
        lambda r: r["questions"][0].pop("status"),
    ):
        broken = copy.deepcopy(result)
        damage(broken)
        assert list(SCHEMA.iter_errors(broken)), broken
    with pytest.raises(ReportError):
        result_json({"format": "something else"})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Acme Trading Ltd.", "Acme-Trading-Ltd.pdf"),
        ("../../etc/passwd", "etc-passwd.pdf"),
        ('A<B>:C"D|E?F*G\\H/I', "A-B-C-D-E-F-G-H-I.pdf"),
        ("海港燈飾貿易有限公司", "海港燈飾貿易有限公司.pdf"),
        ("line\nbreak\x00null\u202eRTL", "line-break-null-RTL.pdf"),
        ("   ", "ip-ready-report.pdf"),
        ("CON", "ip-ready-report.pdf"),
        ("...", "ip-ready-report.pdf"),
        ("Ａｃｍｅ　１", "Acme-1.pdf"),  # full-width letters made plain
    ],
)
def test_file_names_keep_letters_and_digits_only(name: str, expected: str) -> None:
    assert safe_filename(name, "pdf") == expected


def test_file_names_are_bounded_and_extensions_known() -> None:
    assert len(safe_filename("x" * 1000, "xlsx")) == 80 + len(".xlsx")
    with pytest.raises(ValueError, match="extension"):
        safe_filename("a", "exe")
    assert report_filename("<script>alert(1)</script>", "2026-03-02", "html") == (
        "ip-ready-report-script-alert-1-script-2026-03-02.html"
    )


@pytest.mark.parametrize("fmt", ["html", "xlsx", "csv", "json"])
def test_downloads_carry_a_safe_name_and_their_type(fmt: str) -> None:
    download = report_download(fmt, bundled(), sample_result("en", company="Acme / Sons"))
    assert download.file_name == f"ip-ready-report-Acme-Sons-2026-03-02.{fmt}"
    assert download.mime == MIME[fmt] and download.data
