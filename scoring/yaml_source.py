"""Read YAML safely into plain data while remembering where every key and value came from.

PyYAML's own constructor turns `no` into False, `010` into 8, `1.10` into 1.1 and `~` into None,
and keeps the last of two duplicate keys. Here scalars stay the text the author wrote; the model
decides what a field's type is. Only plain `~`/`null`/empty become None, and not under the keys
that hold answer codes, where `~` is a code like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from scoring.libyaml import Loader as _Loader
from scoring.problems import KeyPath, Problem, QuestionnaireError
from scoring.syntax_path import path_at
from scoring.yaml_errors import AFTER_END, DEEP, MAX_DEPTH, SECOND_DOCUMENT, explain_syntax_error

MAX_BYTES = 2_000_000
# A zip (xlsx, docx) or an old Office file saved under a .yaml name.
BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
NOT_TEXT = (
    "this is not a text file (it looks like a spreadsheet, a document or an archive); "
    "save the questionnaire as plain text in UTF-8 with a .yaml name"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # what YAML refuses, as readable space
MAX_VALUES = 100_000  # the bundled questionnaire has about 3,000
TOO_MANY = f"the file holds more than {MAX_VALUES} values (too many items, or aliases repeating them)"
PRECHECK_BYTES = 200_000  # smaller files cannot hold enough items to be slow

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
    dropped: bool = False  # the value was left out, so later complaints about it would only repeat this one


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


def _shown_tag(tag: str) -> str:
    """A tag as the author wrote it: `!!python/object`, not `tag:yaml.org,2002:python/object`."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


class _Converter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.positions = Positions()
        self.problems: list[RawProblem] = []
        self.count = 0
        self.open: set[int] = set()  # ids of the collections being converted, to catch self-reference

    def problem(self, where: tuple[int, int], path: KeyPath, message: str, dropped: bool = False) -> None:
        self.problems.append(RawProblem(where, path, message, dropped))

    def convert(self, node: yaml.Node, path: KeyPath, parent_key: str | None) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge(_mark(node))
        if len(path) > MAX_DEPTH:
            raise _TooDeep(_mark(node))
        self.positions.values.setdefault(path, _mark(node))
        if node.tag not in ALLOWED_TAGS and node.tag != "tag:yaml.org,2002:merge":  # `a: <<` is text
            tag = _shown_tag(node.tag)
            self.problem(
                _mark(node), path, f"the tag {tag} is not allowed (tags can run code); write plain values", True
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, parent_key)
        if id(node) in self.open:  # `a: &x [*x]` would otherwise repeat until the depth limit
            self.problem(
                _mark(node), path, "this alias refers to the item that contains it; write the values out", True
            )
            return None
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(item, (*path, i), parent_key) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.open.discard(id(node))

    @staticmethod
    def scalar(node: yaml.ScalarNode, parent_key: str | None) -> str | None:
        # libyaml marks a plain (unquoted) scalar with style "" (pure-Python PyYAML with None).
        if not node.style and node.value in NULL_WORDS and parent_key not in CODE_KEYS:
            return None
        return str(node.value)

    def mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                # The keys it would bring are missing: say so once, not once per missing key.
                message = "merge keys (<<) are not supported; write the keys out"
                self.problem(_mark(key_node), path, message, dropped=bool(path))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(_mark(key_node), path, "a key must be plain text, not a list or a mapping")
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in result:
                line, column = self.positions.keys.get(child, (1, 1))
                here = _mark(key_node)
                first = f"line {line}" if line != here[0] else f"column {column} of this line"
                self.problem(here, child, f"duplicate key {key!r} (first given on {first}); keep one of them")
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

    def fail(where: tuple[int, int], message: str, readable: str = "") -> QuestionnaireError:
        """`readable`: the text as far as YAML can read it, to name the key path of `where`."""
        path = path_at(readable, where) if readable else ""
        return QuestionnaireError([Problem(file, where[0], where[1], "error", path, message)])

    if _size_in_bytes(text) > MAX_BYTES:
        raise fail((1, 1), f"the file is larger than {MAX_BYTES // 1_000_000} MB; a questionnaire is far smaller")
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if raw.startswith(BINARY_SIGNATURES) or b"\x00" in raw[:8192]:
                raise fail((1, 1), NOT_TEXT) from None
            bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0  # utf-8-sig counts from after the BOM
            where = _byte_position(raw, exc.start + bom)
            message = "the file is not UTF-8 text; save it as UTF-8 (in Excel or Notepad: Save As, UTF-8)"
            raise fail(where, message, _CONTROL.sub(" ", raw.decode("utf-8-sig", "replace"))) from None
    try:
        if len(text) > PRECHECK_BYTES:
            _count_nodes(text)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        where, message = explain_syntax_error(exc, text)
        raise fail(where, message, "" if message in (SECOND_DOCUMENT, AFTER_END) else text) from None
    except yaml.reader.ReaderError as exc:  # control characters and the like
        encoded = text.encode("utf-8", "surrogatepass")
        offset = exc.position  # libyaml counts bytes
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character or "?")[:1] or "?")
        readable = _CONTROL.sub(" ", text)
        message = f"the file contains a control character (code {char}) that YAML does not allow; delete it"
        raise fail(_byte_position(encoded, offset), message, readable) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every reader/scanner error above is marked or a reader error
        raise fail((1, 1), f"YAML error: {exc}") from None
    except UnicodeEncodeError as exc:  # a str holding lone surrogates (never from a file read as UTF-8)
        line = text[: exc.start].count("\n") + 1
        raise fail((line, 1), "the text contains characters that are not valid Unicode") from None
    except _TooLarge as exc:
        raise fail(exc.where, TOO_MANY) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.style and root.value in NULL_WORDS):
        raise fail(_mark(root) if root is not None else (1, 1), "the file is empty")
    converter = _Converter(file)
    try:
        data = converter.convert(root, (), None)
    except _TooDeep as exc:
        raise fail(exc.where, DEEP) from None
    except _TooLarge as exc:
        raise fail(exc.where, TOO_MANY) from None
    return data, converter.positions, converter.problems


def _size_in_bytes(text: str | bytes) -> int:
    """As stored in UTF-8: a CJK character is 3 bytes, so counting characters would let a file thrice the limit in."""
    if isinstance(text, bytes) or len(text) > MAX_BYTES:
        return len(text)  # a character is at least one byte: no need to encode a huge text
    return len(text.encode("utf-8", "surrogatepass"))


def _count_nodes(text: str) -> None:
    """Stop a big file with too many items before building it: building takes 3x longer than reading."""
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
            count += 1
            if count > 2 * MAX_VALUES:  # keys and values
                raise _TooLarge((event.start_mark.line + 1, event.start_mark.column + 1))


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
