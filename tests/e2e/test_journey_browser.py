"""The journey in a real browser against a real server: English and Chinese, reload and resume,
amend, a server killed mid-way, and a phone-width screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from scoring import load_questionnaire, score
from storage.db import session_scope
from storage.models import Assessment
from storage.repository import answers_of
from tests.conftest import FIXTURES
from tests.e2e.browser_support import AppServer, screenshot, settle
from tests.e2e.journey import (
    choose_language,
    click_button,
    go_to_section,
    open_app,
    overall_score,
    pick,
    resume_with_code,
    start_new,
    type_number,
)

pytestmark = pytest.mark.browser
MINI = load_questionnaire(FIXTURES / "mini.yaml")
ANSWERS = {"does_rnd": "yes", "ip_policy": "informal", "budget": 20, "searches": 4, "filed_where": ["hk"]}

ENGLISH = {
    "consent": "I have read the privacy notice",
    "start": "Start a new assessment",
    "yes": "Yes",
    "informal": "Informal",
    "written": "Written",
    "budget": "IP budget",
    "hk": "Hong Kong",
    "strategy": "Strategy",
    "patents": "Patents",
    "next": "Next section",
    "finish": "See my results",
    "edit": "Change my answers",
    "code_field": "Your resume code",
    "continue": "Continue",
}
CHINESE = {
    **ENGLISH,
    "consent": "我已閱讀私隱聲明",
    "start": "開始新評估",
    "yes": "是",
    "informal": "非正式",
    "budget": "知識產權預算",
    "hk": "香港",
    "next": "下一部分",
    "finish": "查看我的結果",
}


def expected_overall(answers: dict) -> str:
    return f"{score(MINI, answers).to_dict()['overall']:.1f} / 100"


def answer_everything(page: Page, words: dict[str, str]) -> None:
    pick(page, words["yes"])
    click_button(page, words["next"])
    pick(page, words["informal"])
    type_number(page, words["budget"], "20")
    click_button(page, words["next"])
    pick(page, "4")
    pick(page, words["hk"])


def stored_answers(server: AppServer) -> dict:
    with session_scope(server.database_url) as session:
        newest = session.query(Assessment).order_by(Assessment.id.desc()).first()
        assert newest is not None
        return answers_of(session, newest.id)


def test_complete_an_assessment_in_english(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    screenshot(page, "desktop-start-en")
    start_new(page, ENGLISH["consent"], ENGLISH["start"])
    answer_everything(page, ENGLISH)
    screenshot(page, "desktop-questionnaire-en")
    click_button(page, ENGLISH["finish"])
    assert overall_score(page) == expected_overall(ANSWERS)
    screenshot(page, "desktop-results-en")
    assert stored_answers(server) == ANSWERS
    with page.expect_download(timeout=60_000) as pdf:
        page.get_by_role("button", name="Report (PDF)").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")


def test_complete_an_assessment_in_traditional_chinese(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    choose_language(page, "繁體中文")
    start_new(page, CHINESE["consent"], CHINESE["start"])
    answer_everything(page, CHINESE)
    click_button(page, CHINESE["finish"])
    assert overall_score(page) == expected_overall(ANSWERS)
    assert page.get_by_text("你的知識產權準備度結果").is_visible()
    screenshot(page, "desktop-results-zh-Hant")


def test_reload_mid_way_and_resume_with_the_code(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    code = start_new(page, ENGLISH["consent"], ENGLISH["start"])
    pick(page, ENGLISH["yes"])
    click_button(page, ENGLISH["next"])
    pick(page, ENGLISH["informal"])
    page.reload()
    settle(page)
    resume_with_code(page, code, ENGLISH["code_field"], ENGLISH["continue"])
    go_to_section(page, ENGLISH["strategy"])
    assert page.get_by_role("radio", name=ENGLISH["informal"]).is_checked()
    assert "resume" not in page.url


def test_resume_link_opens_the_assessment(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    code = start_new(page, ENGLISH["consent"], ENGLISH["start"])
    pick(page, ENGLISH["yes"])
    page.goto(f"{server.url}/?resume={code}")
    settle(page)
    assert page.get_by_role("radio", name=ENGLISH["yes"]).is_checked()
    assert "resume=" not in page.url


def test_amend_an_answer_and_see_the_engines_new_score(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    start_new(page, ENGLISH["consent"], ENGLISH["start"])
    answer_everything(page, ENGLISH)
    click_button(page, ENGLISH["finish"])
    assert overall_score(page) == expected_overall(ANSWERS)
    click_button(page, ENGLISH["edit"])
    go_to_section(page, ENGLISH["strategy"])
    pick(page, ENGLISH["written"])
    go_to_section(page, ENGLISH["patents"])
    click_button(page, ENGLISH["finish"])
    assert overall_score(page) == expected_overall({**ANSWERS, "ip_policy": "written"})


def test_a_killed_server_loses_no_answer(page: Page, server: AppServer) -> None:
    open_app(page, server.url)
    code = start_new(page, ENGLISH["consent"], ENGLISH["start"])
    answer_everything(page, ENGLISH)
    server.kill()
    server.start()
    page.goto(server.url)
    settle(page)
    resume_with_code(page, code, ENGLISH["code_field"], ENGLISH["continue"])
    assert stored_answers(server) == ANSWERS
    go_to_section(page, ENGLISH["patents"])
    click_button(page, ENGLISH["finish"])
    assert overall_score(page) == expected_overall(ANSWERS)


def no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))


def test_phone_width_needs_no_horizontal_scrolling(browser, server: AppServer) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        open_app(phone, server.url)
        assert no_horizontal_scroll(phone)
        screenshot(phone, "phone-start-en")
        start_new(phone, ENGLISH["consent"], ENGLISH["start"])
        assert no_horizontal_scroll(phone)
        screenshot(phone, "phone-questionnaire-en")
        answer_everything(phone, ENGLISH)
        click_button(phone, ENGLISH["finish"])
        assert overall_score(phone) == expected_overall(ANSWERS)
        assert no_horizontal_scroll(phone)
        screenshot(phone, "phone-results-en")
    finally:
        context.close()
