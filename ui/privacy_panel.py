"""Placeholder while this panel is being built."""

from __future__ import annotations


def privacy_panel(lang: str) -> None:
    return None
