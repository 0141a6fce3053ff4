"""The privacy panel on "My data and sharing", through AppTest: download, delete for good, errors, languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.models import Answer, Assessment, SectionScore, Share, User
from storage.repository import complete_assessment, create_assessment, import_bundled, latest_version, save_answer
from tests.apptest_support import count, new_app, prepare, start_assessment
from tests.conftest import FIXTURES
from ui import state
from ui.i18n import LANGUAGES, t

MY_DATA = "app_pages/my_data.py"
RESULT = {"overall": 50.0, "sections": [{"id": "strategy", "score": 50.0}], "meta": {"profile": {}}}


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.delenv("IPREADY_DRAFT_RETENTION_DAYS", raising=False)
    return prepare(monkeypatch, tmp_path, FIXTURES / "mini.yaml")


def open_my_data(app: AppTest) -> AppTest:
    app.switch_page(MY_DATA).run()
    assert not app.exception, app.exception
    return app


def shared_with_adviser(url: str, assessment_id: int) -> int:
    with session_scope(url) as session:
        adviser = User(email="kim@example.com", display_name="Kim", role="adviser", password_hash="x")
        session.add(adviser)
        session.flush()
        session.add(Share(assessment_id=assessment_id, adviser_id=adviser.id))
        return adviser.id


def seen_by(url: str, adviser_id: int) -> list[int]:
    """What an adviser's views are built on: active shares of existing assessments."""
    with session_scope(url) as session:
        query = (
            select(Assessment.id)
            .join(Share, Share.assessment_id == Assessment.id)
            .where(Share.adviser_id == adviser_id, Share.withdrawn_at.is_(None))
        )
        return list(session.scalars(query))


def chain_of_two(url: str) -> tuple[int, int, str]:
    """A completed assessment and a re-assessment started from it; the re-assessment's resume code."""
    with session_scope(url) as session:
        import_bundled(session, [FIXTURES / "mini.yaml"])
        version = latest_version(session, "mini")
        assert version is not None
        first, _ = create_assessment(session, version, language="en", consent=True)
        complete_assessment(session, first.id, RESULT)
        second, code = create_assessment(session, version, language="en", consent=True, previous=first)
        save_answer(session, second.id, "ip_policy", "written")
        return first.id, second.id, code


def test_the_panel_offers_the_download_and_a_guarded_deletion(url: str) -> None:
    app = open_my_data(start_assessment(new_app()))

    downloads = app.get("download_button")
    assert [d.proto.label for d in downloads if d.proto.label.startswith("Download all my data")] == [
        "Download all my data (JSON)"
    ]
    assert any("180 days" in caption.value for caption in app.caption)
    assert app.button(key="privacy_delete").disabled
    assert not app.get("checkbox") or all(box.key != "privacy_delete_earlier" for box in app.checkbox)


def test_deleting_removes_the_rows_closes_the_session_and_the_adviser_no_longer_sees_it(url: str) -> None:
    app = start_assessment(new_app())
    assessment_id = app.session_state[state.ASSESSMENT]
    with session_scope(url) as session:
        save_answer(session, assessment_id, "ip_policy", "informal")
        complete_assessment(session, assessment_id, RESULT)
    adviser_id = shared_with_adviser(url, assessment_id)
    assert seen_by(url, adviser_id) == [assessment_id]
    open_my_data(app)

    app.checkbox(key="privacy_delete_confirm").check().run()
    assert not app.button(key="privacy_delete").disabled
    app.button(key="privacy_delete").click().run()

    assert not app.exception
    assert count(url, Assessment) == count(url, Answer) == count(url, SectionScore) == count(url, Share) == 0
    assert seen_by(url, adviser_id) == []
    assert state.ASSESSMENT not in app.session_state and state.CODE not in app.session_state
    assert [s.value for s in app.success] == [t("privacy.deleted_one", "en")]
    app.run()  # the confirmation is shown once
    assert not app.success


def test_earlier_assessments_are_deleted_only_when_asked(url: str) -> None:
    _, second_id, code = chain_of_two(url)
    app = open_my_data(new_app(resume=code).run())
    assert app.session_state[state.ASSESSMENT] == second_id

    app.checkbox(key="privacy_delete_earlier").check()
    app.checkbox(key="privacy_delete_confirm").check().run()
    app.button(key="privacy_delete").click().run()

    assert count(url, Assessment) == 0
    assert [s.value for s in app.success] == [t("privacy.deleted", "en", count=2)]


def test_without_asking_the_earlier_assessment_stays(url: str) -> None:
    first_id, _, code = chain_of_two(url)
    app = open_my_data(new_app(resume=code).run())
    app.checkbox(key="privacy_delete_confirm").check().run()
    app.button(key="privacy_delete").click().run()
    with session_scope(url) as session:
        assert list(session.scalars(select(Assessment.id))) == [first_id]


def test_an_assessment_deleted_in_another_window_is_a_message_not_a_traceback(url: str) -> None:
    app = open_my_data(start_assessment(new_app()))
    app.checkbox(key="privacy_delete_confirm").check().run()
    with session_scope(url) as session:
        session.execute(delete(Assessment))
    app.button(key="privacy_delete").click().run()

    assert not app.exception
    assert t("privacy.gone", "en") in [e.value for e in app.error]
    assert state.ASSESSMENT not in app.session_state


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_panel_speaks_every_language(url: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", "off")
    app = start_assessment(new_app())
    app.session_state[state.LANG] = lang
    open_my_data(app)
    assert t("privacy.delete.title", lang) in [h.value for h in app.subheader]
    assert t("privacy.retention_off", lang) in [c.value for c in app.caption]
    assert app.button(key="privacy_delete").label == t("privacy.delete.button", lang)
