"""The SME's privacy controls in storage, on every backend: export everything, delete for good, purge
abandoned drafts."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import Answer, Assessment, ClientNote, SectionScore, Share, User
from storage.privacy import (
    EXPORT_FORMAT,
    count_abandoned_drafts,
    delete_for_good,
    draft_retention,
    export_data,
    export_file_name,
    purge_abandoned_drafts,
)
from storage.repository import (
    StorageError,
    complete_assessment,
    create_assessment,
    import_bundled,
    latest_version,
    save_answer,
)
from tests.conftest import FIXTURES

pytest_plugins = ["tests.storage_fixtures"]

RESULT = {
    "overall": 55.5,
    "maturity": {"level": 3},
    "sections": [{"id": "strategy", "score": 60.0}, {"id": "patents", "score": 40.0}],
    "meta": {"profile": {"sector": "manufacturing", "size_band": "small", "region": "hk"}},
}
NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def new_assessment(session: Session, previous: Assessment | None = None, company: str = "Acme") -> Assessment:
    if latest_version(session, "mini") is None:
        import_bundled(session, [FIXTURES / "mini.yaml"])
    version = latest_version(session, "mini")
    assert version is not None
    assessment, _ = create_assessment(session, version, language="en", consent=True, previous=previous)
    assessment.company_name = company
    session.flush()
    return assessment


def adviser(session: Session, email: str, name: str) -> User:
    user = User(email=email, display_name=name, role="adviser", password_hash="x")
    session.add(user)
    session.flush()
    return user


def share(session: Session, assessment: Assessment, user: User, withdrawn: dt.datetime | None = None) -> None:
    session.add(Share(assessment_id=assessment.id, adviser_id=user.id, withdrawn_at=withdrawn))
    session.flush()


def count(session: Session, model: type, **where: object) -> int:
    query = select(func.count()).select_from(model).filter_by(**where)
    return session.scalar(query) or 0


def age(session: Session, assessment: Assessment, days: int) -> None:
    session.execute(
        update(Assessment).where(Assessment.id == assessment.id).values(updated_at=NOW - dt.timedelta(days=days))
    )


# ---------------------------------------------------------------- export


def test_the_export_holds_everything_stored_about_the_assessment_and_nothing_of_the_advisers(
    session: Session,
) -> None:
    first = new_assessment(session)
    assessment = new_assessment(session, previous=first)
    for question, value in {"ip_policy": "informal", "budget": 9007199254740993, "text": "010"}.items():
        save_answer(session, assessment.id, question, value)
    complete_assessment(session, assessment.id, RESULT)
    kim = adviser(session, "kim@example.com", "Kim Lee")
    pat = adviser(session, "pat@example.com", "Pat Wong")
    share(session, assessment, kim)
    share(session, assessment, pat, withdrawn=NOW)
    session.add(ClientNote(adviser_id=kim.id, client_key=assessment.client_key, body="slow payer"))
    session.flush()

    data = json.loads(json.dumps(export_data(session, assessment.id)))  # plain JSON all through

    assert data["format"] == EXPORT_FORMAT
    about = data["assessment"]
    assert (about["id"], about["company_name"], about["status"], about["language"]) == (
        assessment.id,
        "Acme",
        "completed",
        "en",
    )
    assert dt.datetime.fromisoformat(about["consent_at"]).tzinfo is not None
    assert about["profile"] == {"sector": "manufacturing", "size_band": "small", "region": "hk"}
    assert data["questionnaire"] == {"id": "mini", "version": "1.10"}
    assert data["answers"] == {"budget": 9007199254740993, "ip_policy": "informal", "text": "010"}
    assert set(data["answered_at"]) == set(data["answers"])
    assert data["result"] == RESULT
    assert data["section_scores"] == {"patents": 40.0, "strategy": 60.0}
    assert [(s["adviser"], s["withdrawn_at"] is not None) for s in data["shared_with"]] == [
        ("Kim Lee", False),
        ("Pat Wong", True),
    ]
    assert [earlier["id"] for earlier in data["earlier_assessments"]] == [first.id]
    text = json.dumps(data)
    assert "slow payer" not in text and "@example.com" not in text and assessment.resume_digest not in text


def test_an_export_of_a_missing_assessment_is_a_clear_error(session: Session) -> None:
    with pytest.raises(StorageError, match="no longer exists"):
        export_data(session, 12345)


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Acme Ltd.", "ipready-data-acme-ltd-7.json"),
        ("../../etc/passwd", "ipready-data-etc-passwd-7.json"),
        ("香港科技有限公司", "ipready-data-7.json"),
        ("", "ipready-data-7.json"),
    ],
)
def test_export_file_names_are_safe(company: str, expected: str) -> None:
    assert export_file_name({"assessment": {"id": 7, "company_name": company}}) == expected


# ---------------------------------------------------------------- deletion


def test_deleting_for_good_removes_answers_scores_and_shares_but_keeps_earlier_assessments(
    session: Session,
) -> None:
    first = new_assessment(session)
    complete_assessment(session, first.id, RESULT)
    latest = new_assessment(session, previous=first)
    save_answer(session, latest.id, "ip_policy", "written")
    complete_assessment(session, latest.id, RESULT)
    kim = adviser(session, "kim@example.com", "Kim")
    share(session, first, kim)
    share(session, latest, kim)
    session.add(ClientNote(adviser_id=kim.id, client_key=first.id, body="note"))
    session.flush()
    latest_id = latest.id

    assert delete_for_good(session, latest_id, include_earlier=False) == 1

    assert session.get(Assessment, latest_id) is None
    for model in (Answer, SectionScore, Share):
        assert count(session, model, assessment_id=latest_id) == 0
    # The earlier assessment is still the adviser's client, with its share, scores and the note.
    assert count(session, Share, assessment_id=first.id) == 1
    assert count(session, SectionScore, assessment_id=first.id) == 2
    assert count(session, ClientNote) == 1


def test_deleting_with_the_earlier_assessments_removes_the_whole_chain_and_the_notes_about_it(
    session: Session,
) -> None:
    first = new_assessment(session)
    second = new_assessment(session, previous=first)
    third = new_assessment(session, previous=second)
    other = new_assessment(session, company="Other Co")
    kim = adviser(session, "kim@example.com", "Kim")
    share(session, first, kim)
    share(session, other, kim)
    session.add_all(
        [
            ClientNote(adviser_id=kim.id, client_key=first.id, body="about Acme"),
            ClientNote(adviser_id=kim.id, client_key=other.id, body="about Other"),
        ]
    )
    session.flush()
    other_id = other.id

    assert delete_for_good(session, third.id, include_earlier=True) == 3

    assert list(session.scalars(select(Assessment.id))) == [other_id]
    assert list(session.scalars(select(ClientNote.body))) == ["about Other"]
    assert count(session, Share) == 1


def test_deleting_an_assessment_that_is_gone_already_is_a_clear_error(session: Session) -> None:
    with pytest.raises(StorageError, match="no longer exists"):
        delete_for_good(session, 999, include_earlier=True)


# ---------------------------------------------------------------- abandoned drafts


def test_the_purge_deletes_only_unfinished_assessments_older_than_the_period(session: Session) -> None:
    old_draft = new_assessment(session, company="old draft")
    fresh_draft = new_assessment(session, company="fresh draft")
    old_completed = new_assessment(session, company="old completed")
    old_amended = new_assessment(session, company="old amended")
    save_answer(session, old_draft.id, "ip_policy", "none")
    complete_assessment(session, old_completed.id, RESULT)
    complete_assessment(session, old_amended.id, RESULT)
    save_answer(session, old_amended.id, "ip_policy", "written")
    for assessment, days in ((old_draft, 181), (fresh_draft, 179), (old_completed, 900), (old_amended, 900)):
        age(session, assessment, days)
    old_draft_id = old_draft.id
    session.expire_all()

    assert count_abandoned_drafts(session, dt.timedelta(days=180), now=NOW) == 1
    assert purge_abandoned_drafts(session, dt.timedelta(days=180), now=NOW) == 1

    left = set(session.scalars(select(Assessment.company_name)))
    assert left == {"fresh draft", "old completed", "old amended"}
    assert count(session, Answer, assessment_id=old_draft_id) == 0
    assert purge_abandoned_drafts(session, dt.timedelta(days=180), now=NOW) == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, dt.timedelta(days=180)), ("30", dt.timedelta(days=30)), (" 7 ", dt.timedelta(days=7)), ("0", None)],
)
def test_the_retention_period_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: dt.timedelta | None
) -> None:
    if value is None:
        monkeypatch.delenv("IPREADY_DRAFT_RETENTION_DAYS", raising=False)
    else:
        monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", value)
    assert draft_retention() == expected


@pytest.mark.parametrize("value", ["off", "OFF"])
def test_purging_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", value)
    assert draft_retention() is None


@pytest.mark.parametrize("value", ["six months", "-3", "1.5"])
def test_a_bad_retention_period_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("IPREADY_DRAFT_RETENTION_DAYS", value)
    with pytest.raises(StorageError, match="IPREADY_DRAFT_RETENTION_DAYS"):
        draft_retention()
