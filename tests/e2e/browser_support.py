"""A real app server (`streamlit run`) and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass
class AppServer:
    """`streamlit run app.py` on a free port, on its own database; can be killed and restarted."""

    database_url: str
    questionnaire: Path
    script: Path = ROOT / "app.py"
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if self.process is None and not _port_free(self.port):
            self.port = free_port()  # another server took it since this one was set up
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "IPREADY_QUESTIONNAIRE": str(self.questionnaire),
            **self.extra_env,
        }
        subprocess.run(
            [sys.executable, "-m", "ipready.cli", "db", "upgrade"], env=env, check=True, capture_output=True, cwd=ROOT
        )
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ]
        handle = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the app server did not start within 60 s")

    def kill(self) -> None:
        """SIGKILL: no chance to flush or clean up, as in a crash."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None


def settle(page: Page, timeout: float = 15_000) -> None:
    """Wait until Streamlit has finished the rerun the last action started."""
    page.wait_for_timeout(150)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
               && document.querySelector('[data-testid="stApp"]')""",
        timeout=timeout,
    )
    page.wait_for_timeout(100)


def screenshot(page: Page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its own container, so the window is made as tall as it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    charts = page.get_by_test_id("stPlotlyChart")
    for index in range(charts.count()):
        charts.nth(index).locator(".main-svg").first.wait_for(state="attached", timeout=15_000)
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section, body')]
                 .map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path
