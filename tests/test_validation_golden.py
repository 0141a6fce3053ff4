"""Golden files: each malformed questionnaire in tests/golden/ and the exact output of `ipready validate`.

`NN-name.expected` holds the output of `ipready validate NN-name.yaml` (run inside tests/golden/);
`NN-name.strict.expected`, where present, the output with `--strict`.

After a deliberate change of messages, regenerate with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_validation_golden.py
then read every changed line (`git diff tests/golden`) before committing: the files are the review.
To add a `--strict` expectation, create an empty `NN-name.strict.expected` first, then regenerate.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ipready.cli import main
from tests.conftest import ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(GOLDEN.glob("*.yaml"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
LINE = re.compile(r"^(?P<file>[\w.-]+\.yaml):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (error|warning): \S.*: \S.*$")


def expectation(case: Path, strict: bool) -> Path:
    return case.with_name(case.stem + (".strict.expected" if strict else ".expected"))


RUNS = [(case, False) for case in CASES] + [(case, True) for case in CASES if expectation(case, True).exists()]


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(GOLDEN)  # file names in the output stay relative, the same on every machine
    code = main(argv)
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("case", "strict"), RUNS, ids=[f"{c.stem}{'-strict' if s else ''}" for c, s in RUNS])
def test_golden_output(
    case: Path, strict: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_cli(["validate", *(["--strict"] if strict else []), case.name], capsys, monkeypatch)
    expected = expectation(case, strict)
    if UPDATE:
        expected.write_text(out, encoding="utf-8")
    assert out == expected.read_text(encoding="utf-8")
    lines = out.splitlines()
    assert lines, "a golden file must have at least one problem"
    for line in lines:
        match = LINE.match(line)
        assert match, f"not FILE:LINE:COL: severity: key.path: message -> {line}"
        assert match["file"] == case.name
    assert code == (1 if any(": error: " in line for line in lines) else 0)


def test_enough_golden_files_most_with_several_problems() -> None:
    assert len(CASES) >= 15
    several = [case for case in CASES if len(expectation(case, False).read_text(encoding="utf-8").splitlines()) > 1]
    assert len(several) > len(CASES) / 2
    assert any(expectation(case, True).exists() for case in CASES)


def test_every_expectation_has_its_questionnaire() -> None:
    names = {case.stem for case in CASES}
    for expected in GOLDEN.glob("*.expected"):
        assert expected.name.split(".")[0] in names, f"{expected.name} has no questionnaire"


def test_several_files_in_one_run_print_each_files_problems_in_turn() -> None:
    first, second = CASES[0], CASES[1]
    result = subprocess.run(
        [sys.executable, "-m", "ipready", "validate", first.name, second.name],
        cwd=GOLDEN,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""  # no traceback, no "valid" line
    expected = expectation(first, False).read_text(encoding="utf-8") + expectation(second, False).read_text(
        encoding="utf-8"
    )
    assert result.stdout == expected
