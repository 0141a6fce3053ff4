"""Slips found by trying `ipready validate` as a new member of staff would, each with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipready.cli import main
from scoring import validate_questionnaire_text
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
SECTION_IF = "    show_if: {question: does_rnd, equals: yes}\n"
SEARCHES = "      - id: searches\n        kind: scale\n"


def edited(*pairs: tuple[str, str]) -> str:
    text = MINI
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def lines(text: str | bytes) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.path, p.message) for p in validate_questionnaire_text(text, "q.yaml")[1]]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- typed with a Chinese input method


def test_a_full_width_colon_is_named_with_the_key_path() -> None:
    text = edited(("        text: {en: IP budget", "        text：{en: IP budget"))
    row = line_of(text, "text：")
    assert lines(text) == [
        (
            row,
            13,
            "sections[strategy].questions[budget]",
            "a full-width colon '：' follows the key; type ':' (half-width)",
        )
    ]


@pytest.mark.parametrize(("space", "name"), [("\u3000", "full-width spaces"), ("\u00a0", "non-breaking or other")])
def test_indentation_with_unicode_spaces_is_named(space: str, name: str) -> None:
    text = edited(
        (
            "        allow_na: true\n        text: {en: IP budget",
            f"        allow_na: true\n{space}       text: {{en: IP budget",
        )
    )
    [(row, column, path, message)] = lines(text)
    assert (row, column, path) == (line_of(text, "text: {en: IP budget"), 1, "sections[strategy].questions[budget]")
    assert message.startswith(f"this line is indented with {name}")


def test_chinese_text_with_a_full_width_colon_is_not_blamed_for_a_later_slip() -> None:
    description = "description:\n  zh-Hant: >-\n    注意：內容\n\tzh-Hans: x\n"
    text = edited(("maturity_levels:\n", description + "maturity_levels:\n"))
    [(row, column, _, message)] = lines(text)
    assert (row, column) == (line_of(text, "\tzh-Hans"), 1)
    assert message.startswith("a tab is used here")


# ---------------------------------------------------------------- syntax errors say where in the outline


def test_a_syntax_error_names_the_key_path_it_is_in() -> None:
    text = edited(("{value: informal, score: 50,", "{value: informal, score: 50,,"))
    [(_, _, path, _)] = lines(text)
    assert path == "sections[strategy].questions[ip_policy].options[informal]"


def test_a_second_document_is_at_the_top_level() -> None:
    assert [path for _, _, path, _ in lines(MINI + "---\nid: other\n")] == [""]


# ---------------------------------------------------------------- aliases and merge keys


def test_a_problem_in_a_value_reused_by_an_alias_is_said_once() -> None:
    text = edited(
        (SECTION_IF, "    show_if: &rnd {question: does_rnd, equals: maybe}\n"),
        (SEARCHES, SEARCHES + "        show_if: *rnd\n"),
    )
    assert lines(text) == [
        (
            line_of(text, "&rnd"),
            48,
            "sections[patents].show_if.equals",
            "'maybe' is not an answer of question 'does_rnd' (use one of 'no', 'yes') "
            "(this part is reused through an alias in 1 more place)",
        )
    ]


def test_a_merge_key_is_one_problem_not_also_the_keys_it_would_bring() -> None:
    text = edited(
        (SECTION_IF, "    show_if: &rnd {question: does_rnd, equals: yes}\n"),
        (SEARCHES, SEARCHES + "        show_if: {<<: *rnd}\n"),
    )
    assert [message for _, _, _, message in lines(text)] == ["merge keys (<<) are not supported; write the keys out"]


def test_a_version_too_long_says_how_long_it_may_be() -> None:
    [(_, _, path, message)] = lines(edited(('version: "1.10"', "version: " + "1." * 20 + "0")))
    assert path == "version"
    assert message.startswith("must be a version such as 1.0 or 2.3.1 (letters, digits and dots, at most 32)")


# ---------------------------------------------------------------- files that are not questionnaires


def test_a_spreadsheet_saved_as_yaml_is_called_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    assert lines((tmp_path / "q.yaml").read_bytes()) == [
        (
            1,
            1,
            "",
            "this is not a text file (it looks like a spreadsheet, a document or an archive); "
            "save the questionnaire as plain text in UTF-8 with a .yaml name",
        )
    ]


@pytest.mark.timeout(30)
def test_an_endless_file_is_refused_not_read_forever(capsys: pytest.CaptureFixture[str]) -> None:
    assert Path("/dev/zero").exists()  # the suite runs on Linux
    assert main(["validate", "/dev/zero"]) == 1
    assert capsys.readouterr().out == (
        "/dev/zero:1:1: error: (top level): the file is larger than 2 MB; a questionnaire is far smaller\n"
    )


@pytest.mark.timeout(30)
def test_an_endless_answers_file_is_refused_not_read_forever(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "-q", str(FIXTURES / "mini.yaml"), "-a", "/dev/zero"]) == 1
    assert (
        capsys.readouterr().err == "/dev/zero: error: the file is larger than 10 MB; an answers file is far smaller\n"
    )
