"""A whole process from start to the main window shown: ``python -m benchmarks.start_window DB``."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from peerreview_app.services.workbench import Workbench
    from peerreview_app.ui.app import application
    from peerreview_app.ui.main_window import MainWindow
    from peerreview_app.ui.qt import QTimer
    from peerreview_app.ui.settings import Settings

    app = application()
    workbench = Workbench.open(sys.argv[1], actor="benchmark")
    window = MainWindow(workbench, Settings(sys.argv[2]))
    window.show()
    QTimer.singleShot(0, app.quit)  # quit as soon as the event loop has shown the window
    app.exec()
    workbench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
