"""`ipready score`, `ipready sample-answers` and `ipready schema` on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ipready.cli import main
from scoring.schemas_export import ROOT, rendered_schemas, write_schemas

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORKED = str(FIXTURES / "worked.yaml")
MINI = str(FIXTURES / "mini.yaml")
WORKED_ANSWERS: dict[str, Any] = {
    "does_rnd": "no",
    "tm_registered": "hk",
    "tm_watch": {"special": "dont_know"},
    "brand_budget": 25,
    "nda_staff": "no",
    "access_control": 5,
    "cloud_policy": {"special": "not_applicable"},
    "searches": 4,
    "licensing": ["licence_out", "sell"],
}


def schema(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((ROOT / "scoring" / "schemas" / name).read_text(encoding="utf-8")))


def answers_file(tmp_path: Path, answers: dict[str, Any], questionnaire: str = "worked", version: str = "1.0") -> str:
    path = tmp_path / "answers.json"
    document = {"format": "ipready.answers/1", "questionnaire": {"id": questionnaire, "version": version}}
    path.write_text(json.dumps({**document, "answers": answers}), encoding="utf-8")
    return str(path)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- score


def test_score_prints_a_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["score", "-q", WORKED, "-a", answers_file(tmp_path, WORKED_ANSWERS)], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:6] == [
        "Overall: 52.50 / 100  (level 3: Developing)",
        "Incomplete: 89% of required questions answered; missing: ip_valuation",
        "  Brand protection: 47.50",
        "  Confidential information: 25.00  (capped at 25 by a critical answer)",
        "  Patents: hidden",
        "  Commercialisation: 90.00",
    ]
    assert "Don't know (worth finding out): tm_watch" in lines
    assert "Ignored (question not shown): searches" in lines
    assert lines[lines.index("Top actions:") + 1] == (
        "  - [high] Have every employee sign a confidentiality agreement (+18.75 points, quick win)"
    )


def test_score_json_is_the_result_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["score", "-q", WORKED, "-a", answers_file(tmp_path, WORKED_ANSWERS), "--json"], capsys)
    result = json.loads(out)
    assert code == 0
    assert list(schema("result.v1.schema.json").iter_errors(result)) == []
    assert result["overall"] == 52.5
    assert result["maturity"]["level"] == 3
    assert [(s["id"], s["score"]) for s in result["sections"]] == [
        ("profile", None),
        ("brand", 47.5),
        ("secrets", 25.0),
        ("patents", None),
        ("commercial", 90.0),
    ]
    assert [d["id"] for d in result["dimensions"]] == ["protection", "management", "exploitation"]
    assert result["recommendations"][0]["id"] == "sign_ndas"


def test_score_in_another_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = answers_file(tmp_path, {"does_rnd": "yes", "ip_policy": "written"}, "mini", "1.10")
    code, out, _ = run(["score", "-q", MINI, "-a", answers, "--lang", "zh-Hant"], capsys)
    assert code == 0
    assert "  策略: 100.00" in out.splitlines()


def test_bad_answers_give_one_line_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = {"tm_registered": "maybe", "nope": 1, "brand_budget": -3, "licensing": ["none", "sell"]}
    path = answers_file(tmp_path, answers)
    code, out, err = run(["score", "-q", WORKED, "-a", path], capsys)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{path}: error: answers.tm_registered: 'maybe' is not one of the answers ['hk', 'hk_mainland', 'none']",
        f"{path}: error: answers.nope: no question has this id in worked 1.0",
        f"{path}: error: answers.brand_budget: -3 is below the minimum 0",
        f"{path}: error: answers.licensing: 'none' cannot be combined with other answers",
    ]


def test_answers_for_another_questionnaire_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = answers_file(tmp_path, {}, questionnaire="mini")
    code, _, err = run(["score", "-q", WORKED, "-a", path], capsys)
    assert code == 1
    assert err == f"{path}: error: questionnaire: these answers are for 'mini', not 'worked'\n"


def test_answers_for_another_version_are_scored_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = answers_file(tmp_path, {"tm_registered": "hk"}, version="0.9")
    code, out, err = run(["score", "-q", WORKED, "-a", path], capsys)
    assert code == 0
    assert err == f"{path}: warning: these answers were given to version 0.9; scoring them with version 1.0\n"
    assert out.startswith("Overall: ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "{not json",
            "answers file: not valid JSON (Expecting property name enclosed in double quotes: line 1 column 2",
        ),
        ('{"answers": {}}', "answers file: questionnaire: Field required"),
        ("[" * 50_000, "answers file: nested too deeply"),
    ],
)
def test_unreadable_answers_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(["score", "-q", WORKED, "-a", str(path)], capsys)
    assert code == 1
    assert err.startswith(f"{path}: error: {message}")
    assert len(err.splitlines()) == 1


def test_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "none.json")
    assert run(["score", "-q", WORKED, "-a", missing], capsys)[2] == (
        f"{missing}: error: cannot read the file: No such file or directory\n"
    )
    code, out, err = run(["score", "-q", str(tmp_path / "q.yaml"), "-a", missing], capsys)
    assert (code, out) == (1, "")
    assert err.endswith("q.yaml:1:1: error: (top level): cannot read the file: No such file or directory\n")


def test_a_broken_questionnaire_is_reported_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nversion: '1'\nsections: []\n", encoding="utf-8")
    code, out, err = run(["score", "-q", str(broken), "-a", answers_file(tmp_path, {}), "--json"], capsys)
    assert (code, out) == (1, "")
    assert all(line.startswith(f"{broken}:") and ": error: " in line for line in err.splitlines())


def test_no_traceback_for_a_new_user(tmp_path: Path) -> None:
    path = answers_file(tmp_path, {"tm_registered": 7, "licensing": "sell"})
    done = subprocess.run(
        [sys.executable, "-m", "ipready", "score", "-q", WORKED, "-a", path],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 2


# ---------------------------------------------------------------- sample-answers


@pytest.mark.parametrize(("profile", "overall"), [("best", 100.0), ("worst", 0.0)])
@pytest.mark.parametrize("questionnaire", [WORKED, MINI])
def test_best_and_worst_samples_score_100_and_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: str, overall: float, questionnaire: str
) -> None:
    output = tmp_path / "sample.json"
    assert run(["sample-answers", "-q", questionnaire, "--profile", profile, "-o", str(output)], capsys)[0] == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert list(schema("answers.v1.schema.json").iter_errors(document)) == []
    code, out, _ = run(["score", "-q", questionnaire, "-a", str(output), "--json"], capsys)
    assert code == 0
    assert json.loads(out)["overall"] == overall


def test_random_samples_are_valid_and_repeatable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = []
    for seed in ("1", "1", "2"):
        code, out, _ = run(["sample-answers", "-q", WORKED, "--profile", "random", "--seed", seed], capsys)
        assert code == 0
        texts.append(json.loads(out))
        path = tmp_path / f"random{len(texts)}.json"
        path.write_text(out, encoding="utf-8")
        assert run(["score", "-q", WORKED, "-a", str(path)], capsys)[0] == 0
    assert list(schema("answers.v1.schema.json").iter_errors(texts[0])) == []
    assert texts[0] == texts[1]
    assert texts[0]["answers"] != texts[2]["answers"]


def test_sample_answers_to_an_unwritable_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "x.json"
    code, _, err = run(["sample-answers", "-q", WORKED, "-o", str(target)], capsys)
    assert code == 1
    assert err == f"ipready: error: {target}: No such file or directory\n"


# ---------------------------------------------------------------- schema


def test_schema_prints_every_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    for relative, text in rendered_schemas().items():
        assert f"# {relative}\n{text}" in out


def test_schemas_are_written_where_the_project_keeps_them(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(rendered_schemas())
    assert all(p.read_text(encoding="utf-8") == rendered_schemas()[p.relative_to(tmp_path).as_posix()] for p in written)
