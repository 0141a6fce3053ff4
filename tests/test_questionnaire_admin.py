"""Drafts, optimistic locking, publishing, rolling back, history, the bundled-versus-staff rule and impact."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from scoring import load_questionnaire, score
from scoring.loader import load_questionnaire_text
from storage.models import QuestionnaireDraft, QuestionnaireVersion, User
from storage.questionnaire_admin import (
    PublishRefused,
    delete_draft,
    history,
    impact,
    publish_draft,
    publish_text,
    roll_back,
    save_draft,
    start_draft,
)
from storage.repository import (
    complete_assessment,
    create_assessment,
    get_assessment,
    import_bundled,
    latest_version,
    save_answer,
)
from tests.conftest import FIXTURES
from tests.questionnaire_edits import MINI, with_new_question

pytest_plugins = ["tests.storage_fixtures"]

MINI_FILE = FIXTURES / "mini.yaml"


def staff(session: Session, email: str = "editor@example.com") -> int:
    user = User(email=email, display_name="Editor", role="staff")
    session.add(user)
    session.flush()
    return user.id


def bundled(session: Session) -> QuestionnaireVersion:
    import_bundled(session, [MINI_FILE])
    version = latest_version(session, "mini")
    assert version is not None
    return version


def completed(session: Session, version: QuestionnaireVersion, answers: dict[str, Any]) -> int:
    assessment, _ = create_assessment(session, version, language="en", consent=True, benchmark_opt_in=True)
    for question_id, value in answers.items():
        save_answer(session, assessment.id, question_id, value)
    questionnaire = load_questionnaire_text(version.yaml_text)
    complete_assessment(session, assessment.id, score(questionnaire, answers, language="en").to_dict())
    return assessment.id


# ---------------------------------------------------------------- drafts and optimistic locking


def test_a_save_at_the_loaded_revision_goes_through_and_counts_up(session: Session) -> None:
    bundled(session)
    user = staff(session)
    draft = start_draft(session, "mini", user)
    assert draft.yaml_text == MINI and draft.revision == 1
    outcome = save_draft(session, draft.id, 1, MINI + "# edited\n", user)
    assert outcome.saved and outcome.draft.revision == 2
    assert outcome.draft.yaml_text.endswith("# edited\n")


def test_the_second_of_two_editors_gets_a_conflict_and_both_texts_are_kept(session: Session) -> None:
    bundled(session)
    first, second = staff(session, "first@example.com"), staff(session, "second@example.com")
    draft = start_draft(session, "mini", first)
    assert save_draft(session, draft.id, 1, MINI + "# first\n", first).saved
    outcome = save_draft(session, draft.id, 1, MINI + "# second\n", second)  # loaded revision 1 too
    assert not outcome.saved
    assert outcome.draft.yaml_text.endswith("# first\n") and outcome.draft.revision == 2
    assert outcome.conflict_copy is not None
    assert outcome.conflict_copy.yaml_text.endswith("# second\n")
    assert f"draft {draft.id}" in outcome.conflict_copy.label
    assert session.query(QuestionnaireDraft).count() == 2


def test_a_deleted_draft_cannot_be_saved(session: Session) -> None:
    bundled(session)
    draft = start_draft(session, "mini", None)
    delete_draft(session, draft.id)
    with pytest.raises(Exception, match="no longer exists"):
        save_draft(session, draft.id, 1, MINI, None)


# ---------------------------------------------------------------- publishing


def test_an_invalid_draft_is_never_published_and_the_errors_name_their_lines(session: Session) -> None:
    bundled(session)
    draft = start_draft(session, "mini", None, text=MINI.replace("weight: 2\n", "weight: lots\n", 1))
    with pytest.raises(PublishRefused) as refused:
        publish_draft(session, draft.id, draft.revision, None)
    assert refused.value.problems and all(p.severity == "error" for p in refused.value.problems)
    assert any("weight" in p.path and p.line > 1 for p in refused.value.problems)
    assert latest_version(session, "mini").version == "1.10"  # type: ignore[union-attr]


@pytest.mark.parametrize("version", ["1.10", "1.9", "1.1"])
def test_publishing_needs_a_version_number_higher_than_every_stored_one(session: Session, version: str) -> None:
    bundled(session)
    with pytest.raises(PublishRefused, match=re.escape("higher than '1.10'")):
        publish_text(session, "mini", with_new_question(version), None)


def test_publishing_another_questionnaires_id_is_refused(session: Session) -> None:
    bundled(session)
    with pytest.raises(PublishRefused, match="keep the id"):
        publish_text(session, "other", with_new_question("1.11"), None)


def test_a_published_draft_becomes_current_is_gone_as_a_draft_and_is_in_the_history(session: Session) -> None:
    bundled(session)
    user = staff(session)
    draft = start_draft(session, "mini", user, text=with_new_question("1.11"))
    published = publish_draft(session, draft.id, draft.revision, user, note="Adds an IP owner question")
    assert latest_version(session, "mini").id == published.id  # type: ignore[union-attr]
    assert session.get(QuestionnaireDraft, draft.id) is None
    rows = history(session, "mini")
    assert [(r.version, r.source, r.current) for r in rows] == [("1.11", "staff", True), ("1.10", "bundled", False)]
    assert rows[0].published_by == "editor@example.com" and rows[0].note == "Adds an IP owner question"


def test_publishing_what_someone_saved_meanwhile_is_refused(session: Session) -> None:
    bundled(session)
    draft = start_draft(session, "mini", None, text=with_new_question("1.11"))
    save_draft(session, draft.id, 1, with_new_question("1.12"), None)
    with pytest.raises(PublishRefused, match="reload"):
        publish_draft(session, draft.id, 1, None)


def test_an_assessment_completed_before_keeps_its_version_wording_and_score(session: Session) -> None:
    version = bundled(session)
    answers = {"does_rnd": "yes", "ip_policy": "informal", "budget": 20, "searches": 4}
    old_id = completed(session, version, answers)
    snapshot = dict(get_assessment(session, old_id).result_snapshot or {})
    publish_text(session, "mini", with_new_question("1.11"), None)
    old = get_assessment(session, old_id)
    assert old.questionnaire_version_id == version.id and old.result_snapshot == snapshot
    assert "ip_owner" not in old.questionnaire_version.yaml_text
    new, _ = create_assessment(session, latest_version(session, "mini"), language="en", consent=True)  # type: ignore[arg-type]
    assert "ip_owner" in new.questionnaire_version.yaml_text


def test_rolling_back_publishes_the_earlier_content_under_a_new_number(session: Session) -> None:
    original = bundled(session)
    publish_text(session, "mini", with_new_question("1.11"), None)
    back = roll_back(session, original.id, "1.12", None)
    assert back.version == "1.12" and latest_version(session, "mini").id == back.id  # type: ignore[union-attr]
    assert back.yaml_text == MINI.replace('version: "1.10"', 'version: "1.12"')
    assert back.note == "Rolled back to 1.10"
    with pytest.raises(PublishRefused, match="not new"):
        roll_back(session, original.id, "1.12", None)


# ---------------------------------------------------------------- a release's bundled file versus staff's versions


def test_a_bundled_file_with_a_number_staff_published_first_is_skipped_not_fatal(
    session: Session, tmp_path: Path
) -> None:
    bundled(session)
    staff_text = with_new_question("1.11")
    publish_text(session, "mini", staff_text, None)
    release = tmp_path / "mini.yaml"
    release.write_text(MINI.replace('version: "1.10"', 'version: "1.11"'), encoding="utf-8")
    report = import_bundled(session, [release])
    assert report.imported == [] and len(report.skipped) == 1 and "staff" in report.skipped[0]
    assert latest_version(session, "mini").yaml_text == staff_text  # type: ignore[union-attr]


def test_a_bundled_file_with_a_higher_number_becomes_current(session: Session, tmp_path: Path) -> None:
    bundled(session)
    publish_text(session, "mini", with_new_question("1.11"), None)
    release = tmp_path / "mini.yaml"
    release.write_text(MINI.replace('version: "1.10"', 'version: "2.0"'), encoding="utf-8")
    assert import_bundled(session, [release]).imported == ["mini 2.0"]
    assert latest_version(session, "mini").version == "2.0"  # type: ignore[union-attr]


# ---------------------------------------------------------------- impact


def test_impact_counts_level_changes_and_the_mean_shift_per_section(session: Session) -> None:
    version = bundled(session)
    completed(session, version, {"does_rnd": "no", "ip_policy": "informal", "budget": 20})
    completed(session, version, {"does_rnd": "no", "ip_policy": "written", "budget": 60})
    # The draft scores "informal" as 100 instead of 50: the first assessment's strategy score rises.
    draft_text = MINI.replace("{value: informal, score: 50,", "{value: informal, score: 100,").replace(
        'version: "1.10"', 'version: "1.11"'
    )
    draft = load_questionnaire_text(draft_text)
    before = load_questionnaire(MINI_FILE)
    first_before = score(before, {"does_rnd": "no", "ip_policy": "informal", "budget": 20}).to_dict()
    first_after = score(draft, {"does_rnd": "no", "ip_policy": "informal", "budget": 20}).to_dict()
    result = impact(session, draft)
    assert result.assessments == 2
    expected_up = int(first_after["maturity"]["level"] > first_before["maturity"]["level"])
    assert result.level_up == expected_up and result.level_down == 0
    strategy = next(s for s in result.sections if s.section_id == "strategy")
    first_shift = next(s["score"] for s in first_after["sections"] if s["id"] == "strategy") - next(
        s["score"] for s in first_before["sections"] if s["id"] == "strategy"
    )
    assert strategy.compared == 2
    assert strategy.shift == pytest.approx(first_shift / 2, abs=0.01)
    assert strategy.shift > 0


def test_impact_with_no_stored_assessments_is_empty(session: Session) -> None:
    bundled(session)
    result = impact(session, load_questionnaire(MINI_FILE))
    assert result.assessments == 0 and result.level_changed == 0 and result.overall_before is None


def test_impact_counts_answers_the_draft_no_longer_accepts(session: Session) -> None:
    version = bundled(session)
    completed(session, version, {"does_rnd": "no", "ip_policy": "informal", "budget": 20})
    without_budget = MINI.replace('version: "1.10"', 'version: "1.11"')
    start = without_budget.index("      - id: budget\n")
    end = without_budget.index("  - id: patents\n")
    draft = load_questionnaire_text(without_budget[:start] + without_budget[end:])
    assert impact(session, draft).answers_dropped == 1


def test_history_counts_the_assessments_of_each_version(session: Session) -> None:
    version = bundled(session)
    completed(session, version, {"does_rnd": "no", "ip_policy": "informal", "budget": 20})
    assert history(session, "mini")[0].assessments == 1
    assert isinstance(history(session, "mini")[0].published_at, dt.datetime)
