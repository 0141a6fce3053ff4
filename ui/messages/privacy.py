"""The SME's own data: download everything, delete for good."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {}
