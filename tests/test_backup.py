"""`ipready db backup` / `ipready db restore`: every row comes back exactly, across SQLite and PostgreSQL,
and a restore refuses what would lose or mix data."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import select, text

from ipready.cli import main
from storage.backup import BackupError, backup, restore
from storage.db import get_engine, session_scope
from storage.migrate import upgrade
from storage.models import (
    Answer,
    Assessment,
    Base,
    ClientNote,
    Invitation,
    Setting,
    Share,
    User,
)
from storage.repository import (
    complete_assessment,
    create_assessment,
    find_by_code,
    import_bundled,
    latest_version,
)
from tests.conftest import FIXTURES
from tests.storage_support import BACKENDS, fresh_database

# Answer values that lose their exact form in careless hands (see tests/test_storage_migrations.py).
VALUES = {
    "text_no": "no",
    "text_octal": "010",
    "choices": ["a", "b"],
    "special": {"special": "dont_know"},
    "whole": 7,
    "big": 9007199254740993,
    "real": 0.30000000000000004,
    "long_real": 123456789.12345679,
    "chinese": "香港專利",
}
WHEN = dt.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=dt.UTC)
PAIRS = [
    pytest.param("sqlite", "sqlite", id="sqlite-to-sqlite"),
    pytest.param("sqlite", "postgresql", id="sqlite-to-postgresql", marks=pytest.mark.postgres),
    pytest.param("postgresql", "sqlite", id="postgresql-to-sqlite", marks=pytest.mark.postgres),
]


@pytest.fixture
def databases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ExitStack]:
    monkeypatch.delenv("IPREADY_SECRET_KEY", raising=False)  # the key must come from the backup
    with ExitStack() as stack:
        yield stack


def new_database(stack: ExitStack, backend: str, folder: Path) -> str:
    folder.mkdir()
    url = stack.enter_context(fresh_database(backend, folder))
    upgrade(url)
    return url


def seed(url: str) -> tuple[str, int]:
    """A bit of everything: a completed assessment with awkward answers, a draft re-assessment, an adviser
    with an invitation, a share and a note. Returns the re-assessment's resume code and the first id."""
    with session_scope(url) as session:
        import_bundled(session, [FIXTURES / "mini.yaml"])
        version = latest_version(session, "mini")
        assert version is not None
        first, _ = create_assessment(session, version, language="zh-Hant", consent=True, benchmark_opt_in=True)
        first.company_name = "香港科技有限公司"
        session.add_all(Answer(assessment_id=first.id, question_id=q, value=v) for q, v in VALUES.items())
        session.flush()
        complete_assessment(session, first.id, {"overall": 0.1 + 0.2, "sections": [{"id": "strategy", "score": 1 / 3}]})
        draft, code = create_assessment(session, version, language="en", consent=True, previous=first)
        draft.updated_at = WHEN
        kim = User(email="kim@example.com", display_name="Kim", role="adviser", password_hash="$argon2id$x")
        session.add(kim)
        session.flush()
        invitation = Invitation(adviser_id=kim.id, code_digest="c" * 64, label="Expo", expires_at=WHEN)
        session.add(invitation)
        session.flush()
        session.add(Share(assessment_id=first.id, adviser_id=kim.id, invitation_id=invitation.id, withdrawn_at=WHEN))
        session.add(ClientNote(adviser_id=kim.id, client_key=first.id, body="备注 — notes"))
        return code, first.id


def everything(url: str) -> dict[str, list[str]]:
    """Every row of every table, with the exact type of every value (7 and 7.0 differ)."""
    with get_engine(url).connect() as connection:
        return {
            table.name: [
                repr(tuple(row)) for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


@pytest.mark.parametrize(("source_backend", "target_backend"), PAIRS)
def test_a_restored_database_holds_exactly_the_backed_up_rows_and_the_resume_codes_still_work(
    databases: ExitStack, tmp_path: Path, source_backend: str, target_backend: str
) -> None:
    source = new_database(databases, source_backend, tmp_path / "source")
    target = new_database(databases, target_backend, tmp_path / "target")
    code, first_id = seed(source)
    file = tmp_path / "backup.jsonl.gz"

    made = backup(source, file)
    restored = restore(target, file)

    assert made.rows == restored.rows and made.rows["answers"] == len(VALUES)
    assert everything(target) == everything(source)
    with session_scope(target) as session:
        found = find_by_code(session, code)
        assert found is not None and found.previous_assessment_id == first_id
        stored = {
            a.question_id: a.value for a in session.scalars(select(Answer).where(Answer.assessment_id == first_id))
        }
        assert json.dumps(stored, sort_keys=True) == json.dumps(VALUES, sort_keys=True)
        assert session.get(Assessment, found.id).updated_at == WHEN  # type: ignore[union-attr]
        version = latest_version(session, "mini")
        assert version is not None
        # New rows get fresh ids: PostgreSQL's sequences were moved past the restored ids.
        fresh, _ = create_assessment(session, version, language="en", consent=True)
        session.add(User(email="new@example.com", role="staff"))
        session.flush()
        assert fresh.id > found.id


def test_a_snapshot_that_was_never_written_stays_sql_null(databases: ExitStack, tmp_path: Path) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    target = new_database(databases, "sqlite", tmp_path / "target")
    seed(source)
    backup(source, tmp_path / "b.gz")
    restore(target, tmp_path / "b.gz")
    with get_engine(target).connect() as connection:
        nulls = connection.execute(text("SELECT count(*) FROM assessments WHERE result_snapshot IS NULL")).scalar()
    assert nulls == 1


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_database_with_rows_is_replaced_only_with_force(databases: ExitStack, tmp_path: Path, backend: str) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    target = new_database(databases, backend, tmp_path / "target")
    seed(source)
    backup(source, tmp_path / "b.gz")
    with session_scope(target) as session:
        session.add(Setting(key="resume_key", value="the target's own key"))

    with pytest.raises(BackupError, match=r"not empty .*settings.*--force"):
        restore(target, tmp_path / "b.gz")
    with session_scope(target) as session:
        assert session.get(Setting, "resume_key").value == "the target's own key"  # type: ignore[union-attr]

    restore(target, tmp_path / "b.gz", force=True)
    assert everything(target) == everything(source)


def test_a_backup_of_another_schema_revision_is_refused(databases: ExitStack, tmp_path: Path) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    target = new_database(databases, "sqlite", tmp_path / "target")
    backup(source, tmp_path / "b.gz")
    lines = gzip.decompress((tmp_path / "b.gz").read_bytes()).decode().splitlines()
    header = json.loads(lines[0]) | {"revision": "0001"}
    (tmp_path / "old.gz").write_bytes(gzip.compress("\n".join([json.dumps(header), *lines[1:]]).encode()))

    with pytest.raises(BackupError, match="made at schema revision 0001, the database is at"):
        restore(target, tmp_path / "old.gz")


def test_a_database_that_was_never_upgraded_is_refused(databases: ExitStack, tmp_path: Path) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    (tmp_path / "bare").mkdir()
    bare = databases.enter_context(fresh_database("sqlite", tmp_path / "bare"))
    backup(source, tmp_path / "b.gz")
    with pytest.raises(BackupError, match="ipready db upgrade"):
        restore(bare, tmp_path / "b.gz")
    with pytest.raises(BackupError, match="ipready db upgrade"):
        backup(bare, tmp_path / "c.gz")
    assert not (tmp_path / "c.gz").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"plain text, not gzip", "damaged or not an IP Ready backup"),
        (gzip.compress(b'{"format": "something else"}\n'), "not an IP Ready backup"),
        (gzip.compress(b""), "not an IP Ready backup"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(
    databases: ExitStack, tmp_path: Path, content: bytes, message: str
) -> None:
    target = new_database(databases, "sqlite", tmp_path / "target")
    (tmp_path / "x.gz").write_bytes(content)
    with pytest.raises(BackupError, match=message):
        restore(target, tmp_path / "x.gz")


def test_a_cut_off_backup_restores_nothing(databases: ExitStack, tmp_path: Path) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    target = new_database(databases, "sqlite", tmp_path / "target")
    seed(source)
    backup(source, tmp_path / "b.gz")
    lines = gzip.decompress((tmp_path / "b.gz").read_bytes()).decode().splitlines()
    (tmp_path / "cut.gz").write_bytes(gzip.compress("\n".join(lines[:-3]).encode()))

    with pytest.raises(BackupError, match="incomplete"):
        restore(target, tmp_path / "cut.gz")
    assert all(not rows for rows in everything(target).values())


# ---------------------------------------------------------------- the commands


def test_the_commands_back_up_and_restore_through_database_url(
    databases: ExitStack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = new_database(databases, "sqlite", tmp_path / "source")
    target = new_database(databases, "sqlite", tmp_path / "target")
    code, _ = seed(source)
    file = tmp_path / "nightly.jsonl.gz"

    monkeypatch.setenv("DATABASE_URL", source)
    assert main(["db", "backup", "-o", str(file)]) == 0
    assert "written to" in capsys.readouterr().out
    monkeypatch.setenv("DATABASE_URL", target)
    assert main(["db", "restore", str(file)]) == 0
    assert "rows restored" in capsys.readouterr().out
    assert main(["db", "restore", str(file)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert main(["db", "restore", str(tmp_path / "missing.gz")]) == 1
    assert "cannot read" in capsys.readouterr().err
    with session_scope(target) as session:
        assert find_by_code(session, code) is not None
