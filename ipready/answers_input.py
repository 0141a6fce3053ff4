"""Reading an answers file and scoring it, the same way for `ipready score` and `ipready report`."""

from __future__ import annotations

import sys
from pathlib import Path

from scoring.answers import AnswersError, AnswersFile, parse_answers_file
from scoring.engine import score
from scoring.model import Questionnaire
from scoring.result import Result

MAX_ANSWERS_BYTES = 10_000_000  # real answers files are kilobytes


def read_answers(path: str) -> AnswersFile:
    """An answers file; AnswersError (one line per problem, without the file name) when unusable."""
    try:
        with Path(path).open("rb") as stream:
            raw = stream.read(MAX_ANSWERS_BYTES + 1)  # /dev/zero would never end
    except OSError as exc:
        raise AnswersError([f"cannot read the file: {exc.strerror}"]) from None
    if len(raw) > MAX_ANSWERS_BYTES:
        raise AnswersError(
            [f"the file is larger than {MAX_ANSWERS_BYTES // 1_000_000} MB; an answers file is far smaller"]
        )
    return parse_answers_file(raw)


def score_answers_file(questionnaire: Questionnaire, path: str, lang: str | None, doing: str) -> Result:
    """Score an answers file against `questionnaire`. Answers for another questionnaire are refused;
    answers for another version of it are scored with a warning on stderr (`doing`: "scoring", ...)."""
    document = read_answers(path)
    if document.questionnaire.id != questionnaire.id:
        raise AnswersError(
            [f"questionnaire: these answers are for {document.questionnaire.id!r}, not {questionnaire.id!r}"]
        )
    if document.questionnaire.version != questionnaire.version:
        print(
            f"{path}: warning: these answers were given to version {document.questionnaire.version}; "
            f"{doing} them with version {questionnaire.version}",
            file=sys.stderr,
        )
    meta = document.meta.model_dump(mode="json")
    return score(questionnaire, document.values(), language=lang or document.meta.language, meta=meta)
