"""Properties of the scoring engine on generated questionnaires and answers."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from scoring import Questionnaire, Special, load_questionnaire_text, score
from scoring.answers import check_answers
from scoring.model import MultipleChoice, Number, QuestionBase, Scale, SingleChoice, YesNo
from scoring.plan import plan_for
from scoring.result import Result
from scoring.result_schema import ResultDoc
from scoring.samples import sample_answers
from tests.strategies import answers_for, questionnaire_dicts, valid_values

EPS = 1e-9


def build(data: dict[str, Any]) -> Questionnaire:
    return load_questionnaire_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "generated.yaml")


@st.composite
def questionnaire_and_answers(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, Any]]:
    questionnaire = build(draw(questionnaire_dicts()))
    return questionnaire, draw(answers_for(questionnaire))


def scored_questions(questionnaire: Questionnaire) -> list[QuestionBase]:
    plan = plan_for(questionnaire)
    return [q for _, q in questionnaire.all_questions() if plan.questions[q.id].scored]


def scores_of(result: Result) -> tuple[Any, ...]:
    """Everything that must not move when an answer does not count."""
    return (
        result.overall,
        [(s.id, s.score) for s in result.sections],
        result.dimensions,
        [(q.id, q.score) for q in result.questions if q.status != "hidden"],
    )


def in_range(value: float | None) -> bool:
    return value is None or -EPS <= value <= 100 + EPS


# ---------------------------------------------------------------- every score in 0-100


@given(questionnaire_and_answers())
def test_every_score_is_within_0_and_100(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    questionnaire, answers = case
    result = score(questionnaire, answers)
    assert in_range(result.overall)
    assert all(in_range(s.score) and in_range(s.raw_score) for s in result.sections)
    assert all(in_range(q.score) and 0 <= q.contribution <= q.max_contribution + EPS for q in result.questions)
    assert all(in_range(d) for d in result.dimensions.values())
    assert all(r.gain >= 0 and r.rank >= 1 for r in result.recommendations)
    assert 0 <= result.completion <= 1
    ResultDoc.model_validate(result.to_dict())  # the JSON says what its schema promises


@given(questionnaire_and_answers())
def test_contributions_add_up_to_the_overall_score_before_caps(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    questionnaire, answers = case
    result = score(questionnaire, answers)
    assessed = [s for s in result.sections if s.status == "assessed"]
    assume(assessed)
    total = sum(s.weight for s in assessed)
    before_caps = sum(s.weight * (s.raw_score or 0.0) for s in assessed) / total
    assert sum(q.contribution for q in result.questions) == pytest.approx(before_caps)
    assert sum(q.max_contribution for q in result.questions) == pytest.approx(100)


# ---------------------------------------------------------------- all best, all worst


def best_value(question: QuestionBase) -> Any:
    if isinstance(question, SingleChoice):
        return max(question.options, key=lambda o: o.score or 0).value
    if isinstance(question, MultipleChoice):
        together = [o.value for o in question.options if not o.exclusive]
        best_alone = [[o.value] for o in question.options if o.exclusive and o.score == 100]
        return best_alone[0] if best_alone else together
    if isinstance(question, YesNo):
        return "yes" if question.yes_score == 100 else "no"
    if isinstance(question, Scale):
        return question.max
    assert isinstance(question, Number)
    return next(b.at_least for b in question.bands if b.score == 100)


def worst_value(question: QuestionBase) -> Any:
    if isinstance(question, SingleChoice):
        return min(question.options, key=lambda o: o.score or 0).value
    if isinstance(question, MultipleChoice):
        return []
    if isinstance(question, YesNo):
        return "yes" if question.yes_score == 0 else "no"
    if isinstance(question, Scale):
        return question.min
    assert isinstance(question, Number)
    return next(b.at_least for b in question.bands if b.score == 0)


@st.composite
def unscored_answers(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Any]:
    """Answers to the unscored questions, which decide what is shown."""
    scored = {q.id for q in scored_questions(questionnaire)}
    return {
        q.id: draw(valid_values(q))
        for _, q in questionnaire.all_questions()
        if q.id not in scored and draw(st.booleans())
    }


@given(questionnaire_dicts(), st.data())
def test_all_best_answers_score_100(data: dict[str, Any], draw: st.DataObject) -> None:
    questionnaire = build(data)
    answers = draw.draw(unscored_answers(questionnaire))
    answers.update({q.id: best_value(q) for q in scored_questions(questionnaire)})
    result = score(questionnaire, answers)
    assert result.overall == pytest.approx(100)
    assert all(s.score == pytest.approx(100) for s in result.sections if s.status == "assessed")
    assert result.critical_flags == []
    assert score(questionnaire, sample_answers(questionnaire, "best")).overall == pytest.approx(100)


@given(questionnaire_dicts(), st.data())
def test_all_worst_answers_score_0(data: dict[str, Any], draw: st.DataObject) -> None:
    questionnaire = build(data)
    answers = draw.draw(unscored_answers(questionnaire))
    answers.update({q.id: worst_value(q) for q in scored_questions(questionnaire)})
    result = score(questionnaire, answers)
    assert result.overall == pytest.approx(0)
    assert all(d in (None, pytest.approx(0)) for d in result.dimensions.values())
    assert score(questionnaire, sample_answers(questionnaire, "worst")).overall == pytest.approx(0)


# ---------------------------------------------------------------- a better answer never lowers a score


def candidates(question: QuestionBase) -> list[Any]:
    """Every answer worth trying (all of them, for choices; each band's start, for numbers)."""
    if isinstance(question, SingleChoice):
        return [o.value for o in question.options]
    if isinstance(question, MultipleChoice):
        plain = [o.value for o in question.options if not o.exclusive]
        subsets = [list(c) for n in range(len(plain) + 1) for c in itertools.combinations(plain, n)]
        return subsets + [[o.value] for o in question.options if o.exclusive]
    if isinstance(question, YesNo):
        return ["yes", "no"]
    if isinstance(question, Scale):
        return list(range(question.min, question.max + 1))
    assert isinstance(question, Number)
    low = question.min if question.min is not None else float("-inf")
    high = question.max if question.max is not None else float("inf")
    return [b.at_least for b in question.bands if low <= b.at_least <= high]


@given(questionnaire_and_answers(), st.data())
def test_a_better_answer_never_lowers_a_section_or_the_overall_score(
    case: tuple[Questionnaire, dict[str, Any]], draw: st.DataObject
) -> None:
    questionnaire, answers = case
    before = score(questionnaire, answers)
    scored = [q for q in before.questions if q.status in ("answered", "dont_know")]
    assume(scored)
    target = draw.draw(st.sampled_from(scored))
    question = next(q for _, q in questionnaire.all_questions() if q.id == target.id)
    scorer = plan_for(questionnaire).questions[target.id].score
    better = [v for v in candidates(question) if scorer(v) > target.score]
    assume(better)
    after = score(questionnaire, {**answers, target.id: draw.draw(st.sampled_from(better))})
    assume(after.shown() == before.shown())
    assert after.question(target.id).score > target.score
    assert after.section(target.section).score >= before.section(target.section).score - EPS
    assert after.overall >= before.overall - EPS


# ---------------------------------------------------------------- answers that do not count


@given(questionnaire_and_answers(), st.data())
def test_answers_to_hidden_questions_change_nothing(
    case: tuple[Questionnaire, dict[str, Any]], draw: st.DataObject
) -> None:
    questionnaire, answers = case
    before = score(questionnaire, answers)
    hidden = [q.id for q in before.questions if q.status == "hidden"]
    assume(hidden)
    questions = {q.id: q for _, q in questionnaire.all_questions()}
    extra = {q_id: draw.draw(valid_values(questions[q_id])) for q_id in hidden}
    after = score(questionnaire, {**answers, **extra})
    assert scores_of(after) == scores_of(before)
    assert [r.id for r in after.recommendations] == [r.id for r in before.recommendations]
    assert set(after.hidden_answers) == set(hidden)


@given(questionnaire_and_answers())
def test_not_applicable_answers_change_no_score(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    questionnaire, answers = case
    with_na = {
        **{q.id: Special.not_applicable for _, q in questionnaire.all_questions() if q.allow_na},
        **{k: v for k, v in answers.items() if v is not Special.not_applicable},
    }
    without = {k: v for k, v in with_na.items() if v is not Special.not_applicable}
    assume(len(with_na) > len(without))
    first, second = score(questionnaire, with_na), score(questionnaire, without)
    assume(first.shown() == second.shown())  # an `answered:` condition may see the difference
    assert scores_of(first) == scores_of(second)


# ---------------------------------------------------------------- sample answers


@given(questionnaire_dicts(), st.integers(0, 2**32))
def test_random_sample_answers_are_always_valid(data: dict[str, Any], seed: int) -> None:
    questionnaire = build(data)
    answers = sample_answers(questionnaire, "random", seed)
    assert check_answers(questionnaire, answers) == []
    assert in_range(score(questionnaire, answers).overall)
