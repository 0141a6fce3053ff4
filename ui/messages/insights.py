"""Peer benchmarks and the programme dashboard."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {}
