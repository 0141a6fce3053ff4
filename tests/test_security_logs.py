"""With SQL echo and debug logging on, no password and no resume code reaches a log record or the database in
clear: accounts made, signed in and changed through the app, an assessment started and resumed by its code."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.pool import NullPool

from storage.accounts import create_user, reset_password
from storage.db import session_scope
from storage.repository import create_assessment, find_by_code, latest_version, normalise_code
from tests.apptest_support import new_app
from tests.conftest import FIXTURES

pytest_plugins = ["tests.storage_fixtures"]

PASSWORD = "first secret passphrase"
NEW_PASSWORD = "second secret passphrase"
OWN_PASSWORD = "third secret passphrase"


def sign_in(app, email: str, password: str) -> None:
    app.switch_page("app_pages/login.py").run()
    app.text_input(key="login_email").input(email)
    app.text_input(key="login_password").input(password)
    next(b for b in app.button if b.label == "Sign in").click().run()


def dump(url: str) -> str:
    """Every row of every table, as text."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
            assert "users" in tables and "assessments" in tables
            rows = [
                repr(tuple(row)) for table in tables for row in connection.execute(text(f'SELECT * FROM "{table}"'))
            ]
    finally:
        engine.dispose()
    return "\n".join(rows)


def raw_files(url: str) -> str:
    """SQLite: the database file and its write-ahead log, byte for byte (deleted rows linger in free pages)."""
    if make_url(url).get_backend_name() != "sqlite":
        return ""
    path = Path(make_url(url).database or "")
    files = [path, path.with_name(path.name + "-wal")]
    return "".join(file.read_bytes().decode("latin-1") for file in files if file.exists())


def test_no_password_or_resume_code_in_logs_or_database(
    db: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", db)
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(FIXTURES / "mini.yaml"))
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")  # SQL, parameters and result rows
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.pool")

    with session_scope(db) as session:
        create_user(session, "staff@example.com", "staff", PASSWORD, "Staff")
        adviser = create_user(session, "ada@example.com", "adviser", PASSWORD, "Ada")

    app = new_app()
    app.run()
    sign_in(app, "staff@example.com", PASSWORD)
    app.switch_page("app_pages/account.py").run()
    app.text_input(key="current_password").input(PASSWORD)
    app.text_input(key="new_password").input(NEW_PASSWORD)
    app.text_input(key="repeat_password").input(NEW_PASSWORD)
    next(b for b in app.button if b.label == "Change password").click().run()
    assert [s.value for s in app.success] == ["Your password was changed."]

    with session_scope(db) as session:
        temporary = reset_password(session, adviser.id)
    other = new_app()
    other.run()
    sign_in(other, "ada@example.com", temporary)
    other.text_input(key="first_new_password").input(OWN_PASSWORD)
    other.text_input(key="first_repeat_password").input(OWN_PASSWORD)
    next(b for b in other.button if b.label == "Save and continue").click().run()
    assert other.session_state["signed_in_user"].email == "ada@example.com"

    with session_scope(db) as session:
        version = latest_version(session, "mini")
        assert version is not None
        assessment, code = create_assessment(session, version, language="en", consent=True)
        assessment_id = assessment.id
    with session_scope(db) as session:
        found = find_by_code(session, code.lower())
        assert found is not None and found.id == assessment_id
    resumed = new_app(resume=code)
    resumed.run()
    assert resumed.session_state["assessment_id"] == assessment_id

    secrets = [PASSWORD, NEW_PASSWORD, OWN_PASSWORD, temporary, code, normalise_code(code), code.lower()]
    messages = [record.getMessage() for record in caplog.records]
    assert any("FROM users" in m for m in messages), "SQL echo was not captured"
    assert any("$argon2id$" in m for m in messages), "SQL parameters were not captured: the check would be empty"
    for record in caplog.records:
        logged = record.getMessage() + (record.exc_text or "")
        for secret in secrets:
            assert secret not in logged, f"{secret!r} logged by {record.name}"
    stored = dump(db) + raw_files(db)
    assert "$argon2id$" in stored
    for secret in secrets:
        assert secret not in stored, f"{secret!r} stored in clear"
