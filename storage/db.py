"""Engines and sessions. One engine per database URL per process."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "ipready.db"

_lock = threading.Lock()  # Streamlit runs sessions in threads: create each engine once
_engines: dict[str, Engine] = {}
_factories: dict[str, sessionmaker[Session]] = {}


def database_url() -> str:
    """DATABASE_URL when set, else the embedded SQLite file."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (any driver spelling); None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def get_engine(url: str | None = None) -> Engine:
    # Resolved on every call, so a changed DATABASE_URL is never answered with an older engine.
    url = url or database_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _create(url)
        return engine


def _create(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    # busy_timeout first: switching to WAL needs a lock another process may hold for a moment.
    # WAL lets readers and one writer work at once; foreign keys (and so cascades) are off by default.
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed answer survives a
    # crash of the app (it is in the WAL file); only a power cut may lose the last moments.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """SQLite answers "database is locked" at once, without waiting on busy_timeout, when another process
    holds the file while the journal mode changes (several app processes starting on a new file)."""
    for attempt in range(100):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 99:
                raise
            time.sleep(0.1)


def dispose_engine(url: str) -> None:
    """Close the pooled connections of `url` and forget its engine (tests that drop a database)."""
    with _lock:
        engine = _engines.pop(url, None)
        _factories.pop(url, None)
    if engine is not None:
        engine.dispose()


def _factory(url: str) -> sessionmaker[Session]:
    engine = get_engine(url)
    with _lock:
        factory = _factories.get(url)
        if factory is None or factory.kw["bind"] is not engine:
            factory = _factories[url] = sessionmaker(engine, expire_on_commit=False)
        return factory


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back otherwise."""
    session = _factory(url or database_url())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
