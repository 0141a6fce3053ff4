"""`ipready questionnaire list|export|import`: the stored questionnaire versions, from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from scoring.loader import read_questionnaire_file, validate_questionnaire_text
from scoring.problems import QuestionnaireError
from storage.db import database_url, session_scope
from storage.models import User
from storage.questionnaire_admin import PublishRefused, history, questionnaire_ids, versions
from storage.questionnaire_admin import publish_text as publish
from storage.repository import StorageError

OK, REFUSED, USAGE = 0, 1, 2


def add_questionnaire_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("questionnaire", help="stored questionnaire versions: list, export, import")
    actions = parser.add_subparsers(dest="questionnaire_command", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="every stored version, the current one first")
    listing.add_argument("--id", help="questionnaire id (needed when more than one is stored)")
    export = actions.add_parser("export", help="write a stored version's YAML exactly as published")
    export.add_argument("--id", help="questionnaire id (needed when more than one is stored)")
    export.add_argument("--version", help="default: the current version")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    load = actions.add_parser("import", help="validate a YAML file and publish it as a new version")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--note", default="", help="what changed, shown in the version history")
    load.add_argument("--by", metavar="EMAIL", help="the staff account publishing it")


def run_questionnaire(args: argparse.Namespace) -> int:
    action = args.questionnaire_command
    try:
        with session_scope(database_url()) as session:
            if action == "import":
                return _import(session, args)
            questionnaire_id = _which(session, args.id)
            if questionnaire_id is None:
                return USAGE
            return _list(session, questionnaire_id) if action == "list" else _export(session, questionnaire_id, args)
    except (StorageError, SQLAlchemyError) as exc:
        print(f"ipready questionnaire {action}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return REFUSED


def _which(session: Session, given: str | None) -> str | None:
    stored = questionnaire_ids(session)
    if given:
        if given in stored:
            return given
        print(
            f"ipready questionnaire: no questionnaire {given!r} is stored (stored: {', '.join(stored)})",
            file=sys.stderr,
        )
        return None
    if len(stored) == 1:
        return stored[0]
    shown = ", ".join(stored) or "none yet: run the app or `ipready db upgrade` first"
    print(f"ipready questionnaire: say which questionnaire with --id (stored: {shown})", file=sys.stderr)
    return None


def _list(session: Session, questionnaire_id: str) -> int:
    print(f"{'':2}{'version':<12}{'source':<9}{'published (UTC)':<18}{'assessments':>12}  by / note")
    for row in history(session, questionnaire_id):
        mark = "* " if row.current else "  "
        when = row.published_at.strftime("%Y-%m-%d %H:%M")
        extra = " — ".join(part for part in (row.published_by, row.note) if part)
        print(f"{mark}{row.version:<12}{row.source:<9}{when:<18}{row.assessments:>12}  {extra}".rstrip())
    print("* current: new assessments use it")
    return OK


def _export(session: Session, questionnaire_id: str, args: argparse.Namespace) -> int:
    stored = versions(session, questionnaire_id)
    chosen = next((row for row in stored if row.version == args.version), None) if args.version else stored[0]
    if chosen is None:
        known = ", ".join(row.version for row in stored)
        print(f"ipready questionnaire export: no version {args.version!r} (stored: {known})", file=sys.stderr)
        return REFUSED
    if args.output:
        # Bytes as stored: what was published is what comes back, line endings included.
        Path(args.output).write_bytes(chosen.yaml_text.encode("utf-8"))
        print(f"{questionnaire_id} {chosen.version} written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(chosen.yaml_text)
    return OK


def _import(session: Session, args: argparse.Namespace) -> int:
    try:
        text = read_questionnaire_file(Path(args.file)).decode("utf-8")
    except QuestionnaireError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return REFUSED
    except UnicodeDecodeError:
        print(f"{args.file}: error: the file is not UTF-8 text", file=sys.stderr)
        return REFUSED
    user_id = None
    if args.by:
        user = session.scalar(select(User).where(User.email == args.by.strip().lower()))
        if user is None or user.role != "staff":
            print(f"ipready questionnaire import: {args.by} is not a staff account", file=sys.stderr)
            return REFUSED
        user_id = user.id
    model, _ = validate_questionnaire_text(text, args.file)
    questionnaire_id = model.id if model is not None else ""
    try:
        row = publish(session, questionnaire_id, text, user_id, args.note, file=args.file)
    except PublishRefused as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        print(f"ipready questionnaire import: {exc}", file=sys.stderr)
        return REFUSED
    print(f"published {row.questionnaire_id} {row.version}: new assessments use it")
    return OK
