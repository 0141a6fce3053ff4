"""Every text a person reads is given in every language the questionnaire lists, and in no other."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scoring.model import LANGUAGES, TEXT_FIELDS
from scoring.problems import KeyPath
from scoring.raw import Found

TEXT_FIELDS_OF_ITEM = TEXT_FIELDS


def _texts(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """Every per-language text map, with its key path."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from _texts(item, (*path, i))
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_FIELDS_OF_ITEM and isinstance(value, dict) and set(value) <= set(LANGUAGES):
                yield (*path, key), value
            else:
                yield from _texts(value, (*path, key))


def check_translations(data: dict[str, Any], path: KeyPath, languages: list[str]) -> Iterator[Found]:
    for text_path, text in _texts(data, path):
        if not any(isinstance(value, str) and value.strip() for value in text.values()):
            yield text_path, "error", f"the text is empty; write it in {', '.join(languages)}"
            continue
        missing = [lang for lang in languages if not (isinstance(text.get(lang), str) and text[lang].strip())]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            yield text_path, "warning", f"missing translation{plural}: {', '.join(missing)}"


def check_extra_languages(data: dict[str, Any], languages: list[str]) -> Iterator[Found]:
    """Texts in a language the questionnaire does not list: said once per language, where it is listed."""
    counts: dict[str, list[KeyPath]] = {}
    for text_path, text in _texts(data, ()):
        for lang in text:
            if lang not in languages:
                counts.setdefault(lang, []).append((*text_path, lang))
    for lang, paths in counts.items():
        yield (
            ("languages",),
            "warning",
            f"{len(paths)} text{'s are' if len(paths) > 1 else ' is'} also given in {lang}, which is not listed "
            f"here; add {lang} or remove those texts",
        )
