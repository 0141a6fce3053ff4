"""Load a questionnaire: YAML text -> frozen `Questionnaire`, or every problem with its place."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from scoring.keypath import format_path
from scoring.model import Questionnaire, known_keys
from scoring.problems import KeyPath, Problem, QuestionnaireError
from scoring.semantics import check_semantics
from scoring.yaml_source import Positions, parse_yaml


def load_questionnaire(source: str | Path, *, strict: bool = False) -> Questionnaire:
    """Load a questionnaire file. Raises QuestionnaireError listing every error (and warnings)."""
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(str(path), 1, 1, "error", "", f"cannot read the file: {exc.strerror}")
        raise QuestionnaireError([problem]) from None
    return load_questionnaire_text(raw, str(path), strict=strict)


def load_questionnaire_text(text: str | bytes, file: str = "<text>", *, strict: bool = False) -> Questionnaire:
    questionnaire, problems = validate_questionnaire_text(text, file, strict=strict)
    if questionnaire is None:
        raise QuestionnaireError(problems)
    return questionnaire


def validate_questionnaire_text(
    text: str | bytes, file: str = "<text>", *, strict: bool = False
) -> tuple[Questionnaire | None, list[Problem]]:
    """Validate and build. Returns the model (None when any error) and all problems, sorted.

    With `strict`, warnings (missing translations and the like) count as errors.
    """
    try:
        data, positions, raw_problems = parse_yaml(text, file)
    except QuestionnaireError as exc:
        return None, exc.problems

    problems: list[Problem] = []

    def add(path: KeyPath, severity: str, message: str, prefer_key: bool = False) -> None:
        line, column = positions.of(path, prefer_key)
        problems.append(Problem(file, line, column, severity, format_path(path, data), message))  # type: ignore[arg-type]

    for raw in raw_problems:
        problems.append(Problem(file, raw.where[0], raw.where[1], "error", format_path(raw.path, data), raw.message))

    model: Questionnaire | None = None
    if not isinstance(data, dict):
        add(
            (), "error", "the file must be a mapping of keys (id:, version:, sections: ...), not a single value or list"
        )
    else:
        try:
            model = Questionnaire.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                path, prefer_key, message = _explain(error, data, positions)
                add(path, "error", message, prefer_key)
        for path, severity, message in check_semantics(data):
            if strict and severity == "warning":
                severity = "error"
            add(path, severity, message)

    problems = _dedupe(problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return model, problems


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str, str]] = set()
    unique = []
    for problem in sorted(problems, key=Problem.sort_key):
        key = problem.sort_key()
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[KeyPath, Any]:
    """Follow pydantic's `loc` through the data, dropping union tags that are not keys."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)) or (
            isinstance(node, dict) and isinstance(part, str) and part in node
        ):
            path.append(part)
            node = node[part]
        elif last and isinstance(part, str):
            path.append(part)  # a missing key: named, placed at its parent
            node = None
        # otherwise: a tag pydantic adds for a union (question kind, condition form); skip it
    return tuple(path), node


def _explain(error: ErrorDetails, data: Any, positions: Positions) -> tuple[KeyPath, bool, str]:
    """Turn one pydantic error into (key path, point at the key?, plain message)."""
    path, _node = _data_path(error["loc"], data)
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = _show(value)
    if kind == "missing":
        return path, False, "this required key is missing"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else ""
        return path, True, f"unknown key {key!r}{_suggest(key, error)}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        if "kind" in str(ctx.get("discriminator", "")):
            expected = ctx.get("expected_tags", "")
            if kind == "union_tag_not_found":
                return (*path, "kind"), False, f"this required key is missing; use one of {expected}"
            return (*path, "kind"), False, f"unknown question kind {_show(ctx.get('tag'))}; use one of {expected}"
        return path, False, "not a valid condition"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return path, False, f"{_must(error['msg'])} (found {shown})"
    if kind in ("int_parsing", "int_from_float", "float_parsing", "int_type", "float_type"):
        whole = "a whole number" if kind.startswith("int") else "a number"
        return path, False, f"must be {whole}, not {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return path, False, f"must be true or false, not {shown}"
    if kind == "string_type":
        return path, False, "must not be empty" if value is None else f"must be text, not {_shape(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if ctx.get("class_name") == "Text" or (isinstance(value, str) and path and path[-1] in _TEXT_KEYS):
            return path, False, f"must give the text per language (en:, zh-Hant:, zh-Hans:), not {_shape(value)}"
        return path, False, f"must be a mapping of keys, not {_shape(value)}"
    if kind == "list_type":
        return path, False, f"must be a list, not {_shape(value)}"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return path, False, f"must have at least {need} item{'s' if need != 1 else ''}"
    if kind in ("literal_error", "enum"):
        return path, False, f"must be one of {ctx.get('expected', '')}, not {shown}"
    if kind == "string_pattern_mismatch":
        return path, False, _pattern_message(path, shown)
    if kind == "string_too_long":
        return path, False, f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_too_short":
        return path, False, "must not be empty"
    return path, False, _must(error["msg"])


_TEXT_KEYS = frozenset(
    {
        "text",
        "help",
        "title",
        "label",
        "name",
        "provider",
        "description",
        "intro",
        "action",
        "message",
        "disclaimer",
        "unit",
        "min_label",
        "max_label",
        "yes_label",
        "no_label",
    }
)


def _pattern_message(path: KeyPath, shown: str) -> str:
    key = path[-1] if path else ""
    if key == "url":
        return f"must be a full web address starting with https://, not {shown}"
    if key == "version":
        return f"must be a version such as 1.0 or 2.3.1 (letters, digits, dots), not {shown}"
    return f"must be an id: lower-case letters, digits and _, starting with a letter; not {shown}"


def _must(message: str) -> str:
    return message.replace("Input should be", "must be").replace("Value error, ", "")


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _shape(value)
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


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return f"the text {_show(value)}"


def _suggest(key: str, error: ErrorDetails) -> str:
    match = difflib.get_close_matches(key, known_keys(), n=1, cutoff=0.75)
    return f"; did you mean {match[0]!r}?" if match else ""
