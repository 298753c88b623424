"""Start the Qt workbench on a database."""

from __future__ import annotations

import sys
from uuid import UUID

from peerreview_app.i18n import _
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.operations import USER_ERRORS, show_error, wait_for_running_tasks
from peerreview_app.ui.qt import QApplication, QGuiApplication, Qt
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.translations import apply_language


def application() -> QApplication:
    """The QApplication (created once, with the names QSettings and the desktop use)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Peer Review Workbench")
    app.setOrganizationName("Peer Review Workbench")
    app.setApplicationDisplayName(_("Peer Review Workbench"))
    return app


def run(
    database: str | None, *, language: str | None = None, review: UUID | None = None, user: str | None = None
) -> int:
    """Open the main window on `database` (default: the user's database); answers the exit code."""
    app = application()
    settings = Settings()
    apply_language(language or settings.language)
    try:
        workbench = Workbench.open(database, actor=user or settings.identity_name)
    except USER_ERRORS as exc:
        show_error(None, exc, _("The database cannot be opened"))
        return 2
    window = MainWindow(workbench, settings)
    window.show()
    if review is not None:
        window.open_review(review)
    else:
        window.restore_last_review()
    try:
        return app.exec()
    finally:
        wait_for_running_tasks()  # an export or signing still running finishes before the database closes
        workbench.close()
