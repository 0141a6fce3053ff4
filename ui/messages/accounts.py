"""Sign-in, accounts and the staff's user administration."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {}
