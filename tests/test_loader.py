"""The loader: values kept as written, safe loading, limits, positions and messages of single problems."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scoring import Questionnaire, QuestionnaireError, load_questionnaire, validate_questionnaire_text
from scoring.problems import Problem
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


def t(text: str) -> str:
    return f"{{en: {text}, zh-Hant: {text}, zh-Hans: {text}}}"


# A profile question whose option values are the words PyYAML would turn into booleans, numbers or null.
CODES_SECTION = f"""\
  - id: codes
    title: {t("Codes")}
    scored: false
    questions:
      - id: plain_codes
        kind: single_choice
        text: {t("Pick one")}
        options:
          - {{value: yes, label: {t("Yes")}}}
          - {{value: no, label: {t("No")}}}
          - {{value: 010, label: {t("Ten")}}}
          - {{value: ~, label: {t("Tilde")}}}
          - {{value: on, label: {t("On")}}}
          - {{value: 1.10, label: {t("One ten")}}}
      - id: follow_up
        kind: text
        show_if: {{question: plain_codes, in: [no, ~, 010]}}
        text: {t("Why")}
"""


def with_codes(text: str = MINI) -> str:
    return text.replace("recommendations:\n", CODES_SECTION + "recommendations:\n", 1)


def edited(*pairs: tuple[str, str], text: str = MINI) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def lines(text: str | bytes, strict: bool = False) -> list[str]:
    return [p.format() for p in validate_questionnaire_text(text, "q.yaml", strict=strict)[1]]


def only_problem(text: str | bytes) -> Problem:
    model, problems = validate_questionnaire_text(text, "q.yaml")
    assert model is None
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- valid files


def test_valid_file_gives_a_frozen_model() -> None:
    model, problems = validate_questionnaire_text(MINI, "mini.yaml", strict=True)
    assert problems == []
    assert isinstance(model, Questionnaire)
    assert model.id == "mini"
    assert [s.id for s in model.sections] == ["profile", "strategy", "patents"]
    with pytest.raises(ValueError, match="frozen"):
        model.id = "other"  # type: ignore[misc]


def test_load_questionnaire_reads_a_file() -> None:
    assert load_questionnaire(FIXTURES / "mini.yaml").version == "1.10"


def test_load_questionnaire_raises_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        edited(("weight: 2\n", "weight: 0\n"), ("{value: written, score: 100,", "{value: written, score: 120,"))
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert [p.path for p in caught.value.errors] == [
        "sections[strategy].weight",
        "sections[strategy].questions[ip_policy].options[written].score",
    ]
    assert str(caught.value).startswith(f"{path}:")


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(tmp_path / "nowhere.yaml")
    assert caught.value.problems[0].line == 1
    assert "cannot read the file" in caught.value.problems[0].message


def test_byte_order_mark_and_windows_line_ends_are_fine() -> None:
    model, problems = validate_questionnaire_text(("\ufeff" + MINI.replace("\n", "\r\n")).encode(), "q.yaml")
    assert problems == []
    assert model is not None


# ---------------------------------------------------------------- values stay as written


def test_yes_no_and_numbers_stay_the_codes_written() -> None:
    model, problems = validate_questionnaire_text(with_codes(), "q.yaml", strict=True)
    assert problems == []
    assert model is not None
    question = model.sections[-1].questions[0]
    assert [o.value for o in question.options] == ["yes", "no", "010", "~", "on", "1.10"]  # type: ignore[attr-defined]
    condition = model.sections[-1].questions[1].show_if
    assert condition.in_ == ["no", "~", "010"]  # type: ignore[union-attr]
    assert model.sections[2].show_if.equals == "yes"  # type: ignore[union-attr]


@pytest.mark.parametrize(("written", "kept"), [("1.10", "1.10"), ('"1.10"', "1.10"), ("2.0", "2.0"), ("010", "010")])
def test_version_stays_a_string(written: str, kept: str) -> None:
    model, _ = validate_questionnaire_text(edited(('version: "1.10"', f"version: {written}")), "q.yaml")
    assert model is not None
    assert model.version == kept


def test_an_empty_value_is_empty() -> None:
    problem = only_problem(edited(("        weight: 2\n", "        weight:\n")))
    assert problem.message == "must be a number, not an empty value"
    assert problem.path == "sections[strategy].questions[ip_policy].weight"


def test_null_words_are_empty_outside_answer_codes() -> None:
    text = edited(('version: "1.10"\n', 'version: "1.10"\ndescription: ~\n'))
    model, problems = validate_questionnaire_text(text)
    assert problems == []
    assert model is not None
    assert model.description is None


# ---------------------------------------------------------------- safe loading


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!custom x",
        "!!binary aGk=",
    ],
)
def test_tags_are_refused_and_never_run(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "ran"
    text = edited(("id: mini\n", f"id: {tagged.format(marker=marker)}\n"))
    problem = only_problem(text)
    assert not marker.exists()
    assert (problem.line, problem.column) == (2, 5)
    assert problem.path == "id"
    assert "tag" in problem.message
    assert "is not allowed" in problem.message
    assert tagged.split(maxsplit=1)[0] in problem.message  # shown as written, e.g. !!python/name:os.system


def test_a_tag_on_the_whole_file_is_one_problem(tmp_path: Path) -> None:
    problem = only_problem(f"!!python/object/apply:os.system ['touch {tmp_path / 'ran'}']\n")
    assert not (tmp_path / "ran").exists()
    assert problem.message.startswith("the tag !!python/object/apply:os.system is not allowed")


def billion_laughs(levels: int = 9) -> str:
    rows = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(rows) + "\n"


def test_alias_bomb_ends_in_a_clear_error_quickly() -> None:
    started = time.perf_counter()
    problem = only_problem(billion_laughs())
    assert time.perf_counter() - started < 5  # sanity bound only; speed goals live in benchmarks/
    assert "aliases" in problem.message
    assert problem.line >= 1


def test_an_alias_inside_itself_is_refused() -> None:
    problem = only_problem(edited(("languages: [en, zh-Hant, zh-Hans]", "languages: &l [en, *l]")))
    assert problem.message == "this alias refers to the item that contains it; write the values out"
    assert problem.path == "languages[1]"


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 5000 + "]" * 5000 + "\n",  # flow
        "- " * 100_000 + "x\n",  # compact block lists
        "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n",  # plain block mappings
    ],
    ids=["flow", "block-list", "block-map"],
)
def test_deep_nesting_ends_in_a_clear_error_quickly(text: str) -> None:
    started = time.perf_counter()
    problem = only_problem(text)
    assert time.perf_counter() - started < 5
    assert problem.message.startswith("the file is nested too deeply")


def test_a_huge_file_is_refused_before_parsing() -> None:
    started = time.perf_counter()
    problem = only_problem(b"a: [" + b"x, " * 1_000_000 + b"]\n")
    assert time.perf_counter() - started < 5
    assert (problem.line, problem.column) == (1, 1)
    assert "larger than 2 MB" in problem.message


# ---------------------------------------------------------------- unreadable files: one clear problem each


def test_not_utf8_names_the_line_and_column() -> None:
    text = edited(("title: {en: Strategy,", "title: {en: Strat\xe9gy,")).encode("latin-1", "replace")
    problem = only_problem(text)
    assert (problem.line, problem.column) == (line_of(MINI, "title: {en: Strategy,"), 22)
    assert "not UTF-8" in problem.message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b"])
def test_control_character_is_placed_and_named(char: str) -> None:
    text = edited(("{en: Informal,", f"{{en: 香港{char},"))
    problem = only_problem(text)
    line = text.splitlines()[problem.line - 1]
    assert line[problem.column - 1] == char
    assert f"code {ord(char)}" in problem.message


def test_lone_surrogate_in_text_is_a_problem() -> None:
    problem = only_problem("id: mini\ntitle: \ud800\n")
    assert problem.message == "the text contains characters that are not valid Unicode"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", (1, 1), "the file is empty"),
        ("# only a comment\n\n", (1, 1), "the file is empty"),
        ("---\n", (2, 1), "the file is empty"),
        ("- a\n- b\n", (1, 1), "the file must be a mapping of keys"),
        ("just some words\n", (1, 1), "the file must be a mapping of keys"),
        ("id: a\n---\nid: b\n", (2, 1), "a second YAML document starts here"),
        ("id: a\nversion:\n\t'1'\n", (3, 1), "a tab is used here"),
        ("id: a\ntitle: 'abc\n", (2, 8), "the quote that opens here is never closed"),
        ("id: a\ntitle: *titel\n", (2, 8), "*titel refers to an anchor &titel that is not defined above it"),
        ("id: a\ntitle: [en, zh\n", (2, 8), "the [ that opens here is never closed"),
    ],
    ids=["empty", "comments", "dashes", "list", "scalar", "two-documents", "tab", "open-quote", "alias", "bracket"],
)
def test_unusable_files_give_one_clear_problem(text: str, where: tuple[int, int], message: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == where
    assert problem.message.startswith(message)


def test_a_quote_closed_lines_later_is_blamed_where_it_opens() -> None:
    problem = only_problem(edited(('version: "1.10"', 'version: "1.10')))
    assert (problem.line, problem.column) == (line_of(MINI, "version:"), 10)
    assert "closed only on line" in problem.message


# ---------------------------------------------------------------- positions and messages


def test_duplicate_key_names_both_lines() -> None:
    text = edited(("        weight: 2\n", "        weight: 2\n        kind: single_choice\n"))
    problem = only_problem(text)
    first = line_of(text, "        kind: single_choice")
    assert problem.line == first + 2
    assert problem.message == f"duplicate key 'kind' (first given on line {first}); keep one of them"
    assert problem.path == "sections[strategy].questions[ip_policy].kind"


def test_unknown_key_points_at_the_key_and_suggests_the_right_one() -> None:
    text = edited(
        (
            "        dimension: management\n        allow_dont_know",
            "        dimention: management\n        allow_dont_know",
        )
    )
    model, problems = validate_questionnaire_text(text, "q.yaml")
    assert model is None
    assert [(p.line, p.column, p.path, p.message) for p in problems] == [
        (
            line_of(text, "dimention"),
            9,
            "sections[strategy].questions[ip_policy].dimention",
            "unknown key 'dimention'; did you mean 'dimension'?",
        )
    ]  # and not also "a scored question needs a dimension": the misspelling explains it


def test_unknown_key_of_another_question_kind_says_which_kinds_have_it() -> None:
    problem = only_problem(edited(("        weight: 2\n", "        weight: 2\n        bands: []\n")))
    assert problem.message == "a single_choice question has no key 'bands' (it belongs to number questions)"


def test_list_items_are_named_by_id_and_options_by_value() -> None:
    problem = only_problem(edited(("{value: informal, score: 50,", "{value: informal, score: 500,")))
    assert problem.path == "sections[strategy].questions[ip_policy].options[informal].score"
    assert problem.message == "must be less than or equal to 100 (found 500)"


def test_every_problem_is_reported_at_once() -> None:
    text = edited(
        ("title: {en: Mini check, zh-Hant: 迷你檢查, zh-Hans: 迷你检查}", "title: Mini check"),
        ("    weight: 2\n", "    weight: -2\n"),
        ("        weight: 2\n", "        weight: 2\n        show_if: {question: searches, answered: true}\n"),
        ("      - id: filed_where", "      - id: budget"),
    )
    first, second = [i for i, line in enumerate(text.splitlines(), 1) if "- id: budget" in line]
    assert [(p.split(":")[1], p.split(": error: ")[1]) for p in lines(text)] == [
        ("5", "title: must give the text per language (en:, zh-Hant:, zh-Hans:), not the text 'Mini check'"),
        ("27", "sections[strategy].weight: must be greater than 0 (found -2)"),
        (
            str(line_of(text, "searches, answered")),
            "sections[strategy].questions[ip_policy].show_if.question: question 'searches' comes later; "
            "a condition can only use answers given before it",
        ),
        (
            str(second),
            f"sections[patents].questions[budget].id: duplicate question id 'budget' (first used on line {first})",
        ),
    ]


@pytest.mark.parametrize("written", ["nan", "NaN", "inf", "-infinity"])
def test_numbers_must_be_finite(written: str) -> None:
    # A band starting at nan passed before: every comparison with it is false, so no band would ever apply.
    problem = only_problem(
        edited(("          - {at_least: 10, score: 50}", f"          - {{at_least: {written}, score: 50}}"))
    )
    assert problem.path == "sections[strategy].questions[budget].bands[1].at_least"
    assert problem.message == f"must be an ordinary number, not {written}"


def test_a_question_without_options_is_one_problem_not_one_per_answer_code() -> None:
    options = MINI[MINI.index("        options:\n          - {value: none") : MINI.index("        advice:")]
    problem = only_problem(MINI.replace(options, "        options: []\n"))
    assert problem.path == "sections[strategy].questions[ip_policy].options"
    assert problem.message == "must have at least 2 options"


@pytest.mark.parametrize(
    ("old", "new", "column", "message"),
    [
        ("        weight: 2\n", "        weight:2\n", 15, "put a space after the ':' (weight: 2, not weight:2)"),
        ("      - id: budget", "      -id: budget", 7, "put a space after the '-' that starts a list item"),
    ],
)
def test_missing_space_is_named_on_its_line(old: str, new: str, column: int, message: str) -> None:
    text = edited((old, new))
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.message) == (line_of(text, new.strip()), column, message)


def test_a_misspelt_choice_gets_a_suggestion() -> None:
    problem = only_problem(
        edited(("        dimension: management\n        allow", "        dimension: Managment\n        allow"))
    )
    assert problem.message.endswith("not 'Managment'; did you mean 'management'?")


@pytest.mark.parametrize(
    "text", ["a: [" + "x, " * 600_000 + "]\n", "a:\n" + "  - x\n" * 300_000], ids=["flow-list", "block-list"]
)
def test_a_file_just_under_the_size_limit_with_too_many_items_is_refused(text: str) -> None:
    started = time.perf_counter()
    problem = only_problem(text)
    assert time.perf_counter() - started < 5  # building 600,000 nodes first took about 2 s
    assert problem.message.startswith("the file holds more than 100000 values")


def test_a_question_written_as_plain_text_is_one_problem() -> None:
    start, end = MINI.index("    questions:\n      - id: searches"), MINI.index("recommendations:")
    problem = only_problem(MINI[:start] + "    questions:\n      - How often do you search patents?\n" + MINI[end:])
    assert problem.path == "sections[patents].questions[0]"
    assert problem.message == "must be a mapping of keys, not the text 'How often do you search patents?'"


@pytest.mark.parametrize("empty", ["{}", "{en: '', zh-Hant: ' '}", "{en: ~}"])
def test_a_text_empty_in_every_language_is_an_error(empty: str) -> None:
    problem = only_problem(edited(("title: {en: Mini check, zh-Hant: 迷你檢查, zh-Hans: 迷你检查}", f"title: {empty}")))
    assert (problem.path, problem.severity) == ("title", "error")
    assert problem.message == "the text is empty; write it in en, zh-Hant, zh-Hans"
