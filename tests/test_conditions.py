"""Conditions (`show_if`, `when`): every operator, and what missing or special answers do."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from scoring import Special, score
from scoring.conditions import compile_condition, referenced_questions
from scoring.model import Condition
from tests.builders import load, questionnaire, scale, section, single

ADAPTER: TypeAdapter[Any] = TypeAdapter(Condition)


def holds(condition: dict[str, Any], answers: dict[str, Any]) -> bool:
    return compile_condition(ADAPTER.validate_python(condition))(answers)


@pytest.mark.parametrize(
    ("condition", "answer", "expected"),
    [
        ({"equals": "yes"}, "yes", True),
        ({"equals": "yes"}, "no", False),
        ({"not_equals": "yes"}, "no", True),
        ({"not_equals": "yes"}, "yes", False),
        ({"in": ["a", "b"]}, "b", True),
        ({"in": ["a", "b"]}, "c", False),
        ({"not_in": ["a", "b"]}, "c", True),
        ({"not_in": ["a", "b"]}, "a", False),
        ({"contains": "hk"}, ["cn", "hk"], True),
        ({"contains": "hk"}, ["cn"], False),
        ({"contains": "hk"}, [], False),
        ({"gt": 10}, 11, True),
        ({"gt": 10}, 10, False),
        ({"gte": 10}, 10, True),
        ({"lt": 10}, 9.5, True),
        ({"lt": 10}, 10, False),
        ({"lte": 10}, 10, True),
        # A scale or number answer compared with a code written as a number.
        ({"equals": "3"}, 3, True),
        ({"equals": "3"}, 3.0, True),
        ({"equals": "3"}, 4, False),
        ({"in": ["4", "5"]}, 5, True),
        ({"not_equals": "3"}, 4, True),
        ({"not_in": ["4", "5"]}, 4, False),
        ({"equals": "010"}, "010", True),  # codes stay text: "010" is not 10 for a choice
        ({"equals": "010"}, "10", False),
        ({"answered": True}, "x", True),
        ({"answered": False}, "x", False),
    ],
)
def test_operators(condition: dict[str, Any], answer: Any, expected: bool) -> None:
    assert holds({"question": "q", **condition}, {"q": answer}) is expected


@pytest.mark.parametrize("answer", [None, Special.not_applicable, Special.dont_know])
@pytest.mark.parametrize(
    "condition",
    [{"equals": "yes"}, {"not_equals": "yes"}, {"not_in": ["a"]}, {"contains": "hk"}, {"gt": -1}, {"lte": 100}],
)
def test_missing_and_special_answers_satisfy_no_test(condition: dict[str, Any], answer: Any) -> None:
    answers = {} if answer is None else {"q": answer}
    assert holds({"question": "q", **condition}, answers) is False


def test_answered_sees_special_answers_but_not_missing_ones() -> None:
    assert holds({"question": "q", "answered": True}, {"q": Special.dont_know})
    assert holds({"question": "q", "answered": True}, {"q": Special.not_applicable})
    assert holds({"question": "q", "answered": False}, {})


def test_all_any_and_not() -> None:
    condition = {
        "all": [
            {"question": "rnd", "equals": "yes"},
            {"any": [{"question": "markets", "contains": "cn"}, {"not": {"question": "region", "equals": "hk"}}]},
        ]
    }
    assert holds(condition, {"rnd": "yes", "markets": ["cn"], "region": "hk"})
    assert holds(condition, {"rnd": "yes", "markets": [], "region": "macao"})
    assert not holds(condition, {"rnd": "yes", "markets": [], "region": "hk"})
    assert not holds(condition, {"rnd": "no", "markets": ["cn"], "region": "macao"})
    # `not` of a test on a missing answer is true: "not in Hong Kong" when the region is not known.
    assert holds({"not": {"question": "region", "equals": "hk"}}, {})


def test_referenced_questions_in_order() -> None:
    condition = ADAPTER.validate_python(
        {
            "any": [
                {"question": "a", "equals": "x"},
                {"not": {"all": [{"question": "b", "gt": 1}, {"question": "a", "answered": True}]}},
            ]
        }
    )
    assert list(referenced_questions(condition)) == ["a", "b", "a"]
    assert list(referenced_questions(None)) == []


def test_no_condition_always_holds() -> None:
    assert compile_condition(None)({}) is True


def test_equals_a_number_written_in_yaml_shows_the_question() -> None:
    follow_up = single("why", {"a": 0, "b": 100}, show_if={"question": "level", "equals": 3})
    q = load(questionnaire(section("s", scale("level", 1, 5), follow_up)))
    assert score(q, {"level": 3, "why": "b"}).question("why").status == "answered"
    assert score(q, {"level": 4, "why": "b"}).hidden_answers == ["why"]
