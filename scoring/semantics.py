"""Checks that need the whole questionnaire: ids, references, order, anchors, translations.

They run on the plain data read from YAML (not on the model), so they still report their
problems when the structure has errors elsewhere: staff see every problem in one pass.
Each check yields (key path, "error" | "warning", message). Scores and red flags are checked in
`anchors.py` and `red_flags.py`, the tests of conditions in `conditions_check.py`, texts in
`translations_check.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scoring.anchors import check_anchors
from scoring.conditions_check import answer_codes, check_operator, codes_text
from scoring.cycles import find_cycles
from scoring.model import LANGUAGES, OPERATORS, QUESTION_KINDS
from scoring.problems import KeyPath
from scoring.profile import PROFILE_CODES
from scoring.raw import Found
from scoring.raw import as_dict as _dict
from scoring.raw import as_flag as _flag
from scoring.raw import as_list as _list
from scoring.raw import as_num as _num
from scoring.raw import item_id as _id
from scoring.red_flags import check_red_flag
from scoring.translations_check import check_extra_languages, check_translations

CHOICE_KINDS = ("single_choice", "multiple_choice")


class _Index:
    """Where every question, section and service is, read defensively from the data."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.sections: list[tuple[int, dict[str, Any]]] = []
        self.questions: dict[str, tuple[int, dict[str, Any], KeyPath, int]] = {}  # id -> (order, q, path, section)
        self.first_order_of_section: dict[int, int] = {}
        order = 0
        for s_index, section in enumerate(_list(data.get("sections"))):
            section = _dict(section)
            self.sections.append((s_index, section))
            self.first_order_of_section[s_index] = order
            for q_index, question in enumerate(_list(section.get("questions"))):
                q_id = _id(question)
                if q_id and q_id not in self.questions:
                    self.questions[q_id] = (
                        order,
                        _dict(question),
                        ("sections", s_index, "questions", q_index),
                        s_index,
                    )
                order += 1
        self.services = {_id(s) for s in _list(data.get("services"))} - {None}
        declared = data.get("languages")
        # When `languages:` itself is wrong, the model says so; guessing would flood every text with warnings.
        valid = isinstance(declared, list) and declared and all(lang in LANGUAGES for lang in declared)
        self.languages: list[str] | None = list(declared) if valid else None  # type: ignore[arg-type]


def check_semantics(data: dict[str, Any]) -> Iterator[Found]:
    index = _Index(data)
    yield from _check_ids(data)
    yield from _check_maturity(data)
    for s_index, section in index.sections:
        yield from _check_section(index, s_index, section)
    yield from _check_recommendations(index)
    yield from _check_profile_fields(index)
    yield from _check_cycles(index)
    if index.languages is not None:
        yield from check_translations(data, (), index.languages)
        yield from check_extra_languages(data, index.languages)


# ---------------------------------------------------------------- ids


def _duplicates(items: list[Any], key: str, path: KeyPath, what: str) -> Iterator[Found]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = _dict(item).get(key)
        if not isinstance(value, str):
            continue
        if value in seen:
            yield (*path, i, key), "error", f"duplicate {what} {value!r}", (*path, seen[value], key)
        else:
            seen[value] = i


def _check_ids(data: dict[str, Any]) -> Iterator[Found]:
    sections = _list(data.get("sections"))
    yield from _duplicates(sections, "id", ("sections",), "section id")
    yield from _duplicates(_list(data.get("services")), "id", ("services",), "service id")
    seen_questions: dict[str, KeyPath] = {}
    # Advice under questions and top-level recommendations share one set of ids.
    seen_advice: dict[str, KeyPath] = {}
    for i, rec in enumerate(_list(data.get("recommendations"))):
        rec_id = _id(rec)
        if rec_id in seen_advice:
            yield ("recommendations", i, "id"), "error", f"duplicate recommendation id {rec_id!r}", seen_advice[rec_id]
        elif rec_id:
            seen_advice[rec_id] = ("recommendations", i, "id")
    for s_index, section in enumerate(sections):
        for q_index, question in enumerate(_list(_dict(section).get("questions"))):
            q_path: KeyPath = ("sections", s_index, "questions", q_index)
            q_id = _id(question)
            if q_id and q_id in seen_questions:
                yield (*q_path, "id"), "error", f"duplicate question id {q_id!r}", seen_questions[q_id]
            elif q_id:
                seen_questions[q_id] = (*q_path, "id")
            yield from _duplicates(_list(_dict(question).get("options")), "value", (*q_path, "options"), "option value")
            for a_index, advice in enumerate(_list(_dict(question).get("advice"))):
                a_id = _id(advice)
                a_path: KeyPath = (*q_path, "advice", a_index, "id")
                if a_id in seen_advice:
                    yield a_path, "error", f"duplicate recommendation id {a_id!r}", seen_advice[a_id]
                elif a_id:
                    seen_advice[a_id] = a_path


# ---------------------------------------------------------------- maturity


def _check_maturity(data: dict[str, Any]) -> Iterator[Found]:
    levels = _list(data.get("maturity_levels"))
    previous: float | None = None
    for i, level in enumerate(levels):
        level = _dict(level)
        number, threshold = _num(level.get("level")), _num(level.get("min_score"))
        if number is not None and number != i + 1:
            yield (
                ("maturity_levels", i, "level"),
                "error",
                f"levels must be numbered 1, 2, 3 ... in order; expected {i + 1}",
            )
        if threshold is None:
            continue
        if i == 0 and threshold != 0:
            yield ("maturity_levels", i, "min_score"), "error", "the first level must start at min_score 0"
        if previous is not None and threshold <= previous:
            yield (
                ("maturity_levels", i, "min_score"),
                "error",
                f"thresholds must rise from level to level: {threshold:g} is not above {previous:g}",
            )
        previous = threshold


# ---------------------------------------------------------------- sections and questions


def _check_section(index: _Index, s_index: int, section: dict[str, Any]) -> Iterator[Found]:
    s_path: KeyPath = ("sections", s_index)
    scored_section = _flag(section.get("scored"), True)
    if "show_if" in section:
        earliest = index.first_order_of_section[s_index]
        yield from _check_condition(index, section["show_if"], (*s_path, "show_if"), before=earliest, owner=None)
    questions = _list(section.get("questions"))
    scored_count = 0
    for q_index, question in enumerate(questions):
        if not isinstance(question, dict):
            continue  # the model says it must be a mapping; nothing more to check
        q_path: KeyPath = (*s_path, "questions", q_index)
        order = index.first_order_of_section[s_index] + q_index
        if "show_if" in question:
            yield from _check_condition(
                index, question["show_if"], (*q_path, "show_if"), before=order, owner=_id(question)
            )
        is_scored = scored_section and _flag(question.get("scored"), question.get("kind") != "text")
        if is_scored:
            scored_count += 1
            yield from _check_scored_question(index, question, q_path)
        elif not scored_section:
            yield from _unscored_keys(question, q_path, "error", "this section is not scored (scored: false)")
        else:  # asked in a scored section, but not scored itself: harmless, yet not what the author expects
            yield from _unscored_keys(question, q_path, "warning", "this question is not scored")
        yield from _check_answer_ranges(question, q_path)
    if scored_section and questions and scored_count == 0 and all(isinstance(q, dict) for q in questions):
        yield (
            (*s_path, "questions"),
            "error",
            "a scored section needs at least one scored question (or set scored: false)",
        )


SCORING_KEYS = ("dimension", "weight", "critical", "advice", "yes_score", "no_score", "bands")


def _unscored_keys(question: dict[str, Any], q_path: KeyPath, severity: str, why: str) -> Iterator[Found]:
    for key in SCORING_KEYS:
        if key in question:
            yield (*q_path, key), severity, f"{key!r} has no effect: {why}"
    for o_index, option in enumerate(_list(question.get("options"))):
        if "score" in _dict(option):
            yield (*q_path, "options", o_index, "score"), severity, f"the score has no effect: {why}"


def _check_answer_ranges(question: dict[str, Any], q_path: KeyPath) -> Iterator[Found]:
    kind = question.get("kind")
    low, high = _num(question.get("min")), _num(question.get("max"))
    if kind == "scale":
        low = 1 if low is None else low
        high = 5 if high is None else high
    if kind in ("scale", "number") and low is not None and high is not None and low >= high:
        yield (*q_path, "max"), "error", f"max ({high:g}) must be greater than min ({low:g})"
    if kind == "text" and _flag(question.get("scored"), False):
        yield (*q_path, "scored"), "error", "a free-text question cannot be scored"
    if kind != "multiple_choice":
        for o_index, option in enumerate(_list(question.get("options"))):
            if "exclusive" in _dict(option):
                yield (
                    (*q_path, "options", o_index, "exclusive"),
                    "error",
                    "only multiple-choice options can be exclusive",
                )


def _check_scored_question(index: _Index, question: dict[str, Any], q_path: KeyPath) -> Iterator[Found]:
    kind = question.get("kind")
    if question.get("dimension") is None:
        yield (
            (*q_path, "dimension"),
            "error",
            "a scored question needs a dimension: protection, management or exploitation",
        )
    if kind in CHOICE_KINDS:
        for o_index, option in enumerate(_list(question.get("options"))):
            if _dict(option).get("score") is None:
                yield (
                    (*q_path, "options", o_index, "score"),
                    "error",
                    "every option of a scored question needs a score (0-100)",
                )
    yield from check_anchors(question, q_path)
    critical = question.get("critical")
    if critical is not None:
        yield from _check_trigger(index, question, _dict(critical), (*q_path, "critical"), "critical")
        yield from check_red_flag(question, (*q_path, "critical"))
    for a_index, advice in enumerate(_list(question.get("advice"))):
        yield from _check_trigger(index, question, _dict(advice), (*q_path, "advice", a_index), "advice")
        yield from _check_services(index, _dict(advice), (*q_path, "advice", a_index))


def _check_trigger(
    index: _Index, question: dict[str, Any], item: dict[str, Any], path: KeyPath, what: str
) -> Iterator[Found]:
    """`answers:` / `below:` / `dont_know:` of advice or a critical flag must fit the question."""
    kind = question.get("kind")
    keys = ("answers", "missing", "below", "dont_know") if what == "advice" else ("answers", "below")
    given = [key for key in keys if key in item and (key != "dont_know" or _flag(item[key], False))]
    if len(given) != 1:
        listed = " or ".join(f"{key}:" for key in keys)
        found = " and ".join(f"{key}:" for key in given) if given else "none"
        yield path, "error", f"{what} needs exactly one of {listed} to say when it applies (found {found})"
        return
    if kind not in QUESTION_KINDS:
        return  # the model reports the kind; which answers exist is unknown
    key = given[0]
    if key == "missing" and kind != "multiple_choice":
        yield (*path, "missing"), "error", f"missing: only works for multiple-choice questions, not {kind}"
        return
    if key in ("answers", "missing"):
        allowed = answer_codes(question)
        if allowed is None:
            yield (*path, "answers"), "error", f"a {kind} question has no answer codes; use below: instead"
            return
        if not allowed:
            return  # no usable options: the model reports them
        for i, code in enumerate(_list(item.get(key))):
            if str(code) not in allowed:
                yield (
                    (*path, key, i),
                    "error",
                    f"{code!r} is not an answer of this question (use one of {codes_text(allowed)})",
                )
    elif key == "below" and kind not in ("number", "scale"):
        yield (*path, "below"), "error", f"below: only works for number and scale questions, not {kind}"
    elif key == "dont_know" and not _flag(question.get("allow_dont_know"), False):
        yield (*path, "dont_know"), "error", 'this question does not offer "don\'t know" (set allow_dont_know: true)'


_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # as `model.Id`; other text is reported by the model


def _check_services(index: _Index, item: dict[str, Any], path: KeyPath) -> Iterator[Found]:
    for i, service in enumerate(_list(item.get("services"))):
        if isinstance(service, str) and _ID.match(service) and service not in index.services:
            yield (*path, "services", i), "error", f"unknown service {service!r}; add it under services: or fix the id"


# ---------------------------------------------------------------- conditions


def _check_condition(
    index: _Index, condition: Any, path: KeyPath, *, before: int | None, owner: str | None
) -> Iterator[Found]:
    """`before`: the answers a condition may use must come earlier than this position."""
    condition = _dict(condition)
    for key in ("all", "any"):
        if key in condition:
            for i, part in enumerate(_list(condition[key])):
                yield from _check_condition(index, part, (*path, key, i), before=before, owner=owner)
            return
    if "not" in condition:
        yield from _check_condition(index, condition["not"], (*path, "not"), before=before, owner=owner)
        return
    q_id = condition.get("question")
    if not isinstance(q_id, str):
        return  # the model reports a missing or malformed `question`
    operators = [op for op in OPERATORS if op in condition]
    if len(operators) != 1:
        listed = ", ".join(OPERATORS)
        found = ", ".join(operators) if operators else "none"
        yield path, "error", f"a condition needs exactly one test ({listed}); found {found}"
    target = index.questions.get(q_id)
    if target is None:
        suggestion = _closest(q_id, list(index.questions))
        yield (*path, "question"), "error", f"no question has the id {q_id!r}{suggestion}"
        return
    order, question, _, _ = target
    if q_id == owner:
        return  # a self-reference is reported as a cycle
    if before is not None and order >= before:
        yield (
            (*path, "question"),
            "error",
            (f"question {q_id!r} comes later; a condition can only use answers given before it"),
        )
    if len(operators) == 1:
        yield from check_operator(question, operators[0], condition, path)


def _closest(name: str, names: list[str]) -> str:
    import difflib

    match = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    return f"; did you mean {match[0]!r}?" if match else ""


def _atoms(condition: Any) -> Iterator[str]:
    condition = _dict(condition)
    for key in ("all", "any"):
        for part in _list(condition.get(key)):
            yield from _atoms(part)
    if "not" in condition:
        yield from _atoms(condition["not"])
    if isinstance(condition.get("question"), str):
        yield condition["question"]


def _check_cycles(index: _Index) -> Iterator[Found]:
    """A question shown only when it (or something that depends on it) is answered can never appear."""
    depends: dict[str, set[str]] = {}
    for q_id, (_, question, _, s_index) in index.questions.items():
        section = index.sections[s_index][1]
        refs = set(_atoms(question.get("show_if"))) | set(_atoms(section.get("show_if")))
        depends[q_id] = {ref for ref in refs if ref in index.questions}
    for cycle in find_cycles(depends, order=lambda q: index.questions[q][0]):
        first = cycle[0]
        _, question, path, s_index = index.questions[first]
        # Point at the condition that names the next question: the question's own, or its section's.
        needed = cycle[1] if len(cycle) > 1 else first
        where = (*path, "show_if") if needed in _atoms(question.get("show_if")) else ("sections", s_index, "show_if")
        if len(cycle) == 1:
            message = f"the question {first!r} is shown only after its own answer, so it could never be shown"
        else:
            loop = " -> ".join([*cycle, first])
            message = f"the conditions form a cycle ({loop}); none of these could ever be shown"
        yield where, "error", message


# ---------------------------------------------------------------- recommendations and profile


def _check_recommendations(index: _Index) -> Iterator[Found]:
    section_ids = {str(_id(s)): _flag(s.get("scored"), True) for _, s in index.sections if _id(s)}
    for i, rec in enumerate(_list(index.data.get("recommendations"))):
        rec = _dict(rec)
        path: KeyPath = ("recommendations", i)
        triggers = [key for key in ("when", "score_below") if rec.get(key) is not None]
        if len(triggers) != 1:
            found = " and ".join(f"{key}:" for key in triggers) if triggers else "none"
            yield path, "error", f"a recommendation needs exactly one of when: or score_below: (found {found})"
        if "when" in rec:
            yield from _check_condition(index, rec["when"], (*path, "when"), before=None, owner=None)
        band = _dict(rec.get("score_below"))
        target = band.get("section")
        if isinstance(target, str) and target != "overall":
            if target not in section_ids:
                yield (*path, "score_below", "section"), "error", f"no section has the id {target!r} (or use overall)"
            elif not section_ids[target]:
                yield (*path, "score_below", "section"), "error", f"section {target!r} is not scored"
        yield from _check_services(index, rec, path)


def _check_profile_fields(index: _Index) -> Iterator[Found]:
    seen: dict[str, str] = {}
    for q_id, (_, question, path, s_index) in index.questions.items():
        field = question.get("profile_field")
        if not isinstance(field, str) or field not in PROFILE_CODES:
            continue
        if field in seen:
            yield (
                (*path, "profile_field"),
                "error",
                f"profile field {field!r} is already asked by question {seen[field]!r}",
            )
            continue
        seen[field] = q_id
        if _flag(index.sections[s_index][1].get("scored"), True):
            yield (
                (*path, "profile_field"),
                "error",
                "profile fields belong in an unscored section (the company profile)",
            )
        if question.get("kind") != "single_choice":
            yield (*path, "kind"), "error", f"the profile field {field!r} must be a single_choice question"
            continue
        fixed = PROFILE_CODES[field]
        values = [str(_dict(o).get("value")) for o in _list(question.get("options"))]
        for o_index, value in enumerate(values):
            if value not in fixed:
                yield (
                    (*path, "options", o_index, "value"),
                    "error",
                    (
                        f"{value!r} is not a code of profile field {field!r}; "
                        f"benchmarks group by fixed codes: {', '.join(fixed)}"
                    ),
                )
        missing = [code for code in fixed if code not in values]
        if missing:
            yield (
                (*path, "options"),
                "error",
                f"profile field {field!r} must offer every fixed code; missing: {', '.join(missing)}",
            )
