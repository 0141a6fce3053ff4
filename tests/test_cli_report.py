"""`ipready report` and `ipready print`: every format, the portfolio form, exit codes, no tracebacks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from ipready.cli import main
from scoring.answers import answers_file
from scoring.samples import sample_answers
from tests.report_support import BUNDLED, bundled, pdf_text, squeeze

Q = str(BUNDLED)


def answers(tmp_path: Path, seed: int, company: str = "Acme Ltd", lang: str = "en") -> str:
    path = tmp_path / f"answers-{seed}.json"
    document = answers_file(bundled(), sample_answers(bundled(), "random", seed), company=company, language=lang)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["html", "xlsx", "csv", "json"])
def test_report_writes_each_format(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"report.{fmt}"
    code = main(["report", "-q", Q, "-a", answers(tmp_path, 3), "--format", fmt, "--lang", "zh-Hant", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    data = out.read_bytes()
    if fmt == "html":
        assert '<html lang="zh-Hant">' in data.decode() and "行動計劃" in data.decode()
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames[0] == "摘要"
    elif fmt == "csv":
        assert data.startswith("\ufeffsection_id,".encode())
    else:
        assert json.loads(data)["language"] == "zh-Hant"


def test_report_pdf_shows_the_adviser_and_comment(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    argv = ["report", "-q", Q, "-a", answers(tmp_path, 4), "--format", "pdf", "-o", str(out)]
    assert main([*argv, "--company", "Override Co", "--adviser", "Wong Siu Ming", "--comment", "Act on 1 and 2."]) == 0
    text = squeeze(pdf_text(out.read_bytes()))
    assert all(squeeze(item) in text for item in ("Override Co", "Wong Siu Ming", "Act on 1 and 2."))


def test_portfolio_has_one_row_per_answers_file(tmp_path: Path) -> None:
    files = [answers(tmp_path, seed, company=f"Company {seed}") for seed in range(3)]
    out = tmp_path / "portfolio.xlsx"
    assert main(["report", "-q", Q, "-a", *files, "--format", "xlsx", "--portfolio", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:]] == [(Path(f).name, f"Company {n}") for n, f in enumerate(files)]


def test_print_writes_the_questionnaire(tmp_path: Path) -> None:
    out = tmp_path / "q.html"
    assert main(["print", "-q", Q, "--format", "html", "--lang", "zh-Hans", "-o", str(out)]) == 0
    assert '<html lang="zh-Hans">' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "pdf", "--portfolio"], "--portfolio writes xlsx or csv"),
        (["--format", "xlsx", "-a", "second.json"], "several answers files make a portfolio"),
    ],
)
def test_wrong_usage_exits_2(extra: list[str], message: str, tmp_path: Path, capsys) -> None:
    argv = ["report", "-q", Q, "-a", answers(tmp_path, 1), *extra, "-o", str(tmp_path / "x")]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_bad_input_exits_1_with_one_line_per_problem(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    missing = tmp_path / "missing.json"
    out = tmp_path / "p.csv"
    argv = ["report", "-q", Q, "-a", str(bad), str(missing), "--format", "csv", "--portfolio", "-o", str(out)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and not out.exists()
    lines = err.strip().splitlines()
    assert any(line.startswith(f"{bad}: error: answers file: questionnaire") for line in lines)
    assert f"{missing}: error: cannot read the file: No such file or directory" in lines


def test_a_too_long_comment_and_answers_for_another_questionnaire_are_refused(tmp_path: Path, capsys) -> None:
    argv = ["report", "-q", Q, "-a", answers(tmp_path, 1), "--format", "html", "-o", str(tmp_path / "x.html")]
    assert main([*argv, "--comment", "x" * 5001]) == 1
    assert capsys.readouterr().err.strip() == "ipready report: error: comment: at most 5000 characters"
    mini = str(Path(__file__).parent / "fixtures" / "mini.yaml")
    assert main(["report", "-q", mini, *argv[3:]]) == 1
    assert "these answers are for 'ip_readiness', not 'mini'" in capsys.readouterr().err
