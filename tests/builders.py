"""Small questionnaires written inline in tests, validated by the real loader."""

from __future__ import annotations

from typing import Any

import yaml

from scoring import Questionnaire, load_questionnaire_text

T = {"en": "t"}
THRESHOLDS = (0, 20, 40, 60, 80)


def text(en: str) -> dict[str, str]:
    return {"en": en}


def levels(thresholds: tuple[float, ...] = THRESHOLDS) -> list[dict[str, Any]]:
    return [
        {"level": i + 1, "min_score": m, "name": text(f"Level {i + 1}"), "description": T}
        for i, m in enumerate(thresholds)
    ]


def questionnaire(
    *sections: dict[str, Any],
    recommendations: list[dict[str, Any]] | None = None,
    services: list[dict[str, Any]] | None = None,
    qid: str = "q",
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": qid,
        "version": "1",
        "languages": ["en"],
        "title": T,
        "maturity_levels": levels(),
        "sections": list(sections),
    }
    if recommendations:
        data["recommendations"] = recommendations
    if services:
        data["services"] = services
    return data


def load(data: dict[str, Any]) -> Questionnaire:
    return load_questionnaire_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "<test>")


def section(sid: str, *questions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": sid, "title": text(sid), **extra, "questions": list(questions)}


def _question(qid: str, kind: str, extra: dict[str, Any]) -> dict[str, Any]:
    base: dict[str, Any] = {"id": qid, "kind": kind, "text": text(qid)}
    if extra.get("scored", True) and kind != "text":
        base["dimension"] = "management"
    base.update(extra)
    return base


def single(qid: str, scores: dict[str, float], **extra: Any) -> dict[str, Any]:
    options = [{"value": v, "score": s, "label": text(v)} for v, s in scores.items()]
    return _question(qid, "single_choice", {"options": options, **extra})


def multi(qid: str, scores: dict[str, float], exclusive: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    options = [
        {"value": v, "score": s, "label": text(v), **({"exclusive": True} if v in exclusive else {})}
        for v, s in scores.items()
    ]
    return _question(qid, "multiple_choice", {"options": options, **extra})


def yes_no(qid: str, **extra: Any) -> dict[str, Any]:
    return _question(qid, "yes_no", extra)


def scale(qid: str, low: int = 1, high: int = 5, **extra: Any) -> dict[str, Any]:
    return _question(qid, "scale", {"min": low, "max": high, **extra})


def number(qid: str, bands: list[tuple[float, float]], **extra: Any) -> dict[str, Any]:
    return _question(qid, "number", {"bands": [{"at_least": a, "score": s} for a, s in bands], **extra})


def advice(aid: str, priority: str = "medium", effort: str = "medium", **trigger: Any) -> dict[str, Any]:
    return {"id": aid, **trigger, "priority": priority, "effort": effort, "title": text(aid), "action": T}


def recommendation(rid: str, priority: str = "medium", effort: str = "medium", **trigger: Any) -> dict[str, Any]:
    return {"id": rid, **trigger, "priority": priority, "effort": effort, "title": text(rid), "action": T}
