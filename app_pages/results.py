"""Results: score, maturity, charts with their data, how the score was made, the action plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.chart_data import dimension_points, section_points
from reports.downloads import MIME, report_download
from reports.filenames import report_filename
from reports.tabular import answers_csv
from scoring.visibility import missing_required
from storage.db import session_scope
from ui import state
from ui.charts import bars, radar
from ui.i18n import t
from ui.peer_panel import peer_panel
from ui.results_service import answer_label, answers_download, previous_snapshot, result_for, start_reassessment
from ui.resume import SHOW_ONCE, require_assessment

lang = state.lang()
assessment_id = require_assessment(lang, "app_pages/results.py")

questionnaire = state.questionnaire()
answers = state.answers()
if missing_required(questionnaire, answers):
    st.warning(t("q.missing_title", lang))
    st.page_link("app_pages/questionnaire.py", label=t("nav.questionnaire", lang))
    st.stop()

with session_scope() as session:
    result = result_for(session, assessment_id, questionnaire, answers, lang)
    before = previous_snapshot(session, assessment_id)


def fmt(score: float | None) -> str:
    return t("r.not_assessed", lang) if score is None else f"{score:.1f}"


st.title(t("r.title", lang))
overall, level = st.columns([1, 2])
overall.metric(t("r.overall", lang), f"{result['overall']:.1f} / 100" if result["overall"] is not None else "–")
if result["maturity"]:
    level.markdown(
        "**"
        + t(
            "r.level",
            lang,
            level=result["maturity"]["level"],
            levels=len(questionnaire.maturity_levels),
            name=result["maturity"]["name"],
        )
        + f"**  \n{result['maturity']['description']}"
    )
st.caption(
    t(
        "r.meta",
        lang,
        date=result["meta"].get("date") or "",
        questionnaire=questionnaire.title.get(lang),
        version=questionnaire.version,
    )
)

for flag in result["critical_flags"]:
    section_title = next(s["title"] for s in result["sections"] if s["id"] == flag["section"])
    cap_note = t("r.flag_cap", lang, section=section_title, cap=f"{flag['cap']:g}")
    st.error(f"**{t('r.flags', lang)}:** {flag['message']}  \n{cap_note}")

sections = section_points(result)
dimensions = dimension_points(result, {d: t(f"r.dim.{d}", lang) for d in ("protection", "management", "exploitation")})


def chart_with_table(title: str, figure: object, column: str, points: list, key: str) -> None:
    """A chart and, for screen readers and printing, the same numbers as a table."""
    st.subheader(title)
    st.plotly_chart(figure, config={"displayModeBar": False}, key=key)
    with st.expander(t("r.chart_table", lang)):
        table = {column: [p.label for p in points], t("r.col_score", lang): [fmt(p.score) for p in points]}
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")


# A radar needs three spokes to mean anything; with fewer sections, bars say the same more clearly.
enough_spokes = sum(p.score is not None for p in sections) >= 3
section_chart = radar(sections, t("r.overall", lang)) if enough_spokes else bars(sections)
chart_with_table(t("r.sections_chart", lang), section_chart, t("r.col_section", lang), sections, "radar")
chart_with_table(t("r.dimensions_chart", lang), bars(dimensions), t("r.col_dimension", lang), dimensions, "bars")
peer_panel(lang, assessment_id, result, questionnaire)

st.subheader(t("r.plan", lang))
recommendations = result["recommendations"]
if not recommendations:
    st.success(t("r.plan_empty", lang))
else:
    st.caption(t("r.plan_intro", lang))


def show_recommendation(number: int, rec: dict) -> None:
    with st.container(border=True):
        badge = f" · :green-badge[{t('r.quick_win', lang)}]" if rec["quick_win"] else ""
        st.markdown(f"**{number}. {rec['title']}**{badge}")
        st.write(rec["action"])
        st.caption(
            " · ".join(
                [
                    t("r.priority", lang, value=t(f"r.level.{rec['priority']}", lang)),
                    t("r.effort", lang, value=t(f"r.level.{rec['effort']}", lang)),
                    t("r.gain", lang, points=f"{rec['gain']:.1f}"),
                ]
            )
        )
        if rec["services"]:
            lines = []
            for service in rec["services"]:
                name = f"[{service['name']}]({service['url']})" if service["url"] else service["name"]
                lines.append(f"- {name} — {service['provider']}")
            st.markdown(f"*{t('r.contact', lang)}:*\n" + "\n".join(lines))


for number, rec in enumerate(recommendations[:5], start=1):
    show_recommendation(number, rec)
if len(recommendations) > 5:
    with st.expander(t("r.more_actions", lang, count=len(recommendations) - 5)):
        for number, rec in enumerate(recommendations[5:], start=6):
            show_recommendation(number, rec)

if result["knowledge_gaps"]:
    st.subheader(t("r.gaps", lang))
    st.caption(t("r.gaps_intro", lang))
    texts = {q["id"]: q["text"] for q in result["questions"]}
    st.markdown("\n".join(f"- {texts[q]}" for q in result["knowledge_gaps"]))

if before is not None:
    st.subheader(t("r.change_title", lang))
    earlier = {s["id"]: s["score"] for s in before["sections"]}
    rows = [
        {
            t("r.col_section", lang): s["title"],
            t("r.col_previous", lang): earlier.get(s["id"]),
            t("r.col_score", lang): s["score"],
            t("r.col_change", lang): None
            if s["score"] is None or earlier.get(s["id"]) is None
            else round(s["score"] - earlier[s["id"]], 1),
        }
        for s in result["sections"]
        if s["status"] != "unscored"
    ]
    rows.append(
        {
            t("r.col_section", lang): t("r.overall", lang),
            t("r.col_previous", lang): before["overall"],
            t("r.col_score", lang): result["overall"],
            t("r.col_change", lang): None
            if before["overall"] is None or result["overall"] is None
            else round(result["overall"] - before["overall"], 1),
        }
    )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader(t("r.how", lang))
st.caption(t("r.how_intro", lang))
for section in result["sections"]:
    if section["status"] in ("unscored", "hidden"):
        continue
    with st.expander(f"{section['title']} — {fmt(section['score'])}"):
        rows = [
            {
                t("r.col_question", lang): q["text"],
                t("r.col_answer", lang): answer_label(questionnaire, q["id"], q["answer"], lang),
                t("r.col_score", lang): q["score"],
                t("r.col_points", lang): q["contribution"],
                t("r.col_max", lang): q["max_contribution"],
            }
            for q in result["questions"]
            if q["section"] == section["id"] and q["status"] != "hidden"
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader(t("r.downloads", lang))
report_buttons = st.columns(3)
for column, fmt_key, label_key in zip(
    report_buttons, ("pdf", "html", "xlsx"), ("r.download_pdf", "r.download_html", "r.download_xlsx"), strict=True
):
    # Built only when clicked (a PDF takes about a second), on Streamlit's download thread.
    column.download_button(
        t(label_key, lang),
        data=lambda fmt_key=fmt_key: report_download(fmt_key, questionnaire, result).data,
        file_name=report_filename(result["meta"].get("company") or "", result["meta"].get("date"), fmt_key),
        mime=MIME[fmt_key],
        on_click="ignore",
        key=f"download:{fmt_key}",
        width="stretch",
    )
data_buttons = st.columns(3)
data_buttons[0].download_button(
    t("r.download_result", lang),
    data=lambda: report_download("json", questionnaire, result).data,
    file_name=report_filename(result["meta"].get("company") or "", result["meta"].get("date"), "json"),
    mime=MIME["json"],
    on_click="ignore",
    width="stretch",
)
data_buttons[1].download_button(
    t("r.download_answers", lang),
    data=lambda: answers_download(questionnaire, answers, result).encode("utf-8"),
    file_name=report_filename(
        result["meta"].get("company") or "", result["meta"].get("date"), "json", kind="ip-ready-answers"
    ),
    mime=MIME["json"],
    on_click="ignore",
    width="stretch",
)
data_buttons[2].download_button(
    t("r.download_csv", lang),
    data=lambda: answers_csv(result),
    file_name=report_filename(result["meta"].get("company") or "", result["meta"].get("date"), "csv"),
    mime=MIME["csv"],
    on_click="ignore",
    width="stretch",
)

left, right = st.columns(2)
if left.button(t("r.edit", lang)):
    st.switch_page("app_pages/questionnaire.py")
if right.button(t("r.reassess", lang), help=t("r.reassess_help", lang)):
    with session_scope() as session:
        new_id, code, dropped = start_reassessment(session, assessment_id, lang)
    state.open_assessment(new_id, code)
    st.session_state[SHOW_ONCE] = code
    st.session_state["carried_over_dropped"] = dropped
    st.switch_page("app_pages/questionnaire.py")

st.caption(t("disclaimer", lang))
