"""Stored assessments for the benchmark and dashboard tests: completed with a given profile and scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from storage.models import Assessment, QuestionnaireVersion
from storage.repository import complete_assessment, create_assessment, find_version, import_bundled
from tests.conftest import FIXTURES

MAKER = {"sector": "manufacturing", "size_band": "small_10_49", "region": "hong_kong"}


def mini_version(session: Session, name: str = "mini.yaml", ident: str = "mini", version: str = "1.10") -> Any:
    import_bundled(session, [FIXTURES / name])
    found = find_version(session, ident, version)
    assert found is not None
    return found


def result(overall: float | None, sections: dict[str, float | None], profile: dict[str, str], level: int = 3) -> dict:
    """The parts of a result (ipready.result/1) that completion stores."""
    return {
        "overall": overall,
        "maturity": {"level": level},
        "meta": {"profile": profile},
        "sections": [{"id": section_id, "score": score} for section_id, score in sections.items()],
    }


def company(
    session: Session,
    version: QuestionnaireVersion,
    overall: float | None = 50.0,
    *,
    profile: dict[str, str] | None = None,
    sections: dict[str, float | None] | None = None,
    opt_in: bool = True,
    previous: Assessment | None = None,
    complete: bool = True,
    level: int = 3,
    when: dt.datetime | None = None,
    company_name: str = "",
) -> Assessment:
    """One assessment (a new company unless `previous` is given), completed unless `complete` is False."""
    assessment, _ = create_assessment(
        session, version, language="en", consent=True, benchmark_opt_in=opt_in, previous=previous
    )
    assessment.company_name = company_name
    if when is not None:
        assessment.created_at = when
    if complete:
        chosen = sections if sections is not None else {"strategy": overall, "patents": overall}
        complete_assessment(session, assessment.id, result(overall, chosen, profile or MAKER, level))
        if when is not None:
            assessment.completed_at = when
    session.flush()
    return assessment
