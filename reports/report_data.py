"""Everything a score report shows, worked out once from the questionnaire and the result
(`ipready.result/1`), so that the template only lays it out. The HTML and the PDF share it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from reports.answer_text import answer_label
from reports.catalogue import LANGUAGE_NAMES, text
from reports.chart_data import Point, dimension_points, section_points
from reports.errors import ReportError
from reports.fonts import font_stack
from reports.svg_charts import bars_svg, section_chart_svg
from scoring.model import Questionnaire

MAX_COMPANY = 200  # as the answers file allows
MAX_ADVISER = 200
MAX_COMMENT = 5000
# The plan shows this many actions in full, the rest as one line each: a client acts on the first
# few, and forty fully written actions would bury them (and double the pages).
DETAILED_ACTIONS = 10


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What an adviser adds to a report. `company` and `date` replace the result's own when given."""

    company: str | None = None
    adviser: str | None = None
    comment: str | None = None
    date: str | None = None

    def problems(self) -> list[str]:
        limits = (("company", self.company, MAX_COMPANY), ("adviser", self.adviser, MAX_ADVISER))
        found = [f"{name}: at most {limit} characters" for name, value, limit in limits if len(value or "") > limit]
        if len(self.comment or "") > MAX_COMMENT:
            found.append(f"comment: at most {MAX_COMMENT} characters")
        return found


def score_text(value: float | None, lang: str, decimals: int = 2) -> str:
    return text("summary.not_assessed", lang) if value is None else f"{value:.{decimals}f}"


def short_number(value: float | None) -> str:
    """75.0 -> "75", 33.33 -> "33.33"; empty for none."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(slots=True)
class Row:
    question: str
    answer: str = ""
    score: str = ""
    points: str = ""
    muted: bool = False  # not applicable, not answered


@dataclass(slots=True)
class SectionBlock:
    id: str
    title: str
    score: str
    note: str
    cap: str = ""
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Action:
    number: int
    title: str
    action: str
    priority: str
    effort: str
    gain: str
    quick_win: bool
    services: list[dict[str, Any]]


@dataclass(slots=True)
class ReportData:
    lang: str
    font: str
    company: str
    date: str
    questionnaire_title: str
    version: str
    language_name: str
    adviser: str
    comment: str
    overall: str
    overall_value: float | None
    maturity: str
    maturity_description: str
    incomplete: str
    counts: str
    strongest: list[tuple[str, str]]
    weakest: list[tuple[str, str]]
    top_actions: list[str]
    section_chart: str
    dimension_chart: str
    section_points: list[Point]  # the charts' numbers, for the PDF's vector charts
    dimension_points: list[Point]
    sections: list[SectionBlock]
    actions: list[Action]
    more_actions: list[Action]
    flags: list[tuple[str, str]]
    gaps: list[str]
    appendix: list[SectionBlock]
    hidden: list[Row]
    weights: list[tuple[str, str]]
    levels: list[tuple[str, str, str, str]]
    disclaimer: str


def check_pair(questionnaire: Questionnaire, result: dict[str, Any]) -> None:
    ref = result.get("questionnaire") or {}
    if ref.get("id") != questionnaire.id:
        raise ReportError([f"the result is for questionnaire {ref.get('id')!r}, not {questionnaire.id!r}"])


def report_data(questionnaire: Questionnaire, result: dict[str, Any], options: ReportOptions) -> ReportData:
    check_pair(questionnaire, result)
    problems = options.problems()
    if problems:
        raise ReportError(problems)
    lang = result["language"]
    meta = result.get("meta") or {}
    titles = {s["id"]: s["title"] for s in result["sections"]}
    maturity = result.get("maturity")
    recs = result["recommendations"]
    return ReportData(
        lang=lang,
        font=font_stack(lang),
        company=(options.company if options.company is not None else meta.get("company")) or "",
        date=options.date or meta.get("date") or dt.date.today().isoformat(),
        questionnaire_title=questionnaire.title.get(lang),
        version=questionnaire.version,
        language_name=LANGUAGE_NAMES.get(lang, lang),
        adviser=options.adviser or "",
        comment=(options.comment or "").strip(),
        overall=score_text(result["overall"], lang),
        overall_value=result["overall"],
        maturity=text(
            "summary.level",
            lang,
            level=maturity["level"],
            levels=len(questionnaire.maturity_levels),
            name=maturity["name"],
        )
        if maturity
        else "",
        maturity_description=maturity["description"] if maturity else "",
        incomplete=""
        if result["complete"]
        else text("summary.incomplete", lang, percent=math.floor(result["completion"] * 100)),
        counts=text(
            "summary.counts",
            lang,
            actions=len(recs),
            quick=sum(r["quick_win"] for r in recs),
            flags=len(result["critical_flags"]),
            gaps=len(result["knowledge_gaps"]),
        ),
        **_extremes(result, lang),
        top_actions=[r["title"] for r in recs[:3]],
        **_charts(result, lang),
        sections=_sections(questionnaire, result, lang),
        actions=[_action(number, rec, lang) for number, rec in enumerate(recs[:DETAILED_ACTIONS], start=1)],
        more_actions=[
            _action(number, rec, lang) for number, rec in enumerate(recs[DETAILED_ACTIONS:], start=DETAILED_ACTIONS + 1)
        ],
        flags=[
            (f["message"], text("flags.cap", lang, section=titles.get(f["section"], f["section"]), cap=f"{f['cap']:g}"))
            for f in result["critical_flags"]
        ],
        gaps=[q["text"] for q in result["questions"] if q["id"] in set(result["knowledge_gaps"])],
        appendix=_appendix(questionnaire, result, lang),
        hidden=[
            Row(q["text"], answer_label(questionnaire, q["id"], q["answer"], lang))
            for q in result["questions"]
            if q["id"] in set(result["hidden_answers"])
        ],
        weights=_weights(questionnaire, lang),
        levels=[
            (str(m.level), f"{m.min_score:g}", m.name.get(lang), m.description.get(lang))
            for m in questionnaire.maturity_levels
        ],
        disclaimer=questionnaire.disclaimer.get(lang) if questionnaire.disclaimer else text("notice.default", lang),
    )


def _weights(questionnaire: Questionnaire, lang: str) -> list[tuple[str, str]]:
    """Section weights for the methodology page; none when they are all equal (the page then says so)."""
    scored = [s for s in questionnaire.sections if s.scored]
    if len({s.weight for s in scored}) <= 1:
        return []
    return [(s.title.get(lang), f"{s.weight:g}") for s in scored]


def _extremes(result: dict[str, Any], lang: str) -> dict[str, list[tuple[str, str]]]:
    """Three strongest and three weakest assessed sections; with fewer than six, the two lists share
    none: the better half is "strongest", the rest "to develop"."""
    scored = sorted(
        (s for s in result["sections"] if s["status"] == "assessed" and s["score"] is not None),
        key=lambda s: -s["score"],
    )
    top = min(3, math.ceil(len(scored) / 2))
    bottom = min(3, len(scored) - top)
    shown = [(s["title"], score_text(s["score"], lang)) for s in scored]
    return {"strongest": shown[:top], "weakest": list(reversed(shown))[:bottom]}


def _charts(result: dict[str, Any], lang: str) -> dict[str, Any]:
    font = font_stack(lang)
    labels = {d: text(f"dim.{d}", lang) for d in ("protection", "management", "exploitation")}
    not_assessed = text("summary.not_assessed", lang)
    sections = [p for p in section_points(result) if p.score is not None]
    dimensions = dimension_points(result, labels)
    return {
        "section_points": sections,
        "dimension_points": dimensions,
        "section_chart": section_chart_svg(sections, text("charts.sections", lang), font, not_assessed)
        if sections
        else "",
        "dimension_chart": bars_svg(dimensions, text("charts.dimensions", lang), font, not_assessed),
    }


def _section_note(section: dict[str, Any], lang: str) -> str:
    parts = [text("sections.weight", lang, weight=f"{section['weight']:g}")]
    if section["status"] in ("assessed", "unanswered", "not_applicable"):
        parts.append(text("sections.answered", lang, answered=section["answered"], visible=section["visible"]))
    if section["status"] in ("not_applicable", "unanswered", "hidden"):
        parts.append(text(f"status.{section['status']}", lang))
    return " · ".join(parts)


def _sections(questionnaire: Questionnaire, result: dict[str, Any], lang: str) -> list[SectionBlock]:
    blocks = []
    for section in result["sections"]:
        if section["status"] in ("unscored", "hidden"):
            continue
        block = SectionBlock(section["id"], section["title"], score_text(section["score"], lang), "")
        block.note = _section_note(section, lang)
        if section["cap"] is not None and section["raw_score"] is not None and section["raw_score"] > section["cap"]:
            block.cap = text(
                "sections.capped", lang, cap=f"{section['cap']:g}", raw=score_text(section["raw_score"], lang)
            )
        for q in result["questions"]:
            if q["section"] != section["id"] or q["status"] in ("hidden", "unscored"):
                continue
            muted = q["status"] in ("not_applicable", "unanswered")
            if q["status"] == "not_applicable":
                shown = text("status.not_applicable", lang)
            elif q["status"] == "unanswered":
                shown = text("status.unanswered", lang)
            else:
                shown = short_number(q["score"])
            points = "" if muted else f"{q['contribution']:.2f} / {q['max_contribution']:.2f}"
            block.rows.append(Row(q["text"], score=shown, points=points, muted=muted))
        blocks.append(block)
    return blocks


def _action(number: int, rec: dict[str, Any], lang: str) -> Action:
    return Action(
        number=number,
        title=rec["title"],
        action=rec["action"],
        priority=text(f"level.{rec['priority']}", lang),
        effort=text(f"level.{rec['effort']}", lang),
        gain=text("plan.gain_value", lang, points=f"{rec['gain']:.1f}"),
        quick_win=rec["quick_win"],
        services=rec["services"],
    )


def _appendix(questionnaire: Questionnaire, result: dict[str, Any], lang: str) -> list[SectionBlock]:
    blocks = []
    for section in result["sections"]:
        rows = [
            Row(q["text"], answer_label(questionnaire, q["id"], q["answer"], lang), muted=q["answer"] is None)
            for q in result["questions"]
            if q["section"] == section["id"] and q["status"] != "hidden"
        ]
        if rows:
            blocks.append(SectionBlock(section["id"], section["title"], "", "", rows=rows))
    return blocks
