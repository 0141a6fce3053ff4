"""Validator checks that keep scores comparable: the best answer, and keys that score nothing."""

from __future__ import annotations

from typing import Any

import yaml

from scoring import score, validate_questionnaire_text
from scoring.samples import sample_answers
from tests.builders import advice, load, multi, number, questionnaire, section, single, text, yes_no

Q_PATH = "sections[s].questions[q]"


def problems(data: dict[str, Any], strict: bool = False) -> list[tuple[str, str, str]]:
    text_ = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return [(p.severity, p.path, p.message) for p in validate_questionnaire_text(text_, "q.yaml", strict=strict)[1]]


# ---------------------------------------------------------------- multiple choice: the best answer


def test_an_exclusive_option_can_be_the_best_answer() -> None:
    certified = multi("q", {"tm": 30, "patent": 30, "certified": 100}, exclusive=("certified",))
    built = load(questionnaire(section("s", certified)))
    assert score(built, {"q": ["certified"]}).overall == 100
    assert score(built, sample_answers(built, "best")).overall == 100


def test_the_best_multiple_choice_answer_is_the_better_of_ticking_together_and_one_exclusive_option() -> None:
    low = multi("q", {"tm": 30, "patent": 30, "most": 80}, exclusive=("most",))
    assert problems(questionnaire(section("s", low))) == [
        ("error", Q_PATH, "the best answer must score 100 so that scores are comparable (the best here scores 80)")
    ]
    capped = multi("q", {"tm": 60, "patent": 60, "some": 50}, exclusive=("some",))
    assert problems(questionnaire(section("s", capped))) == []  # 60 + 60 counts as 100


# ---------------------------------------------------------------- keys an unscored question ignores


def unscored_with_scoring_keys() -> dict[str, Any]:
    question = single(
        "q",
        {"written": 100, "none": 0},
        scored=False,
        dimension="management",
        weight=2,
        critical={"answers": ["none"], "cap": 40, "message": text("m")},
        advice=[advice("write_it", answers=["none"])],
    )
    return questionnaire(section("s", question, yes_no("counted")))


def test_scoring_keys_on_an_unscored_question_in_a_scored_section_are_warnings() -> None:
    why = "has no effect: this question is not scored"
    expected = [
        ("warning", f"{Q_PATH}.{key}", f"{key!r} {why}") for key in ("dimension", "weight", "critical", "advice")
    ] + [("warning", f"{Q_PATH}.options[{code}].score", f"the score {why}") for code in ("written", "none")]
    assert sorted(problems(unscored_with_scoring_keys())) == sorted(expected)
    model, _ = validate_questionnaire_text(yaml.safe_dump(unscored_with_scoring_keys(), sort_keys=False), "q.yaml")
    assert model is not None  # warnings only
    assert {severity for severity, _, _ in problems(unscored_with_scoring_keys(), strict=True)} == {"error"}


def test_a_text_question_in_a_scored_section_with_a_weight_is_warned_about() -> None:
    notes = {"id": "q", "kind": "text", "text": text("notes"), "weight": 3}
    assert problems(questionnaire(section("s", yes_no("counted"), notes))) == [
        ("warning", f"{Q_PATH}.weight", "'weight' has no effect: this question is not scored")
    ]


def test_bands_and_yes_no_scores_in_an_unscored_section_are_errors() -> None:
    staff = number("q", [(0, 0), (10, 100)])
    del staff["dimension"]
    owner = {"id": "owner", "kind": "yes_no", "text": text("owner"), "yes_score": 0, "no_score": 100}
    profile = section("s", staff, owner, scored=False)
    why = "has no effect: this section is not scored (scored: false)"
    assert problems(questionnaire(profile, section("t", yes_no("counted")))) == [
        ("error", f"{Q_PATH}.bands", f"'bands' {why}"),
        ("error", "sections[s].questions[owner].yes_score", f"'yes_score' {why}"),
        ("error", "sections[s].questions[owner].no_score", f"'no_score' {why}"),
    ]
