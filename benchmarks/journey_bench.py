"""The questionnaire page as a respondent uses it, on real servers in Chromium.

- Server-side rerun time per interaction: every script run the server does after a click (a
  fragment rerun for an answer, a full rerun when the section list changes), logged by
  benchmarks/rerun_log/sitecustomize.py. Beside it, a bare Streamlit page with the same elements
  and widgets (no storage, no logic) clicked the same way. Goals: p95 <= 50 ms and <= 1.5x bare.
- Click-to-rendered latency: from a click until the frame painted after the last message of the
  rerun it caused, measured in the page. Goal: p95 <= 300 ms.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from benchmarks.timing import Measurement, percentile
from scoring.loader import load_questionnaire
from scoring.model import MultipleChoice, SingleChoice, YesNo
from tests.e2e.browser_support import CHROMIUM, CHROMIUM_ARGS, AppServer, settle
from tests.e2e.journey import start_new

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "questionnaires" / "ip_readiness.yaml"
RERUN_LOG = Path(__file__).resolve().parent / "rerun_log"
QUIET_MS = 400  # a rerun is over once no message has come for this long

# Installed before the app loads: every incoming message stamps the time of the second animation
# frame after it, i.e. when what it changed has been painted.
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

# The elements and widgets of the questionnaire page (language picker, section buttons, resume code,
# progress, questions, navigation), with nothing behind them.
BARE_PAGE = """
import streamlit as st
with st.sidebar:
    st.selectbox("Language", ["English", "繁體中文", "简体中文"], key="language")
    st.markdown("**Sections**")
    for index, title in enumerate(SECTIONS):
        st.button(title, key=f"nav{index}", width="stretch")
    with st.expander("Your resume code"):
        st.code("ABCD-EFGH-JKMN-PQRS-TVWX", language=None)
        st.caption("Write this code down.")
st.progress(0.5, text="2 / 10 · 3 of 36 required questions answered")
st.header(SECTIONS[1])
st.write("An introduction to the section.")
for key, label, options in WIDGETS:
    with st.container(border=True):
        st.radio(label, options, index=None, key=key)
st.caption("Saved at 12:00:00")
left, right = st.columns(2)
left.button("Previous section", width="stretch")
right.button("Next section", type="primary", width="stretch")
st.caption("General information, not legal advice.")
"""


def bare_page_source() -> str:
    questionnaire = load_questionnaire(BUNDLED)
    sections = [section.title.get("en") for section in questionnaire.sections]
    widgets = []
    for question in questionnaire.sections[1].questions:
        if isinstance(question, (SingleChoice, MultipleChoice)):
            widgets.append((question.id, question.text.get("en"), [o.label.get("en") for o in question.options]))
        elif isinstance(question, YesNo):
            widgets.append((question.id, question.text.get("en"), ["Yes", "No"]))
    return f"WIDGETS = {widgets!r}\nSECTIONS = {sections!r}\n{BARE_PAGE}"


def click_and_wait(page: Page, target: Locator) -> list[float]:
    """Milliseconds from the click until the paint after the rerun's last message; nothing when the
    click changed nothing (an option that was already chosen)."""
    start = float(page.evaluate("() => performance.now()"))
    target.click()
    try:
        page.wait_for_function(
            f"() => window.__lastMessage > {start} && performance.now() - window.__lastMessage > {QUIET_MS}",
            timeout=5_000,
        )
    except PlaywrightTimeoutError:
        return []
    return [float(page.evaluate("() => window.__painted")) - start]


def answer_radios(page: Page, option: int) -> list[float]:
    """Click option `option` (or the last) of every radio on the page, one after another."""
    latencies = []
    radios = page.get_by_test_id("stMain").get_by_test_id("stRadio")
    index = 0
    while index < radios.count():  # answers show and hide questions: count again each time
        options = radios.nth(index).get_by_test_id("stRadioOption")
        latencies += click_and_wait(page, options.nth(min(option, options.count() - 1)))
        index += 1
    return latencies


def walk_questionnaire(page: Page) -> list[float]:
    """Every section: answer each question, then change each answer once (as people do), then move on."""
    latencies = []
    for _ in range(12):  # sections, at most
        latencies += answer_radios(page, 0)
        latencies += answer_radios(page, 1)
        following = page.get_by_role("button", name="Next section")
        if following.count() == 0:
            break
        latencies += click_and_wait(page, following.first)
    return latencies


def serve(browser: Browser, server: AppServer) -> Page:
    server.start()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(STAMP_MESSAGES)
    page.goto(server.url)
    settle(page)
    return page


def rerun_times(log: Path, skip: int) -> list[float]:
    lines = log.read_text(encoding="utf-8").split() if log.exists() else []
    return [float(line) for line in lines[skip:]]


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        app_log, bare_log = work / "app.log", work / "bare.log"
        (work / "bare.py").write_text(bare_page_source(), encoding="utf-8")
        app = AppServer(
            f"sqlite:///{work / 'bench.db'}",
            BUNDLED,
            extra_env={"PYTHONPATH": str(RERUN_LOG), "IPREADY_RERUN_LOG": str(app_log)},
        )
        bare = AppServer(
            f"sqlite:///{work / 'bare.db'}",
            BUNDLED,
            script=work / "bare.py",
            extra_env={"PYTHONPATH": str(RERUN_LOG), "IPREADY_RERUN_LOG": str(bare_log)},
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = serve(browser, app)
                start_new(page, "I have read the privacy notice", "Start a new assessment")
                before = len(rerun_times(app_log, 0))
                latencies = [ms / 1000 for ms in walk_questionnaire(page)]
                app_times = rerun_times(app_log, before)
                app.stop()  # one server at a time: the other would share the two cores
                page = serve(browser, bare)
                page.get_by_test_id("stRadio").first.wait_for()
                before = len(rerun_times(bare_log, 0))
                for option in (0, 1) * 8:
                    answer_radios(page, option)
                bare_times = rerun_times(bare_log, before)
            finally:
                browser.close()
                app.stop()
                bare.stop()
    app95, bare95 = percentile(app_times, 0.95), percentile(bare_times, 0.95)
    return [
        Measurement(f"questionnaire page rerun p50 ({len(app_times)} runs)", percentile(app_times, 0.5), None),
        Measurement("questionnaire page rerun p95", app95, 0.050),
        Measurement(f"bare page, same widgets, rerun p50 ({len(bare_times)} runs)", percentile(bare_times, 0.5), None),
        Measurement("bare page, same widgets, rerun p95", bare95, None),
        Measurement("questionnaire page p95 / bare page p95", app95 / bare95, 1.5, unit="x"),
        Measurement(f"click to rendered p50 ({len(latencies)} clicks)", percentile(latencies, 0.5), None),
        Measurement("click to rendered p95", percentile(latencies, 0.95), 0.300),
    ]
