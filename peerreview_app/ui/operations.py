"""Run service calls from the interface: errors become dialogs, long work runs off the UI thread.

Like Anki's ``aqt.operations``: a widget never talks to storage; it calls a service through `attempt`, and
long tasks through `BackgroundTask`, which reports progress and can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from peerreview_app.domain.errors import DomainError, TransitionError
from peerreview_app.exchange.review_json import ExchangeError
from peerreview_app.i18n import _
from peerreview_app.services.errors import BAD_INPUT, FAILED
from peerreview_app.ui.qt import QMessageBox, QObject, QProgressDialog, Qt, QThread, QWidget, Signal, Slot

T = TypeVar("T")

USER_ERRORS: tuple[type[Exception], ...] = (*BAD_INPUT, *FAILED, ExchangeError)
"""Errors shown to the user as a message; anything else is a bug and propagates."""


def error_text(exc: BaseException) -> tuple[str, str]:
    """A headline and details for an error a service raised."""
    if isinstance(exc, TransitionError):
        return str(exc), "\n".join(f"• {p}" for p in exc.problems)
    if isinstance(exc, ExchangeError):
        return _("{source} cannot be imported; nothing was changed:").format(source=exc.source), "\n".join(
            f"• {p}" for p in exc.problems
        )
    return str(exc), ""


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    headline, details = error_text(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, DomainError) else QMessageBox.Icon.Critical)
    box.setWindowTitle(title or _("Peer Review Workbench"))
    box.setText(headline)
    if details:
        box.setInformativeText(details)
    box.setObjectName("errorDialog")
    box.exec()


def attempt(parent: QWidget | None, call: Callable[[], T], title: str | None = None) -> tuple[bool, T | None]:
    """Run `call`; on a user-facing error show it and answer (False, None). Programming errors propagate."""
    try:
        return True, call()
    except USER_ERRORS as exc:
        show_error(parent, exc, title)
        return False, None


class Cancelled(Exception):
    """The user cancelled a background task."""


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False

    def run(self) -> None:
        def report(done: int, total: int) -> None:
            if self.cancelled:
                raise Cancelled
            self.progress.emit(done, total)

        try:
            result = self._work(report)
        except BaseException as exc:  # handed to the UI thread, which decides how to show it
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            # End the thread from inside, so `wait()` returns even while the UI thread is not handling events.
            thread = self.thread()
            if thread is not None:
                thread.quit()


class _Keeper(QObject):
    """Keeps the threads and workers of running tasks alive, rather than their page or dialog.

    A page closed (or a review switched) while its task runs must not destroy a running QThread: Qt aborts the
    process. The references are dropped on the UI thread once the thread has finished.
    """

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[QThread, _Worker] = {}

    def keep(self, thread: QThread, worker: _Worker) -> None:
        self.running[thread] = worker
        thread.finished.connect(self._forget)  # a slot of this object: delivered on the UI thread

    @Slot()
    def _forget(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread):
            thread.wait()  # finished has been emitted; let the thread end completely before it can be freed
            self.running.pop(thread, None)


_keeper: _Keeper | None = None


def _tasks() -> _Keeper:
    global _keeper  # noqa: PLW0603 - one keeper per process, made on the UI thread at the first task
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


def wait_for_running_tasks(msecs: int = 10_000) -> bool:
    """Block until every background task has ended (at exit); answers whether they all did in time."""
    return _keeper is None or all(thread.wait(msecs) for thread in list(_keeper.running))


class BackgroundTask(QObject):
    """Run `work(report)` in a thread with a progress dialog; `report(done, total)` raises `Cancelled` on cancel.

    Signals:
        done(object): the result, on the UI thread.
        failed(object): the exception (Cancelled when the user cancelled), on the UI thread.
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, label: str, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._thread = QThread()  # no parent: see _Keeper
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        _tasks().keep(self._thread, self._worker)
        self._dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
        self._dialog.setObjectName("progressDialog")
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finish)
        self._worker.failed.connect(self._fail)

    def start(self) -> None:
        self._thread.start()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread ends (tests and shutdown)."""
        return self._thread.wait(msecs)

    def _cancel(self) -> None:
        self._worker.cancelled = True

    def _progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)

    def _end(self) -> None:
        self._dialog.reset()
        self._thread.quit()
        self._thread.wait()

    def _finish(self, result: object) -> None:
        self._end()
        self.done.emit(result)

    def _fail(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, USER_ERRORS):
            show_error(self._parent, exc)
        self.failed.emit(exc)
