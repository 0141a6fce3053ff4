"""JSON Schemas generated from the models: the questionnaire, the answers file and the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from scoring.answers import AnswersFile
from scoring.model import Questionnaire
from scoring.result_schema import ResultDoc

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str, str]] = {
    "questionnaires/schema.json": (Questionnaire, "IP Ready questionnaire", "ipready.questionnaire/1"),
    "scoring/schemas/answers.v1.schema.json": (AnswersFile, "IP Ready answers file", "ipready.answers/1"),
    "scoring/schemas/result.v1.schema.json": (ResultDoc, "IP Ready result", "ipready.result/1"),
}


def schema_for(model: type[BaseModel], title: str, schema_id: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **schema,
        "title": title,
    }


def rendered_schemas() -> dict[str, str]:
    """Relative path -> file text, exactly as written to disk."""
    return {
        path: json.dumps(schema_for(*spec), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for path, spec in SCHEMA_FILES.items()
    }


def write_schemas(root: Path = ROOT) -> list[Path]:
    written = []
    for relative, text in rendered_schemas().items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
