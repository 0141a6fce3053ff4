"""Problems found in a questionnaire, as data. Formatting them is the caller's business."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
PathPart = str | int
KeyPath = tuple[PathPart, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    severity: Severity
    path: str  # e.g. "sections[strategy].questions[ip_policy].options[2].score"
    message: str

    def format(self) -> str:
        where = self.path or "(top level)"
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}: {self.message}"

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.path, self.message)


class QuestionnaireError(Exception):
    """Raised when a questionnaire cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
