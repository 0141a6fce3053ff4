"""An SME's own data: export everything stored about an assessment, delete it for good, and purge
drafts nobody came back to.

Deletion removes rows; every view (peer benchmarks, advisers' portfolios, the staff dashboard) reads only
existing rows, so a deleted assessment disappears from all of them at once.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, func, select
from sqlalchemy.orm import Session

from storage.models import Answer, Assessment, ClientNote, QuestionnaireVersion, SectionScore, Share, User, utcnow
from storage.repository import StorageError, get_assessment, previous_assessments

EXPORT_FORMAT = "ipready.export/1"
RETENTION_VARIABLE = "IPREADY_DRAFT_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 180


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- export


def export_data(session: Session, assessment_id: int) -> dict[str, Any]:
    """Everything stored about one assessment, as plain JSON values.

    Advisers it is shared with appear by display name only: their email addresses and private notes are
    the advisers' own data, not the SME's."""
    assessment = get_assessment(session, assessment_id)
    version = session.get(QuestionnaireVersion, assessment.questionnaire_version_id)
    answers = session.execute(
        select(Answer.question_id, Answer.value, Answer.updated_at)
        .where(Answer.assessment_id == assessment_id)
        .order_by(Answer.question_id)
    ).all()
    scores = session.execute(
        select(SectionScore.section_id, SectionScore.score)
        .where(SectionScore.assessment_id == assessment_id)
        .order_by(SectionScore.section_id)
    ).all()
    shares = session.execute(
        select(User.display_name, Share.created_at, Share.withdrawn_at)
        .join(User, User.id == Share.adviser_id)
        .where(Share.assessment_id == assessment_id)
        .order_by(Share.created_at, Share.id)
    ).all()
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _when(utcnow()),
        "assessment": {
            "id": assessment.id,
            "company_name": assessment.company_name,
            "language": assessment.language,
            "status": assessment.status,
            "consent_at": _when(assessment.consent_at),
            "benchmark_opt_in": assessment.benchmark_opt_in,
            "created_at": _when(assessment.created_at),
            "updated_at": _when(assessment.updated_at),
            "completed_at": _when(assessment.completed_at),
            "current_section": assessment.current_section,
            "profile": {"sector": assessment.sector, "size_band": assessment.size_band, "region": assessment.region},
            "overall_score": assessment.overall_score,
            "maturity_level": assessment.maturity_level,
            "previous_assessment_id": assessment.previous_assessment_id,
        },
        "questionnaire": {
            "id": version.questionnaire_id if version else None,
            "version": version.version if version else None,
        },
        # Values exactly as stored: the answers-file JSON form of each answer.
        "answers": {question: value for question, value, _ in answers},
        "answered_at": {question: _when(when) for question, _, when in answers},
        "result": assessment.result_snapshot,
        "section_scores": {section: score for section, score in scores},
        "shared_with": [
            {"adviser": name, "since": _when(since), "withdrawn_at": _when(withdrawn)}
            for name, since, withdrawn in shares
        ],
        "earlier_assessments": [
            {"id": earlier.id, "status": earlier.status, "created_at": _when(earlier.created_at)}
            for earlier in previous_assessments(session, assessment)
        ],
        "not_included": "Advisers' email addresses and private notes (their own data). The resume code "
        "itself is never stored, only a keyed digest of it.",
    }


def export_file_name(data: dict[str, Any]) -> str:
    """A safe file name for an export: letters, digits and dashes of the company name, then the id."""
    company = str(data["assessment"].get("company_name") or "")
    kept = "".join(c if c.isascii() and c.isalnum() else "-" for c in company).strip("-").lower()
    while "--" in kept:
        kept = kept.replace("--", "-")
    stem = f"ipready-data-{kept[:40].strip('-')}" if kept else "ipready-data"
    return f"{stem}-{data['assessment']['id']}.json"


# ---------------------------------------------------------------- deletion


def delete_for_good(session: Session, assessment_id: int, *, include_earlier: bool) -> int:
    """Delete an assessment (answers, section scores and shares go with it through the cascades), and with
    `include_earlier` the assessments it was started from. Returns how many assessments were deleted."""
    assessment = get_assessment(session, assessment_id)
    doomed = [assessment.id]
    if include_earlier:
        doomed += [earlier.id for earlier in previous_assessments(session, assessment)]
    return _delete(session, Assessment.id.in_(doomed))


def _delete(session: Session, condition: ColumnElement[bool]) -> int:
    client_keys = set(session.scalars(select(Assessment.client_key).where(condition)))
    # The database's cascades remove answers, section scores and shares; copies loaded in this session go.
    deleted = session.execute(delete(Assessment).where(condition)).rowcount  # type: ignore[attr-defined]
    _drop_notes_of_vanished_clients(session, {key for key in client_keys if key is not None})
    return int(deleted)


def _drop_notes_of_vanished_clients(session: Session, client_keys: set[int]) -> None:
    """Notes about a client none of whose assessments remain can never be shown again: they go too."""
    if not client_keys:
        return
    remaining = exists().where(Assessment.client_key == ClientNote.client_key)
    session.execute(delete(ClientNote).where(ClientNote.client_key.in_(client_keys), ~remaining))


# ---------------------------------------------------------------- abandoned drafts


def draft_retention() -> dt.timedelta | None:
    """How long an unfinished assessment is kept after its last change; None when purging is off.

    IPREADY_DRAFT_RETENTION_DAYS: whole days (default 180); 0 or "off" keeps drafts forever."""
    raw = os.environ.get(RETENTION_VARIABLE, "").strip().lower()
    if raw == "":
        return dt.timedelta(days=DEFAULT_RETENTION_DAYS)
    if raw == "off":
        return None
    try:
        days = int(raw)
    except ValueError:
        raise StorageError(f'{RETENTION_VARIABLE} must be a whole number of days or "off", not {raw!r}') from None
    if days < 0:
        raise StorageError(f"{RETENTION_VARIABLE} cannot be negative ({days})")
    return dt.timedelta(days=days) if days else None


def _abandoned(older_than: dt.timedelta, now: dt.datetime | None) -> ColumnElement[bool]:
    """Unfinished assessments last changed more than `older_than` ago. Completed and amended assessments
    never match, however old."""
    cutoff = (now or utcnow()) - older_than
    return and_(Assessment.status == "in_progress", Assessment.updated_at < cutoff)


def count_abandoned_drafts(session: Session, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
    return session.scalar(select(func.count()).select_from(Assessment).where(_abandoned(older_than, now))) or 0


def purge_abandoned_drafts(session: Session, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
    """Delete the abandoned drafts; returns how many. One statement with the condition in it, so a draft
    answered a moment ago by another process is not deleted."""
    return _delete(session, _abandoned(older_than, now))
