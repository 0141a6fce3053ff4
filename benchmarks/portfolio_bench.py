"""The adviser's portfolio page with 10,000 stored assessments shared with one adviser (SQLite file).

- The query alone: one row per client, filtered, searched and sorted in SQL.
- The whole page, server-side: an AppTest run of the app as a signed-in adviser with a filter and a search
  set (load, filter, build the table, serialise it for the browser). Goal <= 1 s.
Set BENCH_DATABASE_URL to run it on PostgreSQL instead (an empty database; its tables are created here).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert
from streamlit.testing.v1 import AppTest

from benchmarks.timing import Measurement, median_seconds
from scoring.profile import PROFILE_CODES
from storage.db import dispose_engine, session_scope
from storage.migrate import upgrade
from storage.models import Assessment, Share, User, utcnow
from storage.portfolio import PortfolioFilter, portfolio_rows
from storage.repository import import_bundled, latest_version

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "questionnaires" / "ip_readiness.yaml"
ASSESSMENTS = 10_000
FILTERED = PortfolioFilter(sectors=["technology", "manufacturing"], statuses=["completed"], search="co", sort="score")


def fill(url: str, count: int = ASSESSMENTS) -> int:
    """`count` assessments, all shared with one adviser; returns its id. One in ten is a re-assessment of the
    one before, so the table has about 9,000 clients: close to the worst case, with chains to group."""
    chooser = random.Random(6)
    with session_scope(url) as session:
        import_bundled(session, [BUNDLED], ROOT)
        version = latest_version(session, "ip_readiness")
        assert version is not None
        adviser = User(email="bench@example.com", display_name="Bench Adviser", role="adviser", password_hash="x")
        session.add(adviser)
        session.flush()
        now, rows = utcnow(), []
        for number in range(1, count + 1):
            completed = chooser.random() < 0.7
            score = round(chooser.uniform(0, 100), 1) if completed else None
            rows.append(
                {
                    "id": number,
                    "questionnaire_version_id": version.id,
                    "status": "completed" if completed else "in_progress",
                    "language": "en",
                    "company_name": f"Company {number} Limited",
                    "consent_at": now,
                    "resume_digest": f"{number:064x}",
                    "sector": chooser.choice(PROFILE_CODES["sector"]),
                    "size_band": chooser.choice(PROFILE_CODES["size_band"]),
                    "region": chooser.choice(PROFILE_CODES["region"]),
                    "client_key": number - 1 if number % 10 == 0 else number,
                    "overall_score": score,
                    "maturity_level": None if score is None else min(5, int(score // 20) + 1),
                    "created_at": now,
                    "updated_at": now,
                    "completed_at": now if completed else None,
                }
            )
        session.execute(insert(Assessment), rows)
        session.execute(insert(Share), [{"assessment_id": n, "adviser_id": adviser.id} for n in range(1, count + 1)])
        return adviser.id


def page_run(adviser_id: int) -> AppTest:
    from ui.auth import SIGNED_IN, SignedIn

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.session_state[SIGNED_IN] = SignedIn(adviser_id, "bench@example.com", "Bench Adviser", "adviser")
    app.session_state["signed_in_last_seen"] = time.time()
    app.session_state["pf_search"] = "co"
    app.session_state["pf_sort"] = "score"
    return app


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{Path(folder) / 'portfolio.db'}"
        previous = {key: os.environ.get(key) for key in ("DATABASE_URL", "IPREADY_QUESTIONNAIRE")}
        os.environ["DATABASE_URL"], os.environ["IPREADY_QUESTIONNAIRE"] = url, str(BUNDLED)
        try:
            upgrade(url)
            adviser_id = fill(url)

            def query() -> int:
                with session_scope(url) as session:
                    return len(portfolio_rows(session, adviser_id, FILTERED))

            app = page_run(adviser_id)

            def page() -> None:
                app.session_state["signed_in_last_seen"] = time.time()
                app.run()
                assert not app.exception, app.exception
                assert app.dataframe, "the portfolio table was not drawn"

            return [
                Measurement("portfolio query, 10,000 assessments, filtered", median_seconds(query, 7), 0.2),
                Measurement("portfolio page, 10,000 assessments (server-side)", median_seconds(page, 5), 1.0),
            ]
        finally:
            for key, value in previous.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            dispose_engine(url)


if __name__ == "__main__":
    from benchmarks.timing import table

    print(table(run()))
