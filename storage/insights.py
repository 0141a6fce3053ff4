"""Peer benchmarks from stored assessments.

Who counts as a peer: each company (a chain of re-assessments, `client_key`) once, by its latest completed
assessment of the same questionnaire, when that assessment is opted in to benchmarking. "Completed" includes
`amended`: such an assessment still has the result it was completed with (its snapshot, overall score and
section scores) until its results are viewed again. The asking company's own chain never counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, func, select, true
from sqlalchemy.orm import Session

from scoring.benchmarks import Benchmark, Counts, Criteria, candidate_groups, compare, first_large_enough, same_bounds
from storage.models import Assessment, QuestionnaireVersion, SectionScore
from storage.repository import get_assessment

DONE = ("completed", "amended")


def chain_key() -> Any:
    """A company's key: the first assessment of its chain (older rows may lack client_key)."""
    return func.coalesce(Assessment.client_key, Assessment.id)


def latest_completed(questionnaire_id: str | None = None) -> Any:
    """Each company's latest completed assessment (of one questionnaire, when given), as a subquery with
    its id, chain key, opt-in, profile codes, overall score, maturity level and completion time."""
    rank = func.row_number().over(
        partition_by=chain_key(), order_by=(Assessment.completed_at.desc(), Assessment.id.desc())
    )
    query = select(
        Assessment.id,
        chain_key().label("chain"),
        Assessment.benchmark_opt_in,
        Assessment.sector,
        Assessment.size_band,
        Assessment.region,
        Assessment.overall_score,
        Assessment.maturity_level,
        Assessment.completed_at,
        rank.label("rank"),
    ).where(Assessment.status.in_(DONE), Assessment.completed_at.is_not(None))
    if questionnaire_id is not None:
        query = query.join(QuestionnaireVersion, QuestionnaireVersion.id == Assessment.questionnaire_version_id).where(
            QuestionnaireVersion.questionnaire_id == questionnaire_id
        )
    return query.subquery("latest")


def _peers(questionnaire_id: str, exclude_chain: int) -> Any:
    """The peers' latest completed, opted-in assessments, as a subquery."""
    latest = latest_completed(questionnaire_id)
    return (
        select(latest.c.id, latest.c.overall_score, latest.c.sector, latest.c.size_band, latest.c.region)
        .where(
            latest.c.rank == 1,
            latest.c.benchmark_opt_in.is_(True),
            latest.c.overall_score.is_not(None),
            latest.c.chain != exclude_chain,
        )
        .subquery("peers")
    )


def _matching(peers: Any, criteria: Criteria) -> Any:
    return and_(true(), *(getattr(peers.c, field) == code for field, code in criteria))


def peer_benchmark(session: Session, assessment_id: int, result: Mapping[str, Any]) -> Benchmark | None:
    """Where `result` (the company's shown result) sits among its peers; None when no group has enough.

    The database does the counting, so that the time hardly grows with the number of peers: one row of group
    sizes, the chosen group's overall scores, and per section how many peer scores lie below and at one's own.
    """
    own = get_assessment(session, assessment_id)
    own_overall = result.get("overall")
    if not isinstance(own_overall, int | float):
        return None
    questionnaire_id = session.scalar(
        select(QuestionnaireVersion.questionnaire_id).where(QuestionnaireVersion.id == own.questionnaire_version_id)
    )
    assert questionnaire_id is not None
    peers = _peers(questionnaire_id, own.client_key or own.id)
    candidates = candidate_groups((result.get("meta") or {}).get("profile") or {})
    connection = session.connection()
    sizes = connection.execute(
        select(*(func.count().filter(_matching(peers, c)) for c in candidates)).select_from(peers)
    ).one()
    group = first_large_enough(candidates, list(sizes))
    if group is None:
        return None
    in_group = _matching(peers, group.criteria)
    overall_scores = connection.scalars(select(peers.c.overall_score).where(in_group)).all()
    own_sections = {
        s["id"]: float(s["score"]) for s in result.get("sections") or [] if isinstance(s.get("score"), int | float)
    }
    section_counts = _section_counts(connection, select(peers.c.id).where(in_group), own_sections)
    return compare(float(own_overall), own_sections, group, overall_scores, section_counts)


def _section_counts(connection: Any, members: Any, own_sections: Mapping[str, float]) -> dict[str, Counts]:
    """Per section: the members' scores below, and at, the company's own (bounds from scoring.benchmarks)."""
    if not own_sections:
        return {}
    bounds = {section_id: same_bounds(score) for section_id, score in own_sections.items()}
    low = case({k: v[0] for k, v in bounds.items()}, value=SectionScore.section_id)
    high = case({k: v[1] for k, v in bounds.items()}, value=SectionScore.section_id)
    score = SectionScore.score
    rows = connection.execute(
        select(
            SectionScore.section_id,
            func.count().filter(score < low),
            func.count().filter(and_(score >= low, score < high)),
            func.count(),
        )
        .where(SectionScore.assessment_id.in_(members), SectionScore.section_id.in_(list(own_sections)))
        .group_by(SectionScore.section_id)
    ).all()
    return {section_id: Counts(below, equal, total) for section_id, below, equal, total in rows}


# ---------------------------------------------------------------- programme dashboard
# Programme-wide counts only: no query here returns a company name or a single assessment.


@dataclass(frozen=True)
class Summary:
    started: int  # assessments started in the period
    completed: int  # assessments completed in the period (whenever started)
    in_progress: int  # started in the period and not completed yet
    completion_rate: float | None  # share of those started in the period that are completed, 0-1


@dataclass(frozen=True)
class PeriodCounts:
    period: dt.date  # the first day of the week (Monday) or month
    started: int
    completed: int


@dataclass(frozen=True)
class SpreadCount:
    code: str | None  # sector or region code; None: not answered
    level: int | None
    count: int


def _within(column: Any, start: dt.date | None, end: dt.date | None) -> list[Any]:
    """Conditions for `column` between two dates, both days included (UTC)."""
    conditions = []
    if start is not None:
        conditions.append(column >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end is not None:
        conditions.append(column < dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC))
    return conditions


def _of_questionnaire(query: Select[Any], questionnaire_id: str | None) -> Select[Any]:
    if questionnaire_id is None:
        return query
    return query.join(QuestionnaireVersion, QuestionnaireVersion.id == Assessment.questionnaire_version_id).where(
        QuestionnaireVersion.questionnaire_id == questionnaire_id
    )


def date_span(session: Session, questionnaire_id: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The days of the first and the last assessment started; None when there is none."""
    query = _of_questionnaire(
        select(func.min(Assessment.created_at), func.max(Assessment.created_at)), questionnaire_id
    )
    first, last = session.execute(query).one()
    if first is None or last is None:
        return None
    return _as_utc(first).date(), _as_utc(last).date()


def _as_utc(value: dt.datetime | str) -> dt.datetime:
    """Aggregates bypass the column type: SQLite hands back text, PostgreSQL an aware datetime."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def summary(
    session: Session, start: dt.date | None, end: dt.date | None, questionnaire_id: str | None = None
) -> Summary:
    done = Assessment.status.in_(DONE)
    started_query = (
        select(func.count(), func.count().filter(done))
        .select_from(Assessment)
        .where(*_within(Assessment.created_at, start, end))
    )
    started, finished = session.execute(_of_questionnaire(started_query, questionnaire_id)).one()
    completed_query = (
        select(func.count()).select_from(Assessment).where(done, *_within(Assessment.completed_at, start, end))
    )
    completed = session.scalar(_of_questionnaire(completed_query, questionnaire_id)) or 0
    rate = finished / started if started else None
    return Summary(started, completed, started - finished, rate)


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the week (Monday) or month holding `day`."""
    return day - dt.timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _next_period(day: dt.date, period: str) -> dt.date:
    if period == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def activity(
    session: Session, start: dt.date | None, end: dt.date | None, period: str, questionnaire_id: str | None = None
) -> list[PeriodCounts]:
    """Assessments started and completed per week or month, every period from the first to the last shown."""
    if period not in ("week", "month"):
        raise ValueError("period must be week or month")
    started_at = session.scalars(
        _of_questionnaire(
            select(Assessment.created_at).where(*_within(Assessment.created_at, start, end)), questionnaire_id
        )
    ).all()
    completed_at = session.scalars(
        _of_questionnaire(
            select(Assessment.completed_at).where(
                Assessment.status.in_(DONE), *_within(Assessment.completed_at, start, end)
            ),
            questionnaire_id,
        )
    ).all()
    started = Counter(period_start(moment.date(), period) for moment in started_at)
    completed = Counter(period_start(moment.date(), period) for moment in completed_at if moment is not None)
    periods = sorted(set(started) | set(completed))
    if not periods:
        return []
    rows = []
    current, last = periods[0], periods[-1]
    while current <= last:
        rows.append(PeriodCounts(current, started[current], completed[current]))
        current = _next_period(current, period)
    return rows


def drop_off(
    session: Session,
    start: dt.date | None,
    end: dt.date | None,
    section_order: Sequence[str],
    questionnaire_id: str | None = None,
) -> list[tuple[str, int]]:
    """Assessments still in progress by the section they were last on, in questionnaire order. One never moved
    from the first section counts there; sections of other versions come last."""
    query = (
        select(Assessment.current_section, func.count())
        .where(Assessment.status == "in_progress", *_within(Assessment.created_at, start, end))
        .group_by(Assessment.current_section)
    )
    counts: Counter[str] = Counter()
    for section_id, count in session.execute(_of_questionnaire(query, questionnaire_id)).all():
        key = section_id or (section_order[0] if section_order else "")
        counts[key] += count
    known = [(section_id, counts.pop(section_id, 0)) for section_id in section_order]
    return known + sorted(counts.items())


def maturity_spread(
    session: Session, field: str, start: dt.date | None, end: dt.date | None, questionnaire_id: str | None = None
) -> list[SpreadCount]:
    """Companies by sector or region and maturity level: each company's latest completed assessment, when it
    was completed in the period."""
    if field not in ("sector", "region"):
        raise ValueError("field must be sector or region")
    latest = latest_completed(questionnaire_id)
    column = getattr(latest.c, field)
    query = (
        select(column, latest.c.maturity_level, func.count())
        .where(latest.c.rank == 1, *_within(latest.c.completed_at, start, end))
        .group_by(column, latest.c.maturity_level)
    )
    rows = [SpreadCount(code, level, count) for code, level, count in session.execute(query).all()]
    return sorted(rows, key=lambda r: (r.code is None, r.code or "", r.level is None, r.level or 0))
