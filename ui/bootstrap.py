"""Start-up, once per process: the schema is current and the bundled questionnaire is stored."""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from scoring.problems import Problem, QuestionnaireError
from storage.db import get_engine, session_scope
from storage.migrate import current_revision, head_revision
from storage.privacy import draft_retention, purge_abandoned_drafts
from storage.repository import QuestionnaireConflict, StorageError, import_bundled

log = logging.getLogger(__name__)
PURGE_EVERY = 24 * 3600.0  # seconds
_purged_at: dict[str, float] = {}  # database URL -> when this process last purged it (time.monotonic)
_purge_lock = threading.Lock()

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "questionnaires" / "ip_readiness.yaml"


def bundled_file() -> Path:
    """IPREADY_QUESTIONNAIRE points the app at another questionnaire file (tests, trying a draft)."""
    return Path(os.environ.get("IPREADY_QUESTIONNAIRE") or BUNDLED)


@dataclass(frozen=True)
class Startup:
    questionnaire_id: str | None = None
    schema_outdated: bool = False
    problems: list[Problem] = field(default_factory=list)
    conflict: str | None = None
    missing_file: str | None = None
    database_unreachable: bool = False

    @property
    def ok(self) -> bool:
        return self.questionnaire_id is not None


def start(url: str) -> Startup:
    try:
        with get_engine(url).connect() as connection:
            if current_revision(connection) != head_revision():
                return Startup(schema_outdated=True)
    except SQLAlchemyError:
        return Startup(database_unreachable=True)
    file = bundled_file()
    if not file.is_file():
        return Startup(missing_file=file.name)
    try:
        with session_scope(url) as session:
            report = import_bundled(session, [file], ROOT)
    except QuestionnaireError as exc:
        return Startup(problems=exc.problems)
    except QuestionnaireConflict as exc:
        return Startup(conflict=str(exc))
    for message in report.skipped:  # staff published that version number first; theirs stays in use
        log.warning("%s", message)
    purge_if_due(url)
    return Startup(questionnaire_id=report.questionnaire_ids[0])


def purge_if_due(url: str, now: float | None = None) -> int | None:
    """Delete abandoned drafts (see storage.privacy) at most once a day per process; how many, or None when
    it did not run. A failure is logged and never stops the app: the purge is housekeeping."""
    now = time.monotonic() if now is None else now
    with _purge_lock:
        last = _purged_at.get(url)
        if last is not None and now - last < PURGE_EVERY:
            return None
        _purged_at[url] = now
    try:
        retention = draft_retention()
        if retention is None:
            return None
        with session_scope(url) as session:
            deleted = purge_abandoned_drafts(session, retention)
    except (SQLAlchemyError, StorageError) as exc:
        log.warning("purging abandoned drafts failed: %s", (str(exc).splitlines() or [""])[0])
        return None
    if deleted:
        log.info("purged %d unfinished assessments unchanged for over %d days", deleted, retention.days)
    return deleted
