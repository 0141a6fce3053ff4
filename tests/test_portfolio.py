"""The adviser's portfolio and client history queries, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from storage.models import Assessment
from storage.portfolio import (
    PortfolioFilter,
    change_between,
    client_count,
    client_history,
    portfolio_rows,
    shared_results,
)
from storage.repository import delete_assessment
from storage.sharing import carry_shares, share_assessment, withdraw_share
from tests.sharing_builders import add_adviser, add_assessment

pytest_plugins = ["tests.storage_fixtures"]


def companies(session: Session, adviser: int, **filters: object) -> list[str]:
    return [row.company for row in portfolio_rows(session, adviser, PortfolioFilter(**filters))]  # type: ignore[arg-type]


def test_one_row_per_client_the_newest_shared_assessment(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    first = add_assessment(session, "Acme", sector="technology")
    share_assessment(session, first.id, ada)
    second = add_assessment(session, "Acme Renamed", previous=first, sector="technology")
    carry_shares(session, second.id, first.id)
    third = add_assessment(session, "Acme Draft", previous=second, complete=False)  # not shared
    rows = portfolio_rows(session, ada)
    assert [(r.client_key, r.assessment_id, r.company, r.shared_count) for r in rows] == [
        (first.id, second.id, "Acme Renamed", 2)
    ]
    assert rows[0].status == "completed" and rows[0].overall_score is not None and rows[0].maturity_level
    assert third.client_key == first.id
    # Withdrawing the newest share shows the one before it.
    withdraw_share(session, second.id, ada)
    assert [r.assessment_id for r in portfolio_rows(session, ada)] == [first.id]


def test_adviser_a_never_sees_adviser_bs_clients(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    mine, theirs = add_assessment(session, "Mine Ltd"), add_assessment(session, "Theirs Ltd")
    share_assessment(session, mine.id, ada)
    share_assessment(session, theirs.id, bob)
    assert companies(session, ada) == ["Mine Ltd"]
    assert companies(session, bob) == ["Theirs Ltd"]
    assert companies(session, ada, search="theirs") == []
    assert client_count(session, ada) == 1
    assert client_history(session, ada, theirs.id) == []
    assert [h.company for h in client_history(session, bob, theirs.id)] == ["Theirs Ltd"]


def test_withdrawn_and_deleted_assessments_disappear(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    kept, withdrawn, deleted = (add_assessment(session, name) for name in ("Kept", "Withdrawn", "Deleted"))
    for assessment in (kept, withdrawn, deleted):
        share_assessment(session, assessment.id, ada)
    withdraw_share(session, withdrawn.id, ada)
    delete_assessment(session, deleted.id)
    assert companies(session, ada) == ["Kept"]
    assert client_history(session, ada, withdrawn.id) == []
    assert client_history(session, ada, deleted.id) == []
    assert client_count(session, ada) == 1


def test_filters_search_and_sort(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    made = [
        add_assessment(session, "Alpha Tech", sector="technology", size_band="micro_1_9", region="hong_kong"),
        add_assessment(
            session, "beta foods", sector="food_beverage", size_band="small_10_49", region="guangdong", complete=False
        ),
        add_assessment(
            session,
            "Gamma 100%_Tech",
            sector="technology",
            size_band="small_10_49",
            region="guangdong",
            answers={"does_rnd": "yes", "ip_policy": "written", "budget": 60, "searches": 4},
        ),
    ]
    for assessment in made:
        share_assessment(session, assessment.id, ada)
    assert companies(session, ada, sectors=["technology"], sort="company", descending=False) == [
        "Alpha Tech",
        "Gamma 100%_Tech",
    ]
    assert companies(session, ada, regions=["guangdong"], size_bands=["small_10_49"], statuses=["completed"]) == [
        "Gamma 100%_Tech"
    ]
    assert companies(session, ada, search="TECH", sort="company", descending=True) == ["Gamma 100%_Tech", "Alpha Tech"]
    assert companies(session, ada, search="%") == ["Gamma 100%_Tech"]  # a wildcard is just a character
    assert companies(session, ada, search="_") == ["Gamma 100%_Tech"]
    scores = [r.overall_score for r in portfolio_rows(session, ada, PortfolioFilter(sort="score"))]
    assert scores[-1] is None and scores[0] is not None and scores[0] >= scores[1]  # type: ignore[operator]
    levels = {r.maturity_level for r in portfolio_rows(session, ada)} - {None}
    top = max(levels)  # type: ignore[type-var]
    assert companies(session, ada, maturity_levels=[top]) == ["Gamma 100%_Tech"]

    session.execute(
        update(Assessment)
        .where(Assessment.id == made[0].id)
        .values(updated_at=dt.datetime(2025, 1, 15, 23, 30, tzinfo=dt.UTC))
    )
    day = dt.date(2025, 1, 15)
    assert companies(session, ada, updated_from=day, updated_to=day) == ["Alpha Tech"]
    assert "Alpha Tech" not in companies(session, ada, updated_from=day + dt.timedelta(days=1))


def test_history_is_oldest_first_with_section_scores_and_change(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    first = add_assessment(session, "Acme")
    share_assessment(session, first.id, ada)
    second = add_assessment(
        session,
        "Acme",
        previous=first,
        answers={"does_rnd": "yes", "ip_policy": "written", "budget": 60, "searches": 4},
    )
    carry_shares(session, second.id, first.id)
    history = client_history(session, ada, first.id)
    assert [h.assessment_id for h in history] == [first.id, second.id]
    assert set(history[0].section_scores) == {"strategy", "patents"}
    changes = {c.section_id: c.change for c in change_between(history[0], history[1], ["strategy", "patents"])}
    expected = round(history[1].section_scores["strategy"] - history[0].section_scores["strategy"], 1)
    assert changes["strategy"] == expected and expected > 0


@pytest.mark.parametrize("client_key", [0, -1, 10**9])
def test_unknown_clients_have_no_history(session: Session, client_key: int) -> None:
    assert client_history(session, add_adviser(session, "Ada"), client_key) == []


def test_export_lookups_return_only_shared_scored_assessments_in_the_order_asked(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    first, second = add_assessment(session, "First"), add_assessment(session, "Second")
    draft, theirs = add_assessment(session, "Draft", complete=False), add_assessment(session, "Theirs")
    for assessment in (first, second, draft):
        share_assessment(session, assessment.id, ada)
    share_assessment(session, theirs.id, bob)
    asked = [second.id, theirs.id, draft.id, first.id]
    assert [r.company for r in shared_results(session, ada, asked)] == ["Second", "First"]
    assert [r.company for r in shared_results(session, bob, asked)] == ["Theirs"]
    withdraw_share(session, second.id, ada)
    assert [r.company for r in shared_results(session, ada, asked)] == ["First"]
    assert shared_results(session, ada, []) == []


def test_exports_hold_only_this_advisers_shared_results(session: Session) -> None:
    import io
    import zipfile

    from pypdf import PdfReader

    from tests.sharing_builders import MINI
    from ui.portfolio_export import pdf_zip, portfolio_xlsx, report_file

    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    mine = [add_assessment(session, "Same Name Ltd"), add_assessment(session, "Same Name Ltd")]
    theirs = add_assessment(session, "Theirs Ltd")
    for assessment in mine:
        share_assessment(session, assessment.id, ada)
    share_assessment(session, theirs.id, bob)
    asked = [mine[0].id, mine[1].id, theirs.id]
    progress: list[tuple[int, int]] = []
    archive, skipped = pdf_zip(session, ada, asked, "en", lambda done, total: progress.append((done, total)))
    assert skipped == 1 and progress == [(1, 2), (2, 2)]
    assert archive.file_name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(archive.data)) as opened:
        names = opened.namelist()
        assert len(set(names)) == 2 and all("Same-Name-Ltd" in name for name in names)
        text = PdfReader(io.BytesIO(opened.read(names[0]))).pages[0].extract_text()
        assert "Same Name Ltd" in " ".join(text.split())
    spreadsheet = portfolio_xlsx(session, ada, asked, MINI, "en")
    assert spreadsheet is not None and spreadsheet.data.startswith(b"PK")
    assert portfolio_xlsx(session, ada, [theirs.id], MINI, "en") is None
    assert report_file(session, ada, theirs.id, "json", "en") is None
    made = report_file(session, bob, theirs.id, "json", "zh-Hant")
    assert made is not None and b"Theirs Ltd" in made.data
