"""Database tables. Every change goes with an Alembic migration in storage/migrations/versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """DateTime(timezone=True) that always reads back as an aware UTC datetime: SQLite keeps no time zone
    and returns naive values, PostgreSQL returns the session's zone; comparing the two kinds raises."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class SqliteJsonText(sqlite.JSON):
    """JSON declared as TEXT on SQLite. A column declared JSON gets NUMERIC affinity there, which stores the
    JSON text 3.0 as the integer 3 and rounds integers beyond 64 bits: answers would not come back as given."""


@compiles(SqliteJsonText, "sqlite")
def _sqlite_json_text(_type: SqliteJsonText, _compiler: Any, **_kw: Any) -> str:
    return "TEXT"


ANSWER_JSON = JSON().with_variant(SqliteJsonText(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UtcDateTime()}  # noqa: RUF012


class Setting(Base):
    """Server-wide values shared by every app process (e.g. the key for resume-code digests)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class QuestionnaireVersion(Base):
    """The exact YAML of every questionnaire version ever used: assessments keep theirs forever."""

    __tablename__ = "questionnaire_versions"
    __table_args__ = (UniqueConstraint("questionnaire_id", "version", name="uq_questionnaire_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[str] = mapped_column(String(32))
    yaml_text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16), default="bundled")  # bundled | staff
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # when it was stored (published)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # what changed, in the publisher's words


class Assessment(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id"), index=True)
    # in_progress | completed | amended (answers changed after completion; the snapshot is the last result)
    status: Mapped[str] = mapped_column(String(16), default="in_progress", index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    company_name: Mapped[str] = mapped_column(String(200), default="")
    consent_at: Mapped[dt.datetime] = mapped_column()
    benchmark_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    # HMAC-SHA256 of the resume code: the code itself is never stored.
    resume_digest: Mapped[str] = mapped_column(String(64), unique=True)
    previous_assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessments.id", ondelete="SET NULL"))
    sector: Mapped[str | None] = mapped_column(String(32), index=True)
    size_band: Mapped[str | None] = mapped_column(String(32), index=True)
    region: Mapped[str | None] = mapped_column(String(32), index=True)
    current_section: Mapped[str | None] = mapped_column(String(64))
    # The first assessment of a company's chain of re-assessments: advisers follow a client by this key.
    client_key: Mapped[int | None] = mapped_column(Integer, index=True)
    result_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    overall_score: Mapped[float | None] = mapped_column()
    maturity_level: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(index=True)

    # Loaded only when asked for: it carries the whole questionnaire text.
    questionnaire_version: Mapped[QuestionnaireVersion] = relationship(lazy="select")
    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Answer(Base):
    """One answer, saved the moment it is given. `value` is the answers-file JSON value."""

    __tablename__ = "answers"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(ANSWER_JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SectionScore(Base):
    """A completed assessment's section scores, as columns: peer benchmarks and the programme dashboard
    query these instead of opening every result snapshot."""

    __tablename__ = "section_scores"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    section_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    score: Mapped[float] = mapped_column()


class User(Base):
    """An adviser or a member of programme staff. SME respondents have no account: their resume code is their key."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))  # adviser | staff
    # argon2id hash; None for an account that signs in only through single sign-on.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column()


class Invitation(Base):
    """A link an adviser sends to a client: assessments started through it are shared with the adviser."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_digest: Mapped[str] = mapped_column(String(64), unique=True)  # HMAC of the code, like resume codes
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column()


class Share(Base):
    """An assessment its owner lets an adviser see. Withdrawn shares stay as a record but show nothing."""

    __tablename__ = "shares"
    __table_args__ = (UniqueConstraint("assessment_id", "adviser_id", name="uq_share_assessment_adviser"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitations.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column()


class ClientNote(Base):
    """An adviser's private notes on one client (a chain of assessments, see Assessment.client_key)."""

    __tablename__ = "client_notes"
    __table_args__ = (UniqueConstraint("adviser_id", "client_key", name="uq_note_adviser_client"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    adviser_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    client_key: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class QuestionnaireDraft(Base):
    """Staff's work in progress on a questionnaire. `revision` counts saves: a save that names an older
    revision than the stored one is a conflict (another person saved in between), never an overwrite."""

    __tablename__ = "questionnaire_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    yaml_text: Mapped[str] = mapped_column(Text)
    base_version_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaire_versions.id", ondelete="SET NULL"))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
