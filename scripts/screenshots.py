"""Render the main screens offscreen at 1440×900 into docs/screenshots/ (run: .venv/bin/python scripts/screenshots.py).

Uses a throw-away demo database and settings, so it never touches the user's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
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
        window.close()
        workbench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
