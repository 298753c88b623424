"""Fixtures for widget tests: a demo database, isolated settings, and a workspace context per review."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import UUID

import pytest

from peerreview_app import i18n
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui.events import AppEvents
from peerreview_app.ui.qt import QFileDialog, QInputDialog, QMessageBox, QWidget
from peerreview_app.ui.settings import Settings
from peerreview_app.ui.workspace.context import WorkspaceContext


@pytest.fixture(scope="session")
def _demo_template(demo_template: Path) -> Path:
    """The demo database of tests/conftest.py, filled once per session."""
    return demo_template


@pytest.fixture
def demo_workbench(tmp_path: Path, _demo_template: Path) -> Iterator[Workbench]:
    """A workbench on its own copy of the demo database (see services/demo.py for the ids)."""
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_template, target)
    workbench = Workbench.open(str(target), actor="tester")
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


class UnexpectedDialog(AssertionError):
    """A modal dialog opened that the test did not expect; offscreen it would block the run forever."""


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Modal dialogs fail the test instead of blocking it; a test that expects one patches it itself."""

    def refuse(*args: object, **kwargs: object) -> None:
        shown = [a for a in args if isinstance(a, str)]
        raise UnexpectedDialog(f"a modal dialog would block this test: {shown!r}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
    for name in ("getItem", "getText", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse))


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
