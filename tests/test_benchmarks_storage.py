"""Which stored assessments count as peers, on every backend: completed, opted in, one per company, never the
asking company, and never a group smaller than five."""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.insights import peer_benchmark
from storage.repository import delete_assessment, save_answer, update_assessment
from tests.benchmark_builders import MAKER, company, mini_version, result

pytest_plugins = ["tests.storage_fixtures"]

OWN = result(55.0, {"strategy": 55.0, "patents": 40.0}, MAKER)


def own(session: Session) -> int:
    return company(session, mini_version(session), 55.0, opt_in=False, complete=False).id


def peers(session: Session, count: int, **options: object) -> list[int]:
    version = mini_version(session)
    return [company(session, version, 10.0 * (i + 1), **options).id for i in range(count)]  # type: ignore[arg-type]


def test_four_peers_give_no_benchmark_and_five_do(session: Session) -> None:
    asking = own(session)
    peers(session, 4)
    assert peer_benchmark(session, asking, OWN) is None
    company(session, mini_version(session), 80.0)
    found = peer_benchmark(session, asking, OWN)
    assert found is not None
    assert found.group.criteria == (("sector", "manufacturing"), ("size_band", "small_10_49"), ("region", "hong_kong"))
    assert (found.overall.peers, found.overall.below, found.overall.above) == (5, 4, 1)
    assert found.overall.percentile == 80.0
    assert sum(found.distribution) == 5


def test_opted_out_and_in_progress_assessments_do_not_count(session: Session) -> None:
    asking = own(session)
    peers(session, 4)
    peers(session, 1, opt_in=False)
    peers(session, 1, complete=False)
    assert peer_benchmark(session, asking, OWN) is None


def test_a_company_counts_once_by_its_latest_completed_assessment(session: Session) -> None:
    asking = own(session)
    version = mini_version(session)
    first = company(session, version, 90.0)
    company(session, version, 10.0, previous=first)
    peers(session, 3)
    assert peer_benchmark(session, asking, OWN) is None
    peers(session, 1)
    found = peer_benchmark(session, asking, OWN)
    assert found is not None and found.overall.peers == 5
    assert found.overall.above == 0  # the company's 90 was replaced by its 10


def test_a_company_whose_latest_assessment_opted_out_leaves(session: Session) -> None:
    asking = own(session)
    version = mini_version(session)
    first = company(session, version, 90.0)
    company(session, version, 80.0, previous=first, opt_in=False)
    peers(session, 4)
    assert peer_benchmark(session, asking, OWN) is None


def test_an_amended_assessment_still_counts_with_its_completed_result(session: Session) -> None:
    asking = own(session)
    ids = peers(session, 5)
    save_answer(session, ids[0], "ip_policy", "written")
    found = peer_benchmark(session, asking, OWN)
    assert found is not None and found.overall.peers == 5


def test_the_asking_company_and_its_earlier_assessments_never_count(session: Session) -> None:
    version = mini_version(session)
    earlier = company(session, version, 30.0)
    asking = company(session, version, 55.0, previous=earlier, complete=False).id
    peers(session, 4)
    assert peer_benchmark(session, asking, OWN) is None
    peers(session, 1)
    found = peer_benchmark(session, asking, OWN)
    assert found is not None and found.overall.peers == 5


def test_a_deletion_that_leaves_four_hides_the_benchmark(session: Session) -> None:
    asking = own(session)
    ids = peers(session, 5)
    assert peer_benchmark(session, asking, OWN) is not None
    delete_assessment(session, ids[2])
    assert peer_benchmark(session, asking, OWN) is None


def test_opting_out_later_removes_a_company(session: Session) -> None:
    asking = own(session)
    ids = peers(session, 5)
    update_assessment(session, ids[0], benchmark_opt_in=False)
    assert peer_benchmark(session, asking, OWN) is None


def test_too_few_in_the_narrow_group_widens_to_the_sector(session: Session) -> None:
    asking = own(session)
    peers(session, 2)
    peers(session, 3, profile={**MAKER, "region": "guangdong"})
    found = peer_benchmark(session, asking, OWN)
    assert found is not None
    assert found.group.criteria == (("sector", "manufacturing"), ("size_band", "small_10_49"))
    assert found.group.size == 5


def test_a_section_scored_by_four_peers_shows_no_standing(session: Session) -> None:
    asking = own(session)
    version = mini_version(session)
    for i in range(4):
        company(session, version, 50.0, sections={"strategy": 10.0 * i, "patents": 20.0})
    company(session, version, 50.0, sections={"strategy": 70.0, "patents": None})
    found = peer_benchmark(session, asking, OWN)
    assert found is not None
    assert set(found.sections) == {"strategy"}
    assert found.sections["strategy"].below == 4


def test_assessments_of_another_questionnaire_do_not_count(session: Session) -> None:
    asking = own(session)
    peers(session, 4)
    other = mini_version(session, "worked.yaml", "worked", "1.0")
    company(session, other, 20.0)
    assert peer_benchmark(session, asking, OWN) is None


def test_no_overall_score_of_ones_own_is_no_benchmark(session: Session) -> None:
    asking = own(session)
    peers(session, 6)
    assert peer_benchmark(session, asking, result(None, {}, MAKER)) is None


def test_without_profile_codes_everyone_is_the_group(session: Session) -> None:
    asking = own(session)
    peers(session, 2)
    peers(session, 3, profile={"sector": "technology", "size_band": "micro_1_9", "region": "macao"})
    found = peer_benchmark(session, asking, result(55.0, {"strategy": 55.0}, {}))
    assert found is not None
    assert found.group.criteria == () and found.overall.peers == 5
