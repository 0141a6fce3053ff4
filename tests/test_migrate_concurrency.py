"""Several app processes starting at once: real OS processes, released together, against a fresh database.
Also what `ipready db upgrade` prints (the revision; never a password)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.pool import NullPool

from storage.db import session_scope
from storage.migrate import head_revision
from storage.models import Base, QuestionnaireVersion, Setting
from storage.repository import find_by_code
from tests.conftest import FIXTURES, ROOT
from tests.storage_support import TABLES, fresh_database, table_names

pytest_plugins = ["tests.storage_fixtures"]

PROCESSES = 4
# Each child announces it is ready, then waits for the go file, so that all start their work together.
BARRIER = """
import pathlib, sys, time
ready, go = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
ready.touch()
deadline = time.monotonic() + 120
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.002)
"""
UPGRADE = (
    BARRIER
    + """
from ipready.cli import main
sys.exit(main(["db", "upgrade"]))
"""
)
# An app process's first steps on a migrated database, released together: the bundled questionnaire, then
# an assessment (whose code needs the resume key, created by whichever process comes first).
FIRST_START = (
    "from storage.migrate import upgrade\nupgrade()\n"
    + BARRIER
    + """
from storage.db import session_scope
from storage.repository import create_assessment, import_bundled, latest_version
with session_scope() as session:
    import_bundled(session, [pathlib.Path(sys.argv[3])])
    _, code = create_assessment(session, latest_version(session, "mini"), language="en", consent=True)
print(code)
"""
)


def run_together(code: str, url: str, folder: Path, *extra: str) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    env.pop("IPREADY_SECRET_KEY", None)
    go = folder / "go"
    children = []
    for index in range(PROCESSES):
        ready = folder / f"ready{index}"
        args = [sys.executable, "-c", code, str(ready), str(go), *extra]
        children.append((ready, subprocess.Popen(args, env=env, cwd=ROOT, text=True, stdout=-1, stderr=-1)))
    for ready, child in children:
        while not ready.exists() and child.poll() is None:
            time.sleep(0.01)
    go.touch()
    results = []
    for _, child in children:
        stdout, stderr = child.communicate(timeout=180)
        results.append(subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr))
    return results


def test_simultaneous_upgrades_all_succeed_and_migrate_once(empty_db: str, tmp_path: Path) -> None:
    results = run_together(UPGRADE, empty_db, tmp_path)
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith(f"at schema revision {head_revision()}"), result.stdout
        assert "Traceback" not in result.stderr
    assert table_names(empty_db) == TABLES | {"alembic_version"}
    engine = create_engine(empty_db, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
                head_revision()
            ]
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_simultaneous_first_starts_share_one_questionnaire_row_and_one_resume_key(
    empty_db: str, tmp_path: Path
) -> None:
    results = run_together(FIRST_START, empty_db, tmp_path, str(FIXTURES / "mini.yaml"))
    for result in results:
        assert result.returncode == 0, result.stderr
    codes = [result.stdout.strip() for result in results]
    assert len(set(codes)) == PROCESSES
    with session_scope(empty_db) as session:
        assert session.scalar(select(func.count()).select_from(QuestionnaireVersion)) == 1
        assert session.scalar(select(func.count()).select_from(Setting)) == 1
        found = [find_by_code(session, code) for code in codes]
        assert all(found), codes
        assert len({assessment.id for assessment in found if assessment}) == PROCESSES


# ---------------------------------------------------------------- what `ipready db upgrade` prints


def ipready(url: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("ipready")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "ipready"]
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([*command, "db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True, check=False)


def test_upgrade_prints_the_revision(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path) as url:
        first, again = ipready(url), ipready(url)
    for result in (first, again):
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"database {url} at schema revision {head_revision()}\n"
        assert result.stderr == ""


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://ipready:Sw0rdf1sh-Secret@127.0.0.1:9/ipready",
        "postgresql+psycopg://ipready@127.0.0.1:9/ipready?password=Sw0rdf1sh-Secret",
        "postgresql+psycopg://ipready:Sw0rdf1sh-Secret@127.0.0.1:notaport/ipready",
    ],
    ids=["in-url", "in-query", "unparsable"],
)
def test_an_unreachable_database_gives_one_line_without_the_password(url: str) -> None:
    result = ipready(url)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ipready db upgrade: cannot update the database at ")
    assert "Traceback" not in result.stderr
    assert "Sw0rdf1sh" not in result.stderr


@pytest.mark.postgres
def test_a_password_accepted_by_the_server_is_not_printed_either(tmp_path: Path) -> None:
    with fresh_database("postgresql", tmp_path) as url:
        # The test server trusts local connections (as in CI), so any password in the URL is accepted.
        with_password = make_url(url).set(password="Sw0rdf1sh-Secret").render_as_string(hide_password=False)
        result = ipready(with_password)
    assert result.returncode == 0, result.stderr
    assert f"at schema revision {head_revision()}" in result.stdout
    assert "Sw0rdf1sh" not in result.stdout + result.stderr
    assert ":***@" in result.stdout
