"""Peer benchmarks: where one company's scores sit among comparable companies. Pure functions of the scores.

Privacy first: nothing is computed or returned for a group of fewer than MIN_GROUP peers. A group so small
could let a reader work out another company's score.

Percentile: the share of peers scoring lower plus half the share scoring the same, from 0 to 100 (the
"mid-rank" definition: a company in the middle of a group is at 50 whether or not others tie with it).
Scores are compared as shown, rounded to one decimal place, so that "the same" means what people see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class PeerProfile:
    """One peer company: its profile codes and overall score."""

    overall: float
    sector: str | None = None
    size_band: str | None = None
    region: str | None = None

    def code(self, field: str) -> str | None:
        value = getattr(self, field)
        return value if isinstance(value, str) else None


@dataclass(frozen=True)
class PeerGroup:
    """The peers compared with: companies sharing the profile codes in `criteria` (none: everyone)."""

    criteria: tuple[tuple[str, str], ...]  # (field, code), in PROFILE_FIELDS order
    members: tuple[int, ...]  # indexes into the peer list it was chosen from

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Standing:
    """One score among a group's scores."""

    score: float
    percentile: float  # 0-100, see the module's docstring
    peers: int
    below: int
    equal: int
    above: int


@dataclass(frozen=True)
class Benchmark:
    group: PeerGroup
    overall: Standing
    distribution: tuple[int, ...]  # peers per bin, BINS bins
    own_bin: int
    sections: dict[str, Standing]  # only sections with MIN_GROUP peer scores and a score of one's own


def _shown(score: float) -> float:
    return round(float(score), 1)


def standing(own: float, scores: Sequence[float]) -> Standing | None:
    """`own` among `scores`; None for fewer than MIN_GROUP scores."""
    if len(scores) < MIN_GROUP:
        return None
    mine = _shown(own)
    below = equal = 0
    for score in scores:
        shown = _shown(score)
        if shown < mine:
            below += 1
        elif shown == mine:
            equal += 1
    count = len(scores)
    percentile = 100.0 * (below + equal / 2) / count
    return Standing(mine, percentile, count, below, equal, count - below - equal)


def bin_of(score: float) -> int:
    """The histogram bin of a score: 0 for 0 to under 10, ..., 9 for 90 to 100."""
    return min(BINS - 1, max(0, int(_shown(score) // (100 / BINS))))


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


def choose_group(profile: Mapping[str, str | None], peers: Sequence[PeerProfile]) -> PeerGroup | None:
    """The most specific group of at least MIN_GROUP peers sharing the company's profile codes. A level that
    needs a code the company did not give is skipped. None when even everyone is fewer than MIN_GROUP."""
    for level in GROUP_LEVELS:
        codes = [(field, profile.get(field)) for field in level]
        if any(not isinstance(code, str) or not code for _, code in codes):
            continue
        criteria = tuple((field, str(code)) for field, code in codes)
        members = tuple(i for i, peer in enumerate(peers) if all(peer.code(f) == c for f, c in criteria))
        if len(members) >= MIN_GROUP:
            return PeerGroup(criteria, members)
    return None


def compare(
    own_overall: float,
    own_sections: Mapping[str, float | None],
    group: PeerGroup,
    overall_scores: Sequence[float],
    section_scores: Mapping[str, Sequence[float]],
) -> Benchmark | None:
    """The company's standing in `group`: `overall_scores` are the group's overall scores, `section_scores`
    each section's scores from the group's peers that have one. A section with fewer than MIN_GROUP peer
    scores, or no score of the company's own, gets no standing."""
    overall = standing(own_overall, overall_scores)
    distribution = histogram(overall_scores)
    if overall is None or distribution is None:
        return None
    sections: dict[str, Standing] = {}
    for section_id, own in own_sections.items():
        found = None if own is None else standing(own, section_scores.get(section_id, ()))
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
    by_section: dict[str, list[float]] = {}
    for index in group.members:
        for section_id, score in peer_sections[index].items():
            by_section.setdefault(section_id, []).append(score)
    overall_scores = [peers[index].overall for index in group.members]
    return compare(own_overall, own_sections, group, overall_scores, by_section)
