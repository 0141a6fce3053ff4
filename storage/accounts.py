"""Adviser and staff accounts: passwords (argon2id), sign-in with lock-out, and the staff's administration.

Only the argon2id hash of a password is stored. Functions return `Account` views, never ORM rows, so that
pages hold plain values. Messages of `AccountError` are meant for people (English; pages translate by `code`).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import User, utcnow
from storage.repository import StorageError

# The lock-out rule, in one place: this many wrong passwords in a row lock the account for LOCK_DURATION.
# A correct password resets the count; so does the lock itself (after it ends the count starts again at 0).
MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
ROLES = ("adviser", "staff")
# Temporary passwords: 16 characters without look-alikes (no 0/O, 1/I/L), in groups of four.
TEMPORARY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_dummy_hash: str | None = None

Reason = Literal["wrong_credentials", "locked", "disabled", "must_change_password", "unknown_account"]


class AccountError(StorageError):
    """A refused account operation. `code` names the case for translated messages."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    display_name: str
    role: str
    disabled: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    created_at: dt.datetime

    def locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True)
class SignInResult:
    """`account` is set when the password was right (also when `reason` is must_change_password)."""

    account: Account | None
    reason: Reason | None = None
    locked_until: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


def _view(user: User) -> Account:
    return Account(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role,
        disabled=user.disabled,
        must_change_password=user.must_change_password,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        created_at=user.created_at,
    )


# ---------------------------------------------------------------- rules


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def check_email(email: str) -> str:
    """The normalised email, or AccountError when it does not look like one."""
    normal = normalise_email(email)
    if len(normal) > 254 or not _EMAIL.match(normal):
        raise AccountError("email_invalid", f"{email.strip() or 'An empty value'} is not an email address.")
    return normal


def check_password(password: str, email: str) -> None:
    """The password policy: long enough and not the email. Length beats composition rules (NIST SP 800-63B)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_short", f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if password.strip().lower() in {normalise_email(email), normalise_email(email).split("@")[0]}:
        raise AccountError("password_is_email", "The password must not be the email address.")


def _hash(password: str) -> str:
    return _hasher.hash(password)


def _verify(stored: str | None, password: str) -> bool:
    """Whether `password` matches; always one argon2 verification, so that timing tells nothing."""
    global _dummy_hash  # noqa: PLW0603 - made once, on first use: hashing at import would slow every start
    if stored is None:
        _dummy_hash = _dummy_hash or _hash(secrets.token_hex(16))
        stored = _dummy_hash
        password = "\0" + password  # never matches the dummy
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_temporary_password() -> str:
    raw = "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------- reading


def _row(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("not_found", "This account no longer exists.")
    return user


def _row_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def get_user(session: Session, user_id: int) -> Account | None:
    """The account as stored now (one primary-key query): a signed-in session re-checks it on every run."""
    user = session.get(User, user_id, populate_existing=True)
    return _view(user) if user is not None else None


def find_user(session: Session, email: str) -> Account | None:
    user = _row_by_email(session, email)
    return _view(user) if user is not None else None


def list_users(session: Session) -> list[Account]:
    return [_view(user) for user in session.scalars(select(User).order_by(User.role.desc(), User.email))]


def enabled_staff_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == "staff", ~User.disabled)) or 0


# ---------------------------------------------------------------- writing


def create_user(
    session: Session,
    email: str,
    role: str,
    password: str,
    display_name: str = "",
    *,
    must_change_password: bool = False,
) -> Account:
    normal = check_email(email)
    if role not in ROLES:
        raise AccountError("role_invalid", f"The role must be one of: {', '.join(ROLES)}.")
    check_password(password, normal)
    if _row_by_email(session, normal) is not None:
        raise AccountError("duplicate", f"An account with the email {normal} already exists.")
    user = User(
        email=normal,
        display_name=(display_name or "").strip()[:200],
        role=role,
        password_hash=_hash(password),
        must_change_password=must_change_password,
    )
    try:
        with session.begin_nested():
            session.add(user)
    except IntegrityError:  # another process created it between the check and the insert
        raise AccountError("duplicate", f"An account with the email {normal} already exists.") from None
    return _view(user)


def authenticate(session: Session, email: str, password: str, now: dt.datetime | None = None) -> SignInResult:
    """Check a sign-in. Wrong email and wrong password give the same answer and cost the same time; a disabled
    account says so only with the right password. Lock-out: see MAX_FAILED_ATTEMPTS."""
    now = now or utcnow()
    user = _row_by_email(session, email)
    if user is None:
        _verify(None, password)
        return SignInResult(None, "wrong_credentials")
    if user.locked_until is not None and user.locked_until > now:
        _verify(None, password)  # the same cost, and no guess is checked while locked
        return SignInResult(None, "locked", user.locked_until)
    if not _verify(user.password_hash, password):
        locked_until = _count_failure(session, user, now)
        return SignInResult(None, "locked", locked_until) if locked_until else SignInResult(None, "wrong_credentials")
    if user.disabled:
        return SignInResult(None, "disabled")
    assert user.password_hash is not None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    if user.must_change_password:
        session.flush()
        return SignInResult(_view(user), "must_change_password")
    user.last_login_at = now
    session.flush()
    return SignInResult(_view(user))


def _count_failure(session: Session, user: User, now: dt.datetime) -> dt.datetime | None:
    """One more failure, counted in the database (two app processes may count at once). The lock time when
    this failure locks the account."""
    count = session.scalar(
        update(User)
        .where(User.id == user.id)
        .values(failed_attempts=User.failed_attempts + 1)
        .returning(User.failed_attempts)
        .execution_options(synchronize_session=False)
    )
    if count is None or count < MAX_FAILED_ATTEMPTS:
        session.expire(user)
        return None
    locked_until = now + LOCK_DURATION
    session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_attempts=0, locked_until=locked_until)
        .execution_options(synchronize_session=False)
    )
    session.expire(user)
    return locked_until


def sign_in_external(session: Session, email: str, now: dt.datetime | None = None) -> SignInResult:
    """Single sign-on: the identity provider checked who this is; the account (and so the role) comes from
    here. Lock-out counts password guesses only, so it does not apply."""
    user = _row_by_email(session, email)
    if user is None:
        return SignInResult(None, "unknown_account")
    if user.disabled:
        return SignInResult(None, "disabled")
    user.last_login_at = now or utcnow()
    session.flush()
    return SignInResult(_view(user))


def change_password(session: Session, user_id: int, current: str, new: str) -> None:
    """The account holder's own change: the current password first. A wrong one counts towards the lock-out."""
    user = _row(session, user_id)
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        raise AccountError("locked", "This account is locked after too many wrong passwords; try again later.")
    if not _verify(user.password_hash, current):
        _count_failure(session, user, now)
        raise AccountError("current_wrong", "The current password is not right.")
    _set_password(user, new, current)
    session.flush()


def replace_temporary_password(session: Session, user_id: int, new: str) -> Account:
    """The first sign-in after an account was created or reset: the temporary password was just checked by
    `authenticate`, which answered must_change_password. Refused for any other account."""
    user = _row(session, user_id)
    if not user.must_change_password or user.disabled:
        raise AccountError("not_allowed", "This account has no temporary password to replace.")
    _set_password(user, new, None)
    user.last_login_at = utcnow()
    session.flush()
    return _view(user)


def _set_password(user: User, new: str, current: str | None) -> None:
    check_password(new, user.email)
    if (current is not None and new == current) or (user.password_hash and _verify(user.password_hash, new)):
        raise AccountError("password_same", "The new password must differ from the current one.")
    user.password_hash = _hash(new)
    user.must_change_password = False
    user.failed_attempts = 0
    user.locked_until = None


def set_disabled(session: Session, user_id: int, disabled: bool) -> Account:
    """Disable or enable an account. The last enabled staff account cannot be disabled: nobody could manage
    accounts any more (the command line still can: `ipready user enable`)."""
    user = _row(session, user_id)
    if disabled and not user.disabled and user.role == "staff" and enabled_staff_count(session) <= 1:
        raise AccountError("last_staff", "The last enabled staff account cannot be disabled.")
    user.disabled = disabled
    session.flush()
    return _view(user)


def unlock(session: Session, user_id: int) -> Account:
    user = _row(session, user_id)
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    return _view(user)


def reset_password(session: Session, user_id: int) -> str:
    """A new random temporary password (show it once; it is not stored) that must be changed at the next
    sign-in. The lock is lifted: the person needs to sign in with it."""
    user = _row(session, user_id)
    temporary = new_temporary_password()
    user.password_hash = _hash(temporary)
    user.must_change_password = True
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    return temporary
