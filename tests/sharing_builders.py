"""Advisers, assessments and shares for the sharing, portfolio and adviser-page tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from scoring import load_questionnaire, score
from storage.models import Assessment, User
from storage.repository import (
    complete_assessment,
    create_assessment,
    find_version,
    import_bundled,
    save_answer,
    update_assessment,
)
from tests.conftest import FIXTURES

MINI_FILE = FIXTURES / "mini.yaml"
MINI = load_questionnaire(MINI_FILE)
ANSWERS: dict[str, Any] = {"does_rnd": "yes", "ip_policy": "informal", "budget": 20, "searches": 4}


def add_adviser(session: Session, name: str, *, disabled: bool = False, role: str = "adviser") -> int:
    user = User(email=f"{name.lower().replace(' ', '.')}@example.com", display_name=name, role=role, disabled=disabled)
    session.add(user)
    session.flush()
    return user.id


def mini_version(session: Session) -> Any:
    version = find_version(session, "mini", "1.10")
    if version is None:
        import_bundled(session, [Path(MINI_FILE)])
        version = find_version(session, "mini", "1.10")
    assert version is not None
    return version


def add_assessment(
    session: Session,
    company: str,
    *,
    complete: bool = True,
    answers: dict[str, Any] | None = None,
    previous: Assessment | None = None,
    **fields: Any,
) -> Assessment:
    assessment, _code = create_assessment(
        session, mini_version(session), language="en", consent=True, previous=previous
    )
    update_assessment(session, assessment.id, company_name=company, **fields)
    chosen = ANSWERS if answers is None else answers
    for question_id, value in chosen.items():
        save_answer(session, assessment.id, question_id, value)
    if complete:
        result = score(MINI, chosen, meta={"company": company, "language": "en", "date": "2026-03-02"}).to_dict()
        result.setdefault("meta", {})["profile"] = {
            key: fields[key] for key in ("sector", "size_band", "region") if fields.get(key)
        }
        complete_assessment(session, assessment.id, result)
    session.flush()
    return assessment
