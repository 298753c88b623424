"""The one error type of the signing package: a message for the user, naming the file it is about."""

from __future__ import annotations

from peerreview_app.reports.errors import ReportInputError


class SigningError(ReportInputError):
    """What is wrong with an identity, a PDF or a signature, and with which file (`source`, when known)."""

    def __init__(self, problem: str, source: str = "") -> None:
        self.problem = problem
        self.source = source
        super().__init__(f"{source}: {problem}" if source else problem)
