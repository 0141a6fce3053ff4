"""Schema migrations (`ipready db upgrade`), safe when several app processes start at once."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from storage.db import database_url, get_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: the PostgreSQL advisory lock that serialises concurrent upgrades.
PG_LOCK_ID = 72_910_466


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _exclusive(connection: Connection, url: str) -> Iterator[None]:
    """One upgrade at a time: an advisory lock on PostgreSQL, a lock file beside SQLite."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": PG_LOCK_ID})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": PG_LOCK_ID})
        return
    if url.startswith("sqlite:///"):
        lock_path = Path(url.removeprefix("sqlite:///") + ".migrate.lock")
        with lock_path.open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    yield


def upgrade(url: str | None = None) -> str:
    """Bring the database to the newest schema; returns the revision it is at."""
    url = url or database_url()
    engine = get_engine(url)
    with engine.connect() as connection, _exclusive(connection, url):
        connection.commit()  # the lock is held by the session, outside the migration's transaction
        command.upgrade(_config(connection), "head")
        connection.commit()
        return current_revision(connection) or ""


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    return head or ""
