"""Upgrades never lose stored assessments: data written at each older revision survives the way to head."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from storage.db import get_engine, session_scope
from storage.migrate import head_revision, migration_connection, upgrade
from storage.repository import answers_of, content_hash, get_assessment
from tests.conftest import FIXTURES
from tests.storage_support import fresh_database

pytest_plugins = ["tests.storage_fixtures"]

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
# Raw JSON texts as the app stored them at revision 0001, and what each must read back as.
ANSWERS = {
    "text_no": ('"no"', "no"),
    "text_octal": ('"010"', "010"),
    "choices": ('["a", "b"]', ["a", "b"]),
    "special": ('{"special": "dont_know"}', "dont_know"),
    "whole": ("7", 7),
    "big": ("9007199254740993", 9007199254740993),
    "real": ("0.30000000000000004", 0.30000000000000004),
    "long_real": ("123456789.12345679", 123456789.12345679),
}


def seed_revision_0001(url: str) -> int:
    """One questionnaire version, one completed assessment with answers, the resume key: plain SQL of 0001."""
    now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    with get_engine(url).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO questionnaire_versions (questionnaire_id, version, yaml_text, content_hash, source,"
                " created_at) VALUES ('mini', '1.10', :yaml, :hash, 'bundled', :now)"
            ),
            {"yaml": MINI, "hash": content_hash(MINI), "now": now},
        )
        connection.execute(text("INSERT INTO settings (key, value) VALUES ('resume_key', 'abc')"))
        connection.execute(
            text(
                "INSERT INTO assessments (questionnaire_version_id, status, language, company_name, consent_at,"
                " benchmark_opt_in, resume_digest, result_snapshot, overall_score, created_at, updated_at,"
                " completed_at) SELECT id, 'completed', 'zh-Hant', 'Acme', :now, true, :digest, :snapshot, 42.5,"
                " :now, :now, :now FROM questionnaire_versions"
            ),
            {"now": now, "digest": "d" * 64, "snapshot": json.dumps({"overall": 42.5})},
        )
        assessment_id = int(connection.execute(text("SELECT id FROM assessments")).scalar_one())
        for question, (raw, _) in ANSWERS.items():
            connection.execute(
                text("INSERT INTO answers (assessment_id, question_id, value, updated_at) VALUES (:a, :q, :v, :now)"),
                {"a": assessment_id, "q": question, "v": raw, "now": now},
            )
    return assessment_id


def test_an_assessment_stored_at_revision_0001_survives_the_upgrade_to_head(empty_db: str) -> None:
    assert upgrade(empty_db, "0001") == "0001"
    assessment_id = seed_revision_0001(empty_db)
    assert upgrade(empty_db) == head_revision()
    with session_scope(empty_db) as session:
        assessment = get_assessment(session, assessment_id)
        assert (assessment.status, assessment.language, assessment.company_name) == ("completed", "zh-Hant", "Acme")
        assert assessment.result_snapshot == {"overall": 42.5}
        assert assessment.completed_at == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        assert assessment.questionnaire_version.yaml_text == MINI
        back = answers_of(session, assessment_id)
    assert back == {question: expected for question, (_, expected) in ANSWERS.items()}


def test_rebuilding_a_parent_table_while_migrating_keeps_the_child_rows(tmp_path: Path) -> None:
    """SQLite alone alters a table by copying it and dropping the old one; with foreign keys on, that drop
    would cascade to every answer. The migration connection turns them off, and back on afterwards."""
    with fresh_database("sqlite", tmp_path) as db:
        upgrade(db, "0001")
        assessment_id = seed_revision_0001(db)
        upgrade(db)
        rebuild_assessments(db)
        with session_scope(db) as session:
            assert len(answers_of(session, assessment_id)) == len(ANSWERS)
            assert session.scalar(text("PRAGMA foreign_keys")) == 1  # pooled connections enforce them again


def rebuild_assessments(db: str) -> None:
    with migration_connection(db) as connection:
        operations = Operations(MigrationContext.configure(connection, opts={"render_as_batch": True}))
        with operations.batch_alter_table("assessments", recreate="always"):
            pass
        connection.commit()
