"""Two `streamlit run` processes on one PostgreSQL database serve the same assessments: answer in one,
resume in the other, and back. This is how the app scales out (README: "Running more than one app process")."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from storage.db import session_scope
from storage.repository import answers_of, find_by_code
from tests.conftest import FIXTURES, ROOT
from tests.e2e.browser_support import AppServer, settle
from tests.e2e.journey import click_button, go_to_section, open_app, pick, start_new, type_number
from tests.storage_support import NO_POSTGRES, fresh_database

pytestmark = [pytest.mark.postgres, pytest.mark.browser]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip(NO_POSTGRES)
    monkeypatch.delenv("IPREADY_SECRET_KEY", raising=False)  # the key must come from the shared database
    with fresh_database("postgresql", tmp_path) as url:
        # Once, before either process starts (each also runs it on start: it is serialised and then a no-op).
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run(
            [sys.executable, "-m", "ipready.cli", "db", "upgrade"], env=env, check=True, capture_output=True, cwd=ROOT
        )
        yield url


@pytest.fixture
def servers(database: str, tmp_path: Path) -> Iterator[tuple[AppServer, AppServer]]:
    pair = tuple(AppServer(database, FIXTURES / "mini.yaml", log=tmp_path / f"server{number}.log") for number in (1, 2))
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(AppServer.start, pair))
    try:
        yield pair  # type: ignore[misc]
    finally:
        for server in pair:
            server.stop()


def new_page(browser: Browser) -> Page:
    """A context of its own: no cookies or storage shared with the other process's tab."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
    page.set_default_timeout(20_000)
    return page


def resume(page: Page, server: AppServer, code: str) -> None:
    page.goto(f"{server.url}/?resume={code}")
    settle(page)


def test_answer_in_one_process_and_resume_in_the_other(
    servers: tuple[AppServer, AppServer], browser: Browser, database: str
) -> None:
    first, second = servers
    assert first.port != second.port

    in_first = new_page(browser)
    open_app(in_first, first.url)
    code = start_new(in_first, "I have read the privacy notice", "Start a new assessment")
    pick(in_first, "Yes")
    click_button(in_first, "Next section")
    pick(in_first, "Informal")

    in_second = new_page(browser)
    resume(in_second, second, code)
    go_to_section(in_second, "Strategy")
    expect(in_second.get_by_role("radio", name="Informal")).to_be_checked()
    go_to_section(in_second, "Company profile")
    expect(in_second.get_by_role("radio", name="Yes")).to_be_checked()
    go_to_section(in_second, "Strategy")
    type_number(in_second, "IP budget", "20")

    # The first tab still holds its own copy; reopening the code there reads the database again.
    resume(in_first, first, code)
    go_to_section(in_first, "Strategy")
    expect(in_first.get_by_role("radio", name="Informal")).to_be_checked()
    expect(in_first.get_by_label("IP budget", exact=False).first).to_have_value("20")

    with session_scope(database) as session:
        found = find_by_code(session, code)
        assert found is not None
        assert answers_of(session, found.id) == {"does_rnd": "yes", "ip_policy": "informal", "budget": 20}
