"""One Chromium for the whole test session; a fresh app server and database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import FIXTURES
from tests.e2e.browser_support import CHROMIUM, CHROMIUM_ARGS, AppServer


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    app = AppServer(f"sqlite:///{tmp_path / 'e2e.db'}", FIXTURES / "mini.yaml", log=tmp_path / "server.log")
    app.start()
    yield app
    app.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()
