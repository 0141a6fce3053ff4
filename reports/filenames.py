"""Download file names that are safe on every system and say what the file is."""

from __future__ import annotations

import re
import unicodedata

EXTENSIONS = frozenset({"pdf", "html", "xlsx", "csv", "json", "yaml", "zip"})
MAX_STEM = 80
# Names Windows refuses whatever the extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def safe_filename(name: str, extension: str, fallback: str = "ip-ready-report") -> str:
    """`name` reduced to letters (any script), digits, '-' and '_', plus a known extension.

    Path separators, dots, control and format characters, quotes and spaces become '-', so a company
    called "../../etc/passwd" or "A<B>:C" cannot leave the download folder or break a header.
    """
    extension = extension.lower().lstrip(".")
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown report extension: {extension!r}")
    normal = unicodedata.normalize("NFKC", name)
    kept = "".join(char if char.isalnum() or char in "-_" else "-" for char in normal)
    stem = re.sub(r"-{2,}", "-", kept).strip("-_")[:MAX_STEM].strip("-_")
    if not stem or stem.lower() in _RESERVED:
        stem = fallback
    return f"{stem}.{extension}"


def report_filename(company: str, date: str | None, extension: str, kind: str = "ip-ready-report") -> str:
    """E.g. "ip-ready-report-Acme-Trading-Ltd-2026-11-25.pdf"."""
    parts = [kind, company, date or ""]
    return safe_filename("-".join(part for part in parts if part), extension, fallback=kind)
