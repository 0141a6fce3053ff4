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
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


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
    result_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    overall_score: Mapped[float | None] = mapped_column()
    maturity_level: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column()

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
