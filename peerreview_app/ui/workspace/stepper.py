"""The phase stepper: the six phases of a review as connected steps, the current one marked."""

from __future__ import annotations

from peerreview_app.domain.phases import ORDER, Phase
from peerreview_app.i18n import _
from peerreview_app.services.labels import phase_label
from peerreview_app.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPoint,
    QRect,
    QSize,
    Qt,
    QtGui,
    QWidget,
)

_PAD = 8  # between a circle and its label, and around the whole


class PhaseStepper(QWidget):
    """Paints voorbereiding → bezoek → … → gearchiveerd; phases before the current one are done (✓).

    Colours come from the palette (Highlight for done and current, Mid for what is still to come), so the
    stepper follows light and dark themes. No signals: it only shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseStepper")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._phase = Phase.PREPARATION
        self.set_phase(Phase.PREPARATION)

    @property
    def phase(self) -> Phase:
        return self._phase

    def set_phase(self, phase: Phase) -> None:
        self._phase = phase
        index = ORDER.index(phase)
        self.setAccessibleName(
            _("Phase: {phase} (step {number} of {total})").format(
                phase=phase_label(phase), number=index + 1, total=len(ORDER)
            )
        )
        steps = [
            f"{i + 1}. {phase_label(p)}: " + (_("done") if i < index else _("current") if i == index else _("to come"))
            for i, p in enumerate(ORDER)
        ]
        self.setAccessibleDescription("; ".join(steps))
        self.setToolTip("\n".join(steps))
        self.update()

    # -- geometry --------------------------------------------------------------------------------------

    def _radius(self) -> int:
        return max(11, QFontMetrics(self.font()).height() * 3 // 4)

    def _label_font(self, current: bool) -> QFont:
        font = QFont(self.font())
        font.setBold(current)
        return font

    def _column_width(self) -> int:
        metrics = QFontMetrics(self._label_font(True))
        widest = max(metrics.horizontalAdvance(_label(p)) for p in ORDER)
        return max(widest + 2 * _PAD, 2 * self._radius() + 4 * _PAD)

    def sizeHint(self) -> QSize:
        height = 2 * _PAD + 2 * self._radius() + _PAD + QFontMetrics(self._label_font(True)).height()
        return QSize(self._column_width() * len(ORDER), height)

    def minimumSizeHint(self) -> QSize:
        # Narrower than the labels is allowed: they are elided, the circles always fit.
        return QSize((2 * self._radius() + 3 * _PAD) * len(ORDER), self.sizeHint().height())

    # -- painting --------------------------------------------------------------------------------------

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorRole.Mid)
        radius = self._radius()
        column = self.width() / len(ORDER)
        centre_y = _PAD + radius
        current = ORDER.index(self._phase)
        centres = [QPoint(round(column * (i + 0.5)), centre_y) for i in range(len(ORDER))]

        for i in range(len(ORDER) - 1):
            painter.setPen(QPen(accent if i < current else muted, 2))
            start, end = centres[i], centres[i + 1]
            painter.drawLine(start.x() + radius + 4, centre_y, end.x() - radius - 4, centre_y)

        for i, (phase, centre) in enumerate(zip(ORDER, centres, strict=True)):
            self._paint_step(painter, i, centre, i - current)
            self._paint_label(painter, phase, centre, round(column), i - current)
        painter.end()

    def _paint_step(self, painter: QPainter, index: int, centre: QPoint, offset: int) -> None:
        """One circle: done (offset < 0) with a check mark, current (0) with a halo, or to come (> 0)."""
        palette = self.palette()
        radius = self._radius()
        accent = palette.color(QPalette.ColorRole.Highlight)
        on_accent = palette.color(QPalette.ColorRole.HighlightedText)
        if offset == 0:
            halo = QColor(accent)
            halo.setAlpha(90)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(centre, radius + 5, radius + 5)
        if offset <= 0:
            painter.setPen(QPen(accent, 2))
            painter.setBrush(accent)
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(centre, radius, radius)
        if offset < 0:
            # A check mark: done.
            painter.setPen(QPen(on_accent, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            s = radius / 2.2
            x, y = centre.x(), centre.y()
            painter.drawLine(round(x - s), round(y), round(x - s / 3), round(y + s * 0.7))
            painter.drawLine(round(x - s / 3), round(y + s * 0.7), round(x + s), round(y - s * 0.6))
            return
        painter.setPen(on_accent if offset == 0 else palette.color(QPalette.ColorRole.PlaceholderText))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        box = QRect(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(index + 1))

    def _paint_label(self, painter: QPainter, phase: Phase, centre: QPoint, width: int, offset: int) -> None:
        palette = self.palette()
        radius = self._radius()
        font = self._label_font(offset == 0)
        painter.setFont(font)
        role = QPalette.ColorRole.PlaceholderText if offset > 0 else QPalette.ColorRole.WindowText
        painter.setPen(palette.color(role))
        metrics = QFontMetrics(font)
        text = metrics.elidedText(_label(phase), Qt.TextElideMode.ElideRight, width - 4)
        box = QRect(centre.x() - width // 2, centre.y() + radius + _PAD, width, metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


def _label(phase: Phase) -> str:
    text = phase_label(phase)
    return text[:1].upper() + text[1:]
