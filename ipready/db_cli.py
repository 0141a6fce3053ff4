"""`ipready db ...`: database maintenance."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from storage.backup import BackupError, backup, default_backup_name, restore
from storage.db import database_url, session_scope
from storage.migrate import MigrationError, upgrade
from storage.privacy import RETENTION_VARIABLE, count_abandoned_drafts, draft_retention, purge_abandoned_drafts
from storage.repository import StorageError


def add_db_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database maintenance")
    actions = db.add_subparsers(dest="db_command", required=True, parser_class=type(db))
    actions.add_parser("upgrade", help="apply schema migrations (safe to run from several processes at once)")
    purge = actions.add_parser("purge", help="delete unfinished assessments nobody has changed for a long time")
    purge.add_argument(
        "--days", type=int, metavar="N", help=f"older than N days (default: {RETENTION_VARIABLE}, else 180)"
    )
    purge.add_argument("--dry-run", action="store_true", help="only count them")
    backup_cmd = actions.add_parser("backup", help="write every table to a portable file (gzip JSON lines)")
    backup_cmd.add_argument("-o", "--output", metavar="FILE", help="default: ipready-backup-<time>.jsonl.gz")
    restore_cmd = actions.add_parser("restore", help="load a backup into an upgraded, empty database")
    restore_cmd.add_argument("file", metavar="FILE")
    restore_cmd.add_argument("--force", action="store_true", help="replace everything already in the database")


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
    action = args.db_command
    try:
        if action == "purge":
            return _purge(args, url)
        if action == "backup":
            target = Path(args.output or default_backup_name())
            summary = backup(url, target)
            print(f"{summary.total} rows of {shown} (schema revision {summary.revision}) written to {target}")
            return 0
        if action == "restore":
            summary = restore(url, Path(args.file), force=args.force)
            print(f"{summary.total} rows restored into {shown} (schema revision {summary.revision})")
            return 0
        revision = upgrade(url)
    except (BackupError, StorageError) as exc:
        print(f"ipready db {action}: {exc}", file=sys.stderr)
        return 1
    except (SQLAlchemyError, CommandError, MigrationError, OSError, ValueError) as exc:
        verb = "update" if action == "upgrade" else "use"
        print(f"ipready db {action}: cannot {verb} the database at {shown}: {_reason(exc, url)}", file=sys.stderr)
        return 1
    print(f"database {shown} at schema revision {revision}")
    return 0


def _purge(args: argparse.Namespace, url: str) -> int:
    if args.days is not None and args.days <= 0:
        print("ipready db purge: --days must be 1 or more", file=sys.stderr)
        return 2
    older_than = dt.timedelta(days=args.days) if args.days is not None else draft_retention()
    if older_than is None:
        print(f"purging is off ({RETENTION_VARIABLE}); nothing deleted")
        return 0
    with session_scope(url) as session:
        if args.dry_run:
            found = count_abandoned_drafts(session, older_than)
            print(f"{found} unfinished assessments unchanged for over {older_than.days} days would be deleted")
            return 0
        deleted = purge_abandoned_drafts(session, older_than)
    print(f"{deleted} unfinished assessments unchanged for over {older_than.days} days deleted")
    return 0
