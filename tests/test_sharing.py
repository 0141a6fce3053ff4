"""Invitations, shares and notes, on SQLite and PostgreSQL: an adviser only ever reaches their own."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import Invitation, Share, utcnow
from storage.repository import StorageError, delete_assessment
from storage.sharing import (
    NotShared,
    carry_shares,
    code_from_text,
    create_invitation,
    has_client,
    invitation_by_code,
    list_invitations,
    note_of,
    revoke_invitation,
    save_note,
    share_assessment,
    shared_assessment,
    shares_of,
    withdraw_share,
)
from tests.sharing_builders import add_adviser, add_assessment

pytest_plugins = ["tests.storage_fixtures"]


def test_an_invitation_code_is_shown_once_and_only_its_digest_is_stored(session: Session) -> None:
    adviser = add_adviser(session, "Ada Adviser")
    code = create_invitation(session, adviser, "Acme")
    stored = session.scalars(select(Invitation)).one()
    assert code not in stored.code_digest and len(stored.code_digest) == 64
    found = invitation_by_code(session, code)
    assert found is not None and found.id == stored.id and found.adviser_id == adviser
    # Typed in lower case, without dashes, or pasted as the whole link: the same invitation.
    assert invitation_by_code(session, code.lower().replace("-", "")) is not None
    assert invitation_by_code(session, f"https://example.org/?invite={code}") is not None
    assert code_from_text(f"http://x/?invite={code}&a=1") == code


@pytest.mark.parametrize("text", ["", "nonsense", "0000-0000-0000-0000-0000", "?invite=", "A" * 500])
def test_wrong_or_malformed_invitation_codes_are_refused(session: Session, text: str) -> None:
    create_invitation(session, add_adviser(session, "Ada"), "x")
    assert invitation_by_code(session, text) is None


def test_expired_revoked_and_disabled_adviser_invitations_are_refused(session: Session) -> None:
    adviser = add_adviser(session, "Ada")
    expired, revoked = create_invitation(session, adviser, "old"), create_invitation(session, adviser, "revoked")
    session.execute(
        update(Invitation).where(Invitation.label == "old").values(expires_at=utcnow() - dt.timedelta(seconds=1))
    )
    revoked_id = session.scalars(select(Invitation.id).where(Invitation.label == "revoked")).one()
    assert revoke_invitation(session, adviser, revoked_id)
    assert not revoke_invitation(session, adviser, revoked_id)  # once is enough
    assert invitation_by_code(session, expired) is None
    assert invitation_by_code(session, revoked) is None
    assert list_invitations(session, adviser) == []
    assert len(list_invitations(session, adviser, include_inactive=True)) == 2

    disabled = add_adviser(session, "Gone", disabled=True)
    with pytest.raises(StorageError):
        create_invitation(session, disabled, "x")
    usable = create_invitation(session, adviser, "fine")
    from storage.models import User

    session.execute(update(User).where(User.id == adviser).values(disabled=True))
    assert invitation_by_code(session, usable) is None


def test_an_adviser_cannot_revoke_or_list_another_advisers_invitations(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    code = create_invitation(session, ada, "Ada's client")
    invitation = invitation_by_code(session, code)
    assert invitation is not None
    assert not revoke_invitation(session, bob, invitation.id)
    assert invitation_by_code(session, code) is not None
    assert list_invitations(session, bob) == []
    assert [i.label for i in list_invitations(session, ada)] == ["Ada's client"]


def test_staff_accounts_and_bad_lengths_cannot_make_invitations(session: Session) -> None:
    staff = add_adviser(session, "Sam Staff", role="staff")
    with pytest.raises(StorageError):
        create_invitation(session, staff, "x")
    with pytest.raises(StorageError):
        create_invitation(session, add_adviser(session, "Ada"), "x", days=0)


def test_sharing_is_idempotent_and_withdrawing_hides_everything(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    assessment = add_assessment(session, "Acme")
    share_assessment(session, assessment.id, ada)
    share_assessment(session, assessment.id, ada)
    assert session.scalars(select(Share)).all().__len__() == 1
    assert [s.adviser_name for s in shares_of(session, assessment.id)] == ["Ada"]
    assert shared_assessment(session, ada, assessment.id).id == assessment.id
    save_note(session, ada, assessment.client_key or assessment.id, "Call in May")

    assert withdraw_share(session, assessment.id, ada)
    assert not withdraw_share(session, assessment.id, ada)
    assert shares_of(session, assessment.id) == []
    assert not has_client(session, ada, assessment.id)
    with pytest.raises(NotShared):
        shared_assessment(session, ada, assessment.id)
    with pytest.raises(NotShared):
        note_of(session, ada, assessment.id)

    share_assessment(session, assessment.id, ada)  # shared again: active again, the note comes back
    assert [s.adviser_name for s in shares_of(session, assessment.id)] == ["Ada"]
    assert note_of(session, ada, assessment.id) == "Call in May"


def test_adviser_a_never_reaches_adviser_bs_client(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    mine, theirs = add_assessment(session, "Mine Ltd"), add_assessment(session, "Theirs Ltd")
    share_assessment(session, mine.id, ada)
    share_assessment(session, theirs.id, bob)
    save_note(session, bob, theirs.id, "Bob's private note")
    assert has_client(session, ada, mine.id) and not has_client(session, ada, theirs.id)
    with pytest.raises(NotShared):
        shared_assessment(session, ada, theirs.id)
    with pytest.raises(NotShared):
        note_of(session, ada, theirs.id)
    with pytest.raises(NotShared):
        save_note(session, ada, theirs.id, "overwrite")
    assert note_of(session, bob, theirs.id) == "Bob's private note"
    assert note_of(session, ada, mine.id) == ""
    # Withdrawing from Ada leaves Bob's share alone.
    share_assessment(session, theirs.id, ada)
    withdraw_share(session, theirs.id, ada)
    assert has_client(session, bob, theirs.id)


def test_an_invitation_of_another_adviser_is_not_recorded_on_a_share(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    code = create_invitation(session, bob, "Bob's")
    invitation = invitation_by_code(session, code)
    assert invitation is not None
    assessment = add_assessment(session, "Acme")
    share_assessment(session, assessment.id, ada, invitation.id)
    assert session.scalars(select(Share.invitation_id)).one() is None


def test_a_reassessment_carries_the_active_shares_only(session: Session) -> None:
    ada, bob = add_adviser(session, "Ada"), add_adviser(session, "Bob")
    first = add_assessment(session, "Acme")
    share_assessment(session, first.id, ada)
    share_assessment(session, first.id, bob)
    withdraw_share(session, first.id, bob)
    second = add_assessment(session, "Acme", previous=first)
    assert carry_shares(session, second.id, first.id) == 1
    assert [s.adviser_name for s in shares_of(session, second.id)] == ["Ada"]
    assert second.client_key == first.id


def test_deleting_an_assessment_removes_its_shares(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    assessment = add_assessment(session, "Acme")
    share_assessment(session, assessment.id, ada)
    delete_assessment(session, assessment.id)
    assert session.scalars(select(Share)).all() == []
    assert not has_client(session, ada, assessment.id)
    with pytest.raises(StorageError):
        share_assessment(session, assessment.id, ada)


def test_a_note_has_a_length_limit(session: Session) -> None:
    ada = add_adviser(session, "Ada")
    assessment = add_assessment(session, "Acme")
    share_assessment(session, assessment.id, ada)
    with pytest.raises(StorageError):
        save_note(session, ada, assessment.id, "x" * 20_001)


def test_the_results_page_reassessment_keeps_the_active_shares(session: Session) -> None:
    from ui.results_service import start_reassessment

    ada = add_adviser(session, "Ada")
    first = add_assessment(session, "Acme")
    share_assessment(session, first.id, ada)
    new_id, _code, _dropped = start_reassessment(session, first.id, "en")
    assert [s.adviser_name for s in shares_of(session, new_id)] == ["Ada"]
