"""Staff's questionnaire work: drafts (saved with optimistic locking), publishing, rolling back, history.

Published versions never change: assessments keep the version they were answered against. New assessments
use the current version, the one with the highest version number (see `scoring.versioning` and README,
"Questionnaire versions").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from scoring.answers import AnswersError, from_json_value, profile_of
from scoring.engine import score
from scoring.impact import Impact, compare
from scoring.loader import validate_questionnaire_text
from scoring.mapping import map_answers
from scoring.model import Questionnaire
from scoring.problems import Problem
from scoring.versioning import is_newer, version_key, with_version
from storage.models import Answer, Assessment, QuestionnaireDraft, QuestionnaireVersion, User, utcnow
from storage.repository import StorageError, content_hash, find_version, questionnaire_of

MAX_TEXT = 2_000_000  # the loader's own limit; a bigger paste is refused before it is stored


class PublishRefused(StorageError):
    """A draft that cannot be published; `problems` holds the questionnaire's errors when that is why."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class SaveOutcome:
    """A save either went through, or found that someone else saved first. Then nothing is overwritten:
    the other person's text stays in the draft and this text is kept as a new draft, `conflict_copy`."""

    draft: QuestionnaireDraft
    conflict_copy: QuestionnaireDraft | None = None

    @property
    def saved(self) -> bool:
        return self.conflict_copy is None


@dataclass(frozen=True)
class VersionRow:
    id: int
    version: str
    source: str
    published_at: dt.datetime
    published_by: str
    note: str
    assessments: int
    current: bool


def validate(text: str, file: str = "draft.yaml") -> tuple[Questionnaire | None, list[Problem]]:
    """The same validation as `ipready validate`: every error and warning with line and key path."""
    if len(text) > MAX_TEXT:
        return None, [Problem(file, 1, 1, "error", "", f"the text is longer than {MAX_TEXT:,} characters")]
    return validate_questionnaire_text(text, file)


# ---------------------------------------------------------------- versions


def versions(session: Session, questionnaire_id: str) -> list[QuestionnaireVersion]:
    """Every stored version, current (highest version number) first."""
    rows = session.scalars(
        select(QuestionnaireVersion).where(QuestionnaireVersion.questionnaire_id == questionnaire_id)
    )
    return sorted(rows, key=lambda row: version_key(row.version), reverse=True)


def version_text(session: Session, version_id: int) -> str:
    row = session.get(QuestionnaireVersion, version_id)
    if row is None:
        raise StorageError("That version does not exist.")
    return row.yaml_text


def current_version(session: Session, questionnaire_id: str) -> QuestionnaireVersion | None:
    found = versions(session, questionnaire_id)
    return found[0] if found else None


def history(session: Session, questionnaire_id: str) -> list[VersionRow]:
    counts = dict(
        session.execute(
            select(Assessment.questionnaire_version_id, func.count()).group_by(Assessment.questionnaire_version_id)
        ).all()
    )
    emails = user_emails(session)
    rows = versions(session, questionnaire_id)
    return [
        VersionRow(
            row.id,
            row.version,
            row.source,
            row.created_at,
            emails.get(row.published_by_id, "") if row.published_by_id else "",
            row.note,
            counts.get(row.id, 0),
            index == 0,
        )
        for index, row in enumerate(rows)
    ]


def user_emails(session: Session) -> dict[int, str]:
    """Who saved or published what, for the editor's lists."""
    return {user_id: email for user_id, email in session.execute(select(User.id, User.email))}


def questionnaire_ids(session: Session) -> list[str]:
    return list(session.scalars(select(QuestionnaireVersion.questionnaire_id).distinct().order_by("questionnaire_id")))


# ---------------------------------------------------------------- drafts


def drafts(session: Session, questionnaire_id: str) -> list[QuestionnaireDraft]:
    return list(
        session.scalars(
            select(QuestionnaireDraft)
            .where(QuestionnaireDraft.questionnaire_id == questionnaire_id)
            .order_by(QuestionnaireDraft.updated_at.desc(), QuestionnaireDraft.id.desc())
        )
    )


def find_draft(session: Session, draft_id: int) -> QuestionnaireDraft | None:
    return session.get(QuestionnaireDraft, draft_id)


def get_draft(session: Session, draft_id: int) -> QuestionnaireDraft:
    draft = find_draft(session, draft_id)
    if draft is None:
        raise StorageError("This draft no longer exists (it was published or deleted).")
    return draft


def start_draft(
    session: Session, questionnaire_id: str, user_id: int | None, *, text: str | None = None, label: str = ""
) -> QuestionnaireDraft:
    """A new draft from `text`, or from the current version's text."""
    base = current_version(session, questionnaire_id)
    if text is None:
        if base is None:
            raise StorageError(f"No version of questionnaire {questionnaire_id!r} is stored.")
        text = base.yaml_text
    _check_size(text)
    now = utcnow()
    draft = QuestionnaireDraft(
        questionnaire_id=questionnaire_id,
        label=label[:200],
        yaml_text=text,
        base_version_id=base.id if base else None,
        revision=1,
        updated_by_id=user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(draft)
    session.flush()
    return draft


def save_draft(session: Session, draft_id: int, expected_revision: int, text: str, user_id: int | None) -> SaveOutcome:
    """Save `text` if the draft is still at `expected_revision` (the one this editor loaded). One UPDATE
    with the revision in its WHERE clause: two saves at the same moment cannot both pass."""
    _check_size(text)
    now = utcnow()
    changed = session.execute(
        update(QuestionnaireDraft)
        .where(QuestionnaireDraft.id == draft_id, QuestionnaireDraft.revision == expected_revision)
        .values(yaml_text=text, revision=QuestionnaireDraft.revision + 1, updated_by_id=user_id, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    draft = get_draft(session, draft_id)
    session.refresh(draft)
    if changed:
        return SaveOutcome(draft)
    copy = start_draft(session, draft.questionnaire_id, user_id, text=text, label=f"Conflict copy of draft {draft.id}")
    return SaveOutcome(draft, conflict_copy=copy)


def delete_draft(session: Session, draft_id: int) -> None:
    session.delete(get_draft(session, draft_id))
    session.flush()


def _check_size(text: str) -> None:
    if len(text) > MAX_TEXT:
        raise StorageError(f"The questionnaire text is longer than {MAX_TEXT:,} characters.")


# ---------------------------------------------------------------- publishing


def publish_text(
    session: Session, questionnaire_id: str, text: str, user_id: int | None, note: str = "", *, file: str = "draft.yaml"
) -> QuestionnaireVersion:
    """Store `text` as a new published version. Refused when it has errors, is another questionnaire,
    or its version number is not higher than every stored one."""
    questionnaire, problems = validate(text, file)
    errors = [p for p in problems if p.severity == "error"]
    if questionnaire is None or errors:
        raise PublishRefused("The draft has errors; fix them before publishing.", errors)
    if questionnaire.id != questionnaire_id:
        raise PublishRefused(
            f"The draft's id is {questionnaire.id!r}, but it edits {questionnaire_id!r}; keep the id unchanged."
        )
    latest = current_version(session, questionnaire_id)
    if find_version(session, questionnaire_id, questionnaire.version) is not None or (
        latest is not None and not is_newer(questionnaire.version, latest.version)
    ):
        shown = latest.version if latest else questionnaire.version
        raise PublishRefused(
            f"Version {questionnaire.version!r} is not new: give the draft a `version` higher than {shown!r}."
        )
    row = QuestionnaireVersion(
        questionnaire_id=questionnaire_id,
        version=questionnaire.version,
        yaml_text=text,
        content_hash=content_hash(text),
        source="staff",
        published_by_id=user_id,
        note=note[:2000],
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def publish_draft(
    session: Session, draft_id: int, expected_revision: int, user_id: int | None, note: str = ""
) -> QuestionnaireVersion:
    """Publish exactly the text this editor saw (the revision must still be current); the draft goes."""
    draft = get_draft(session, draft_id)
    if draft.revision != expected_revision:
        raise PublishRefused("Someone saved this draft after you opened it: reload it and check before publishing.")
    row = publish_text(session, draft.questionnaire_id, draft.yaml_text, user_id, note)
    session.delete(draft)
    session.flush()
    return row


def roll_back(
    session: Session, version_id: int, new_version: str, user_id: int | None, note: str = ""
) -> QuestionnaireVersion:
    """Publish an earlier version's content again, under the new version number `new_version`."""
    earlier = session.get(QuestionnaireVersion, version_id)
    if earlier is None:
        raise StorageError("That version does not exist.")
    try:
        text = with_version(earlier.yaml_text, new_version)
    except ValueError as exc:
        raise PublishRefused(str(exc)) from None
    return publish_text(session, earlier.questionnaire_id, text, user_id, note or f"Rolled back to {earlier.version}")


# ---------------------------------------------------------------- impact


def impact(session: Session, draft: Questionnaire, limit: int | None = None) -> Impact:
    """Re-score every completed assessment of the draft's questionnaire with the draft, their answers
    carried over as a re-assessment would carry them (scoring.mapping), and compare with what is stored."""
    query = (
        select(Assessment.id, Assessment.questionnaire_version_id, Assessment.result_snapshot, Assessment.company_name)
        .join(QuestionnaireVersion, QuestionnaireVersion.id == Assessment.questionnaire_version_id)
        .where(
            QuestionnaireVersion.questionnaire_id == draft.id,
            Assessment.status.in_(("completed", "amended")),
            Assessment.result_snapshot.is_not(None),
        )
        .order_by(Assessment.id)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    answers: dict[int, dict[str, Any]] = {}
    for assessment_id, question_id, value in session.execute(
        select(Answer.assessment_id, Answer.question_id, Answer.value).where(
            Answer.assessment_id.in_([row[0] for row in rows])
        )
    ):
        answers.setdefault(assessment_id, {})[question_id] = value
    stored_models: dict[int, Questionnaire] = {}
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    dropped_total = 0
    for assessment_id, version_id, snapshot, company in rows:
        old = stored_models.get(version_id)
        if old is None:
            version_row = session.get(QuestionnaireVersion, version_id)
            assert version_row is not None  # foreign key
            old = stored_models[version_id] = questionnaire_of(version_row)
        kept, dropped = map_answers(old, draft, _answers(answers.get(assessment_id, {})))
        dropped_total += len(dropped)
        meta = {"company": company, "language": snapshot.get("language") or "en", "profile": profile_of(draft, kept)}
        try:
            after = score(draft, kept, language=meta["language"], meta=meta).to_dict()
        except AnswersError:
            continue  # cannot happen after mapping; an assessment that still does not fit is left out
        pairs.append((snapshot, after))
    return compare(pairs, dropped_total)


def _answers(stored: dict[str, Any]) -> dict[str, Any]:
    return {question_id: from_json_value(value) for question_id, value in stored.items()}
