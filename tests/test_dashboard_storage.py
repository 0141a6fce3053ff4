"""Programme dashboard figures on every backend: counts over a date range, per period, drop-off, maturity spread."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from storage.insights import SpreadCount, activity, date_span, drop_off, maturity_spread, period_start, summary
from storage.repository import update_assessment
from tests.benchmark_builders import MAKER, company, mini_version

pytest_plugins = ["tests.storage_fixtures"]

JAN = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)  # a Monday
FEB = dt.datetime(2026, 2, 10, 9, tzinfo=dt.UTC)


def seed(session: Session) -> None:
    """January: 3 started, 2 completed; February: 2 started (1 completed, 1 on patents)."""
    version = mini_version(session)
    company(session, version, 20.0, level=1, when=JAN)
    company(session, version, 70.0, level=4, when=JAN + dt.timedelta(days=8), profile={**MAKER, "region": "macao"})
    company(session, version, complete=False, when=JAN)
    company(session, version, 45.0, level=3, when=FEB, profile={**MAKER, "sector": "technology"})
    patents = company(session, version, complete=False, when=FEB)
    update_assessment(session, patents.id, current_section="patents")


def test_an_empty_database_has_no_figures(session: Session) -> None:
    assert date_span(session) is None
    assert summary(session, None, None).started == 0
    assert summary(session, None, None).completion_rate is None
    assert activity(session, None, None, "month") == []
    assert maturity_spread(session, "sector", None, None) == []


def test_summary_over_everything_and_over_a_month(session: Session) -> None:
    seed(session)
    everything = summary(session, None, None, "mini")
    assert (everything.started, everything.completed, everything.in_progress) == (5, 3, 2)
    assert everything.completion_rate == pytest.approx(0.6)
    january = summary(session, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert (january.started, january.completed, january.in_progress) == (3, 2, 1)
    assert date_span(session) == (JAN.date(), FEB.date())


def test_activity_per_month_and_per_week_with_empty_periods(session: Session) -> None:
    seed(session)
    months = activity(session, None, None, "month")
    assert [(p.period, p.started, p.completed) for p in months] == [
        (dt.date(2026, 1, 1), 3, 2),
        (dt.date(2026, 2, 1), 2, 1),
    ]
    weeks = activity(session, None, None, "week")
    assert weeks[0].period == dt.date(2026, 1, 5) and weeks[-1].period == period_start(FEB.date(), "week")
    assert len(weeks) == 6  # 5 Jan to 9 Feb, every Monday shown even with nothing in it
    assert sum(p.started for p in weeks) == 5 and weeks[2].started == 0


def test_drop_off_follows_the_questionnaire_order_and_counts_the_first_section_for_no_move(session: Session) -> None:
    seed(session)
    assert drop_off(session, None, None, ["profile", "strategy", "patents"]) == [
        ("profile", 1),
        ("strategy", 0),
        ("patents", 1),
    ]
    assert drop_off(session, dt.date(2026, 2, 1), None, ["profile", "strategy", "patents"])[2] == ("patents", 1)
    assert drop_off(session, dt.date(2026, 2, 1), None, ["profile", "strategy", "patents"])[0] == ("profile", 0)


def test_maturity_spread_counts_each_companys_latest_completed_assessment(session: Session) -> None:
    seed(session)
    version = mini_version(session)
    first = company(session, version, 10.0, level=1, when=JAN, profile={**MAKER, "region": "guangdong"})
    company(session, version, 85.0, level=5, previous=first, when=FEB, profile={**MAKER, "region": "guangdong"})
    by_sector = maturity_spread(session, "sector", None, None)
    assert by_sector == [
        SpreadCount("manufacturing", 1, 1),
        SpreadCount("manufacturing", 4, 1),
        SpreadCount("manufacturing", 5, 1),
        SpreadCount("technology", 3, 1),
    ]
    by_region = maturity_spread(session, "region", dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert by_region == [SpreadCount("guangdong", 5, 1), SpreadCount("hong_kong", 3, 1)]


def test_unknown_period_or_field_is_refused(session: Session) -> None:
    with pytest.raises(ValueError):
        activity(session, None, None, "day")
    with pytest.raises(ValueError):
        maturity_spread(session, "company_name", None, None)
