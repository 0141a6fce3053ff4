"""The loader reads YAML with libyaml only, and measures files in bytes."""

from __future__ import annotations

import subprocess
import sys

from scoring import validate_questionnaire_text
from tests.conftest import FIXTURES, ROOT

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def test_without_libyaml_importing_scoring_fails_with_a_clear_message() -> None:
    hide_libyaml = "import yaml; del yaml.CSafeLoader; import scoring"
    result = subprocess.run(
        [sys.executable, "-c", hide_libyaml], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "IP Ready needs PyYAML with libyaml (yaml.CSafeLoader)" in result.stderr
    assert "--only-binary=pyyaml" in result.stderr


def test_a_question_mark_inside_braces_is_plain_text() -> None:
    # PyYAML's pure-Python parser calls this line a syntax error; libyaml reads it as YAML means it.
    assert "{en: Do you develop technology?, zh-Hant:" in MINI
    model, problems = validate_questionnaire_text(MINI, "mini.yaml", strict=True)
    assert problems == []
    assert model is not None
    assert model.sections[0].questions[0].text.en == "Do you develop technology?"


def test_the_size_limit_counts_bytes_not_characters() -> None:
    cjk = "title: " + "知" * 700_000 + "\n"  # 700,000 characters, 2.1 MB in UTF-8
    for given in (cjk, cjk.encode()):
        _, problems = validate_questionnaire_text(given, "q.yaml")
        assert [(p.line, p.column, p.message) for p in problems] == [
            (1, 1, "the file is larger than 2 MB; a questionnaire is far smaller")
        ]


def test_a_cjk_file_under_the_limit_is_read() -> None:
    cjk = "title: " + "知" * 600_000 + "\n"  # 1.8 MB
    _, problems = validate_questionnaire_text(cjk, "q.yaml")
    title = next(p for p in problems if p.path == "title")  # read and checked, not refused
    assert (
        title.message == "must give the text per language (en:, zh-Hant:, zh-Hans:), not the text '" + "知" * 56 + "..."
    )
