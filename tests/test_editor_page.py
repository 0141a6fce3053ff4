"""The questionnaire editor page through AppTest: drafts, checks, publishing, conflicts, impact, roll-back."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.models import QuestionnaireDraft, User
from storage.questionnaire_admin import publish_draft
from storage.repository import latest_version
from tests.apptest_support import new_app, prepare
from tests.conftest import FIXTURES
from tests.questionnaire_edits import MINI, with_new_question
from ui.auth import LAST_SEEN, SIGNED_IN, SignedIn

EDITOR = "app_pages/editor.py"
MINI_FILE = FIXTURES / "mini.yaml"


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    url = prepare(monkeypatch, tmp_path, MINI_FILE)
    new_app().run()  # the app stores the bundled questionnaire on its first run
    with session_scope(url) as session:
        session.add(User(id=7, email="staff@example.com", display_name="Sam Staff", role="staff"))
        session.add(User(id=8, email="other@example.com", display_name="Olga Staff", role="staff"))
        session.add(User(id=9, email="adviser@example.com", display_name="Ada Adviser", role="adviser"))
    return url


def signed_in(user_id: int = 7, email: str = "staff@example.com", role: str = "staff", lang: str = "en") -> AppTest:
    app = new_app()
    app.session_state[SIGNED_IN] = SignedIn(user_id, email, email.split("@", maxsplit=1)[0], role)
    app.session_state[LAST_SEEN] = time.time()
    app.session_state["lang"] = lang
    return app.run()


def editor(user_id: int = 7, email: str = "staff@example.com") -> AppTest:
    return signed_in(user_id, email).switch_page(EDITOR).run()


def text_area(app: AppTest):  # type: ignore[no-untyped-def]
    return next(area for area in app.text_area if str(area.key).startswith("editor_text:"))


def button(app: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in app.button if b.label == label)


def show(app: AppTest, view: str) -> AppTest:
    return app.segmented_control(key="editor_view").set_value(view).run()


def test_only_staff_have_the_editor_in_their_navigation(url: str) -> None:
    for app in (signed_in(9, "adviser@example.com", "adviser"), new_app().run()):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(EDITOR)
    assert not signed_in().switch_page(EDITOR).run().exception


def test_a_new_draft_starts_from_the_version_in_use_and_a_broken_text_shows_its_line(url: str) -> None:
    app = editor()
    assert any("version 1.10" in i.value for i in app.info)
    button(app, "New draft from the version in use").click().run()
    area = text_area(app)
    assert area.value == MINI
    assert any("No problems found" in s.value for s in app.success)
    broken_line = MINI.splitlines().index("    weight: 2") + 1
    area.set_value(MINI.replace("    weight: 2\n", "    weight: lots\n", 1)).run()
    shown = " ".join(m.value for m in app.markdown)
    assert f"Line {broken_line}, column" in shown and "sections[strategy].weight" in shown
    assert any("1 error(s)" in e.value for e in app.error)
    assert any("Fix the errors above first" in i.value for i in app.info)  # preview and publish wait


def test_saving_then_publishing_a_new_version_makes_it_current(url: str) -> None:
    app = editor()
    button(app, "New draft from the version in use").click().run()
    text_area(app).set_value(with_new_question("1.11")).run()
    assert any("Unsaved changes" in c.value for c in app.caption)
    button(app, "Save draft").click().run()
    assert any("Draft saved (revision 2)" in s.value for s in app.success)
    show(app, "publish")
    assert any("published as version 1.11" in m.value for m in app.markdown)
    next(i for i in app.text_input if i.label.startswith("What changed")).set_value("Adds an IP owner question")
    button(app, "Publish").click().run()
    assert any("Published version 1.11" in s.value for s in app.success)
    with session_scope(url) as session:
        current = latest_version(session, "mini")
        assert current is not None and current.version == "1.11" and current.note == "Adds an IP owner question"
        assert current.published_by_id == 7
        assert session.query(QuestionnaireDraft).count() == 0


def test_publishing_an_unchanged_version_number_is_not_offered(url: str) -> None:
    app = editor()
    button(app, "New draft from the version in use").click().run()
    text_area(app).set_value(with_new_question("1.10")).run()
    show(app, "publish")
    assert any("Version 1.10 is not new" in w.value and "1.11" in w.value for w in app.warning)
    assert not [b for b in app.button if b.label == "Publish"]


def test_the_second_of_two_staff_saving_gets_a_conflict_and_keeps_both_texts(url: str) -> None:
    first = editor()
    button(first, "New draft from the version in use").click().run()
    second = editor(8, "other@example.com")
    text_area(first).set_value(MINI + "# first\n").run()
    text_area(second).set_value(MINI + "# second\n").run()
    button(first, "Save draft").click().run()
    button(second, "Save draft").click().run()
    assert any("Nothing was overwritten" in w.value for w in second.warning)
    with session_scope(url) as session:
        drafts = {d.id: d for d in session.query(QuestionnaireDraft)}
    assert len(drafts) == 2
    original, copy = drafts[min(drafts)], drafts[max(drafts)]
    assert original.yaml_text == MINI + "# first\n" and copy.yaml_text == MINI + "# second\n"
    assert "Conflict copy" in copy.label
    # The second editor now shows the draft as stored, and offers their own text in the copy.
    assert text_area(second).value == MINI + "# first\n"
    assert any(b.label == f"Open my copy (draft {copy.id})" for b in second.button)


def test_impact_re_scores_and_rolling_back_publishes_the_old_text_again(url: str) -> None:
    app = editor()
    button(app, "New draft from the version in use").click().run()
    show(app, "impact")
    button(app, "Re-score stored assessments").click().run()
    assert any("No completed assessments yet" in i.value for i in app.info)
    text_area(app).set_value(with_new_question("1.11")).run()
    show(app, "publish")
    button(app, "Publish").click().run()
    versions = app.selectbox(key="history_version")
    assert versions.options[0] == "1.11 (In use)"
    versions.select_index(versions.options.index("1.10")).run()
    button(app, "Roll back to version 1.10").click().run()
    assert any("Version 1.10 is back in use as version 1.12" in s.value for s in app.success)
    with session_scope(url) as session:
        current = latest_version(session, "mini")
        assert current is not None and current.version == "1.12"
        assert current.yaml_text == MINI.replace('version: "1.10"', 'version: "1.12"')


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_editor_speaks_chinese(url: str, lang: str) -> None:
    app = signed_in(lang=lang).switch_page(EDITOR).run()
    assert not app.exception
    assert app.title[0].value in ("問卷編輯器", "问卷编辑器")


def test_text_typed_into_a_draft_someone_else_published_is_offered_back(url: str) -> None:
    app = editor()
    button(app, "New draft from the version in use").click().run()
    text_area(app).set_value(MINI + "# mine, not saved\n").run()
    with session_scope(url) as session:
        draft = session.query(QuestionnaireDraft).one()
        text = draft.yaml_text.replace('version: "1.10"', 'version: "1.11"')
        draft.yaml_text = text
        session.flush()
        publish_draft(session, draft.id, draft.revision, 8, "published by the other editor")
    app.run()
    assert any("no longer exists" in w.value for w in app.warning)
    button(app, "Keep my text as a new draft").click().run()
    with session_scope(url) as session:
        kept = session.query(QuestionnaireDraft).one()
        assert kept.yaml_text == MINI + "# mine, not saved\n"
