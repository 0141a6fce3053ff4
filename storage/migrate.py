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

from storage.db import database_url, get_engine, sqlite_path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: the PostgreSQL advisory lock that serialises concurrent upgrades.
PG_LOCK_ID = 72_910_466


class MigrationError(Exception):
    """A migration left the database inconsistent; the message is meant for people."""


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
        connection.commit()  # the lock belongs to the session, outside the migration's transaction
        try:
            yield
        finally:
            # A failed migration may leave an aborted transaction, in which the unlock would fail too
            # and the pooled connection would keep the lock.
            connection.rollback()
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": PG_LOCK_ID})
            connection.commit()
        return
    path = sqlite_path(url)
    if path is None:
        yield
        return
    with path.with_name(path.name + ".migrate.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _sqlite_foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite rebuilds a table to alter it, and dropping the old copy with foreign keys on runs its
    ON DELETE actions: rebuilding `assessments` would delete every answer. Off while migrating."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.commit()  # the pragma is ignored inside a transaction
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        yield
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise MigrationError(f"the migration left {len(broken)} rows that point at missing rows: {broken[:5]}")
    finally:
        connection.rollback()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")  # the connection goes back to the pool


@contextmanager
def migration_connection(url: str | None = None) -> Iterator[Connection]:
    """A connection that holds the migration lock and may rebuild tables safely."""
    url = url or database_url()
    with get_engine(url).connect() as connection, _exclusive(connection, url), _sqlite_foreign_keys_off(connection):
        yield connection


def upgrade(url: str | None = None, revision: str = "head") -> str:
    """Bring the database to `revision` (the newest schema by default); returns the revision it is at."""
    with migration_connection(url) as connection:
        command.upgrade(_config(connection), revision)
        connection.commit()
        return current_revision(connection) or ""


def downgrade(url: str | None, revision: str) -> str:
    """Take the database back to `revision` ("base": no tables); for trying migrations in both directions."""
    with migration_connection(url) as connection:
        command.downgrade(_config(connection), revision)
        connection.commit()
        return current_revision(connection) or ""


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    return head or ""
