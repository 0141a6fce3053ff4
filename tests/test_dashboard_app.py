"""The staff programme dashboard through the real app (AppTest): who may open it, its figures, its empty state."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.models import User
from storage.repository import update_assessment
from tests.apptest_support import new_app, prepare
from tests.benchmark_builders import MAKER, company, mini_version
from tests.conftest import FIXTURES, ROOT
from ui.auth import SIGNED_IN, SignedIn

MINI = FIXTURES / "mini.yaml"
DAY = dt.datetime.now(dt.UTC).replace(hour=9, minute=0, second=0, microsecond=0)


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    return prepare(monkeypatch, tmp_path, MINI)


def sign_in(url: str, app: AppTest, role: str) -> None:
    with session_scope(url) as session:
        user = User(email=f"{role}@example.org", display_name=role.title(), role=role)
        session.add(user)
        session.flush()
        app.session_state[SIGNED_IN] = SignedIn(user.id, user.email, user.display_name, role)
    app.session_state["signed_in_last_seen"] = time.time()  # a session just active (idle sign-out)


def signed_in(url: str, role: str) -> AppTest:
    """The app with a user of `role` signed in, on the dashboard page."""
    app = new_app()
    sign_in(url, app, role)
    app.run()
    app.switch_page("app_pages/dashboard.py").run()
    assert not app.exception
    return app


def seed(url: str) -> None:
    with session_scope(url) as session:
        version = mini_version(session)
        company(session, version, 20.0, level=1, when=DAY - dt.timedelta(days=20), company_name="Secret Widgets Ltd")
        company(session, version, 70.0, level=4, when=DAY - dt.timedelta(days=3), profile={**MAKER, "region": "macao"})
        company(session, version, complete=False, when=DAY - dt.timedelta(days=2))
        stopped = company(session, version, complete=False, when=DAY)
        update_assessment(session, stopped.id, current_section="strategy", company_name="Hidden Co")


def everything_shown(app: AppTest) -> str:
    elements = [*app.markdown, *app.caption, *app.info, *app.subheader, *app.title, *app.metric]
    shown = [str(getattr(e, "value", "")) for e in elements]
    shown += [app.dataframe[i].value.to_json(force_ascii=False) for i in range(len(app.dataframe))]
    shown += [c.proto.spec for c in app.get("plotly_chart")]
    return json.dumps(shown, ensure_ascii=False)


@pytest.mark.parametrize("role", [None, "adviser"])
def test_the_dashboard_is_not_in_the_navigation_of_others(url: str, role: str | None) -> None:
    app = new_app()
    if role is not None:
        sign_in(url, app, role)
    app.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("app_pages/dashboard.py")


@pytest.mark.parametrize("role", [None, "adviser"])
def test_the_dashboard_page_itself_refuses_others(url: str, role: str | None) -> None:
    """Opened by its address (the page script on its own): a message, no figures."""
    seed(url)
    app = AppTest.from_file(str(ROOT / "app_pages" / "dashboard.py"), default_timeout=30)
    if role is not None:
        sign_in(url, app, role)
    app.run()
    assert not app.exception
    assert not app.get("plotly_chart") and not app.metric
    expected = "Please sign in" if role is None else "cannot open this page"
    assert expected in " ".join(e.value for e in [*app.warning, *app.error])


def test_staff_see_programme_figures_without_company_names(url: str) -> None:
    seed(url)
    app = signed_in(url, "staff")
    assert app.title[0].value == "Programme dashboard"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Started": "4", "Completed": "2", "Completion rate": "50%", "In progress": "2"}
    assert len(app.get("plotly_chart")) == 4  # over time, drop-off, by sector, by region
    drop_off = next(d.value for d in app.dataframe if "Section" in d.value.columns)
    assert list(drop_off["Section"]) == ["Company profile", "Strategy", "Patents"]
    assert list(drop_off["Assessments"]) == [1, 1, 0]
    by_region = next(d.value for d in app.dataframe if "Group" in d.value.columns and "Macao" in set(d.value["Group"]))
    assert set(by_region["Maturity level"]) == {"Level 1: Starting", "Level 4: Managed"}
    shown = everything_shown(app)
    assert "Secret Widgets" not in shown and "Hidden Co" not in shown


def test_a_date_range_narrows_every_figure(url: str) -> None:
    seed(url)
    app = signed_in(url, "staff")
    app.date_input(key="dash_dates").set_value((DAY.date() - dt.timedelta(days=5), DAY.date())).run()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Started": "3", "Completed": "1", "Completion rate": "33%", "In progress": "2"}
    app.radio(key="dash_period").set_value("month").run()
    assert not app.exception


def test_an_empty_database_shows_an_empty_state(url: str) -> None:
    app = signed_in(url, "staff")
    assert "No assessments have been started yet" in app.info[0].value
    assert not app.get("plotly_chart")


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_dashboard_in_chinese(url: str, lang: str) -> None:
    seed(url)
    app = signed_in(url, "staff")
    app.sidebar.selectbox[0].set_value(lang).run()
    assert not app.exception
    assert app.title[0].value == ("計劃概覽" if lang == "zh-Hant" else "计划概览")
