"""Background tasks survive their page and can be waited for without the event loop."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from peerreview_app.ui.operations import BackgroundTask, wait_for_running_tasks
from peerreview_app.ui.qt import QWidget


def test_wait_returns_without_the_ui_thread_handling_events(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    task = BackgroundTask(page, "work", lambda report: 42)
    results: list[object] = []
    task.done.connect(results.append)
    task.start()
    assert task.wait(5_000)  # used to block until its timeout: the thread quit only from the UI thread
    qtbot.waitUntil(lambda: results == [42], timeout=5_000)


def test_closing_the_page_while_its_task_runs_does_not_abort(qtbot: QtBot) -> None:
    release = threading.Event()

    def slow(report: Callable[[int, int], None]) -> str:
        release.wait(5)
        return "done"

    page = QWidget()
    task = BackgroundTask(page, "slow work", slow)
    task.start()
    page.deleteLater()  # the page (and the task, its child) go while the thread still runs
    qtbot.wait(50)
    release.set()
    assert wait_for_running_tasks(5_000)
    qtbot.wait(50)  # the keeper lets go of the finished thread on the UI thread
