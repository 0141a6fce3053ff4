"""The `ipready` command: validate questionnaires, score answers, make sample answers, write schemas.

Exit codes: 0 success, 1 a problem with the input (each printed on its own line), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ipready.answers_input import score_answers_file
from ipready.db_cli import add_db_commands, run_db
from ipready.questionnaire_cli import add_questionnaire_commands, run_questionnaire
from ipready.report_cli import add_report_commands, run_print, run_report
from ipready.user_cli import add_user_commands, run_user
from scoring.answers import AnswersError, answers_file
from scoring.loader import load_questionnaire, read_questionnaire_file, validate_questionnaire_text
from scoring.model import Questionnaire
from scoring.problems import Problem, QuestionnaireError
from scoring.samples import sample_answers
from scoring.schemas_export import ROOT, rendered_schemas, write_schemas

OK, BAD_INPUT, USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ipready", description="IP Ready: IP readiness self-assessment tools.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="check questionnaire files; one line per problem")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--strict", action="store_true", help="treat warnings (e.g. missing translations) as errors")

    score_cmd = commands.add_parser("score", help="score an answers file")
    score_cmd.add_argument("-q", "--questionnaire", required=True, metavar="QUESTIONNAIRE")
    score_cmd.add_argument("-a", "--answers", required=True, metavar="ANSWERS.json")
    score_cmd.add_argument("--json", action="store_true", help="print the result as JSON (ipready.result/1)")
    score_cmd.add_argument("--lang", choices=["en", "zh-Hant", "zh-Hans"], help="language of the result texts")

    sample = commands.add_parser("sample-answers", help="write a valid answers file")
    sample.add_argument("-q", "--questionnaire", required=True, metavar="QUESTIONNAIRE")
    sample.add_argument("--profile", choices=["best", "worst", "random"], default="random")
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--company", default="Sample Company Limited")
    sample.add_argument("--lang", choices=["en", "zh-Hant", "zh-Hans"], default="en")
    sample.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    add_db_commands(commands)
    add_report_commands(commands)
    add_user_commands(commands)
    add_questionnaire_commands(commands)
    schema = commands.add_parser("schema", help="print or write the JSON Schemas generated from the models")
    schema.add_argument("--write", action="store_true", help="write them into the project folders")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"validate": _validate, "score": _score, "sample-answers": _sample, "schema": _schema, "db": run_db}
    handlers |= {"report": run_report, "print": run_print, "user": run_user, "questionnaire": run_questionnaire}
    try:
        return handlers[args.command](args)
    except QuestionnaireError as exc:
        # On stderr: standard output may be a JSON document being piped somewhere.
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return BAD_INPUT
    except AnswersError as exc:
        for line in exc.problems:
            print(f"{getattr(args, 'answers', '')}: error: {line}", file=sys.stderr)
        return BAD_INPUT
    except OSError as exc:  # writing an output file, or a closed pipe
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"ipready: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format())


def _validate(args: argparse.Namespace) -> int:
    status = OK
    for file in args.files:
        try:
            text = read_questionnaire_file(Path(file))
        except QuestionnaireError as exc:
            _print_problems(exc.problems)
            status = BAD_INPUT
            continue
        model, problems = validate_questionnaire_text(text, file, strict=args.strict)
        _print_problems(problems)
        if model is None:
            status = BAD_INPUT
    if status == OK:
        print(f"{len(args.files)} file{'s' if len(args.files) != 1 else ''} valid", file=sys.stderr)
    return status


def _load(path: str) -> Questionnaire:
    return load_questionnaire(path)


def _score(args: argparse.Namespace) -> int:
    questionnaire = _load(args.questionnaire)
    result = score_answers_file(questionnaire, args.answers, args.lang, "scoring")
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return OK
    _print_summary(result.to_dict())
    return OK


def _print_summary(result: dict[str, Any]) -> None:
    overall = result["overall"]
    maturity = result["maturity"]
    print(f"Overall: {'not assessed' if overall is None else f'{overall:.2f} / 100'}", end="")
    print(f"  (level {maturity['level']}: {maturity['name']})" if maturity else "")
    if not result["complete"]:
        print(
            f"Incomplete: {round(result['completion'] * 100)}% of required questions answered; "
            f"missing: {', '.join(result['missing_required'])}"
        )
    for section in result["sections"]:
        if section["status"] == "unscored":
            continue
        shown = f"{section['score']:.2f}" if section["score"] is not None else section["status"].replace("_", " ")
        capped = f"  (capped at {section['cap']:g} by a critical answer)" if section["cap"] is not None else ""
        print(f"  {section['title']}: {shown}{capped}")
    for dimension in result["dimensions"]:
        shown = "-" if dimension["score"] is None else f"{dimension['score']:.2f}"
        print(f"  [{dimension['id']}] {shown}")
    for flag in result["critical_flags"]:
        print(f"Red flag ({flag['question']}): {flag['message']}")
    if result["knowledge_gaps"]:
        print(f"Don't know (worth finding out): {', '.join(result['knowledge_gaps'])}")
    if result["hidden_answers"]:
        print(f"Ignored (question not shown): {', '.join(result['hidden_answers'])}")
    if result["recommendations"]:
        print("Top actions:")
        for rec in result["recommendations"][:5]:
            quick = ", quick win" if rec["quick_win"] else ""
            print(f"  - [{rec['priority']}] {rec['title']} (+{rec['gain']:.2f} points{quick})")


def _sample(args: argparse.Namespace) -> int:
    questionnaire = _load(args.questionnaire)
    answers = sample_answers(questionnaire, args.profile, args.seed)
    document = answers_file(questionnaire, answers, company=args.company, language=args.lang)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return OK


def _schema(args: argparse.Namespace) -> int:
    if args.write:
        for path in write_schemas():
            print(f"wrote {path.relative_to(ROOT)}")
        return OK
    for relative, text in rendered_schemas().items():
        print(f"# {relative}\n{text}")
    return OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
