"""What a report cannot be made from: one line per problem, for the CLI and the app to show."""

from __future__ import annotations


class ReportError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))
