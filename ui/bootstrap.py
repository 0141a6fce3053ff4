"""Start-up, once per process: the schema is current and the bundled questionnaire is stored."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from scoring.problems import Problem, QuestionnaireError
from storage.db import get_engine, session_scope
from storage.migrate import current_revision, head_revision
from storage.repository import QuestionnaireConflict, import_bundled

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
    return Startup(questionnaire_id=report.questionnaire_ids[0])
