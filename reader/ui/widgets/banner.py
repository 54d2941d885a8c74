"""A bar above the window's tabs that tells the reader something they must not miss (notes
recovered from a damaged store, what was wrong in the file on screen), its text wrapped to the
window's width, with its buttons and a Dismiss; `BannerArea` holds the bars
and the window's central widget under them.

The bar takes the palette's highlight colour, blended into the window's background, so that it
stands out in a light or a dark theme alike. Each of its texts may be given as a function that
says it in the interface language: the bar says it again when that language changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

Text = str | Callable[[], str]  # a text, or a function saying it in the language installed now


class Banner(QFrame):
    dismissed = Signal()  # the reader clicked Dismiss (the bar is gone by then)

    def __init__(
        self,
        text: Text,
        parent: QWidget | None = None,
        icon: QStyle.StandardPixmap = QStyle.StandardPixmap.SP_MessageBoxInformation,
        name: Text | None = None,
    ) -> None:
        """`name`: the accessible name of the bar's text, if it has one."""
        super().__init__(parent)
        self._texts: list[tuple[Callable[[str], None], Callable[[], str]]] = []
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        base, accent = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Highlight)
        tint = base.toRgb()
        tint.setRgbF(
            0.8 * tint.redF() + 0.2 * accent.redF(),
            0.8 * tint.greenF() + 0.2 * accent.greenF(),
            0.8 * tint.blueF() + 0.2 * accent.blueF(),
        )
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(palette)
        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(icon).pixmap(32))
        self.label = QLabel()
        self._say(self.label.setText, text)
        if name is not None:
            self._say(self.label.setAccessibleName, name)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        self.dismiss = QPushButton()
        self._say(self.dismiss.setText, lambda: self.tr("Dismiss"))
        self.dismiss.clicked.connect(self._dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        row.addLayout(self.buttons)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignVCenter)

    def add_button(self, text: Text) -> QPushButton:
        button = QPushButton()
        self._say(button.setText, text)
        self.buttons.addWidget(button)
        return button

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for setter, words in self._texts:
                setter(words())

    def _say(self, setter: Callable[[str], None], text: Text) -> None:
        words = text if callable(text) else (lambda: text)
        self._texts.append((setter, words))
        setter(words())

    def _dismiss(self) -> None:
        self.hide()
        self.deleteLater()
        self.dismissed.emit()


class BannerArea(QWidget):
    """The window's central widget: its banners on top, `content` (the tabs) under them."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.box.addWidget(content, 1)

    def add(self, banner: Banner) -> None:
        """Show `banner` above the content, under those already shown."""
        self.box.insertWidget(self.box.count() - 1, banner)

    def banners(self) -> list[Banner]:
        return [w for w in self.findChildren(Banner) if not w.isHidden()]
