"""Peer benchmarks as pure functions: group choice, percentiles, distribution, and the privacy floor."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring.benchmarks import (
    BINS,
    MIN_GROUP,
    PeerProfile,
    benchmark,
    bin_of,
    candidate_groups,
    choose_group,
    histogram,
    in_group,
    standing,
)

HK_SMALL_MAKER = {"sector": "manufacturing", "size_band": "small_10_49", "region": "hong_kong"}
scores = st.floats(min_value=0, max_value=100, allow_nan=False)


def makers(count: int, **profile: str) -> list[PeerProfile]:
    fields = {**HK_SMALL_MAKER, **profile}
    return [PeerProfile(float(10 * i), fields["sector"], fields["size_band"], fields["region"]) for i in range(count)]


def test_percentile_counts_lower_scores_and_half_of_ties() -> None:
    found = standing(50, [10, 20, 50, 50, 80, 90])
    assert found is not None
    assert (found.below, found.equal, found.above, found.peers) == (2, 2, 2, 6)
    assert found.percentile == 50.0
    top = standing(95, [10, 20, 30, 40, 50])
    assert top is not None and top.percentile == 100.0


def test_scores_are_compared_as_shown_to_one_decimal() -> None:
    found = standing(50.04, [50.0, 50.01, 49.96, 49.94, 50.06, 10, 20])
    assert found is not None
    assert (found.score, found.below, found.equal, found.above) == (50.0, 3, 3, 1)


def test_nothing_is_computed_for_four_scores() -> None:
    assert standing(50, [1, 2, 3, 4]) is None
    assert histogram([1, 2, 3, 4]) is None
    assert standing(50, [1, 2, 3, 4, 5]) is not None


def test_bins_are_tens_and_100_is_in_the_last() -> None:
    assert [bin_of(s) for s in (0, 9.94, 9.96, 10, 55, 99.9, 100)] == [0, 0, 1, 1, 5, 9, 9]
    assert histogram([0, 5, 10, 100, 100]) == (2, 1, 0, 0, 0, 0, 0, 0, 0, 2)


def test_four_peers_in_the_narrowest_group_widen_it_and_five_do_not() -> None:
    four = makers(4) + makers(6, region="guangdong")
    group = choose_group(HK_SMALL_MAKER, four)
    assert group is not None and group.criteria == (("sector", "manufacturing"), ("size_band", "small_10_49"))
    assert group.size == 10
    five = makers(5) + makers(6, region="guangdong")
    group = choose_group(HK_SMALL_MAKER, five)
    assert group is not None and len(group.criteria) == 3 and group.size == 5


def test_groups_widen_to_sector_then_region_then_everyone() -> None:
    sector_only = makers(2) + makers(3, size_band="micro_1_9", region="macao")
    group = choose_group(HK_SMALL_MAKER, sector_only)
    assert group is not None and group.criteria == (("sector", "manufacturing"),)
    region_only = makers(1) + makers(4, sector="technology")
    group = choose_group(HK_SMALL_MAKER, region_only)
    assert group is not None and group.criteria == (("region", "hong_kong"),)
    everyone = makers(1) + makers(4, sector="technology", region="macao")
    group = choose_group(HK_SMALL_MAKER, everyone)
    assert group is not None and group.criteria == () and group.size == 5


def test_no_group_of_five_anywhere_is_no_benchmark() -> None:
    assert choose_group(HK_SMALL_MAKER, makers(4)) is None
    assert benchmark(50, {}, HK_SMALL_MAKER, makers(4), [{}] * 4) is None


def test_a_profile_without_codes_compares_with_everyone() -> None:
    group = choose_group({}, makers(5, sector="technology"))
    assert group is not None and group.criteria == ()


def test_a_section_with_four_peer_scores_gets_no_standing() -> None:
    peers = makers(5)
    sections = [{"strategy": 10.0 * i, "patents": 5.0 * i} for i in range(4)] + [{"strategy": 90.0}]
    found = benchmark(45, {"strategy": 50, "patents": 10, "unscored": None}, HK_SMALL_MAKER, peers, sections)
    assert found is not None
    assert set(found.sections) == {"strategy"}
    assert found.sections["strategy"].peers == 5
    assert found.overall.peers == 5 and found.own_bin == 4
    assert sum(found.distribution) == 5


@given(st.lists(scores, max_size=30), scores)
def test_standing_is_a_share_of_the_group_or_nothing(group: list[float], own: float) -> None:
    found = standing(own, group)
    if len(group) < MIN_GROUP:
        assert found is None
        return
    assert found is not None
    assert 0 <= found.percentile <= 100
    assert found.below + found.equal + found.above == found.peers == len(group)


@given(st.lists(scores, min_size=MIN_GROUP, max_size=30), scores, scores)
def test_a_higher_score_never_has_a_lower_percentile(group: list[float], first: float, second: float) -> None:
    low, high = sorted((first, second))
    low_standing, high_standing = standing(low, group), standing(high, group)
    assert low_standing is not None and high_standing is not None
    assert low_standing.percentile <= high_standing.percentile


@given(st.lists(scores, max_size=40))
def test_the_histogram_holds_every_score_once(group: list[float]) -> None:
    bins = histogram(group)
    if len(group) < MIN_GROUP:
        assert bins is None
    else:
        assert bins is not None and len(bins) == BINS and sum(bins) == len(group)


profiles = st.builds(
    PeerProfile,
    scores,
    st.sampled_from(["manufacturing", "technology", None]),
    st.sampled_from(["micro_1_9", "small_10_49"]),
    st.sampled_from(["hong_kong", "guangdong", None]),
)


@given(st.lists(profiles, max_size=25))
def test_a_chosen_group_is_never_smaller_than_five_and_shares_its_codes(peers: list[PeerProfile]) -> None:
    group = choose_group(HK_SMALL_MAKER, peers)
    if group is None:
        assert len(peers) < MIN_GROUP
        return
    assert group.size >= MIN_GROUP
    assert group.size == sum(1 for peer in peers if in_group(peer, group.criteria))
    narrower = candidate_groups(HK_SMALL_MAKER)[: candidate_groups(HK_SMALL_MAKER).index(group.criteria)]
    assert all(sum(1 for peer in peers if in_group(peer, c)) < MIN_GROUP for c in narrower)
