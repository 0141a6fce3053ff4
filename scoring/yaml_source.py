"""Read YAML safely into plain data while remembering where every key and value came from.

PyYAML's own constructor turns `no` into False, `010` into 8, `1.10` into 1.1 and `~` into None,
and keeps the last of two duplicate keys. Here scalars stay the text the author wrote; the model
decides what a field's type is. Only plain `~`/`null`/empty become None, and not under the keys
that hold answer codes, where `~` is a code like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from scoring.problems import KeyPath, Problem, QuestionnaireError

try:  # libyaml is ~10x faster and gives the same node marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_VALUES = 300_000

# Keys whose scalars (or list items) are answer codes written by the author.
CODE_KEYS = frozenset({"value", "equals", "not_equals", "contains", "in", "not_in", "answers"})
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
ALLOWED_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


@dataclass(frozen=True, slots=True)
class RawProblem:
    """A problem found while reading, before list items can be named by their ids."""

    where: tuple[int, int]
    path: KeyPath
    message: str


@dataclass
class Positions:
    """1-based (line, column) of each value and of each mapping key, by key path."""

    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: KeyPath, prefer_key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.positions = Positions()
        self.problems: list[RawProblem] = []
        self.count = 0

    def problem(self, where: tuple[int, int], path: KeyPath, message: str) -> None:
        self.problems.append(RawProblem(where, path, message))

    def convert(self, node: yaml.Node, path: KeyPath, parent_key: str | None) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge(_mark(node))
        if len(path) > MAX_DEPTH:
            raise _TooDeep(_mark(node))
        self.positions.values.setdefault(path, _mark(node))
        if node.tag not in ALLOWED_TAGS and node.tag != "tag:yaml.org,2002:merge":
            self.problem(_mark(node), path, f"the tag {node.tag!r} is not allowed; write plain values")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, parent_key)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), parent_key) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        self.problem(_mark(node), path, "unsupported YAML value")  # pragma: no cover
        return None

    @staticmethod
    def scalar(node: yaml.ScalarNode, parent_key: str | None) -> str | None:
        if node.style is None and node.value in NULL_WORDS and parent_key not in CODE_KEYS:
            return None
        return str(node.value)

    def mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(_mark(key_node), path, "merge keys (<<) are not supported; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(_mark(key_node), path, "a key must be plain text, not a list or a mapping")
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                first = self.positions.keys.get(child, (0, 0))[0]
                self.problem(_mark(key_node), child, f"duplicate key {key!r} (first given on line {first})")
                continue
            self.positions.keys[child] = _mark(key_node)
            result[key] = self.convert(value_node, child, key)
        return result


class _TooLarge(Exception):
    def __init__(self, where: tuple[int, int]) -> None:
        self.where = where


class _TooDeep(_TooLarge):
    pass


def parse_yaml(text: str | bytes, file: str) -> tuple[Any, Positions, list[RawProblem]]:
    """Parse one YAML document into data, positions and the problems found on the way.

    Raises QuestionnaireError when nothing usable can be read (syntax, size, depth, encoding).
    """

    def fail(line: int, column: int, message: str) -> QuestionnaireError:
        return QuestionnaireError([Problem(file, line, column, "error", "", message)])

    if len(text) > MAX_BYTES:
        raise fail(1, 1, f"the file is larger than {MAX_BYTES // 1_000_000} MB; a questionnaire is far smaller")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            raise fail(line, 1, "the file is not UTF-8 text; save it as UTF-8") from None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise fail(line, column, f"YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        position = getattr(exc, "position", 0) or 0
        line = text[:position].count("\n") + 1
        reason = getattr(exc, "reason", None) or str(exc)
        raise fail(line, 1, f"the file contains a character YAML does not allow ({reason})") from None
    except RecursionError:
        raise fail(1, 1, f"the file is nested too deeply (more than {MAX_DEPTH} levels)") from None
    if root is None:
        raise fail(1, 1, "the file is empty")
    converter = _Converter(file)
    try:
        data = converter.convert(root, (), None)
    except _TooDeep as exc:
        raise fail(*exc.where, f"the file is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except _TooLarge as exc:
        raise fail(
            *exc.where, f"the file expands to more than {MAX_VALUES} values (too many aliases or items)"
        ) from None
    return data, converter.positions, converter.problems
