from pathlib import Path

from tests.architecture import violations


def test_layers_import_only_what_the_architecture_allows() -> None:
    assert violations() == []


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    (tmp_path / "scoring").mkdir()
    (tmp_path / "scoring" / "bad.py").write_text("import streamlit as st\nfrom storage.db import x\n")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "pdf.py").write_text("from scoring.engine import score\nimport sqlalchemy\n")
    assert violations(tmp_path) == [
        "scoring/bad.py:1: scoring must not import streamlit",
        "scoring/bad.py:2: scoring must not import storage",
        "reports/pdf.py:2: reports must not import sqlalchemy",
    ]
