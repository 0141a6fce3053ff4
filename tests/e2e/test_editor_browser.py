"""Staff edit the questionnaire in a real browser: break the YAML and see the line, fix it, add a question,
publish; a respondent then gets the new question, and an assessment completed before keeps its score and
wording."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from scoring import score
from scoring.loader import load_questionnaire_text
from storage.accounts import create_user
from storage.db import session_scope
from storage.repository import (
    complete_assessment,
    create_assessment,
    get_assessment,
    import_bundled,
    latest_version,
    save_answer,
)
from tests.conftest import FIXTURES
from tests.e2e.browser_support import AppServer, screenshot, settle
from tests.e2e.journey import click_button, pick, sign_in, start_new, type_number
from tests.questionnaire_edits import MINI, NEW_QUESTION_TEXT, with_new_question

pytestmark = pytest.mark.browser
EMAIL, PASSWORD = "sam@example.com", "a long enough password 42"
OLD_ANSWERS = {"does_rnd": "no", "ip_policy": "informal", "budget": 20}


def completed_before(url: str) -> tuple[int, dict, int]:  # type: ignore[type-arg]
    with session_scope(url) as session:
        import_bundled(session, [FIXTURES / "mini.yaml"])  # as the app's start-up does: stored once either way
        version = latest_version(session, "mini")
        assert version is not None
        assessment, _ = create_assessment(session, version, language="en", consent=True)
        for question_id, value in OLD_ANSWERS.items():
            save_answer(session, assessment.id, question_id, value)
        result = score(load_questionnaire_text(version.yaml_text), OLD_ANSWERS, language="en").to_dict()
        complete_assessment(session, assessment.id, result)
        return assessment.id, result, version.id


def edit(page: Page, text: str) -> None:
    box = page.get_by_role("textbox", name="YAML text of the draft")
    box.fill(text)
    box.press("Control+Enter")  # a text area hands its value over on Ctrl+Enter or when it loses focus
    settle(page)


def test_staff_fix_a_broken_draft_add_a_question_and_publish(page: Page, browser: Browser, server: AppServer) -> None:
    old_id, old_result, old_version_id = completed_before(server.database_url)
    with session_scope(server.database_url) as session:
        create_user(session, EMAIL, "staff", PASSWORD, "Sam Staff")

    sign_in(page, server.url, EMAIL, PASSWORD)
    page.get_by_test_id("stSidebarNav").get_by_text("Questionnaire editor").click()
    settle(page)
    page.get_by_role("button", name="New draft from the version in use").click()
    settle(page)

    broken_line = MINI.splitlines().index("    weight: 2") + 1
    edit(page, MINI.replace("    weight: 2\n", "    weight: lots\n", 1))
    expect(page.get_by_text(f"Line {broken_line}, column").first).to_be_visible()
    expect(page.get_by_text("sections[strategy].weight").first).to_be_visible()
    screenshot(page, "editor-error-en")

    edit(page, with_new_question("1.11"))
    expect(page.get_by_text("No problems found.")).to_be_visible()
    page.get_by_role("button", name="Save draft").click()
    settle(page)
    expect(page.get_by_text("Draft saved (revision 2).")).to_be_visible()
    page.get_by_test_id("stButtonGroup").get_by_text("Publish", exact=True).click()
    settle(page)
    page.get_by_label("What changed").fill("Adds a question on who owns IP matters")
    page.get_by_label("What changed").press("Enter")
    settle(page)
    screenshot(page, "editor-publish-tab-en")
    page.get_by_role("button", name="Publish", exact=True).click()
    settle(page)
    expect(page.get_by_text("Published version 1.11")).to_be_visible()
    screenshot(page, "editor-published-en")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        respondent = context.new_page()
        respondent.set_default_timeout(20_000)
        respondent.goto(server.url)
        settle(respondent)
        start_new(respondent, "I have read the privacy notice", "Start a new assessment")
        pick(respondent, "No")
        click_button(respondent, "Next section")
        expect(respondent.get_by_text(NEW_QUESTION_TEXT)).to_be_visible()
        pick(respondent, "Informal")
        type_number(respondent, "IP budget", "20")
        screenshot(respondent, "editor-respondent-new-question-en")
    finally:
        context.close()

    with session_scope(server.database_url) as session:
        old = get_assessment(session, old_id)
        assert old.questionnaire_version_id == old_version_id
        assert old.result_snapshot == old_result and old.overall_score == old_result["overall"]
        assert "ip_owner" not in old.questionnaire_version.yaml_text
