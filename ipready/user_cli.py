"""`ipready user ...`: adviser and staff accounts from the command line. The first staff account is made here:
there are no default passwords."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ipready.db_cli import shown_url
from storage.accounts import (
    MIN_PASSWORD_LENGTH,
    ROLES,
    Account,
    AccountError,
    create_user,
    find_user,
    list_users,
    reset_password,
    set_disabled,
    unlock,
)
from storage.db import database_url, session_scope
from storage.repository import StorageError

OK, BAD_INPUT = 0, 1


def add_user_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = commands.add_parser("user", help="adviser and staff accounts")
    actions = user.add_subparsers(dest="user_command", required=True, parser_class=type(user))
    add = actions.add_parser("add", help="create an account; asks for its password twice")
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", default="", help="the name shown in the app")
    add.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    actions.add_parser("list", help="every account with its role and status")
    for name, text in [
        ("disable", "stop an account from signing in (signs it out of open sessions)"),
        ("enable", "let a disabled account sign in again"),
        ("unlock", "lift a lock-out after too many wrong passwords"),
        ("reset-password", "print a new temporary password that must be changed at the next sign-in"),
    ]:
        actions.add_parser(name, help=text).add_argument("email", metavar="EMAIL")


def run_user(args: argparse.Namespace) -> int:
    command = args.user_command
    try:
        if command == "add":
            password = _read_password(args.password_stdin)
            with session_scope() as session:
                account = create_user(session, args.email, args.role, password, args.name)
            print(f"created {account.role} account {account.email}")
            return OK
        with session_scope() as session:
            if command == "list":
                _print_table(list_users(session))
                return OK
            lines = _ACTIONS[command](session, _existing(session, args.email))
        print("\n".join(lines))
        return OK
    except (AccountError, StorageError, _InputError) as exc:
        print(f"ipready user {command}: error: {exc}", file=sys.stderr)
        return BAD_INPUT
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        print(
            f"ipready user {command}: error: cannot use the database at {shown_url(database_url())} "
            f"(has `ipready db upgrade` been run?): {reason}",
            file=sys.stderr,
        )
        return BAD_INPUT


class _InputError(Exception):
    pass


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise _InputError("no password on standard input")
        return line.rstrip("\r\n")
    print(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.", file=sys.stderr)
    first = getpass.getpass("Password: ")
    second = getpass.getpass("Repeat the password: ")
    if first != second:
        raise _InputError("the two passwords differ; nothing was created")
    return first


def _existing(session: Session, email: str) -> Account:
    account = find_user(session, email)
    if account is None:
        raise _InputError(f"no account with the email {email.strip().lower()}")
    return account


def _print_table(accounts: list[Account]) -> None:
    if not accounts:
        print("no accounts yet; create the first with: ipready user add --role staff EMAIL")
        return
    print(f"{'EMAIL':<40} {'ROLE':<8} {'STATUS':<22} LAST SIGN-IN")
    for account in accounts:
        print(f"{account.email:<40} {account.role:<8} {_status(account):<22} {_when(account)}")


def _status(account: Account) -> str:
    if account.disabled:
        return "disabled"
    if account.locked():
        assert account.locked_until is not None
        return f"locked until {account.locked_until:%H:%M} UTC"
    return "must change password" if account.must_change_password else "active"


def _when(account: Account) -> str:
    return f"{account.last_login_at:%Y-%m-%d %H:%M} UTC" if account.last_login_at else "never"


def _disable(session: Session, account: Account) -> list[str]:
    set_disabled(session, account.id, True)
    return [f"disabled {account.email}"]


def _enable(session: Session, account: Account) -> list[str]:
    set_disabled(session, account.id, False)
    return [f"enabled {account.email}"]


def _unlock(session: Session, account: Account) -> list[str]:
    unlock(session, account.id)
    return [f"unlocked {account.email}"]


def _reset(session: Session, account: Account) -> list[str]:
    temporary = reset_password(session, account.id)
    return [f"temporary password for {account.email} (shown once; it must be changed at the next sign-in):", temporary]


# Each returns what to print once the change is committed.
_ACTIONS: dict[str, Callable[[Session, Account], list[str]]] = {
    "disable": _disable,
    "enable": _enable,
    "unlock": _unlock,
    "reset-password": _reset,
}
