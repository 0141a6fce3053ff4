"""Fixtures for storage tests on every backend. Load with `pytest_plugins = ["tests.storage_fixtures"]` in a
test module (another module importing this one directly would stop pytest rewriting its asserts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from storage.db import session_scope
from storage.migrate import upgrade
from tests.storage_support import BACKENDS, fresh_database


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_db(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty database; the resume-code key comes from the database unless a test sets one."""
    monkeypatch.delenv("IPREADY_SECRET_KEY", raising=False)
    with fresh_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def db(empty_db: str) -> str:
    """A database migrated to the newest schema."""
    upgrade(empty_db)
    return empty_db


@pytest.fixture
def session(db: str) -> Iterator[Session]:
    with session_scope(db) as opened:
        yield opened
