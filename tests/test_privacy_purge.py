"""Abandoned drafts: `ipready db purge` and the app's once-a-day purge at start-up."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import func, select, update

from ipready.cli import main
from storage.db import session_scope
from storage.models import Assessment, utcnow
from storage.repository import create_assessment, import_bundled, latest_version
from tests.conftest import FIXTURES
from ui import bootstrap

pytest_plugins = ["tests.storage_fixtures"]


def drafts(url: str, *ages_in_days: int) -> None:
    with session_scope(url) as session:
        if latest_version(session, "mini") is None:
            import_bundled(session, [FIXTURES / "mini.yaml"])
        version = latest_version(session, "mini")
        assert version is not None
        for days in ages_in_days:
            draft, _ = create_assessment(session, version, language="en", consent=True)
            session.flush()
            session.execute(
                update(Assessment)
                .where(Assessment.id == draft.id)
                .values(updated_at=utcnow() - dt.timedelta(days=days))
            )


def stored(url: str) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(Assessment)) or 0


@pytest.fixture
def fresh_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bootstrap, "_purged_at", {})
    monkeypatch.delenv("IPREADY_DRAFT_RETENTION_DAYS", raising=False)


def test_the_command_counts_then_purges(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", db)
    monkeypatch.delenv("IPREADY_DRAFT_RETENTION_DAYS", raising=False)
    drafts(db, 200, 100, 10)

    assert main(["db", "purge", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("1 unfinished assessments unchanged for over 180 days would be")
    assert stored(db) == 3
    assert main(["db", "purge", "--days", "30"]) == 0
    assert capsys.readouterr().out.startswith("2 unfinished assessments unchanged for over 30 days deleted")
    assert stored(db) == 1


def test_the_command_follows_the_setting_and_refuses_nonsense(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", db)
    drafts(db, 400)
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", "off")
    assert main(["db", "purge"]) == 0
    assert "purging is off" in capsys.readouterr().out
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", "half a year")
    assert main(["db", "purge"]) == 1
    assert "IPREADY_DRAFT_RETENTION_DAYS must be a whole number" in capsys.readouterr().err
    assert main(["db", "purge", "--days", "0"]) == 2
    assert stored(db) == 1


def test_the_app_purges_at_most_once_a_day_per_process(db: str, fresh_clock: None) -> None:
    drafts(db, 181)
    assert bootstrap.purge_if_due(db, now=1000.0) == 1
    drafts(db, 181)
    assert bootstrap.purge_if_due(db, now=1000.0 + 3600) is None
    assert stored(db) == 1
    assert bootstrap.purge_if_due(db, now=1000.0 + bootstrap.PURGE_EVERY) == 1
    assert stored(db) == 0


def test_a_failed_purge_is_logged_and_start_up_goes_on(
    db: str, fresh_clock: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    drafts(db, 400)
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", "soon")
    with caplog.at_level(logging.WARNING, logger="ui.bootstrap"):
        assert bootstrap.purge_if_due(db, now=0.0) is None
    assert "purging abandoned drafts failed" in caplog.text
    assert stored(db) == 1


def test_start_up_purges(db: str, fresh_clock: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(FIXTURES / "mini.yaml"))
    drafts(db, 181, 1)
    assert bootstrap.start(db).ok
    assert stored(db) == 1


def test_start_up_survives_a_database_that_refuses_the_purge(
    db: str, fresh_clock: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("IPREADY_QUESTIONNAIRE", str(FIXTURES / "mini.yaml"))

    def refuse(*_args: object, **_kwargs: object) -> int:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("DELETE FROM assessments", {}, Exception("database is locked"))

    monkeypatch.setattr(bootstrap, "purge_abandoned_drafts", refuse)
    with caplog.at_level(logging.WARNING, logger="ui.bootstrap"):
        assert bootstrap.start(db).ok
    assert "database is locked" in caplog.text
