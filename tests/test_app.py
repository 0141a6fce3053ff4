"""The respondent's journey through the real app (AppTest) on a real temporary SQLite database:
every test checks what is stored, not only that nothing failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import load_questionnaire, score
from scoring.answers import Special
from storage.db import session_scope
from storage.models import Answer, Assessment, QuestionnaireVersion
from storage.repository import answers_of, code_digest, save_answer
from tests.apptest_support import count, new_app, only_assessment, prepare, start_assessment, stored_answers
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini.yaml"
COMPLETE = {"does_rnd": "yes", "ip_policy": "informal", "budget": 20, "searches": 4, "filed_where": ["hk"]}


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    return prepare(monkeypatch, tmp_path, MINI)


def section_names(app: AppTest) -> list[str]:
    return [b.label.removesuffix("  ✓") for b in app.sidebar.button if b.key and b.key.startswith("nav:")]


def go_to(app: AppTest, section_id: str) -> None:
    next(b for b in app.sidebar.button if b.key == f"nav:{section_id}").click().run()


def radio(app: AppTest, question_id: str):
    return next(r for r in app.radio if r.key and r.key.endswith(f":{question_id}"))


def test_start_needs_consent_and_stores_nothing_without_it(url: str) -> None:
    app = new_app()
    app.run()
    app.button(key="start_new").click().run()
    assert "accept the privacy notice" in app.error[0].value
    assert count(url, Assessment) == 0


def test_start_stores_consent_and_only_a_digest_of_the_code(url: str) -> None:
    app = start_assessment(new_app())
    assessment = only_assessment(url)
    code = app.code[0].value
    assert assessment.status == "in_progress"
    assert assessment.consent_at is not None
    assert assessment.benchmark_opt_in is False
    with session_scope(url) as session:
        assert assessment.resume_digest == code_digest(session, code)
    assert code not in Path(url.removeprefix("sqlite:///")).read_bytes().decode("latin-1")
    assert app.header[0].value == "Company profile"
    with session_scope(url) as session:
        version = session.get(QuestionnaireVersion, assessment.questionnaire_version_id)
        assert (version.questionnaire_id, version.version) == ("mini", "1.10")


def test_benchmark_opt_in_is_stored_when_ticked(url: str) -> None:
    app = new_app()
    app.run()
    app.checkbox(key="consent").check()
    app.checkbox(key="benchmark_opt_in").check()
    app.button(key="start_new").click().run()
    assert only_assessment(url).benchmark_opt_in is True


def test_each_answer_is_stored_as_it_is_given(url: str) -> None:
    app = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    radio(app, "does_rnd").set_value("yes").run()
    assert stored_answers(url, assessment_id) == {"does_rnd": "yes"}
    assert any(c.value.startswith("✓ Saved at") for c in app.caption)
    radio(app, "does_rnd").set_value("no").run()
    assert stored_answers(url, assessment_id) == {"does_rnd": "no"}


def test_sections_appear_and_disappear_with_answers_and_hidden_answers_are_kept(url: str) -> None:
    app = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    radio(app, "does_rnd").set_value("no").run()
    assert section_names(app) == ["Company profile", "Strategy"]
    radio(app, "does_rnd").set_value("yes").run()
    assert section_names(app) == ["Company profile", "Strategy", "Patents"]
    go_to(app, "patents")
    radio(app, "searches").set_value(3).run()
    go_to(app, "profile")
    radio(app, "does_rnd").set_value("no").run()
    assert "Patents" not in section_names(app)
    assert stored_answers(url, assessment_id)["searches"] == 3


def test_not_applicable_is_stored_as_a_special_answer(url: str) -> None:
    app = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    radio(app, "does_rnd").set_value("yes").run()
    go_to(app, "patents")
    radio(app, "searches").set_value("__not_applicable__").run()
    assert stored_answers(url, assessment_id)["searches"] == {"special": "not_applicable"}


def test_resume_link_opens_the_assessment_and_leaves_the_address_bar(url: str) -> None:
    first = start_assessment(new_app())
    code = first.code[0].value
    radio(first, "does_rnd").set_value("yes").run()
    again = new_app(resume=code)
    again.run()
    assert "resume" not in again.query_params
    assert again.header[0].value == "Company profile"
    assert radio(again, "does_rnd").value == "yes"


def test_resume_code_typed_on_the_start_page(url: str) -> None:
    code = start_assessment(new_app()).code[0].value
    app = new_app()
    app.run()
    app.text_input[0].input(code.lower().replace("-", " "))  # inside a form: sent with the button
    next(b for b in app.button if b.label == "Continue").click().run()
    assert app.header[0].value == "Company profile"


@pytest.mark.parametrize("code", ["", "not-a-code", "AAAA-AAAA-AAAA-AAAA-AAAA", "' OR 1=1 --"])
def test_an_invalid_code_gets_a_clear_message_and_opens_nothing(url: str, code: str) -> None:
    start_assessment(new_app())
    app = new_app(resume=code)
    app.run()
    assert "does not match any assessment" in app.error[0].value
    assert not any(r.key and r.key.startswith("q:") for r in app.radio)


def test_a_tampered_parameter_never_opens_another_assessment(url: str) -> None:
    start_assessment(new_app())
    app = new_app(assessment_id="1", assessment="1", id="1")
    app.run()
    assert not any(r.key and r.key.startswith("q:") for r in app.radio)
    app.switch_page("app_pages/questionnaire.py").run()
    assert "No assessment is open" in app.info[0].value
    assert app.text_input[0].label == "Your resume code"


def test_switching_language_keeps_every_answer_and_shows_chinese(url: str) -> None:
    app = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    radio(app, "does_rnd").set_value("yes").run()
    app.sidebar.selectbox[0].set_value("zh-Hant").run()
    assert app.header[0].value == "公司概況"
    assert radio(app, "does_rnd").value == "yes"
    assert stored_answers(url, assessment_id) == {"does_rnd": "yes"}
    assert only_assessment(url).language == "zh-Hant"


def test_missing_required_answers_are_named_before_results(url: str) -> None:
    app = start_assessment(new_app())
    radio(app, "does_rnd").set_value("no").run()
    go_to(app, "strategy")
    next(b for b in app.button if b.label == "See my results").click().run()
    assert "Please answer these questions" in app.warning[0].value
    listed = " ".join(m.value for m in app.markdown)
    assert "Do you have an IP policy?" in listed


def complete_in_database(url: str, assessment_id: int) -> None:
    with session_scope(url) as session:
        for question_id, value in COMPLETE.items():
            save_answer(session, assessment_id, question_id, value)


def completed_and_on_results(url: str) -> tuple[AppTest, int]:
    """An assessment answered in full (straight into the database), resumed, on the results page."""
    code = start_assessment(new_app()).code[0].value
    assessment_id = only_assessment(url).id
    complete_in_database(url, assessment_id)
    app = new_app(resume=code)
    app.run()
    app.switch_page("app_pages/results.py").run()
    return app, assessment_id


def test_results_show_the_engines_score_and_store_a_snapshot(url: str) -> None:
    app, _assessment_id = completed_and_on_results(url)
    assert not app.exception
    expected = score(load_questionnaire(MINI), COMPLETE).to_dict()["overall"]
    assert app.metric[0].value == f"{expected:.1f} / 100"
    stored = only_assessment(url)
    assert stored.status == "completed"
    assert stored.result_snapshot is not None and stored.result_snapshot["overall"] == expected
    assert stored.overall_score == expected
    plotly = app.get("plotly_chart")
    assert len(plotly) == 2
    downloads = app.get("download_button")
    assert len(downloads) == 6  # PDF, HTML, XLSX reports; result JSON, answers JSON, CSV
    titles = [m.value for m in app.markdown]
    assert any("Write an IP policy" in text for text in titles)


def test_changing_an_answer_after_completion_marks_the_assessment_amended(url: str) -> None:
    app, _assessment_id = completed_and_on_results(url)
    first = only_assessment(url).result_snapshot
    app.switch_page("app_pages/questionnaire.py").run()
    go_to(app, "strategy")
    radio(app, "ip_policy").set_value("written").run()
    assert only_assessment(url).status == "amended"
    app.switch_page("app_pages/results.py").run()
    updated = {**COMPLETE, "ip_policy": "written"}
    expected = score(load_questionnaire(MINI), updated).to_dict()["overall"]
    assert app.metric[0].value == f"{expected:.1f} / 100"
    assert only_assessment(url).result_snapshot["overall"] == expected != first["overall"]


def test_reassessment_is_prefilled_and_shows_the_change(url: str) -> None:
    app, first_id = completed_and_on_results(url)
    next(b for b in app.button if b.label.startswith("Start a re-assessment")).click().run()
    with session_scope(url) as session:
        newest = session.query(Assessment).order_by(Assessment.id.desc()).first()
        assert newest.id != first_id and newest.previous_assessment_id == first_id
        assert answers_of(session, newest.id) == answers_of(session, first_id)
    app.switch_page("app_pages/results.py").run()
    assert any("Change since your previous assessment" in s.value for s in app.subheader)


def test_a_broken_questionnaire_shows_every_problem_with_its_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    text = MINI.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("weight: 2\n    questions:", "weight: 0\n    questions:").replace(
            "score: 50, label", "score: 150, label", 1
        ),
        encoding="utf-8",
    )
    prepare(monkeypatch, tmp_path, broken)
    app = new_app()
    app.run()
    assert not app.exception
    assert "cannot be used" in app.error[0].value
    shown = app.code[0].value
    assert "broken.yaml:27:13: error: sections[strategy].weight: must be greater than 0 (found 0)" in shown
    assert "options[informal].score: must be less than or equal to 100 (found 150)" in shown


def test_an_outdated_database_schema_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(MINI))
    app = new_app()
    app.run()
    assert not app.exception
    assert "ipready db upgrade" in app.error[0].value


def test_dont_know_answers_are_listed_as_knowledge_gaps(url: str) -> None:
    code = start_assessment(new_app()).code[0].value
    assessment_id = only_assessment(url).id
    complete_in_database(url, assessment_id)
    with session_scope(url) as session:
        save_answer(session, assessment_id, "ip_policy", Special.dont_know)
        assert session.get(Answer, (assessment_id, "ip_policy")).value == {"special": "dont_know"}
    app = new_app(resume=code)
    app.run()
    app.switch_page("app_pages/results.py").run()
    assert any("Knowledge gaps" in s.value for s in app.subheader)


def test_a_completed_result_is_not_replaced_by_moving_around_or_switching_language(url: str) -> None:
    app, _assessment_id = completed_and_on_results(url)
    first = only_assessment(url)
    app.switch_page("app_pages/questionnaire.py").run()
    go_to(app, "patents")
    app.sidebar.selectbox[0].set_value("zh-Hans").run()
    app.switch_page("app_pages/results.py").run()
    assert app.title[0].value == "你的知识产权准备度结果"
    again = only_assessment(url)
    assert again.status == "completed"
    assert again.completed_at == first.completed_at
    assert again.result_snapshot == first.result_snapshot
    assert again.result_snapshot["language"] == "en"


def test_an_unreachable_database_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    # A closed port on this machine: the connection is refused at once.
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(MINI))
    app = new_app()
    app.run()
    assert not app.exception
    assert "database cannot be reached" in app.error[0].value
