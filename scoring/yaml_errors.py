"""Turn PyYAML's syntax errors into a place and a sentence that staff who are not programmers can act on.

PyYAML reports what its parser expected ("did not find expected key"); staff need to know what
they probably did (a tab, a missing closing quote, text with ': ' that needs quotes).
"""

from __future__ import annotations

import re

import yaml

from scoring.libyaml import Loader as _Loader  # the loader's scanner, so token positions match the error's

Where = tuple[int, int]

TAB = "a tab is used here; indent with spaces only (YAML does not allow tabs for indentation)"
QUOTE_NEVER_CLOSED = "the quote that opens here is never closed; add the closing quote"
ESCAPE = "inside double quotes a backslash starts a special character; write \\\\ for a backslash, or use single quotes"
COLON = (
    "a ': ' here reads as the start of a new key: check the indentation of this line, "
    "or put text that contains ': ' in quotes"
)
NO_COLON = "this line has no ':' after its key (write key: value), or it is text that has lost its indentation"
LINE_UP = "this line does not line up with the keys above it; check its indentation"
LIST_LINE_UP = "this line does not line up with the list items above it; check its indentation"
FLOW_MAP = "inside { } a ',' or '}' was expected here; put text that contains ': ' or ', ' in quotes"
FLOW_LIST = "inside [ ] a ',' or ']' was expected here; put text that contains ', ' in quotes"
SECOND_DOCUMENT = "a second YAML document starts here (a line with ---); a questionnaire file holds one document"
AFTER_END = "text after the end-of-document line (...); remove that line"
MAX_DEPTH = 40
DEEP = f"the file is nested too deeply (more than {MAX_DEPTH} levels)"


def _mark(mark: yaml.Mark | None) -> Where | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


def _char_at(text: str, where: Where) -> str:
    lines = text.splitlines()
    line, column = where
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _quoted_scalars_before(text: str, line: int) -> list[tuple[Where, Where]]:
    """(start, end) of each quoted text the scanner read before it failed, up to `line`."""
    found: list[tuple[Where, Where]] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line + 1 > line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                found.append(((token.start_mark.line + 1, token.start_mark.column + 1), _mark(token.end_mark)))  # type: ignore[arg-type]
    except yaml.YAMLError:
        pass  # the scan stops where the error is; what came before is all we need
    return found


def _unclosed_bracket(text: str) -> tuple[Where, str] | None:
    """Where the last { or [ that is still open when the scanner stops was opened."""
    stack: list[tuple[Where, str]] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
                bracket = "{" if isinstance(token, yaml.FlowMappingStartToken) else "["
                stack.append(((token.start_mark.line + 1, token.start_mark.column + 1), bracket))
            elif isinstance(token, (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)) and stack:
                stack.pop()
    except yaml.YAMLError:
        pass
    return stack[-1] if stack else None


def _never_closed(text: str, fallback: Where) -> tuple[Where, str]:
    found = _unclosed_bracket(text)
    if found is None:
        return fallback, "the file ends in the middle of a { } or [ ]; close it"
    where, bracket = found
    return where, f"the {bracket} that opens here is never closed"


def _quote_hint(text: str, where: Where) -> tuple[Where, str] | None:
    """A quote closed on a later line, or text after a closing quote, explains most parser errors."""
    quoted = _quoted_scalars_before(text, where[0])
    if not quoted:
        return None
    start, end = quoted[-1]
    if start[0] < end[0] == where[0]:  # the text after the stray closing quote is what fails
        return start, (
            f"the quote that opens here is closed only on line {end[0]}, so the lines in between are read as "
            "text; check for a missing closing quote"
        )
    if end[0] == where[0] and end[1] <= where[1]:
        return where, (
            "unexpected text after a closing quote; to put a quote inside quoted text, write it twice "
            "('it''s') or use the other kind of quotes (\"it's\")"
        )
    return None


_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*)(?:- )?([\w-]+):(?=[^\s/])(\S+)")
_NO_SPACE_AFTER_DASH = re.compile(r"^(\s*)-(?=[^\s-])")


def _spacing_hint(text: str, line_numbers: set[int]) -> tuple[Where, str] | None:
    """`weight:2` and `-id: x` are the commonest typing slips; YAML reads them as plain text."""
    lines = text.splitlines()
    for number in sorted(line_numbers):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        if match := _NO_SPACE_AFTER_DASH.match(line):
            return (number, len(match.group(1)) + 1), "put a space after the '-' that starts a list item"
        if match := _NO_SPACE_AFTER_COLON.match(line):
            key, value = match.group(2), match.group(3)
            column = match.end(2) + 1
            return (number, column), f"put a space after the ':' ({key}: {value}, not {key}:{value})"
    return None


# Typed with a Chinese input method: full-width spaces or a full-width colon look right but are text to YAML.
_ODD_SPACE = "\u00a0\u2000-\u200b\u202f\u205f\u3000"
# Keys are ASCII (`zh-Hant`); Chinese text followed by '：' is ordinary text.
_ODD_INDENT = re.compile(rf"^([ {_ODD_SPACE}]*[{_ODD_SPACE}][ {_ODD_SPACE}]*)(?:- )?[A-Za-z0-9_-]+ *[:：]")
_WIDE_COLON = re.compile(r"^ *(?:- )?[A-Za-z0-9_-]+ *(：)")


def _input_method_hint(text: str, first: int, last: int) -> tuple[Where, str] | None:
    """A line from `first` to `last` indented with Unicode spaces, or a key followed by '：'."""
    lines = text.splitlines()
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        line = lines[number - 1]
        if match := _ODD_INDENT.match(line):
            name = "full-width spaces" if "\u3000" in match[1] else "non-breaking or other special spaces"
            column = len(match[1]) - len(match[1].lstrip(" ")) + 1
            return (number, column), f"this line is indented with {name}; indent with ordinary spaces"
        if match := _WIDE_COLON.match(line):
            return (number, match.start(1) + 1), "a full-width colon '：' follows the key; type ':' (half-width)"
    return None


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[Where, str]:
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    both = f"{context} {problem}"
    at = _mark(exc.problem_mark) or _mark(exc.context_mark) or (1, 1)
    opened = _mark(exc.context_mark) or at
    if "maximum nesting depth" in problem:
        return at, DEEP
    if "tab" in problem or (_char_at(text, at) == "\t" and "cannot start any token" in problem):
        return at, TAB
    if "cannot start any token" in problem:
        char = _char_at(text, at)
        return at, f"a value cannot start with {char!r}; put the text in quotes"
    if "quoted scalar" in context and "end of stream" in problem:
        return opened, QUOTE_NEVER_CLOSED
    if "unknown escape character" in problem:
        return at, ESCAPE
    if "undefined alias" in problem:
        line = text.splitlines()[at[0] - 1] if at[0] <= len(text.splitlines()) else ""
        name = re.match(r"\*([^\s,\]}]+)", line[at[1] - 1 :])
        alias = name[1] if name else "name"
        return at, f"*{alias} refers to an anchor &{alias} that is not defined above it (check the spelling)"
    if "single document" in both:
        return at, SECOND_DOCUMENT
    if "document start" in problem:
        return at, AFTER_END
    hint = (
        _input_method_hint(text, at[0] - 3, at[0]) or _quote_hint(text, at) or _spacing_hint(text, {at[0], opened[0]})
    )
    if hint is not None:
        return hint
    if "mapping values are not allowed" in problem:
        return at, COLON
    if "could not find expected ':'" in problem:
        return opened, NO_COLON
    mark = exc.problem_mark
    at_end = mark is not None and not text[mark.index :].strip()  # nothing but blanks left: ran off the end
    if ("expected ',' or" in problem or "expected node content" in problem) and at_end:
        return _never_closed(text, opened)
    if "expected ',' or" in problem:
        return at, FLOW_MAP if "}" in problem else FLOW_LIST
    if "expected node content" in problem:
        return at, "a value is expected here; check for a stray ',', ':', '-' or bracket"
    if "expected '-' indicator" in problem:
        return at, LIST_LINE_UP
    if "expected key" in problem:
        return at, LINE_UP
    what = "; ".join(part for part in (context, problem) if part)
    return at, f"YAML syntax error: {what}"
