"""Reserved profile fields. Their answer codes are fixed in code, not in YAML, because peer
benchmarks group stored assessments by them across questionnaire versions."""

from __future__ import annotations

PROFILE_CODES: dict[str, tuple[str, ...]] = {
    "sector": (
        "manufacturing",
        "technology",
        "life_sciences",
        "consumer_retail",
        "creative_media",
        "food_beverage",
        "trading_logistics",
        "professional_services",
        "other",
    ),
    # Staff head count. Hong Kong counts manufacturers under 100 staff and other firms under 50 as SMEs.
    "size_band": ("micro_1_9", "small_10_49", "medium_50_99", "large_100_plus"),
    # Where the company is based (head office).
    "region": ("hong_kong", "guangdong", "macao", "other_mainland", "outside_china"),
}
