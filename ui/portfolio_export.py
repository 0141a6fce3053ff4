"""Bulk exports of an adviser's portfolio: one spreadsheet of results, and a zip of PDF reports.

Results are read through storage.portfolio.shared_results, so an export holds only what is shared with the
adviser at the moment it is built.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from reports.downloads import Download, portfolio_download, report_download
from reports.filenames import safe_filename
from reports.tabular import PortfolioEntry
from scoring.answers import Answers
from scoring.engine import score
from scoring.model import Questionnaire
from storage.models import QuestionnaireVersion
from storage.portfolio import SharedResult, shared_results
from storage.repository import answers_of, questionnaire_of

ZIP_MIME = "application/zip"


def questionnaire_of_version(session: Session, version_id: int) -> Questionnaire:
    row = session.get(QuestionnaireVersion, version_id)
    assert row is not None, "an assessment's questionnaire version is never deleted"
    return questionnaire_of(row)


def result_in(questionnaire: Questionnaire, shared: SharedResult, answers: Answers, lang: str) -> dict[str, Any]:
    """The stored result, its texts drawn again in `lang` when the assessment is unchanged since completion
    (the same answers on the same questionnaire version give the same scores). A result changed since
    completion stays as stored: its numbers are what the client saw."""
    snapshot = shared.snapshot
    if snapshot.get("language") == lang or shared.status != "completed":
        return snapshot
    meta = {**(snapshot.get("meta") or {}), "language": lang}
    return score(questionnaire, answers, language=lang, meta=meta).to_dict()


def portfolio_xlsx(
    session: Session, adviser_id: int, assessment_ids: Sequence[int], questionnaire: Questionnaire, lang: str
) -> Download | None:
    """One row per shown client with a result; None when none has one yet."""
    found = shared_results(session, adviser_id, assessment_ids)
    if not found:
        return None
    entries = [PortfolioEntry(str(r.assessment_id), r.snapshot) for r in found]
    return portfolio_download("xlsx", questionnaire, entries, lang)


def pdf_zip(
    session: Session,
    adviser_id: int,
    assessment_ids: Sequence[int],
    lang: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> tuple[Download, int]:
    """The PDF reports of these assessments in one zip, and how many were left out (no result, not shared)."""
    found = shared_results(session, adviser_id, assessment_ids)
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, shared in enumerate(found, start=1):
            questionnaire = questionnaire_of_version(session, shared.questionnaire_version_id)
            result = result_in(questionnaire, shared, answers_of(session, shared.assessment_id), lang)
            report = report_download("pdf", questionnaire, result)
            archive.writestr(_unique(report.file_name, used), report.data)
            progress(done, len(found))
    today = dt.date.today().isoformat()
    name = safe_filename(f"ip-ready-reports-{today}", "pdf").removesuffix(".pdf") + ".zip"
    return Download(buffer.getvalue(), name, ZIP_MIME), len(assessment_ids) - len(found)


def _unique(name: str, used: set[str]) -> str:
    """Two clients with the same name and date get -2, -3... rather than overwriting each other."""
    stem, _, extension = name.rpartition(".")
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}.{extension}"
    used.add(candidate)
    return candidate


def report_file(session: Session, adviser_id: int, assessment_id: int, fmt: str, lang: str) -> Download | None:
    """One report of one shared assessment, looked up (and so checked) at the moment it is asked for."""
    found = shared_results(session, adviser_id, [assessment_id])
    if not found:
        return None
    shared = found[0]
    questionnaire = questionnaire_of_version(session, shared.questionnaire_version_id)
    result = result_in(questionnaire, shared, answers_of(session, assessment_id), lang)
    return report_download(fmt, questionnaire, result)
