"""The one-direction rule, as data: which top-level packages each layer may import.

scoring imports none of the others; reports imports only scoring; nothing imports app pages.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = {"scoring", "reports", "storage", "app_pages", "ipready", "app"}

# layer -> modules it must never import (project packages and third-party libraries)
FORBIDDEN: dict[str, set[str]] = {
    "scoring": {
        "reports",
        "storage",
        "app_pages",
        "ipready",
        "app",
        "streamlit",
        "sqlalchemy",
        "alembic",
        "psycopg",
        "plotly",
        "pandas",
        "matplotlib",
        "openpyxl",
        "weasyprint",
        "fpdf",
        "jinja2",
    },
    "reports": {"storage", "app_pages", "ipready", "app", "streamlit", "sqlalchemy", "alembic", "psycopg"},
    "storage": {"reports", "app_pages", "ipready", "app", "streamlit"},
    "ipready": {"app_pages", "app", "streamlit"},
    "tests": {"app_pages"},  # pages are exercised through AppTest on app.py, never imported
}


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module.split(".")[0]


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for layer, banned in FORBIDDEN.items():
        folder = root / layer
        for path in sorted(folder.rglob("*.py")) if folder.is_dir() else []:
            for line, module in imports_of(path):
                if module in banned:
                    found.append(f"{path.relative_to(root)}:{line}: {layer} must not import {module}")
    # Nothing but app.py may refer to app pages, and only by file path (st.Page).
    for path in sorted(root.rglob("*.py")):
        if ".venv" in path.parts or "app_pages" in path.parts:
            continue
        for line, module in imports_of(path):
            if module == "app_pages":
                found.append(f"{path.relative_to(root)}:{line}: nothing imports app pages")
    return found
