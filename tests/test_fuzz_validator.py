"""Mutated questionnaires only ever give the validator's own problems (or a model), never an exception."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from scoring import Problem, Questionnaire, validate_questionnaire_text
from scoring.yaml_source import parse_yaml
from tests.conftest import FIXTURES

MINI_TEXT = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
MINI_DATA = parse_yaml(MINI_TEXT, "mini.yaml")[0]
KEYS = sorted({"id", "kind", "text", "options", "score", "weight", "show_if", "question", "equals", "value", "en"})


def check(text: str | bytes) -> None:
    model, problems = validate_questionnaire_text(text, "fuzz.yaml")
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1, problem
        assert problem.column >= 1, problem
        assert problem.severity in ("error", "warning")
        assert problem.message.strip(), problem
        assert problem.format().startswith(f"fuzz.yaml:{problem.line}:{problem.column}: {problem.severity}: ")
    errors = [p for p in problems if p.severity == "error"]
    if model is None:
        assert errors, "no model, yet no error says why"
    else:
        assert isinstance(model, Questionnaire)
        assert not errors


# ---------------------------------------------------------------- text mutations


lines = MINI_TEXT.splitlines(keepends=True)
offsets = st.integers(min_value=0, max_value=len(MINI_TEXT))
line_numbers = st.integers(min_value=0, max_value=len(lines) - 1)
junk = st.text(
    alphabet=st.sampled_from([*":-[]{}#&*!|>'\"%@`,?\t\n ~", "\x00", "\x07", "\ufeff", "香"]) | st.characters(),
    min_size=1,
    max_size=6,
)


@given(cut=offsets)
def test_truncated_text(cut: int) -> None:
    check(MINI_TEXT[:cut])
    check(MINI_TEXT[:cut].encode("utf-8", "surrogatepass")[: cut + 1])  # may end mid-character


@given(at=offsets, chars=junk)
def test_inserted_characters(at: int, chars: str) -> None:
    check(MINI_TEXT[:at] + chars + MINI_TEXT[at:])


@given(line=line_numbers, indent=st.sampled_from(["", " ", "  ", "   ", "\t", "      "]), drop=st.booleans())
def test_changed_indentation(line: int, indent: str, drop: bool) -> None:
    changed = list(lines)
    changed[line] = indent + (changed[line].lstrip(" ") if drop else changed[line])
    check("".join(changed))


@given(first=line_numbers, second=line_numbers, how=st.sampled_from(["swap", "delete", "duplicate"]))
def test_moved_lines(first: int, second: int, how: str) -> None:
    changed = list(lines)
    if how == "swap":
        changed[first], changed[second] = changed[second], changed[first]
    elif how == "delete":
        del changed[first]
    else:
        changed.insert(second, changed[first])
    check("".join(changed))


@given(data=st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    check(data)


@given(text=st.text(max_size=300))
def test_random_text(text: str) -> None:
    check(text)


# ---------------------------------------------------------------- structure mutations


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, (*prefix, i))
    return found


ALL_PATHS = [p for p in paths(MINI_DATA) if p]
values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def parent_and_key(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


@given(
    targets=st.lists(st.sampled_from(ALL_PATHS), min_size=1, max_size=4),
    how=st.lists(st.sampled_from(["delete", "retype", "rename", "swap", "duplicate"]), min_size=4, max_size=4),
    new_values=st.lists(values, min_size=4, max_size=4),
    new_keys=st.lists(st.sampled_from(KEYS) | st.text(min_size=1, max_size=8), min_size=4, max_size=4),
    other=st.sampled_from(ALL_PATHS),
)
def test_mutated_structure(
    targets: list[tuple[Any, ...]], how: list[str], new_values: list[Any], new_keys: list[str], other: tuple[Any, ...]
) -> None:
    data = copy.deepcopy(MINI_DATA)
    for i, target in enumerate(targets):
        try:
            parent, key = parent_and_key(data, target)
            current = parent[key]
            swap_parent, swap_key = parent_and_key(data, other) if how[i] == "swap" else (parent, key)
            swapped = swap_parent[swap_key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
        if how[i] == "delete":
            del parent[key]
        elif how[i] == "retype":
            parent[key] = new_values[i]
        elif how[i] == "rename" and isinstance(parent, dict):
            parent[new_keys[i]] = parent.pop(key)
        elif how[i] == "swap":
            parent[key], swap_parent[swap_key] = swapped, current
        elif how[i] == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(current))
    check(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
