"""`ipready questionnaire list|export|import` against a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipready.cli import main
from storage.db import session_scope
from storage.models import User
from storage.repository import import_bundled, latest_version
from tests.conftest import FIXTURES

pytest_plugins = ["tests.storage_fixtures"]

MINI_FILE = FIXTURES / "mini.yaml"
MINI = MINI_FILE.read_text(encoding="utf-8")


@pytest.fixture
def stored(db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", db)
    with session_scope(db) as session:
        import_bundled(session, [MINI_FILE])
        session.add(User(email="staff@example.com", display_name="Staff", role="staff"))
        session.add(User(email="adviser@example.com", display_name="Adviser", role="adviser"))
    return db


def test_export_writes_the_stored_text_exactly(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    assert main(["questionnaire", "export", "-o", str(out)]) == 0
    assert out.read_bytes() == MINI.encode("utf-8")


def test_import_publishes_a_valid_file_with_a_higher_version(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "mini-1.11.yaml"
    new.write_text(MINI.replace('version: "1.10"', 'version: "1.11"'), encoding="utf-8")
    assert main(["questionnaire", "import", str(new), "--note", "Clearer wording", "--by", "staff@example.com"]) == 0
    with session_scope(stored) as session:
        assert latest_version(session, "mini").version == "1.11"  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["questionnaire", "list"]) == 0
    listing = capsys.readouterr().out
    assert "* 1.11" in listing and "staff@example.com" in listing and "Clearer wording" in listing
    assert "  1.10" in listing


def test_import_of_a_broken_file_names_file_line_and_key_and_publishes_nothing(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI.replace('version: "1.10"', 'version: "1.11"').replace("weight: 2\n", "wieght: 2\n", 1))
    assert main(["questionnaire", "import", str(broken)]) == 1
    err = capsys.readouterr().err
    line = MINI.splitlines().index("    weight: 2") + 1
    assert f"{broken}:{line}:" in err and "wieght" in err
    with session_scope(stored) as session:
        assert latest_version(session, "mini").version == "1.10"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["questionnaire", "import", "SAME", "--by", "adviser@example.com"], "not a staff account"),
        (["questionnaire", "import", "SAME"], "higher than '1.10'"),
        (["questionnaire", "export", "--version", "9"], "no version '9'"),
        (["questionnaire", "list", "--id", "nope"], "no questionnaire 'nope'"),
        (["questionnaire", "import", "MISSING"], "MISSING"),
    ],
)
def test_refusals_say_why_without_a_traceback(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    same = tmp_path / "same.yaml"
    same.write_text(MINI, encoding="utf-8")
    argv = [str(same) if a == "SAME" else str(tmp_path / "missing.yaml") if a == "MISSING" else a for a in argv]
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert message.replace("MISSING", "missing.yaml") in err and "Traceback" not in err
