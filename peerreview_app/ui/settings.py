"""User preferences, declared once and typed, stored with QSettings in an INI file in the data folder.

Review data never lives here; only who the user is, the language, and window state.
"""

from __future__ import annotations

from uuid import UUID

from peerreview_app import config
from peerreview_app.ui.qt import QByteArray, QSettings

SETTINGS_VERSION = 1


class Settings:
    """Typed access to the preferences; `path` (for tests) overrides the file."""

    def __init__(self, path: str | None = None) -> None:
        target = path or str(config.data_dir() / "settings.ini")
        self._q = QSettings(target, QSettings.Format.IniFormat)
        if int(str(self._q.value("meta/version", 0))) < SETTINGS_VERSION:
            self._q.setValue("meta/version", SETTINGS_VERSION)

    @property
    def file(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        self._q.sync()

    @property
    def identity_name(self) -> str:
        """The user's own name: their notes are theirs in every review where a panel member has this name."""
        return str(self._q.value("identity/name", config.current_user()))

    @identity_name.setter
    def identity_name(self, value: str) -> None:
        self._q.setValue("identity/name", value.strip())

    @property
    def identity_email(self) -> str:
        return str(self._q.value("identity/email", ""))

    @identity_email.setter
    def identity_email(self, value: str) -> None:
        self._q.setValue("identity/email", value.strip())

    @property
    def language(self) -> str:
        value = str(self._q.value("ui/language", "nl"))
        return value if value in ("nl", "en") else "nl"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value)

    @property
    def last_review(self) -> UUID | None:
        value = str(self._q.value("session/last_review", ""))
        try:
            return UUID(value) if value else None
        except ValueError:
            return None

    @last_review.setter
    def last_review(self, value: UUID | None) -> None:
        self._q.setValue("session/last_review", str(value) if value else "")

    def member_for(self, review_id: UUID) -> UUID | None:
        """The panel member the user chose to be in this review, when their name did not match."""
        value = str(self._q.value(f"members/{review_id}", ""))
        try:
            return UUID(value) if value else None
        except ValueError:
            return None

    def set_member_for(self, review_id: UUID, member_id: UUID | None) -> None:
        self._q.setValue(f"members/{review_id}", str(member_id) if member_id else "")

    def window_state(self, key: str) -> QByteArray | None:
        value = self._q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"window/{key}", value)
