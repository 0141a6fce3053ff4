"""Conditions (`show_if`, `when`) compiled once into plain functions of the effective answers.

No `eval`: a condition is data, and each operator is a small Python function. An answer that is
missing, hidden or "not applicable"/"don't know" satisfies no test except `answered`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from scoring.answers import Special
from scoring.model import AllOf, AnyOf, Atom, NotOf

Test = Callable[[Mapping[str, Any]], bool]


def compile_condition(condition: AllOf | AnyOf | NotOf | Atom | None) -> Test:
    if condition is None:
        return _always
    if isinstance(condition, AllOf):
        parts = [compile_condition(c) for c in condition.all]
        return lambda answers: all(part(answers) for part in parts)
    if isinstance(condition, AnyOf):
        parts = [compile_condition(c) for c in condition.any]
        return lambda answers: any(part(answers) for part in parts)
    if isinstance(condition, NotOf):
        inner = compile_condition(condition.not_)
        return lambda answers: not inner(answers)
    return _compile_atom(condition)


def _always(_: Mapping[str, Any]) -> bool:
    return True


def _compile_atom(atom: Atom) -> Test:
    key = atom.question
    operator, operand = atom.operator()
    if operator == "answered":
        wanted = bool(operand)
        return lambda answers: (answers.get(key) is not None) == wanted
    check = _OPERATORS[operator](operand)

    def test(answers: Mapping[str, Any]) -> bool:
        value = answers.get(key)
        if value is None or isinstance(value, Special):
            return False
        return check(value)

    return test


def _numeric(compare: Callable[[float, float], bool]) -> Callable[[Any], Callable[[Any], bool]]:
    def build(limit: Any) -> Callable[[Any], bool]:
        bound = float(limit)
        return lambda value: isinstance(value, (int, float)) and compare(value, bound)

    return build


def _number(code: str) -> float | None:
    try:
        return float(code)
    except ValueError:
        return None


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


def _in(codes: Any) -> Callable[[Any], bool]:
    """Codes are text, but an author writes `equals: 3` for a scale or number answer of 3."""
    allowed = frozenset(codes)
    numbers = frozenset(n for n in map(_number, codes) if n is not None)
    return lambda value: value in numbers if _is_number(value) else isinstance(value, str) and value in allowed


def _not_in(codes: Any) -> Callable[[Any], bool]:
    inside = _in(codes)
    return lambda value: (isinstance(value, str) or _is_number(value)) and not inside(value)


_OPERATORS: dict[str, Callable[[Any], Callable[[Any], bool]]] = {
    "equals": lambda code: _in([code]),
    "not_equals": lambda code: _not_in([code]),
    "in": _in,
    "not_in": _not_in,
    "contains": lambda code: lambda value: isinstance(value, list) and code in value,
    "gt": _numeric(lambda a, b: a > b),
    "gte": _numeric(lambda a, b: a >= b),
    "lt": _numeric(lambda a, b: a < b),
    "lte": _numeric(lambda a, b: a <= b),
}


def referenced_questions(condition: AllOf | AnyOf | NotOf | Atom | None) -> Iterator[str]:
    if condition is None:
        return
    if isinstance(condition, AllOf):
        for part in condition.all:
            yield from referenced_questions(part)
    elif isinstance(condition, AnyOf):
        for part in condition.any:
            yield from referenced_questions(part)
    elif isinstance(condition, NotOf):
        yield from referenced_questions(condition.not_)
    else:
        yield condition.question
