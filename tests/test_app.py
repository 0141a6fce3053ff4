"""The entry page, through Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, ROOT

APP = str(ROOT / "app.py")


def run_app(monkeypatch: pytest.MonkeyPatch, questionnaire: Path) -> AppTest:
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(questionnaire))
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app


def test_lists_the_sections_of_the_questionnaire(monkeypatch: pytest.MonkeyPatch) -> None:
    app = run_app(monkeypatch, FIXTURES / "mini.yaml")
    assert not app.exception
    listed = " ".join(md.value for md in app.markdown)
    assert "**Company profile** (profile, not scored): 1 questions" in listed
    assert "**Strategy**: 2 questions" in listed
    assert "**Patents**: 2 questions" in listed


def test_a_broken_questionnaire_shows_every_problem_with_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("weight: 2\n    questions:", "weight: 0\n    questions:").replace(
            "score: 50, label", "score: 150, label", 1
        ),
        encoding="utf-8",
    )
    app = run_app(monkeypatch, broken)
    assert not app.exception
    assert "cannot be used" in app.error[0].value
    shown = app.code[0].value
    assert "broken.yaml:27:13: error: sections[strategy].weight: must be greater than 0 (found 0)" in shown
    assert "options[informal].score: must be less than or equal to 100 (found 150)" in shown


def test_a_missing_questionnaire_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = run_app(monkeypatch, tmp_path / "nowhere.yaml")
    assert not app.exception
    assert "No questionnaire file found: nowhere.yaml" in app.error[0].value
