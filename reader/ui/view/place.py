"""Telling the window where the reader is: the paragraph a view reports as its place, said once
for a burst of scrolls and only when it changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

BURST_MS = 30  # scroll events closer than this make one report


class PlaceReporter(QObject):
    changed = Signal(int)  # the paragraph index of the place, -1 for none

    def __init__(self, where: Callable[[], int], parent: QObject) -> None:
        super().__init__(parent)
        self._where = where
        self._said = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BURST_MS)
        self._timer.timeout.connect(self.now)

    def soon(self) -> None:
        """Report once the current burst of scrolls is over."""
        self._timer.start()

    def now(self) -> None:
        place = self._where()
        if place != self._said:
            self._said = place
            self.changed.emit(place)

    def forget(self) -> None:
        """Say the place again at the next report, even if it did not change (a new layout)."""
        self._said = -1
