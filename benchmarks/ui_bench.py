"""Interface benchmarks: cold start, opening a 40-criterion review, keystroke to saved."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.harness import Result, absolute_result, median_time
from benchmarks.storage_bench import forty_criteria_review
from peerreview_app.services import findings, reviews
from peerreview_app.services.demo import fill_demo
from peerreview_app.services.workbench import Workbench

ROOT = Path(__file__).resolve().parent.parent


def _process_seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - start


def bench_cold_start(folder: Path, runs: int) -> Result:
    """The whole process to the main window shown, against importing QtWidgets alone."""
    database = folder / "start.sqlite3"
    with Workbench.open(str(database), actor="benchmark") as workbench:
        fill_demo(workbench)
    window = [sys.executable, "-m", "benchmarks.start_window", str(database), str(folder / "start.ini")]
    baseline_command = [sys.executable, "-c", "import PySide6.QtWidgets"]
    seconds = median_time(lambda: None, lambda _: _process_seconds(window), runs)
    baseline = median_time(lambda: None, lambda _: _process_seconds(baseline_command), runs)
    limit = 1.5 * baseline + 0.5
    result = absolute_result(
        "cold start to the main window shown (whole process)",
        seconds,
        "python -c 'import PySide6.QtWidgets'",
        baseline,
        limit,
    )
    return Result(
        result.name, seconds, result.baseline_name, baseline, result.ratio, "≤ 1.5 × baseline + 0.5 s", seconds <= limit
    )


def bench_open_and_type(folder: Path, runs: int) -> list[Result]:
    """Opening a 40-criterion review in the main window, and one keystroke in a motivation until saved."""
    from peerreview_app.ui.app import application
    from peerreview_app.ui.main_window import MainWindow
    from peerreview_app.ui.settings import Settings
    from peerreview_app.ui.workspace.view import Location

    app = application()
    workbench = Workbench.open(str(folder / "open-ui.sqlite3"), actor="benchmark")
    review_id = forty_criteria_review(workbench, folder)
    window = MainWindow(workbench, Settings(str(folder / "open-ui.ini")))
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    def open_review(_: object) -> None:
        window.open_review(review_id, Location("criterion", "S1-1"))
        app.processEvents()

    opened = median_time(window.show_list, open_review, runs)
    service_only = median_time(lambda: None, lambda _: reviews.get_review(workbench, review_id), runs)

    window.open_review(review_id, Location("criterion", "S1-1"))
    app.processEvents()
    assert window.workspace is not None
    page = window.workspace.current_page()
    editor = page.findChild(object, "field_motivation")  # type: ignore[arg-type]
    samples, baseline_samples = [], []
    for index in range(runs * 4):
        editor.box.insertPlainText("x")
        start = time.perf_counter()
        editor.commit()
        samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        findings.set_finding_value(workbench, review_id, "S1-2", "motivation", f"tekst {index}")
        baseline_samples.append(time.perf_counter() - start)
    window.close()
    workbench.close()
    samples.sort()
    baseline_samples.sort()
    return [
        absolute_result(
            "open a 40-criterion review in the workspace (criterion page shown)",
            opened,
            "loading it through the services alone",
            service_only,
            0.300,
        ),
        absolute_result(
            "keystroke to saved (motivation field; save, reload, refresh)",
            samples[len(samples) // 2],
            "the service call alone",
            baseline_samples[len(baseline_samples) // 2],
            0.050,
        ),
    ]
