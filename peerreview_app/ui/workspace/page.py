"""The base of every workspace page."""

from __future__ import annotations

from collections.abc import Callable

from peerreview_app.domain.review import Review
from peerreview_app.ui.qt import QFrame, QLabel, QPushButton, QScrollArea, Qt, QVBoxLayout, QWidget
from peerreview_app.ui.workspace.context import WorkspaceContext


class Page(QWidget):
    """One page of the workspace (Overzicht, a criterion, the programme, …).

    The workspace calls `show_item(review, ref)` whenever the page becomes visible or the review changed;
    `ref` says which item (a criterion id for the criterion page, a standard id, or "" for single pages).
    `commit()` saves pending edits before the user leaves the page; `focus_field(field)` puts the cursor in a
    field when the user clicks a completeness item. A page never holds a database session: it reads the
    `Review` it is given and changes data through `self.context.save(lambda: service(...))`.
    """

    key = ""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ref = ""

    def show_item(self, review: Review, ref: str) -> None:
        self.ref = ref

    def commit(self) -> bool:
        return True

    def focus_field(self, field: str) -> bool:
        return False


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that resizes it to the width (pages can be long)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def heading(text: str, level: int = 1) -> QLabel:
    """A page or section heading in the workbench's type scale."""
    label = QLabel(text)
    label.setObjectName("pageHeading" if level == 1 else "sectionHeading")
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.45 if level == 1 else 1.15))
    font.setBold(True)
    label.setFont(font)
    return label


def wrap(text: str, object_name: str = "") -> QLabel:
    """A selectable, word-wrapped text label."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def push_button(parent: QWidget, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    """A named button (objectName and accessible name) that calls `slot` when clicked."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(slot)
    return button


def vbox(parent: QWidget, margins: int = 16, spacing: int = 10) -> QVBoxLayout:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout
