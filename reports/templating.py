"""The Jinja environment: every value is HTML-escaped unless marked safe, and only our own SVG and
stylesheet are marked safe. Company names, adviser comments and free-text answers stay text."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from reports.catalogue import text

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def _stylesheet() -> str:
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


def stylesheet(font: str) -> Markup:
    """The shared stylesheet with the language's fonts. `font` is ours (reports/fonts.py), never user text."""
    return Markup(f"{_stylesheet()}\nhtml {{ font-family: {font}; }}\n")


def translator(lang: str) -> Callable[..., str]:
    def t(key: str, **values: Any) -> str:
        return text(key, lang, **values)

    return t


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
