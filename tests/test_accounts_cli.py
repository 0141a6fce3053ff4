"""`ipready user ...` on a real database: accounts made and managed from the command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from ipready.cli import main
from storage.accounts import MAX_FAILED_ATTEMPTS, authenticate, find_user
from storage.db import session_scope
from tests.conftest import ROOT

pytest_plugins = ["tests.storage_fixtures"]

PASSWORD = "correct horse battery"


@pytest.fixture
def url(db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", db)
    return db


def run(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(list(argv))


def add(monkeypatch: pytest.MonkeyPatch, email: str, role: str = "adviser", password: str = PASSWORD) -> int:
    return run(monkeypatch, "user", "add", "--role", role, email, "--password-stdin", stdin=password + "\n")


def test_add_asks_the_password_twice(url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "--role", "staff", "First@Example.com", "--name", "First Staff"]) == 0
    assert "created staff account first@example.com" in capsys.readouterr().out
    with session_scope(url) as session:
        result = authenticate(session, "first@example.com", PASSWORD)
        assert result.ok and result.account.role == "staff" and result.account.display_name == "First Staff"


def test_add_refuses_two_different_passwords(url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "--role", "staff", "first@example.com"]) == 1
    assert "the two passwords differ" in capsys.readouterr().err
    with session_scope(url) as session:
        assert find_user(session, "first@example.com") is None


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("ada@example.com", "too short", "at least 12 characters"),
        ("not an email", PASSWORD, "is not an email address"),
        ("ada@example.com", "ada@example.com", "must not be the email"),
    ],
)
def test_add_explains_a_refusal(url: str, monkeypatch, capsys, email: str, password: str, message: str) -> None:
    assert add(monkeypatch, email, password=password) == 1
    err = capsys.readouterr().err
    assert err.startswith("ipready user add: error: ") and message in err and "Traceback" not in err


def test_add_twice_and_empty_stdin(url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert add(monkeypatch, "ada@example.com") == 0
    assert add(monkeypatch, "ADA@example.com") == 1
    assert "already exists" in capsys.readouterr().err
    assert run(monkeypatch, "user", "add", "--role", "adviser", "b@example.com", "--password-stdin") == 1
    assert "no password on standard input" in capsys.readouterr().err


def test_list_disable_enable_unlock_and_reset(url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert run(monkeypatch, "user", "list") == 0
    assert "no accounts yet" in capsys.readouterr().out
    add(monkeypatch, "staff@example.com", "staff")
    add(monkeypatch, "ada@example.com")
    with session_scope(url) as session:
        for _ in range(MAX_FAILED_ATTEMPTS):
            authenticate(session, "ada@example.com", "wrong password here")
    capsys.readouterr()
    assert run(monkeypatch, "user", "list") == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].split()[:3] == ["staff@example.com", "staff", "active"]
    assert listing[2].split()[:4] == ["ada@example.com", "adviser", "locked", "until"]

    assert run(monkeypatch, "user", "unlock", "ada@example.com") == 0
    assert run(monkeypatch, "user", "disable", "ada@example.com") == 0
    with session_scope(url) as session:
        assert authenticate(session, "ada@example.com", PASSWORD).reason == "disabled"
    assert run(monkeypatch, "user", "enable", "Ada@Example.com") == 0
    capsys.readouterr()
    assert run(monkeypatch, "user", "reset-password", "ada@example.com") == 0
    temporary = capsys.readouterr().out.splitlines()[-1]
    with session_scope(url) as session:
        assert authenticate(session, "ada@example.com", temporary).reason == "must_change_password"


def test_unknown_email_and_last_staff_are_errors(url: str, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert run(monkeypatch, "user", "disable", "nobody@example.com") == 1
    assert "no account with the email nobody@example.com" in capsys.readouterr().err
    add(monkeypatch, "staff@example.com", "staff")
    assert run(monkeypatch, "user", "disable", "staff@example.com") == 1
    assert "last enabled staff account" in capsys.readouterr().err


def test_wrong_usage_is_exit_2(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as raised:
        run(monkeypatch, "user", "add", "--role", "admin", "a@example.com")
    assert raised.value.code == 2


def cli(url: str, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-m", "ipready", *argv]
    return subprocess.run(
        command, check=False, input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )


def test_a_database_without_the_schema_is_a_message_not_a_traceback(tmp_path) -> None:
    done = cli(f"sqlite:///{tmp_path / 'new.db'}", "user", "list")
    assert done.returncode == 1
    assert "ipready db upgrade" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_installed_command_reads_the_password_from_stdin(db: str) -> None:
    done = cli(db, "user", "add", "--role", "staff", "first@example.com", "--password-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    with session_scope(db) as session:
        assert authenticate(session, "first@example.com", PASSWORD).ok
