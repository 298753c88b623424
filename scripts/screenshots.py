"""Render the main screens offscreen at 1440×900 into docs/screenshots/ (run: .venv/bin/python scripts/screenshots.py).

Uses a throw-away demo database and settings, so it never touches the user's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:  # noqa: PLR0915 - one screen after another
    target = ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="peerreview-shots-") as folder:
        os.environ["PEERREVIEW_DATA_DIR"] = folder
        from peerreview_app.services.demo import ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID, fill_demo
        from peerreview_app.services.workbench import Workbench
        from peerreview_app.ui.app import application
        from peerreview_app.ui.main_window import MainWindow
        from peerreview_app.ui.settings import Settings
        from peerreview_app.ui.translations import apply_language
        from peerreview_app.ui.wizard import NewReviewWizard
        from peerreview_app.ui.workspace.view import Location

        app = application()
        apply_language(os.environ.get("PEERREVIEW_LANG", "nl"))
        workbench = Workbench.open(str(Path(folder) / "demo.sqlite3"), actor="Bram Hoekstra")
        fill_demo(workbench)
        settings = Settings(str(Path(folder) / "settings.ini"))
        settings.identity_name = "Bram Hoekstra"
        window = MainWindow(workbench, settings)
        window.resize(1440, 900)
        window.show()

        def shot(name: str, widget: object = None) -> None:
            for _ in range(3):
                app.processEvents()
            (widget or window).grab().save(str(target / f"{name}.png"))  # type: ignore[attr-defined]
            print(target / f"{name}.png")

        shot("review-list")
        wizard = NewReviewWizard(workbench, settings, window)
        wizard.resize(900, 640)
        wizard.show()
        shot("wizard", wizard)
        wizard.next()
        wizard.next()
        shot("wizard-partnership", wizard)
        wizard.close()

        window.open_review(ASSESSMENT_ID, Location("criterion", "KC-2"))
        shot("criterion-assessment")
        from peerreview_app.domain.partnership import Role
        from peerreview_app.services import reviews

        developmental = reviews.get_review(workbench, DEVELOPMENTAL_ID)
        chair = next(m for m in developmental.members if m.role is Role.CHAIR)
        settings.set_member_for(DEVELOPMENTAL_ID, chair.id)  # the user is on this panel too
        window.open_review(DEVELOPMENTAL_ID, Location("criterion", "LO-2"))
        shot("criterion-developmental")
        window.open_review(DEVELOPMENTAL_ID, Location("programme"))
        shot("bezoekprogramma")
        window.open_review(HALF_FILLED_ID, Location("overview"))
        window.completeness_dock.setVisible(True)
        shot("completeness")
        _factcheck_shots(window, workbench, Path(folder), shot)
        _report_shot(window, shot)
        window.close()
        workbench.close()
    return 0


def _factcheck_shots(window: Any, workbench: Any, folder: Path, shot: Any) -> None:
    """The import preview of a fact-check workbook with two comments, and the fact-check page after importing."""
    from openpyxl import load_workbook

    from peerreview_app.services import workbooks
    from peerreview_app.services.demo import DEVELOPMENTAL_ID
    from peerreview_app.ui.workspace.view import Location

    path = folder / "Feitencheck Lingedelta.xlsx"
    workbooks.export_factcheck_workbook(workbench, DEVELOPMENTAL_ID, path)
    book = load_workbook(path)
    sheet = book.worksheets[1]
    rows = {sheet.cell(row=row, column=1).value: row for row in range(6, sheet.max_row + 1)}
    comments = {
        "criterion/LL-1/observations/1": "Het leraarsprofiel is niet in 2023 maar in 2022 vastgesteld.",
        "criterion/LL-1/recommendations/1": "De herijking staat gepland voor 2026, niet voor 2027.",
    }
    for target, comment in comments.items():
        sheet.cell(row=rows[target], column=4).value = comment
    book.save(path)
    window.completeness_dock.setVisible(False)
    window.open_review(DEVELOPMENTAL_ID, Location("factcheck"))
    dialog = window.preview_workbook(path)
    until(dialog.import_button.isEnabled)
    shot("workbook-import", dialog)
    dialog.apply()
    until(lambda: not dialog.isVisible())
    shot("factcheck")


def until(condition: Any, seconds: float = 20) -> None:
    """Let the event loop run until `condition()` holds (a background task reports through it)."""
    import time

    from peerreview_app.ui.qt import QApplication

    ends = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > ends:
            raise TimeoutError("the screen did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


def _report_shot(window: Any, shot: Any) -> None:
    """The Rapport page of a complete review: its status and the preview of the draft (built in the background)."""
    import time

    from peerreview_app.services.demo import DEVELOPMENTAL_ID
    from peerreview_app.ui.qt import QApplication
    from peerreview_app.ui.workspace.view import Location

    window.open_review(DEVELOPMENTAL_ID, Location("report"))
    page = window.workspace.current_page()
    deadline = time.monotonic() + 30
    while (page.preview is None or page.preview_task is not None) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + 1.5  # QPdfView renders its pages in the background too
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    shot("rapport")


if __name__ == "__main__":
    sys.exit(main())
