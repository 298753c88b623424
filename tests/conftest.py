"""Shared fixtures: an isolated data directory, the shipped forms, and an open workbench on a temporary file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

from peerreview_app.domain.review import Forms
from peerreview_app.forms.loader import load_form_file
from peerreview_app.forms.snapshot import forms_from_snapshot, snapshot_content
from peerreview_app.services.workbench import Workbench

FORMS_DIR = Path(__file__).resolve().parent.parent / "forms"
KIND_FILES = {"assessment": "beoordelingsgericht.yaml", "developmental": "ontwikkelingsgericht.yaml"}

MakeForms = Callable[..., Forms]


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the real user data directory or database, and record a known user."""
    data_dir = tmp_path_factory.mktemp("peerreview-data")
    monkeypatch.setenv("PEERREVIEW_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PEERREVIEW_USER", "tester")
    monkeypatch.delenv("PEERREVIEW_DB", raising=False)
    return data_dir


@pytest.fixture(scope="session")
def forms_dir() -> Path:
    """The shipped ``forms/`` folder of this checkout."""
    return FORMS_DIR


@cache
def _forms(kind: str, framework_file: str) -> Forms:
    framework = load_form_file(FORMS_DIR / "frameworks" / framework_file)
    kind_form = load_form_file(FORMS_DIR / "kinds" / KIND_FILES[kind])
    content, sha256 = snapshot_content(framework.data, kind_form.data)
    return forms_from_snapshot(content, sha256)


@pytest.fixture(scope="session")
def make_forms() -> MakeForms:
    """``make_forms("assessment", "kwaliteitskader-so.yaml")``: domain `Forms` from the shipped YAML.

    Session-scoped (and cached) so that hypothesis tests may use it.
    """

    def make(kind: str = "assessment", framework_file: str = "kwaliteitskader-so.yaml") -> Forms:
        return _forms(kind, framework_file)

    return make


@pytest.fixture
def workbench(tmp_path: Path) -> Iterator[Workbench]:
    """A workbench on a fresh, migrated database file in `tmp_path`."""
    bench = Workbench.open(str(tmp_path / "wb.sqlite3"), actor="tester")
    try:
        yield bench
    finally:
        bench.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, filled once per session and copied by every test that changes it."""
    from peerreview_app.services.demo import fill_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    with Workbench.open(str(path), actor="tester") as bench:
        fill_demo(bench)
    # Closing the engine checkpoints the write-ahead log into the file, so a plain copy is complete.
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    """This test's own copy of the demo database (ids in services/demo.py)."""
    import shutil

    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    return target
