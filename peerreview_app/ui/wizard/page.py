"""The base of every wizard page."""

from __future__ import annotations

from peerreview_app.ui.qt import QWizardPage


class WizardPage(QWizardPage):
    """A wizard page that keeps what the user entered when they go back (QWizard would reset it)."""

    def cleanupPage(self) -> None:
        """Keep the page's data: going back to change one thing must not erase the rest."""
