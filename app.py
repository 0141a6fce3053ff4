"""IP Ready: the Streamlit entry point. It sets up the page, checks start-up, and routes."""

from __future__ import annotations

import streamlit as st

from storage.db import database_url
from ui import state
from ui.auth import revalidate, sign_out, take_landing
from ui.bootstrap import Startup, bundled_file, start
from ui.i18n import LANGUAGES, t
from ui.sharing_panel import exchange_invite_parameter

st.set_page_config(page_title="IP Ready", page_icon=":material/verified_user:", layout="centered")


@st.cache_resource(show_spinner=False)
def startup(url: str, questionnaire_file: str, modified: float) -> Startup:
    """Once per process and questionnaire file version; an unusable start is not cached."""
    return start(url)


file = bundled_file()
ready = startup(database_url(), str(file), file.stat().st_mtime if file.is_file() else 0.0)
if not ready.ok:
    startup.clear()
    lang = state.lang()
    st.title(t("app.name", lang))
    if ready.database_unreachable:
        st.error(t("error.database", lang))
    elif ready.schema_outdated:
        st.error(t("error.schema", lang))
    else:
        st.error(t("error.questionnaire", lang))
        detail = [p.format() for p in ready.problems] or [ready.conflict or f"{ready.missing_file}: not found"]
        st.code("\n".join(detail), language="text")
    st.stop()

st.session_state["questionnaire_id"] = ready.questionnaire_id
opened = state.exchange_resume_parameter()
exchange_invite_parameter()
lang = state.lang()

with st.sidebar:
    st.selectbox(
        t("language", lang),
        list(LANGUAGES),
        index=list(LANGUAGES).index(lang),
        format_func=LANGUAGES.__getitem__,
        key=f"language_picker:{lang}",
        on_change=lambda: state.set_lang(st.session_state[f"language_picker:{lang}"]),
    )

user = revalidate()  # re-reads the account: a disabled, deleted or changed one is signed out here
if user is not None:
    with st.sidebar:
        st.caption(t("auth.signed_in_as", lang, name=user.display_name or user.email))
        st.button(t("auth.sign_out", lang), key="sidebar_sign_out", on_click=sign_out, args=("auth.signed_out.by_you",))


def page(name: str, title: str, icon: str, **options: object) -> st.Page:
    return st.Page(f"app_pages/{name}.py", title=t(title, lang), icon=icon, url_path=name, **options)  # type: ignore[arg-type]


# SME pages are there for everyone: an adviser may also fill in an assessment with a client.
pages = {
    "start": page("start", "nav.start", ":material/home:", default=user is None),
    "questionnaire": page("questionnaire", "nav.questionnaire", ":material/edit_note:"),
    "results": page("results", "nav.results", ":material/insights:"),
    "my_data": page("my_data", "nav.my_data", ":material/shield_person:"),
}
sections: dict[str, list[st.Page]] = {t("nav.section.assessment", lang): list(pages.values())}
if user is not None and user.role == "adviser":
    pages["portfolio"] = page("portfolio", "nav.portfolio", ":material/groups:", default=True)
    pages["client"] = page("client", "nav.client", ":material/person:", visibility="hidden")
    sections[t("nav.section.adviser", lang)] = [pages["portfolio"], pages["client"]]
if user is not None and user.role == "staff":
    pages["dashboard"] = page("dashboard", "nav.dashboard", ":material/monitoring:", default=True)
    pages["editor"] = page("editor", "nav.editor", ":material/edit_document:")
    pages["users"] = page("users", "nav.users", ":material/manage_accounts:")
    sections[t("nav.section.staff", lang)] = [pages["dashboard"], pages["editor"], pages["users"]]
account = (
    page("account", "nav.account", ":material/account_circle:")
    if user
    else page("login", "nav.login", ":material/login:")
)
sections[t("nav.section.account", lang)] = [account]
pages[account.url_path] = account
navigation = st.navigation(sections)
landing = take_landing()  # right after signing in or out: the role's default page, or the sign-in page
if landing in pages:
    st.switch_page(pages[landing])
if opened:
    st.switch_page(pages["questionnaire"])
navigation.run()
