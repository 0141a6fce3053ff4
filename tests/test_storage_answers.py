"""Answers, completion snapshots, deletion and re-assessment chains on every backend."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from scoring import Questionnaire
from scoring.answers import AnswerValue, Special
from scoring.engine import score
from storage.db import session_scope
from storage.models import Answer, Assessment
from storage.repository import (
    StorageError,
    answers_of,
    complete_assessment,
    create_assessment,
    delete_assessment,
    find_version,
    get_assessment,
    import_bundled,
    previous_assessments,
    save_answer,
    update_assessment,
)
from tests.conftest import FIXTURES

pytest_plugins = ["tests.storage_fixtures"]

PROFILE = {"sector": "technology", "size_band": "small_10_49", "region": "hong_kong"}


def new_assessment(session: Session, previous: Assessment | None = None) -> Assessment:
    import_bundled(session, [FIXTURES / "mini.yaml"])
    version = find_version(session, "mini", "1.10")
    assert version is not None
    assessment, _ = create_assessment(session, version, language="en", consent=True, previous=previous)
    return assessment


def answer_rows(session: Session, assessment_id: int | None = None) -> int:
    query = select(func.count()).select_from(Answer)
    if assessment_id is not None:
        query = query.where(Answer.assessment_id == assessment_id)
    return session.scalar(query) or 0


def result_of(mini: Questionnaire, answers: dict[str, AnswerValue]) -> dict[str, Any]:
    meta = {"company": "Acme", "language": "en", "date": "2026-01-02", "profile": PROFILE}
    return score(mini, answers, language="en", meta=meta).to_dict()


def test_save_answer_inserts_updates_and_clears(session: Session) -> None:
    assessment = new_assessment(session)
    save_answer(session, assessment.id, "ip_policy", "none")
    save_answer(session, assessment.id, "ip_policy", "written")
    save_answer(session, assessment.id, "does_rnd", "yes")
    assert answers_of(session, assessment.id) == {"ip_policy": "written", "does_rnd": "yes"}
    assert answer_rows(session) == 2
    save_answer(session, assessment.id, "ip_policy", None)
    save_answer(session, assessment.id, "never_answered", None)
    assert answers_of(session, assessment.id) == {"does_rnd": "yes"}
    assert answer_rows(session) == 1


def test_saving_for_a_missing_assessment_is_refused(session: Session) -> None:
    with pytest.raises(StorageError, match="no longer exists"):
        save_answer(session, 12345, "ip_policy", "none")
    assert answer_rows(session) == 0


VALUES: list[AnswerValue] = [
    "no",
    "yes",
    "010",
    "~",
    "1.10",
    "null",
    "",
    "知識產權 / 知识产权",
    ["a", "no", "010"],
    [],
    0,
    3,
    -7,
    10**12,
    2.5,
    0.1,
    3.0,
    Special.not_applicable,
    Special.dont_know,
]


def test_answer_values_come_back_as_they_were_given(db: str) -> None:
    with session_scope(db) as session:
        assessment_id = new_assessment(session).id
        for index, value in enumerate(VALUES):
            save_answer(session, assessment_id, f"q{index}", value)
    with session_scope(db) as session:  # a new session: read from the database, not the identity map
        back = answers_of(session, assessment_id)
    assert back == {f"q{index}": value for index, value in enumerate(VALUES)}
    for index, value in enumerate(VALUES):
        assert type(back[f"q{index}"]) is type(value), (value, back[f"q{index}"])


def test_special_answers_are_stored_as_the_answers_file_writes_them(session: Session) -> None:
    assessment = new_assessment(session)
    save_answer(session, assessment.id, "ip_policy", Special.dont_know)
    row = session.get(Answer, (assessment.id, "ip_policy"))
    assert row is not None
    assert row.value == {"special": "dont_know"}


def test_changing_a_completed_assessment_marks_it_amended(session: Session, mini: Questionnaire) -> None:
    assessment = new_assessment(session)
    save_answer(session, assessment.id, "ip_policy", "informal")
    complete_assessment(session, assessment.id, result_of(mini, {"ip_policy": "informal"}))
    save_answer(session, assessment.id, "ip_policy", "informal")  # the same answer again: no change
    assert get_assessment(session, assessment.id).status == "completed"
    save_answer(session, assessment.id, "ip_policy", "written")
    assert get_assessment(session, assessment.id).status == "amended"
    complete_assessment(session, assessment.id, result_of(mini, {"ip_policy": "written"}))
    save_answer(session, assessment.id, "ip_policy", None)  # clearing is a change too
    assert get_assessment(session, assessment.id).status == "amended"


def test_completion_stores_the_snapshot_and_later_changes_never_alter_it(db: str, mini: Questionnaire) -> None:
    answers: dict[str, AnswerValue] = {"does_rnd": "yes", "ip_policy": "informal"}
    result = result_of(mini, answers)
    expected = copy.deepcopy(result)
    with session_scope(db) as session:
        assessment = new_assessment(session)
        for question, value in answers.items():
            save_answer(session, assessment.id, question, value)
        complete_assessment(session, assessment.id, result)
        assessment_id = assessment.id
    result["overall"] = -1  # the caller's dict changing afterwards
    result["meta"]["company"] = "changed"
    with session_scope(db) as session:
        stored = get_assessment(session, assessment_id)
        assert stored.result_snapshot == expected
        assert stored.status == "completed"
        assert stored.overall_score == expected["overall"] is not None
        assert stored.maturity_level == expected["maturity"]["level"] is not None
        assert (stored.sector, stored.size_band, stored.region) == tuple(PROFILE.values())
        assert stored.completed_at is not None
        assert stored.updated_at <= stored.completed_at  # nothing changed since completion
        save_answer(session, assessment_id, "ip_policy", "written")
        update_assessment(session, assessment_id, company_name="Renamed Ltd", current_section="strategy")
    with session_scope(db) as session:
        stored = get_assessment(session, assessment_id)
        assert stored.result_snapshot == expected
        assert stored.overall_score == expected["overall"]
        assert stored.status == "amended"
        assert stored.updated_at > stored.completed_at  # type: ignore[operator]


def test_update_assessment_sets_known_fields_only(session: Session) -> None:
    assessment = new_assessment(session)
    update_assessment(session, assessment.id, language="zh-Hans", benchmark_opt_in=True, sector="other")
    assert (assessment.language, assessment.benchmark_opt_in, assessment.sector) == ("zh-Hans", True, "other")
    for field in ("status", "resume_digest", "result_snapshot"):
        with pytest.raises(ValueError, match=field):
            update_assessment(session, assessment.id, **{field: "x"})
    assert assessment.status == "in_progress"


def test_deleting_an_assessment_deletes_its_answers(db: str) -> None:
    with session_scope(db) as session:
        first, second = new_assessment(session), new_assessment(session)
        for assessment in (first, second):
            save_answer(session, assessment.id, "ip_policy", "none")
            save_answer(session, assessment.id, "does_rnd", "no")
        ids = first.id, second.id
    with session_scope(db) as session:
        delete_assessment(session, ids[0])
        delete_assessment(session, ids[0])  # deleting twice is harmless
    with session_scope(db) as session:
        assert session.get(Assessment, ids[0]) is None
        assert answer_rows(session, ids[0]) == 0
        assert answers_of(session, ids[1]) == {"ip_policy": "none", "does_rnd": "no"}
        # A bulk delete bypasses the ORM: only the database's ON DELETE CASCADE removes the answers.
        session.execute(delete(Assessment).where(Assessment.id == ids[1]))
        assert answer_rows(session) == 0


def test_previous_assessments_form_a_chain(db: str) -> None:
    with session_scope(db) as session:
        first = new_assessment(session)
        update_assessment(session, first.id, company_name="Acme Ltd")
        second = new_assessment(session, previous=first)
        third = new_assessment(session, previous=second)
        assert second.company_name == "Acme Ltd"  # carried over to the re-assessment
        assert [a.id for a in previous_assessments(session, third)] == [second.id, first.id]
        assert previous_assessments(session, first) == []
        ids = first.id, second.id, third.id
    with session_scope(db) as session:
        delete_assessment(session, ids[1])
    with session_scope(db) as session:
        third_again = get_assessment(session, ids[2])
        assert third_again.previous_assessment_id is None  # ON DELETE SET NULL
        assert previous_assessments(session, third_again) == []
        assert get_assessment(session, ids[0]).company_name == "Acme Ltd"
