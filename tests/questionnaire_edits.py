"""Edits of the mini questionnaire that staff might make, shared by the editor's tests."""

from __future__ import annotations

from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
NEW_QUESTION_TEXT = "Does one person own IP matters?"
NEW_QUESTION = f"""      - id: ip_owner
        kind: yes_no
        dimension: management
        text: {{en: {NEW_QUESTION_TEXT}, zh-Hant: 有否專人負責知識產權？, zh-Hans: 是否有专人负责知识产权？}}
"""


def with_version(text: str, version: str) -> str:
    return text.replace('version: "1.10"', f'version: "{version}"')


def with_new_question(version: str, text: str = MINI) -> str:
    """`text` with one more question in its strategy section, as version `version`."""
    marker = "      - id: budget\n"
    assert marker in text
    return with_version(text.replace(marker, NEW_QUESTION + marker), version)
