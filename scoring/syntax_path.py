"""The key path at a place in a file that cannot be read as a whole, so that a syntax error on line
1006 says `sections[strategy].questions[strat_value].text` rather than "(top level)".

YAML is read event by event up to that place; the path is where the last event before it sits.
List items are named by their `id` (options by their `value`) as in `keypath.py`, when the id came
before the place.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from scoring.libyaml import Loader

Where = tuple[int, int]


@dataclass
class _Frame:
    is_map: bool
    key: str | None = None  # the key whose value comes next or is being read (mappings)
    key_line: int = 0
    expecting_key: bool = True
    index: int = -1  # the current item (lists)
    name: str | None = None  # the current item's id or value (lists)


def path_at(text: str, where: Where) -> str:
    """The key path of the innermost mapping or list item that `where` (1-based line, column) is in."""
    stack: list[_Frame] = []
    try:
        for event in yaml.parse(text, Loader=Loader):
            if (event.start_mark.line + 1, event.start_mark.column + 1) >= where:
                break
            if isinstance(event, yaml.ScalarEvent) and (event.end_mark.line + 1, event.end_mark.column + 1) > where:
                if stack and not stack[-1].is_map:
                    _follow(stack, event)  # a list item: count it
                break  # the place is inside this text (a broken key is not named)
            _follow(stack, event)
    except (yaml.YAMLError, UnicodeEncodeError):
        pass  # the error itself: what came before is all we need
    line = text.splitlines()[where[0] - 1] if 0 < where[0] <= len(text.splitlines()) else ""
    last = stack[-1] if stack else None
    if last is not None and last.is_map and last.key_line < where[0] and where[1] <= len(line) - len(line.lstrip()) + 1:
        last.expecting_key = True  # in the indentation of a later line: not inside the value left open above
    return _render(stack)


def _follow(stack: list[_Frame], event: yaml.Event) -> None:
    if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        if stack:
            stack.pop()
        _value_done(stack)
        return
    if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
        return  # stream and document events
    parent = stack[-1] if stack else None
    if parent is not None and parent.is_map and parent.expecting_key:
        parent.key = str(event.value) if isinstance(event, yaml.ScalarEvent) else "?"
        parent.key_line = event.start_mark.line + 1
        parent.expecting_key = False
        if isinstance(event, yaml.CollectionStartEvent):  # a list as a key (refused later): keep ends paired
            stack.append(_Frame(is_map=isinstance(event, yaml.MappingStartEvent)))
        return
    if parent is not None and not parent.is_map:
        parent.index += 1
        parent.name = None
    if isinstance(event, yaml.MappingStartEvent):
        stack.append(_Frame(is_map=True))
    elif isinstance(event, yaml.SequenceStartEvent):
        stack.append(_Frame(is_map=False))
    else:  # a scalar or alias value
        if parent is not None and parent.is_map and parent.key in ("id", "value") and len(stack) >= 2:
            holder = stack[-2]
            if not holder.is_map and isinstance(event, yaml.ScalarEvent) and event.value:
                holder.name = str(event.value)
        _value_done(stack)


def _value_done(stack: list[_Frame]) -> None:
    if stack and stack[-1].is_map:
        stack[-1].expecting_key = True


def _render(stack: list[_Frame]) -> str:
    out = ""
    for frame in stack:
        if frame.is_map:
            if frame.key is None or (frame.expecting_key and frame is stack[-1]):
                break  # between keys of this mapping: the mapping itself is the place
            out += f".{frame.key}" if out else frame.key
        elif frame.index >= 0:
            name = frame.name if frame.name and not any(c in frame.name for c in "[].") else str(frame.index)
            out += f"[{name}]"
    return out
