"""The advisers' workspace: invitations, sharing, portfolio, client pages and exports."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {}
