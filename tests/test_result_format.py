"""The one result format: the answers file and the result JSON against their JSON Schemas."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from scoring import Questionnaire, Special, load_questionnaire, score
from scoring.answers import answers_file, parse_answers_file
from scoring.samples import sample_answers
from scoring.schemas_export import ROOT, rendered_schemas

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMAS = ROOT / "scoring" / "schemas"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


RESULT = validator("result.v1.schema.json")
ANSWERS = validator("answers.v1.schema.json")


def errors(checker: Draft202012Validator, document: Any) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in checker.iter_errors(document))


@pytest.fixture(scope="module")
def worked() -> Questionnaire:
    return load_questionnaire(FIXTURES / "worked.yaml", strict=True)


@pytest.fixture(scope="module")
def result_dict(worked: Questionnaire) -> dict[str, Any]:
    answers = {
        "does_rnd": "no",
        "tm_registered": "none",
        "tm_watch": Special.dont_know,
        "brand_budget": 2.5,
        "nda_staff": "no",
        "cloud_policy": Special.not_applicable,
        "searches": 3,
        "licensing": ["none"],
    }
    meta = {"company": "Example Trading Co.", "language": "en", "date": "2025-01-15"}
    # Through real JSON, as the CLI and the app see it.
    return json.loads(json.dumps(score(worked, answers, meta=meta).to_dict()))


# ---------------------------------------------------------------- documents that must pass


def test_a_result_validates_against_its_schema(result_dict: dict[str, Any]) -> None:
    assert errors(RESULT, result_dict) == []
    assert result_dict["format"] == "ipready.result/1"
    assert {"overall", "maturity", "sections", "dimensions", "recommendations"} <= set(result_dict)
    statuses = {q["status"] for q in result_dict["questions"]}
    assert statuses == {"unscored", "answered", "dont_know", "not_applicable", "hidden", "unanswered"}


@pytest.mark.parametrize("profile", ["best", "worst", "random"])
def test_results_of_sample_answers_validate(mini: Questionnaire, profile: str) -> None:
    for seed in range(5):
        result = score(mini, sample_answers(mini, profile, seed), language="zh-Hans")  # type: ignore[arg-type]
        assert errors(RESULT, json.loads(json.dumps(result.to_dict()))) == []


def test_an_empty_assessment_validates(mini: Questionnaire) -> None:
    document = score(mini, {}).to_dict()
    assert (document["overall"], document["maturity"]) == (None, None)
    assert errors(RESULT, document) == []


def test_an_answers_file_validates_and_reads_back(worked: Questionnaire) -> None:
    answers: dict[str, Any] = {"tm_watch": Special.dont_know, "cloud_policy": Special.not_applicable, "brand_budget": 7}
    document = answers_file(worked, answers, company="Example Trading Co.", date=dt.date(2025, 1, 15))
    text = json.dumps(document)
    assert errors(ANSWERS, json.loads(text)) == []
    assert parse_answers_file(text).values() == answers
    assert document["answers"]["tm_watch"] == {"special": "dont_know"}


# ---------------------------------------------------------------- documents that must fail


def broken(document: dict[str, Any], change: str) -> dict[str, Any]:
    bad = copy.deepcopy(document)
    if change == "extra top-level key":
        bad["colour"] = "red"
    elif change == "extra key in a section":
        bad["sections"][1]["note"] = "x"
    elif change == "overall 120":
        bad["overall"] = 120
    elif change == "negative section score":
        bad["sections"][1]["score"] = -1
    elif change == "section without id":
        del bad["sections"][1]["id"]
    elif change == "unknown status":
        bad["sections"][1]["status"] = "done"
    elif change == "wrong format":
        bad["format"] = "ipready.result/2"
    elif change == "unknown dimension":
        bad["dimensions"][0]["id"] = "marketing"
    elif change == "answer as a mapping":
        bad["questions"][1]["answer"] = {"value": "none"}
    elif change == "completion above 1":
        bad["completion"] = 1.5
    return bad


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("extra top-level key", [": additionalProperties"]),
        ("extra key in a section", ["sections/1: additionalProperties"]),
        ("overall 120", ["overall: anyOf"]),
        ("negative section score", ["sections/1/score: anyOf"]),
        ("section without id", ["sections/1: required"]),
        ("unknown status", ["sections/1/status: enum"]),
        ("wrong format", ["format: const"]),
        ("unknown dimension", ["dimensions/0/id: enum"]),
        ("answer as a mapping", ["questions/1/answer: anyOf"]),
        ("completion above 1", ["completion: maximum"]),
    ],
)
def test_the_result_schema_rejects_malformed_results(
    result_dict: dict[str, Any], change: str, expected: list[str]
) -> None:
    assert errors(RESULT, broken(result_dict, change)) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"x": {"special": "maybe"}}, ["answers/x: anyOf"]),
        ({"x": {"special": "dont_know", "why": "?"}}, ["answers/x: anyOf"]),
        ({"x": True}, ["answers/x: anyOf"]),
        ({"x": None}, ["answers/x: anyOf"]),
    ],
)
def test_the_answers_schema_rejects_malformed_answers(answers: dict[str, Any], expected: list[str]) -> None:
    document = {"format": "ipready.answers/1", "questionnaire": {"id": "q", "version": "1"}, "answers": answers}
    assert errors(ANSWERS, document) == expected


def test_the_answers_schema_rejects_extra_keys_and_a_wrong_format() -> None:
    document = {"format": "ipready.answers/0", "questionnaire": {"id": "q"}, "meta": {"colour": "red"}, "x": 1}
    assert errors(ANSWERS, document) == [
        ": additionalProperties",
        "format: const",
        "meta: additionalProperties",
        "questionnaire: required",
    ]


# ---------------------------------------------------------------- the committed schemas are current


@pytest.mark.parametrize("relative", sorted(rendered_schemas()))
def test_committed_schemas_match_the_models(relative: str) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8") if (ROOT / relative).exists() else ""
    assert committed == rendered_schemas()[relative], f"{relative} is stale: run `make schema` and commit the result"
