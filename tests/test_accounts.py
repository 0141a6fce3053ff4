"""Accounts in the repository, on SQLite and PostgreSQL: hashing, policy, sign-in, lock-out, administration."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import accounts
from storage.accounts import (
    LOCK_DURATION,
    MAX_FAILED_ATTEMPTS,
    AccountError,
    authenticate,
    change_password,
    create_user,
    find_user,
    get_user,
    list_users,
    replace_temporary_password,
    reset_password,
    set_disabled,
    sign_in_external,
    unlock,
)
from storage.models import User, utcnow
from storage.repository import StorageError

pytest_plugins = ["tests.storage_fixtures"]

PASSWORD = "correct horse battery"
OTHER = "another long password"


def stored(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email))
    assert user is not None
    session.refresh(user)
    return user


def test_create_user_normalises_the_email_and_stores_only_an_argon2id_hash(session: Session) -> None:
    account = create_user(session, "  Ada@Example.COM ", "adviser", PASSWORD, "Ada")
    assert (account.email, account.role, account.display_name) == ("ada@example.com", "adviser", "Ada")
    row = stored(session, "ada@example.com")
    assert row.password_hash is not None and row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash
    assert authenticate(session, "ADA@example.com ", PASSWORD).ok


def test_duplicate_email_is_a_clear_storage_error(session: Session) -> None:
    create_user(session, "ada@example.com", "adviser", PASSWORD)
    with pytest.raises(StorageError, match="already exists"):
        create_user(session, " ADA@example.com", "staff", OTHER)


@pytest.mark.parametrize(
    ("email", "role", "password", "code"),
    [
        ("not-an-email", "adviser", PASSWORD, "email_invalid"),
        ("", "adviser", PASSWORD, "email_invalid"),
        ("a b@example.com", "adviser", PASSWORD, "email_invalid"),
        ("ada@example.com", "admin", PASSWORD, "role_invalid"),
        ("ada@example.com", "adviser", "short pass", "password_short"),
        ("adalovelace@example.com", "adviser", "AdaLovelace@example.com", "password_is_email"),
        ("adalovelace@example.com", "adviser", "adalovelace", "password_short"),
    ],
)
def test_bad_input_is_refused_with_its_reason(session: Session, email: str, role: str, password: str, code: str):
    with pytest.raises(AccountError) as raised:
        create_user(session, email, role, password)
    assert raised.value.code == code
    assert list_users(session) == []


def test_wrong_password_and_unknown_email_get_the_same_answer(session: Session) -> None:
    create_user(session, "ada@example.com", "adviser", PASSWORD)
    wrong = authenticate(session, "ada@example.com", OTHER)
    unknown = authenticate(session, "nobody@example.com", PASSWORD)
    assert (wrong.account, wrong.reason) == (unknown.account, unknown.reason) == (None, "wrong_credentials")


def test_an_unknown_email_still_costs_one_hash_verification(session: Session, monkeypatch) -> None:
    calls: list[str] = []
    real = accounts._hasher

    class Counting:
        def verify(self, stored_hash: str, password: str) -> bool:
            calls.append(stored_hash)
            return real.verify(stored_hash, password)

        def __getattr__(self, name: str):
            return getattr(real, name)

    monkeypatch.setattr(accounts, "_hasher", Counting())
    create_user(session, "ada@example.com", "adviser", PASSWORD)
    authenticate(session, "nobody@example.com", PASSWORD)
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")
    authenticate(session, "ada@example.com", OTHER)
    assert len(calls) == 2


def test_success_resets_the_count_and_records_the_sign_in(session: Session) -> None:
    create_user(session, "ada@example.com", "staff", PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        assert authenticate(session, "ada@example.com", OTHER).reason == "wrong_credentials"
    assert stored(session, "ada@example.com").failed_attempts == MAX_FAILED_ATTEMPTS - 1
    result = authenticate(session, "ada@example.com", PASSWORD)
    assert result.ok and result.account is not None and result.account.role == "staff"
    row = stored(session, "ada@example.com")
    assert row.failed_attempts == 0 and row.last_login_at is not None
    # the count starts again: four more failures do not lock
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        authenticate(session, "ada@example.com", OTHER)
    assert authenticate(session, "ada@example.com", PASSWORD).ok


def test_five_failures_lock_for_fifteen_minutes_even_against_the_right_password(session: Session) -> None:
    create_user(session, "ada@example.com", "adviser", PASSWORD)
    start = utcnow()
    results = [authenticate(session, "ada@example.com", OTHER, now=start) for _ in range(MAX_FAILED_ATTEMPTS)]
    assert [r.reason for r in results] == ["wrong_credentials"] * (MAX_FAILED_ATTEMPTS - 1) + ["locked"]
    assert results[-1].locked_until == start + LOCK_DURATION
    during = authenticate(session, "ada@example.com", PASSWORD, now=start + LOCK_DURATION - dt.timedelta(seconds=1))
    assert (during.account, during.reason) == (None, "locked")
    after = authenticate(session, "ada@example.com", PASSWORD, now=start + LOCK_DURATION + dt.timedelta(seconds=1))
    assert after.ok


def test_staff_unlock_lifts_the_lock(session: Session) -> None:
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS):
        authenticate(session, "ada@example.com", OTHER)
    assert find_user(session, "ada@example.com").locked()
    assert authenticate(session, "ada@example.com", PASSWORD).reason == "locked"
    assert not unlock(session, account.id).locked()
    assert authenticate(session, "ada@example.com", PASSWORD).ok


def test_a_disabled_account_cannot_sign_in_and_says_so_only_with_the_right_password(session: Session) -> None:
    create_user(session, "staff@example.com", "staff", PASSWORD)
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    set_disabled(session, account.id, True)
    assert authenticate(session, "ada@example.com", OTHER).reason == "wrong_credentials"
    assert authenticate(session, "ada@example.com", PASSWORD).reason == "disabled"
    assert get_user(session, account.id).disabled
    set_disabled(session, account.id, False)
    assert authenticate(session, "ada@example.com", PASSWORD).ok


def test_the_last_enabled_staff_account_cannot_be_disabled(session: Session) -> None:
    first = create_user(session, "one@example.com", "staff", PASSWORD)
    with pytest.raises(AccountError, match="last enabled staff"):
        set_disabled(session, first.id, True)
    second = create_user(session, "two@example.com", "staff", PASSWORD)
    set_disabled(session, first.id, True)
    with pytest.raises(AccountError, match="last enabled staff"):
        set_disabled(session, second.id, True)


def test_change_password_needs_the_current_one_and_follows_the_policy(session: Session) -> None:
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    with pytest.raises(AccountError) as raised:
        change_password(session, account.id, OTHER, "a brand new password")
    assert raised.value.code == "current_wrong"
    assert stored(session, "ada@example.com").failed_attempts == 1
    refused = [("short", "password_short"), ("ada@example.com", "password_is_email"), (PASSWORD, "password_same")]
    for new, code in refused:
        with pytest.raises(AccountError) as raised:
            change_password(session, account.id, PASSWORD, new)
        assert raised.value.code == code
    change_password(session, account.id, PASSWORD, "a brand new password")
    assert authenticate(session, "ada@example.com", PASSWORD).reason == "wrong_credentials"
    assert authenticate(session, "ada@example.com", "a brand new password").ok


def test_reset_gives_a_temporary_password_that_must_be_replaced(session: Session) -> None:
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    for _ in range(MAX_FAILED_ATTEMPTS):
        authenticate(session, "ada@example.com", OTHER)
    temporary = reset_password(session, account.id)
    assert temporary not in stored(session, "ada@example.com").password_hash
    assert authenticate(session, "ada@example.com", PASSWORD).reason == "wrong_credentials"
    result = authenticate(session, "ada@example.com", temporary)
    assert result.reason == "must_change_password" and result.account is not None
    assert stored(session, "ada@example.com").last_login_at is None  # not signed in yet
    with pytest.raises(AccountError) as raised:
        replace_temporary_password(session, account.id, temporary)
    assert raised.value.code == "password_same"
    replace_temporary_password(session, account.id, "my own long password")
    assert authenticate(session, "ada@example.com", "my own long password").ok
    with pytest.raises(AccountError) as raised:
        replace_temporary_password(session, account.id, "yet another password")
    assert raised.value.code == "not_allowed"


def test_temporary_passwords_are_random_and_pass_the_policy(session: Session) -> None:
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    seen = {reset_password(session, account.id) for _ in range(5)}
    assert len(seen) == 5
    for password in seen:
        accounts.check_password(password, "ada@example.com")


def test_a_hash_made_with_older_parameters_is_replaced_at_sign_in(session: Session) -> None:
    create_user(session, "ada@example.com", "adviser", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    stored(session, "ada@example.com").password_hash = weak
    session.flush()
    assert authenticate(session, "ada@example.com", PASSWORD).ok
    rehashed = stored(session, "ada@example.com").password_hash
    assert rehashed != weak and not accounts._hasher.check_needs_rehash(rehashed)


def test_get_user_reads_the_current_row(session: Session) -> None:
    create_user(session, "staff@example.com", "staff", PASSWORD)
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    session.execute(User.__table__.update().where(User.id == account.id).values(role="staff"))
    assert get_user(session, account.id).role == "staff"
    session.execute(User.__table__.delete().where(User.id == account.id))
    assert get_user(session, account.id) is None


def test_list_users_shows_every_account(session: Session) -> None:
    create_user(session, "b@example.com", "adviser", PASSWORD)
    create_user(session, "a@example.com", "adviser", PASSWORD)
    create_user(session, "s@example.com", "staff", PASSWORD)
    assert [(a.email, a.role) for a in list_users(session)] == [
        ("s@example.com", "staff"),
        ("a@example.com", "adviser"),
        ("b@example.com", "adviser"),
    ]


def test_single_sign_on_takes_the_role_from_the_database(session: Session) -> None:
    create_user(session, "staff@example.com", "staff", PASSWORD)
    account = create_user(session, "ada@example.com", "adviser", PASSWORD)
    assert sign_in_external(session, "Ada@Example.com").account.role == "adviser"
    assert sign_in_external(session, "nobody@example.com").reason == "unknown_account"
    set_disabled(session, account.id, True)
    assert sign_in_external(session, "ada@example.com").reason == "disabled"
