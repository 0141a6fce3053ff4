"""Version numbers: their order, the suggested next one, and rewriting a text's version in place."""

from __future__ import annotations

import pytest

from scoring.versioning import is_newer, next_version, version_key, with_version


@pytest.mark.parametrize(
    ("older", "newer"),
    [("1.9", "1.10"), ("1.10", "2.0"), ("2.0", "2.0.1"), ("2.0.1", "2.0-draft"), ("1", "1.0"), ("0.9", "10")],
)
def test_versions_compare_part_by_part_with_numbers_as_numbers(older: str, newer: str) -> None:
    assert is_newer(newer, older)
    assert not is_newer(older, newer)
    assert sorted([newer, older], key=version_key) == [older, newer]


def test_a_version_is_not_newer_than_itself() -> None:
    assert not is_newer("1.10", "1.10")


@pytest.mark.parametrize(("latest", "suggested"), [("1.9", "1.10"), ("1.0", "1.1"), ("v2", "v3"), ("beta", "beta.1")])
def test_the_suggested_next_version_raises_the_last_number(latest: str, suggested: str) -> None:
    assert next_version(latest) == suggested
    assert is_newer(suggested, latest)


def test_rewriting_the_version_keeps_every_other_character() -> None:
    text = '# 註釋：版本\nid: mini\nversion: "1.10"   # keep me\nnested:\n  version: 7\n'
    assert with_version(text, "1.11") == '# 註釋：版本\nid: mini\nversion: "1.11"   # keep me\nnested:\n  version: 7\n'
    assert with_version("id: x\nversion: 3\n", "4") == 'id: x\nversion: "4"\n'


@pytest.mark.parametrize("text", ["id: x\n", "- a\n- b\n", "id: [unclosed\n"])
def test_rewriting_a_text_without_a_top_level_version_says_why(text: str) -> None:
    with pytest.raises(ValueError, match=r"version|YAML|mapping"):
        with_version(text, "2")
