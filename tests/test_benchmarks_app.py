"""The results page's peer comparison through the real app (AppTest): opt in, empty state, a group of five."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scoring import load_questionnaire, score
from scoring.answers import Answers
from storage.db import session_scope
from storage.models import Assessment
from storage.repository import (
    complete_assessment,
    create_assessment,
    delete_assessment,
    find_by_code,
    find_version,
    import_bundled,
    save_answer,
)
from tests.apptest_support import new_app, prepare
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini.yaml"
ANSWERS = {"does_rnd": "yes", "ip_policy": "informal", "budget": 20, "searches": 4, "filed_where": ["hk"]}
PEER_POLICIES = ["none", "informal", "written", "written", "none", "informal"]


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    return prepare(monkeypatch, tmp_path, MINI)


def seed_peers(url: str, count: int) -> list[int]:
    """`count` companies that completed the mini questionnaire with real scored results and opted in."""
    questionnaire = load_questionnaire(MINI)
    ids = []
    with session_scope(url) as session:
        import_bundled(session, [MINI])
        version = find_version(session, "mini", "1.10")
        assert version is not None
        for number in range(count):
            answers: Answers = {**ANSWERS, "ip_policy": PEER_POLICIES[number % len(PEER_POLICIES)]}
            result = score(questionnaire, answers, meta={"profile": {}}).to_dict()
            assessment, _ = create_assessment(session, version, language="en", consent=True, benchmark_opt_in=True)
            complete_assessment(session, assessment.id, result)
            ids.append(assessment.id)
    return ids


def on_results(url: str, opt_in: bool) -> AppTest:
    """A new company that answers everything and opens its results."""
    app = new_app()
    app.run()
    app.checkbox(key="consent").check()
    if opt_in:
        app.checkbox(key="benchmark_opt_in").check()
    app.button(key="start_new").click().run()
    code = app.code[0].value
    with session_scope(url) as session:
        found = find_by_code(session, code)
        assert found is not None
        for question_id, value in ANSWERS.items():
            save_answer(session, found.id, question_id, value)
    app = new_app(resume=code)
    app.run()
    app.switch_page("app_pages/results.py").run()
    assert not app.exception
    return app


def texts(app: AppTest) -> str:
    return json.dumps([e.value for e in [*app.markdown, *app.info, *app.caption]], ensure_ascii=False)


def test_without_opt_in_the_panel_explains_and_offers_the_toggle(url: str) -> None:
    seed_peers(url, 6)
    app = on_results(url, opt_in=False)
    assert "only your scores count, anonymously" in texts(app)
    assert app.toggle(key="peer_opt_in").value is False
    assert len(app.get("plotly_chart")) == 2  # no peer chart before taking part
    app.toggle(key="peer_opt_in").set_value(True).run()
    assert "Compared with: all companies that took part: 6 companies" in texts(app)
    assert len(app.get("plotly_chart")) == 3


def test_four_peers_show_the_empty_state_and_five_the_comparison(url: str) -> None:
    seed_peers(url, 4)
    app = on_results(url, opt_in=True)
    assert "at least 5 companies" in texts(app)
    assert len(app.get("plotly_chart")) == 2
    seed_peers(url, 1)
    app.run()
    shown = texts(app)
    assert "Compared with: all companies that took part: 5 companies" in shown
    assert "You score higher than" in shown and "of 5 comparable companies" in shown
    spec = json.loads(app.get("plotly_chart")[2].proto.spec)
    assert spec["layout"]["template"]["layout"]  # the template is set on the figure itself
    assert sum(spec["data"][0]["y"]) == 5
    assert "You are here" in spec["layout"]["annotations"][0]["text"]
    # The per-section table: strategy and patents both have 5 peer scores.
    sections = next(d.value for d in app.dataframe if "Companies compared" in d.value.columns)
    assert list(sections["Section"]) == ["Strategy", "Patents"]
    assert list(sections["Companies compared"]) == [5, 5]


def test_a_deletion_that_leaves_four_brings_back_the_empty_state(url: str) -> None:
    ids = seed_peers(url, 5)
    app = on_results(url, opt_in=True)
    assert "of 5 comparable companies" in texts(app)
    with session_scope(url) as session:
        delete_assessment(session, ids[0])
    app.run()
    assert "at least 5 companies" in texts(app)


def test_opting_out_on_the_results_page_is_stored(url: str) -> None:
    seed_peers(url, 5)
    app = on_results(url, opt_in=True)
    app.toggle(key="peer_opt_in").set_value(False).run()
    with session_scope(url) as session:
        mine = session.get(Assessment, 6)
        assert mine is not None and mine.benchmark_opt_in is False
    assert len(app.get("plotly_chart")) == 2


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_comparison_in_chinese(url: str, lang: str) -> None:
    seed_peers(url, 5)
    app = on_results(url, opt_in=True)
    app.sidebar.selectbox[0].set_value(lang).run()
    assert not app.exception
    assert ("間公司" if lang == "zh-Hant" else "家企业") in texts(app)
