"""Peer benchmark goal: an SME's percentiles (query and computation) <= 200 ms with 10,000 stored completed,
opted-in assessments. The programme dashboard's queries on the same data are shown without a goal."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from sqlalchemy import insert

from benchmarks.timing import Measurement, median_seconds
from scoring.engine import score
from scoring.loader import load_questionnaire
from scoring.profile import PROFILE_CODES
from scoring.samples import sample_answers
from storage.db import dispose_engine, session_scope
from storage.insights import activity, drop_off, maturity_spread, peer_benchmark, summary
from storage.migrate import upgrade
from storage.models import Assessment, SectionScore
from storage.repository import create_assessment, import_bundled, latest_version

BUNDLED = Path(__file__).resolve().parent.parent / "questionnaires" / "ip_readiness.yaml"
STORED = 10_000
OWN_PROFILE = {"sector": "manufacturing", "size_band": "small_10_49", "region": "hong_kong"}


def _store_peers(url: str, section_ids: list[str]) -> None:
    """10,000 completed, opted-in companies with random profiles and scores, inserted in bulk."""
    rng = random.Random(6)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with session_scope(url) as session:
        version = latest_version(session, "ip_readiness")
        assert version is not None
        rows, scores = [], []
        for number in range(1, STORED + 1):
            overall = round(rng.uniform(0, 100), 1)
            moment = start + dt.timedelta(minutes=53 * number)
            rows.append(
                {
                    "id": number,
                    "questionnaire_version_id": version.id,
                    "status": "completed",
                    "language": "en",
                    "company_name": "",
                    "consent_at": moment,
                    "benchmark_opt_in": True,
                    "resume_digest": f"{number:064x}",
                    "sector": rng.choice(PROFILE_CODES["sector"]),
                    "size_band": rng.choice(PROFILE_CODES["size_band"]),
                    "region": rng.choice(PROFILE_CODES["region"]),
                    "client_key": number,
                    "overall_score": overall,
                    "maturity_level": min(5, 1 + int(overall // 20)),
                    "created_at": moment,
                    "updated_at": moment,
                    "completed_at": moment + dt.timedelta(minutes=40),
                }
            )
            scores += [
                {"assessment_id": number, "section_id": s, "score": round(rng.uniform(0, 100), 1)} for s in section_ids
            ]
        session.execute(insert(Assessment), rows)
        session.execute(insert(SectionScore), scores)


def run() -> list[Measurement]:
    questionnaire = load_questionnaire(BUNDLED)
    section_ids = [s.id for s in questionnaire.sections if s.scored]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'peers.db'}"
        upgrade(url)
        with session_scope(url) as session:
            import_bundled(session, [BUNDLED])
        _store_peers(url, section_ids)
        with session_scope(url) as session:
            version = latest_version(session, "ip_readiness")
            assert version is not None
            own_id = create_assessment(session, version, language="en", consent=True)[0].id
        answers = sample_answers(questionnaire, "random", 3)
        own = score(questionnaire, answers, meta={"profile": OWN_PROFILE}).to_dict()
        everyone = {**own, "meta": {"profile": {}}}

        def percentiles(result: dict) -> None:
            with session_scope(url) as session:
                assert peer_benchmark(session, own_id, result) is not None

        def dashboard() -> None:
            with session_scope(url) as session:
                summary(session, None, None, "ip_readiness")
                activity(session, None, None, "week", "ip_readiness")
                drop_off(session, None, None, section_ids, "ip_readiness")
                maturity_spread(session, "sector", None, None, "ip_readiness")
                maturity_spread(session, "region", None, None, "ip_readiness")

        measurements = [
            Measurement(
                "peer percentiles, 10,000 stored (sector, size, region group)",
                median_seconds(lambda: percentiles(own), 7),
                0.200,
            ),
            Measurement(
                "peer percentiles, 10,000 stored (widest group: everyone)",
                median_seconds(lambda: percentiles(everyone), 7),
                0.200,
            ),
            Measurement("programme dashboard queries, 10,000 stored", median_seconds(dashboard, 5), None),
        ]
        dispose_engine(url)
    return measurements


if __name__ == "__main__":
    from benchmarks.timing import table

    print(table(run()))
