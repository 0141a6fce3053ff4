"""Storage tests on every backend: a temporary SQLite file always, PostgreSQL when TEST_DATABASE_URL is set.

Each PostgreSQL test gets its own schema (through `search_path` in the URL), dropped afterwards, so tests
never see each other's tables and the server's `public` schema is left alone. The fixtures are in
tests/storage_fixtures.py.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from storage.db import dispose_engine

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]
NO_POSTGRES = (
    "PostgreSQL storage tests need TEST_DATABASE_URL "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test; CI sets it)"
)
TABLES = {
    "settings",
    "questionnaire_versions",
    "assessments",
    "answers",
    "section_scores",
    "users",
    "invitations",
    "shares",
    "client_notes",
    "questionnaire_drafts",
}


@contextmanager
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of `backend`, removed afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'storage.db'}"
        try:
            yield url
        finally:
            dispose_engine(url)
        return
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip(NO_POSTGRES)
    schema = f"ipready_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        dispose_engine(url.render_as_string(hide_password=False))
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def table_names(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
