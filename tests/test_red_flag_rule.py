"""The red-flag rule is enough: whenever the validator accepts a red flag placed anywhere, the best
answer scores 100 and a better answer never lowers the section score."""

from __future__ import annotations

import itertools
from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from scoring import score, validate_questionnaire_text
from scoring.model import MultipleChoice, Number, QuestionBase, Scale, SingleChoice, YesNo
from scoring.plan import plan_for
from tests.builders import multi, number, questionnaire, scale, section, single, text, yes_no

SCORES = st.sampled_from([0.0, 0.0, 20.0, 50.0, 100.0])


@st.composite
def flagged_question(draw: st.DrawFn) -> dict[str, Any]:
    """A scored question anchored at 0 and 100, with a red flag on answers drawn at random."""
    kind = draw(st.sampled_from(["single", "multi", "yes_no", "scale", "number"]))
    if kind in ("single", "multi"):
        scores = draw(st.permutations([0.0, 100.0, draw(SCORES)]))
        exclusive = tuple(draw(st.lists(st.sampled_from("abc"), unique=True, max_size=2)))
        if kind == "multi":
            question = multi("q", dict(zip("abc", scores, strict=True)), exclusive=exclusive)
        else:
            question = single("q", dict(zip("abc", scores, strict=True)))
        trigger: dict[str, Any] = {"answers": draw(st.lists(st.sampled_from("abc"), min_size=1, unique=True))}
    elif kind == "yes_no":
        question = yes_no("q", **draw(st.sampled_from([{}, {"yes_score": 0, "no_score": 100}])))
        trigger = {"answers": draw(st.lists(st.sampled_from(["yes", "no"]), min_size=1, unique=True))}
    elif kind == "scale":
        question, trigger = scale("q"), {"below": draw(st.integers(0, 7))}
    else:
        bands = [(0, draw(SCORES)), (10, draw(SCORES)), (20, draw(SCORES))]
        assume({0.0, 100.0} <= {s for _, s in bands})
        question = number("q", bands, min=0, max=draw(st.sampled_from([25, 100])))
        trigger = {"below": draw(st.sampled_from([5, 10, 15, 20, 30]))}
    question["critical"] = {**trigger, "cap": draw(st.sampled_from([0, 30, 60])), "message": text("m")}
    return question


def answers_to(question: QuestionBase) -> list[Any]:
    if isinstance(question, SingleChoice):
        return [o.value for o in question.options]
    if isinstance(question, MultipleChoice):
        plain = [o.value for o in question.options if not o.exclusive]
        together = [list(c) for n in range(len(plain) + 1) for c in itertools.combinations(plain, n)]
        return together + [[o.value] for o in question.options if o.exclusive]
    if isinstance(question, YesNo):
        return ["yes", "no"]
    if isinstance(question, Scale):
        return list(range(question.min, question.max + 1))
    assert isinstance(question, Number)
    return [v for v in (0, 5, 10, 15, 20, 25, 50, 100) if question.max is None or v <= question.max]


@given(flagged_question())
def test_an_accepted_red_flag_never_punishes_a_better_answer(question: dict[str, Any]) -> None:
    data = questionnaire(section("s", question, yes_no("other")))
    model, problems = validate_questionnaire_text(yaml.safe_dump(data, sort_keys=False), "q.yaml")
    if model is None:
        assert all(".critical" in p.path for p in problems if p.severity == "error"), problems
        return
    q = model.sections[0].questions[0]
    scorer = plan_for(model).questions["q"].score
    values = answers_to(q)
    assert score(model, {"q": plan_for(model).questions["q"].best, "other": "yes"}).overall == 100
    for worse, better in itertools.permutations(values, 2):
        if scorer(worse) < scorer(better):
            for other in ("yes", "no"):
                before = score(model, {"q": worse, "other": other}).overall
                after = score(model, {"q": better, "other": other}).overall
                assert after >= before, (worse, better, other)  # type: ignore[operator]
