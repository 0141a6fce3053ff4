"""map_answers: carrying answers to another questionnaire version, and saying what was dropped."""

from __future__ import annotations

from typing import Any

from scoring import Questionnaire, Special, map_answers, score
from scoring.mapping import Dropped
from tests.builders import load, multi, number, questionnaire, scale, section, single, yes_no

ABC = {"a": 0, "b": 50, "c": 100}


def version(*questions: dict[str, Any], v: str) -> Questionnaire:
    data = questionnaire(section("s", *questions))
    data["version"] = v
    return load(data)


OLD = version(
    single("policy", ABC, allow_na=True),
    yes_no("nda", allow_dont_know=True),
    multi("markets", {"hk": 50, "cn": 50, "eu": 50}),
    number("budget", [(0, 0), (10, 100)], min=0, max=100),
    scale("search", 1, 5),
    scale("review", 1, 5),
    single("gone", ABC),
    single("kind", ABC),
    v="1",
)
NEW = version(
    single("policy", {"a": 0, "c": 100}),  # option b removed, "not applicable" no longer offered
    yes_no("nda", allow_dont_know=True),
    multi("markets", {"hk": 50, "cn": 50}),  # eu removed
    number("budget", [(0, 0), (10, 100)], min=0, max=50),  # narrower range
    scale("search", 1, 5),
    scale("review", 1, 10),  # more steps: a 5 no longer means the top
    yes_no("kind"),  # same id, another kind
    single("added", ABC),
    v="2",
)


def test_answers_that_still_fit_are_kept() -> None:
    answers: dict[str, Any] = {
        "policy": "c",
        "nda": Special.dont_know,
        "markets": ["hk", "cn"],
        "budget": 50,
        "search": 4,
    }
    kept, dropped = map_answers(OLD, NEW, answers)
    assert kept == answers
    assert dropped == []
    assert score(NEW, kept).overall is not None


def test_each_dropped_answer_says_why() -> None:
    answers: dict[str, Any] = {
        "policy": "b",
        "markets": ["hk", "eu"],
        "budget": 80,
        "review": 5,
        "gone": "a",
        "kind": "c",
        "nda": "yes",
    }
    kept, dropped = map_answers(OLD, NEW, answers)
    assert kept == {"nda": "yes"}
    assert dropped == [
        Dropped("policy", "'b' is not one of the answers ['a', 'c']"),
        Dropped("markets", "['eu'] not among the answers ['cn', 'hk']"),
        Dropped("budget", "80 is outside the range 0 to 50"),
        Dropped("review", "the scale changed from 1-5 to 1-10"),
        Dropped("gone", "the question is not in q 2"),
        Dropped("kind", "the question changed from single_choice to yes_no"),
    ]


def test_a_special_answer_no_longer_offered_is_dropped() -> None:
    kept, dropped = map_answers(OLD, NEW, {"policy": Special.not_applicable})
    assert kept == {}
    assert dropped == [Dropped("policy", '"not applicable" is not offered for this question')]


def test_mapped_answers_always_score_without_error() -> None:
    answers: dict[str, Any] = {"policy": "b", "markets": ["eu"], "budget": 99, "review": 2, "gone": "c", "kind": "a"}
    kept, dropped = map_answers(OLD, NEW, answers)
    assert len(kept) + len(dropped) == len(answers)
    score(NEW, kept)  # raises AnswersError if anything invalid was carried over


def test_mapping_to_the_same_version_keeps_everything() -> None:
    answers: dict[str, Any] = {"policy": Special.not_applicable, "review": 5, "gone": "a", "kind": "b"}
    assert map_answers(OLD, OLD, answers) == (answers, [])
