"""The adviser's journey in a real browser: sign in, invite a client, the client completes an assessment
through the link in their own browser, the adviser finds it in the portfolio and downloads its PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from storage.accounts import create_user
from storage.db import session_scope
from storage.models import Assessment
from storage.sharing import shares_of
from tests.e2e.browser_support import AppServer, screenshot, settle
from tests.e2e.journey import click_button, pick, sign_in, type_number

pytestmark = pytest.mark.browser
EMAIL, PASSWORD, NAME = "ada@example.com", "a long enough password 42", "Ada Adviser"
COMPANY = "Harbour Lantern Trading Limited"


def open_portfolio(page: Page) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text("My clients").click()
    settle(page)
    expect(page.get_by_role("heading", name="My clients")).to_be_visible()


def invite(page: Page, label: str) -> str:
    page.get_by_text("Invite a client").click()
    settle(page)
    page.get_by_label("Who is it for?").fill(label)
    page.get_by_role("button", name="Create invitation link").click()
    settle(page)
    link = page.get_by_test_id("stCode").filter(has_text="?invite=").first.text_content() or ""
    assert "?invite=" in link, link
    return link.strip()


def complete_through_link(client: Page, link: str) -> None:
    client.goto(link)
    settle(client)
    expect(client.get_by_text(f"Invited by {NAME}")).to_be_visible()
    assert "invite=" not in client.url, "the code leaves the address bar"
    screenshot(client, "adviser-invited-start-en")
    client.get_by_text("I have read the privacy notice").click()
    settle(client)
    client.get_by_role("button", name="Start a new assessment", exact=True).click()
    settle(client)
    company = client.get_by_label("Company name (optional)")
    company.fill(COMPANY)
    company.press("Enter")
    settle(client)
    pick(client, "Yes")
    click_button(client, "Next section")
    pick(client, "Informal")
    type_number(client, "IP budget", "20")
    click_button(client, "Next section")
    pick(client, "4")
    pick(client, "Hong Kong")
    click_button(client, "See my results")
    expect(client.get_by_test_id("stMetricValue").first).to_contain_text("/ 100")


def test_adviser_invites_a_client_and_downloads_the_clients_pdf(
    page: Page, browser: Browser, server: AppServer
) -> None:
    with session_scope(server.database_url) as session:
        create_user(session, EMAIL, "adviser", PASSWORD, NAME)
    sign_in(page, server.url, EMAIL, PASSWORD)
    open_portfolio(page)
    screenshot(page, "adviser-portfolio-empty-en")
    link = invite(page, "Harbour Lantern")
    screenshot(page, "adviser-invitation-en")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        client = context.new_page()
        client.set_default_timeout(20_000)
        complete_through_link(client, link)
        client.get_by_test_id("stSidebarNav").get_by_text("My data and sharing").click()
        settle(client)
        expect(client.get_by_text(NAME, exact=True)).to_be_visible()
        screenshot(client, "adviser-sme-sharing-en")
    finally:
        context.close()
    with session_scope(server.database_url) as session:
        assessment = session.query(Assessment).one()
        assert [s.adviser_name for s in shares_of(session, assessment.id)] == [NAME]
        assert assessment.status == "completed"

    open_portfolio(page)
    table = page.get_by_test_id("stDataFrame")
    expect(table).to_be_visible()
    screenshot(page, "adviser-portfolio-en")
    page.get_by_role("button", name="Open client").click()
    settle(page)
    expect(page.get_by_role("heading", name=COMPANY)).to_be_visible()
    expect(page.get_by_role("button", name="Report (PDF)").first).to_be_visible()
    screenshot(page, "adviser-client-en")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Report (PDF)").first.click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert COMPANY in " ".join(text.split()), text[:500]
