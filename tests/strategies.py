"""Hypothesis strategies: whole valid questionnaires (as the dicts staff would write) and answers.

The questionnaires respect the rules the validator enforces (scores anchored at 0 and 100, rising
bands, conditions on earlier questions, red flags only on the lowest-scoring answers); here every
red-flag answer scores 0.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from scoring import Special
from scoring.model import FreeText, MultipleChoice, Number, QuestionBase, Questionnaire, Scale, SingleChoice, YesNo

T = {"en": "t"}
SCORED_KINDS = ("single_choice", "multiple_choice", "yes_no", "scale", "number")
# Codes PyYAML would turn into something else if the loader were careless.
CODES = ("no", "yes", "010", "on", "null", "a", "b", "c", "1.10", "x_y")
WEIGHTS = st.sampled_from([0.5, 1, 1, 2, 3.5])
DIMENSIONS = st.sampled_from(["protection", "management", "exploitation"])
PRIORITY = st.sampled_from(["high", "medium", "low"])
EFFORT = st.sampled_from(["low", "medium", "high"])


def _anchored_scores(draw: st.DrawFn, n: int) -> list[float]:
    """n scores including 0 and 100, in random order."""
    scores = [0.0, 100.0] + [float(draw(st.integers(0, 100))) for _ in range(n - 2)]
    return draw(st.permutations(scores))


@st.composite
def _condition(draw: st.DrawFn, earlier: list[dict[str, Any]], depth: int = 0) -> dict[str, Any]:
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        shape = draw(st.sampled_from(["all", "any", "not"]))
        if shape == "not":
            return {"not": draw(_condition(earlier, depth + 1))}
        return {shape: draw(st.lists(_condition(earlier, depth + 1), min_size=1, max_size=2))}
    target = draw(st.sampled_from(earlier))
    atom: dict[str, Any] = {"question": target["id"]}
    kind = target["kind"]
    if kind == "text" or draw(st.integers(0, 6)) == 0:
        atom["answered"] = draw(st.booleans())
    elif kind in ("single_choice", "yes_no"):
        codes = [o["value"] for o in target["options"]] if kind == "single_choice" else ["yes", "no"]
        operator = draw(st.sampled_from(["equals", "not_equals", "in", "not_in"]))
        if operator in ("in", "not_in"):
            atom[operator] = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=2, unique=True))
        else:
            atom[operator] = draw(st.sampled_from(codes))
    elif kind == "multiple_choice":
        atom["contains"] = draw(st.sampled_from([o["value"] for o in target["options"]]))
    else:
        atom[draw(st.sampled_from(["gt", "gte", "lt", "lte"]))] = draw(st.integers(-5, 60))
    return atom


def _choice_question(draw: st.DrawFn, q: dict[str, Any]) -> None:
    n = draw(st.integers(2, 4))
    codes = draw(st.lists(st.sampled_from(CODES), min_size=n, max_size=n, unique=True))
    if q["kind"] == "single_choice":
        scores = _anchored_scores(draw, n)
        q["options"] = [{"value": c, "score": s, "label": T} for c, s in zip(codes, scores, strict=True)]
        return
    # Multiple choice: the options together reach 100, or an exclusive option alone scores 100
    # ("all of this, certified"); perhaps an exclusive "none of these" at 0.
    scores = [float(draw(st.integers(0, 100))) for _ in range(n)]
    exclusive_best = draw(st.integers(0, 3)) == 0
    if not exclusive_best:
        scores[-1] = max(scores[-1], 100.0 - sum(scores[:-1]))
    q["options"] = [{"value": c, "score": s, "label": T} for c, s in zip(codes, scores, strict=True)]
    spare = [c for c in CODES if c not in codes]
    if draw(st.booleans()):
        q["options"].append({"value": spare[0], "score": 0, "exclusive": True, "label": T})
    if exclusive_best:
        q["options"].append({"value": spare[1], "score": 100, "exclusive": True, "label": T})


def _number_question(draw: st.DrawFn, q: dict[str, Any]) -> None:
    n = draw(st.integers(2, 4))
    start = draw(st.integers(-10, 10))
    steps = draw(st.lists(st.integers(1, 20), min_size=n - 1, max_size=n - 1))
    starts = [start]
    for step in steps:
        starts.append(starts[-1] + step)
    scores = _anchored_scores(draw, n)
    q["bands"] = [{"at_least": a, "score": s} for a, s in zip(starts, scores, strict=True)]
    if draw(st.booleans()):
        q["min"] = start
    if draw(st.booleans()):
        q["max"] = starts[-1] + draw(st.integers(0, 50))


def _critical(draw: st.DrawFn, q: dict[str, Any]) -> dict[str, Any] | None:
    """A red flag on answers that score 0 (or numbers below every scoring band)."""
    kind = q["kind"]
    trigger: dict[str, Any] | None = None
    if kind == "single_choice":
        zero = [o["value"] for o in q["options"] if o["score"] == 0]
        trigger = {"answers": draw(st.lists(st.sampled_from(zero), min_size=1, unique=True))}
    elif kind == "multiple_choice":
        exclusive = [o["value"] for o in q["options"] if o.get("exclusive") and o["score"] == 0]
        trigger = {"answers": exclusive} if exclusive else None
    elif kind == "yes_no":
        trigger = {"answers": ["no" if q.get("yes_score", 100) == 100 else "yes"]}
    elif kind == "scale":
        trigger = {"below": draw(st.integers(q["min"] + 1, q["max"]))}
    elif kind == "number":
        zeros = 0
        while q["bands"][zeros]["score"] == 0:
            zeros += 1
        if zeros:
            trigger = {"below": q["bands"][draw(st.integers(1, zeros))]["at_least"]}
    if trigger is None:
        return None
    return {**trigger, "cap": float(draw(st.integers(0, 90))), "message": T}


def _advice(draw: st.DrawFn, q: dict[str, Any], index: int) -> dict[str, Any]:
    kind = q["kind"]
    options = [o["value"] for o in q.get("options", [])] or ["yes", "no"]
    choices = ["answers"] if kind in ("single_choice", "yes_no", "multiple_choice") else ["below"]
    if kind == "multiple_choice":
        choices.append("missing")
    if q.get("allow_dont_know"):
        choices.append("dont_know")
    trigger = draw(st.sampled_from(choices))
    item: dict[str, Any] = {"id": f"{q['id']}_adv{index}"}
    if trigger in ("answers", "missing"):
        item[trigger] = draw(st.lists(st.sampled_from(options), min_size=1, max_size=2, unique=True))
    elif trigger == "below":
        item["below"] = draw(st.integers(-5, 60))
    else:
        item["dont_know"] = True
    item.update(priority=draw(PRIORITY), effort=draw(EFFORT), title=T, action=T)
    if draw(st.booleans()):
        item["services"] = ["svc"]
    return item


@st.composite
def _question(draw: st.DrawFn, qid: str, kind: str, earlier: list[dict[str, Any]], scored: bool) -> dict[str, Any]:
    q: dict[str, Any] = {"id": qid, "kind": kind, "text": T}
    if kind in ("single_choice", "multiple_choice"):
        _choice_question(draw, q)
    elif kind == "yes_no" and draw(st.booleans()):
        q["yes_score"], q["no_score"] = draw(st.sampled_from([(100, 0), (0, 100)]))
    elif kind == "scale":
        q["min"] = draw(st.integers(0, 2))
        q["max"] = q["min"] + draw(st.integers(1, 6))
    elif kind == "number":
        _number_question(draw, q)
    q["required"] = draw(st.integers(0, 3)) > 0
    q["allow_na"] = draw(st.booleans())
    q["allow_dont_know"] = draw(st.booleans())
    if earlier and draw(st.integers(0, 3)) == 0:
        q["show_if"] = draw(_condition(earlier))
    if not scored or kind == "text":
        # Scores have no place in an unscored question (the validator says so).
        for option in q.get("options", []):
            option.pop("score")
        for key in ("bands", "yes_score", "no_score"):
            q.pop(key, None)
        return q
    q["weight"] = draw(WEIGHTS)
    q["dimension"] = draw(DIMENSIONS)
    if draw(st.integers(0, 3)) == 0 and (critical := _critical(draw, q)) is not None:
        q["critical"] = critical
    if draw(st.integers(0, 2)) == 0:
        q["advice"] = [_advice(draw, q, i) for i in range(draw(st.integers(1, 2)))]
    return q


@st.composite
def questionnaire_dicts(draw: st.DrawFn) -> dict[str, Any]:
    earlier: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    counter = 0
    if draw(st.booleans()):
        kinds = draw(st.lists(st.sampled_from([*SCORED_KINDS, "text"]), min_size=1, max_size=2))
        questions = []
        for kind in kinds:
            questions.append(draw(_question(f"p{counter}", kind, list(earlier), scored=False)))
            counter += 1
        earlier.extend(questions)
        sections.append({"id": "profile", "title": T, "scored": False, "questions": questions})
    for s_index in range(draw(st.integers(1, 4))):
        section: dict[str, Any] = {"id": f"s{s_index}", "title": T, "weight": draw(WEIGHTS)}
        # The first scored section is always shown, so that complete answers always give a score.
        if s_index and earlier and draw(st.booleans()):
            section["show_if"] = draw(_condition(earlier))
        questions = []
        for q_index in range(draw(st.integers(1, 4))):
            kind = (
                draw(st.sampled_from(SCORED_KINDS)) if q_index == 0 else draw(st.sampled_from([*SCORED_KINDS, "text"]))
            )
            # The first question of each section is always shown and scored.
            before = earlier + questions if q_index else []
            question = draw(_question(f"q{counter}", kind, before, scored=True))
            counter += 1
            questions.append(question)
        section["questions"] = questions
        earlier.extend(questions)
        sections.append(section)
    thresholds = sorted(draw(st.lists(st.integers(1, 99), min_size=4, max_size=4, unique=True)))
    data: dict[str, Any] = {
        "id": "generated",
        "version": "1",
        "languages": ["en"],
        "title": T,
        "maturity_levels": [
            {"level": i + 1, "min_score": m, "name": T, "description": T} for i, m in enumerate([0, *thresholds])
        ],
        "services": [{"id": "svc", "name": T, "provider": T, "region": "GBA"}],
        "sections": sections,
    }
    scored_sections = [s["id"] for s in sections if s.get("scored", True)]
    recommendations = []
    for r_index in range(draw(st.integers(0, 2))):
        rec: dict[str, Any] = {"id": f"rec{r_index}"}
        if draw(st.booleans()):
            rec["when"] = draw(_condition(earlier))
        else:
            target = draw(st.sampled_from([*scored_sections, "overall"]))
            rec["score_below"] = {"section": target, "below": draw(st.integers(1, 100))}
        rec.update(priority=draw(PRIORITY), effort=draw(EFFORT), title=T, action=T)
        recommendations.append(rec)
    if recommendations:
        data["recommendations"] = recommendations
    return data


# ---------------------------------------------------------------- answers


def valid_values(question: QuestionBase) -> st.SearchStrategy[Any]:
    """Any plain valid answer to `question` (not "not applicable" / "don't know")."""
    if isinstance(question, SingleChoice):
        return st.sampled_from([o.value for o in question.options])
    if isinstance(question, MultipleChoice):
        plain = [o.value for o in question.options if not o.exclusive]
        exclusive = [[o.value] for o in question.options if o.exclusive]
        subsets = st.lists(st.sampled_from(plain), unique=True, max_size=len(plain))
        return st.one_of(subsets, st.sampled_from(exclusive)) if exclusive else subsets
    if isinstance(question, YesNo):
        return st.sampled_from(["yes", "no"])
    if isinstance(question, Scale):
        return st.integers(question.min, question.max)
    if isinstance(question, Number):
        starts = [b.at_least for b in question.bands] or [0.0]
        low = question.min if question.min is not None else starts[0] - 20
        high = question.max if question.max is not None else starts[-1] + 20
        return st.one_of(st.integers(int(low), int(high)), st.floats(low, high, allow_nan=False))
    assert isinstance(question, FreeText)
    return st.text(max_size=20)


def answer_values(question: QuestionBase) -> st.SearchStrategy[Any]:
    """A valid answer including the special ones the question offers."""
    options = [valid_values(question)]
    if question.allow_na:
        options.append(st.just(Special.not_applicable))
    if question.allow_dont_know:
        options.append(st.just(Special.dont_know))
    return st.one_of(options)


@st.composite
def answers_for(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Any]:
    """Answers to some or all questions, shown or not."""
    answers = {}
    for _, question in questionnaire.all_questions():
        if draw(st.integers(0, 4)):
            answers[question.id] = draw(answer_values(question))
    return answers
