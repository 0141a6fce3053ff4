"""The interface catalogue is complete in three languages, and Chinese pages carry no English."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from storage.db import session_scope
from storage.repository import save_answer
from tests.apptest_support import new_app, only_assessment, prepare, start_assessment
from tests.conftest import FIXTURES, ROOT
from tests.test_app import COMPLETE
from ui.i18n import LANGUAGES, MESSAGES, t

# Words that are the same in every language: formats, codes, the name of the command.
ALLOWED_LATIN = {"IP", "JSON", "CSV", "PDF", "HTML", "XLSX", "YAML", "ipready", "db", "upgrade", "XXXX"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_given_in_every_language_with_the_same_placeholders(key: str) -> None:
    english, traditional, simplified = MESSAGES[key]
    assert english.strip() and traditional.strip() and simplified.strip()
    assert placeholders(english) == placeholders(traditional) == placeholders(simplified)


def latin_words(text: str) -> set[str]:
    """Latin words, ignoring {placeholders}, `code` spans, resume codes such as 7K2M-QX4D-9PAT-H3WC-RB6E and
    Streamlit's markdown directives such as :green-badge[...], which readers never see as text."""
    text = re.sub(r"\{[a-z_]+\}|`[^`]*`|[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}|:[a-z]+(?:-[a-z]+)*\[", "", text)
    return set(re.findall(r"[A-Za-z]{2,}", text))


def test_chinese_messages_contain_no_english_words() -> None:
    for key, (_, traditional, simplified) in MESSAGES.items():
        for text in (traditional, simplified):
            words = latin_words(text)
            assert words <= ALLOWED_LATIN, f"{key}: {words - ALLOWED_LATIN}"


def test_every_key_used_in_the_app_exists() -> None:
    sources = [*ROOT.glob("app.py"), *ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py")]
    used = {m for path in sources for m in re.findall(r"""\bt\(\s*f?["']([a-z_.{}]+)["']""", path.read_text())}
    literal = {key for key in used if "{" not in key}
    assert literal, "the scan found no keys: the pattern is out of date"
    assert literal <= set(MESSAGES), literal - set(MESSAGES)


def test_t_fills_placeholders_and_falls_back_to_english() -> None:
    assert t("q.progress", "zh-Hans", answered=3, total=9) == "已回答 3 / 9 道必答题"
    assert t("q.progress", "xx", answered=1, total=2) == "1 of 2 required questions answered"


def visible_texts(app) -> list[str]:
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "warning", "success"):
        texts += [element.value for element in app.get(kind)]
    for widget in (*app.radio, *app.checkbox, *app.button, *app.text_input, *app.selectbox):
        texts.append(widget.label)
    for widget in (*app.radio,):
        texts += [str(option) for option in widget.options]
    return texts


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_chinese_pages_show_no_english_interface_text(
    lang: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = prepare(monkeypatch, tmp_path, FIXTURES / "mini.yaml")
    app = new_app()
    app.run()
    app.sidebar.selectbox[0].set_value(lang).run()
    pages = [visible_texts(app)]
    code = start_assessment(app).code[0].value
    assessment_id = only_assessment(url).id
    assert only_assessment(url).language == lang
    pages.append(visible_texts(app))
    with session_scope(url) as session:
        for question_id, value in COMPLETE.items():
            save_answer(session, assessment_id, question_id, value)
    resumed = new_app(resume=code)
    resumed.run()
    pages.append(visible_texts(resumed))
    resumed.switch_page("app_pages/results.py").run()
    assert resumed.metric, "the results page was not reached"
    pages.append(visible_texts(resumed))
    for texts in pages:
        for text in texts:
            words = latin_words(text) - ALLOWED_LATIN - {LANGUAGES["en"]}
            assert not words, f"English on a {lang} page: {text!r}"
