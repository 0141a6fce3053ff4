"""An adviser's portfolio and a client's history, as SQL queries scoped to that adviser.

A client is a chain of re-assessments (Assessment.client_key). The portfolio shows one row per client: the
newest assessment of the chain that is shared with the adviser now. Filtering, search and sorting happen in
the database so that thousands of clients load in well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from storage.models import Assessment, SectionScore, Share

SORTS = ("updated", "company", "score", "started", "completed", "maturity")
MAX_SEARCH = 200


@dataclass(frozen=True)
class PortfolioFilter:
    sectors: Sequence[str] = ()
    size_bands: Sequence[str] = ()
    regions: Sequence[str] = ()
    maturity_levels: Sequence[int] = ()
    statuses: Sequence[str] = ()
    updated_from: dt.date | None = None  # the day of the latest activity, inclusive
    updated_to: dt.date | None = None
    search: str = ""  # part of the company name, any case
    sort: str = "updated"
    descending: bool = True


@dataclass(frozen=True)
class PortfolioRow:
    client_key: int
    assessment_id: int
    company: str
    sector: str | None
    size_band: str | None
    region: str | None
    status: str
    overall_score: float | None
    maturity_level: int | None
    started: dt.datetime
    updated: dt.datetime
    completed: dt.datetime | None
    shared_count: int


def _client_key() -> Any:
    # Assessments stored before client keys existed count as their own client.
    return func.coalesce(Assessment.client_key, Assessment.id)


def _shared_with(adviser_id: int) -> Any:
    return and_(Share.assessment_id == Assessment.id, Share.adviser_id == adviser_id, Share.withdrawn_at.is_(None))


def _portfolio_query(adviser_id: int) -> Select[Any]:
    latest = (
        select(
            _client_key().label("client_key"),
            func.max(Assessment.id).label("latest_id"),
            func.count().label("shared_count"),
        )
        .join(Share, _shared_with(adviser_id))
        .group_by(_client_key())
        .subquery()
    )
    return select(
        latest.c.client_key,
        Assessment.id,
        Assessment.company_name,
        Assessment.sector,
        Assessment.size_band,
        Assessment.region,
        Assessment.status,
        Assessment.overall_score,
        Assessment.maturity_level,
        Assessment.created_at,
        Assessment.updated_at,
        Assessment.completed_at,
        latest.c.shared_count,
    ).join(latest, latest.c.latest_id == Assessment.id)


def _sort_column(sort: str) -> Any:
    return {
        "company": func.lower(Assessment.company_name),
        "score": Assessment.overall_score,
        "started": Assessment.created_at,
        "completed": Assessment.completed_at,
        "maturity": Assessment.maturity_level,
    }.get(sort, Assessment.updated_at)


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def portfolio_rows(session: Session, adviser_id: int, filters: PortfolioFilter | None = None) -> list[PortfolioRow]:
    """One row per client of this adviser, filtered, searched and sorted."""
    filters = filters or PortfolioFilter()
    query = _portfolio_query(adviser_id)
    for column, chosen in (
        (Assessment.sector, filters.sectors),
        (Assessment.size_band, filters.size_bands),
        (Assessment.region, filters.regions),
        (Assessment.maturity_level, filters.maturity_levels),
        (Assessment.status, filters.statuses),
    ):
        if chosen:
            query = query.where(column.in_(list(chosen)))
    if filters.updated_from is not None:
        query = query.where(Assessment.updated_at >= _day_start(filters.updated_from))
    if filters.updated_to is not None:
        query = query.where(Assessment.updated_at < _day_start(filters.updated_to + dt.timedelta(days=1)))
    search = filters.search.strip()[:MAX_SEARCH].lower()
    if search:
        query = query.where(func.lower(Assessment.company_name).contains(search, autoescape=True))
    order = _sort_column(filters.sort)
    # Empty values last either way; the id keeps the order stable between equal values.
    ordered = order.desc().nulls_last() if filters.descending else order.asc().nulls_last()
    query = query.order_by(ordered, Assessment.id.desc())
    return [PortfolioRow(*row) for row in session.execute(query).all()]


def client_count(session: Session, adviser_id: int) -> int:
    """How many clients this adviser has, before any filter (says whether the portfolio is empty)."""
    query = select(func.count(func.distinct(_client_key()))).join(Share, _shared_with(adviser_id))
    return session.scalar(query) or 0


# ---------------------------------------------------------------- one client


@dataclass(frozen=True)
class HistoryEntry:
    assessment_id: int
    company: str
    status: str
    started: dt.datetime
    updated: dt.datetime
    completed: dt.datetime | None
    overall_score: float | None
    maturity_level: int | None
    section_scores: dict[str, float] = field(default_factory=dict)


def client_history(session: Session, adviser_id: int, client_key: int) -> list[HistoryEntry]:
    """The assessments of one client shared with this adviser now, oldest first; empty for anyone else's."""
    rows = session.execute(
        select(
            Assessment.id,
            Assessment.company_name,
            Assessment.status,
            Assessment.created_at,
            Assessment.updated_at,
            Assessment.completed_at,
            Assessment.overall_score,
            Assessment.maturity_level,
        )
        .join(Share, _shared_with(adviser_id))
        .where(_client_key() == client_key)
        .order_by(Assessment.created_at, Assessment.id)
    ).all()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    scores: dict[int, dict[str, float]] = {assessment_id: {} for assessment_id in ids}
    for assessment_id, section_id, value in session.execute(
        select(SectionScore.assessment_id, SectionScore.section_id, SectionScore.score).where(
            SectionScore.assessment_id.in_(ids)
        )
    ):
        scores[assessment_id][section_id] = value
    return [HistoryEntry(*row, section_scores=scores[row[0]]) for row in rows]


@dataclass(frozen=True)
class SectionChange:
    section_id: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else round(self.after - self.before, 1)


def change_between(earlier: HistoryEntry, later: HistoryEntry, order: Sequence[str] = ()) -> list[SectionChange]:
    """Section by section: those of `order` first (the questionnaire's order), then any others either has."""
    ids = [s for s in order if s in later.section_scores or s in earlier.section_scores]
    ids += sorted((set(later.section_scores) | set(earlier.section_scores)) - set(ids))
    return [SectionChange(s, earlier.section_scores.get(s), later.section_scores.get(s)) for s in ids]


@dataclass(frozen=True)
class SharedResult:
    assessment_id: int
    client_key: int
    company: str
    status: str
    questionnaire_version_id: int
    snapshot: dict[str, Any]


def shared_results(session: Session, adviser_id: int, assessment_ids: Sequence[int]) -> list[SharedResult]:
    """The stored results of these assessments, only those shared with this adviser now and scored
    (completed or changed since); in the order asked for. Exports read results only through here."""
    if not assessment_ids:
        return []
    found = {
        row[0]: SharedResult(*row)
        for row in session.execute(
            select(
                Assessment.id,
                _client_key(),
                Assessment.company_name,
                Assessment.status,
                Assessment.questionnaire_version_id,
                Assessment.result_snapshot,
            )
            .join(Share, _shared_with(adviser_id))
            .where(Assessment.id.in_(list(assessment_ids)), Assessment.result_snapshot.is_not(None))
        )
    }
    return [found[i] for i in assessment_ids if i in found]
