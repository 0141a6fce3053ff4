"""Questionnaire version numbers: their order, and giving a questionnaire text a new one.

Versions are compared part by part ("1.10" comes after "1.9"): parts are split at dots and hyphens,
numbers compare as numbers and come before words, so "2.0" < "2.0.1" < "2.0-draft" is never ambiguous.
"""

from __future__ import annotations

import re

import yaml

from scoring.libyaml import Loader

_PARTS = re.compile(r"[.\-]")


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _PARTS.split(version))


def is_newer(candidate: str, than: str) -> bool:
    return version_key(candidate) > version_key(than)


def next_version(latest: str) -> str:
    """A suggestion for the version after `latest`: its last number plus one ("1.9" -> "1.10")."""
    match = re.search(r"(\d+)(?!.*\d)", latest)
    if match is None:
        return f"{latest}.1"
    return f"{latest[: match.start()]}{int(match.group(1)) + 1}{latest[match.end() :]}"


def with_version(text: str, version: str) -> str:
    """`text` with its top-level `version` value replaced by `version`, every other byte kept: comments,
    anchors and layout stay as staff wrote them. Raises ValueError when the text has no such value."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"the questionnaire text is not valid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("the questionnaire text is not a mapping of keys to values")
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "version" and isinstance(value, yaml.ScalarNode):
            start, end = value.start_mark.index, value.end_mark.index
            return f'{text[:start]}"{version}"{text[end:]}'
    raise ValueError("the questionnaire text has no top-level `version`")
