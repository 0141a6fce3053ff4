"""Turn one pydantic error into a key path in the YAML data and a sentence staff can act on."""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from scoring import model as m
from scoring.model import TEXT_FIELDS
from scoring.problems import KeyPath

QUESTION_CLASSES: dict[str, type[m.QuestionBase]] = {
    "single_choice": m.SingleChoice,
    "multiple_choice": m.MultipleChoice,
    "yes_no": m.YesNo,
    "scale": m.Scale,
    "number": m.Number,
    "text": m.FreeText,
}
# Which model a mapping is, from the key (or list) that holds it.
_HELD_BY: dict[str, type[BaseModel]] = {
    "sections": m.Section,
    "options": m.Option,
    "bands": m.Band,
    "advice": m.Advice,
    "critical": m.Critical,
    "maturity_levels": m.MaturityLevel,
    "services": m.Service,
    "score_below": m.ScoreBand,
    "recommendations": m.Recommendation,
}
ITEMS = {"maturity_levels": "level", "options": "option", "questions": "question", "sections": "section"}
CONDITION_KEYS = frozenset({"show_if", "when", "not"})
TEXT_KEYS = TEXT_FIELDS


def condition_tag(value: Any) -> str:
    """The union tag pydantic puts in `loc` for a condition (see `model._condition_kind`)."""
    if isinstance(value, dict):
        return next((key for key in ("all", "any", "not") if key in value), "atom")
    return "atom"


def _is_condition(path: KeyPath) -> bool:
    if path and isinstance(path[-1], str):
        return path[-1] in CONDITION_KEYS
    return len(path) >= 2 and path[-2] in ("all", "any")


def _is_question(path: KeyPath) -> bool:
    return len(path) >= 2 and isinstance(path[-1], int) and path[-2] == "questions"


def data_path(loc: tuple[int | str, ...], data: Any) -> KeyPath:
    """Follow pydantic's `loc` through the data, dropping the union tags that are not keys."""
    path: list[str | int] = []
    node = data
    tag_skipped = -1  # one tag per union, then `all:` in `{all: [...]}` is a real key
    for i, part in enumerate(loc):
        here = tuple(path)
        if tag_skipped != len(here) and (
            (_is_condition(here) and part == condition_tag(node))
            or (_is_question(here) and isinstance(node, dict) and part == node.get("kind"))
        ):
            tag_skipped = len(here)
            continue
        if (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)) or (
            isinstance(node, dict) and isinstance(part, str) and part in node
        ):
            path.append(part)
            node = node[part]
        elif i == len(loc) - 1 and isinstance(part, str):
            path.append(part)  # a missing key: named, placed at its parent
            node = None
    return tuple(path)


def model_at(path: KeyPath, data: Any) -> type[BaseModel] | None:
    """The model class of the mapping at `path`, when the path says which it is."""
    if not path:
        return m.Questionnaire
    node = data
    for part in path:
        node = node[part] if isinstance(node, (dict, list)) else None  # type: ignore[index]
    if _is_question(path):
        kind = node.get("kind") if isinstance(node, dict) else None
        return QUESTION_CLASSES.get(str(kind), m.QuestionBase)
    if _is_condition(path):
        return {"all": m.AllOf, "any": m.AnyOf, "not": m.NotOf}.get(condition_tag(node), m.Atom)
    holder = path[-2] if isinstance(path[-1], int) and len(path) >= 2 else path[-1]
    if isinstance(holder, str) and holder in TEXT_KEYS and not isinstance(path[-1], int):
        return m.Text
    return _HELD_BY.get(str(holder))


@cache
def _known_keys() -> tuple[str, ...]:
    return tuple(m.known_keys())


@cache
def keys_of(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def unknown_key(key: str, parent: KeyPath, data: Any) -> tuple[str, str | None]:
    """The message for an unknown key, and the key it probably meant (when that key is absent)."""
    if spaced := re.fullmatch(r"([\w-]+):(\S.*)", key):  # `{weight:2}` reads as one key `weight:2`
        return f"put a space after the ':' ({spaced[1]}: {spaced[2]}, not {key})", spaced[1]
    return _unknown_key_of(key, model_at(parent, data))


@cache  # a file with the same slip in every question asks the same question thousands of times
def _unknown_key_of(key: str, owner: type[BaseModel] | None) -> tuple[str, str | None]:
    if owner is None:
        match = difflib.get_close_matches(key, [k for k in _known_keys() if k != key], n=1, cutoff=0.75)
        return f"unknown key {key!r}" + (f"; did you mean {match[0]!r}?" if match else ""), None
    allowed = keys_of(owner)
    match = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75)
    if match:
        return f"unknown key {key!r}; did you mean {match[0]!r}?", match[0]
    kinds = [kind for kind, cls in QUESTION_CLASSES.items() if key in cls.model_fields]
    if issubclass(owner, m.QuestionBase) and kinds:
        kind = next((k for k, cls in QUESTION_CLASSES.items() if cls is owner), "this")
        return f"a {kind} question has no key {key!r} (it belongs to {' and '.join(kinds)} questions)", None
    if key in _known_keys():
        return f"{key!r} does not belong here; check its indentation (allowed here: {', '.join(allowed)})", None
    return f"unknown key {key!r} (allowed here: {', '.join(allowed)})", None


def explain(error: ErrorDetails, data: Any) -> tuple[KeyPath, bool, str]:
    """(key path, point at the key rather than the value?, plain message)."""
    path = data_path(error["loc"], data)
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = show(value)
    if kind == "missing":
        return path, False, "this required key is missing"
    if kind == "extra_forbidden":
        return path, True, unknown_key(str(path[-1]), path[:-1], data)[0]
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _union(path, kind, ctx, value)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return path, False, f"{_must(error['msg'])} (found {shown})"
    if kind == "finite_number":
        return path, False, f"must be an ordinary number, not {shown}"
    if kind in ("int_parsing", "int_from_float", "float_parsing", "int_type", "float_type"):
        whole = "a whole number" if kind.startswith("int") else "a number"
        return path, False, f"must be {whole}, not {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return path, False, f"must be true or false, not {shown}"
    if kind == "string_type":
        return path, False, "must not be empty" if value is None else f"must be text, not {shape(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return path, False, _not_a_mapping(path, value, ctx)
    if kind == "list_type":
        hint = "; write [a, b] or one '- item' per line" if isinstance(value, str) and "," in value else ""
        return path, False, f"must be a list, not {shape(value)}{hint}"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        what = ITEMS.get(str(path[-1]) if path else "", "item")
        return path, False, f"must have at least {need} {what}{'s' if need != 1 else ''}"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", ""))
        choices = re.findall(r"'([^']*)'", expected)
        match = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6) if isinstance(value, str) else []
        hint = f"; did you mean {match[0]!r}?" if match else ""
        return path, False, f"must be one of {expected}, not {shown}{hint}"
    if kind == "string_pattern_mismatch":
        return path, False, _pattern_message(path, shown)
    if kind == "string_too_long":
        return path, False, f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_too_short":
        return path, False, "must not be empty"
    return path, False, _must(error["msg"])


def _union(path: KeyPath, kind: str, ctx: dict[str, Any], value: Any) -> tuple[KeyPath, bool, str]:
    if _is_question(path):
        kinds = ", ".join(QUESTION_CLASSES)
        if kind == "union_tag_not_found":
            return (*path, "kind"), False, f"this question needs a kind: one of {kinds}"
        tag = str(ctx.get("tag", ""))
        match = difflib.get_close_matches(tag.lower(), list(QUESTION_CLASSES), n=1, cutoff=0.6)
        hint = f"did you mean {match[0]!r}?" if match else f"use one of {kinds}"
        return (*path, "kind"), False, f"unknown question kind {tag!r}; {hint}"
    return path, False, _not_a_mapping(path, value, {})


def _not_a_mapping(path: KeyPath, value: Any, ctx: dict[str, Any]) -> str:
    key = path[-1] if path else ""
    if ctx.get("class_name") == "Text" or (isinstance(value, str) and key in TEXT_KEYS):
        return f"must give the text per language (en:, zh-Hant:, zh-Hans:), not {shape(value)}"
    if _is_condition(path):
        return (
            f"a condition is written as keys, e.g. {{question: some_id, equals: some_answer}} "
            f"or {{all: [...]}}, not {shape(value)}"
        )
    return f"must be a mapping of keys, not {shape(value)}"


def _pattern_message(path: KeyPath, shown: str) -> str:
    key = path[-1] if path else ""
    if key == "url":
        return f"must be a full web address starting with https://, not {shown}"
    if key == "version":
        return f"must be a version such as 1.0 or 2.3.1 (letters, digits and dots, at most 32), not {shown}"
    if len(path) >= 2 and path[-2] == "services":
        return f"must be the id of a service listed under services: (lower-case letters, digits and _), not {shown}"
    return (
        f"must be an id: lower-case letters, digits and _, starting with a letter (at most 64 characters); not {shown}"
    )


def _must(message: str) -> str:
    return message.replace("Input should be", "must be").replace("Value error, ", "")


def show(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return shape(value)
    if isinstance(value, str) and _is_number(value):
        return value
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "an empty value"
    return f"the text {show(value)}"
