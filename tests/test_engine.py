"""The scoring rules of scoring/README.md, one by one, and its worked example to the decimal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scoring import AnswersError, Questionnaire, Special, load_questionnaire, score
from scoring.result import Result
from tests.builders import (
    advice,
    load,
    multi,
    number,
    questionnaire,
    recommendation,
    scale,
    section,
    single,
    yes_no,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
README = Path(__file__).resolve().parent.parent / "scoring" / "README.md"
NA, DK = Special.not_applicable, Special.dont_know
ABC = {"a": 0, "b": 50, "c": 100}


def approx(value: float) -> Any:
    return pytest.approx(value, abs=0.005)


def sections(result: Result) -> dict[str, tuple[str, float | None]]:
    return {s.id: (s.status, None if s.score is None else round(s.score, 2)) for s in result.sections}


# ---------------------------------------------------------------- the worked example

WORKED_ANSWERS: dict[str, Any] = {
    "does_rnd": "no",
    "tm_registered": "hk",
    "tm_watch": DK,
    "brand_budget": 25,
    "nda_staff": "no",
    "access_control": 5,
    "cloud_policy": NA,
    "searches": 4,
    "licensing": ["licence_out", "sell"],
}


@pytest.fixture(scope="module")
def worked() -> Result:
    questionnaire = load_questionnaire(FIXTURES / "worked.yaml", strict=True)
    return score(questionnaire, WORKED_ANSWERS)


def test_worked_example_question_and_section_scores(worked: Result) -> None:
    scores = {q.id: q.score for q in worked.questions}
    assert scores["tm_registered"] == approx(60)
    assert scores["tm_watch"] == approx(0)
    assert scores["brand_budget"] == approx(70)
    assert scores["access_control"] == approx(100)
    assert scores["licensing"] == approx(90)
    assert scores["cloud_policy"] is None
    assert worked.section("brand").score == approx(47.50)
    assert worked.section("secrets").raw_score == approx(33.33)
    assert worked.section("secrets").score == approx(25.00)
    assert worked.section("secrets").cap == 25
    assert worked.section("commercial").score == approx(90.00)
    assert sections(worked)["patents"] == ("hidden", None)
    assert worked.hidden_answers == ["searches"]


def test_worked_example_overall_maturity_and_completeness(worked: Result) -> None:
    assert worked.overall == approx(52.50)
    assert (worked.maturity_level, worked.maturity_name) == (3, "Developing")
    assert worked.completion == approx(8 / 9)
    assert round(worked.completion * 100, 2) == 88.89
    assert not worked.complete
    assert worked.missing_required == ["ip_valuation"]
    assert worked.knowledge_gaps == ["tm_watch"]
    assert [(f.question, f.section, f.cap) for f in worked.critical_flags] == [("nda_staff", "secrets", 25)]


def test_worked_example_shares_contributions_and_dimensions(worked: Result) -> None:
    by_id = {q.id: (q.max_contribution, q.contribution) for q in worked.questions if q.score is not None}
    expected = {
        "tm_registered": (25.00, 15.00),
        "tm_watch": (12.50, 0.00),
        "brand_budget": (12.50, 8.75),
        "nda_staff": (16.67, 0.00),
        "access_control": (8.33, 8.33),
        "licensing": (25.00, 22.50),
    }
    assert set(by_id) == set(expected)
    for q_id, (share, contribution) in expected.items():
        assert by_id[q_id] == (approx(share), approx(contribution)), q_id
    assert sum(c for _, c in by_id.values()) == approx(54.58)
    assert worked.dimensions == {
        "protection": approx(70.00),
        "management": approx(21.00),
        "exploitation": approx(90.00),
    }


def test_worked_example_action_plan(worked: Result) -> None:
    plan = [(r.id, round(r.gain, 2), round(r.rank, 2), r.quick_win) for r in worked.recommendations]
    assert plan == [
        ("sign_ndas", 18.75, 59.25, True),
        ("register_mainland", 10.00, 33.00, False),
        ("watch_marks", 12.50, 27.00, True),
        ("free_consultation", 7.50, 17.00, True),
        ("secrets_review", 6.25, 14.50, False),
        ("check_licences", 12.50, 13.50, True),
    ]


def test_the_readme_shows_the_numbers_the_engine_computes(worked: Result) -> None:
    readme = README.read_text(encoding="utf-8")
    for shown in ("**47.50**", "**25.00**", "**90.00**", "**52.50**", "**70.00**", "**21.00**", "**88.89%**"):
        assert shown in readme, shown
    for rec in worked.recommendations:
        assert f"**{rec.gain:.2f}**" in readme, rec.id
        assert f"**{rec.rank:.2f}**" in readme, rec.id


# ---------------------------------------------------------------- question scores


def test_single_choice_scores_the_chosen_option() -> None:
    q = load(questionnaire(section("s", single("x", ABC))))
    assert [score(q, {"x": v}).overall for v in "abc"] == [0, 50, 100]


def test_multiple_choice_adds_up_to_at_most_100_and_empty_is_zero() -> None:
    q = load(questionnaire(section("s", multi("m", {"a": 50, "b": 40, "c": 30, "none": 0}, exclusive=("none",)))))
    assert score(q, {"m": ["a", "b"]}).overall == approx(90)
    assert score(q, {"m": ["a", "b", "c"]}).overall == approx(100)
    assert score(q, {"m": []}).overall == approx(0)
    assert score(q, {"m": ["none"]}).overall == approx(0)


def test_multiple_choice_exclusive_option_cannot_be_combined() -> None:
    q = load(questionnaire(section("s", multi("m", {"a": 50, "b": 50, "none": 0}, exclusive=("none",)))))
    with pytest.raises(AnswersError) as error:
        score(q, {"m": ["a", "none"]})
    assert error.value.problems == ["answers.m: 'none' cannot be combined with other answers"]


def test_yes_no_uses_its_scores_including_swapped_ones() -> None:
    q = load(questionnaire(section("s", yes_no("good_yes"), yes_no("good_no", yes_score=0, no_score=100))))
    result = score(q, {"good_yes": "yes", "good_no": "yes"})
    assert [result.question("good_yes").score, result.question("good_no").score] == [100, 0]


@pytest.mark.parametrize(
    ("low", "high", "value", "expected"), [(1, 5, 1, 0), (1, 5, 4, 75), (0, 10, 3, 30), (1, 3, 2, 50)]
)
def test_scale_is_linear_from_min_to_max(low: int, high: int, value: int, expected: float) -> None:
    q = load(questionnaire(section("s", scale("x", low, high))))
    assert score(q, {"x": value}).overall == approx(expected)


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0), (9.99, 0), (10, 40), (49, 40), (50, 100), (10_000, 100), (-5, 0)]
)
def test_number_scores_the_highest_band_reached(value: float, expected: float) -> None:
    # No `min`: a value under the first band counts in the first band.
    q = load(questionnaire(section("s", number("n", [(0, 0), (10, 40), (50, 100)]))))
    assert score(q, {"n": value}).overall == approx(expected)


def test_number_bands_where_less_is_better() -> None:
    q = load(questionnaire(section("s", number("disputes", [(0, 100), (1, 30), (3, 0)], min=0))))
    assert [score(q, {"disputes": v}).overall for v in (0, 2, 7)] == [100, 30, 0]


# ---------------------------------------------------------------- weights, sections, overall


def test_question_and_section_weights() -> None:
    q = load(
        questionnaire(
            section("s1", single("a1", ABC, weight=3), single("a2", ABC), weight=1),
            section("s2", single("b1", ABC), weight=3),
        )
    )
    result = score(q, {"a1": "c", "a2": "a", "b1": "b"})
    assert result.section("s1").score == approx(75)  # (3 x 100 + 1 x 0) / 4
    assert result.overall == approx((1 * 75 + 3 * 50) / 4)


def test_not_applicable_is_left_out_and_an_all_na_section_is_not_assessed() -> None:
    q = load(
        questionnaire(
            section("s1", single("a1", ABC), single("a2", ABC, allow_na=True)),
            section("s2", single("b1", ABC, allow_na=True), single("b2", ABC, allow_na=True), weight=5),
        )
    )
    result = score(q, {"a1": "c", "a2": NA, "b1": NA, "b2": NA})
    assert sections(result) == {"s1": ("assessed", 100), "s2": ("not_applicable", None)}
    assert result.overall == approx(100)
    assert result.complete
    assert result.question("a2").status == "not_applicable"


def test_not_applicable_must_be_offered() -> None:
    q = load(questionnaire(section("s", single("x", ABC), single("y", ABC))))
    with pytest.raises(AnswersError) as error:
        score(q, {"x": NA, "y": DK})
    assert error.value.problems == [
        'answers.x: "not applicable" is not offered for this question',
        'answers.y: "don\'t know" is not offered for this question',
    ]


def test_a_shown_section_with_nothing_answered_is_unanswered_and_left_out() -> None:
    q = load(questionnaire(section("s1", single("a", ABC)), section("s2", single("b", ABC), single("c", ABC))))
    result = score(q, {"a": "b"})
    assert sections(result) == {"s1": ("assessed", 50), "s2": ("unanswered", None)}
    assert result.overall == approx(50)
    assert not result.complete
    assert result.missing_required == ["b", "c"]


def test_nothing_answered_gives_no_overall_and_no_level() -> None:
    q = load(questionnaire(section("s", single("a", ABC))))
    result = score(q, {})
    assert (result.overall, result.maturity_level, result.completion) == (None, None, 0.0)
    assert result.dimensions == {"protection": None, "management": None, "exploitation": None}
    assert result.recommendations == []


def test_completion_counts_required_shown_questions_only() -> None:
    q = load(
        questionnaire(
            section("p", yes_no("rnd", scored=False), scored=False),
            section("s", single("a", ABC), single("opt", ABC, required=False), single("b", ABC, allow_dont_know=True)),
            section("hidden", single("h", ABC), show_if={"question": "rnd", "equals": "yes"}),
        )
    )
    result = score(q, {"rnd": "no", "a": "a", "b": DK})
    assert result.complete
    assert result.completion == 1.0
    result = score(q, {"a": "a"})
    assert result.missing_required == ["rnd", "b"]
    assert result.completion == approx(1 / 3)


# ---------------------------------------------------------------- don't know


def test_dont_know_scores_zero_is_a_knowledge_gap_and_gets_the_worst_answers_advice() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                single(
                    "x",
                    {"good": 100, "bad": 0, "meh": 50},
                    allow_dont_know=True,
                    advice=[advice("fix_bad", answers=["bad"]), advice("fix_meh", answers=["meh"])],
                ),
                single("y", ABC),
            )
        )
    )
    result = score(q, {"x": DK, "y": "c"})
    assert result.question("x").score == 0
    assert result.section("s").score == approx(50)
    assert result.knowledge_gaps == ["x"]
    assert [r.id for r in result.recommendations] == ["fix_bad"]


def test_dont_know_prefers_its_own_advice() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                yes_no(
                    "x",
                    allow_dont_know=True,
                    advice=[advice("if_no", answers=["no"]), advice("find_out", dont_know=True)],
                ),
            )
        )
    )
    assert [r.id for r in score(q, {"x": DK}).recommendations] == ["find_out"]
    assert [r.id for r in score(q, {"x": "no"}).recommendations] == ["if_no"]


def test_dont_know_takes_the_cap_of_a_red_flag_worst_answer() -> None:
    critical = {"answers": ["no"], "cap": 20, "message": {"en": "No NDAs."}}
    q = load(questionnaire(section("s", yes_no("nda", allow_dont_know=True, critical=critical), single("y", ABC))))
    result = score(q, {"nda": DK, "y": "c"})
    assert result.section("s").raw_score == approx(50)
    assert result.section("s").score == approx(20)
    assert [f.question for f in result.critical_flags] == ["nda"]


def test_a_plain_string_dont_know_is_not_the_special_answer() -> None:
    q = load(questionnaire(section("s", single("x", {"dont_know": 0, "yes": 100}))))
    assert score(q, {"x": "dont_know"}).knowledge_gaps == []
    with pytest.raises(AnswersError):
        score(q, {"x": DK})


# ---------------------------------------------------------------- critical answers


def test_a_red_flag_caps_its_section_only() -> None:
    critical = {"answers": ["a"], "cap": 30, "message": {"en": "Red flag."}}
    q = load(
        questionnaire(
            section("s1", single("x", ABC, critical=critical), single("y", ABC, weight=3)),
            section("s2", single("z", ABC)),
        )
    )
    result = score(q, {"x": "a", "y": "c", "z": "c"})
    assert result.section("s1").raw_score == approx(75)
    assert result.section("s1").score == approx(30)
    assert result.section("s2").score == approx(100)
    assert result.overall == approx(65)
    assert [(f.question, f.cap, f.message) for f in result.critical_flags] == [("x", 30, "Red flag.")]
    assert score(q, {"x": "b", "y": "c", "z": "c"}).critical_flags == []


def test_a_cap_above_the_score_changes_nothing_and_the_lowest_cap_counts() -> None:
    def critical(cap: float) -> dict[str, Any]:
        return {"answers": ["a"], "cap": cap, "message": {"en": "Red flag."}}

    q = load(
        questionnaire(section("s", single("x", ABC, critical=critical(60)), single("y", ABC, critical=critical(40))))
    )
    assert score(q, {"x": "a", "y": "b"}).section("s").score == approx(25)
    result = score(q, {"x": "a", "y": "a"})
    assert (result.section("s").score, result.section("s").cap) == (0, 40)
    q = load(
        questionnaire(
            section(
                "s",
                single("x", ABC, critical=critical(60)),
                single("y", ABC, critical=critical(40)),
                single("z", ABC, weight=8),
            )
        )
    )
    result = score(q, {"x": "a", "y": "a", "z": "c"})
    assert (result.section("s").raw_score, result.section("s").score) == (approx(80), approx(40))


def test_a_red_flag_below_a_number() -> None:
    critical = {"below": 2, "cap": 10, "message": {"en": "Too few."}}
    q = load(questionnaire(section("s", scale("x", 1, 5, critical=critical), single("y", ABC))))
    assert score(q, {"x": 1, "y": "c"}).section("s").score == approx(10)
    assert score(q, {"x": 2, "y": "c"}).section("s").score == approx(62.5)


# ---------------------------------------------------------------- hidden questions


def test_answers_to_hidden_questions_are_ignored_and_listed() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                yes_no("rnd"),
                single("detail", ABC, show_if={"question": "rnd", "equals": "yes"}),
                single("deeper", ABC, show_if={"question": "detail", "answered": True}),
            ),
            section("pat", single("p", ABC), show_if={"question": "rnd", "equals": "yes"}),
        )
    )
    result = score(q, {"rnd": "no", "detail": "c", "deeper": "c", "p": "c"})
    assert result.hidden_answers == ["detail", "deeper", "p"]
    assert result.overall == approx(0)
    assert sections(result) == {"s": ("assessed", 0), "pat": ("hidden", None)}
    assert {q.id: q.status for q in result.questions} == {
        "rnd": "answered",
        "detail": "hidden",
        "deeper": "hidden",  # its condition sees the hidden `detail` as unanswered
        "p": "hidden",
    }
    assert result.complete
    shown = score(q, {"rnd": "yes", "detail": "b", "deeper": "a", "p": "c"})
    assert shown.hidden_answers == []
    assert shown.overall == approx(((100 + 50 + 0) / 3 + 100) / 2)


# ---------------------------------------------------------------- maturity levels


@pytest.mark.parametrize(
    ("points", "level"),
    [(0, 1), (19.99, 1), (20, 2), (59.994, 3), (59.996, 4), (60, 4), (79.99, 4), (80, 5), (100, 5)],
)
def test_maturity_level_is_the_highest_threshold_reached_as_shown(points: float, level: int) -> None:
    # The middle band scores `points` (0 and 100 are the other bands' scores).
    q = load(questionnaire(section("s", number("n", [(0, 0), (1, points if 0 < points < 100 else 50), (2, 100)]))))
    result = score(q, {"n": 0 if points == 0 else 2 if points == 100 else 1})
    assert result.overall == approx(points)
    assert (result.maturity_level, result.maturity_name) == (level, f"Level {level}")


# ---------------------------------------------------------------- dimensions


def test_dimension_scores_weigh_questions_by_their_share_of_the_overall() -> None:
    critical = {"answers": ["a"], "cap": 10, "message": {"en": "x"}}
    q = load(
        questionnaire(
            section(
                "s1",
                single("p1", ABC, dimension="protection", weight=3),
                single("m1", ABC, dimension="management", critical=critical),
            ),
            section("s2", single("p2", ABC, dimension="protection"), weight=2),
        )
    )
    result = score(q, {"p1": "c", "m1": "a", "p2": "b"})
    # shares: p1 = 1 x 3/4 / 3 = 0.25, m1 = 1/12, p2 = 2/3
    assert result.dimensions == {
        "protection": approx((0.25 * 100 + (2 / 3) * 50) / (0.25 + 2 / 3)),
        "management": approx(0),
        "exploitation": None,
    }
    assert result.section("s1").score == approx(10)  # capped, while the protection dimension is not


# ---------------------------------------------------------------- recommendations


def test_advice_triggers_answers_missing_below_and_dont_know() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                single("one", ABC, advice=[advice("on_answer", answers=["a", "b"])]),
                multi("many", {"x": 50, "y": 50}, advice=[advice("on_missing", missing=["y"])]),
                scale("lvl", 1, 5, advice=[advice("on_below", below=3)]),
                number("num", [(0, 0), (5, 100)], allow_dont_know=True, advice=[advice("on_dk", dont_know=True)]),
            )
        )
    )

    def triggered(answers: dict[str, Any]) -> set[str]:
        return {r.id for r in score(q, answers).recommendations}

    assert triggered({"one": "b", "many": ["x"], "lvl": 2, "num": DK}) == {
        "on_answer",
        "on_missing",
        "on_below",
        "on_dk",
    }
    assert triggered({"one": "c", "many": ["x", "y"], "lvl": 3, "num": 1}) == set()
    assert triggered({"one": "a", "many": [], "lvl": 5}) == {"on_answer", "on_missing"}


def test_recommendations_on_combinations_and_score_bands() -> None:
    q = load(
        questionnaire(
            section("s1", yes_no("rnd"), single("x", ABC)),
            section("s2", single("y", ABC)),
            recommendations=[
                recommendation(
                    "combo", when={"all": [{"question": "rnd", "equals": "yes"}, {"question": "x", "in": ["a"]}]}
                ),
                recommendation("s2_low", score_below={"section": "s2", "below": 50}),
                recommendation("all_low", score_below={"section": "overall", "below": 40}),
            ],
        )
    )
    result = score(q, {"rnd": "yes", "x": "a", "y": "b"})
    assert {r.id for r in result.recommendations} == {"combo"}  # s2 = 50 is not below 50; overall 50
    result = score(q, {"rnd": "yes", "x": "a", "y": "a"})
    gains = {r.id: round(r.gain, 2) for r in result.recommendations}
    # s1 = (100 + 0) / 2 = 50; overall = 25. combo: x to 100 lifts s1 to 100, +25 overall.
    assert gains == {"combo": 25.0, "s2_low": 25.0, "all_low": 15.0}
    assert {r.id for r in score(q, {"rnd": "no", "x": "c", "y": "a"}).recommendations} == {"s2_low", "all_low"}


def test_score_band_on_a_section_that_is_not_assessed_does_not_fire() -> None:
    q = load(
        questionnaire(
            section("s1", single("x", ABC)),
            section("s2", single("y", ABC, allow_na=True)),
            recommendations=[recommendation("s2_low", score_below={"section": "s2", "below": 50})],
        )
    )
    assert score(q, {"x": "a", "y": NA}).recommendations == []
    assert [r.id for r in score(q, {"x": "a", "y": "a"}).recommendations] == ["s2_low"]


def test_rank_is_priority_weight_times_one_plus_gain_and_sorts_the_plan() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                single("x", ABC, advice=[advice("x_low", priority="low", effort="low", answers=["a"])]),
                single("y", ABC, advice=[advice("y_high", priority="high", effort="high", answers=["b"])]),
                single("z", ABC, advice=[advice("z_med", priority="medium", answers=["c"])]),
            )
        )
    )
    result = score(q, {"x": "a", "y": "b", "z": "c"})
    # gains: x 0 -> 100 lifts the mean by 100/3; y by 50/3; z is already best.
    assert [(r.id, round(r.gain, 2), round(r.rank, 2)) for r in result.recommendations] == [
        ("y_high", 16.67, 53.0),
        ("x_low", 33.33, 34.33),
        ("z_med", 0.0, 2.0),
    ]


@pytest.mark.parametrize(
    ("weight", "ranked"),
    [(49, [("y_high", 3.0), ("x_low", 3.0)]), (48, [("x_low", 3.04), ("y_high", 3.0)])],
)
def test_equal_ranks_go_to_the_higher_priority(weight: float, ranked: list[tuple[str, float]]) -> None:
    q = load(
        questionnaire(
            section("s", single("x", ABC, advice=[advice("x_low", priority="low", answers=["a"])])),
            section("t", single("y", ABC, advice=[advice("y_high", priority="high", answers=["c"])]), weight=weight),
        )
    )
    # y is already at its best: gain 0, rank 3 x 1 = 3. x: gain 100 / (1 + weight), rank 1 x (1 + gain):
    # exactly 3 when the weight is 49 (a tie, so high priority first), 3.04 when it is 48.
    result = score(q, {"x": "a", "y": "c"})
    assert [(r.id, round(r.rank, 2)) for r in result.recommendations] == ranked


@pytest.mark.parametrize(("weight", "quick"), [(49, True), (99, True), (100, False)])
def test_quick_win_needs_low_effort_and_one_point(weight: float, quick: bool) -> None:
    # Fixing x lifts section s from 0 to 100; it weighs 1 / (1 + weight) of the overall score.
    q = load(
        questionnaire(
            section("s", single("x", ABC, advice=[advice("fix", effort="low", answers=["a"])])),
            section("t", single("w", ABC), weight=weight),
        )
    )
    rec = score(q, {"x": "a", "w": "c"}).recommendations[0]
    assert rec.gain == approx(100 / (1 + weight))
    assert rec.quick_win is quick


def test_medium_effort_is_never_a_quick_win() -> None:
    q = load(questionnaire(section("s", single("x", ABC, advice=[advice("fix", effort="medium", answers=["a"])]))))
    rec = score(q, {"x": "a"}).recommendations[0]
    assert (rec.gain, rec.quick_win) == (100, False)


def test_gain_of_a_red_flag_includes_lifting_the_cap_unless_another_cap_holds() -> None:
    def critical(cap: float) -> dict[str, Any]:
        return {"answers": ["a"], "cap": cap, "message": {"en": "x"}}

    q = load(
        questionnaire(
            section(
                "s",
                single("x", ABC, critical=critical(20), advice=[advice("fix_x", answers=["a"])]),
                single("y", ABC, critical=critical(40), advice=[advice("fix_y", answers=["a", "b"])]),
                single("z", ABC, weight=2),
            )
        )
    )

    def gains(answers: dict[str, str]) -> dict[str, float]:
        return {r.id: round(r.gain, 2) for r in score(q, answers).recommendations}

    # (0 + 50 + 200) / 4 = 62.5 capped at 20; fixing x: (100 + 50 + 200) / 4 = 87.5, no cap left.
    # Fixing y: (0 + 100 + 200) / 4 = 75, still capped at 20 by x.
    assert gains({"x": "a", "y": "b", "z": "c"}) == {"fix_x": 67.5, "fix_y": 0.0}
    # Both red flags: fixing x leaves y's cap of 40; fixing y leaves x's cap of 20.
    assert gains({"x": "a", "y": "a", "z": "c"}) == {"fix_x": 20.0, "fix_y": 0.0}


def test_every_advice_is_listed_once_with_its_services_resolved_once() -> None:
    services = [
        {
            "id": "ipd",
            "name": {"en": "Free consultation"},
            "provider": {"en": "IPD"},
            "region": "HK",
            "url": "https://www.ipd.gov.hk/",
        },
        {"id": "cnipa", "name": {"en": "Mainland filing"}, "provider": {"en": "CNIPA"}, "region": "Mainland"},
    ]
    q = load(
        questionnaire(
            section(
                "s",
                multi(
                    "m",
                    {"x": 50, "y": 50},
                    advice=[advice("both", missing=["x", "y"], services=["ipd", "cnipa", "ipd"])],
                ),
            ),
            recommendations=[recommendation("low", score_below={"section": "s", "below": 100}, services=["cnipa"])],
            services=services,
        )
    )
    result = score(q, {"m": []})
    assert [r.id for r in result.recommendations] == ["both", "low"]
    both = result.recommendations[0]
    assert [(s.id, s.name, s.provider, s.region, s.url) for s in both.services] == [
        ("ipd", "Free consultation", "IPD", "HK", "https://www.ipd.gov.hk/"),
        ("cnipa", "Mainland filing", "CNIPA", "Mainland", None),
    ]


# ---------------------------------------------------------------- language


def test_texts_come_in_the_language_asked_for(mini: Questionnaire) -> None:
    answers = {"does_rnd": "yes", "ip_policy": "none", "budget": 0, "searches": 1}
    result = score(mini, answers, language="zh-Hant")
    assert result.language == "zh-Hant"
    assert result.section("strategy").title == "策略"
    assert result.question("ip_policy").text == "有否知識產權政策？"
    assert result.maturity_name == "起步"
    assert result.critical_flags[0].message == "完全沒有政策。"
    rec = result.recommendations[0]
    assert (rec.title, rec.services[0].name) == ("制定知識產權政策", "中小企免費知識產權諮詢")
    assert score(mini, answers, meta={"language": "zh-Hans"}).section("strategy").title == "战略"
    assert score(mini, answers).section("strategy").title == "Strategy"


def test_a_language_the_questionnaire_lacks_falls_back_to_its_first() -> None:
    q = load(questionnaire(section("s", single("x", ABC))))
    result = score(q, {"x": "a"}, language="zh-Hant")
    assert (result.language, result.section("s").title) == ("en", "s")


# ---------------------------------------------------------------- errors


def test_every_problem_with_the_answers_is_listed() -> None:
    q = load(
        questionnaire(
            section(
                "s",
                single("one", ABC),
                multi("many", {"x": 50, "y": 50}),
                scale("lvl", 1, 5),
                number("num", [(0, 0), (5, 100)], min=0, max=10),
                yes_no("yn"),
            )
        )
    )
    answers: dict[str, Any] = {
        "one": "d",
        "many": ["x", "x"],
        "lvl": 2.5,
        "num": 11,
        "yn": True,
        "nope": "a",
        "lvl_typo": 3,
    }
    with pytest.raises(AnswersError) as error:
        score(q, answers)
    assert error.value.problems == [
        "answers.one: 'd' is not one of the answers ['a', 'b', 'c']",
        "answers.many: an answer is chosen twice",
        "answers.lvl: must be a whole number from 1 to 5",
        "answers.num: 11 is outside the range 0 to 10",
        "answers.yn: True is not one of the answers ['no', 'yes']",
        "answers.nope: no question has this id in q 1",
        "answers.lvl_typo: no question has this id in q 1",
    ]
    assert str(error.value).count("\n") == 6


@pytest.mark.parametrize(
    ("kind_answer", "message"),
    [
        ({"many": "x"}, "answers.many: must be a list of answer codes, not 'x'"),
        ({"many": ["z"]}, "answers.many: ['z'] not among the answers ['x', 'y']"),
        ({"num": "5"}, "answers.num: must be a number, not '5'"),
        ({"num": float("nan")}, "answers.num: must be a number, not nan"),
        ({"num": False}, "answers.num: must be a number, not False"),
        ({"one": ["a"]}, "answers.one: ['a'] is not one of the answers ['a', 'b', 'c']"),
    ],
)
def test_wrong_types_are_reported(kind_answer: dict[str, Any], message: str) -> None:
    q = load(
        questionnaire(
            section("s", single("one", ABC), multi("many", {"x": 50, "y": 50}), number("num", [(0, 0), (5, 100)]))
        )
    )
    with pytest.raises(AnswersError) as error:
        score(q, kind_answer)
    assert error.value.problems == [message]


def test_invalid_meta_is_reported_with_the_answers() -> None:
    q = load(questionnaire(section("s", single("one", ABC))))
    with pytest.raises(AnswersError) as error:
        score(q, {"one": "z"}, meta={"language": "fr", "colour": "red"})
    assert error.value.problems[0] == "answers.one: 'z' is not one of the answers ['a', 'b', 'c']"
    assert [p.split(":")[0] for p in error.value.problems[1:]] == ["meta.language", "meta.colour"]


def test_results_share_no_mutable_meta() -> None:
    q = load(questionnaire(section("s", single("one", ABC))))
    first = score(q, {"one": "a"})
    first.meta["profile"]["sector"] = "technology"
    first.meta["company"] = "Changed"
    second = score(q, {"one": "a"})
    assert second.meta == {
        "company": "",
        "language": "en",
        "date": None,
        "profile": {"sector": None, "size_band": None, "region": None},
    }
