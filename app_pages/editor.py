"""Questionnaire editor (staff): drafts, live checks, preview, changes, impact, publishing and history."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reports.filenames import safe_filename
from storage.db import session_scope
from storage.questionnaire_admin import (
    current_version,
    delete_draft,
    drafts,
    find_draft,
    questionnaire_ids,
    save_draft,
    start_draft,
    user_emails,
)
from storage.repository import StorageError
from ui import state
from ui.auth import require_role
from ui.editor_panels import (
    NOTICE,
    changes_panel,
    checked,
    history_panel,
    impact_panel,
    problems_panel,
    publish_panel,
    unified_diff,
    version_history,
)
from ui.editor_preview import preview
from ui.i18n import LANGUAGES, t

DRAFT, CONFLICT, ORPHAN = "editor_draft", "editor_conflict", "editor_orphan"

user = require_role("staff")
lang = state.lang()
st.title(t("nav.editor", lang))
st.caption(t("ed.intro", lang))
if NOTICE in st.session_state:
    st.success(st.session_state.pop(NOTICE))


def failed(exc: Exception) -> None:
    st.error(t("ed.storage_error", lang, reason=str(exc).splitlines()[0]))
    st.stop()


try:
    with session_scope() as session:
        ids = questionnaire_ids(session)
except SQLAlchemyError as exc:
    failed(exc)
questionnaire_id = (
    st.selectbox(t("ed.questionnaire", lang), ids, key="editor_questionnaire") if len(ids) > 1 else ids[0]
)
with session_scope() as session:
    in_use = current_version(session, questionnaire_id)
    assert in_use is not None, "start-up stores the bundled questionnaire"
    in_use_version, in_use_text = in_use.version, in_use.yaml_text
    listed = [(d.id, d.label, d.revision, d.updated_at, d.updated_by_id) for d in drafts(session, questionnaire_id)]
    emails = user_emails(session)
st.info(t("ed.current", lang, version=in_use_version))


def keep_unsaved_text_of_a_vanished_draft(draft_id: object) -> None:
    """A draft someone else published or deleted leaves the list; unsaved text typed into it is offered
    back here instead of disappearing with it."""
    loaded = st.session_state.get(f"editor_loaded:{draft_id}")
    if loaded is None:
        return
    typed = st.session_state.get(f"editor_text:{draft_id}:{loaded[0]}")
    if isinstance(typed, str) and typed != loaded[1]:
        st.session_state[ORPHAN] = typed


# ---------------------------------------------------------------- choose or start a draft
st.subheader(t("ed.drafts", lang))
left, right = st.columns([1, 1])
if left.button(t("ed.new_draft", lang), icon=":material/add:"):
    with session_scope() as session:
        st.session_state[DRAFT] = start_draft(session, questionnaire_id, user.user_id).id
    st.rerun()
upload = right.file_uploader(t("ed.upload", lang), type=["yaml", "yml"], key="editor_upload")
if upload is not None and st.session_state.get("editor_uploaded") != upload.file_id:
    try:
        uploaded_text = upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        st.error(t("ed.upload_bad", lang, reason=str(exc)))
    else:
        try:
            with session_scope() as session:
                new = start_draft(session, questionnaire_id, user.user_id, text=uploaded_text, label=upload.name)
                st.session_state[DRAFT] = new.id
        except StorageError as exc:
            failed(exc)
        st.session_state["editor_uploaded"] = upload.file_id
        st.rerun()

if not listed:
    keep_unsaved_text_of_a_vanished_draft(st.session_state.pop(DRAFT, None))
    st.info(t("ed.no_drafts", lang))
else:
    ids_listed = [row[0] for row in listed]
    if st.session_state.get(DRAFT) not in ids_listed:
        keep_unsaved_text_of_a_vanished_draft(st.session_state.get(DRAFT))
        st.session_state[DRAFT] = ids_listed[0]
    by_id = {row[0]: row for row in listed}

    def draft_name(draft_id: int) -> str:
        _, label, _revision, updated_at, by = by_id[draft_id]
        return t(
            "ed.draft_name",
            lang,
            id=draft_id,
            label=f" ({label})" if label else "",
            when=updated_at.strftime("%Y-%m-%d %H:%M UTC"),
            who=emails.get(by, t("ed.someone", lang)),
        )

    st.selectbox(t("ed.pick_draft", lang), ids_listed, format_func=draft_name, key=DRAFT)

draft_id: int | None = st.session_state.get(DRAFT) if listed else None
if draft_id is not None:
    with session_scope() as session:
        chosen = find_draft(session, draft_id)
        saved_text, revision = (chosen.yaml_text, chosen.revision) if chosen else ("", 0)

    conflict = st.session_state.get(CONFLICT)
    if conflict and conflict[0] == draft_id:
        st.warning(t("ed.conflict", lang, id=conflict[0], copy=conflict[1]), icon=":material/merge_type:")
        with session_scope() as session:
            copy = find_draft(session, conflict[1])
        if copy is not None:
            st.caption(t("ed.conflict_diff", lang))
            st.code(unified_diff(saved_text, copy.yaml_text, f"draft {draft_id}", f"draft {copy.id}"), language="diff")
            if st.button(t("ed.open_copy", lang, copy=copy.id)):
                st.session_state.pop(CONFLICT, None)
                st.session_state[DRAFT] = copy.id
                st.rerun()

    # What this editor loaded, and from which revision: saves are checked against it, never against what
    # someone else stored meanwhile, so their save cannot silently replace the text on this screen.
    loaded_key = f"editor_loaded:{draft_id}"
    if loaded_key not in st.session_state:
        st.session_state[loaded_key] = (revision, saved_text)
    loaded_revision, loaded_text = st.session_state[loaded_key]
    if revision > loaded_revision and not (conflict and conflict[0] == draft_id):
        st.warning(t("ed.newer", lang, revision=revision), icon=":material/update:")
        if st.button(t("ed.load_newer", lang)):
            st.session_state[loaded_key] = (revision, saved_text)
            st.rerun()
    text = st.text_area(
        t("ed.text", lang),
        value=loaded_text,
        height=520,
        key=f"editor_text:{draft_id}:{loaded_revision}",
        help=t("ed.text_help", lang),
    )
    buttons = st.columns([1, 1, 1])
    if text != loaded_text:
        st.caption(f":material/edit: {t('ed.unsaved', lang)}")
    if buttons[0].button(t("ed.save", lang), type="primary", icon=":material/save:"):
        try:
            with session_scope() as session:
                outcome = save_draft(session, draft_id, loaded_revision, text, user.user_id)
                stored = (outcome.draft.revision, outcome.draft.yaml_text)
                copy_id = outcome.conflict_copy.id if outcome.conflict_copy else None
        except (StorageError, SQLAlchemyError) as exc:
            failed(exc)
        # Either way the box now shows what the draft holds; after a conflict, this text is in the copy.
        st.session_state[loaded_key] = stored
        if copy_id is not None:
            st.session_state[CONFLICT] = (draft_id, copy_id)
        else:
            st.session_state.pop(CONFLICT, None)
            st.session_state[NOTICE] = t("ed.saved", lang, revision=stored[0])
        st.rerun()
    buttons[1].download_button(
        t("ed.download", lang),
        text.encode("utf-8"),
        file_name=safe_filename(f"{questionnaire_id}-draft-{draft_id}", "yaml"),
        mime="application/yaml",
        on_click="ignore",
        icon=":material/download:",
    )
    with buttons[2].popover(t("ed.delete", lang), icon=":material/delete:"):
        if st.button(t("ed.delete_confirm", lang), type="primary", key=f"delete_draft:{draft_id}"):
            with session_scope() as session:
                delete_draft(session, draft_id)
            st.session_state.pop(DRAFT, None)
            st.session_state[NOTICE] = t("ed.deleted", lang)
            st.rerun()

    # ---------------------------------------------------------------- check, then one view at a time
    st.subheader(t("ed.check", lang))
    model, problems = checked(text, f"{questionnaire_id}-draft-{draft_id}.yaml")
    problems_panel(problems, text, lang)
    # A control with a key, not st.tabs: tabs fall back to the first one whenever a notice above them
    # comes or goes, which would hide the Publish button just after a save.
    view = st.segmented_control(
        t("ed.view", lang),
        ["preview", "changes", "impact", "publish"],
        format_func=lambda name: t(f"ed.tab_{name}", lang),
        default="preview",
        key="editor_view",
        label_visibility="collapsed",
    )
    if view in (None, "preview"):
        if model is None:
            st.info(t("ed.fix_first", lang))
        else:
            shown = st.segmented_control(
                t("ed.preview_lang", lang),
                model.languages,
                default=lang if lang in model.languages else model.languages[0],
                format_func=lambda code: LANGUAGES.get(code, code),
                key="preview_lang",
            )
            st.caption(t("ed.preview_note", lang))
            preview(model, shown or model.languages[0], key=f"preview:{draft_id}:{shown}")
    elif view == "changes":
        changes_panel(in_use_text, in_use_version, text, lang)
    elif view == "impact":
        if model is None:
            st.info(t("ed.fix_first", lang))
        else:
            impact_panel(model, text, lang)
    else:
        publish_panel(
            draft_id=draft_id,
            revision=loaded_revision,
            saved_text=loaded_text,
            text=text,
            model=model if not [p for p in problems if p.severity == "error"] else None,
            current_version=in_use_version,
            user_id=user.user_id,
            lang=lang,
        )

if ORPHAN in st.session_state:
    st.warning(t("ed.gone", lang))
    st.code(st.session_state[ORPHAN], language="yaml", line_numbers=True)
    if st.button(t("ed.keep_as_new", lang)):
        with session_scope() as session:
            st.session_state[DRAFT] = start_draft(
                session, questionnaire_id, user.user_id, text=st.session_state.pop(ORPHAN)
            ).id
        st.rerun()

# ---------------------------------------------------------------- history and roll-back
st.subheader(t("ed.tab_history", lang))
history_panel(questionnaire_id, version_history(questionnaire_id), user.user_id, lang)
