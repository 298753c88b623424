"""Errors in form files, each pointing at a file, line, column and YAML path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormProblem:
    """One problem in a form file, printed as ``kader.yaml:14:5: standards[1].criteria[2]: 'id' is required``."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class FormError(Exception):
    """A form file cannot be used; `problems` lists every problem found."""

    def __init__(self, problems: list[FormProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
