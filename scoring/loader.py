"""Load a questionnaire: YAML text -> frozen `Questionnaire`, or every problem with its place."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scoring.explain import explain, unknown_key
from scoring.keypath import format_path
from scoring.model import Questionnaire
from scoring.problems import KeyPath, Problem, QuestionnaireError, Severity
from scoring.semantics import check_semantics
from scoring.yaml_source import MAX_BYTES, Positions, parse_yaml


def load_questionnaire(source: str | Path, *, strict: bool = False) -> Questionnaire:
    """Load a questionnaire file. Raises QuestionnaireError listing every error (and warnings)."""
    path = Path(source)
    return load_questionnaire_text(read_questionnaire_file(path), str(path), strict=strict)


def read_questionnaire_file(path: Path) -> bytes:
    """The file's bytes, or QuestionnaireError saying why it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)  # enough to refuse it; /dev/zero would never end
    except OSError as exc:
        problem = Problem(str(path), 1, 1, "error", "", f"cannot read the file: {exc.strerror or exc}")
        raise QuestionnaireError([problem]) from None


def load_questionnaire_text(text: str | bytes, file: str = "<text>", *, strict: bool = False) -> Questionnaire:
    questionnaire, problems = validate_questionnaire_text(text, file, strict=strict)
    if questionnaire is None:
        raise QuestionnaireError(problems)
    return questionnaire


@dataclass(frozen=True, slots=True)
class _Found:
    path: KeyPath
    severity: Severity
    message: str
    at_key: bool = False  # point at the key (an unknown key) rather than at its value
    where: tuple[int, int] | None = None  # known already (problems found while reading)


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

    found = [_Found(raw.path, "error", raw.message, where=raw.where) for raw in raw_problems]
    # A value left out while reading (a forbidden tag) is reported once, not again as missing or empty.
    silenced = {raw.path for raw in raw_problems if raw.dropped}
    later: list[_Found] = []
    model: Questionnaire | None = None
    if not isinstance(data, dict):
        message = "the file must be a mapping of keys (id:, version:, sections: ...), not a single value or list"
        later.append(_Found((), "error", message))
    else:
        model = _build(data, later, silenced)
        for item in check_semantics(data):
            path, severity, message = item[0], item[1], item[2]
            if len(item) == 4:
                path, message = _name_the_first(path, item[3], message, positions)  # type: ignore[misc]
            if strict and severity == "warning":
                severity = "error"
            later.append(_Found(path, severity, message))  # type: ignore[arg-type]
    found += [f for f in later if not any(f.path[:n] in silenced for n in range(len(f.path) + 1))]

    problems = []
    for f in found:
        # A list or mapping is pointed at by its key: its value starts on the next line.
        at_key = f.at_key or isinstance(_value_at(data, f.path), (dict, list))
        line, column = f.where or positions.of(f.path, at_key)
        problems.append(Problem(file, line, column, f.severity, format_path(f.path, data), f.message))
    problems = _dedupe(problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return model, problems


def _build(data: dict[str, Any], found: list[_Found], silenced: set[KeyPath]) -> Questionnaire | None:
    """The model, or None; adds pydantic's errors to `found` and marks keys a misspelling explains."""
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            path, at_key, message = explain(error, data)
            if error["type"] == "extra_forbidden":
                meant = unknown_key(str(path[-1]), path[:-1], data)[1]
                parent = _value_at(data, path[:-1])
                if meant is not None and isinstance(parent, dict) and meant not in parent:
                    # `titel:` explains why `title:` is missing: say it once
                    silenced.add((*path[:-1], meant))
            found.append(_Found(path, "error", message, at_key))
    return None


def _value_at(data: Any, path: KeyPath) -> Any:
    node = data
    for part in path:
        in_dict = isinstance(node, dict) and part in node
        if not (in_dict or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node))):
            return None
        node = node[part]
    return node


def _name_the_first(path: KeyPath, other: KeyPath, message: str, positions: Positions) -> tuple[KeyPath, str]:
    """Place a duplicate at the later of the two uses and name the line of the earlier one."""
    here, there = positions.of(path), positions.of(other)
    if there > here:
        path, other, here, there = other, path, there, here
    return path, f"{message} (first used on line {there[0]})"


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """Each problem once. A value repeated by aliases (`*name`) has the same problem under every use:
    it is said once, at its first use, with the number of the others (the fix is in one place)."""
    first: dict[tuple[int, int, str, str, str], int] = {}
    unique: list[Problem] = []
    repeats: list[int] = []
    for problem in problems:  # in the order found, which follows the document: the first use comes first
        tail = re.split(r"[.\]]", problem.path)[-1]
        key = (problem.line, problem.column, problem.severity, problem.message, tail)
        if key in first:
            repeats[first[key]] += problem.path != unique[first[key]].path
            continue
        first[key] = len(unique)
        unique.append(problem)
        repeats.append(0)
    repeated = [_repeated(problem, n) if n else problem for problem, n in zip(unique, repeats, strict=True)]
    return sorted(repeated, key=Problem.sort_key)


def _repeated(problem: Problem, times: int) -> Problem:
    where = f"{times} more place{'s' if times > 1 else ''}"
    return replace(problem, message=f"{problem.message} (this part is reused through an alias in {where})")
