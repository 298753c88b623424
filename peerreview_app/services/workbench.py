"""The open workbench: a database, the installed forms and who is working. Every use case starts here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from peerreview_app import config
from peerreview_app.forms.paths import builtin_forms_dir
from peerreview_app.storage.engine import Database, open_database
from peerreview_app.storage.uow import UnitOfWork, utcnow

if TYPE_CHECKING:
    from peerreview_app.forms.catalog import FormCatalog
    from peerreview_app.forms.loader import FormFile


@dataclass
class Workbench:
    """What every service function needs; create it with `Workbench.open`."""

    database: Database
    actor: str
    clock: Callable[[], datetime] = utcnow
    _catalog: FormCatalog | None = field(default=None, repr=False)
    _snapshots: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict, repr=False)
    _stored_snapshots: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def open(cls, target: str | None = None, *, actor: str | None = None, migrate: bool = True) -> Workbench:
        """Open the database `target` (``--db``; default: ``PEERREVIEW_DB`` or the user data directory)."""
        target = config.database_target(target)
        if target == str(config.default_database_path()):
            config.data_dir().mkdir(parents=True, exist_ok=True)
        return cls(open_database(target, migrate=migrate), actor or config.current_user())

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database, self.actor, self.clock, known_snapshots=self._stored_snapshots)

    def snapshot(self, framework: FormFile, kind: FormFile) -> tuple[str, str]:
        """The snapshot JSON and SHA-256 of a framework and kind form, computed once per pair."""
        key = (framework.key, kind.key)
        if key not in self._snapshots:
            from peerreview_app.forms.snapshot import snapshot_content  # noqa: PLC0415

            self._snapshots[key] = snapshot_content(framework.data, kind.data)
        return self._snapshots[key]

    @property
    def catalog(self) -> FormCatalog:
        """The shipped forms plus the imported ones, loaded once."""
        if self._catalog is None:
            # Loading validates every form (YAML, JSON Schema): only when a review is created, not at start.
            from peerreview_app.forms.catalog import FormCatalog  # noqa: PLC0415

            self._catalog = FormCatalog.load(builtin_forms_dir(), config.user_forms_dir())
        return self._catalog

    def reload_forms(self) -> None:
        self._catalog = None
        self._snapshots.clear()

    def close(self) -> None:
        self.database.dispose()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
