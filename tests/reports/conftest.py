"""Demo reviews of both kinds, loaded once per session: the reports tests only read them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from peerreview_app.domain.review import Review
from peerreview_app.services import reviews
from peerreview_app.services.demo import ADOPTED_ID, ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID, fill_demo
from peerreview_app.services.workbench import Workbench


@pytest.fixture(scope="session")
def demo_workbench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    """A database with the four demo reviews; tests that change it must copy it first (see `demo_database`)."""
    path: Path = tmp_path_factory.mktemp("reports-demo") / "demo.sqlite3"
    workbench = Workbench.open(str(path), actor="test")
    fill_demo(workbench)
    try:
        yield workbench
    finally:
        workbench.close()


@pytest.fixture(scope="session")
def developmental_review(demo_workbench: Workbench) -> Review:
    return reviews.get_review(demo_workbench, DEVELOPMENTAL_ID)


@pytest.fixture(scope="session")
def assessment_review(demo_workbench: Workbench) -> Review:
    return reviews.get_review(demo_workbench, ASSESSMENT_ID)


@pytest.fixture(scope="session")
def half_filled_review(demo_workbench: Workbench) -> Review:
    return reviews.get_review(demo_workbench, HALF_FILLED_ID)


@pytest.fixture(scope="session")
def adopted_review(demo_workbench: Workbench) -> Review:
    return reviews.get_review(demo_workbench, ADOPTED_ID)
