"""`ipready report` (score reports and portfolios) and `ipready print` (the printable questionnaire)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ipready.answers_input import score_answers_file
from reports.downloads import (
    PORTFOLIO_FORMATS,
    QUESTIONNAIRE_FORMATS,
    REPORT_FORMATS,
    portfolio_download,
    questionnaire_download,
    report_download,
)
from reports.errors import ReportError
from reports.report_data import ReportOptions
from reports.tabular import PortfolioEntry
from scoring.answers import AnswersError
from scoring.loader import load_questionnaire
from scoring.model import LANGUAGES, Questionnaire

OK, BAD_INPUT, USAGE = 0, 1, 2


def add_report_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser(
        "report",
        help="write a score report (pdf, html, xlsx, csv, json) or, with --portfolio, one row per assessment",
    )
    report.add_argument("-q", "--questionnaire", required=True, metavar="QUESTIONNAIRE")
    report.add_argument("-a", "--answers", required=True, nargs="+", action="extend", metavar="ANSWERS.json")
    report.add_argument("--format", required=True, choices=REPORT_FORMATS)
    report.add_argument("--lang", choices=LANGUAGES, help="report language (default: the answers' language)")
    report.add_argument("--company", help="company name to show (default: the one in the answers file)")
    report.add_argument("--adviser", help="adviser's name, shown on the cover")
    report.add_argument("--comment", help="adviser's summary comment, shown on the cover")
    report.add_argument("--portfolio", action="store_true", help="one row per answers file (xlsx or csv)")
    report.add_argument("-o", "--output", required=True, metavar="OUT")

    printed = commands.add_parser("print", help="write the printable questionnaire (html or pdf)")
    printed.add_argument("-q", "--questionnaire", required=True, metavar="QUESTIONNAIRE")
    printed.add_argument("--format", required=True, choices=QUESTIONNAIRE_FORMATS)
    printed.add_argument("--lang", choices=LANGUAGES, help="language (default: the questionnaire's first)")
    printed.add_argument("-o", "--output", required=True, metavar="OUT")


def _usage(parser_prog: str, message: str) -> int:
    print(f"{parser_prog}: error: {message}", file=sys.stderr)
    return USAGE


def _result(questionnaire: Questionnaire, path: str, lang: str | None) -> dict[str, Any]:
    """The scored result of one answers file, with its name in front of every problem."""
    try:
        return score_answers_file(questionnaire, path, lang, "reporting").to_dict()
    except AnswersError as exc:
        raise AnswersError([f"{path}: error: {line}" for line in exc.problems]) from None


def run_report(args: argparse.Namespace) -> int:
    if args.portfolio and args.format not in PORTFOLIO_FORMATS:
        return _usage("ipready report", f"--portfolio writes {' or '.join(PORTFOLIO_FORMATS)}, not {args.format}")
    if not args.portfolio and len(args.answers) > 1:
        return _usage("ipready report", "several answers files make a portfolio: add --portfolio")
    try:
        questionnaire = load_questionnaire(args.questionnaire)
        if args.portfolio:
            entries, problems = [], []
            for path in args.answers:
                try:
                    entries.append(PortfolioEntry(Path(path).name, _result(questionnaire, path, args.lang)))
                except AnswersError as exc:
                    problems += exc.problems
            if problems:
                raise AnswersError(problems)
            lang = args.lang or entries[0].result["language"]
            download = portfolio_download(args.format, questionnaire, entries, lang)
        else:
            result = _result(questionnaire, args.answers[0], args.lang)
            options = ReportOptions(company=args.company, adviser=args.adviser, comment=args.comment)
            download = report_download(args.format, questionnaire, result, options)
    except (AnswersError, ReportError) as exc:
        for line in exc.problems:
            print(line if ": error: " in line else f"ipready report: error: {line}", file=sys.stderr)
        return BAD_INPUT
    Path(args.output).write_bytes(download.data)
    print(f"wrote {args.output} ({len(download.data):,} bytes)", file=sys.stderr)
    return OK


def run_print(args: argparse.Namespace) -> int:
    questionnaire = load_questionnaire(args.questionnaire)
    lang = args.lang or questionnaire.languages[0]
    try:
        download = questionnaire_download(args.format, questionnaire, lang)
    except ReportError as exc:
        for line in exc.problems:
            print(f"ipready print: error: {line}", file=sys.stderr)
        return BAD_INPUT
    Path(args.output).write_bytes(download.data)
    print(f"wrote {args.output} ({len(download.data):,} bytes)", file=sys.stderr)
    return OK
