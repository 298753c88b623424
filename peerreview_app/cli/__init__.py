"""The command line: ``peerreview`` for headless work (and, once the Qt workbench lands, to start it)."""

from peerreview_app.cli.app import main

__all__ = ["main"]
