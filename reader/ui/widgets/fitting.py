"""Controls that stay readable when a panel is squeezed (two docks sharing one side of a small
window): a combo box that elides its text with "…" and says it whole in its tooltip and its
list, and a grid that puts its controls in as many columns as fit its width."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)


def combo_width(widget: QWidget, text: str) -> int:
    """How wide a combo box in `widget`'s style and font must be to show `text` whole."""
    option = QStyleOptionComboBox()
    option.initFrom(widget)
    metrics = widget.fontMetrics()
    size = QSize(metrics.horizontalAdvance(text) + 8, metrics.height())
    return widget.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, widget).width()


class ElidedCombo(QComboBox):
    """A combo box whose chosen text, when it does not fit, ends in "…" (never cut mid-letter
    with no sign); then its tooltip holds the whole text. Its list is as wide as its longest
    entry, so every choice can be read there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elided = False  # the text shown is cut short (its tooltip then says it whole)
        self._own_tip = ""  # a tooltip set from outside, kept under the whole text

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._own_tip = tip
        super().setToolTip(tip)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        icon = option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0  # type: ignore[attr-defined]
        text = option.currentText  # type: ignore[attr-defined]
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(field.width() - icon, 0))
        option.currentText = shown  # type: ignore[attr-defined]
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        self._tell_whole(text, shown != text)

    def _tell_whole(self, text: str, elided: bool) -> None:
        self.elided = elided
        tip = "\n".join(x for x in (text, self._own_tip) if x) if elided else self._own_tip
        if super().toolTip() != tip:
            super().setToolTip(tip)

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        view = self.view()
        wanted = view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8
        view.setMinimumWidth(max(self.width(), wanted))
        super().showPopup()


class FlowGrid(QWidget):
    """`controls` in rows of as many columns as fit (at most `columns`), each at least
    `min_width` wide: three filters a row in a wide panel, two or one when it is squeezed."""

    def __init__(
        self, controls: Sequence[QWidget], columns: int, min_width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controls = list(controls)
        self.most = columns
        self.min_width = min_width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._place(columns)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for w in self.controls:
            self.grid.removeWidget(w)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 0)
        for i, w in enumerate(self.controls):
            self.grid.addWidget(w, i // columns, i % columns)
        for c in range(columns):
            self.grid.setColumnStretch(c, 1)
        self.grid.activate()  # the controls at their new places now, not at the next layout pass

    def fitting(self, width: int) -> int:
        """How many columns fit `width`."""
        spacing = max(self.grid.horizontalSpacing(), 0)
        return max(1, min(self.most, (width + spacing) // (self.min_width + spacing)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.fitting(event.size().width()))
