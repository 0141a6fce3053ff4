"""What the results page does with storage and scoring, kept out of the page itself."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy.orm import Session

from scoring.answers import Answers, answers_file, profile_of
from scoring.engine import score
from scoring.mapping import map_answers
from scoring.model import MultipleChoice, Questionnaire, SingleChoice, YesNo
from storage.repository import (
    answers_of,
    complete_assessment,
    create_assessment,
    get_assessment,
    latest_version,
    questionnaire_of,
    save_answer,
)
from storage.sharing import carry_shares
from ui.i18n import t


def result_for(
    session: Session, assessment_id: int, questionnaire: Questionnaire, answers: Answers, lang: str
) -> dict[str, Any]:
    """The stored snapshot while the assessment stays completed. After answers change (status
    in progress or amended) score now and store the new snapshot. Another language re-draws the
    same result's texts without replacing what is stored."""
    assessment = get_assessment(session, assessment_id)
    snapshot = assessment.result_snapshot
    current = assessment.status == "completed" and snapshot is not None
    if current and snapshot.get("language") == lang:
        return snapshot
    completed_on = assessment.completed_at.date() if current and assessment.completed_at else None
    meta = {
        "company": assessment.company_name,
        "language": lang,
        "date": (completed_on or dt.datetime.now(dt.UTC).date()).isoformat(),
        "profile": profile_of(questionnaire, answers),
    }
    result = score(questionnaire, answers, language=lang, meta=meta).to_dict()
    if not current:
        complete_assessment(session, assessment_id, result)
    return result


def previous_snapshot(session: Session, assessment_id: int) -> dict[str, Any] | None:
    previous_id = get_assessment(session, assessment_id).previous_assessment_id
    if previous_id is None:
        return None
    previous = session.get(type(get_assessment(session, assessment_id)), previous_id)
    return previous.result_snapshot if previous is not None else None


def answers_download(questionnaire: Questionnaire, answers: Answers, result: dict[str, Any]) -> str:
    meta = result["meta"]
    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    document = answers_file(
        questionnaire, answers, company=meta.get("company", ""), language=meta.get("language", "en"), date=date
    )
    return json.dumps(document, ensure_ascii=False, indent=2)


def answer_label(questionnaire: Questionnaire, question_id: str, answer: Any, lang: str) -> str:
    """An answer as the respondent saw it: option labels, "not applicable", numbers."""
    if answer is None:
        return ""
    if isinstance(answer, dict) and "special" in answer:
        return t("q.na" if answer["special"] == "not_applicable" else "q.dont_know", lang)
    question = next((q for _, q in questionnaire.all_questions() if q.id == question_id), None)
    if isinstance(question, (SingleChoice, MultipleChoice)):
        labels = {o.value: o.label.get(lang) for o in question.options}
        chosen = answer if isinstance(answer, list) else [answer]
        return "; ".join(labels.get(code, str(code)) for code in chosen)
    if isinstance(question, YesNo):
        custom = question.yes_label if answer == "yes" else question.no_label
        return custom.get(lang) if custom else t("q.yes" if answer == "yes" else "q.no", lang)
    return str(answer)


def start_reassessment(session: Session, assessment_id: int, lang: str) -> tuple[int, str, list[str]]:
    """A new assessment on the newest questionnaire version, pre-filled from this one. Returns its id,
    resume code and one line per answer that could not be carried over."""
    old = get_assessment(session, assessment_id)
    version = latest_version(session, old.questionnaire_version.questionnaire_id)
    assert version is not None
    new, code = create_assessment(
        session, version, language=lang, consent=True, benchmark_opt_in=old.benchmark_opt_in, previous=old
    )
    kept, dropped = map_answers(
        questionnaire_of(old.questionnaire_version), questionnaire_of(version), answers_of(session, assessment_id)
    )
    for question_id, value in kept.items():
        save_answer(session, new.id, question_id, value)
    carry_shares(session, new.id, assessment_id)  # the advisers who followed the last one follow this one
    return new.id, code, [f"{d.question}: {d.reason}" for d in dropped]
