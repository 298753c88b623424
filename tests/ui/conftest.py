"""Fixtures for widget tests: a demo database, isolated settings, and a workspace context per review."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import UUID

import pytest

from peerreview_app import i18n
from peerreview_app.services.demo import fill_demo
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.qt import QWidget
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace.context import WorkspaceContext


@pytest.fixture
def demo_workbench(tmp_path: Path) -> Iterator[Workbench]:
    """A workbench on a fresh database file filled with the demo reviews (see services/demo.py for the ids)."""
    workbench = Workbench.open(str(tmp_path / "demo.sqlite3"), actor="tester")
    fill_demo(workbench)
    try:
        yield workbench
    finally:
        workbench.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def events() -> AppEvents:
    return AppEvents()


@pytest.fixture(autouse=True)
def _dutch() -> Iterator[None]:
    """Every UI test starts in Dutch, the default language, and leaves it so."""
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture
def make_context(
    qtbot, demo_workbench: Workbench, events: AppEvents, settings: Settings
) -> Callable[[UUID], WorkspaceContext]:  # type: ignore[no-untyped-def]
    """``make_context(review_id)``: a `WorkspaceContext` on the demo database with a window as parent."""

    def make(review_id: UUID) -> WorkspaceContext:
        window = QWidget()
        qtbot.addWidget(window)
        return WorkspaceContext(demo_workbench, events, settings, review_id, window)

    return make
