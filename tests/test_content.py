"""The bundled questionnaire (questionnaires/ip_readiness.yaml): its content, checked through the engine.

Advice coverage is checked by scoring answers: start from the best answers and change one question at a
time, then look at the recommendations the engine returns for that question.

Golden lists of the visible questions for three representative companies live in tests/golden_profiles/.
After an intended change to the routing, regenerate them with `python -m tests.test_content` and review
the diff.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from pydantic import BaseModel

from scoring import Questionnaire, Special, load_questionnaire, score, validate_questionnaire_text
from scoring.model import MultipleChoice, Number, QuestionBase, Scale, SingleChoice, Text, YesNo
from scoring.plan import plan_for

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "questionnaires" / "ip_readiness.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden_profiles"

# Official domains the questionnaire may link to. Add a domain only after checking it is the body's own.
ALLOWED_DOMAINS = {
    "www.ipd.gov.hk",
    "www.hklawsoc.org.hk",
    "www.hktdc.com",
    "www.hkpc.org",
    "www.customs.gov.hk",
    "www.cnipa.gov.cn",
    "amr.gd.gov.cn",
    "www.dsedt.gov.mo",
    "www.wipo.int",
}

# Hong Kong has no statutory register of patent agents, and such titles are restricted.
FORBIDDEN = ("registered patent agent", "註冊專利代理", "注册专利代理")

# Representative companies: the profile answers only. The rest is answered best or worst.
PROFILES: dict[str, dict[str, Any]] = {
    # A 5-person Hong Kong trading firm with no R&D, reselling other brands in Hong Kong.
    "hk_trading_micro": {
        "sector": "trading_logistics",
        "size_band": "micro_1_9",
        "region": "hong_kong",
        "operates_in": ["hong_kong"],
        "creates": ["none"],
        "trade": ["resell"],
        "ip_held": ["none"],
    },
    # A 60-person Shenzhen / Hong Kong electronics maker exporting worldwide.
    "sz_hk_electronics": {
        "sector": "technology",
        "size_band": "medium_50_99",
        "region": "guangdong",
        "operates_in": ["hong_kong", "guangdong", "overseas"],
        "creates": ["technology", "software", "product_design"],
        "trade": ["sell_mainland", "make_mainland", "sell_overseas"],
        "ip_held": ["trade_marks", "patents", "designs", "copyright", "know_how", "domains"],
    },
    # A Macao design studio with clients in Macao and Guangdong (Zhuhai, Hengqin).
    "macao_design_studio": {
        "sector": "creative_media",
        "size_band": "micro_1_9",
        "region": "macao",
        "operates_in": ["macao", "guangdong"],
        "creates": ["product_design", "creative_content"],
        "trade": ["none"],
        "ip_held": ["copyright", "domains"],
    },
}

# Profiles that together show every scored question (each region sees some questions others do not).
EVERYTHING = {
    "operates_in": ["hong_kong", "guangdong", "other_mainland", "macao", "overseas"],
    "creates": ["technology", "software", "product_design", "creative_content"],
    "trade": ["sell_mainland", "make_mainland", "sell_overseas", "make_overseas", "resell"],
    "ip_held": ["trade_marks", "patents", "designs", "copyright", "know_how", "domains"],
    "sector": "manufacturing",
    "size_band": "small_10_49",
}
COVERAGE_PROFILES = [{**EVERYTHING, "region": region} for region in ("hong_kong", "guangdong", "macao")]


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def bundled() -> Questionnaire:
    return load_questionnaire(PATH, strict=True)


def scored_questions(questionnaire: Questionnaire) -> list[QuestionBase]:
    plan = plan_for(questionnaire)
    return [plan.questions[q.id].question for _, q in questionnaire.all_questions() if plan.questions[q.id].scored]


def best_value(question: QuestionBase) -> Any:
    if isinstance(question, SingleChoice):
        return max(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        return [o.value for o in question.options if not o.exclusive]
    if isinstance(question, YesNo):
        return "yes" if question.yes_score >= question.no_score else "no"
    if isinstance(question, Scale):
        return question.max
    if isinstance(question, Number):
        band = max(question.bands, key=lambda b: (b.score, -b.at_least))
        return clamp(question, band.at_least)
    raise AssertionError(f"{question.id}: unexpected kind for a scored question")


def worst_value(question: QuestionBase) -> Any:
    if isinstance(question, SingleChoice):
        return min(question.options, key=lambda o: o.score or 0.0).value
    if isinstance(question, MultipleChoice):
        exclusive = [o.value for o in question.options if o.exclusive]
        return exclusive[:1]
    if isinstance(question, YesNo):
        return "no" if question.yes_score >= question.no_score else "yes"
    if isinstance(question, Scale):
        return question.min
    if isinstance(question, Number):
        band = min(question.bands, key=lambda b: (b.score, b.at_least))
        return clamp(question, band.at_least)
    raise AssertionError(f"{question.id}: unexpected kind for a scored question")


def clamp(question: Number, value: float) -> float:
    if question.min is not None:
        value = max(value, question.min)
    if question.max is not None:
        value = min(value, question.max)
    return int(value) if float(value).is_integer() else value


def short_of_best(question: QuestionBase) -> Iterator[Any]:
    """Every answer that scores less than the best one (for numbers and scales: each step below it)."""
    best = best_value(question)
    if isinstance(question, SingleChoice):
        yield from (o.value for o in question.options if o.value != best)
    elif isinstance(question, MultipleChoice):
        for option in question.options:
            if option.exclusive:
                yield [option.value]
            else:
                yield [v for v in best if v != option.value]
        yield []
    elif isinstance(question, YesNo):
        yield "no" if best == "yes" else "yes"
    elif isinstance(question, Scale):
        yield from range(question.min, question.max)
    elif isinstance(question, Number):
        best_band = max(b.at_least for b in question.bands if b.score == 100)
        for band in question.bands:
            if band.score < 100:
                yield clamp(question, band.at_least)
        yield clamp(question, best_band - 1)
    if question.allow_dont_know:
        yield Special.dont_know


def answers_for(questionnaire: Questionnaire, profile: dict[str, Any], pick: Any = best_value) -> dict[str, Any]:
    """The profile, plus every scored question answered with `pick` (hidden answers are ignored)."""
    answers = dict(profile)
    for question in scored_questions(questionnaire):
        answers[question.id] = pick(question)
    return answers


def visible_ids(questionnaire: Questionnaire, profile: dict[str, Any]) -> list[str]:
    result = score(questionnaire, answers_for(questionnaire, profile))
    return [q.id for q in result.questions if q.status != "hidden"]


def texts(node: Any, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every human text in the questionnaire, with where it is."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name), f"{path}.{name}" if path else name)
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            label = getattr(item, "id", None) or getattr(item, "value", None) or i
            yield from texts(item, f"{path}[{label}]")


def golden_text(questionnaire: Questionnaire, name: str) -> str:
    return "\n".join(visible_ids(questionnaire, PROFILES[name])) + "\n"


# ---------------------------------------------------------------- validation and shape


def test_strict_validation_reports_nothing() -> None:
    model, problems = validate_questionnaire_text(PATH.read_bytes(), str(PATH), strict=True)
    assert model is not None
    assert [p.format() for p in problems] == []
    assert model.id == "ip_readiness"
    assert model.version == "1.0"
    assert model.languages == ["en", "zh-Hant", "zh-Hans"]


def test_the_profile_comes_first_and_is_not_scored(bundled: Questionnaire) -> None:
    first = bundled.sections[0]
    assert first.id == "profile"
    assert not first.scored
    fields = {q.profile_field.value for q in first.questions if q.profile_field is not None}
    assert fields == {"sector", "size_band", "region"}


def test_each_scored_section_has_at_least_five_scored_questions(bundled: Questionnaire) -> None:
    plan = plan_for(bundled)
    counts = {
        section.id: sum(1 for q in section.questions if plan.questions[q.id].scored)
        for section in bundled.sections
        if section.scored
    }
    assert len(counts) >= 9
    assert {sid: n for sid, n in counts.items() if n < 5} == {}
    assert 50 <= sum(counts.values()) <= 80


def test_every_scored_question_explains_itself(bundled: Questionnaire) -> None:
    for question in scored_questions(bundled):
        assert question.help is not None, f"{question.id} has no help text"
        assert question.dimension is not None, f"{question.id} has no dimension"
        assert question.advice, f"{question.id} has no advice"


def test_references_name_a_known_standard_or_law(bundled: Questionnaire) -> None:
    pattern = re.compile(
        r"^(GB/T 29490-2023( \d+(\.\d+)*)?|ISO 56005:2020( \d+(\.\d+)*)?"
        r"|.+ \(Cap\. \d+\)|Patent Cooperation Treaty \(PCT\)|Macao Industrial Property Code .+)$"
    )
    for question in scored_questions(bundled):
        for reference in question.references:
            assert pattern.match(reference), f"{question.id}: unexpected reference {reference!r}"
            assert "29490-2013" not in reference


# ---------------------------------------------------------------- advice, checked through the engine


def test_every_scored_question_is_shown_to_some_company(bundled: Questionnaire) -> None:
    shown = set().union(*(visible_ids(bundled, profile) for profile in COVERAGE_PROFILES))
    never = [q.id for q in scored_questions(bundled) if q.id not in shown]
    assert never == []


def test_every_answer_short_of_the_best_yields_advice_for_that_question(bundled: Questionnaire) -> None:
    missing: list[str] = []
    checked = 0
    for question in scored_questions(bundled):
        for profile in COVERAGE_PROFILES:
            best = answers_for(bundled, profile)
            result = score(bundled, best)
            status = {q.id: q.status for q in result.questions}
            if status[question.id] != "hidden":
                break
        else:
            pytest.fail(f"{question.id} is never shown")
        assert not [r.id for r in result.recommendations if r.question == question.id], (
            f"{question.id}: the best answer should need no advice"
        )
        for value in short_of_best(question):
            changed = score(bundled, {**best, question.id: value})
            assert changed.questions[[q.id for q in changed.questions].index(question.id)].score < 100
            if not [r for r in changed.recommendations if r.question == question.id]:
                missing.append(f"{question.id}={value!r}")
            checked += 1
    assert missing == []
    assert checked > 150


def test_red_flags_cap_their_section(bundled: Questionnaire) -> None:
    flagged = [q for q in scored_questions(bundled) if q.critical is not None]
    assert {q.id for q in flagged} >= {"mg_contractors", "cb_tm_mainland", "inn_collab"}
    section_of = {q.id: s.id for s in bundled.sections for q in s.questions}
    best = answers_for(bundled, COVERAGE_PROFILES[0])
    for question in flagged:
        assert question.critical is not None and question.critical.answers
        result = score(bundled, {**best, question.id: question.critical.answers[0]})
        assert question.id in [f.question for f in result.critical_flags]
        section = next(s for s in result.sections if s.id == section_of[question.id])
        assert section.score is not None and section.score <= question.critical.cap


def test_no_two_questions_share_a_recommendation_text(bundled: Questionnaire) -> None:
    owner: dict[tuple[str, str, str], str] = {}
    clashes: list[str] = []
    items = [(q.id, a) for q in scored_questions(bundled) for a in q.advice]
    items += [(f"recommendations.{r.id}", r) for r in bundled.recommendations]
    for source, item in items:
        for field in ("title", "action"):
            text: Text = getattr(item, field)
            for lang in bundled.languages:
                key = (field, lang, text.get(lang).strip())
                if key in owner and owner[key] != source:
                    clashes.append(f"{source} and {owner[key]} share the {lang} {field} {key[2][:40]!r}")
                owner.setdefault(key, source)
    assert clashes == []


def test_services_are_all_used_and_all_exist(bundled: Questionnaire) -> None:
    catalogue = {s.id for s in bundled.services}
    used = {sid for q in scored_questions(bundled) for a in q.advice for sid in a.services}
    used |= {sid for r in bundled.recommendations for sid in r.services}
    assert used - catalogue == set()
    assert catalogue - used == set()
    assert len(catalogue) >= 15


def test_service_urls_use_official_domains(bundled: Questionnaire) -> None:
    for service in bundled.services:
        if service.url is None:
            continue
        url = urlparse(service.url)
        assert url.scheme == "https", service.id
        assert url.hostname in ALLOWED_DOMAINS, f"{service.id}: {url.hostname} is not on the allow-list"


# ---------------------------------------------------------------- languages and wording


def test_the_three_languages_differ_wherever_a_text_is_given(bundled: Questionnaire) -> None:
    same: list[str] = []
    count = 0
    for where, text in texts(bundled):
        given = {"en": text.en, "zh-Hant": text.zh_Hant, "zh-Hans": text.zh_Hans}
        assert all(given.values()), f"{where}: a language is missing"
        count += 1
        for a, b in (("en", "zh-Hant"), ("en", "zh-Hans"), ("zh-Hant", "zh-Hans")):
            if given[a] == given[b]:
                same.append(f"{where}: {a} and {b} are the same ({given[a]!r})")
    assert same == []
    assert count > 500


def test_chinese_texts_use_the_right_script_and_terms(bundled: Questionnaire) -> None:
    for where, text in texts(bundled):
        assert text.zh_Hant is not None and text.zh_Hans is not None
        for simplified in ("知识产权", "专利", "注册", "商标"):
            assert simplified not in text.zh_Hant, f"{where}: Simplified {simplified!r} in zh-Hant"
        for traditional in ("知識產權", "專利", "註冊", "商標"):
            assert traditional not in text.zh_Hans, f"{where}: Traditional {traditional!r} in zh-Hans"


def test_no_text_mentions_a_registered_patent_agent() -> None:
    content = PATH.read_text(encoding="utf-8").lower()
    for phrase in FORBIDDEN:
        assert phrase.lower() not in content


# ---------------------------------------------------------------- routing for representative companies


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_visible_questions_match_the_golden_list(bundled: Questionnaire, name: str) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert golden_text(bundled, name) == expected, (
        f"the questions shown to {name} changed; if intended, run `python -m tests.test_content`"
    )


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_best_and_worst_answers_score_100_and_0(bundled: Questionnaire, name: str) -> None:
    best = score(bundled, answers_for(bundled, PROFILES[name]))
    worst = score(bundled, answers_for(bundled, PROFILES[name], worst_value))
    assert best.overall == pytest.approx(100.0)
    assert worst.overall == pytest.approx(0.0)
    assert best.complete and worst.complete
    assert [s.id for s in best.sections if s.status == "assessed"] == [
        s.id for s in worst.sections if s.status == "assessed"
    ]


def test_routing_follows_the_profile(bundled: Questionnaire) -> None:
    trading = set(visible_ids(bundled, PROFILES["hk_trading_micro"]))
    maker = set(visible_ids(bundled, PROFILES["sz_hk_electronics"]))
    studio = set(visible_ids(bundled, PROFILES["macao_design_studio"]))
    # Patent questions only for companies that develop technology.
    assert not any(q.startswith("pat_") for q in trading | studio)
    assert {"pat_decision", "pat_mainland_types", "pat_hk_routes"} <= maker
    # Mainland filing questions only for companies active there; Macao questions only for Macao-active ones.
    assert not any(q.startswith("cb_") for q in trading)
    assert "cb_tm_mainland" in studio and "cb_tm_mainland" not in maker  # a Guangdong maker answers tm_home
    assert "cb_tm_macao" not in studio | maker | trading  # the studio is based in Macao; the others are not there
    assert "cb_tm_hk" in maker


def write_golden_files() -> None:
    questionnaire = load_questionnaire(PATH, strict=True)
    GOLDEN.mkdir(exist_ok=True)
    for name in sorted(PROFILES):
        (GOLDEN / f"{name}.txt").write_text(golden_text(questionnaire, name), encoding="utf-8")
        print(f"wrote tests/golden_profiles/{name}.txt")


if __name__ == "__main__":
    write_golden_files()
