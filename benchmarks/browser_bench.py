"""Click-to-rendered latency in Chromium over a whole walk through the bundled questionnaire: from a
click on an answer until the frame painted after the last message of the rerun it caused (measured
in the page: every message from the server schedules a timestamp two animation frames later).
Goal: p95 <= 300 ms."""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from benchmarks.timing import Measurement, percentile
from tests.e2e.browser_support import CHROMIUM, CHROMIUM_ARGS, AppServer, settle
from tests.e2e.journey import start_new

BUNDLED = Path(__file__).resolve().parent.parent / "questionnaires" / "ip_readiness.yaml"
QUIET_MS = 400  # a rerun is over once no message has come for this long

# Installed before the app loads: wraps the WebSocket so every incoming message stamps the time of
# the second animation frame after it, i.e. when what it changed has been painted.
STAMP_MESSAGES = """
window.__painted = 0; window.__lastMessage = 0;
const NativeSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new NativeSocket(...args);
  socket.addEventListener("message", () => {
    window.__lastMessage = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__painted = performance.now(); }));
  });
  return socket;
};
window.WebSocket.prototype = NativeSocket.prototype;
Object.assign(window.WebSocket, NativeSocket);
"""


def click_and_wait(page: Page, target: object) -> float:
    """Milliseconds from the click until the paint after the rerun's last message."""
    start = float(page.evaluate("() => performance.now()"))
    target.click()  # type: ignore[attr-defined]
    page.wait_for_function(
        f"() => window.__lastMessage > {start} && performance.now() - window.__lastMessage > {QUIET_MS}",
        timeout=20_000,
    )
    return float(page.evaluate("() => window.__painted")) - start


def walk(page: Page) -> list[float]:
    latencies = []
    for _ in range(12):  # sections, at most
        radios = page.get_by_test_id("stMain").get_by_test_id("stRadio")
        index = 0
        while index < radios.count():  # answers show and hide questions: count again each time
            first_option = radios.nth(index).get_by_test_id("stRadioOption").first
            latencies.append(click_and_wait(page, first_option))
            index += 1
        following = page.get_by_role("button", name="Next section")
        if following.count() == 0:
            break
        latencies.append(click_and_wait(page, following.first))
    return latencies


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as folder:
        server = AppServer(f"sqlite:///{Path(folder) / 'bench.db'}", BUNDLED)
        server.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.add_init_script(STAMP_MESSAGES)
                page.goto(server.url)
                settle(page)
                start_new(page, "I have read the privacy notice", "Start a new assessment")
                latencies = [ms / 1000 for ms in walk(page)]
                browser.close()
        finally:
            server.stop()
    return [
        Measurement(f"click to rendered p50 ({len(latencies)} clicks)", percentile(latencies, 0.5), None),
        Measurement("click to rendered p95", percentile(latencies, 0.95), 0.300),
    ]
