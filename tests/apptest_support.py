"""Running the real app in AppTest against a real (temporary) SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.migrate import upgrade
from storage.models import Answer, Assessment
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def prepare(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, questionnaire: Path) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(questionnaire))
    upgrade(url)
    return url


def new_app(**query: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        app.query_params[key] = value
    return app


def count(url: str, model: type) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def stored_answers(url: str, assessment_id: int) -> dict[str, object]:
    with session_scope(url) as session:
        rows = session.scalars(select(Answer).where(Answer.assessment_id == assessment_id))
        return {row.question_id: row.value for row in rows}


def only_assessment(url: str) -> Assessment:
    with session_scope(url) as session:
        rows = list(session.scalars(select(Assessment)))
        assert len(rows) == 1
        return rows[0]


def start_assessment(app: AppTest) -> AppTest:
    """Accept the notice and start; the app moves to the questionnaire page."""
    app.run()
    app.checkbox(key="consent").check()
    app.button(key="start_new").click()
    app.run()
    return app
