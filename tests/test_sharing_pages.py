"""The adviser's pages and the SME's sharing, through AppTest on a real SQLite database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.models import Assessment, ClientNote, Invitation, Share
from storage.sharing import create_invitation, share_assessment, shares_of
from tests.apptest_support import new_app, only_assessment, prepare, start_assessment
from tests.conftest import FIXTURES
from tests.sharing_builders import add_adviser, add_assessment
from tests.test_i18n import ALLOWED_LATIN, latin_words, visible_texts
from ui.auth import SIGNED_IN, SignedIn
from ui.i18n import t
from ui.sharing_panel import INVITATION

LAST_SEEN = "signed_in_last_seen"  # ui.auth: a session idle for too long is signed out
PORTFOLIO, CLIENT, MY_DATA = "app_pages/portfolio.py", "app_pages/client.py", "app_pages/my_data.py"


@pytest.fixture
def url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    return prepare(monkeypatch, tmp_path, FIXTURES / "mini.yaml")


def advisers(url: str) -> tuple[int, int]:
    with session_scope(url) as session:
        return add_adviser(session, "Ada Adviser"), add_adviser(session, "Bob Adviser")


def client_of(url: str, adviser_id: int, company: str, **fields: object) -> int:
    with session_scope(url) as session:
        assessment = add_assessment(session, company, **fields)  # type: ignore[arg-type]
        share_assessment(session, assessment.id, adviser_id)
        return assessment.id


def signed_in(user_id: int, role: str = "adviser", **query: str) -> AppTest:
    """A session signed in as this stored account, as the sign-in page leaves it."""
    app = new_app(**query)
    app.session_state[SIGNED_IN] = SignedIn(user_id, "ada@example.com", "Ada Adviser", role)
    app.session_state[LAST_SEEN] = time.time()
    return app


def shown_companies(app: AppTest) -> list[str]:
    frame = app.dataframe[0].value
    return list(frame[t("pf.col.company", "en")])


def test_the_portfolio_lists_only_the_advisers_own_clients(url: str) -> None:
    ada, bob = advisers(url)
    client_of(url, ada, "Mine Ltd")
    client_of(url, bob, "Theirs Ltd")
    app = signed_in(ada).run()
    assert not app.exception, app.exception
    assert app.title[0].value == "My clients"
    assert shown_companies(app) == ["Mine Ltd"]
    app.text_input(key="pf_search").input("theirs").run()
    assert [i.value for i in app.info] == [t("pf.no_match", "en")]


def test_an_empty_portfolio_explains_how_to_invite(url: str) -> None:
    ada, _ = advisers(url)
    app = signed_in(ada).run()
    assert t("pf.empty", "en") in [i.value for i in app.info]


def test_the_adviser_pages_are_not_there_for_anyone_else(url: str) -> None:
    app = new_app()
    app.run()
    assert not app.dataframe
    for page in (PORTFOLIO, CLIENT):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(page)
    with session_scope(url) as session:
        staff_id = add_adviser(session, "Sam Staff", role="staff")
    staff = signed_in(staff_id, "staff").run()
    assert staff.session_state[SIGNED_IN].role == "staff"
    for page in (PORTFOLIO, CLIENT):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            staff.switch_page(page)


def test_an_invitation_link_is_shown_once_and_can_be_revoked(url: str) -> None:
    ada, _ = advisers(url)
    app = signed_in(ada).run()
    app.text_input(key="invite_label").input("Acme Trading")
    app.button[0].click()  # the form's only button is the first on the page
    app.run()
    link = app.code[0].value
    assert "/?invite=" in link
    code = link.rsplit("=", 1)[1]
    with session_scope(url) as session:
        stored = session.scalars(select(Invitation)).one()
        assert stored.label == "Acme Trading" and code not in stored.code_digest
    app.run()
    assert not app.code, "the code is shown only once"
    app.button(key=f"revoke:{stored.id}").click().run()
    with session_scope(url) as session:
        assert session.get(Invitation, stored.id).revoked_at is not None  # type: ignore[union-attr]


def test_the_client_page_shows_another_advisers_client_as_not_found(url: str) -> None:
    ada, bob = advisers(url)
    mine = client_of(url, ada, "Mine Ltd")
    theirs = client_of(url, bob, "Theirs Ltd")
    for asked in (str(theirs), "nonsense", "-3", "99999999999999999999"):
        app = signed_in(ada, client=asked).run()
        app.switch_page(CLIENT).run()
        assert not app.exception, app.exception
        assert [e.value for e in app.error] == [t("cl.not_found", "en")], asked
        assert "Theirs Ltd" not in str([m.value for m in app.markdown])
    app = signed_in(ada).run()
    app.session_state["adviser_client"] = mine
    app.switch_page(CLIENT).run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Mine Ltd"


def test_private_notes_are_saved_for_this_adviser_only(url: str) -> None:
    ada, bob = advisers(url)
    mine = client_of(url, ada, "Mine Ltd")
    app = signed_in(ada).run()
    app.session_state["adviser_client"] = mine
    app.switch_page(CLIENT).run()
    app.text_area[0].input("Follow up on trade marks")
    next(b for b in app.button if b.label == t("cl.notes_save", "en")).click().run()
    assert t("cl.notes_saved", "en") in [s.value for s in app.success]
    with session_scope(url) as session:
        note = session.scalars(select(ClientNote)).one()
        assert (note.adviser_id, note.client_key, note.body) == (ada, mine, "Follow up on trade marks")
    other = signed_in(bob, client=str(mine)).run()
    other.switch_page(CLIENT).run()
    assert not other.text_area


def test_an_invitation_link_shares_the_new_assessment_unless_unticked(url: str) -> None:
    ada, _ = advisers(url)
    with session_scope(url) as session:
        codes = [create_invitation(session, ada, "first"), create_invitation(session, ada, "second")]
    app = new_app(invite=codes[0])
    app.run()
    assert "invite" not in app.query_params
    assert app.session_state[INVITATION]["adviser"] == "Ada Adviser"
    assert t("invite.notice", "en", adviser="Ada Adviser") in [i.value for i in app.info]
    start_assessment(app)
    with session_scope(url) as session:
        assessment = session.scalars(select(Assessment)).one()
        assert [s.adviser_name for s in shares_of(session, assessment.id)] == ["Ada Adviser"]

    unticked = new_app(invite=codes[1])
    unticked.run()
    unticked.checkbox(key="share_with_inviter").uncheck()
    start_assessment(unticked)
    with session_scope(url) as session:
        assert len(session.scalars(select(Share)).all()) == 1


def test_an_invalid_invitation_link_says_so_and_shares_nothing(url: str) -> None:
    app = new_app(invite="0000-0000-0000-0000-0000")
    app.run()
    assert [w.value for w in app.warning] == [t("invite.invalid", "en")]
    start_assessment(app)
    with session_scope(url) as session:
        assert session.scalars(select(Share)).all() == []


def test_the_sme_withdraws_a_share_and_it_leaves_the_portfolio_at_once(url: str) -> None:
    ada, _ = advisers(url)
    sme = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    with session_scope(url) as session:
        share_assessment(session, assessment_id, ada)
    sme.switch_page(MY_DATA).run()
    assert any("Ada Adviser" in m.value for m in sme.markdown)
    sme.button(key=f"withdraw:{ada}").click().run()
    assert t("share.confirm", "en", adviser="Ada Adviser") in [w.value for w in sme.warning]
    sme.button(key=f"withdraw_yes:{ada}").click().run()
    assert t("share.withdrawn", "en", adviser="Ada Adviser") in [s.value for s in sme.success]
    assert t("share.none", "en") in [c.value for c in sme.caption]
    portfolio = signed_in(ada).run()
    assert t("pf.empty", "en") in [i.value for i in portfolio.info]


def test_the_sme_shares_an_existing_assessment_by_code_with_consent(url: str) -> None:
    ada, _ = advisers(url)
    with session_scope(url) as session:
        code = create_invitation(session, ada, "by code")
    sme = start_assessment(new_app())
    assessment_id = only_assessment(url).id
    sme.switch_page(MY_DATA).run()
    sme.text_input(key="share_code").input(f"https://ipready.example/?invite={code}")
    next(b for b in sme.button if b.label == t("share.add_button", "en")).click().run()
    assert [e.value for e in sme.error] == [t("share.need_consent", "en")]
    sme.checkbox(key="share_consent").check()
    next(b for b in sme.button if b.label == t("share.add_button", "en")).click().run()
    assert t("share.added", "en", adviser="Ada Adviser") in [s.value for s in sme.success]
    with session_scope(url) as session:
        assert [s.adviser_id for s in shares_of(session, assessment_id)] == [ada]
    sme.text_input(key="share_code").input("wrong")
    sme.checkbox(key="share_consent").check()
    next(b for b in sme.button if b.label == t("share.add_button", "en")).click().run()
    assert [e.value for e in sme.error] == [t("share.code_invalid", "en")]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_adviser_pages_work_in_chinese(url: str, lang: str) -> None:
    ada, _ = advisers(url)
    mine = client_of(url, ada, "Mine Ltd")
    app = signed_in(ada)
    app.session_state["lang"] = lang
    app.run()
    assert not app.exception, app.exception
    assert shown_companies_in(app, lang) == ["Mine Ltd"]
    pages = [visible_texts(app)]
    app.session_state["adviser_client"] = mine
    app.switch_page(CLIENT).run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Mine Ltd"
    pages.append(visible_texts(app))
    for texts in pages:
        for text in texts:
            words = latin_words(text) - ALLOWED_LATIN - {"English", "Mine", "Ltd", "Ada", "Adviser"}
            assert not words, f"English on a {lang} page: {text!r}"


def shown_companies_in(app: AppTest, lang: str) -> list[str]:
    return list(app.dataframe[0].value[t("pf.col.company", lang)])
