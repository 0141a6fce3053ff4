"""Cycles among `show_if` references: found once each, told from the earliest question, in linear time."""

from __future__ import annotations

import time

from scoring import validate_questionnaire_text
from scoring.cycles import find_cycles
from tests.conftest import FIXTURES


def cycles(depends: dict[str, set[str]]) -> list[list[str]]:
    order = {q: i for i, q in enumerate(sorted(depends))}
    return find_cycles(depends, order=order.__getitem__)


def test_no_cycle_in_a_chain() -> None:
    assert cycles({"a": set(), "b": {"a"}, "c": {"b", "a"}}) == []


def test_self_reference_and_loops_are_each_reported_once() -> None:
    depends = {"a": {"a"}, "b": {"d"}, "c": {"b"}, "d": {"c", "d"}, "e": {"b"}}
    assert cycles(depends) == [["a"], ["b", "d", "c"], ["d"]]


def test_the_shortest_loop_through_the_earliest_question_is_named() -> None:
    # b -> c -> d -> b and b -> d -> b: the second is the one staff should look at first
    assert cycles({"b": {"c", "d"}, "c": {"d"}, "d": {"b"}}) == [["b", "d"]]


def test_thousands_of_chained_questions_validate_quickly() -> None:
    # A search from every question took over ten seconds here; the bound is a sanity check only.
    mini = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    head, tail = mini.split("recommendations:\n")
    questions = "".join(
        f"      - id: q{i}\n        kind: yes_no\n        dimension: management\n"
        + (f"        show_if: {{question: q{i - 1}, equals: yes}}\n" if i else "")
        + "        text: {en: Q, zh-Hant: Q, zh-Hans: Q}\n"
        for i in range(3000)
    )
    text = f"{head}  - id: chain\n    title: {{en: C, zh-Hant: C, zh-Hans: C}}\n    questions:\n{questions}"
    text += f"recommendations:\n{tail}"
    started = time.perf_counter()
    model, problems = validate_questionnaire_text(text)
    assert time.perf_counter() - started < 5
    assert problems == []
    assert model is not None
    assert len(model.sections[-1].questions) == 3000
