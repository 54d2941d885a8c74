"""What a view shows until its first call is on screen: what is being opened and a busy bar, or
the one-line reason it could not be opened.

The page also says when it has first been painted (`painted`, an event a worker can wait on, and
`firstPainted`): that is when the window is on screen and the GUI thread can spare the GIL.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class LoadingPage(QWidget):
    firstPainted = Signal()  # in a turn of the event loop after the first paint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painted = threading.Event()  # set once the first paint is done
        self._seen = False
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(360)
        box = QVBoxLayout(self)
        box.addStretch()
        box.addWidget(self.label)
        box.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.progress.show()

    def fail(self, reason: str) -> None:
        self.label.setText(reason)
        self.progress.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._seen:
            self._seen = True
            QTimer.singleShot(0, self, self.painted.set)  # once the rest of this paint is done
            QTimer.singleShot(1, self, self.firstPainted.emit)
