"""Steps of the respondent's journey, as a person does them in the browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.browser_support import settle

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


def choose_language(page: Page, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name=name).click()
    settle(page)


def start_new(page: Page, consent_label: str, start_label: str) -> str:
    page.get_by_text(consent_label).click()
    settle(page)
    page.get_by_role("button", name=start_label, exact=True).click()
    settle(page)
    shown = page.get_by_test_id("stMain").get_by_test_id("stCode").first
    expect(shown).to_contain_text(CODE)
    found = CODE.search(shown.text_content() or "")
    assert found is not None
    return found.group(0)


def pick(page: Page, label: str) -> None:
    """Click an answer by its visible label (radio or checkbox) and wait for the save."""
    page.get_by_test_id("stMain").get_by_text(label, exact=True).first.click()
    settle(page)


def type_number(page: Page, label: str, value: str) -> None:
    field = page.get_by_label(label, exact=False).first
    field.fill(value)
    field.press("Enter")
    settle(page)


def go_to_section(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("button", name=title).first.click()
    settle(page)


def click_button(page: Page, label: str) -> None:
    page.get_by_role("button", name=label).first.click()
    settle(page)


def resume_with_code(page: Page, code: str, field_label: str, button_label: str) -> None:
    page.get_by_label(field_label).fill(code)
    page.get_by_role("button", name=button_label, exact=True).click()
    settle(page)


def overall_score(page: Page) -> str:
    return page.get_by_test_id("stMetricValue").first.inner_text().strip()


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    """Open the app and sign in as an adviser or staff member on the sign-in page."""
    page.goto(url)
    settle(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Adviser and staff sign-in").click()
    settle(page)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    settle(page)
