"""Importing review files from the review list: in the background, and never replacing a review without asking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerreview_app.i18n import _
from peerreview_app.services import interchange
from peerreview_app.services.interchange import ImportResult
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.operations import BackgroundTask
from peerreview_app.ui.qt import QMessageBox, QObject, QWidget, Signal


@dataclass(frozen=True, slots=True)
class _Conflict:
    """The file holds a review that is already in the database and may be replaced."""

    title: str
    source: Path


class ReviewImporter(QObject):
    """Runs `interchange.import_review_json` in a `BackgroundTask`; errors are shown by the task.

    A review that is already here and not adopted is replaced only after the user agreed; an adopted one is
    refused by the service.

    Signals:
        imported(object): the `ImportResult` of a finished import.
    """

    imported = Signal(object)

    def __init__(self, workbench: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self._workbench = workbench
        self._parent = parent
        self._tasks: list[BackgroundTask] = []

    def start(self, source: Path, *, replace: bool = False) -> BackgroundTask:
        workbench = self._workbench
        task = BackgroundTask(self._parent, _("Importing…"), lambda report: _import(workbench, source, replace))
        task.done.connect(self._finished)
        task.done.connect(lambda result: self._forget(task))
        task.failed.connect(lambda exc: self._forget(task))
        self._tasks.append(task)  # keeps the task alive until it ends
        task.start()
        return task

    def _forget(self, task: BackgroundTask) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
            task.deleteLater()

    def _finished(self, result: object) -> None:
        if isinstance(result, _Conflict):
            answer = QMessageBox.question(
                self._parent,
                _("Replace review"),
                _("“{title}” is already in the list. Replace it with the review from {file}?").format(
                    title=result.title, file=result.source.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.start(result.source, replace=True)
            return
        self.imported.emit(result)


def _import(workbench: Workbench, source: Path, replace: bool) -> ImportResult | _Conflict:
    """In the background thread: answer a conflict instead of replacing when the review is already here."""
    try:
        return interchange.import_review_json(workbench, source, replace=replace)
    except interchange.ReviewExists as exists:
        return _Conflict(exists.title, source)
