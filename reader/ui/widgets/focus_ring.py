"""Where the keyboard is: a ring in the selection colour around the list, tree or text pane that
has the focus. Qt's styles mark only the current item of a focused list (with a dotted or faint
line) and nothing of a focused read-only text pane, so a reader moving with Tab could not tell
where the keys go.

One ring per window follows the focus: a child of the focused view, on top of its frame, that
lets the mouse through. Painted with the palette in use, it follows every theme, High Contrast
(yellow on black) included. A style sheet rule (`:focus`) would do the drawing, but Qt's style
sheet style gives each widget it styles a palette of its own, which then no longer follows a
change of theme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTextEdit, QWidget

WIDTH = 2  # pixels, inside the view's edge
RINGED = (QAbstractItemView, QTextEdit)  # the views with nothing of their own to show the focus


class FocusRing(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self.owner = window
        self.target: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The focus may go to a view's viewport (a click) or to a popup list: ring its view.
        while new is not None and not isinstance(new, RINGED) and isinstance(new.parentWidget(), RINGED):
            new = new.parentWidget()
        if new is None or not isinstance(new, RINGED) or new.window() is not self.owner:
            if new is not None and new.window() is self.owner:
                self._follow(None)  # the focus is on another control of this window
            return
        self._follow(new)

    def _follow(self, target: QWidget | None) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            self.setParent(self.owner)
            return
        self.setParent(target)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.target:
            return False
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a viewport or scroll bar made after the ring stays under it
        elif event.type() == QEvent.Type.Hide:
            self._follow(None)  # back to the window: a hidden view may be about to go (a tab closed)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # The application's selection colour: a panel's list has a tinted one of its own
        # (widgets.html_delegate.tint_selection), too pale for a ring.
        pen = QPen(QApplication.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
