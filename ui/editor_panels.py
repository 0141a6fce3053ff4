"""The questionnaire editor's parts: problems, changes, impact, publishing and history. Each takes what it
shows; storage calls are made here so that the page reads as a list of what is on the screen."""

from __future__ import annotations

import difflib
import hashlib

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reports.filenames import safe_filename
from scoring.model import Questionnaire
from scoring.problems import Problem
from scoring.versioning import is_newer, next_version
from storage.db import session_scope
from storage.questionnaire_admin import (
    PublishRefused,
    VersionRow,
    history,
    impact,
    publish_draft,
    roll_back,
    save_draft,
    validate,
    version_text,
)
from storage.repository import StorageError
from ui.i18n import t

IMPACT = "editor_impact"
NOTICE = "editor_notice"


def problems_panel(problems: list[Problem], text: str, lang: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if not problems:
        st.success(t("ed.ok", lang), icon=":material/check_circle:")
        return
    lines = text.splitlines()
    show = st.error if errors else st.warning
    show(t("ed.counts", lang, errors=len(errors), warnings=len(warnings)))
    for problem in [*errors, *warnings]:
        icon = ":material/error:" if problem.severity == "error" else ":material/warning:"
        st.markdown(
            f"{icon} "
            + t("ed.problem", lang, line=problem.line, column=problem.column, path=problem.path or "-", message="")
            + _escape(problem.message)
        )
        if 0 < problem.line <= len(lines):
            st.code(f"{problem.line:>5} | {lines[problem.line - 1]}", language=None)
    st.caption(t("ed.problem_note", lang))


def _escape(text: str) -> str:
    """Problem messages quote YAML; markdown must not read their * _ ` [ as formatting."""
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def unified_diff(before: str, after: str, before_name: str, after_name: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), before_name, after_name, n=2
        )
    )


def changes_panel(current_text: str, current_version: str, text: str, lang: str) -> None:
    diff = unified_diff(current_text, text, f"version {current_version}", "draft")
    if not diff:
        st.info(t("ed.no_changes", lang, version=current_version))
        return
    st.caption(t("ed.changes_caption", lang, version=current_version))
    st.code(diff, language="diff")


def impact_panel(model: Questionnaire, text: str, lang: str) -> None:
    st.caption(t("ed.impact_intro", lang))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    stored = st.session_state.get(IMPACT)
    if st.button(t("ed.impact_run", lang), key="impact_run"):
        with st.spinner(t("ed.impact_run", lang)), session_scope() as session:
            stored = (digest, impact(session, model))
        st.session_state[IMPACT] = stored
    if not stored or stored[0] != digest:
        return
    result = stored[1]
    if result.assessments == 0:
        st.info(t("ed.impact_none", lang))
        return
    first, second, third, fourth = st.columns(4)
    first.metric(t("ed.impact_count", lang), result.assessments)
    second.metric(t("ed.impact_up", lang), result.level_up)
    third.metric(t("ed.impact_down", lang), result.level_down)
    shift = None
    if result.overall_after is not None and result.overall_before is not None:
        shift = round(result.overall_after - result.overall_before, 2)
    fourth.metric(t("ed.impact_mean", lang), _fmt(result.overall_after), delta=shift)
    if result.answers_dropped:
        st.warning(t("ed.impact_dropped", lang, count=result.answers_dropped))
    titles = {section.id: section.title.get(lang) for section in model.sections}
    table = pd.DataFrame(
        [
            {
                t("ed.col_section", lang): titles.get(row.section_id, row.section_id),
                t("ed.col_before", lang): row.before_mean,
                t("ed.col_after", lang): row.after_mean,
                t("ed.col_shift", lang): row.shift,
                t("ed.col_compared", lang): row.compared,
            }
            for row in result.sections
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def publish_panel(
    *,
    draft_id: int,
    revision: int,
    saved_text: str,
    text: str,
    model: Questionnaire | None,
    current_version: str,
    user_id: int,
    lang: str,
) -> None:
    if model is None:
        st.info(t("ed.fix_first", lang))
        return
    if not is_newer(model.version, current_version):
        st.warning(
            t(
                "ed.version_not_new",
                lang,
                version=model.version,
                current=current_version,
                suggested=next_version(current_version),
            )
        )
        return
    st.write(t("ed.publish_version", lang, version=model.version))
    note = st.text_input(t("ed.note", lang), key=f"publish_note:{draft_id}", max_chars=2000)
    if not st.button(t("ed.publish", lang), type="primary", key=f"publish:{draft_id}"):
        return
    try:
        with session_scope() as session:
            if text != saved_text:  # publish what is on the screen: save it first, as any save would
                outcome = save_draft(session, draft_id, revision, text, user_id)
                if not outcome.saved:
                    st.session_state["editor_conflict"] = (draft_id, outcome.conflict_copy.id)  # type: ignore[union-attr]
                    st.rerun()
                revision = outcome.draft.revision
            row = publish_draft(session, draft_id, revision, user_id, note)
            published = row.version
    except PublishRefused as exc:
        st.error(t("ed.refused", lang, reason=str(exc)))
        return
    except (StorageError, SQLAlchemyError) as exc:
        st.error(t("ed.storage_error", lang, reason=str(exc).splitlines()[0]))
        return
    st.session_state[NOTICE] = t("ed.published", lang, version=published)
    st.session_state.pop("editor_draft", None)
    st.rerun()


@st.cache_resource(max_entries=16, show_spinner=False)
def checked(text: str, file: str) -> tuple[Questionnaire | None, list[Problem]]:
    """The validator's verdict on a text, kept per process: every click on the editor page reruns it, and
    the same text always gives the same verdict (the model is frozen; callers do not change the list)."""
    return validate(text, file)


def history_panel(questionnaire_id: str, rows: list[VersionRow], user_id: int, lang: str) -> None:
    table = pd.DataFrame(
        [
            {
                t("ed.col_version", lang): row.version,
                t("ed.col_current", lang): "✓" if row.current else "",
                t("ed.col_source", lang): t(f"ed.source.{row.source}", lang)
                if row.source in ("bundled", "staff")
                else row.source,
                t("ed.col_published", lang): row.published_at.strftime("%Y-%m-%d %H:%M UTC"),
                t("ed.col_by", lang): row.published_by,
                t("ed.col_note", lang): row.note,
                t("ed.col_assessments", lang): row.assessments,
            }
            for row in rows
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    by_id = {row.id: row for row in rows}
    chosen_id = st.selectbox(
        t("ed.pick_version", lang),
        list(by_id),
        format_func=lambda version_id: (
            by_id[version_id].version + (f" ({t('ed.col_current', lang)})" if by_id[version_id].current else "")
        ),
        key="history_version",
    )
    chosen = by_id.get(chosen_id) if chosen_id is not None else None
    if chosen is None:
        return
    with session_scope() as session:
        chosen_text = version_text(session, chosen.id)
    st.download_button(
        t("ed.history_download", lang, version=chosen.version),
        chosen_text.encode("utf-8"),
        file_name=safe_filename(f"{questionnaire_id}-{chosen.version}", "yaml"),
        mime="application/yaml",
        key="history_download",
        on_click="ignore",
    )
    if chosen.current:
        return
    st.markdown(f"**{t('ed.rollback_title', lang)}**")
    st.caption(t("ed.rollback_intro", lang))
    new_version = st.text_input(
        t("ed.rollback_new", lang), value=next_version(rows[0].version), key=f"rollback_version:{chosen.id}"
    )
    note = st.text_input(t("ed.note", lang), key=f"rollback_note:{chosen.id}", max_chars=2000)
    if st.button(t("ed.rollback", lang, version=chosen.version), key=f"rollback:{chosen.id}"):
        try:
            with session_scope() as session:
                row = roll_back(session, chosen.id, new_version.strip(), user_id, note)
                new = row.version
        except (StorageError, SQLAlchemyError) as exc:
            st.error(t("ed.refused", lang, reason=str(exc).splitlines()[0]))
            return
        st.session_state[NOTICE] = t("ed.rolled_back", lang, old=chosen.version, new=new)
        st.rerun()


def version_history(questionnaire_id: str) -> list[VersionRow]:
    with session_scope() as session:
        return history(session, questionnaire_id)
