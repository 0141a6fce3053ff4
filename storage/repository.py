"""The repository API: every read and write of questionnaires, assessments and answers.

Functions take an open Session (see `storage.db.session_scope`) so that a caller can group
several steps in one transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Text, case, cast, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scoring.answers import Answers, AnswerValue, from_json_value, to_json_value
from scoring.loader import load_questionnaire_text
from scoring.model import Questionnaire
from scoring.versioning import version_key
from storage.models import Answer, Assessment, QuestionnaireVersion, SectionScore, Setting, utcnow

# Crockford's base32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 100 random bits
STATUSES = ("in_progress", "completed", "amended")


class StorageError(Exception):
    """A request the stored data cannot satisfy; the message is meant for people."""


class QuestionnaireConflict(StorageError):
    pass


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- questionnaire versions


@dataclass(frozen=True)
class ImportReport:
    imported: list[str]
    unchanged: list[str]
    questionnaire_ids: list[str]
    skipped: list[str] = field(default_factory=list)  # bundled files whose version number staff published first


def import_bundled(session: Session, files: list[Path], root: Path | None = None) -> ImportReport:
    """Store every bundled (id, version) not stored yet. A stored version whose file now differs is
    refused, and then nothing is stored: published wording must never change under existing assessments."""
    loaded: list[tuple[str, str, Questionnaire]] = []
    conflicts: list[str] = []
    skipped: list[str] = []
    ids: list[str] = []
    for file in sorted(files):
        text = file.read_text(encoding="utf-8")
        shown = str(file.relative_to(root)) if root and file.is_relative_to(root) else file.name
        questionnaire = load_questionnaire_text(text, shown)
        ids.append(questionnaire.id)
        stored = find_version(session, questionnaire.id, questionnaire.version)
        if stored is not None and stored.content_hash != content_hash(text):
            if stored.source == "staff":  # staff published this number first: theirs stays, the file is skipped
                skipped.append(_skipped_message(shown, questionnaire))
                continue
            conflicts.append(_conflict_message(shown, questionnaire))
        loaded.append((shown, text, questionnaire))
    if conflicts:
        raise QuestionnaireConflict("\n".join(conflicts))
    imported: list[str] = []
    unchanged: list[str] = []
    for shown, text, questionnaire in loaded:
        label = f"{questionnaire.id} {questionnaire.version}"
        if _store_version(session, questionnaire, text):
            imported.append(label)
            continue
        stored = find_version(session, questionnaire.id, questionnaire.version)
        if stored is None or stored.content_hash != content_hash(text):  # another process, another text
            raise QuestionnaireConflict(_conflict_message(shown, questionnaire))
        unchanged.append(label)
    return ImportReport(imported, unchanged, ids, skipped)


def _store_version(session: Session, questionnaire: Questionnaire, text: str) -> bool:
    """Store one version unless it is stored already (also by another process starting at the same time)."""
    if find_version(session, questionnaire.id, questionnaire.version) is not None:
        return False
    row = QuestionnaireVersion(
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        yaml_text=text,
        content_hash=content_hash(text),
        source="bundled",
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def _conflict_message(shown: str, questionnaire: Questionnaire) -> str:
    return (
        f"{shown}: questionnaire {questionnaire.id!r} version {questionnaire.version!r} is already stored "
        "with different content, and assessments may depend on its wording. Give the changed file a new "
        "`version` instead."
    )


def _skipped_message(shown: str, questionnaire: Questionnaire) -> str:
    return (
        f"{shown}: version {questionnaire.version!r} of {questionnaire.id!r} was already published by staff with "
        "other content; the staff version stays in use and this file is not stored. Give the file a higher "
        "`version` to ship it."
    )


def find_version(session: Session, questionnaire_id: str, version: str) -> QuestionnaireVersion | None:
    return session.scalar(
        select(QuestionnaireVersion).where(
            QuestionnaireVersion.questionnaire_id == questionnaire_id, QuestionnaireVersion.version == version
        )
    )


def latest_version(session: Session, questionnaire_id: str) -> QuestionnaireVersion | None:
    """The version new assessments use: the highest version number stored, whether it came bundled with a
    release or was published by staff (README, "Questionnaire versions")."""
    rows = session.scalars(
        select(QuestionnaireVersion).where(QuestionnaireVersion.questionnaire_id == questionnaire_id)
    )
    return max(rows, key=lambda row: version_key(row.version), default=None)


_parsed: dict[str, Questionnaire] = {}


def questionnaire_of(row: QuestionnaireVersion) -> Questionnaire:
    """The parsed model of a stored version (parsed once per process: stored text never changes)."""
    model = _parsed.get(row.content_hash)
    if model is None:
        model = load_questionnaire_text(row.yaml_text, f"{row.questionnaire_id} {row.version}")
        _parsed[row.content_hash] = model
    return model


# ---------------------------------------------------------------- resume codes


def new_resume_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    """The code as generated, from what people type: any case, spaces, any or no dashes, O/I/L for 0/1,
    and the full-width letters and digits of Chinese input methods."""
    folded = unicodedata.normalize("NFKC", code)
    kept = "".join(c for c in folded if not c.isspace() and unicodedata.category(c) != "Pd")
    return kept.upper().translate(_LOOK_ALIKES)


_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _digest_key(session: Session) -> bytes:
    """IPREADY_SECRET_KEY when set; else a random key kept in the database, shared by every process."""
    configured = os.environ.get("IPREADY_SECRET_KEY")
    if configured:
        return configured.encode("utf-8")
    row = session.get(Setting, "resume_key")
    if row is None:
        try:
            with session.begin_nested():
                session.add(Setting(key="resume_key", value=secrets.token_hex(32)))
        except IntegrityError:
            pass  # another process stored one first: use theirs
        row = session.get(Setting, "resume_key")
        assert row is not None
    return row.value.encode("utf-8")


def code_digest(session: Session, code: str) -> str:
    return hmac.new(_digest_key(session), normalise_code(code).encode("ascii", "ignore"), hashlib.sha256).hexdigest()


# ---------------------------------------------------------------- assessments


def create_assessment(
    session: Session,
    version: QuestionnaireVersion,
    *,
    language: str,
    consent: bool,
    benchmark_opt_in: bool = False,
    previous: Assessment | None = None,
) -> tuple[Assessment, str]:
    """A new assessment and its resume code (shown once; only its digest is stored)."""
    if not consent:
        raise StorageError("An assessment can only start once the privacy notice is accepted.")
    code = new_resume_code()
    assessment = Assessment(
        questionnaire_version_id=version.id,
        status="in_progress",
        language=language,
        consent_at=utcnow(),
        benchmark_opt_in=benchmark_opt_in,
        resume_digest=code_digest(session, code),
        previous_assessment_id=previous.id if previous else None,
        company_name=previous.company_name if previous else "",
    )
    session.add(assessment)
    session.flush()
    assessment.client_key = (previous.client_key or previous.id) if previous else assessment.id
    session.flush()
    return assessment, code


def find_by_code(session: Session, code: str) -> Assessment | None:
    """The assessment of a resume code, or None for a code that is wrong, short or malformed."""
    normal = normalise_code(code)
    if len(normal) != CODE_LENGTH or not set(normal) <= set(CODE_ALPHABET):
        return None
    return session.scalar(select(Assessment).where(Assessment.resume_digest == code_digest(session, code)))


def get_assessment(session: Session, assessment_id: int) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise StorageError("This assessment no longer exists.")
    return assessment


def update_assessment(session: Session, assessment_id: int, **fields: Any) -> Assessment:
    allowed = {"language", "company_name", "benchmark_opt_in", "current_section", "sector", "size_band", "region"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot update {sorted(unknown)}")
    assessment = get_assessment(session, assessment_id)
    for key, value in fields.items():
        setattr(assessment, key, value)
    session.flush()
    return assessment


def save_answer(session: Session, assessment_id: int, question_id: str, value: AnswerValue | None) -> None:
    """Store (or with None, clear) one answer at once. Changing a completed assessment marks it amended.

    Three small statements and no ORM loading: this runs on every click of a respondent."""
    if session.execute(select(Assessment.id).where(Assessment.id == assessment_id)).first() is None:
        raise StorageError("This assessment no longer exists.")
    now = utcnow()
    if value is None:
        changed = session.execute(
            delete(Answer).where(Answer.assessment_id == assessment_id, Answer.question_id == question_id)
        ).rowcount  # type: ignore[attr-defined]
    else:
        changed = _upsert_answer(session, assessment_id, question_id, to_json_value(value), now)
    if not changed:
        return
    session.execute(
        update(Assessment)
        .where(Assessment.id == assessment_id)
        .values(updated_at=now, status=case((Assessment.status == "completed", "amended"), else_=Assessment.status))
        .execution_options(synchronize_session=False)
    )
    loaded = session.identity_map.get(session.identity_key(Assessment, assessment_id))
    if loaded is not None:
        session.expire(loaded)  # status and updated_at changed behind the ORM's back


def _upsert_answer(session: Session, assessment_id: int, question_id: str, value: Any, now: Any) -> int:
    """Insert or update one answer in one statement; 0 when the stored value was already this one."""
    dialect = session.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        existing = session.get(Answer, (assessment_id, question_id))
        if existing is not None and existing.value == value:
            return 0
        session.merge(Answer(assessment_id=assessment_id, question_id=question_id, value=value, updated_at=now))
        session.flush()
        return 1
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    statement = insert(Answer).values(assessment_id=assessment_id, question_id=question_id, value=value, updated_at=now)
    statement = statement.on_conflict_do_update(
        index_elements=["assessment_id", "question_id"],
        set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at},
        # Compared as stored text: PostgreSQL's json type has no equality operator.
        where=cast(Answer.value, Text) != cast(statement.excluded.value, Text),
    )
    # RETURNING, not rowcount: psycopg reports -1 for an upsert. No row back: nothing was written.
    return len(session.execute(statement.returning(Answer.question_id)).all())


def answers_of(session: Session, assessment_id: int) -> Answers:
    rows = session.scalars(select(Answer).where(Answer.assessment_id == assessment_id))
    return {row.question_id: from_json_value(row.value) for row in rows}


def complete_assessment(session: Session, assessment_id: int, result: dict[str, Any]) -> Assessment:
    """Keep a snapshot of the result: later changes to questionnaires or code never alter it."""
    assessment = get_assessment(session, assessment_id)
    # A copy: the caller's dict may change later, and the stored snapshot must be plain JSON.
    assessment.result_snapshot = json.loads(json.dumps(result))
    assessment.status = "completed"
    # The same instant for both: "updated after completion" must mean answers changed since.
    assessment.completed_at = assessment.updated_at = utcnow()
    assessment.overall_score = result.get("overall")
    maturity = result.get("maturity") or {}
    assessment.maturity_level = maturity.get("level")
    profile = (result.get("meta") or {}).get("profile") or {}
    assessment.sector = profile.get("sector")
    assessment.size_band = profile.get("size_band")
    assessment.region = profile.get("region")
    _store_section_scores(session, assessment_id, result)
    session.flush()
    return assessment


def _store_section_scores(session: Session, assessment_id: int, result: dict[str, Any]) -> None:
    session.execute(delete(SectionScore).where(SectionScore.assessment_id == assessment_id))
    rows = [
        {"assessment_id": assessment_id, "section_id": section["id"], "score": float(section["score"])}
        for section in result.get("sections") or []
        if isinstance(section.get("score"), int | float)
    ]
    if rows:
        session.execute(insert(SectionScore), rows)


def previous_assessments(session: Session, assessment: Assessment) -> list[Assessment]:
    """The chain of earlier assessments this one was started from, newest first."""
    chain = []
    current = assessment
    seen = {assessment.id}
    while current.previous_assessment_id and current.previous_assessment_id not in seen:
        found = session.get(Assessment, current.previous_assessment_id)
        if found is None:
            break
        chain.append(found)
        seen.add(found.id)
        current = found
    return chain


def delete_assessment(session: Session, assessment_id: int) -> None:
    assessment = session.get(Assessment, assessment_id)
    if assessment is not None:
        session.delete(assessment)
        session.flush()
