"""Server-side rerun time per interaction on the questionnaire page, beside a bare Streamlit page
with the same widgets. Both are driven by AppTest; the time measured is the script's own run (the
function Streamlit executes the page with), so AppTest's polling does not blur it.
Goals: p95 <= 50 ms and <= 1.5x the bare page."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from benchmarks.timing import Measurement, percentile
from scoring.loader import load_questionnaire
from scoring.model import MultipleChoice, SingleChoice, YesNo
from storage.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "questionnaires" / "ip_readiness.yaml"
INTERACTIONS = 60

# The same elements and widgets as the questionnaire page on its first scored section (language
# picker, progress, section buttons, resume code, questions, navigation), with no logic behind them.
BARE_PAGE = """
import streamlit as st
with st.sidebar:
    st.selectbox("Language", ["English", "繁體中文", "简体中文"], key="language")
    st.progress(0.5, text="3 of 36 required questions answered")
    st.markdown("**Sections**")
    for index, title in enumerate(SECTIONS):
        st.button(title, key=f"nav{index}", type="primary" if index == 1 else "secondary", width="stretch")
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


def bare_widgets() -> list[tuple[str, str, list[str]]]:
    questionnaire = load_questionnaire(BUNDLED)
    section = questionnaire.sections[1]
    widgets = []
    for question in section.questions:
        if isinstance(question, (SingleChoice, MultipleChoice)):
            widgets.append((question.id, question.text.get("en"), [o.label.get("en") for o in question.options]))
        elif isinstance(question, YesNo):
            widgets.append((question.id, question.text.get("en"), ["Yes", "No"]))
    return widgets


@contextmanager
def script_timer() -> Iterator[list[float]]:
    """Time every execution of a page script (callbacks included) while the block runs."""
    original = script_runner.exec_func_with_error_handling
    times: list[float] = []

    def timed(func: Callable[[], Any], ctx: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            times.append(time.perf_counter() - start)

    script_runner.exec_func_with_error_handling = timed
    try:
        yield times
    finally:
        script_runner.exec_func_with_error_handling = original


def _timed_runs(app: AppTest, radios: dict[str, list[str]]) -> list[float]:
    """Answer the radios in turn (`radios`: key -> the values it accepts), timing each rerun."""
    keys = list(radios)
    with script_timer() as times:
        for i in range(INTERACTIONS):
            key = keys[i % len(keys)]
            widget = next(r for r in app.radio if r.key == key)
            widget.set_value(radios[key][(i // len(keys)) % len(radios[key])])
            app.run()
    return times


def questionnaire_page_times(work: Path) -> list[float]:
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.db'}"
    os.environ["IPREADY_QUESTIONNAIRE"] = str(BUNDLED)
    upgrade(os.environ["DATABASE_URL"])
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    app.checkbox(key="consent").check()
    app.button(key="start_new").click().run()
    app.button(key="code_noted").click().run()
    next(b for b in app.sidebar.button if b.key and b.key.startswith("nav:") and b.key != "nav:profile").click().run()
    questionnaire = load_questionnaire(BUNDLED)
    codes = {q.id: _codes(q) for _, q in questionnaire.all_questions()}
    keys = [r.key for r in app.radio if r.key and r.key.startswith("q:") and r.key.count(":") == 2]
    radios = {key: codes[key.split(":")[-1]] for key in keys if codes[key.split(":")[-1]]}
    app.run()  # warm
    return _timed_runs(app, radios)


def _codes(question: object) -> list[str]:
    if isinstance(question, YesNo):
        return ["yes", "no"]
    if isinstance(question, SingleChoice):
        return [o.value for o in question.options]
    return []


def bare_page_times(work: Path) -> list[float]:
    page = work / "bare.py"
    # The widgets are written into the page itself, so the bare page does no work but drawing them.
    sections = [section.title.get("en") for section in load_questionnaire(BUNDLED).sections]
    page.write_text(f"WIDGETS = {bare_widgets()!r}\nSECTIONS = {sections!r}\n{BARE_PAGE}", encoding="utf-8")
    app = AppTest.from_file(str(page), default_timeout=60)
    app.run()
    app.run()  # warm
    return _timed_runs(app, {key: options for key, _, options in bare_widgets()})


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        page = questionnaire_page_times(work)
        bare = bare_page_times(work)
    page95, bare95 = percentile(page, 0.95), percentile(bare, 0.95)
    return [
        Measurement("questionnaire page rerun p50", percentile(page, 0.5), None),
        Measurement("questionnaire page rerun p95", page95, 0.050),
        Measurement("bare page, same widgets, rerun p95", bare95, None),
        Measurement("questionnaire page p95 / bare page p95", page95 / bare95, 1.5, unit="x"),
    ]
