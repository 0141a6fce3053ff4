"""Database tables. Every change goes with an Alembic migration in storage/migrations/versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Assessment(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    questionnaire_version_id: Mapped[int] = mapped_column(ForeignKey("questionnaire_versions.id"), index=True)
    # in_progress | completed | amended (answers changed after completion; the snapshot is the last result)
    status: Mapped[str] = mapped_column(String(16), default="in_progress", index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    company_name: Mapped[str] = mapped_column(String(200), default="")
    consent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    questionnaire_version: Mapped[QuestionnaireVersion] = relationship(lazy="joined")
    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Answer(Base):
    """One answer, saved the moment it is given. `value` is the answers-file JSON value."""

    __tablename__ = "answers"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
