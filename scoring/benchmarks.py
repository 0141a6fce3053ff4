"""Peer benchmarks: where one company's scores sit among comparable companies. Pure functions of the scores.

Privacy first: nothing is computed or returned for a group of fewer than MIN_GROUP peers. A group so small
could let a reader work out another company's score.

Percentile: the share of peers scoring lower plus half the share scoring the same, from 0 to 100 (the
"mid-rank" definition: a company in the middle of a group is at 50 whether or not others tie with it).
Scores are compared as shown, to one decimal place: a peer scores "the same" when its score rounds to the
company's shown score, i.e. lies in [shown - 0.05, shown + 0.05). The database counts with the same bounds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

MIN_GROUP = 5
PROFILE_FIELDS = ("sector", "size_band", "region")
# From the most specific peer group to the widest; the first with MIN_GROUP peers is used.
GROUP_LEVELS: tuple[tuple[str, ...], ...] = (
    ("sector", "size_band", "region"),
    ("sector", "size_band"),
    ("sector", "region"),
    ("sector",),
    ("region",),
    (),
)
BINS = 10  # 0-10, 10-20, ..., 90-100 (100 counts in the last)


Criteria = tuple[tuple[str, str], ...]  # (field, code) pairs in PROFILE_FIELDS order; () is everyone


class PeerProfile(NamedTuple):
    """One peer company: its overall score and profile codes (a tuple: thousands are built per request)."""

    overall: float
    sector: str | None = None
    size_band: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class PeerGroup:
    """The peers compared with: companies sharing the profile codes in `criteria` (none: everyone)."""

    criteria: Criteria
    size: int


@dataclass(frozen=True)
class Standing:
    """One score among a group's scores."""

    score: float  # as shown, one decimal
    percentile: float  # 0-100, see the module's docstring
    peers: int
    below: int
    equal: int
    above: int


@dataclass(frozen=True)
class Counts:
    """How many peer scores lie below and at a score, of how many (counted where the scores are stored)."""

    below: int
    equal: int
    total: int


@dataclass(frozen=True)
class Benchmark:
    group: PeerGroup
    overall: Standing
    distribution: tuple[int, ...]  # peers per bin, BINS bins
    own_bin: int
    sections: dict[str, Standing]  # only sections with MIN_GROUP peer scores and a score of one's own


def shown(score: float) -> float:
    return round(float(score), 1)


def same_bounds(own: float) -> tuple[float, float]:
    """Scores in [low, high) show as `own` does; below `low` is lower."""
    mine = shown(own)
    return mine - 0.05, mine + 0.05


def count(own: float, scores: Sequence[float]) -> Counts:
    low, high = same_bounds(own)
    below = sum(1 for score in scores if score < low)
    equal = sum(1 for score in scores if low <= score < high)
    return Counts(below, equal, len(scores))


def standing_of(own: float, counts: Counts) -> Standing | None:
    """The standing given counted peer scores; None for fewer than MIN_GROUP."""
    if counts.total < MIN_GROUP:
        return None
    percentile = 100.0 * (counts.below + counts.equal / 2) / counts.total
    above = counts.total - counts.below - counts.equal
    return Standing(shown(own), percentile, counts.total, counts.below, counts.equal, above)


def standing(own: float, scores: Sequence[float]) -> Standing | None:
    """`own` among `scores`; None for fewer than MIN_GROUP scores."""
    return standing_of(own, count(own, scores))


def bin_of(score: float) -> int:
    """The histogram bin of a score: 0 for 0 to under 10, ..., 9 for 90 to 100."""
    return min(BINS - 1, max(0, int(shown(score) // (100 / BINS))))


def bin_bounds(index: int) -> tuple[int, int]:
    width = 100 // BINS
    return index * width, (index + 1) * width


def histogram(scores: Sequence[float]) -> tuple[int, ...] | None:
    """Peers per bin; None for fewer than MIN_GROUP scores."""
    if len(scores) < MIN_GROUP:
        return None
    counts = [0] * BINS
    for score in scores:
        counts[bin_of(score)] += 1
    return tuple(counts)


def candidate_groups(profile: Mapping[str, str | None]) -> list[Criteria]:
    """The groups to try, most specific first; a level needing a code the company did not give is left out."""
    candidates = []
    for level in GROUP_LEVELS:
        codes = [(field, profile.get(field)) for field in level]
        if all(isinstance(code, str) and code for _, code in codes):
            candidates.append(tuple((field, str(code)) for field, code in codes))
    return candidates


def first_large_enough(candidates: Sequence[Criteria], sizes: Sequence[int]) -> PeerGroup | None:
    """The first candidate group with at least MIN_GROUP peers; None when there is none."""
    for criteria, size in zip(candidates, sizes, strict=True):
        if size >= MIN_GROUP:
            return PeerGroup(criteria, size)
    return None


def in_group(peer: PeerProfile, criteria: Criteria) -> bool:
    return all(getattr(peer, field) == code for field, code in criteria)


def choose_group(profile: Mapping[str, str | None], peers: Sequence[PeerProfile]) -> PeerGroup | None:
    """The most specific group of at least MIN_GROUP peers sharing the company's profile codes; None when
    even everyone is fewer than MIN_GROUP."""
    candidates = candidate_groups(profile)
    sizes = [sum(1 for peer in peers if in_group(peer, criteria)) for criteria in candidates]
    return first_large_enough(candidates, sizes)


def compare(
    own_overall: float,
    own_sections: Mapping[str, float | None],
    group: PeerGroup,
    overall_scores: Sequence[float],
    section_counts: Mapping[str, Counts],
) -> Benchmark | None:
    """The company's standing in `group`: `overall_scores` are the group's overall scores, `section_counts`
    each section's peer scores counted against the company's own (see `count`), from the group's peers that
    have one. A section with fewer than MIN_GROUP peer scores, or no score of the company's own, gets none."""
    overall = standing(own_overall, overall_scores)
    distribution = histogram(overall_scores)
    if overall is None or distribution is None:
        return None
    sections: dict[str, Standing] = {}
    for section_id, own in own_sections.items():
        counts = section_counts.get(section_id)
        found = None if own is None or counts is None else standing_of(own, counts)
        if found is not None:
            sections[section_id] = found
    return Benchmark(group, overall, distribution, bin_of(own_overall), sections)


def benchmark(
    own_overall: float | None,
    own_sections: Mapping[str, float | None],
    profile: Mapping[str, str | None],
    peers: Sequence[PeerProfile],
    peer_sections: Sequence[Mapping[str, float]],
) -> Benchmark | None:
    """Group choice and comparison in one step; `peer_sections[i]` holds the section scores of `peers[i]`."""
    if own_overall is None:
        return None
    group = choose_group(profile, peers)
    if group is None:
        return None
    members = [i for i, peer in enumerate(peers) if in_group(peer, group.criteria)]
    by_section: dict[str, list[float]] = {}
    for index in members:
        for section_id, score in peer_sections[index].items():
            by_section.setdefault(section_id, []).append(score)
    counts = {
        section_id: count(own, by_section.get(section_id, []))
        for section_id, own in own_sections.items()
        if own is not None
    }
    return compare(own_overall, own_sections, group, [peers[i].overall for i in members], counts)
