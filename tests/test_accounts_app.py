"""Sign-in and account pages through the real app (AppTest) on a real SQLite database: who lands where, lock-out,
disabled accounts, staff administration, role guards, session expiry and single sign-on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from storage.accounts import MAX_FAILED_ATTEMPTS, authenticate, create_user, find_user, set_disabled
from storage.db import session_scope
from storage.models import User
from tests.apptest_support import new_app, prepare
from tests.conftest import FIXTURES, ROOT
from ui.auth import IDLE_LIMIT, LAST_SEEN, SIGNED_IN, SignedIn

PASSWORD = "correct horse battery"
ADVISER, STAFF = "ada@example.com", "sam@example.com"


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    url = prepare(monkeypatch, tmp_path, FIXTURES / "mini.yaml")
    with session_scope(url) as session:
        create_user(session, ADVISER, "adviser", PASSWORD, "Ada Adviser")
        create_user(session, STAFF, "staff", PASSWORD, "Sam Staff")
    return url


def page_of(app: AppTest) -> str:
    """The file name of the page this run showed."""
    return Path(app._registered_pages[app._finished_page_script_hash]["script_path"]).name


def listed_pages(app: AppTest) -> set[str]:
    return {Path(info["script_path"]).name for info in app._registered_pages.values()}


def open_login(app: AppTest | None = None) -> AppTest:
    app = new_app() if app is None else app
    app.run()
    app.switch_page("app_pages/login.py").run()
    assert page_of(app) == "login.py"
    return app


def submit_login(app: AppTest, email: str, password: str) -> AppTest:
    app.text_input(key="login_email").input(email)
    app.text_input(key="login_password").input(password)
    next(b for b in app.button if b.label == "Sign in").click().run()
    assert not app.exception, app.exception
    return app


def signed_in(app: AppTest) -> SignedIn | None:
    return app.session_state.get(SIGNED_IN)


def errors(app: AppTest) -> list[str]:
    return [e.value for e in app.error]


@pytest.mark.parametrize(
    ("email", "landing", "own"), [(ADVISER, "portfolio.py", "portfolio.py"), (STAFF, "dashboard.py", "users.py")]
)
def test_each_role_lands_on_its_default_page(url: str, email: str, landing: str, own: str) -> None:
    app = submit_login(open_login(), email, PASSWORD)
    assert page_of(app) == landing
    assert signed_in(app).email == email
    assert own in listed_pages(app) and "account.py" in listed_pages(app) and "login.py" not in listed_pages(app)
    assert app.sidebar.button(key="sidebar_sign_out").label == "Sign out"


def test_wrong_password_and_unknown_email_show_the_same_message(url: str) -> None:
    app = submit_login(open_login(), ADVISER, "not the password")
    assert errors(app) == ["The email or the password is not right."]
    assert signed_in(app) is None and page_of(app) == "login.py"
    app = submit_login(app, "nobody@example.com", PASSWORD)
    assert errors(app) == ["The email or the password is not right."]


def test_lock_out_after_five_failures_and_staff_unlock(url: str) -> None:
    app = open_login()
    for _ in range(MAX_FAILED_ATTEMPTS):
        submit_login(app, ADVISER, "not the password")
    assert "locked until" in errors(app)[0]
    submit_login(app, ADVISER, PASSWORD)
    assert "locked until" in errors(app)[0] and signed_in(app) is None

    staff = submit_login(open_login(), STAFF, PASSWORD)
    staff.switch_page("app_pages/users.py").run()
    table = staff.dataframe[0].value
    row = table.loc[table["Email"] == ADVISER]
    assert row["Status"].item().startswith("locked until ")
    staff.selectbox(key="manage_user").select(find_user_id(url, ADVISER)).run()
    staff.button(key="user_unlock").click().run()
    assert f"{ADVISER} is unlocked." in [s.value for s in staff.success]
    row = staff.dataframe[0].value.loc[lambda d: d["Email"] == ADVISER]
    assert row["Status"].item() == "active"

    assert page_of(submit_login(open_login(), ADVISER, PASSWORD)) == "portfolio.py"


def find_user_id(url: str, email: str) -> int:
    with session_scope(url) as session:
        return find_user(session, email).id


def test_a_disabled_account_cannot_sign_in_and_an_open_session_is_signed_out(url: str) -> None:
    app = submit_login(open_login(), ADVISER, PASSWORD)
    assert page_of(app) == "portfolio.py"
    with session_scope(url) as session:
        set_disabled(session, find_user(session, ADVISER).id, True)
    app.run()
    assert signed_in(app) is None
    assert page_of(app) == "login.py" and "portfolio.py" not in listed_pages(app)
    assert "signed out because your account was changed" in app.info[0].value
    submit_login(app, ADVISER, PASSWORD)
    assert errors(app) == ["This account is disabled. Ask programme staff if you need it again."]


@pytest.mark.parametrize("change", ["role", "delete"])
def test_a_changed_role_or_deleted_account_is_signed_out_on_the_next_run(url: str, change: str) -> None:
    app = submit_login(open_login(), ADVISER, PASSWORD)
    with session_scope(url) as session:
        query = User.__table__.update().values(role="staff") if change == "role" else User.__table__.delete()
        session.execute(query.where(User.email == ADVISER))
    app.run()
    assert signed_in(app) is None and "dashboard.py" not in listed_pages(app)


@pytest.mark.parametrize("name", ["users.py", "dashboard.py"])
def test_an_adviser_cannot_reach_staff_pages(url: str, name: str) -> None:
    if "Placeholder while this page is being built" in (ROOT / "app_pages" / name).read_text():
        pytest.skip(f"{name} is still a placeholder")
    app = submit_login(open_login(), ADVISER, PASSWORD)
    assert not {"users.py", "dashboard.py"} & listed_pages(app)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(f"app_pages/{name}")
    # The page run directly (as if its address were typed) still refuses.
    page = AppTest.from_file(str(ROOT / "app_pages" / name), default_timeout=30)
    page.session_state[SIGNED_IN] = signed_in(app)
    page.run()
    assert [e.value for e in page.error] == ["Your account cannot open this page."]
    assert not page.dataframe


def test_staff_pages_run_directly_without_a_sign_in_ask_for_one(url: str) -> None:
    page = AppTest.from_file(str(ROOT / "app_pages" / "users.py"), default_timeout=30)
    page.run()
    assert [w.value for w in page.warning] == ["Please sign in to see this page."]
    assert not page.dataframe


def test_a_fresh_session_is_not_signed_in(url: str) -> None:
    submit_login(open_login(), STAFF, PASSWORD)
    reloaded = new_app()
    reloaded.run()
    assert signed_in(reloaded) is None
    assert page_of(reloaded) == "start.py"
    assert "login.py" in listed_pages(reloaded) and not {"users.py", "dashboard.py"} & listed_pages(reloaded)


def test_sign_out_from_the_account_page(url: str) -> None:
    app = submit_login(open_login(), ADVISER, PASSWORD)
    app.switch_page("app_pages/account.py").run()
    assert "Ada Adviser" in app.markdown[0].value and ADVISER in app.markdown[0].value
    app.button(key="account_sign_out").click().run()
    assert signed_in(app) is None and page_of(app) == "login.py"
    assert app.info[0].value == "You are signed out."


def test_idle_sessions_expire(url: str) -> None:
    app = submit_login(open_login(), ADVISER, PASSWORD)
    app.session_state[LAST_SEEN] = time.time() - IDLE_LIMIT.total_seconds() + 60
    app.run()
    assert signed_in(app) is not None
    app.session_state[LAST_SEEN] = time.time() - IDLE_LIMIT.total_seconds() - 1
    app.run()
    assert signed_in(app) is None and "8 hours" in app.info[0].value


def test_change_password_on_the_account_page(url: str) -> None:
    app = submit_login(open_login(), ADVISER, PASSWORD)
    app.switch_page("app_pages/account.py").run()

    def change(current: str, new: str, repeat: str) -> None:
        app.text_input(key="current_password").input(current)
        app.text_input(key="new_password").input(new)
        app.text_input(key="repeat_password").input(repeat)
        next(b for b in app.button if b.label == "Change password").click().run()

    change(PASSWORD, "a brand new password", "a brand new passwor")
    assert errors(app) == ["The two new passwords differ."]
    change("wrong current password", "a brand new password", "a brand new password")
    assert errors(app) == ["The current password is not right."]
    change(PASSWORD, "too short", "too short")
    assert errors(app) == ["The password must have at least 12 characters."]
    change(PASSWORD, "a brand new password", "a brand new password")
    assert [s.value for s in app.success] == ["Your password was changed."]
    with session_scope(url) as session:
        assert authenticate(session, ADVISER, "a brand new password").ok
        assert authenticate(session, ADVISER, PASSWORD).reason == "wrong_credentials"


def test_staff_add_an_adviser_who_chooses_a_password_at_first_sign_in(url: str) -> None:
    staff = submit_login(open_login(), STAFF, PASSWORD)
    staff.switch_page("app_pages/users.py").run()
    staff.text_input(key="new_user_email").input("  New.Adviser@Example.com ")
    staff.text_input(key="new_user_name").input("New Adviser")
    staff.selectbox(key="new_user_role").select("adviser")
    next(b for b in staff.button if b.label == "Add account").click().run()
    temporary = staff.code[0].value
    assert "new.adviser@example.com" in staff.warning[0].value
    assert "new.adviser@example.com" in list(staff.dataframe[0].value["Email"])
    staff.button(key="temporary_noted").click().run()
    assert not staff.code  # shown once

    next(b for b in staff.button if b.label == "Add account").click().run()
    assert errors(staff) == ["This is not an email address."]

    app = submit_login(open_login(), "new.adviser@example.com", temporary)
    assert signed_in(app) is None and app.subheader[0].value == "Choose your own password"
    app.text_input(key="first_new_password").input(temporary)
    app.text_input(key="first_repeat_password").input(temporary)
    next(b for b in app.button if b.label == "Save and continue").click().run()
    assert errors(app) == ["The new password must differ from the current one."]
    app.text_input(key="first_new_password").input("my very own password")
    app.text_input(key="first_repeat_password").input("my very own password")
    next(b for b in app.button if b.label == "Save and continue").click().run()
    assert page_of(app) == "portfolio.py" and signed_in(app).email == "new.adviser@example.com"


def test_staff_disable_reset_and_cannot_disable_themselves(url: str) -> None:
    staff = submit_login(open_login(), STAFF, PASSWORD)
    staff.switch_page("app_pages/users.py").run()
    staff.selectbox(key="manage_user").select(find_user_id(url, STAFF)).run()
    staff.button(key="user_toggle").click().run()
    assert errors(staff) == ["You cannot disable your own account."]

    adviser = submit_login(open_login(), ADVISER, PASSWORD)
    staff.selectbox(key="manage_user").select(find_user_id(url, ADVISER)).run()
    staff.button(key="user_reset").click().run()
    temporary = staff.code[0].value
    adviser.run()
    assert signed_in(adviser) is None  # a reset signs the account out
    staff.button(key="user_toggle").click().run()
    assert f"{ADVISER} is disabled." in [s.value for s in staff.success]
    status = staff.dataframe[0].value.loc[lambda d: d["Email"] == ADVISER, "Status"].item()
    assert status == "disabled"
    submit_login(adviser, ADVISER, temporary)
    assert errors(adviser) == ["This account is disabled. Ask programme staff if you need it again."]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_account_pages_work_in_chinese(url: str, lang: str) -> None:
    app = new_app()
    app.session_state["lang"] = lang
    app.run()
    app.switch_page("app_pages/login.py").run()
    app.text_input(key="login_email").input(STAFF)
    app.text_input(key="login_password").input("not the password")
    app.get("form")[0]  # the form is there in every language
    next(b for b in app.button if b.key and "login" in b.key).click().run()
    assert errors(app) == ["電郵地址或密碼不正確。" if lang == "zh-Hant" else "电子邮箱或密码不正确。"]
    app.text_input(key="login_email").input(STAFF)
    app.text_input(key="login_password").input(PASSWORD)
    next(b for b in app.button if b.key and "login" in b.key).click().run()
    for name in ("users.py", "account.py"):
        app.switch_page(f"app_pages/{name}").run()
        assert not app.exception and app.title[0].value in {"帳戶管理", "账户管理", "我的帳戶", "我的账户"}


# ---------------------------------------------------------------- single sign-on (st.login), simulated by at.user

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "x"}


def sso_app(email: str | None) -> AppTest:
    app = new_app()
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": email is not None, **({"email": email} if email else {})}
    return app


def test_single_sign_on_takes_the_role_from_the_database(url: str) -> None:
    app = sso_app("Sam@Example.com")
    app.run()
    assert signed_in(app).role == "staff" and signed_in(app).single_sign_on
    app.run()
    assert page_of(app) == "dashboard.py"
    app.switch_page("app_pages/account.py").run()
    assert not app.text_input  # no password to change for a single sign-on session


def test_single_sign_on_without_an_account_or_with_a_disabled_one_is_refused(url: str) -> None:
    app = sso_app("stranger@example.com")
    app.run()
    assert signed_in(app) is None
    app.switch_page("app_pages/login.py").run()
    assert "has no account with this email" in app.warning[0].value
    assert app.button(key="sso_sign_out")
    with session_scope(url) as session:
        set_disabled(session, find_user(session, ADVISER).id, True)
    app = sso_app(ADVISER)
    app.run()
    app.switch_page("app_pages/login.py").run()
    assert signed_in(app) is None and "is disabled" in app.warning[0].value


def test_the_single_sign_on_button_shows_only_when_configured(url: str) -> None:
    app = open_login(sso_app(None))
    assert app.button(key="sso_sign_in").label == "Sign in with single sign-on"
    plain = open_login()
    assert not [b for b in plain.button if b.key == "sso_sign_in"]
