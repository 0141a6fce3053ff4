"""The storage layer on every backend (see tests/storage_support.py): migrations, questionnaire versions,
assessments and resume codes. Answers, completion and deletion: tests/test_storage_answers.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from storage import repository
from storage.db import get_engine, session_scope
from storage.migrate import current_revision, downgrade, head_revision, upgrade
from storage.models import Assessment, Base, QuestionnaireVersion, Setting
from storage.repository import (
    QuestionnaireConflict,
    StorageError,
    code_digest,
    create_assessment,
    find_by_code,
    find_version,
    import_bundled,
    latest_version,
    questionnaire_of,
)
from tests.conftest import FIXTURES
from tests.storage_support import TABLES, table_names

pytest_plugins = ["tests.storage_fixtures"]

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
CODE_SHAPE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")


def questionnaire_file(folder: Path, name: str, version: str = "1.10", title: str = "Mini check") -> Path:
    text = MINI.replace('version: "1.10"', f'version: "{version}"').replace("en: Mini check", f"en: {title}")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def stored_version(session: Session, tmp_path: Path) -> QuestionnaireVersion:
    import_bundled(session, [questionnaire_file(tmp_path, "mini.yaml")])
    found = find_version(session, "mini", "1.10")
    assert found is not None
    return found


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# ---------------------------------------------------------------- migrations


def test_upgrade_migrates_an_empty_database_and_a_second_upgrade_changes_nothing(empty_db: str) -> None:
    assert table_names(empty_db) == set()
    assert upgrade(empty_db) == head_revision() != ""
    assert table_names(empty_db) == TABLES | {"alembic_version"}
    with session_scope(empty_db) as session:
        session.add(Setting(key="kept", value="across upgrades"))
    assert upgrade(empty_db) == head_revision()
    with session_scope(empty_db) as session:
        assert session.get(Setting, "kept") is not None
        assert session.scalar(text("SELECT count(*) FROM alembic_version")) == 1


def test_migrated_schema_equals_the_models(db: str) -> None:
    with get_engine(db).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert current_revision(connection) == head_revision()


def test_every_migration_downgrades_and_upgrades_again(db: str) -> None:
    assert downgrade(db, "base") == ""
    assert table_names(db) == {"alembic_version"}
    assert upgrade(db) == head_revision()
    assert table_names(db) >= TABLES


# ---------------------------------------------------------------- questionnaire versions


def test_import_stores_each_version_once_and_is_idempotent(session: Session, tmp_path: Path) -> None:
    files = [questionnaire_file(tmp_path, "a.yaml"), questionnaire_file(tmp_path, "b.yaml", version="2.0")]
    first = import_bundled(session, files)
    assert sorted(first.imported) == ["mini 1.10", "mini 2.0"]
    assert first.unchanged == []
    again = import_bundled(session, [*files, files[0]])
    assert again.imported == []
    assert sorted(again.unchanged) == ["mini 1.10", "mini 1.10", "mini 2.0"]
    assert count(session, QuestionnaireVersion) == 2
    row = find_version(session, "mini", "2.0")
    assert row is not None
    assert row.yaml_text == files[1].read_text(encoding="utf-8")
    assert row.content_hash == repository.content_hash(row.yaml_text)
    assert questionnaire_of(row).version == "2.0"


def test_import_refuses_a_changed_file_with_the_same_version_and_stores_nothing(
    session: Session, tmp_path: Path
) -> None:
    import_bundled(session, [questionnaire_file(tmp_path, "mini.yaml")])
    (tmp_path / "bundle").mkdir()
    changed = questionnaire_file(tmp_path / "bundle", "changed.yaml", title="Mini check reworded")
    newer = questionnaire_file(tmp_path / "bundle", "newer.yaml", version="3.0")
    with pytest.raises(QuestionnaireConflict) as refused:
        import_bundled(session, [newer, changed], root=tmp_path)
    message = str(refused.value)
    assert "bundle/changed.yaml" in message
    assert "'1.10'" in message
    assert "new `version`" in message
    assert count(session, QuestionnaireVersion) == 1  # not even the unrelated new version
    stored = find_version(session, "mini", "1.10")
    assert stored is not None
    assert "reworded" not in stored.yaml_text


def test_latest_version_is_the_highest_version_number_whatever_the_order_stored(
    session: Session, tmp_path: Path
) -> None:
    assert latest_version(session, "mini") is None
    import_bundled(session, [questionnaire_file(tmp_path, "one.yaml", version="1.10")])
    import_bundled(session, [questionnaire_file(tmp_path, "two.yaml", version="1.9")])
    latest = latest_version(session, "mini")
    assert latest is not None
    assert latest.version == "1.10"
    assert latest_version(session, "other") is None
    assert find_version(session, "mini", "5") is None


# ---------------------------------------------------------------- assessments and resume codes


def test_an_assessment_needs_consent(session: Session, tmp_path: Path) -> None:
    version = stored_version(session, tmp_path)
    with pytest.raises(StorageError, match="privacy notice"):
        create_assessment(session, version, language="en", consent=False)
    assert count(session, Assessment) == 0


def test_create_stores_consent_time_opt_in_off_and_only_a_digest_of_the_code(db: str, tmp_path: Path) -> None:
    with session_scope(db) as session:
        version = stored_version(session, tmp_path)
        before = dt.datetime.now(dt.UTC)
        created, code = create_assessment(session, version, language="zh-Hant", consent=True)
        after = dt.datetime.now(dt.UTC)
        opted, _ = create_assessment(session, version, language="en", consent=True, benchmark_opt_in=True)
        ids = created.id, opted.id
    assert CODE_SHAPE.match(code)
    with session_scope(db) as session:
        stored = session.get(Assessment, ids[0])
        assert stored is not None
        assert before <= stored.consent_at <= after
        assert stored.consent_at.tzinfo is not None  # aware on SQLite too
        assert (stored.status, stored.language, stored.benchmark_opt_in) == ("in_progress", "zh-Hant", False)
        assert session.get(Assessment, ids[1]).benchmark_opt_in is True  # type: ignore[union-attr]
        assert re.fullmatch(r"[0-9a-f]{64}", stored.resume_digest)
        assert stored.resume_digest == code_digest(session, code)
        dumped = all_stored_text(session)
    for form in (code, code.replace("-", ""), code.lower(), code.replace("-", "").lower()):
        assert form not in dumped


def all_stored_text(session: Session) -> str:
    """Every value of every column of every table, as text."""
    tables = [*Base.metadata.sorted_tables]
    rows = [row for table in tables for row in session.execute(select(table)).all()]
    return "\n".join(str(value) for row in rows for value in row)


def test_find_by_code_forgives_how_people_type_it(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "new_resume_code", lambda: "0101-ABCD-EFGH-JKMN-PQRS")
    created, code = create_assessment(session, stored_version(session, tmp_path), language="en", consent=True)
    typed = [
        code,
        code.lower(),
        code.replace("-", ""),
        " 0101 abcd efgh\tjkmn pqrs ",
        "OIOL-ABCD-EFGH-JKMN-PQRS",  # O for 0, I and L for 1
        "oiol abcd-efgh jkmnpqrs",
        "０１０１－ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ－ＰＱＲＳ",  # full-width, as Chinese input methods type it
        "0101–ABCD–EFGH–JKMN–PQRS",  # en dashes from a word processor
    ]
    for attempt in typed:
        found = find_by_code(session, attempt)
        assert found is not None, attempt
        assert found.id == created.id


def test_find_by_code_returns_none_for_wrong_short_or_malformed_codes(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "new_resume_code", lambda: "0101-ABCD-EFGH-JKMN-PQRS")
    create_assessment(session, stored_version(session, tmp_path), language="en", consent=True)
    for attempt in [
        "0101-ABCD-EFGH-JKMN-PQRT",  # one character off
        "0101-ABCD-EFGH-JKMN-PQR",  # short
        "0101-ABCD-EFGH-JKMN-PQRS-0",  # long
        "0101-ABCD-EFGH-JKMN-PQRU",  # U is not in the alphabet
        "0101-ABCD-EFGH-JKMN-PQR!",
        "0101-ABCD-EFGH-JKMN-PQRé",
        "",
        "   ",
    ]:
        assert find_by_code(session, attempt) is None, attempt


def test_two_assessments_never_share_a_digest(session: Session, tmp_path: Path) -> None:
    version = stored_version(session, tmp_path)
    made = [create_assessment(session, version, language="en", consent=True) for _ in range(40)]
    assert len({code for _, code in made}) == 40
    assert len({assessment.resume_digest for assessment, _ in made}) == 40
    duplicate = {
        "questionnaire_version_id": version.id,
        "status": "in_progress",
        "language": "en",
        "company_name": "",
        "consent_at": dt.datetime.now(dt.UTC),
        "benchmark_opt_in": False,
        "resume_digest": made[0][0].resume_digest,
        "created_at": dt.datetime.now(dt.UTC),
        "updated_at": dt.datetime.now(dt.UTC),
    }
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(insert(Assessment).values(**duplicate))


def test_the_secret_key_setting_changes_the_digest(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = "0101-ABCD-EFGH-JKMN-PQRS"
    stored_key_digest = code_digest(session, code)
    monkeypatch.setenv("IPREADY_SECRET_KEY", "first key")
    first = code_digest(session, code)
    created, made = create_assessment(session, stored_version(session, tmp_path), language="en", consent=True)
    monkeypatch.setenv("IPREADY_SECRET_KEY", "second key")
    second = code_digest(session, code)
    assert len({stored_key_digest, first, second}) == 3
    assert find_by_code(session, made) is None
    monkeypatch.setenv("IPREADY_SECRET_KEY", "first key")
    assert find_by_code(session, made) is created
    monkeypatch.delenv("IPREADY_SECRET_KEY")
    assert code_digest(session, code) == stored_key_digest


def test_the_stored_key_is_shared_by_separate_engines(db: str, tmp_path: Path) -> None:
    """Two app processes: each its own engine and session, one key in the settings table."""
    engines = [create_engine(db, poolclass=NullPool) for _ in range(2)]
    try:
        with Session(engines[0]) as first:
            created, code = create_assessment(first, stored_version(first, tmp_path), language="en", consent=True)
            first.commit()
            created_id = created.id
        with Session(engines[1]) as second:
            found = find_by_code(second, code)
            assert found is not None
            assert found.id == created_id
            keys = second.scalars(select(Setting).where(Setting.key == "resume_key")).all()
            assert len(keys) == 1
            assert re.fullmatch(r"[0-9a-f]{64}", keys[0].value)
    finally:
        for engine in engines:
            engine.dispose()
