"""`ipready db ...`: database maintenance."""

from __future__ import annotations

import argparse
import sys

from alembic.util import CommandError
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from storage.db import database_url
from storage.migrate import MigrationError, upgrade


def add_db_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", required=True, parser_class=type(db))
    actions.add_parser("upgrade", help="apply schema migrations (safe to run from several processes at once)")


def shown_url(url: str) -> str:
    """The URL without its password or query (where a password may also be given)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return "(a DATABASE_URL that is not a database URL)"
    return parsed.set(query={}).render_as_string(hide_password=True)


def _reason(exc: Exception, url: str) -> str:
    """One line saying why, never the password: the driver's first line with the password removed."""
    detail = str(exc.orig) if isinstance(exc, DBAPIError) else str(exc)
    line = next((part.strip() for part in detail.splitlines() if part.strip()), exc.__class__.__name__)
    if isinstance(exc, CommandError) and "locate revision" in line:
        line += " (was the database upgraded by a newer version of IP Ready?)"
    for secret in _secrets(url):
        line = line.replace(secret, "***")
    return line[:300]


def _secrets(url: str) -> list[str]:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return [url]  # unparsable: treat all of it as secret
    found = [str(parsed.password)] if parsed.password else []
    for key, value in parsed.query.items():
        if "password" in key.lower():
            found += [value] if isinstance(value, str) else list(value)
    return [secret for secret in found if secret]


def run_db(args: argparse.Namespace) -> int:
    url = database_url()
    shown = shown_url(url)
    try:
        revision = upgrade(url)
    except (SQLAlchemyError, CommandError, MigrationError, OSError, ValueError) as exc:
        print(f"ipready db upgrade: cannot update the database at {shown}: {_reason(exc, url)}", file=sys.stderr)
        return 1
    print(f"database {shown} at schema revision {revision}")
    return 0
