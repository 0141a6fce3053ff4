"""`ipready validate [--strict] FILE...`: exit 0 valid, 1 with one line per problem, 2 for wrong usage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipready.cli import main
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a valid file, a broken one and one with a missing translation."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "good.yaml")
    (tmp_path / "broken.yaml").write_text(MINI.replace("    weight: 2\n", "    weight: 0\n", 1), encoding="utf-8")
    untranslated = MINI.replace("{en: Strategy, zh-Hant: 策略, zh-Hans: 战略}", "{en: Strategy, zh-Hant: 策略}")
    (tmp_path / "untranslated.yaml").write_text(untranslated, encoding="utf-8")
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


BROKEN = "broken.yaml:27:13: error: sections[strategy].weight: must be greater than 0 (found 0)"
UNTRANSLATED = "untranslated.yaml:26:5: {severity}: sections[strategy].title: missing translation: zh-Hans"


@pytest.mark.usefixtures("folder")
def test_valid_file_exits_0_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "good.yaml"], capsys) == (0, [], "1 file valid\n")


@pytest.mark.usefixtures("folder")
def test_broken_file_exits_1_with_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "broken.yaml"], capsys) == (1, [BROKEN], "")


@pytest.mark.usefixtures("folder")
def test_several_files_report_each_and_fail_if_any_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["validate", "good.yaml", "broken.yaml", "untranslated.yaml", "good.yaml"], capsys)
    assert code == 1
    assert out == [BROKEN, UNTRANSLATED.format(severity="warning")]
    assert err == ""


@pytest.mark.usefixtures("folder")
def test_several_valid_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "good.yaml", "good.yaml"], capsys) == (0, [], "2 files valid\n")


@pytest.mark.usefixtures("folder")
def test_warnings_alone_pass_but_not_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    warning = UNTRANSLATED.format(severity="warning")
    assert run(["validate", "untranslated.yaml"], capsys) == (0, [warning], "1 file valid\n")
    error = UNTRANSLATED.format(severity="error")
    assert run(["validate", "--strict", "untranslated.yaml"], capsys) == (1, [error], "")
    assert run(["validate", "untranslated.yaml", "--strict"], capsys) == (1, [error], "")


@pytest.mark.usefixtures("folder")
def test_missing_file_and_folder_are_problems_with_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    Path("sub").mkdir()
    code, out, _ = run(["validate", "nowhere.yaml", "sub", "good.yaml"], capsys)
    assert code == 1
    assert out == [
        "nowhere.yaml:1:1: error: (top level): cannot read the file: No such file or directory",
        "sub:1:1: error: (top level): cannot read the file: Is a directory",
    ]


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["validate", "--strcit", "good.yaml"], [], ["valdate", "good.yaml"], ["validate", "-x"]],
    ids=["no-file", "misspelt-option", "no-command", "misspelt-command", "unknown-flag"],
)
@pytest.mark.usefixtures("folder")
def test_wrong_usage_exits_2_with_usage_on_stderr(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: ipready")


def test_unusable_yaml_is_exit_1_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bin.yaml").write_bytes(b"id: \xff\xfe\n")
    (tmp_path / "empty.yaml").write_bytes(b"")
    code, out, _ = run(["validate", str(tmp_path / "bin.yaml"), str(tmp_path / "empty.yaml")], capsys)
    assert code == 1
    assert out == [
        f"{tmp_path / 'bin.yaml'}:1:5: error: id: the file is not UTF-8 text; "
        "save it as UTF-8 (in Excel or Notepad: Save As, UTF-8)",
        f"{tmp_path / 'empty.yaml'}:1:1: error: (top level): the file is empty",
    ]
