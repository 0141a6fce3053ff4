"""`ipready db ...`: database maintenance."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from storage.db import database_url
from storage.migrate import upgrade


def add_db_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", required=True, parser_class=type(db))
    actions.add_parser("upgrade", help="apply schema migrations (safe to run from several processes at once)")


def run_db(args: argparse.Namespace) -> int:
    url = database_url()
    shown = url.split("@")[-1] if "@" in url else url  # never print a password
    try:
        revision = upgrade(url)
    except SQLAlchemyError as exc:
        print(f"ipready db upgrade: cannot reach or update the database at {shown}: {exc.__class__.__name__}")
        return 1
    print(f"database {shown} at schema revision {revision}")
    return 0
