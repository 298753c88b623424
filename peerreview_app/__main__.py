"""``python -m peerreview_app`` is the same as ``peerreview``."""

import sys

from peerreview_app.entry import main

sys.exit(main())
