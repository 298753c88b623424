"""Small pieces every page of the new-review wizard shares: layout, labels with mnemonics, the problem label."""

from __future__ import annotations

from peerreview_app.ui.qt import QFormLayout, QLabel, Qt, QVBoxLayout, QWidget

# The wizard's own buttons use these letters (English "&Back/&Next/&Finish", Dutch "&Terug/&Volgende/&Voltooien");
# a mnemonic chosen for a domain text avoids them so Alt+letter stays unambiguous.
RESERVED_MNEMONICS = frozenset("bnftv")


def with_mnemonic(text: str, used: set[str]) -> str:
    """`text` with an ampersand before its first letter that is neither reserved nor in `used` (which grows)."""
    escaped = text.replace("&", "&&")
    for index, char in enumerate(escaped):
        key = char.lower()
        if char.isalpha() and key not in RESERVED_MNEMONICS and key not in used:
            used.add(key)
            # `index` counts in the escaped text, so an escaped "&&" before it stays intact.
            return f"{escaped[:index]}&{escaped[index:]}"
    return escaped


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (``&Name``) puts the focus on `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def form_layout() -> QFormLayout:
    """A form with left-aligned labels and growing fields, spaced the same on every page."""
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    return form


def page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 8, 4, 4)
    layout.setSpacing(12)
    return layout


def note(text: str, object_name: str = "") -> QLabel:
    """A wrapped, selectable explanatory text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class ProblemLabel(QLabel):
    """Why the user cannot go on yet: dark red text on a pale red band (contrast above 7:1), hidden when fine."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            f"QLabel#{object_name} {{ color: #8a1c1c; background: #fdecec; border: 1px solid #e8b4b4;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        self.hide()

    def show_problem(self, text: str) -> None:
        """Show `text`, or hide the label when `text` is empty."""
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
