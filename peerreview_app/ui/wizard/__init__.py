"""The new-review wizard."""

from peerreview_app.ui.wizard.wizard import NewReviewWizard

__all__ = ["NewReviewWizard"]
