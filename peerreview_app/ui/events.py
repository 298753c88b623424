"""Change notification: services change data, views listen and refresh themselves."""

from __future__ import annotations

from peerreview_app.ui.qt import QObject, Signal


class AppEvents(QObject):
    """Application-wide signals.

    Signals:
        review_changed(object): the review with this UUID was changed (any record in it).
        reviews_changed(): reviews were created, deleted or imported; lists must reload.
        status(str): a short message for the status bar, e.g. "Opgeslagen om 10:42".
    """

    review_changed = Signal(object)
    reviews_changed = Signal()
    status = Signal(str)
