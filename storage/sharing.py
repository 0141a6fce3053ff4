"""Invitations, shares and client notes: what an adviser may see of whose assessments.

Every function that takes an adviser answers only about that adviser's own invitations, shares and notes.
A share counts only while it is active (not withdrawn); withdrawn shares stay as a record and show nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import ColumnElement, Select, and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Assessment, ClientNote, Invitation, Share, User, utcnow
from storage.repository import CODE_ALPHABET, CODE_LENGTH, StorageError, code_digest, new_resume_code, normalise_code

INVITE_PARAMETER = "invite"
MAX_INVITATION_DAYS = 365
MAX_NOTE_LENGTH = 20_000


class NotShared(StorageError):
    """Asked about a client or assessment that is not (or no longer) shared with this adviser."""

    def __init__(self) -> None:
        super().__init__("Not found.")


# ---------------------------------------------------------------- invitations


@dataclass(frozen=True)
class InvitationView:
    id: int
    label: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    uses: int  # assessments shared through it, withdrawn ones included

    def active(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and self.expires_at > now


def invitation_link(origin: str, code: str) -> str:
    return f"{origin}/?{INVITE_PARAMETER}={code}"


def create_invitation(session: Session, adviser_id: int, label: str, days: int = 30) -> str:
    """A new invitation of this adviser; returns its code (shown once: only its keyed digest is stored)."""
    _require_adviser(session, adviser_id)
    if not 1 <= days <= MAX_INVITATION_DAYS:
        raise StorageError(f"An invitation lasts between 1 and {MAX_INVITATION_DAYS} days.")
    code = new_resume_code()
    session.add(
        Invitation(
            adviser_id=adviser_id,
            code_digest=code_digest(session, code),
            label=(label or "").strip()[:200],
            expires_at=utcnow() + dt.timedelta(days=days),
        )
    )
    session.flush()
    return code


def code_from_text(text: str) -> str:
    """The code from what someone pasted: the code itself or a whole link with ?invite=CODE."""
    text = (text or "").strip()
    if INVITE_PARAMETER + "=" in text:
        found = parse_qs(urlsplit(text).query).get(INVITE_PARAMETER)
        return found[0] if found else ""
    return text


def invitation_by_code(session: Session, code: str) -> Invitation | None:
    """The invitation of a code when it can still be used: not expired, not revoked, its adviser enabled."""
    normal = normalise_code(code_from_text(code))
    if len(normal) != CODE_LENGTH or not set(normal) <= set(CODE_ALPHABET):
        return None
    return session.scalar(
        _usable_invitations().where(Invitation.code_digest == code_digest(session, normal)),
    )


def usable_invitation(session: Session, invitation_id: int) -> Invitation | None:
    """The invitation by id when it can still be used (checked again when the SME starts, maybe days later)."""
    return session.scalar(_usable_invitations().where(Invitation.id == invitation_id))


def _usable_invitations() -> Select[tuple[Invitation]]:
    return (
        select(Invitation)
        .join(User, User.id == Invitation.adviser_id)
        .where(
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > utcnow(),
            User.role == "adviser",
            User.disabled.is_(False),
        )
    )


def adviser_name(session: Session, adviser_id: int) -> str:
    user = session.get(User, adviser_id)
    return (user.display_name or user.email) if user is not None else ""


def list_invitations(session: Session, adviser_id: int, *, include_inactive: bool = False) -> list[InvitationView]:
    """This adviser's invitations, newest first; by default only those that can still be used."""
    uses = (
        select(Share.invitation_id, func.count().label("uses"))
        .where(Share.adviser_id == adviser_id)
        .group_by(Share.invitation_id)
        .subquery()
    )
    query = (
        select(Invitation, func.coalesce(uses.c.uses, 0))
        .outerjoin(uses, uses.c.invitation_id == Invitation.id)
        .where(Invitation.adviser_id == adviser_id)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    )
    if not include_inactive:
        query = query.where(Invitation.revoked_at.is_(None), Invitation.expires_at > utcnow())
    return [
        InvitationView(row.id, row.label, row.created_at, row.expires_at, row.revoked_at, count)
        for row, count in session.execute(query).all()
    ]


def revoke_invitation(session: Session, adviser_id: int, invitation_id: int) -> bool:
    """Revoke one of this adviser's invitations; False when it is not theirs or already revoked.
    Assessments already shared through it stay shared: their owners chose that."""
    changed = session.execute(
        update(Invitation)
        .where(Invitation.id == invitation_id, Invitation.adviser_id == adviser_id, Invitation.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    return bool(changed)


# ---------------------------------------------------------------- shares


@dataclass(frozen=True)
class ShareView:
    adviser_id: int
    adviser_name: str
    since: dt.datetime


def share_assessment(session: Session, assessment_id: int, adviser_id: int, invitation_id: int | None = None) -> None:
    """Let this adviser see this assessment. Sharing again changes nothing; after a withdrawal it shares anew."""
    _require_adviser(session, adviser_id)
    if session.get(Assessment, assessment_id) is None:
        raise StorageError("This assessment no longer exists.")
    if invitation_id is not None:
        owner = session.scalar(select(Invitation.adviser_id).where(Invitation.id == invitation_id))
        if owner != adviser_id:
            invitation_id = None  # an invitation only ever records the adviser who sent it
    existing = session.scalar(select(Share).where(Share.assessment_id == assessment_id, Share.adviser_id == adviser_id))
    if existing is not None:
        if existing.withdrawn_at is not None:
            existing.withdrawn_at = None
            existing.created_at = utcnow()
            existing.invitation_id = invitation_id or existing.invitation_id
            session.flush()
        return
    try:
        with session.begin_nested():
            session.add(Share(assessment_id=assessment_id, adviser_id=adviser_id, invitation_id=invitation_id))
    except IntegrityError:
        # Shared at the same moment from another tab or process: the same outcome, so nothing to do.
        pass


def withdraw_share(session: Session, assessment_id: int, adviser_id: int) -> bool:
    """Stop sharing this assessment with this adviser; False when it was not shared."""
    changed = session.execute(
        update(Share)
        .where(Share.assessment_id == assessment_id, Share.adviser_id == adviser_id, Share.withdrawn_at.is_(None))
        .values(withdrawn_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    return bool(changed)


def shares_of(session: Session, assessment_id: int) -> list[ShareView]:
    """For the SME: the advisers who can see this assessment now, and since when."""
    rows = session.execute(
        select(Share.adviser_id, User.display_name, User.email, Share.created_at)
        .join(User, User.id == Share.adviser_id)
        .where(Share.assessment_id == assessment_id, Share.withdrawn_at.is_(None))
        .order_by(Share.created_at, Share.id)
    ).all()
    return [ShareView(adviser_id, name or email, since) for adviser_id, name, email, since in rows]


def carry_shares(session: Session, new_id: int, previous_id: int) -> int:
    """A re-assessment is shared with every adviser its previous assessment is shared with now."""
    advisers = session.scalars(
        select(Share.adviser_id).where(Share.assessment_id == previous_id, Share.withdrawn_at.is_(None))
    ).all()
    for adviser_id in advisers:
        share_assessment(session, new_id, adviser_id)
    return len(advisers)


def _active_share(adviser_id: int) -> ColumnElement[bool]:
    return and_(Share.assessment_id == Assessment.id, Share.adviser_id == adviser_id, Share.withdrawn_at.is_(None))


def has_client(session: Session, adviser_id: int, client_key: int) -> bool:
    """Whether at least one assessment of this client is shared with this adviser now."""
    found = session.execute(
        select(Assessment.id).join(Share, _active_share(adviser_id)).where(Assessment.client_key == client_key).limit(1)
    ).first()
    return found is not None


def shared_assessment(session: Session, adviser_id: int, assessment_id: int) -> Assessment:
    """The assessment when it is shared with this adviser now; NotShared otherwise (also when it is gone)."""
    found = session.scalar(
        select(Assessment).join(Share, _active_share(adviser_id)).where(Assessment.id == assessment_id)
    )
    if found is None:
        raise NotShared()
    return found


# ---------------------------------------------------------------- private notes


def note_of(session: Session, adviser_id: int, client_key: int) -> str:
    """This adviser's own note on a client of theirs ("" when none yet)."""
    if not has_client(session, adviser_id, client_key):
        raise NotShared()
    body = session.scalar(
        select(ClientNote.body).where(ClientNote.adviser_id == adviser_id, ClientNote.client_key == client_key)
    )
    return body or ""


def save_note(session: Session, adviser_id: int, client_key: int, body: str) -> None:
    """Keep this adviser's note on a client currently shared with them; only they ever read it."""
    if not has_client(session, adviser_id, client_key):
        raise NotShared()
    if len(body) > MAX_NOTE_LENGTH:
        raise StorageError(f"A note holds at most {MAX_NOTE_LENGTH:,} characters.")
    note = session.scalar(
        select(ClientNote).where(ClientNote.adviser_id == adviser_id, ClientNote.client_key == client_key)
    )
    if note is None:
        try:
            with session.begin_nested():
                session.add(ClientNote(adviser_id=adviser_id, client_key=client_key, body=body))
            return
        except IntegrityError:  # saved from another tab at the same moment: update that one
            note = session.scalar(
                select(ClientNote).where(ClientNote.adviser_id == adviser_id, ClientNote.client_key == client_key)
            )
            assert note is not None
    note.body = body
    note.updated_at = utcnow()
    session.flush()


def _require_adviser(session: Session, adviser_id: int) -> User:
    user = session.get(User, adviser_id)
    if user is None or user.role != "adviser" or user.disabled:
        raise StorageError("This adviser account does not exist or is disabled.")
    return user
